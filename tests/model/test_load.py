"""Loading, dumping, schemas and the CLI on the small hand-written content tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.model import load_content, records
from generator.model.dump import dump_content, dump_record
from generator.model.fields import FIELDS
from generator.model.problems import Problem
from generator.model.schema import record_schema, schema_texts
from generator.model.shape import SCHEMA_NAMES, nested_dataclasses, record_class, yaml_fields
from generator.model.yaml_reader import _Loader

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "content_valid"


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    return root


def test_valid_fixture_loads_without_problems() -> None:
    content, problems = load_content(FIXTURE)
    assert problems == []
    assert [i.id for i in content.insatser] == ["aggression-replacement-training", "kontaktperson"]
    kontakt = content.insatser[1]
    stats = kontakt.medlemskap[0].statistik
    assert stats.ges == records.Figure(169, 70)
    assert stats.enskild_regi is None  # "-" in the source: not asked, never 0
    assert stats.utan_beslut == records.Figure(0, 0)
    assert kontakt.medlemskap[1].statistik is None and kontakt.medlemskap[1].rubrik is None
    assert kontakt.location == records.Location("content/insatser/kontaktperson.yml", 2, 1)
    assert {(lst.kind, lst.id) for lst in content.lists} == {
        ("iub", "alingsas"),
        ("skolgang", "stockholm"),
    }
    assert content.iub.undantagna_kalla.lagrum == "11 kap. 5 §"
    assert {w.id: w.ar for w in content.works}[
        "stockholm-skolgang"
    ] == "2018-06-29"  # a date stays text


def test_content_directory_itself_is_accepted_as_root() -> None:
    content, problems = load_content(FIXTURE / "content")
    assert problems == [] and len(content.insatser) == 2


def test_load_dump_load_is_stable(content_tree: Path, tmp_path: Path) -> None:
    first, _ = load_content(content_tree)
    texts = dump_content(first)
    copy = tmp_path / "dumped"
    for rel, text in texts.items():
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_text(text, encoding="utf-8")
    second, problems = load_content(copy)
    assert problems == []
    assert second == first
    assert dump_content(second) == texts


def test_dump_keeps_not_asked_visible_and_starts_with_schema_line() -> None:
    content, _ = load_content(FIXTURE)
    text = dump_record(content.insatser[1])
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/insats.schema.json"
    assert "      enskild_regi: null\n" in text
    assert "      ges: {antal: 169, andel: 70}\n" in text
    assert "&" not in text and "*" not in text.replace("*stjärnor*", "")


def test_an_everyday_word_may_mean_only_a_life_situation(content_tree: Path) -> None:
    path = content_tree / "content" / "sokord.yml"
    path.write_text(
        "# yaml-language-server: $schema=../schema/sokord.schema.json\nsokord:\n"
        "  - ord: ensam\n    livssituationer: [ensam-hemma]\n"
        "    motivering: Livssituationens text talar om att vara ensam.\n",
        encoding="utf-8",
    )
    content, problems = load_content(content_tree)
    assert problems == []
    assert content.sokord.sokord[0].livssituationer == ("ensam-hemma",)
    jsonschema.Draft202012Validator(_schema_for(path)).validate(_as_data(path))


def test_committed_schemas_equal_the_generated_ones() -> None:
    for name, text in schema_texts().items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == text, (
            f"schema/{name} is stale: run python -m generator schema"
        )


def _as_data(path: Path) -> object:
    """The file as an editor's YAML language server sees it (YAML 1.2 core types)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _schema_for(path: Path) -> dict:
    if path.parent.name == "content":  # content/kontakter.yml
        return record_schema(record_class(path.name))
    return record_schema(record_class(path.parent.name, path.name))


def test_schemas_accept_every_valid_fixture_file() -> None:
    files = sorted((FIXTURE / "content").rglob("*.yml"))
    assert len(files) == 13
    for path in files:
        jsonschema.Draft202012Validator(_schema_for(path)).validate(_as_data(path))


