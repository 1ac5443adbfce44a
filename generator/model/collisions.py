"""Ids that would collide with the handbook's own pages or anchors (issue 10): validate
finds them at their line, so the build never meets them.

A record's id names its page (insatser/<id>/, omraden/<id>/ and statistik/<id>/, iub/<id>/,
skolgang/<id>/, livssituationer/<id>/)
and, on some pages, anchors beside the template's own. The names below are those the
templates in generator/site/templates/ write; tests/model/test_collisions.py checks them
against a rendered site, so a new generated page or anchor cannot slip past.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import records

# Pages the generator writes itself, by folder: no record may have their name as its id.
RESERVED_PAGES: dict[str, frozenset[str]] = {
    "insatser": frozenset({"index", "forkortningar"}),
    "omraden": frozenset({"index"}),
    "iub": frozenset({"index", "jamforelse", "om-iub"}),
    "skolgang": frozenset({"index"}),
    "livssituationer": frozenset({"index"}),
    "statistik": frozenset({"index"}),  # statistik/<område id>/ beside the overview
}
LIST_PAGE_ANCHORS = frozenset({"lista"})  # lista.md.j2, besides "grupp-<group id>"
SKOLGANG_ANCHORS = frozenset({"skolgang"})  # skolgang.md.j2: "<list>", "<list>-<group>"
# statistik.md.j2 and statistik_omrade.md.j2 (one scope per page): fixed anchors only, so
# no record id can collide with them; listed for the test against a rendered site.
_STATISTICS_BLOCKS = ("vanligast", "minst-vanligt", "digitalt", "enskild-regi", "utan-beslut")
STATISTICS_ANCHORS = frozenset(
    {"statistik", "per-omrade", "alla", *_STATISTICS_BLOCKS}
    | {f"diagram-{b}-t" for b in _STATISTICS_BLOCKS}
)

Found = tuple[str, str, str, str]  # file, field path, message, hint


def _file(record: object) -> str:
    loc = getattr(record, "location", None)
    return loc.file if loc else "?"


def collisions(content: records.Content) -> Iterator[Found]:
    yield from _reserved(content)
    for lst in content.lists:
        yield from _list_anchors(lst)
    yield from _skolgang_anchors([lst for lst in content.lists if lst.kind == "skolgang"])


def _reserved(content: records.Content) -> Iterator[Found]:
    folders: list[
        tuple[str, records.Insats | records.Omrade | records.LocalList | records.Situation]
    ]
    folders = [("insatser", r) for r in content.insatser]
    # An område has two pages: its own and its statistics (one message for the first taken)
    folders += [
        (next((f for f in ("omraden", "statistik") if r.id in RESERVED_PAGES[f]), "omraden"), r)
        for r in content.omraden
    ]
    folders += [("iub" if r.kind == "iub" else "skolgang", r) for r in content.lists]
    folders += [("livssituationer", r) for r in content.situationer]
    for folder, record in folders:
        if record.id in RESERVED_PAGES[folder]:
            yield (
                _file(record),
                "id",
                f'id "{record.id}" är upptaget: {folder}/{record.id}/ är '
                "en sida som handboken gör själv",
                "välj ett annat id och döp om filen efter det",
            )


def _list_anchors(lst: records.LocalList) -> Iterator[Found]:
    taken = {*LIST_PAGE_ANCHORS, *(f"grupp-{g.id}" for g in lst.grupper)}
    for g, group in enumerate(lst.grupper):
        for n, ins in enumerate(group.insatser):
            if ins.id in taken:
                yield (
                    _file(lst),
                    f"grupper[{g}].insatser[{n}].id",
                    f'id "{ins.id}" är upptaget: listans sida har redan ankaret #{ins.id}',
                    "välj ett annat id, t.ex. med kommunens namn först",
                )


def _skolgang_anchors(lists: list[records.LocalList]) -> Iterator[Found]:
    owners: dict[str, str] = {a: "sidan själv" for a in SKOLGANG_ANCHORS}
    for lst in sorted(lists, key=lambda x: x.id):
        mine = [("id", lst.id)] + [
            (f"grupper[{g}].id", f"{lst.id}-{grp.id}") for g, grp in enumerate(lst.grupper)
        ]
        for path, anchor in mine:
            if anchor in owners:
                yield (
                    _file(lst),
                    path,
                    f"ankaret #{anchor} på sidan Skolgång finns redan ({owners[anchor]})",
                    "välj ett annat id",
                )
            else:
                owners[anchor] = _file(lst)
