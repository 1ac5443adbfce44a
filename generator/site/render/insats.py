"""One page per national insats: names, explanations, figures per område, chart, how to get
it (derived only from the IUB lists and the survey), local descriptions, citations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model.records import (
    MEASURE_LABELS,
    MEASURES,
    Insats,
    LocalInsats,
    LocalList,
    Membership,
    Method,
)
from generator.site.crossrefs import CrossRefs, LocalRef, method_of
from generator.site.escape import h, h_blocks, safe_url
from generator.site.render import ages, charts, jsonld, kontakter
from generator.site.render.common import (
    A_O,
    AGES,
    OMRADEN,
    SOURCES,
    a,
    breadcrumb,
    clip,
    figure_text,
    front_matter,
    html_table,
    insats_page,
    link_html,
    link_md,
    list_page,
    omrade_page,
    render_template,
    safe_id,
    stat_cells,
    work_anchor,
)

NEIGHBOURS = 8  # other insatser of the same category shown on an insats page


@dataclass(frozen=True)
class Explanation:
    omraden: tuple[str, ...]  # membership labels this explanation is given for
    text: str
    refs: tuple[int, ...]  # citation numbers
    labelled: bool  # say which områden: it does not hold for every listing of the insats


@dataclass(frozen=True)
class Lead:
    """The one line under the title: what the insats is."""

    text: str
    refs: tuple[int, ...]
    from_survey: bool  # the survey's words (said so on the page), not the editor's
    omraden: tuple[str, ...] = ()  # the områden a survey explanation is given for, if not all
    cut: bool = False  # an excerpt: the whole text is under #forklaring


@dataclass(frozen=True)
class Audience:
    omrade: str  # område name (the link text)
    page: str  # område page
    text: str  # who, in plain words


@dataclass(frozen=True)
class Offer:
    """Where a kommun list offers the insats without applying."""

    kommun: str
    label: str  # the local insats, or "<method>, en metod inom <insats>"
    page: str
    anchor: str
    villkor: tuple[str, ...]


LEAD_MAX = 180  # characters of a survey explanation shown whole in the lead (a phone screen)
_SENTENCE_END = re.compile(r"(?<=[a-zåäö0-9)][.!?])\s+(?=[A-ZÅÄÖ])")
# Sub-headings that name an audience ("Insatser riktade till anhöriga" → "anhöriga").
_AUDIENCE = re.compile(
    r"(?:riktade till|insatser till|placering till|insatser för|"
    r"boendeinsatser för|riktade mot)\s+(.+)$",
    re.IGNORECASE,
)


def citations(ins: Insats) -> list[str]:
    """Work ids in first-cited order: the numbering of the page's citations (the
    insats's own sources first, since its own description comes first on the page)."""
    seen: dict[str, None] = dict.fromkeys(ins.kallor)
    for m in ins.medlemskap:
        for w in m.kallor:
            seen.setdefault(w, None)
    return list(seen)


def membership_label(refs: CrossRefs, ins: Insats, m: Membership) -> str:
    """The område name, with the sub-heading or category when the insats is listed more
    than once in that område (Motiverande samtal: twice under Våld i nära relationer)."""
    name = omrade_name(refs, m.omrade)
    same = [x for x in ins.medlemskap if x.omrade == m.omrade]
    if len(same) < 2:
        return name
    if m.rubrik and len({x.rubrik for x in same}) == len(same):
        return f"{name} – {m.rubrik}"
    return f"{name} – {category_name(refs, m)}" + (f" – {m.rubrik}" if m.rubrik else "")


def explanations(ins: Insats, refs: CrossRefs, numbers: dict[str, int]) -> list[Explanation]:
    """Identical explanations given in several områden are shown once; each says which
    områden it is for unless it is given for every listing of the insats."""
    merged: dict[tuple[str, tuple[int, ...]], list[str]] = {}
    for m in ins.medlemskap:
        if not m.forklaring:
            continue
        key = (m.forklaring, tuple(numbers[w] for w in m.kallor))
        merged.setdefault(key, []).append(membership_label(refs, ins, m))
    every = len(ins.medlemskap)
    return [
        Explanation(tuple(o), t, r, labelled=len(merged) > 1 or len(o) < every)
        for (t, r), o in merged.items()
    ]


def unexplained(ins: Insats, refs: CrossRefs) -> list[str]:
    """Listings the survey gives no explanation for."""
    return [membership_label(refs, ins, m) for m in ins.medlemskap if not m.forklaring]


