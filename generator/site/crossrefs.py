"""Link stage: the cross-references every renderer needs (CrossRefs), built once in linear time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model.records import (
    Content,
    Exclusion,
    Insats,
    LocalGroup,
    LocalInsats,
    LocalList,
    Membership,
    Method,
    Omrade,
    Work,
)
from generator.text import sort_key

# (list, group, local insats): where a local description sits.
LocalRef = tuple[LocalList, LocalGroup, LocalInsats]


@dataclass(frozen=True)
class CrossRefs:
    """Lookups over a validated Content. Lists keep source order (or the stated order)."""

    content: Content
    insats: dict[str, Insats]
    omrade: dict[str, Omrade]
    work: dict[str, Work]
    # (område id, category id) → [(membership, insats)] in source order (ordning)
    by_category: dict[tuple[str, str], list[tuple[Membership, Insats]]]
    # område id → [(membership, insats)] in source order
    by_omrade: dict[str, list[tuple[Membership, Insats]]]
    # work id → insats ids citing it (sorted by name), and local lists/insatser citing it
    citing_insatser: dict[str, list[Insats]]
    citing_local: dict[str, list[tuple[LocalList, LocalInsats | None]]]
    # national insats id → local descriptions mapped to it
    local_by_national: dict[str, list[LocalRef]]
    # (national id, list kind, list id, local insats id) → the named method of the local
    # insats that is the national insats (the local insats as a whole is broader)
    via_method: dict[tuple[str, str, str, str], Method]
    # national insats id → statutory exclusions (11 kap. 5 §) that cover it
    exclusions: dict[str, list[Exclusion]]
    # work ids the IUB explainer cites
    cited_by_explainer: frozenset[str]
    # (område id, category id, insats id) → position of the insats's first row in
    # by_category: an insats page finds its neighbours without scanning the category.
    category_position: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # (område id, category id) → number of distinct insatser in it
    category_size: dict[tuple[str, str], int] = field(default_factory=dict)
    # insats id / område id or list "folder/id" / life situation id → the everyday words of
    # content/sokord.yml that mean it
    everyday_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    everyday_words_omrade: dict[str, tuple[str, ...]] = field(default_factory=dict)
    everyday_words_situation: dict[str, tuple[str, ...]] = field(default_factory=dict)


def method_of(refs: CrossRefs, national_id: str, ref: LocalRef) -> Method | None:
    """The method of a local insats that a national insats maps to, if it maps via one."""
    lst, _, li = ref
    return refs.via_method.get((national_id, lst.kind, lst.id, li.id))


def national_ids(li: LocalInsats) -> tuple[str, ...]:
    """Every national insats a local insats or one of its methods maps to, in order."""
    seen = dict.fromkeys(li.nationell)
    for meth in li.metod:
        seen.update(dict.fromkeys(meth.nationell))
    return tuple(seen)


def link(content: Content) -> CrossRefs:
    insats = {i.id: i for i in content.insatser}
    omrade = {o.id: o for o in content.omraden}
    work = {w.id: w for w in content.works}

    by_category: dict[tuple[str, str], list[tuple[Membership, Insats]]] = defaultdict(list)
    by_omrade: dict[str, list[tuple[Membership, Insats]]] = defaultdict(list)
    citing: dict[str, dict[str, Insats]] = defaultdict(dict)
    for ins in content.insatser:
        for m in ins.medlemskap:
            by_category[(m.omrade, m.kategori)].append((m, ins))
            by_omrade[m.omrade].append((m, ins))
            for w in m.kallor:
                citing[w][ins.id] = ins
    order = lambda pair: (pair[0].ordning, sort_key(pair[1].namn))  # noqa: E731
    for rows in (*by_category.values(), *by_omrade.values()):
        rows.sort(key=order)
    category_position: dict[tuple[str, str, str], int] = {}
    for (oid, cid), rows in by_category.items():
        for pos, (_, ins) in enumerate(rows):
            category_position.setdefault((oid, cid, ins.id), pos)
    category_size = {key: len({ins.id for _, ins in rows}) for key, rows in by_category.items()}

    citing_local: dict[str, list[tuple[LocalList, LocalInsats | None]]] = defaultdict(list)
    local_by_national: dict[str, list[LocalRef]] = defaultdict(list)
    via_method: dict[tuple[str, str, str, str], Method] = {}
    for lst in content.lists:
        citing_local[lst.dokument].append((lst, None))
        for g in lst.grupper:
            for li in g.insatser:
                for nid in li.nationell:
                    local_by_national[nid].append((lst, g, li))
                for meth in li.metod:
                    for nid in meth.nationell:
                        if (nid, lst.kind, lst.id, li.id) not in via_method:
                            local_by_national[nid].append((lst, g, li))
                        via_method.setdefault((nid, lst.kind, lst.id, li.id), meth)
                for w in li.kallor:
                    citing_local[w].append((lst, li))

    exclusions: dict[str, list[Exclusion]] = defaultdict(list)
    if content.iub:
        for ex in content.iub.undantagna:
            for nid in ex.nationell:
                exclusions[nid].append(ex)
        explainer_works = (
            {content.iub.undantagna_kalla.dokument}
            | {r.dokument for sec in content.iub.avsnitt for r in sec.hanvisningar}
            | set(content.iub.om_avslag.kallor if content.iub.om_avslag else ())
        )
    else:
        explainer_works = set()
    words: dict[str, list[str]] = defaultdict(list)
    words_omrade: dict[str, list[str]] = defaultdict(list)
    words_situation: dict[str, list[str]] = defaultdict(list)
    for word in content.sokord.sokord if content.sokord else ():
        for iid in word.insatser:
            words[iid].append(word.ord)
        for oid in word.omraden:
            words_omrade[oid].append(word.ord)
        for key in word.listor:
            words_omrade[key].append(word.ord)  # "skolgang/stockholm": a list, by folder/id
        for sid in word.livssituationer:
            words_situation[sid].append(word.ord)
    return CrossRefs(
        content=content,
        insats=insats,
        omrade=omrade,
        work=work,
        by_category=dict(by_category),
        by_omrade=dict(by_omrade),
        citing_insatser={
            w: sorted(d.values(), key=lambda i: sort_key(i.namn)) for w, d in citing.items()
        },
        citing_local=dict(citing_local),
        local_by_national=dict(local_by_national),
        via_method=via_method,
        exclusions=dict(exclusions),
        cited_by_explainer=frozenset(explainer_works),
        category_position=category_position,
        category_size=category_size,
        everyday_words={k: tuple(v) for k, v in words.items()},
        everyday_words_omrade={k: tuple(v) for k, v in words_omrade.items()},
        everyday_words_situation={k: tuple(v) for k, v in words_situation.items()},
    )
