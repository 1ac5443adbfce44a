"""Område pages and the område refs: categories and sub-headings in source order, every
insats with its four figures, and charts of the most and least common insatser."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.records import MEASURE_LABELS, MEASURES, Figure, Insats, Membership, Omrade
from generator.site.crossrefs import CrossRefs
from generator.site.render import ages, charts, kontakter, statistik
from generator.site.render.common import (
    A_O,
    OMRADEN,
    TITLES,
    breadcrumb,
    front_matter,
    html_table,
    insats_page,
    link_html,
    omrade_page,
    omrade_statistics_page,
    render_template,
    stat_cells,
)
from generator.text import sort_key

TOP = 10


def _ges(m: Membership) -> Figure:
    """The 'ges' figure of a row that has one (`ranked` keeps only those)."""
    if m.statistik is None or m.statistik.ges is None:
        raise ValueError(f"{m.namn_i_kalla}: no 'ges' figure")
    return m.statistik.ges


def ranked(rows: list[tuple[Membership, Insats]]) -> list[tuple[Membership, Insats]]:
    """Rows with a 'ges' figure, most common first; ties in source order."""
    with_fig = [r for r in rows if r[0].statistik and r[0].statistik.ges]
    return sorted(with_fig, key=lambda r: (-_ges(r[0]).andel, -_ges(r[0]).antal, r[0].ordning))


def top_chart(chart_id: str, title: str, rows: list[tuple[Membership, Insats]]) -> Markup:
    groups = tuple(
        charts.Group(i.namn, (charts.Bar(i.namn, _ges(m).andel, str(_ges(m))),)) for m, i in rows
    )
    return charts.bar_chart(chart_id, title, groups)


def insats_table(src: str, caption: str, rows: list[tuple[Membership, Insats]]) -> Markup:
    return html_table(
        caption,
        ["Insats", *(MEASURE_LABELS[x] for x in MEASURES)],
        [
            [
                ages.tagged_link(link_html(src, insats_page(i.id)), i.namn, m.alder),
                *stat_cells(m.statistik),
            ]
            for m, i in rows
        ],
    )


def sections(src: str, o: Omrade, refs: CrossRefs) -> list[tuple[str, str, list[tuple]]]:
    """[(category id, name, [(sub-heading or None, insatser, table)])] in source order."""
    out = []
    for c in o.kategorier:
        rows = refs.by_category.get((o.id, c.id), [])
        parts: list[tuple[str | None, list[Insats], Markup]] = []
        for rubrik in (None, *c.rubriker):
            sub = [r for r in rows if r[0].rubrik == rubrik]
            if sub:
                label = f"{c.id} {c.namn}" + (f" – {rubrik}" if rubrik else "")
                parts.append((rubrik, [i for _, i in sub], insats_table(src, label, sub)))
        known = {None, *c.rubriker}
        stray = [r for r in rows if r[0].rubrik not in known]
        if stray:  # a sub-heading the område file does not list: still shown, never lost
            parts.append(
                (
                    "Övriga",
                    [i for _, i in stray],
                    insats_table(src, f"{c.id} {c.namn} – övriga", stray),
                )
            )
        out.append((c.id, c.namn, parts))
    return out


def render_omrade(o: Omrade, refs: CrossRefs) -> tuple[str, str]:
    src = omrade_page(o.id)
    rows = refs.by_omrade.get(o.id, [])
    order = ranked(rows)
    most = order[:TOP]
    least = list(reversed(order[-TOP:])) if len(order) > TOP else []
    akut, akut_meta = kontakter.for_omrade(refs, o.id)
    page = render_template(
        "omrade.md.j2",
        akut=akut,
        src=src,
        o=o,
        count=len({i.id for _, i in rows}),
        breadcrumb=breadcrumb(src, ("Områden", OMRADEN)),
        sections=sections(src, o, refs),
        see_also=[
            (s.text, refs.omrade[s.omrade].namn, omrade_page(s.omrade))
            for s in o.se_ocksa
            if s.omrade in refs.omrade
        ],
        own=sorted(
            (
                i
                for i in refs.content.insatser
                if o.id in i.omraden and not any(m.omrade == o.id for m in i.medlemskap)
            ),
            key=lambda i: sort_key(i.namn),
        ),
        insats_page=insats_page,
        # the område's statistics page, when it has any figure to show
        statistics=omrade_statistics_page(o.id) if statistik.has_figures(rows) else None,
        most=top_chart("diagram-vanligast", f"{o.namn}: de {len(most)} vanligaste insatserna", most)
        if most
        else None,
        least=top_chart(
            "diagram-ovanligast", f"{o.namn}: de {len(least)} minst vanliga insatserna", least
        )
        if least
        else None,
        A_O=A_O,
        age_links=ages.filter_links(src, ages.omrade_groups(refs, o.id), ages.omrade_anchor(o.id)),
    )
    meta: dict[str, object] = {
        "kallfil": f"content/omraden/{o.id}.yml",
        "description": f"{o.namn}: {o.inledning or o.notering or ''}",
        # what the page's search hit shows (the page's first words are its breadcrumb)
        "sokutdrag": f"Området {o.namn}: {len({i.id for _, i in rows})} insatser i "
        f"{len(o.kategorier)} kategorier, med statistik.",
        **akut_meta,
    }
    if words := refs.everyday_words_omrade.get(o.id):
        meta["sokord"] = list(words)  # content/sokord.yml: the search finds the område by them
    return src, front_matter(o.namn, **meta) + page


def render_omraden_index(refs: CrossRefs) -> tuple[str, str]:
    src = OMRADEN
    items = []
    for o in sorted(refs.content.omraden, key=lambda x: x.nummer):
        rows = refs.by_omrade.get(o.id, [])
        items.append((o, omrade_page(o.id), len({i.id for _, i in rows})))
    return src, front_matter(TITLES[OMRADEN]) + render_template(
        "omraden.md.j2", src=src, items=items, breadcrumb=breadcrumb(src)
    )