def excerpt(text: str, limit: int = LEAD_MAX) -> tuple[str, bool]:
    """The first paragraph, or its first sentences up to `limit` characters when longer;
    (text, cut). Whole sentences only, so the excerpt never ends mid-thought."""
    first = text.split("\n\n", 1)[0].split("\n• ", 1)[0].strip()
    if len(first) <= limit and first == text.strip():
        return first, False
    out = ""
    for sentence in _SENTENCE_END.split(first):
        if out and len(out) + 1 + len(sentence) > limit:
            break
        out = f"{out} {sentence}".strip()
    return out, out != text.strip()


def lead(
    ins: Insats, refs: CrossRefs, numbers: dict[str, int], found: list[Explanation]
) -> Lead | None:
    if ins.beskrivning and ins.beskrivning.strip():
        text, cut = excerpt(ins.beskrivning)
        return Lead(text, tuple(numbers[w] for w in ins.kallor), False, cut=cut)
    if not found:
        return None
    first = found[0]
    text, cut = excerpt(first.text)
    # Nearly the same words in other områden ("Hemtjänst är bistånd …" / "Bistånd …") count
    # as the same explanation here: the lead names områden only where it does not hold.
    same = [
        o
        for e in found
        if _gist(e.text, ins.namn) == _gist(first.text, ins.namn)
        for o in e.omraden
    ]
    # The lead names the områden when the explanation holds for fewer than half of the
    # listings (Generella anhöriggrupper: Äldre only); the section below names them always.
    names = tuple(dict.fromkeys(o.split(" – ", 1)[0] for o in same))  # område names only
    return Lead(text, first.refs, True, names if 2 * len(same) < len(ins.medlemskap) else (), cut)


_IS = re.compile(r"\s+(är|innebär)\s+")
_NOT_WORD = re.compile(r"[^\w ]")


def _gist(text: str, name: str) -> str:
    """An explanation without case, punctuation and a leading "<name> är"."""
    t = " ".join(text.lower().split())
    # startswith, not a pattern made of the name: one pattern per insats was compiled
    # anew on every build (and pushed Markdown's patterns out of re's cache)
    if t.startswith(name.lower()) and (verb := _IS.match(t, len(name.lower()))):
        t = t[verb.end() :]
    return _NOT_WORD.sub("", t)


def audience_of(refs: CrossRefs, m: Membership) -> str | None:
    """Who a listing is for: the audience its sub-heading names, else the område's own."""
    if m.rubrik and (found := _AUDIENCE.search(m.rubrik)):
        return found.group(1).strip()
    o = refs.omrade.get(m.omrade)
    return o.malgrupp if o else None


def audiences(src: str, ins: Insats, refs: CrossRefs) -> list[Audience]:
    out: dict[tuple[str, str], Audience] = {}
    places = [(m.omrade, audience_of(refs, m)) for m in ins.medlemskap]
    places += [(o, refs.omrade[o].malgrupp if o in refs.omrade else None) for o in ins.omraden]
    for omrade_id, text in places:  # an område without `malgrupp` is named, not described
        out.setdefault(
            (omrade_id, text or ""),
            Audience(omrade_name(refs, omrade_id), omrade_page(omrade_id), text or ""),
        )
    return list(out.values())


def local_audiences_block(items: list[tuple]) -> Markup | None:
    """The kommun lists' målgrupp, folded (open it to read): long texts would push "how to
    get it" off a phone's first screen. <details> opens without JavaScript."""
    if not items:
        return None
    rows = "".join(
        f"<li>{h(lst.kommun)} ({h(label)}): {h(text)}</li>" for lst, label, text in items
    )
    return Markup(
        f'<div class="ih-malgrupper"><details><summary>Målgrupp enligt kommunernas '
        f"listor ({len(items)})</summary><ul>{rows}</ul></details></div>"
    )


def local_audiences(ins: Insats, refs: CrossRefs, locals_: list[LocalRef]) -> list[tuple]:
    """(list, local insats, målgrupp) as each kommun list states it, once per text."""
    out, seen = [], set()
    for ref in locals_:
        lst, _, li = ref
        meth = method_of(refs, ins.id, ref)
        text = meth.malgrupp if meth and meth.malgrupp else li.malgrupp
        if text and (lst.kommun, text) not in seen:
            seen.add((lst.kommun, text))
            out.append((lst, offer_label(li, meth), text))
    return out


def offers(ins: Insats, refs: CrossRefs, iub: list[LocalRef]) -> list[Offer]:
    out = []
    for ref in iub:
        lst, _, li = ref
        meth = method_of(refs, ins.id, ref)
        out.append(
            Offer(lst.kommun, offer_label(li, meth), list_page(lst.kind, lst.id), li.id, li.villkor)
        )
    return out


