"""Statistics pages – the overview across all områden and one page per område: most and
least common, the largest shares given digitally, by private providers and without
decision – and the CSV of every figure."""

from __future__ import annotations

import csv
import io

from markupsafe import Markup

from generator.model.records import MEASURE_LABELS, MEASURES, Insats, Membership, Omrade
from generator.site.crossrefs import CrossRefs
from generator.site.escape import csv_cell
from generator.site.render import charts
from generator.site.render.common import (
    DOWNLOADS,
    STATISTICS,
    TITLES,
    a,
    breadcrumb,
    front_matter,
    html_table,
    insats_page,
    link_html,
    omrade_page,
    omrade_statistics_page,
    render_template,
)
from generator.site.render.insats import omrade_name

TOP = 10
CSV_PATH = "nedladdning/statistik.csv"

# A block's anchor (its heading's id; its chart is "diagram-<anchor>"), the same on every
# statistics page: one scope per page, so no record id is needed to keep them apart.
MOST, LEAST = "vanligast", "minst-vanligt"


def measure_anchor(measure: str) -> str:
    return measure.replace("_", "-")


Block = tuple[str, str, Markup, Markup]  # anchor, heading, chart, table


def has_figures(rows: list[tuple[Membership, Insats]]) -> bool:
    """Whether any block would show a row (the survey may have no table for an område)."""
    return any(m.statistik and any(getattr(m.statistik, x) for x in MEASURES) for m, _ in rows)


def _ranked(rows: list[tuple[Membership, Insats]], measure: str) -> list[tuple[Membership, Insats]]:
    with_fig = [r for r in rows if r[0].statistik and getattr(r[0].statistik, measure)]
    return sorted(
        with_fig,
        key=lambda r: (
            -getattr(r[0].statistik, measure).andel,
            -getattr(r[0].statistik, measure).antal,
            r[0].omrade,
            r[0].ordning,
        ),
    )


def _table(
    src: str, caption: str, rows, measure: str, refs: CrossRefs, with_omrade: bool
) -> Markup:
    head = ["Insats", *(["Område"] if with_omrade else []), MEASURE_LABELS[measure]]
    body = []
    for m, i in rows:
        body.append(
            [
                a(link_html(src, insats_page(i.id)), i.namn),
                *(
                    [a(link_html(src, omrade_page(m.omrade)), omrade_name(refs, m.omrade))]
                    if with_omrade
                    else []
                ),
                str(getattr(m.statistik, measure)),
            ]
        )
    return html_table(caption, head, body, numeric_from=2 if with_omrade else 1)


def _chart(
    chart_id: str, title: str, rows, measure: str, refs: CrossRefs, with_omrade: bool
) -> Markup:
    groups = tuple(
        charts.Group(
            i.namn + (f" ({omrade_name(refs, m.omrade)})" if with_omrade else ""),
            (
                charts.Bar(
                    i.namn, getattr(m.statistik, measure).andel, str(getattr(m.statistik, measure))
                ),
            ),
        )
        for m, i in rows
    )
    return charts.bar_chart(chart_id, title, groups)


def blocks(src: str, scope: str, rows, refs: CrossRefs, with_omrade: bool) -> list[Block]:
    """[(anchor, heading, chart, table)] for: most common, least common, then the top of
    each other measure."""
    out = []
    ges = _ranked(rows, "ges")
    specs = [(MOST, "Vanligast", "ges", ges[:TOP])]
    if len(ges) > TOP:
        specs.append((LEAST, "Minst vanligt", "ges", list(reversed(ges[-TOP:]))))
    for measure in MEASURES[1:]:
        specs.append(
            (
                measure_anchor(measure),
                f"Störst andel: {MEASURE_LABELS[measure].lower()}",
                measure,
                _ranked(rows, measure)[:TOP],
            )
        )
    for anchor, label, measure, chosen in specs:
        if not chosen:
            continue
        title = f"{scope}: {label.lower()} – {MEASURE_LABELS[measure].lower()}"
        out.append(
            (
                anchor,
                label,
                _chart(f"diagram-{anchor}", title, chosen, measure, refs, with_omrade),
                _table(src, title, chosen, measure, refs, with_omrade),
            )
        )
    return out


def _omraden(refs: CrossRefs) -> list[Omrade]:
    return sorted(refs.content.omraden, key=lambda x: x.nummer)


def render_statistics(refs: CrossRefs) -> tuple[str, str]:
    """The overview: every område together, and a link to each område's own page."""
    src = STATISTICS
    all_rows = [r for rows in refs.by_omrade.values() for r in rows]
    all_rows.sort(key=lambda r: (r[0].omrade, r[0].ordning, r[1].id))
    n_rows = sum(1 for m, _ in all_rows if m.statistik)
    page = render_template(
        "statistik.md.j2",
        src=src,
        n_rows=n_rows,
        breadcrumb=breadcrumb(src),
        DOWNLOADS=DOWNLOADS,
        items=blocks(src, "Alla områden", all_rows, refs, True),
        omraden=[(o.namn, omrade_statistics_page(o.id)) for o in _omraden(refs)],
    )
    return src, front_matter(TITLES[STATISTICS]) + page


def render_omrade_statistics(o: Omrade, refs: CrossRefs) -> tuple[str, str]:
    """One område's blocks, on a page of its own (one page for all was too heavy)."""
    src = omrade_statistics_page(o.id)
    rows = refs.by_omrade.get(o.id, [])
    title = f"Statistik: {o.namn}"
    items = blocks(src, o.namn, rows, refs, False)
    page = render_template(
        "statistik_omrade.md.j2",
        src=src,
        o=o,
        title=title,
        breadcrumb=breadcrumb(src, (TITLES[STATISTICS], STATISTICS)),
        STATISTICS=STATISTICS,
        omrade=omrade_page(o.id),
        items=items,
    )
    description = (
        f"Statistik för {o.namn}: de vanligaste och minst vanliga insatserna och "
        "störst andel digitalt, i enskild regi och utan biståndsbeslut."
        if items
        else f"Statistik för {o.namn}: handboken har inga siffror ur kartläggningen för området."
    )
    return src, front_matter(title, description=description) + page


def statistics_csv(refs: CrossRefs) -> str:
    """Every figure: one row per insats × område; empty cells where the source has `-`.
    Text cells are made safe to open in a spreadsheet (escape.csv_cell)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "insats_id",
            "insats",
            "omrade_id",
            "omrade",
            "kategori",
            "rubrik",
            "namn_i_tabell",
            *(f"{m}_{k}" for m in MEASURES for k in ("antal", "andel")),
        ]
    )
    for o in _omraden(refs):
        for m, i in refs.by_omrade.get(o.id, []):
            if not m.statistik:
                continue
            figs = []
            for x in MEASURES:
                f = getattr(m.statistik, x)
                figs += ["", ""] if f is None else [f.antal, f.andel]
            w.writerow(
                [
                    csv_cell(v)
                    for v in (
                        i.id,
                        i.namn,
                        o.id,
                        o.namn,
                        m.kategori,
                        m.rubrik or "",
                        m.statistik.namn_i_tabell,
                    )
                ]
                + figs
            )
    return buf.getvalue()
