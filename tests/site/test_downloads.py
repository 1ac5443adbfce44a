"""The open-data downloads of the real handbook, as the render stage writes them: every
record of the JSON download validates against the schema published beside it."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from site_build import ROOT

from generator.build import read_schemas
from generator.model import load_content
from generator.site.crossrefs import link
from generator.site.render import JSON_PATH, JSON_SCHEMAS, render_site


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    return render_site(link(content), read_schemas(ROOT))


def _validator(files: dict[str, str], name: str) -> Draft202012Validator:
    schema = json.loads(files[f"nedladdning/schema/{name}"])  # the published copy
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_every_record_of_the_json_download_validates_against_its_published_schema(files):
    data = json.loads(files[JSON_PATH])
    assert set(data) == set(JSON_SCHEMAS)
    checked = 0
    for key, name in JSON_SCHEMAS.items():
        validator = _validator(files, name)
        records = data[key] if isinstance(data[key], list) else [data[key]]
        for record in records:
            errors = [
                f"{key}/{record.get('id', '')}: {e.json_path}: {e.message}"
                for e in validator.iter_errors(record)
            ]
            assert errors == []
            checked += 1
    content, _ = load_content(ROOT)
    assert checked == (
        len(content.insatser) + len(content.omraden) + len(content.works) + len(content.lists) + 1
    )
    assert {x["id"] for x in data["iub"]} == {"stockholm", "alingsas"}
    assert [x["id"] for x in data["skolgang"]] == ["stockholm"]


def test_a_list_record_with_a_kind_key_would_fail_its_schema(files):
    # the check above can fail: the old download shape (kind inside the record) does
    record = json.loads(files[JSON_PATH])["iub"][0] | {"kind": "iub"}
    assert list(_validator(files, "local-list.schema.json").iter_errors(record))


def test_ages_are_in_the_download(files):
    data = json.loads(files[JSON_PATH])
    take_charge = next(i for i in data["insatser"] if i["id"] == "take-charge")
    assert take_charge["medlemskap"][0]["alder"] == {
        "fran": 14,
        "till": 17,
        "avser": None,
        "kalla_text": "ungdomar i åldern 14–17 år",
    }
    assert data["skolgang"][0]["alder"]["fran"] == 6