@dataclass(frozen=True)
class Refusal:
    text: str
    sources: tuple[tuple[str, str], ...]  # (work text, link to it on the sources page)


def refusal(src: str, refs: CrossRefs) -> Refusal | None:
    """What to do if an application is refused – only where content states it with a source."""
    ex = refs.content.iub
    if not ex or not ex.om_avslag or not ex.om_avslag.kallor:
        return None
    return Refusal(
        ex.om_avslag.text,
        tuple(
            (refs.work[w].text, str(link_md(src, SOURCES, work_anchor(w))))
            for w in ex.om_avslag.kallor
            if w in refs.work
        ),
    )


def offer_label(li: LocalInsats, meth: Method | None) -> str:
    return f"{meth.namn}, en metod inom {li.namn}" if meth and meth.namn else li.namn


def conditions(villkor: tuple[str, ...]) -> str:
    """The list's conditions on one line: a sentence ends itself, others get "; "."""
    out = ""
    for v in villkor:
        v = v.strip()
        out += ("" if not out else " " if out.endswith((".", "!", "?")) else "; ") + v
    return out


def omrade_name(refs: CrossRefs, omrade_id: str) -> str:
    o = refs.omrade.get(omrade_id)
    return o.namn if o else omrade_id


def category_name(refs: CrossRefs, m: Membership) -> str:
    o = refs.omrade.get(m.omrade)
    for c in o.kategorier if o else ():
        if c.id == m.kategori:
            return f"{c.id} {c.namn}"
    return m.kategori


def figures_table(src: str, ins: Insats, refs: CrossRefs) -> Markup:
    rows = []
    for m in ins.medlemskap:
        cat = category_name(refs, m) + (f" – {m.rubrik}" if m.rubrik else "")
        rows.append(
            [
                a(link_html(src, omrade_page(m.omrade)), omrade_name(refs, m.omrade)),
                cat,
                *stat_cells(m.statistik),
            ]
        )
    return html_table(
        f"{ins.namn}: antal kommuner (andel av kommunerna) per område",
        ["Område", "Kategori", *(MEASURE_LABELS[x] for x in MEASURES)],
        rows,
        numeric_from=2,
    )


def figures_chart(ins: Insats, refs: CrossRefs) -> Markup | None:
    groups = []
    for m in ins.medlemskap:
        if m.statistik is None:
            continue
        bars = tuple(
            charts.Bar(
                MEASURE_LABELS[x],
                f.andel if (f := getattr(m.statistik, x)) else None,
                figure_text(f),
                i,
            )
            for i, x in enumerate(MEASURES)
        )
        groups.append(charts.Group(membership_label(refs, ins, m), bars))
    if not groups:
        return None
    groups_t = tuple(groups)
    return charts.bar_chart("diagram-andelar", f"{ins.namn}: andel kommuner per område", groups_t)


def local_anchor(lst: LocalList, li: LocalInsats) -> str:
    """A local description's id on an insats page: kind, list and item, since a kommun can
    have an IUB list and a skolgång list with the same id and the same item ids."""
    return f"lokal-{lst.kind}-{safe_id(lst.id)}-{safe_id(li.id)}"


def local_block(src: str, ref: LocalRef, refs: CrossRefs, national_id: str = "") -> Markup:
    """A local description (IUB or skolgång list entry) as a definition-style HTML block.
    Where the national insats is one named method of a broader local insats, only that
    method is shown of the local insats's methods."""
    lst, group, li = ref
    only = method_of(refs, national_id, ref) if national_id else None
    fields: list[tuple[str, Markup]] = []
    if li.innehall:
        fields.append(("Innehåll", h_blocks(li.innehall)))
    if li.malgrupp:
        fields.append(("Målgrupp", h_blocks(li.malgrupp)))
    if li.alder:
        fields.append(("Ålder", ages.age_cell(li.alder)))
    if li.villkor:
        fields.append(
            ("Villkor", Markup("<ul>" + "".join(f"<li>{h(v)}</li>" for v in li.villkor) + "</ul>"))
        )
    if li.omfattning:
        fields.append(("Omfattning", h_blocks(li.omfattning)))
    for meth in (only,) if only else li.metod:
        parts = [
            x
            for x in (
                meth.beskrivning,
                meth.malgrupp and f"Målgrupp: {meth.malgrupp}",
                meth.omfattning and f"Omfattning: {meth.omfattning}",
            )
            if x
        ]
        fields.append(
            (
                f"Metod{': ' + meth.namn if meth.namn else ''}",
                Markup("".join(f"<p>{h(p)}</p>" for p in parts)),
            )
        )
    for note in li.noter:
        fields.append(("Not", h_blocks(note)))
    for w in li.kallor:
        work = refs.work.get(w)
        if work:
            fields.append(("Källa", a(link_html(src, SOURCES, work_anchor(w)), work.text)))
    kind = "utan behovsprövning (IUB)" if lst.kind == "iub" else "för att stabilisera skolgång"
    title = f"{only.namn}, en metod inom {li.namn}" if only and only.namn else li.namn
    source = a(link_html(src, list_page(lst.kind, lst.id), li.id), lst.titel)
    head = (
        f'<h3 id="{local_anchor(lst, li)}">{h(lst.kommun)}: {h(title)}</h3>'
        f'<p class="ih-lokal-kalla">Ur {source} ({h(group.namn)}), {h(kind)}.</p>'
    )
    dl = "".join(f"<dt>{h(k)}</dt><dd>{v}</dd>" for k, v in fields)
    return Markup(f'<div class="ih-lokal">{head}<dl>{dl}</dl></div>')


