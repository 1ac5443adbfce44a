"""The three local lists (Stockholm IUB, Alingsås IUB, Stockholm skolgång) as records,
with the reviewed national mapping applied and the works they cite."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from generator.importers import iub_guidelines, open_insatser, skolgang
from generator.importers.documents import ImportProblem
from generator.model.records import LocalList, Work

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


def load_mapping(path: Path = MAPPING) -> dict[str, dict[str, tuple[str, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        key: {k: tuple(v or ()) for k, v in (table or {}).items()} for key, table in data.items()
    }


def apply_mapping(
    lst: LocalList,
    mapping: dict[str, dict[str, tuple[str, ...]]],
    problems: list[ImportProblem] | None = None,
) -> LocalList:
    """Set each insats's `nationell` from the mapping table of `<kind>/<list id>`; a
    mapped id that the list does not have is added to `problems`."""
    table = dict(mapping.get(f"{lst.kind}/{lst.id}", {}))
    groups = []
    for g in lst.grupper:
        insatser = tuple(dataclasses.replace(i, nationell=table.pop(i.id, ())) for i in g.insatser)
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
