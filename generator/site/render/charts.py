"""Charts as inline SVG: horizontal bars of shares (0–100 %), no JavaScript.

Colours come from CSS (classes ih-s0…ih-s3 → custom properties) with currentColor as the
fallback, so a chart follows dark/light mode and prints in black. Every chart carries a
<title>/<desc> text alternative; the page shows the same figures in a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.site.escape import h

WIDTH = 640
LABEL_W = 250  # left column for labels
BAR_X = LABEL_W + 8
BAR_W = 300  # 100 %
ROW_H = 18
BAR_H = 13
GROUP_GAP = 8
MAX_LABEL = 36


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


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, desc: str, groups: tuple[Group, ...]) -> Markup:
    """Grouped horizontal bar chart. A group with one bar is drawn on one line."""
    rows: list[str] = []
    y = 4
    for g in groups:
        if len(g.bars) > 1:
            rows.append(f'<text x="0" y="{y + 11}" class="ih-grupp" font-weight="bold">'
                        f"{h(_short(g.label))}</text>")
            y += ROW_H
        for b in g.bars:
            label = b.label if len(g.bars) > 1 else g.label
            indent = 12 if len(g.bars) > 1 else 0
            rows.append(f'<text x="{indent}" y="{y + 11}">{h(_short(label))}</text>')
            w = 0 if b.share is None else round(BAR_W * max(0, min(b.share, 100)) / 100)
            if w:
                rows.append(f'<rect x="{BAR_X}" y="{y}" width="{w}" height="{BAR_H}" '
                            f'class="ih-stapel ih-s{b.series % 4}" fill="currentColor"/>')
            rows.append(f'<text x="{BAR_X + w + 4}" y="{y + 11}">{h(b.text)}</text>')
            y += ROW_H
        y += GROUP_GAP
    height = y + 14
    axis = (f'<line x1="{BAR_X}" y1="0" x2="{BAR_X}" y2="{height - 16}" stroke="currentColor"/>'
            f'<text x="{BAR_X}" y="{height - 2}" font-size="10">0 %</text>'
            f'<text x="{BAR_X + BAR_W}" y="{height - 2}" font-size="10" text-anchor="end">100 %</text>')
    svg = (f'<svg class="ih-diagram" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d" font-size="12" fill="currentColor">'
           f'<title id="{chart_id}-t">{h(title)}</title><desc id="{chart_id}-d">{h(desc)}</desc>'
           + axis + "".join(rows) + "</svg>")
    # Focusable: on a phone the chart scrolls inside the figure, and keyboards must reach it.
    return Markup(f'<figure class="ih-figur" tabindex="0">{svg}'
                  f'<figcaption>{h(title)}</figcaption></figure>')


def describe(groups: tuple[Group, ...]) -> str:
    """The chart's text alternative: every bar's label and figure, in drawing order."""
    parts = []
    for g in groups:
        if len(g.bars) == 1:
            parts.append(f"{g.label}: {g.bars[0].text}")
        else:
            parts.append(f"{g.label}: " + ", ".join(f"{b.label} {b.text}" for b in g.bars))
    return "; ".join(parts) + "."
