"""Render stage: the linked model → {path relative to docs_dir: page or file text}.

Pure: the same Content gives the same dict, byte for byte. Nothing here touches the disk.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

from generator.link import Index
from generator.model import Content
from generator.render import lists, omrade, pages, register, statistik
from generator.render.insats import render_insats

JSON_PATH = "nedladdning/insatshandboken.json"


def _plain(obj: object) -> object:
    """Dataclasses → JSON-ready dicts, without the loader's source locations."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.name != "location"}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


def records_json(content: Content) -> str:
    return json.dumps(_plain(content), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def render_site(index: Index, schemas: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every generated file. `schemas` maps a schema file name to its text (schema/*.json)."""
    content = index.content
    out: dict[str, str] = {}

    def put(item: tuple[str, str]) -> None:
        path, text = item
        if path in out:
            raise ValueError(f"two pages want the path {path}")
        out[path] = text

    put(pages.render_home(index))
    put(omrade.render_omraden_index(index))
    for o in content.omraden:
        put(omrade.render_omrade(o, index))
    for ins in content.insatser:
        put(render_insats(ins, index))
    put(register.render_a_o(index))
    put(register.render_abbreviations(index))
    put(register.render_sources(index))
    put(lists.render_iub_index(index))
    put(lists.render_iub_comparison(index))
    put(lists.render_skolgang_index(index))
    for lst in content.lists:
        put(lists.render_list(lst, index))
    put(statistik.render_statistics(index))

    files = [(JSON_PATH, "Alla poster (JSON)"), (statistik.CSV_PATH, "Statistik (CSV)")]
    out[JSON_PATH] = records_json(content)
    out[statistik.CSV_PATH] = statistik.statistics_csv(index)
    schema_links = []
    for name in sorted(schemas or {}):
        path = f"nedladdning/schema/{name}"
        out[path] = schemas[name]
        schema_links.append((path, f"JSON-schema: {name}"))
    put(pages.render_downloads(index, files + schema_links))
    put(pages.render_about(index))
    put(pages.render_editors(index, schema_links))
    return out
