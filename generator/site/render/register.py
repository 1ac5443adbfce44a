"""Registers: the A–Ö refs (with every spelling), the abbreviations list and the sources
page, where every cited work lists what cites it."""

from __future__ import annotations

from markupsafe import Markup

from generator.site.crossrefs import CrossRefs
from generator.site.escape import md, safe_url
from generator.site.render import ages
from generator.site.render.common import (
    A_O,
    ABBREVIATIONS,
    AGES,
    IUB,
    SOURCES,
    TITLES,
    a,
    breadcrumb,
    front_matter,
    html_table,
    insats_page,
    link_html,
    link_md,
    list_page,
    render_template,
    work_anchor,
)
from generator.text import sort_key


def _letter(name: str) -> str:
    c = name.strip()[:1].upper()
    return c if c.isalpha() else "#"


def render_a_o(refs: CrossRefs) -> tuple[str, str]:
    """Every insats under its name and under each other spelling (pointing to the name)."""
    src = A_O
    entries: list[tuple[str, str, str | None]] = []  # (shown name, insats id, refers-to name)
    for ins in refs.content.insatser:
        entries.append((ins.namn, ins.id, None))
        spellings = {*ins.alias, *(m.namn_i_kalla for m in ins.medlemskap)}
        spellings |= {
            m.statistik.namn_i_tabell
            for m in ins.medlemskap
            if m.statistik and m.statistik.namn_i_tabell
        }
        for alt in sorted(s for s in spellings if s and s != ins.namn):
            entries.append((alt, ins.id, ins.namn))
        if ins.forkortning:
            entries.append((ins.forkortning, ins.id, ins.namn))
    entries.sort(key=lambda e: (sort_key(e[0]), e[1]))
    letters: dict[str, list[tuple[str, str, str | None]]] = {}
    for e in entries:
        letters.setdefault(_letter(e[0]), []).append(e)
    ordered = sorted(letters.items(), key=lambda kv: sort_key(kv[0]) if kv[0] != "#" else ("", ""))
    return src, front_matter(TITLES[A_O]) + render_template(
        "a_o.md.j2",
        src=src,
        letters=ordered,
        count=len(refs.content.insatser),
        breadcrumb=breadcrumb(src),
        insats_page=insats_page,
        ABBREVIATIONS=ABBREVIATIONS,
        AGES=AGES,
        age_links=ages.filter_links(src, ages.GROUPS),
        # group ids for the page's script, which filters the list in place
        age_attrs=lambda iid: ages.filter_attrs(refs.insats[iid]),
        letter_anchor=lambda x: Markup(
            "bokstav-" + ("ovrigt" if x == "#" else str(ord(x)) if not x.isascii() else x.lower())
        ),
    )


def render_abbreviations(refs: CrossRefs) -> tuple[str, str]:
    src = ABBREVIATIONS
    rows = sorted(
        ((i.forkortning, i) for i in refs.content.insatser if i.forkortning),
        key=lambda r: (sort_key(r[0]), r[1].id),
    )
    table = html_table(
        "Förkortningar och insatser",
        ["Förkortning", "Insats"],
        [[abbr, a(link_html(src, insats_page(i.id)), i.namn)] for abbr, i in rows],
        numeric_from=99,
    )
    return src, front_matter(TITLES[ABBREVIATIONS]) + render_template(
        "forkortningar.md.j2",
        src=src,
        table=table,
        breadcrumb=breadcrumb(src, ("Insatser A–Ö", A_O)),
        insats_page=insats_page,
    )


def render_sources(refs: CrossRefs) -> tuple[str, str]:
    """Markdown paragraphs with attr_list ids, so MkDocs checks every link to an anchor."""
    src = SOURCES
    blocks = []
    for w in sorted(refs.content.works, key=lambda w: (sort_key(w.text), w.id)):
        parts = [md(w.text)]
        url = safe_url(w.url)
        if url:
            parts.append(Markup(f"[{md(w.url)}]({url})"))
        elif w.webbplats:
            parts.append(md(w.webbplats))
        if w.hamtad:
            parts.append(md(f"Hämtad {w.hamtad}"))
        if w.fil:
            parts.append(Markup("Källdokument i projektet: ") + md(w.fil))
        back = [
            Markup(f"[{md(i.namn)}]({link_md(src, insats_page(i.id))})")
            for i in refs.citing_insatser.get(w.id, [])
        ]
        seen = set()
        for lst, li in refs.citing_local.get(w.id, []):
            key = (lst.id, li.id if li else "")
            if key in seen:
                continue
            seen.add(key)
            label = f"{lst.kommun}: {li.namn}" if li else f"{lst.kommun}: {lst.titel}"
            back.append(
                Markup(
                    f"[{md(label)}]("
                    f"{link_md(src, list_page(lst.kind, lst.id), li.id if li else '')})"
                )
            )
        if w.id in refs.cited_by_explainer:
            back.append(Markup(f"[Hjälp utan att ansöka (IUB)]({link_md(src, IUB)})"))
        cite = (
            (Markup("Citeras av: ") + Markup(", ").join(back))
            if back
            else Markup("Citeras inte av någon sida.")
        )
        blocks.append(
            Markup(". ").join(parts)
            + Markup(f"\n{{: #{work_anchor(w.id)} .ih-kalla }}\n\n")
            + cite
            + Markup("\n{: .ih-citeras }")
        )
    listing = Markup("\n\n").join(blocks)
    return src, front_matter(TITLES[SOURCES]) + render_template(
        "kallor.md.j2",
        src=src,
        listing=listing,
        count=len(refs.content.works),
        breadcrumb=breadcrumb(src),
    )
