"""Ages where a source states them: the words shown on a page ("Ålder: 0–18 år"), and the
age filter – one page per age group listing the insatser whose stated ages overlap it.

The groups are the handbook's own way of browsing, not a fact: an insats is listed in a
group when the range its source states overlaps the group's range. An insats whose
sources state no age is in no group (the pages say so); nothing here guesses an age.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model.ages import MAX_AGE
from generator.model.records import Alder, Insats, LocalInsats, LocalList, Omrade
from generator.site.crossrefs import CrossRefs
from generator.site.escape import h
from generator.site.render.common import (
    A_O,
    AGES,
    TITLES,
    breadcrumb,
    front_matter,
    insats_page,
    link_md,
    list_page,
    omrade_page,
    render_template,
    safe_id,
)


@dataclass(frozen=True)
class AgeGroup:
    id: str  # page name under alder/
    namn: str
    fran: int
    till: int

    @property
    def span(self) -> str:
        return age_span(self.fran, None if self.till >= MAX_AGE else self.till)

    @property
    def who(self) -> str:
        """The group's people, for running text: "någon i åldern 13–17 år"."""
        if self.till >= MAX_AGE:
            return f"någon som är {self.fran} år eller äldre"
        return f"någon i åldern {self.span}"

    @property
    def label(self) -> str:
        return f"{self.namn} ({self.span})"

    @property
    def page(self) -> str:
        return f"alder/{self.id}.md"


GROUPS = (
    AgeGroup("barn", "Barn", 0, 12),
    AgeGroup("tonaringar", "Tonåringar", 13, 17),
    AgeGroup("unga-vuxna", "Unga vuxna", 18, 25),
    AgeGroup("vuxna", "Vuxna", 26, 64),
    AgeGroup("aldre", "Äldre", 65, MAX_AGE),
)


def age_span(fran: int | None, till: int | None) -> str:
    """'0–18 år', 'från 18 år', 'till och med 17 år' (bounds are inclusive)."""
    if fran is not None and till is not None:
        return f"{fran} år" if fran == till else f"{fran}–{till} år"
    if fran is not None:
        return f"från {fran} år"
    return f"till och med {till} år"


def age_text(alder: Alder) -> str:
    """The age as shown after "Ålder:", saying whose age it is when it is the children's."""
    span = age_span(alder.fran, alder.till)
    return f"barn {span} (åldern gäller barnen)" if alder.avser == "barnet" else span


def age_cell(alder: Alder) -> Markup:
    """The stated age and the phrase that states it, for a field list (raw HTML)."""
    return Markup(f"<p>{h(age_text(alder))}. Källan skriver: ”{h(alder.kalla_text)}”.</p>")


ADULT = 18


def overlaps(alder: Alder, group: AgeGroup) -> bool:
    """Whether the stated ages include someone of the group's ages. A range with no upper
    bound that starts in childhood ("barn från fyra år och uppåt", "skolungdom över 12
    år") counts for the children's groups only: listing it among the insatser for older
    people would be a guess, while leaving it out there only omits."""
    low = 0 if alder.fran is None else alder.fran
    if alder.till is not None:
        high = alder.till
    else:
        high = MAX_AGE if low >= ADULT else ADULT - 1
    return low <= group.till and group.fran <= high


def insats_ages(ins: Insats) -> list[Alder]:
    return [m.alder for m in ins.medlemskap if m.alder]


def stated_ages(ins: Insats, refs: CrossRefs) -> list[tuple[Alder, tuple[str, ...]]]:
    """[(age, område names)] of an insats page; names are left out when one age holds for
    every listing of the insats."""
    by_age: dict[Alder, list[str]] = {}
    for m in ins.medlemskap:
        if m.alder:
            o = refs.omrade.get(m.omrade)
            by_age.setdefault(m.alder, []).append(o.namn if o else m.omrade)
    if len(by_age) == 1 and all(m.alder for m in ins.medlemskap):
        return [(next(iter(by_age)), ())]
    return [(a, tuple(dict.fromkeys(names))) for a, names in by_age.items()]


def group_ids_of(ins: Insats) -> tuple[str, ...]:
    """The age groups any listing of the insats overlaps (for the A–Ö page's script)."""
    ages = insats_ages(ins)
    return tuple(g.id for g in GROUPS if any(overlaps(a, g) for a in ages))


