"""The command line, driven through its own entry point `main([...])` with the output
captured: what an editor types and what they read back (exit codes 0 ok, 1 problems,
2 usage)."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import load_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "model" / "fixtures" / "content_valid"


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    return root


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- validate, schema, new, build ---------------------------------------------------------


def test_validate_ok_exits_0(capsys) -> None:
    assert main(["validate", "--root", str(FIXTURE)]) == 0
    assert capsys.readouterr().out == (
        "Inga problem: 2 insatser, 2 områden, 4 källor, 2 lokala listor, 1 livssituationer.\n"
    )


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["valider"])
    assert exit_.value.code == 2
    assert main(["validate", "--root", str(tmp_path / "finns-inte")]) == 2
    assert "finns inte" in capsys.readouterr().err


def test_every_command_help_has_an_example(capsys) -> None:
    for command in ("validate", "schema", "new", "import", "build"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "exempel:\n  python -m generator " + command in capsys.readouterr().out


def test_new_insats_needs_an_omrade_a_text_and_a_source_and_never_overwrites(
    content_tree: Path, capsys
) -> None:
    # Issue 11 item 9: a scaffold with no område, no text and no source must not validate.
    assert main(["new", "insats", "Alla barn i centrum (ABC)", "--root", str(content_tree)]) == 0
    path = content_tree / "content" / "insatser" / "alla-barn-i-centrum-abc.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/insats.schema.json\n")
    assert "namn: Alla barn i centrum (ABC)\n" in text and "# medlemskap:" in text
    assert "# omraden:" in text and "# beskrivning:" in text and "# kallor:" in text
    _, problems = load_content(content_tree)
    assert {(p.file, p.field) for p in problems} == {
        ("content/insatser/alla-barn-i-centrum-abc.yml", "omraden"),
        ("content/insatser/alla-barn-i-centrum-abc.yml", "beskrivning"),
    }
    omrade = next((content_tree / "content" / "omraden").glob("*.yml")).stem
    work = next((content_tree / "content" / "kallor").glob("*.yml")).stem
    path.write_text(
        text + f"omraden: [{omrade}]\nbeskrivning: Stöd till föräldrar.\n", encoding="utf-8"
    )
    _, problems = load_content(content_tree)
    assert [(p.field, p.message) for p in problems] == [("kallor", "beskrivningen har ingen källa")]
    path.write_text(
        text + f"omraden: [{omrade}]\nbeskrivning: Stöd till föräldrar.\nkallor: [{work}]\n",
        encoding="utf-8",
    )
    content, problems = load_content(content_tree)
    assert problems == [] and "alla-barn-i-centrum-abc" in {i.id for i in content.insatser}
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "# redigerad\n", encoding="utf-8")
    assert main(["new", "insats", "Alla barn i centrum (ABC)", "--root", str(content_tree)]) == 1
    assert path.read_text(encoding="utf-8").endswith("# redigerad\n")
    assert "finns redan" in capsys.readouterr().err


def test_new_kalla_guesses_publisher_and_year(content_tree: Path) -> None:
    text = "Socialstyrelsen (2012). Metodguide för socialt arbete."
    assert main(["new", "kalla", text, "--root", str(content_tree)]) == 0
    content, problems = load_content(content_tree)
    assert problems == []
    work = {w.id: w for w in content.works}["socialstyrelsen-2012-metodguide-for-socialt-arbete"]
    assert (work.text, work.utgivare, work.ar) == (text, "Socialstyrelsen", "2012")


def test_schema_check_reports_stale_files(content_tree: Path, capsys) -> None:
    assert main(["schema", "--root", str(content_tree)]) == 0
    assert main(["schema", "--check", "--root", str(content_tree)]) == 0
    (content_tree / "schema" / "work.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check", "--root", str(content_tree)]) == 1
    assert "schema/work.schema.json: inaktuell" in capsys.readouterr().out


def test_build_calls_build_site_and_prints_errors_without_traceback(
    monkeypatch, tmp_path: Path, capsys
) -> None:
    calls = []

    def build_site(root: Path, site_dir: Path, strict: bool = True) -> types.SimpleNamespace:
        calls.append((root, site_dir, strict))
        if len(calls) == 2:
            raise ValueError("3 problem i content/")
        return types.SimpleNamespace(pages=3, files=2, seconds=0.5)

    monkeypatch.setitem(
        sys.modules, "generator.build", types.SimpleNamespace(build_site=build_site)
    )
    args = ["build", "--root", str(tmp_path), "--site-dir", str(tmp_path / "site")]
    assert main(args) == 0
    assert calls == [(tmp_path, tmp_path / "site", True)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err == "fel: 3 problem i content/\n"


def test_root_without_content_is_one_clear_problem(tmp_path: Path, capsys) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert main(["validate", "--root", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "content:1:1: mappen finns inte – kör kommandot i projektets rotmapp"
    )


# --- import -------------------------------------------------------------------------------


def test_import_command_stages_drafts_and_changes_nothing(tmp_path, capsys):
    before = _snapshot(ROOT / "content")
    assert main(["import", "--root", str(ROOT), "--utkast", str(tmp_path / "utkast")]) == 0
    out = capsys.readouterr().out
    assert "Skillnader mot content/: 0" in out
    assert (tmp_path / "utkast/content/insatser/kontaktperson.yml").read_text(encoding="utf-8") == (
        ROOT / "content/insatser/kontaktperson.yml"
    ).read_text(encoding="utf-8")
    assert _snapshot(ROOT / "content") == before
    assert main(["import", "--root", str(ROOT), "--dokument", "enkat=x.pdf"]) == 2


def test_import_refuses_a_document_it_cannot_read_before_writing_anything(tmp_path, capsys):
    staging = tmp_path / "utkast"
    docx = tmp_path / "ny-omgang.docx"
    docx.write_bytes(b"PK\x03\x04")
    assert (
        main(
            [
                "import",
                "--root",
                str(ROOT),
                "--utkast",
                str(staging),
                "--dokument",
                f"tabeller={docx}",
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == (
        "fel: ny-omgang.docx: okänd dokumenttyp «.docx» – importen läser text utdragen ur "
        "PDF:en (.txt) och PDF (.pdf); spara dokumentet i ett av dem\n"
    )
    assert not staging.exists()
    assert (
        main(
            [
                "import",
                "--root",
                str(ROOT),
                "--utkast",
                str(staging),
                "--dokument",
                f"tabeller={tmp_path / 'saknas.pdf'}",
            ]
        )
        == 1
    )
    assert "saknas.pdf: filen finns inte" in capsys.readouterr().err


def test_import_never_empties_a_folder_it_did_not_make(tmp_path, capsys):
    staging = tmp_path / "utkast"
    staging.mkdir()
    (staging / "mina-anteckningar.txt").write_text("egna", encoding="utf-8")
    assert main(["import", "--root", str(ROOT), "--utkast", str(staging)]) == 1
    assert "innehåller filer som importen inte har gjort" in capsys.readouterr().err
    assert [p.name for p in staging.iterdir()] == ["mina-anteckningar.txt"]


def test_import_never_stages_inside_content(tmp_path, capsys):
    before = _snapshot(ROOT / "content")
    assert main(["import", "--root", str(ROOT), "--utkast", "content/utkast"]) == 1
    assert "ligger i content/" in capsys.readouterr().err
    assert _snapshot(ROOT / "content") == before


def test_import_replaces_its_own_drafts(tmp_path, capsys):
    staging = tmp_path / "utkast"
    assert main(["import", "--root", str(ROOT), "--utkast", str(staging)]) == 0
    leftover = staging / "content/insatser/gammalt-utkast.yml"
    leftover.write_text("namn: x\n", encoding="utf-8")
    assert main(["import", "--root", str(ROOT), "--utkast", str(staging)]) == 0
    assert not leftover.exists()
    assert (staging / "content/insatser/kontaktperson.yml").is_file()


def test_import_creates_only_the_drafts_content_does_not_have(tmp_path, capsys):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "sources", root / "sources")
    removed = root / "content/insatser/kontaktperson.yml"
    expected = removed.read_text(encoding="utf-8")
    removed.unlink()
    edited = root / "content/insatser/hemtjanst.yml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# redigerad\n", encoding="utf-8")
    assert main(["import", "--root", str(root), "--skapa-nya"]) == 0
    out = capsys.readouterr().out
    assert "Skapade 1 nya filer i content/ (befintliga filer orörda)" in out
    assert removed.read_text(encoding="utf-8") == expected
    assert edited.read_text(encoding="utf-8").endswith("# redigerad\n")


def test_new_with_an_empty_name_is_a_usage_error(content_tree: Path, capsys) -> None:
    before = _snapshot(content_tree)
    assert main(["new", "insats", "   ", "--root", str(content_tree)]) == 2
    assert capsys.readouterr().err == "fel: ange ett namn eller en text\n"
    assert _snapshot(content_tree) == before
