"""Write the three local lists and their works to content/ (`python -m
generator.importers.write_local`), applying the reviewed national mapping."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import yaml

from generator.importers import iub_guidelines, open_insatser, skolgang
from generator.model import LocalList, Work

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
MAPPING = Path(__file__).parent / "mappings" / "national.yml"
LIST_SCHEMA = "# yaml-language-server: $schema=../../schema/local-list.schema.json\n"
WORK_SCHEMA = "# yaml-language-server: $schema=../schema/work.schema.json\n"

SOURCE_WORKS = (
    Work(id=open_insatser.DOCUMENT_ID, text=open_insatser.TITLE, utgivare="Stockholms stad",
         ar=None, titel=open_insatser.TITLE, fil="sources/stockholm-oppna-insatser-iub.txt"),
    Work(id=iub_guidelines.DOCUMENT_ID, text=iub_guidelines.TITLE, utgivare="Alingsås kommun",
         ar=None, titel=iub_guidelines.TITLE, fil="sources/alingsas-riktlinjer-iub.txt"),
)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_data(record: object) -> object:
    """Dataclass → plain mapping in field order; None, empty, `location` and `kind` left out."""
    if dataclasses.is_dataclass(record):
        out = {}
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if f.name in ("location", "kind") or value is None or value == ():
                continue
            out[f.name] = to_data(value)
        return out
    if isinstance(record, tuple):
        return [to_data(v) for v in record]
    return record


def dump(record: object, schema_line: str) -> str:
    return schema_line + yaml.dump(to_data(record), Dumper=_Dumper, allow_unicode=True,
                                   sort_keys=False, width=100, default_flow_style=False)


def load_mapping(path: Path = MAPPING) -> dict[str, dict[str, tuple[str, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: {k: tuple(v or ()) for k, v in (table or {}).items()} for key, table in data.items()}


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


def build(root: Path = ROOT) -> dict[str, str]:
    """Repo-relative path → file text, for everything this module writes."""
    mapping = load_mapping()
    skolgang_text = (root / "sources/stockholm-skolgang.txt").read_text(encoding="utf-8")
    skol = skolgang.parse_text(skolgang_text)
    lists = {
        "content/iub/stockholm.yml": open_insatser.read(root / "sources/stockholm-oppna-insatser-iub.txt"),
        "content/iub/alingsas.yml": iub_guidelines.read(root / "sources/alingsas-riktlinjer-iub.txt"),
        "content/skolgang/stockholm.yml": skol,
    }
    files = {path: dump(apply_mapping(lst, mapping), LIST_SCHEMA) for path, lst in lists.items()}
    skol_work = Work(id=skolgang.DOCUMENT_ID, text=skol.titel, utgivare="Stockholms stad",
                     ar=None, titel=skol.titel, fil="sources/stockholm-skolgang.txt")
    for work in (*SOURCE_WORKS, skol_work, *skolgang.works(skolgang_text)):
        files[f"content/kallor/{work.id}.yml"] = dump(work, WORK_SCHEMA)
    return files


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    for path, text in build().items():
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        log.info("wrote %s", path)


if __name__ == "__main__":
    main()
