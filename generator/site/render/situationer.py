"""Life situation pages (content/livssituationer/), their index, and the situation cards
the start page leads with. Written for residents: plain headings, the insatser in the
order the situation's file gives, then what can be had without applying, where to turn."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model.records import LocalGroup, LocalInsats, LocalList, Situation
from generator.site.crossrefs import CrossRefs
from generator.site.escape import md
from generator.site.render import jsonld, kontakter
from generator.site.render.common import (
    IUB,
    SITUATIONS,
    TITLES,
    breadcrumb,
    front_matter,
    insats_page,
    link_md,
    list_page,
    omrade_page,
    render_template,
    situation_page,
)

_ICON = re.compile(r"(material|fontawesome/(brands|regular|solid)|octicons|simple)/[a-z0-9-]+")


@dataclass(frozen=True)
class Item:
    namn: str
    page: str
    text: str | None


@dataclass(frozen=True)
class Group:
    rubrik: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ListItem:
    lst: LocalList
    group: LocalGroup
    li: LocalInsats

    @property
    def page(self) -> str:
        return list_page(self.lst.kind, self.lst.id)

    @property
    def malgrupp(self) -> str | None:
        """The list's own målgrupp when it is one plain paragraph (a bulleted one is long:
        the list page shows it)."""
        text = (self.li.malgrupp or "").strip()
        return text if text and "\n" not in text and "•" not in text else None


def icon_shortcode(icon: str) -> Markup:
    """'material/home-heart' → ':material-home-heart:' (pymdownx.emoji with the bundled
    icons only, see generator/mkdocs_plugin/icons.py); empty for anything else."""
    if not _ICON.fullmatch(icon):
        return Markup("")
    return Markup(f":{icon.replace('/', '-')}:")


def situation_cards(src: str, situations: tuple[Situation, ...]) -> Markup:
    """Material grid cards (md_in_html): icon, linked name, one line each; empty when
    there are no situations."""
    if not situations:
        return Markup("")
    cards = []
    for s in situations:
        icon = icon_shortcode(s.ikon)
        icon_md = f"{icon}{{ .lg .middle }} " if icon else ""
        cards.append(
            f"-   {icon_md}**[{md(s.namn)}]({link_md(src, situation_page(s.id))})**\n\n"
            f"    ---\n\n    {md(s.kort)}\n"
        )
    return Markup(
        '<div class="grid cards ih-situationer" markdown>\n\n' + "\n".join(cards) + "\n</div>"
    )


def _list_items(refs: CrossRefs, kind: str, wanted) -> list[ListItem]:
    found: dict[tuple[str, str], ListItem] = {}
    for lst in refs.content.lists:
        if lst.kind != kind:
            continue
        for g in lst.grupper:
            for li in g.insatser:
                found[(lst.id, li.id)] = ListItem(lst, g, li)
    return [found[(r.lista, r.insats)] for r in wanted if (r.lista, r.insats) in found]


def _by_kommun(items: list[ListItem]) -> list[tuple[str, list[ListItem]]]:
    """Items grouped by kommun, kommuner in order of first mention, items in given order."""
    out: dict[str, list[ListItem]] = {}
    for it in items:
        out.setdefault(it.lst.kommun, []).append(it)
    return list(out.items())


def render_situation(s: Situation, refs: CrossRefs) -> tuple[str, str]:
    src = situation_page(s.id)
    groups = [
        Group(
            g.rubrik,
            tuple(
                Item(refs.insats[i.insats].namn, insats_page(i.insats), i.text)
                for i in g.insatser
                if i.insats in refs.insats
            ),
        )
        for g in s.grupper
    ]
    book = refs.content.kontakter
    akut = kontakter.emergency_block(book, s.kontakter, refs.work) if book else Markup("")
    iub = _list_items(refs, "iub", s.utan_ansokan)
    skolgang = _list_items(refs, "skolgang", s.skolgang)
    omraden = [(refs.omrade[o].namn, omrade_page(o)) for o in s.omraden if o in refs.omrade]
    words = refs.everyday_words_situation.get(s.id, ())
    page = render_template(
        "livssituation.md.j2",
        src=src,
        s=s,
        groups=groups,
        akut=akut,
        iub=_by_kommun(iub),
        skolgang=_by_kommun(skolgang),
        omraden=omraden,
        everyday_words=words,
        IUB=IUB,
        breadcrumb=breadcrumb(src, (TITLES[SITUATIONS], SITUATIONS)),
    )
    local = [(x.lst, x.li) for x in (*iub, *skolgang)]
    meta: dict[str, object] = {
        "kallfil": f"content/livssituationer/{s.id}.yml",
        "description": f"{s.namn}: {s.kort}",
        "jsonld": jsonld.script_json(jsonld.situation_data(s, refs, src, local)),
    }
    if words:
        meta["sokord"] = list(words)  # content/sokord.yml: the search finds the page by them
    if kontakter.is_violence_omrade(book, s.omraden):
        meta.update(kontakter.exit_meta(book))
    return src, front_matter(s.namn, **meta) + page


def render_situations_index(refs: CrossRefs) -> tuple[str, str]:
    src = SITUATIONS
    page = render_template(
        "livssituationer.md.j2",
        src=src,
        cards=situation_cards(src, refs.content.situationer),
        breadcrumb=breadcrumb(src),
    )
    return src, front_matter(TITLES[SITUATIONS]) + page
