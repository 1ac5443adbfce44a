"""Apply the reviewed ages (mappings/alder.yml) to imported records, so a re-import
reproduces the curated `alder` of content/ – the way national.yml keeps `nationell`."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import yaml

from generator.model.records import Alder, Insats, LocalList

log = logging.getLogger(__name__)

MAPPING = Path(__file__).parent / "mappings" / "alder.yml"


@dataclasses.dataclass(frozen=True)
class AgeTable:
    insatser: dict[str, dict[str, Alder]]  # national insats id → område id → age
    listor: dict[str, Alder]  # "<kind>/<list id>" → age of the whole list
    lokala: dict[str, dict[str, Alder]]  # "<kind>/<list id>" → local insats id → age

    @classmethod
    def load(cls, path: Path = MAPPING) -> AgeTable:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(
            {
                k: {o: Alder(**v) for o, v in (table or {}).items()}
                for k, table in (data.get("insatser") or {}).items()
            },
            {k: Alder(**v) for k, v in (data.get("listor") or {}).items()},
            {
                key: {k: Alder(**v) for k, v in (table or {}).items()}
                for key, table in (data.get("lokala") or {}).items()
            },
        )


def apply_national(insatser: tuple[Insats, ...], table: AgeTable) -> tuple[Insats, ...]:
    """Each listing (membership) gets the age curated for its insats and område."""
    out = []
    for ins in insatser:
        ages = table.insatser.get(ins.id, {})
        out.append(
            dataclasses.replace(
                ins,
                medlemskap=tuple(
                    dataclasses.replace(m, alder=ages.get(m.omrade)) for m in ins.medlemskap
                ),
            )
        )
        for stale in set(ages) - {m.omrade for m in ins.medlemskap}:
            log.warning("alder.yml: %s is not listed in %s", ins.id, stale)
    for stale in set(table.insatser) - {i.id for i in insatser}:
        log.warning("alder.yml: no national insats %r", stale)
    return tuple(out)


def apply_local(lst: LocalList, table: AgeTable) -> LocalList:
    key = f"{lst.kind}/{lst.id}"
    ages = dict(table.lokala.get(key, {}))
    groups = tuple(
        dataclasses.replace(
            g,
            insatser=tuple(dataclasses.replace(i, alder=ages.pop(i.id, None)) for i in g.insatser),
        )
        for g in lst.grupper
    )
    for stale in ages:
        log.warning("alder.yml: no insats %r in %s", stale, key)
    return dataclasses.replace(lst, grupper=groups, alder=table.listor.get(key))