def filter_attrs(ins: Insats) -> Markup:
    """attr_list for an A–Ö link: the age groups the page's script filters by (ids only)."""
    ids = group_ids_of(ins)
    return Markup('{: data-alder="' + " ".join(ids) + '" }') if ids else Markup("")


def tagged_link(href: str, text: str, alder: Alder | None) -> Markup:
    """An HTML link carrying the age groups of `alder` for the page's filter script."""
    ids = " ".join(g.id for g in GROUPS if alder and overlaps(alder, g))
    data = f' data-alder="{ids}"' if ids else ""
    return Markup(f'<a href="{h(href)}"{data}>{h(text)}</a>')


def omrade_anchor(omrade_id: str) -> str:
    return f"omrade-{safe_id(omrade_id)}"


def _national(refs: CrossRefs, group: AgeGroup) -> list[tuple[Omrade, list[tuple[Insats, Alder]]]]:
    out = []
    for o in sorted(refs.content.omraden, key=lambda x: x.nummer):
        seen: dict[str, tuple[Insats, Alder]] = {}
        for m, ins in refs.by_omrade.get(o.id, []):
            if m.alder and overlaps(m.alder, group):
                seen.setdefault(ins.id, (ins, m.alder))
        if seen:
            out.append((o, list(seen.values())))
    return out


def _local(refs: CrossRefs, group: AgeGroup) -> list[tuple[LocalList, list[LocalInsats]]]:
    # only an item's own stated age: a list's age ("från sexårs ålder") has no upper
    # bound, and would put school-age insatser among the insatser for older people
    out = []
    for lst in refs.content.lists:
        items = [
            li for g in lst.grupper for li in g.insatser if li.alder and overlaps(li.alder, group)
        ]
        if items:
            out.append((lst, items))
    return out


def omrade_groups(refs: CrossRefs, omrade_id: str) -> list[AgeGroup]:
    """The age groups with at least one insats of the område (for the område page's links)."""
    rows = refs.by_omrade.get(omrade_id, [])
    return [g for g in GROUPS if any(m.alder and overlaps(m.alder, g) for m, _ in rows)]


def filter_links(
    src: str, groups: tuple[AgeGroup, ...] | list[AgeGroup], anchor: str = ""
) -> Markup:
    """'Barn (0–12 år) · Tonåringar (13–17 år) · …' as Markdown links to the group pages."""
    return Markup(" · ").join(
        Markup(f"[{g.label}]({link_md(src, g.page, anchor)})") for g in groups
    )


def render_age_index(refs: CrossRefs) -> tuple[str, str]:
    src = AGES
    national = sum(1 for i in refs.content.insatser if insats_ages(i))
    local = sum(
        1 for lst in refs.content.lists for g in lst.grupper for li in g.insatser if li.alder
    )
    counts = [
        (
            g,
            len({i.id for _, xs in _national(refs, g) for i, _ in xs}),
            sum(len(xs) for _, xs in _local(refs, g)),
        )
        for g in GROUPS
    ]
    description = (
        "Socialtjänstens insatser efter ålder: barn, tonåringar, unga vuxna, vuxna "
        "och äldre – där en källa anger åldern."
    )
    return src, front_matter(TITLES[AGES], description=description) + render_template(
        "alder_index.md.j2",
        src=src,
        breadcrumb=breadcrumb(src, ("Insatser A–Ö", A_O)),
        counts=counts,
        national=national,
        local=local,
        total=len(refs.content.insatser),
        A_O=A_O,
    )


def render_age_group(group: AgeGroup, refs: CrossRefs) -> tuple[str, str]:
    src = group.page
    others = [g for g in GROUPS if g != group]
    description = (
        f"Insatser för {group.namn.lower()} ({group.span}): de insatser där en "
        "källa anger en ålder i gruppen, nationellt och i kommunernas listor."
    )
    return src, front_matter(
        f"Insatser för {group.namn.lower()}", description=description
    ) + render_template(
        "alder_grupp.md.j2",
        src=src,
        group=group,
        breadcrumb=breadcrumb(src, ("Insatser A–Ö", A_O), (TITLES[AGES], AGES)),
        national=_national(refs, group),
        local=_local(refs, group),
        others=filter_links(src, others),
        age_text=age_text,
        omrade_anchor=omrade_anchor,
        insats_page=insats_page,
        omrade_page=omrade_page,
        list_page=list_page,
        A_O=A_O,
        AGES=AGES,
    )
