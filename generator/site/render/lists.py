"""The kommun lists: IUB lists (every field of every insats), the IUB explainer and
comparison, and the skolgång lists grouped by provider, each linked to national insatser."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.records import LocalInsats, LocalList
from generator.site.crossrefs import CrossRefs, method_of, national_ids
from generator.site.escape import h, h_blocks
from generator.site.render import jsonld
from generator.site.render.ages import age_cell, age_text
from generator.site.render.common import (
    AGES,
    IUB,
    IUB_COMPARISON,
    SKOLGANG,
    SOURCES,
    TITLES,
    a,
    breadcrumb,
    front_matter,
    html_table,
    insats_page,
    link_html,
    list_page,
    render_template,
    safe_id,
    work_anchor,
)
from generator.text import sort_key


def fields(src: str, li: LocalInsats, refs: CrossRefs) -> Markup:
    """Every field of a local insats, in the order the source gives them, as a <dl>."""
    rows: list[tuple[str, Markup]] = []
    if li.nummer:
        rows.append(("Nummer", h(li.nummer)))
    for label, value in (("Innehåll", li.innehall), ("Omfattning", li.omfattning)):
        if value:
            rows.append((label, h_blocks(value)))
    for m in li.metod:
        parts = []
        if m.beskrivning:
            parts.append(h_blocks(m.beskrivning))
        if m.malgrupp:
            parts.append(Markup(f"<p>Målgrupp: {h(m.malgrupp)}</p>"))
        if m.omfattning:
            parts.append(Markup(f"<p>Omfattning: {h(m.omfattning)}</p>"))
        method_national = [refs.insats[n] for n in m.nationell if n in refs.insats]
        if method_national:
            parts.append(
                Markup(
                    "<p>Nationell insats: "
                    + ", ".join(
                        a(link_html(src, insats_page(n.id)), n.namn) for n in method_national
                    )
                    + "</p>"
                )
            )
        rows.append(("Metod" + (f": {m.namn}" if m.namn else ""), Markup("".join(parts))))
    if li.malgrupp:
        rows.append(("Målgrupp", h_blocks(li.malgrupp)))
    if li.alder:
        rows.append(("Ålder", age_cell(li.alder)))
    if li.villkor:
        rows.append(
            ("Villkor", Markup("<ul>" + "".join(f"<li>{h(v)}</li>" for v in li.villkor) + "</ul>"))
        )
    for label, value in (("Dokumentation", li.dokumentation), ("Uppföljning", li.uppfoljning)):
        if value:
            rows.append((label, h_blocks(value)))
    national = [refs.insats[n] for n in li.nationell if n in refs.insats]
    if national:
        rows.append(
            (
                "Nationell insats",
                Markup(", ".join(a(link_html(src, insats_page(n.id)), n.namn) for n in national)),
            )
        )
    elif not any(m.nationell for m in li.metod):
        rows.append(("Nationell insats", Markup("Ingen motsvarande insats i kartläggningen")))
    for w in li.kallor:
        if w in refs.work:
            rows.append(("Källa", a(link_html(src, SOURCES, work_anchor(w)), refs.work[w].text)))
    for note in li.noter:
        rows.append(("Not", h_blocks(note)))
    return Markup(
        '<dl class="ih-falt">' + "".join(f"<dt>{h(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
    )


def render_list(lst: LocalList, refs: CrossRefs) -> tuple[str, str]:
    src = list_page(lst.kind, lst.id)
    section = (TITLES[IUB], IUB) if lst.kind == "iub" else (TITLES[SKOLGANG], SKOLGANG)
    doc = refs.work.get(lst.dokument)
    page = render_template(
        "lista.md.j2",
        src=src,
        lst=lst,
        breadcrumb=breadcrumb(src, section),
        doc=doc,
        doc_link=link_html(src, SOURCES, work_anchor(lst.dokument)),
        groups=[
            (g, [(li, safe_id(li.id), fields(src, li, refs)) for li in g.insatser])
            for g in lst.grupper
        ],
        SOURCES=SOURCES,
        work_anchor=work_anchor,
        age_text=age_text,
        AGES=AGES,
    )
    folder = "iub" if lst.kind == "iub" else "skolgang"
    count = sum(len(g.insatser) for g in lst.grupper)
    kind = (
        "som ges utan ansökan (utan individuell behovsprövning)"
        if lst.kind == "iub"
        else "som kan stabilisera skolgången"
    )
    names = [li.namn for g in lst.grupper for li in g.insatser]
    meta: dict[str, object] = {
        "kallfil": f"content/{folder}/{lst.id}.yml",
        "description": f"{lst.kommun}: {count} insatser {kind}, bland "
        f"annat {', '.join(names[:6])}.",
        "sokutdrag": f"{lst.kommun}: {count} insatser {kind}.",
        "jsonld": jsonld.script_json(jsonld.list_data(lst, refs, src)),
    }
    if words := refs.everyday_words_omrade.get(f"{folder}/{lst.id}"):
        meta["sokord"] = list(words)  # content/sokord.yml: the search finds the list by them
    return src, front_matter(f"{lst.kommun}: {lst.titel}", **meta) + page


def render_iub_index(refs: CrossRefs) -> tuple[str, str]:
    src = IUB
    ex = refs.content.iub
    lists = [lst for lst in refs.content.lists if lst.kind == "iub"]
    excluded = []
    if ex:
        for e in ex.undantagna:
            excluded.append((e, [refs.insats[n] for n in e.nationell if n in refs.insats]))
    page = render_template(
        "iub.md.j2",
        src=src,
        ex=ex,
        lists=[(lst, list_page(lst.kind, lst.id)) for lst in lists],
        excluded=excluded,
        breadcrumb=breadcrumb(src),
        refs=refs,
        insats_page=insats_page,
        SOURCES=SOURCES,
        work_anchor=work_anchor,
        IUB_COMPARISON=IUB_COMPARISON,
    )
    return src, (
        front_matter(TITLES[IUB], kallfil="content/iub/om-iub.yml")
        if ex
        else front_matter(TITLES[IUB])
    ) + page


def render_iub_comparison(refs: CrossRefs) -> tuple[str, str]:
    """National insatser × kommun: which kommun offers it without needs assessment."""
    src = IUB_COMPARISON
    lists = [lst for lst in refs.content.lists if lst.kind == "iub"]
    ids = sorted(
        {
            n
            for lst in lists
            for g in lst.grupper
            for li in g.insatser
            for n in national_ids(li)
            if n in refs.insats
        },
        key=lambda n: sort_key(refs.insats[n].namn),
    )
    rows = []
    for nid in ids:
        cells: list[object] = [a(link_html(src, insats_page(nid)), refs.insats[nid].namn)]
        for lst in lists:
            hits = [(g, li) for g in lst.grupper for li in g.insatser if nid in national_ids(li)]
            # One list item per link: two links on adjacent lines of one cell were 16 px
            # targets touching each other (WCAG 2.2, 2.5.8); the list spaces them apart.
            items = []
            for g, li in hits:
                meth = method_of(refs, nid, (lst, g, li))
                label = a(link_html(src, list_page(lst.kind, lst.id), li.id), li.namn)
                items.append(
                    f"<li>{label}"
                    + (f" (metoden {h(meth.namn)})" if meth and meth.namn else "")
                    + "</li>"
                )
            cells.append(
                Markup('<ul class="ih-traffar">' + "".join(items) + "</ul>") if items else "–"
            )
        rows.append(cells)
    table = html_table(
        "Nationella insatser som kommunerna ger utan individuell behovsprövning",
        ["Insats", *(lst.kommun for lst in lists)],
        rows,
        numeric_from=99,
    )
    unmapped = [
        (
            lst,
            [
                li
                for g in lst.grupper
                for li in g.insatser
                if not any(n in refs.insats for n in national_ids(li))
            ],
        )
        for lst in lists
    ]
    counts = [(lst, sum(len(g.insatser) for g in lst.grupper)) for lst in lists]
    page = render_template(
        "iub_jamforelse.md.j2",
        src=src,
        table=table,
        unmapped=unmapped,
        counts=counts,
        breadcrumb=breadcrumb(src, (TITLES[IUB], IUB)),
        list_page=list_page,
    )
    return src, front_matter(TITLES[IUB_COMPARISON]) + page


def render_skolgang_index(refs: CrossRefs) -> tuple[str, str]:
    src = SKOLGANG
    lists = [lst for lst in refs.content.lists if lst.kind == "skolgang"]
    return src, front_matter(TITLES[SKOLGANG]) + render_template(
        "skolgang.md.j2",
        src=src,
        breadcrumb=breadcrumb(src),
        lists=[(lst, list_page(lst.kind, lst.id)) for lst in lists],
        insats_page=insats_page,
        refs=refs,
    )
