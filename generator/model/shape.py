"""The YAML shape of the model's dataclasses: which keys, of which type, which required.

One reading of the rule at the end of generator/model/records.py, shared by the loader, the
dumper and the JSON Schema generator so the three cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.model import records

NOT_IN_YAML = {"location"}
FROM_FOLDER = {("LocalList", "kind")}  # the loader takes it from the folder name


@dataclass(frozen=True)
class YamlField:
    name: str
    type: Any  # the resolved annotation, e.g. str | None, tuple[str, ...], records.Figure
    required: bool
    default: Any  # value used when the key is absent (None, (), or the dataclass default)


@cache  # the loader asks once per YAML value: a few types, thousands of calls
def is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(tp)


@cache
def strip_optional(tp: Any) -> Any:
    if is_optional(tp):
        rest = [a for a in typing.get_args(tp) if a is not type(None)]
        return rest[0]
    return tp


@cache
def is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


@cache
def item_type(tp: Any) -> Any:
    return typing.get_args(tp)[0]


@cache
def yaml_fields(cls: type) -> tuple[YamlField, ...]:
    """The keys of `cls` in YAML, in declaration order (the order dumps use)."""
    hints = typing.get_type_hints(cls, vars(records))
    out = []
    for f in dataclasses.fields(cls):
        if f.name in NOT_IN_YAML or (cls.__name__, f.name) in FROM_FOLDER:
            continue
        tp = hints[f.name]
        has_default = f.default is not dataclasses.MISSING
        if has_default:
            default = f.default
        elif is_tuple(tp):
            default = ()
        elif is_optional(tp):
            default = None
        else:
            default = dataclasses.MISSING
        out.append(YamlField(f.name, tp, default is dataclasses.MISSING, default))
    return tuple(out)


def nested_dataclasses(cls: type) -> list[type]:
    """`cls` and every dataclass reachable from its fields, depth first, each once."""
    seen: list[type] = []

    def visit(c: type) -> None:
        if c in seen:
            return
        seen.append(c)
        for f in yaml_fields(c):
            tp = strip_optional(f.type)
            tp = item_type(tp) if is_tuple(tp) else tp
            if isinstance(tp, type) and dataclasses.is_dataclass(tp):
                visit(tp)

    visit(cls)
    return seen


# Record files: folder under content/ → record class; om-iub.yml in iub/ is the explainer.
FOLDERS: dict[str, type] = {
    "insatser": records.Insats,
    "omraden": records.Omrade,
    "kallor": records.Work,
    "iub": records.LocalList,
    "skolgang": records.LocalList,
    "livssituationer": records.Situation,
}
EXPLAINER_FILE = ("iub", "om-iub.yml")
# Single-record files directly in content/ → record class.
ROOT_FILES: dict[str, type] = {
    "sokord.yml": records.EverydayWords,
    "kontakter.yml": records.ContactBook,
}
SCHEMA_NAMES: dict[type, str] = {
    records.Insats: "insats",
    records.Omrade: "omrade",
    records.Work: "work",
    records.LocalList: "local-list",
    records.IubExplainer: "om-iub",
    records.EverydayWords: "sokord",
    records.Situation: "livssituation",
    records.ContactBook: "kontakter",
}
# Swedish name of each record type, for messages ("ser ut som en källa").
RECORD_NAMES: dict[type, str] = {
    records.Insats: "en insats",
    records.Omrade: "ett område",
    records.Work: "en källa",
    records.LocalList: "en lokal lista",
    records.IubExplainer: "IUB-förklaringen",
    records.EverydayWords: "sökordslistan",
    records.Situation: "en livssituation",
    records.ContactBook: "kontaktlistan",
}


def schema_line(cls: type) -> str:
    """The first line of every record file (files live two levels below the repo root,
    the single-record files of ROOT_FILES one level)."""
    up = "../" if cls in ROOT_FILES.values() else "../../"
    return f"# yaml-language-server: $schema={up}schema/{SCHEMA_NAMES[cls]}.schema.json"


def record_class(folder: str, filename: str | None = None) -> type | None:
    """The record class of content/<folder>/<filename>, or of content/<folder> when
    `filename` is None (a file directly in content/)."""
    if filename is None:
        return ROOT_FILES.get(folder)
    if (folder, filename) == EXPLAINER_FILE:
        return records.IubExplainer
    return FOLDERS.get(folder)
