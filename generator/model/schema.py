"""JSON Schemas for editors (autocompletion, inline errors), generated from the model.

`python -m generator schema` rewrites schema/*.schema.json; a test keeps them current.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from generator.model.fields import FIELDS, MAX_TEXT, RECORD_DOCS
from generator.model.shape import (
    SCHEMA_NAMES,
    is_optional,
    is_tuple,
    item_type,
    nested_dataclasses,
    strip_optional,
    yaml_fields,
)

BASE_URL = "https://insatshandboken.se/schema/"  # a stable $id, not fetched by editors
TITLES = {
    "insats": "Insats",
    "omrade": "Område",
    "work": "Källa (citerat verk)",
    "local-list": "Kommunens lista (IUB eller skolgång)",
    "om-iub": "Om IUB",
    "sokord": "Sökord (vardagsord)",
    "livssituation": "Livssituation",
    "kontakter": "Akuta kontakter",
}


def _type_schema(tp: Any, extra: dict[str, Any]) -> dict[str, Any]:
    optional = is_optional(tp)
    tp = strip_optional(tp)
    if is_tuple(tp):
        schema: dict[str, Any] = {"type": "array", "items": _type_schema(item_type(tp), extra)}
        return schema
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        ref = {"$ref": f"#/$defs/{tp.__name__}"}
        return {"anyOf": [ref, {"type": "null"}]} if optional else ref
    if tp is str:
        schema = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S"}
    elif tp is int:
        schema = {"type": "integer"}
    else:
        raise TypeError(f"no schema for {tp!r}")
    schema.update(extra)
    if optional:
        schema["type"] = [schema["type"], "null"]
    return schema


def _object_schema(cls: type) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for f in yaml_fields(cls):
        key = f"{cls.__name__}.{f.name}"
        if key not in FIELDS:
            raise KeyError(f"generator/model/fields.py saknar beskrivning av {key}")
        doc = FIELDS[key]
        # Constraints like `pattern` apply to list items (ids), not to the list itself.
        # ($ref may have sibling keywords in draft 2020-12.)
        prop = _type_schema(f.type, doc.schema)
        prop = {"description": doc.description, **prop}
        if doc.example is not None:
            prop["examples"] = [doc.example]
        properties[f.name] = prop
    schema: dict[str, Any] = {
        "type": "object",
        "description": RECORD_DOCS[cls.__name__],
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.name for f in yaml_fields(cls) if f.required]
    if required:
        schema["required"] = required
    return schema


def record_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record file type."""
    name = SCHEMA_NAMES[cls]
    defs = {c.__name__: _object_schema(c) for c in nested_dataclasses(cls)[1:]}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_URL}{name}.schema.json",
        "title": TITLES[name],
        **_object_schema(cls),
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def schema_texts() -> dict[str, str]:
    """File name → JSON text of every schema, exactly as committed."""
    return {
        f"{name}.schema.json": json.dumps(record_schema(cls), ensure_ascii=False, indent=2) + "\n"
        for cls, name in SCHEMA_NAMES.items()
    }


def stale_schemas(schema_dir: Path) -> list[str]:
    """Names of the schema files that are missing or differ from the model's."""
    return [
        name
        for name, text in schema_texts().items()
        if not (schema_dir / name).is_file()
        or (schema_dir / name).read_text(encoding="utf-8") != text
    ]


def write_schemas(schema_dir: Path) -> list[Path]:
    """Write schema/*.schema.json; returns the files whose text changed."""
    schema_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        path = schema_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


@dataclasses.dataclass(frozen=True)
class FieldRow:
    """One YAML key for the editors' schema reference page."""

    key: str  # path as an editor writes it: "medlemskap[].statistik.ges.andel"
    type: str  # Swedish: "text", "heltal", "lista av text", "mappning", …
    required: bool
    description: str
    example: Any


def _type_name(tp: Any) -> str:
    tp = strip_optional(tp)
    if is_tuple(tp):
        return "lista av " + _type_name(item_type(tp)).replace("mappning", "mappningar")
    if dataclasses.is_dataclass(tp):
        return "mappning"
    return {str: "text", int: "heltal"}[tp]


def field_reference(cls: type) -> list[FieldRow]:
    """Every key of a record file, nested keys after their parent, from the one table in
    generator/model/fields.py – so the docs page says exactly what the schema says."""
    rows: list[FieldRow] = []

    def visit(c: type, prefix: str) -> None:
        for f in yaml_fields(c):
            doc = FIELDS[f"{c.__name__}.{f.name}"]
            key = f"{prefix}{f.name}"
            rows.append(FieldRow(key, _type_name(f.type), f.required, doc.description, doc.example))
            tp = strip_optional(f.type)
            inner = item_type(tp) if is_tuple(tp) else tp
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                visit(inner, f"{key}[]." if is_tuple(tp) else f"{key}.")

    visit(cls, "")
    return rows
