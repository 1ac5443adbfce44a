"""Statistics overview (per område and across all: most/least common, shares given
digitally, by private providers and without decision) and the CSV of every figure."""

from __future__ import annotations

import csv
import io

from markupsafe import Markup

from generator.site.crossrefs import CrossRefs
from generator.model.records import MEASURES, MEASURE_LABELS, Insats, Membership
from generator.site.escape import csv_cell
from generator.site.render import charts
from generator.site.render.common import (
    DOWNLOADS, STATISTICS, a, breadcrumb, html_table, insats_page, link_html, omrade_page,
    render_template, TITLES, front_matter,
)
from generator.site.render.insats import omrade_name

TOP = 10
CSV_PATH = "nedladdning/statistik.csv"


def _ranked(rows: list[tuple[Membership, Insats]], measure: str) -> list[tuple[Membership, Insats]]:
    with_fig = [r for r in rows if r[0].statistik and getattr(r[0].statistik, measure)]
    return sorted(with_fig, key=lambda r: (-getattr(r[0].statistik, measure).andel,
                                           -getattr(r[0].statistik, measure).antal,
                                           r[0].omrade, r[0].ordning))


def _table(src: str, caption: str, rows, measure: str, refs: CrossRefs, with_omrade: bool) -> Markup:
    head = ["Insats", *(["Område"] if with_omrade else []), MEASURE_LABELS[measure]]
    body = []
    for m, i in rows:
        body.append([a(link_html(src, insats_page(i.id)), i.namn),
                     *([a(link_html(src, omrade_page(m.omrade)), omrade_name(refs, m.omrade))]
                       if with_omrade else []),
                     str(getattr(m.statistik, measure))])
    return html_table(caption, head, body, numeric_from=2 if with_omrade else 1)


def _chart(chart_id: str, title: str, rows, measure: str, refs: CrossRefs, with_omrade: bool) -> Markup:
    groups = tuple(charts.Group(i.namn + (f" ({omrade_name(refs, m.omrade)})" if with_omrade else ""),
                                (charts.Bar(i.namn, getattr(m.statistik, measure).andel,
                                            str(getattr(m.statistik, measure))),))
                   for m, i in rows)
    return charts.bar_chart(chart_id, title, groups)


def blocks(src: str, scope: str, rows, refs: CrossRefs, with_omrade: bool, prefix: str) -> list[tuple[str, Markup, Markup]]:
    """[(heading, chart, table)] for: most common, least common, then the top of each other measure."""
    out = []
    ges = _ranked(rows, "ges")
    specs = [("Vanligast", "ges", ges[:TOP])]
    if len(ges) > TOP:
        specs.append(("Minst vanligt", "ges", list(reversed(ges[-TOP:]))))
    for measure in MEASURES[1:]:
        specs.append((f"Störst andel: {MEASURE_LABELS[measure].lower()}", measure,
                      _ranked(rows, measure)[:TOP]))
    for n, (label, measure, chosen) in enumerate(specs, 1):
        if not chosen:
            continue
        title = f"{scope}: {label.lower()} – {MEASURE_LABELS[measure].lower()}"
        out.append((label, _chart(f"{prefix}-{n}", title, chosen, measure, refs, with_omrade),
                    _table(src, title, chosen, measure, refs, with_omrade)))
    return out


def render_statistics(refs: CrossRefs) -> tuple[str, str]:
    src = STATISTICS
    all_rows = [r for rows in refs.by_omrade.values() for r in rows]
    all_rows.sort(key=lambda r: (r[0].omrade, r[0].ordning, r[1].id))
    sections = [("Alla områden", "alla", blocks(src, "Alla områden", all_rows, refs, True, "alla"))]
    for o in sorted(refs.content.omraden, key=lambda x: x.nummer):
        rows = refs.by_omrade.get(o.id, [])
        sections.append((o.namn, o.id, blocks(src, o.namn, rows, refs, False, f"d-{o.id}")))
    n_rows = sum(1 for m, _ in all_rows if m.statistik)
    return src, front_matter(TITLES[STATISTICS]) + render_template("statistik.md.j2", src=src, sections=sections, n_rows=n_rows,
                                breadcrumb=breadcrumb(src), DOWNLOADS=DOWNLOADS,
                                omrade_page=omrade_page, refs=refs)


def statistics_csv(refs: CrossRefs) -> str:
    """Every figure: one row per insats × område; empty cells where the source has `-`.
    Text cells are made safe to open in a spreadsheet (escape.csv_cell)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["insats_id", "insats", "omrade_id", "omrade", "kategori", "rubrik",
                "namn_i_tabell", *(f"{m}_{k}" for m in MEASURES for k in ("antal", "andel"))])
    for o in sorted(refs.content.omraden, key=lambda x: x.nummer):
        for m, i in refs.by_omrade.get(o.id, []):
            if not m.statistik:
                continue
            figs = []
            for x in MEASURES:
                f = getattr(m.statistik, x)
                figs += ["", ""] if f is None else [f.antal, f.andel]
            w.writerow([csv_cell(v) for v in (i.id, i.namn, o.id, o.namn, m.kategori,
                                              m.rubrik or "", m.statistik.namn_i_tabell)]
                       + figs)
    return buf.getvalue()
