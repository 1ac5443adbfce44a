"""The three local lists (Stockholm IUB, Alingsås IUB, Stockholm skolgång) as records,
with the reviewed national mapping applied and the works they cite."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from generator.importers import iub_guidelines, open_insatser, skolgang
from generator.importers.documents import ImportProblem
from generator.model.records import LocalInsats, LocalList, Work

MAPPING = Path(__file__).parent / "mappings" / "national.yml"

# The list documents themselves, as works (the lists' `dokument`).
SOURCE_WORKS = (
    Work(
        id=open_insatser.DOCUMENT_ID,
        text=open_insatser.TITLE,
        utgivare="Stockholms stad",
        ar=None,
        titel=open_insatser.TITLE,
        fil="sources/stockholm-oppna-insatser-iub.txt",
    ),
    Work(
        id=iub_guidelines.DOCUMENT_ID,
        text=iub_guidelines.TITLE,
        utgivare="Alingsås kommun",
        ar=None,
        titel=iub_guidelines.TITLE,
        fil="sources/alingsas-riktlinjer-iub.txt",
    ),
)


# A mapping value: the national ids of the whole local insats (a list), or {metod: {method
# name as printed: [ids]}} where the match is a named method inside a broader insats.
MappingValue = tuple[str, ...] | dict[str, tuple[str, ...]]
Mapping = dict[str, dict[str, MappingValue]]


def _value(v: object) -> MappingValue:
    if isinstance(v, dict):
        return {str(name): tuple(ids or ()) for name, ids in (v.get("metod") or {}).items()}
    return tuple(str(x) for x in v) if isinstance(v, list) else ()


def load_mapping(path: Path = MAPPING) -> Mapping:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: {k: _value(v) for k, v in (table or {}).items()} for key, table in data.items()}


def _mapped(
    item: LocalInsats, value: MappingValue, where: str, problems: list[ImportProblem] | None
) -> LocalInsats:
    if not isinstance(value, dict):
        return dataclasses.replace(item, nationell=value)
    methods = dict(value)
    metod = tuple(
        dataclasses.replace(m, nationell=methods.pop(m.namn, ())) if m.namn is not None else m
        for m in item.metod
    )
    for stale in methods:
        if problems is not None:
            problems.append(
                ImportProblem(
                    "mappning",
                    where,
                    f"insatsen «{item.id}» har ingen metod «{stale}» – rätta "
                    "namnet i generator/importers/mappings/national.yml",
                )
            )
    return dataclasses.replace(item, nationell=(), metod=metod)


def apply_mapping(
    lst: LocalList,
    mapping: Mapping,
    problems: list[ImportProblem] | None = None,
) -> LocalList:
    """Set each insats's (or its named methods') `nationell` from the mapping table of
    `<kind>/<list id>`; a mapped id that the list does not have is added to `problems`."""
    where = f"{lst.kind}/{lst.id}"
    table = dict(mapping.get(where, {}))
    groups = []
    for g in lst.grupper:
        insatser = tuple(_mapped(i, table.pop(i.id, ()), where, problems) for i in g.insatser)
        groups.append(dataclasses.replace(g, insatser=insatser))
    for stale in table:
        if problems is not None:
            problems.append(
                ImportProblem(
                    "mappning",
                    f"{lst.kind}/{lst.id}",
                    f"listan har ingen insats «{stale}» – ta bort "
                    "raden i generator/importers/mappings/national.yml eller rätta id:t",
                )
            )
    return dataclasses.replace(lst, grupper=tuple(groups))


def import_lists(
    paths: dict[str, Path], problems: list[ImportProblem] | None = None
) -> tuple[list[LocalList], list[Work]]:
    """Documents by kind ("oppna-insatser", "iub-riktlinjer", "skolgang") → lists and works;
    what the parsers cannot place is added to `problems`."""
    mapping = load_mapping()
    skol, skol_works = skolgang.read(paths["skolgang"], problems)
    lists = [
        open_insatser.read(paths["oppna-insatser"], problems),
        iub_guidelines.read(paths["iub-riktlinjer"], problems),
        skol,
    ]
    skol_work = Work(
        id=skolgang.DOCUMENT_ID,
        text=skol.titel,
        utgivare="Stockholms stad",
        ar=None,
        titel=skol.titel,
        fil="sources/stockholm-skolgang.txt",
    )
    works = [*SOURCE_WORKS, skol_work, *skol_works]
    return [apply_mapping(lst, mapping, problems) for lst in lists], works
