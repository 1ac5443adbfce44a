"""Charts as HTML bars: a label, a bar and the figure as printed, no JavaScript, no SVG.

Plain HTML text, so a chart reflows on a phone (label above its bar, every figure whole –
an SVG scaled to 328 px cut its values or shrank them unreadably) and prints at the size
of the body text. Colours come from CSS (classes ih-s0…ih-s3 → custom properties), so a
chart follows dark/light mode; bars are set to print. The page shows the same figures in
a table; the caption says what the chart shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.site.escape import h


@dataclass(frozen=True)
class Bar:
    label: str  # series label (or the row label for a one-bar group)
    share: int | None  # percent, None = no value (drawn as text only)
    text: str  # the figure as printed, e.g. "169 (70 %)" or "ej efterfrågat"
    series: int = 0


@dataclass(frozen=True)
class Group:
    label: str
    bars: tuple[Bar, ...]


def bar_chart(chart_id: str, title: str, groups: tuple[Group, ...]) -> Markup:
    """Grouped horizontal bars. A group with one bar is one row, labelled by the group.
    Every label and figure is text, so the chart needs no separate text alternative."""
    rows: list[str] = []
    for g in groups:
        if len(g.bars) > 1:
            rows.append(f'<p class="ih-grupp">{h(g.label)}</p>')
        for b in g.bars:
            label = b.label if len(g.bars) > 1 else g.label
            share = 0 if b.share is None else max(0, min(int(b.share), 100))
            bar = (
                f'<span class="ih-stapel ih-s{b.series % 4}" style="width:{share}%"></span>'
                if b.share is not None
                else ""
            )
            rows.append(
                f'<div class="ih-rad"><span class="ih-etikett">{h(label)}</span>'
                f'<span class="ih-spar" aria-hidden="true">{bar}</span>'
                f'<span class="ih-varde">{h(b.text)}</span></div>'
            )
    return Markup(
        f'<figure class="ih-figur" role="group" '
        f'aria-labelledby="{h(chart_id)}-t">'
        f'<figcaption id="{h(chart_id)}-t">{h(title)}</figcaption>' + "".join(rows) + "</figure>"
    )