# (file, old, new): each edit breaks a rule that the schema and the loader both state.
AGREEMENT = [
    ("insatser/kontaktperson.yml", "namn: Kontaktperson\n", ""),  # missing required
    ("insatser/kontaktperson.yml", "namn: Kontaktperson", "namnn: Kontaktperson"),  # unknown key
    ("insatser/kontaktperson.yml", "namn: Kontaktperson", "namn:"),  # null for required
    ("insatser/kontaktperson.yml", "namn: Kontaktperson", 'namn: " "'),  # blank text
    ("insatser/kontaktperson.yml", 'kategori: "3.1"', "kategori: 3.1"),  # number for text
    ("insatser/kontaktperson.yml", "ordning: 4", "ordning: 4.5"),  # decimal for integer
    ("insatser/kontaktperson.yml", "andel: 70}", "andel: 101}"),
    ("insatser/kontaktperson.yml", "antal: 12", "antal: -1"),
    ("insatser/kontaktperson.yml", "enskild_regi: null", "enskild_regi: {andel: 5}"),
    ("insatser/kontaktperson.yml", "alias:\n  - Kontaktperson/kontaktfamilj\n", "alias: null\n"),
    (
        "kallor/socialstyrelsen-2008.yml",
        "url: https://www.socialstyrelsen.se/",
        "url: javascript:x",
    ),
    ("iub/alingsas.yml", "    beskrivning: Rådgivande", "    beskrivnig: Rådgivande"),
    ("iub/om-iub.yml", "undantagna_kalla:\n  lagrum: 11 kap. 5 §\n", "undantagna_kalla:\n"),
    ("skolgang/stockholm.yml", "      - id: art", "      - id: ART"),  # id pattern
]
# Omitting any optional key is fine for both.
OPTIONAL = [
    ("insatser/kontaktperson.yml", "alias:\n  - Kontaktperson/kontaktfamilj\n", ""),
    ("insatser/aggression-replacement-training.yml", "forkortning: ART\n", ""),
    ("kallor/socialstyrelsen-2008.yml", "url: https://www.socialstyrelsen.se/\n", ""),
    ("iub/alingsas.yml", "    beskrivning: Rådgivande samtal utan beslut.\n", ""),
    ("insatser/kontaktperson.yml", "      enskild_regi: null\n", ""),
]


@pytest.mark.parametrize(("file", "old", "new"), AGREEMENT)
def test_schema_and_loader_both_reject(file: str, old: str, new: str, content_tree: Path) -> None:
    path = content_tree / "content" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    _, problems = load_content(content_tree)
    assert [p for p in problems if p.file == f"content/{file}"]
    assert not jsonschema.Draft202012Validator(_schema_for(path)).is_valid(_as_data(path))


@pytest.mark.parametrize(("file", "old", "new"), OPTIONAL)
def test_schema_and_loader_both_accept(file: str, old: str, new: str, content_tree: Path) -> None:
    path = content_tree / "content" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load_content(content_tree)
    assert problems == []
    jsonschema.Draft202012Validator(_schema_for(path)).validate(_as_data(path))


def test_every_yaml_key_has_editor_documentation() -> None:
    keys = {
        f"{c.__name__}.{f.name}"
        for r in SCHEMA_NAMES
        for c in nested_dataclasses(r)
        for f in yaml_fields(c)
    }
    assert keys == set(FIELDS)
    assert all(doc.description.strip() for doc in FIELDS.values())


def test_schema_carries_descriptions_and_examples() -> None:
    schema = json.loads((REPO / "schema" / "insats.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["id", "namn"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["namn"]["examples"] == ["Kontaktperson"]
    andel = schema["$defs"]["Figure"]["properties"]["andel"]
    assert (andel["minimum"], andel["maximum"]) == (0, 100)


def test_problem_line_format() -> None:
    assert (
        str(Problem("content/a.yml", 3, 7, "namn", "tom text", "skriv en text"))
        == "content/a.yml:3:7: namn: tom text – skriv en text"
    )
    assert (
        str(Problem("content/a.yml", 1, 1, "", "filen är tom")) == "content/a.yml:1:1: filen är tom"
    )


def test_field_reference_lists_every_key_with_the_schema_required_flag() -> None:
    from generator.model.schema import field_reference

    rows = {r.key: r for r in field_reference(records.Insats)}
    assert rows["medlemskap[].statistik.ges.andel"].type == "heltal"
    assert rows["medlemskap[].statistik.ges.andel"].required is True
    assert rows["alias"].type == "lista av text" and rows["alias"].required is False
    schema = record_schema(records.Insats)
    assert [k for k, r in rows.items() if "." not in k and r.required] == schema["required"]
    distinct = sum(len(yaml_fields(c)) for c in nested_dataclasses(records.Insats))
    assert len(rows) == distinct + 3 * 2  # Figure's two keys under each of the four measures


TRICKY_TEXTS = [
    "a: b",
    "- x",
    "#c",
    "  leading",
    "trailing  ",
    "rad ett\nrad två  \n",
    "null",
    "yes",
    "2.10",
    "'q'",
    '"dq"',
    "tabb\there",
    "{{ x }} {% y %}",
    "<b>fet</b> & [länk](x)",
    "~",
    "stycke ett\n\n• punkt\n• punkt",
    "\u00a0hårt mellanslag",
    "slut med radbrytning\n",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_any_text_survives_dump_and_load(text: str, tmp_path: Path) -> None:
    from generator.model.load import read_file
    from generator.model.problems import SourcePositions

    work = records.Work("w", text, "Utgivare", None, text)
    path = tmp_path / "content" / "kallor" / "w.yml"
    path.parent.mkdir(parents=True)
    path.write_text(dump_record(work), encoding="utf-8")
    loaded, problems = read_file(path, "content/kallor/w.yml", records.Work, SourcePositions())
    assert problems == []
    assert loaded == work
