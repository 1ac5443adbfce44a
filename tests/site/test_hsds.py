"""The Open Referral HSDS 3.0 export of the real handbook: every object validates against
the official HSDS 3.0 JSON Schemas (vendored in tests/hsds_schema/), uses only keys those
schemas define, and links services to the national insatser the lists map them to."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from site_build import ROOT

from generator.model import load_content
from generator.site.crossrefs import link
from generator.site.render.hsds import FOLDER, NAMESPACE, hsds_files

SCHEMAS = Path(__file__).resolve().parents[1] / "hsds_schema"
# export file → HSDS object schema of each of its items
ITEM_SCHEMA = {
    "taxonomies.json": "taxonomy.json",
    "taxonomy_terms.json": "taxonomy_term.json",
    "organizations.json": "organization.json",
    "services.json": "service.json",
}


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}


@pytest.fixture(scope="module")
def export() -> tuple[object, dict[str, list[dict]]]:
    content, problems = load_content(ROOT)
    assert not problems
    files = hsds_files(link(content))
    return content, {
        path.removeprefix(f"{FOLDER}/"): json.loads(text) for path, text in files.items()
    }


def _validator(schemas: dict[str, dict], name: str) -> Draft202012Validator:
    # the schemas have no $id and refer to each other by file name: register them so
    registry = Registry().with_resources(
        (n, Resource(s, specification=DRAFT202012)) for n, s in schemas.items()
    )
    return Draft202012Validator(
        schemas[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _unknown_keys(obj: object, schema: dict, schemas: dict[str, dict], path: str) -> list[str]:
    """Keys the HSDS schema does not define (its schemas allow any extra key)."""
    if "$ref" in schema:
        schema = schemas[schema["$ref"]]
    if isinstance(obj, list):
        return [
            k
            for i, x in enumerate(obj)
            for k in _unknown_keys(x, schema.get("items", {}), schemas, f"{path}[{i}]")
        ]
    if not isinstance(obj, dict):
        return []
    props = schema.get("properties", {})
    out = [f"{path}.{k}" for k in obj if k not in props]
    for k, v in obj.items():
        if k in props:
            out += _unknown_keys(v, props[k], schemas, f"{path}.{k}")
    return out


def test_every_object_validates_against_the_official_hsds_3_schemas(export, schemas):
    _, files = export
    assert set(files) == set(ITEM_SCHEMA)
    for name, objects in files.items():
        validator = _validator(schemas, ITEM_SCHEMA[name])
        for obj in objects:
            errors = [
                f"{name} {obj.get('name')}: {e.json_path}: {e.message}"
                for e in validator.iter_errors(obj)
            ]
            assert errors == []
            assert _unknown_keys(obj, schemas[ITEM_SCHEMA[name]], schemas, name) == []


def test_the_validation_can_fail(schemas):
    validator = _validator(schemas, "service.json")
    bad = {
        "id": "kontaktperson",
        "name": "Kontaktperson",
        "status": "öppen",
        "attributes": [{"id": str(uuid.uuid4()), "taxonomy_term": {"id": "x"}}],
    }
    messages = {e.message for e in validator.iter_errors(bad)}
    assert "'kontaktperson' is not a 'uuid'" in messages
    assert any("is not one of" in m for m in messages)  # status outside the enum
    assert "'name' is a required property" in messages  # inside the embedded term


def test_one_taxonomy_term_per_national_insats_and_two_kommuner(export):
    content, files = export
    assert len(files["taxonomies.json"]) == 1
    assert [t["code"] for t in files["taxonomy_terms.json"]] == [i.id for i in content.insatser]
    assert sorted(o["name"] for o in files["organizations.json"]) == [
        "Alingsås kommun",
        "Stockholms stad",
    ]


def test_a_service_per_local_insats_linked_to_its_national_insatser(export):
    content, files = export
    services = files["services.json"]
    items = [(lst, li) for lst in content.lists for g in lst.grupper for li in g.insatser]
    assert len(services) == len(items)
    orgs = {o["name"]: o["id"] for o in files["organizations.json"]}
    terms = {t["id"]: t["code"] for t in files["taxonomy_terms.json"]}
    for service, (lst, li) in zip(services, items, strict=True):
        assert service["name"] == li.namn
        assert (
            service["organization_id"]
            == orgs["Alingsås kommun" if lst.kommun == "Alingsås" else "Stockholms stad"]
        )
        linked = [terms[a["taxonomy_term_id"]] for a in service["attributes"]]
        assert linked == list(li.nationell)
        assert all(a["link_id"] == service["id"] for a in service["attributes"])


def test_ids_are_uuid5_of_our_ids_and_unique(export):
    _, files = export
    term = next(t for t in files["taxonomy_terms.json"] if t["code"] == "kontaktperson")
    assert term["id"] == str(uuid.uuid5(NAMESPACE, "taxonomy_term:kontaktperson"))
    ids = [o["id"] for objects in files.values() for o in objects]
    assert len(ids) == len(set(ids))


def test_ages_are_eligibility_of_the_person_served(export):
    _, files = export
    by_name = {(s["organization"]["name"], s["name"]): s for s in files["services.json"]}
    adults = by_name[("Alingsås kommun", "Beroenderådgivning")]
    assert adults["minimum_age"] == 18 and "maximum_age" not in adults
    assert "Vuxna från 18 år" in adults["eligibility_description"]
    # a parents' programme states the children's ages: text only, no age bounds
    abc = by_name[("Stockholms stad", "Alla barn i centrum (ABC)")]
    assert "minimum_age" not in abc and "maximum_age" not in abc
    assert "föräldrar med barn i åldern 0-18 år" in abc["eligibility_description"]
    # a skolgång item without its own age has the whole list's ("från sexårs ålder")
    skol = [s for s in files["services.json"] if "biståndsbeslut" in s["application_process"]]
    assert any(s.get("minimum_age") == 6 and "maximum_age" not in s for s in skol)
