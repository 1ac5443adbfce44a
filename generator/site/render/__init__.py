"""Render stage: the linked model → {path relative to docs_dir: page or file text}.

Pure: the same Content gives the same dict, byte for byte. Nothing here touches the disk.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping

from generator.history import History
from generator.model.problems import UnexpectedError
from generator.model.records import Content
from generator.site.crossrefs import CrossRefs
from generator.site.render import (
    ages,
    hsds,
    lists,
    omrade,
    pages,
    register,
    situationer,
    statistik,
)
from generator.site.render.common import dated
from generator.site.render.insats import render_insats

JSON_PATH = "nedladdning/insatshandboken.json"


def _plain(obj: object, leave_out: frozenset[str] = frozenset()) -> object:
    """Dataclasses → JSON-ready dicts, without the loader's source locations."""
    if dataclasses.is_dataclass(obj):
        return {
            f.name: _plain(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.name != "location" and f.name not in leave_out
        }
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


# Top-level key of the JSON download → the published schema of each of its records.
# The keys are content/'s folders, so a list's kind is where it sits, as in content/ (a
# `kind` key inside the record would break its schema, which describes the YAML file).
JSON_SCHEMAS = {
    "insatser": "insats.schema.json",
    "omraden": "omrade.schema.json",
    "kallor": "work.schema.json",
    "iub": "local-list.schema.json",
    "skolgang": "local-list.schema.json",
    "om-iub": "om-iub.schema.json",
}


def records_json(content: Content) -> str:
    """Every record exactly in the shape of its YAML file (all keys present, null where
    absent), under the folder it lives in."""

    def lists(kind: str) -> list[object]:
        return [_plain(x, frozenset({"kind"})) for x in content.lists if x.kind == kind]

    data = {
        "insatser": _plain(content.insatser),
        "omraden": _plain(content.omraden),
        "kallor": _plain(content.works),
        "iub": lists("iub"),
        "skolgang": lists("skolgang"),
        "om-iub": _plain(content.iub),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _for(record: object, render: Callable[..., tuple[str, str]], *args: object) -> tuple[str, str]:
    """render(*args), the page of one record: an unexpected error names the record's file."""
    try:
        return render(*args)
    except Exception as err:
        raise UnexpectedError.at(record, "sidan gjordes", err) from err


def render_site(
    refs: CrossRefs, schemas: Mapping[str, str] | None = None, history: History | None = None
) -> dict[str, str]:
    """Every generated file. `schemas` maps a schema file name to its text (schema/*.json);
    `history` gives each content file's last change (none: every date is unknown)."""
    content = refs.content
    out: dict[str, str] = {}
    history = history or History()

    def put(item: tuple[str, str]) -> None:
        path, text = item
        if path in out:
            raise ValueError(f"två sidor ska ha sökvägen {path}")
        out[path] = dated(path, text, history) if path.endswith(".md") else text

    put(pages.render_home(refs))
    put(situationer.render_situations_index(refs))
    for s in content.situationer:
        put(situationer.render_situation(s, refs))
    put(omrade.render_omraden_index(refs))
    for o in content.omraden:
        put(_for(o, omrade.render_omrade, o, refs))
    for ins in content.insatser:
        put(_for(ins, render_insats, ins, refs))
    put(register.render_a_o(refs))
    put(ages.render_age_index(refs))
    for group in ages.GROUPS:
        put(ages.render_age_group(group, refs))
    put(register.render_abbreviations(refs))
    put(register.render_sources(refs))
    put(lists.render_iub_index(refs))
    put(lists.render_iub_comparison(refs))
    put(lists.render_skolgang_index(refs))
    for lst in content.lists:
        put(_for(lst, lists.render_list, lst, refs))
    put(statistik.render_statistics(refs))
    for o in content.omraden:
        put(_for(o, statistik.render_omrade_statistics, o, refs))

    files = [(JSON_PATH, "Alla poster (JSON)"), (statistik.CSV_PATH, "Statistik (CSV)")]
    out[JSON_PATH] = records_json(content)
    out[statistik.CSV_PATH] = statistik.statistics_csv(refs)
    hsds_files = hsds.hsds_files(refs)
    out.update(hsds_files)
    files += [(path, f"Open Referral HSDS 3.0: {path.rsplit('/', 1)[1]}") for path in hsds_files]
    schema_links = []
    schemas = schemas or {}
    for name in sorted(schemas):
        path = f"nedladdning/schema/{name}"
        out[path] = schemas[name]
        schema_links.append((path, f"JSON-schema: {name}"))
    put(pages.render_downloads(refs, files + schema_links))
    put(pages.render_about(refs))
    put(pages.render_editors(refs, schema_links))
    return out