def citation_marks(numbers: tuple[int, ...]) -> Markup:
    return Markup(
        "<sup>" + ",".join(f'<a href="#kallhanvisning-{n}">[{n}]</a>' for n in numbers) + "</sup>"
    )


def cited_list(src: str, cited: list[str], refs: CrossRefs) -> Markup:
    items = []
    for n, w in enumerate(cited, 1):
        work = refs.work.get(w)
        text = h(work.text) if work else h(w)
        url = safe_url(work.url) if work else None
        ext = f' <a href="{url}">Länk till källan</a>' if url else ""
        items.append(
            f'<li id="kallhanvisning-{n}">{text}.{ext} '
            f"{a(link_html(src, SOURCES, work_anchor(w)), 'Alla insatser som citerar källan')}</li>"
        )
    return Markup('<ol class="ih-kallhanvisningar">' + "".join(items) + "</ol>")


@dataclass(frozen=True)
class Siblings:
    category: str  # "1.2 Name"
    omrade: str
    near: tuple[Insats, ...]  # neighbours in source order
    all_link: str  # the category's section on the område page
    size: int  # distinct insatser in the category, this one included


def neighbours(
    refs: CrossRefs, omrade_id: str, category_id: str, insats_id: str, width: int = NEIGHBOURS
) -> tuple[Insats, ...]:
    """Up to `width` other insatser around this one in the category's source order. Bounded,
    so a page's size does not grow with its category (the full list is on the område page)."""
    rows = refs.by_category.get((omrade_id, category_id), [])
    pos = refs.category_position.get((omrade_id, category_id, insats_id), 0)
    seen = {insats_id}
    before: list[Insats] = []
    after: list[Insats] = []
    for i, (_, o) in enumerate(rows[max(0, pos - width) : pos + width + 1], max(0, pos - width)):
        if o.id not in seen:
            seen.add(o.id)
            (before if i < pos else after).append(o)
    n_before = min(len(before), max(width // 2, width - len(after)))
    return tuple(before[len(before) - n_before :] + after[: width - n_before])


def category_anchor(category_id: str) -> str:
    """The category heading's anchor on the område page (omrade.md.j2's `anchor` filter)."""
    return "kategori-" + safe_id(category_id.replace(".", "-"))


def render_insats(ins: Insats, refs: CrossRefs) -> tuple[str, str]:
    src = insats_page(ins.id)
    cited = citations(ins)
    numbers = {w: i for i, w in enumerate(cited, 1)}
    locals_ = refs.local_by_national.get(ins.id, [])
    iub = [r for r in locals_ if r[0].kind == "iub"]
    skol = [r for r in locals_ if r[0].kind == "skolgang"]
    without_decision = [
        (membership_label(refs, ins, m), m.statistik.utan_beslut)
        for m in ins.medlemskap
        if m.statistik and m.statistik.utan_beslut
    ]
    siblings = []
    for m in ins.medlemskap:
        size = refs.category_size.get((m.omrade, m.kategori), 0)
        if size > 1:
            siblings.append(
                Siblings(
                    category_name(refs, m),
                    omrade_name(refs, m.omrade),
                    neighbours(refs, m.omrade, m.kategori, ins.id),
                    link_md(src, omrade_page(m.omrade), category_anchor(m.kategori)),
                    size,
                )
            )
    exclusions = refs.exclusions.get(ins.id, [])
    explainer = refs.content.iub
    names_in_source = sorted(
        {m.namn_i_kalla for m in ins.medlemskap if m.namn_i_kalla != ins.namn}
        | {
            m.statistik.namn_i_tabell
            for m in ins.medlemskap
            if m.statistik and m.statistik.namn_i_tabell and m.statistik.namn_i_tabell != ins.namn
        }
    )
    akut, akut_meta = kontakter.for_insats(refs, ins)
    found = explanations(ins, refs, numbers)
    the_lead = lead(ins, refs, numbers, found)
    page = render_template(
        "insats.md.j2",
        akut=akut,
        breadcrumb=breadcrumb(src, ("Insatser A–Ö", A_O)),  # A–Ö is not under Områden
        citation_marks=citation_marks,
        conditions=conditions,
        cited_list=cited_list(src, cited, refs),
        src=src,
        ins=ins,
        refs=refs,
        lead=the_lead,
        audiences=audiences(src, ins, refs),
        local_audiences=local_audiences_block(local_audiences(ins, refs, locals_)),
        iub=offers(ins, refs, iub),
        refusal=refusal(src, refs),
        names_in_source=names_in_source,
        everyday_words=refs.everyday_words.get(ins.id, ()),
        explanations=found,
        unexplained=unexplained(ins, refs),
        own_refs=tuple(numbers[w] for w in ins.kallor),
        figures_table=figures_table(src, ins, refs) if ins.medlemskap else None,
        chart=figures_chart(ins, refs),
        skolgang=skol,
        without_decision=without_decision,
        exclusions=exclusions,
        exclusion_ref=explainer.undantagna_kalla if explainer else None,
        siblings=siblings,
        local_blocks=[local_block(src, r, refs, ins.id) for r in locals_],
        cited=cited,
        work_anchor=work_anchor,
        list_page=list_page,
        insats_page=insats_page,
        OMRADEN=OMRADEN,
        SOURCES=SOURCES,
        IUB="iub/index.md",
        age_text=ages.age_text,
        AGES=AGES,
        stated_ages=ages.stated_ages(ins, refs),
    )
    meta: dict[str, object] = {
        "kallfil": f"content/insatser/{ins.id}.yml",
        **akut_meta,
        "description": description(ins, the_lead, refs),
        "citera": True,
        "jsonld": jsonld.script_json(jsonld.insats_data(ins, refs)),
    }
    if keywords := search_keywords(ins, refs):
        meta["sokord"] = keywords
    meta["sokutdrag"] = search_summary(ins, refs)
    return src, front_matter(ins.namn, **meta) + page


SUMMARY_CHARS = 160  # about two lines of a search hit on a phone


def search_summary(ins: Insats, refs: CrossRefs) -> str:
    """What a search hit for the insats shows (front matter `sokutdrag`): the first
    sentence of its own description or else of its first explanation, shortened at a word,
    and its områden – so hits with similar names can be told apart."""
    first = ins.beskrivning or next((m.forklaring for m in ins.medlemskap if m.forklaring), "")
    sentence = " ".join(first.split())
    if (end := sentence.find(". ")) > 0:
        sentence = sentence[: end + 1]
    if len(sentence) > SUMMARY_CHARS:
        sentence = sentence[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    ids = [*(m.omrade for m in ins.medlemskap), *ins.omraden]
    omraden = ", ".join(dict.fromkeys(omrade_name(refs, o) for o in ids))
    if sentence and sentence[-1] not in ".!?…":
        sentence += "."
    where = f"Område: {omraden}." if omraden else ""
    return " ".join(part for part in (sentence, where) if part)


def description(ins: Insats, the_lead: Lead | None, refs: CrossRefs) -> str:
    """The page's meta description: its name and what it is, from its own content."""
    if the_lead:
        return clip(f"{ins.namn}: {the_lead.text}")
    names = dict.fromkeys(
        omrade_name(refs, o) for o in (*(m.omrade for m in ins.medlemskap), *ins.omraden)
    )
    return clip(
        f"{ins.namn} – insats inom {', '.join(names)}: vem den är för, hur du får den "
        "och hur vanlig den är i kommunerna."
    )


def search_keywords(ins: Insats, refs: CrossRefs | None = None) -> list[str]:
    """Terms the page must be found by though it may not print them as words: the
    abbreviation, other spellings, the names the sources use and the everyday words of
    content/sokord.yml (front matter `sokord`, read by the search index pass)."""
    terms = {*ins.alias, *(m.namn_i_kalla for m in ins.medlemskap)}
    if refs is not None:
        terms |= set(refs.everyday_words.get(ins.id, ()))
    terms |= {m.statistik.namn_i_tabell for m in ins.medlemskap if m.statistik}
    if ins.forkortning:
        terms.add(ins.forkortning)
    terms.discard("")
    terms.discard(ins.namn)
    return sorted(terms)
