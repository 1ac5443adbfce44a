"""Records → YAML text in the committed style (importers write drafts with it too).

Keys in model order, absent values left out (except the survey's four measures, whose
`null` means "not asked" and is kept visible), figures as `{antal: N, andel: P}`,
multi-paragraph text as `|-` blocks, and the schema line first.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

from generator.model import records
from generator.model.shape import schema_line, yaml_fields

_ALWAYS_WRITTEN = {(records.Statistics, m) for m in records.MEASURES}


class _Flow(dict):
    """A mapping written on one line."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)  # lists indented under their key

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses anchors and aliases


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True)
)
_Dumper.add_representer(
    dict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=False)
)


def to_plain(value: Any) -> Any:
    """A record (or part of one) as dicts/lists/scalars in YAML key order."""
    if isinstance(value, tuple):
        return [to_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        out = _Flow() if cls is records.Figure else {}
        for f in yaml_fields(cls):
            v = getattr(value, f.name)
            if v == f.default and (cls, f.name) not in _ALWAYS_WRITTEN:
                continue
            out[f.name] = to_plain(v)
        return out
    return value


def dump_record(record: Any) -> str:
    """The full text of a record file, schema line first."""
    body = yaml.dump(
        to_plain(record),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )  # one value per line: clean diffs
    return f"{schema_line(type(record))}\n{body}"


def record_path(record: Any) -> str:
    """Where a record lives, relative to the repository root."""
    if isinstance(record, records.IubExplainer):
        return "content/iub/om-iub.yml"
    if isinstance(record, records.EverydayWords):
        return "content/sokord.yml"
    if isinstance(record, records.LocalList):
        return f"content/{record.kind}/{record.id}.yml"
    if isinstance(record, records.ContactBook):
        return "content/kontakter.yml"
    folder = {
        records.Insats: "insatser",
        records.Omrade: "omraden",
        records.Work: "kallor",
        records.Situation: "livssituationer",
    }[type(record)]
    return f"content/{folder}/{record.id}.yml"


def dump_content(content: records.Content) -> dict[str, str]:
    """Repository-relative path → file text for every record of `content`."""
    every = [
        *content.insatser,
        *content.omraden,
        *content.works,
        *content.lists,
        *content.situationer,
    ]
    if content.iub is not None:
        every.append(content.iub)
    if content.sokord is not None:
        every.append(content.sokord)
    if content.kontakter is not None:
        every.append(content.kontakter)
    return {record_path(r): dump_record(r) for r in every}
