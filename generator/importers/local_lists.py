"""The three local lists (Stockholm IUB, Alingsås IUB, Stockholm skolgång) as records,
with the reviewed national mapping applied and the works they cite."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import yaml

from generator.importers import iub_guidelines, open_insatser, skolgang
from generator.model.records import LocalList, Work

log = logging.getLogger(__name__)

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


def apply_mapping(lst: LocalList, mapping: dict[str, dict[str, tuple[str, ...]]]) -> LocalList:
    """Set each insats's `nationell` from the mapping table of `<kind>/<list id>`."""
    table = dict(mapping.get(f"{lst.kind}/{lst.id}", {}))
    groups = []
    for g in lst.grupper:
        insatser = tuple(dataclasses.replace(i, nationell=table.pop(i.id, ())) for i in g.insatser)
        groups.append(dataclasses.replace(g, insatser=insatser))
    for stale in table:
        log.warning("mapping %s/%s: no insats %r", lst.kind, lst.id, stale)
    return dataclasses.replace(lst, grupper=tuple(groups))


def import_lists(paths: dict[str, Path]) -> tuple[list[LocalList], list[Work]]:
    """Documents by kind ("oppna-insatser", "iub-riktlinjer", "skolgang") → lists and works."""
    mapping = load_mapping()
    skol, skol_works = skolgang.read(paths["skolgang"])
    lists = [
        open_insatser.read(paths["oppna-insatser"]),
        iub_guidelines.read(paths["iub-riktlinjer"]),
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
    return [apply_mapping(lst, mapping) for lst in lists], works
