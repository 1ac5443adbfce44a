"""read_document: the one place a file's suffix is looked at, and its Swedish refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importers import documents
from generator.importers.documents import DocumentError, ImportProblem, read_document
from generator.importers.pdf.layout import PdfLine


def _refusal(path: Path, **readers) -> ImportProblem:
    with pytest.raises(DocumentError) as err:
        read_document(path, text=readers.get("text", _never), pdf=readers.get("pdf"))
    return err.value.problem


def _never(_):
    raise AssertionError("a refused document is never parsed")


def test_a_text_goes_to_the_text_parser(tmp_path: Path) -> None:
    path = tmp_path / "tabeller.TXT"
    path.write_text("Insats  \nrad två\n", encoding="utf-8")
    assert read_document(path, text=lambda t: ("text", t), pdf=_never) == (
        "text",
        "Insats  \nrad två\n",
    )


def test_a_pdf_goes_to_the_pdf_reader_or_through_the_text_layout(monkeypatch, tmp_path) -> None:
    path = tmp_path / "lista.pdf"
    path.write_bytes(b"%PDF-1.4")
    line = PdfLine(page=1, x0=50, x1=200, top=100, bottom=110, text="Familjerådgivning", size=10)
    import generator.importers.pdf.layout as layout

    monkeypatch.setattr(layout, "read_lines", lambda p: [line])
    assert read_document(path, text=_never, pdf=lambda lines: ("pdf", lines)) == ("pdf", [line])
    assert read_document(path, text=lambda t: ("text", t)) == ("text", "Familjerådgivning  \n")


def test_another_kind_of_file_is_refused_in_swedish(tmp_path: Path) -> None:
    problem = _refusal(tmp_path / "ny-omgang.docx")
    assert (problem.document, problem.place) == ("ny-omgang.docx", "")
    assert problem.message.startswith("okänd dokumenttyp «.docx» – importen läser")
    assert _refusal(tmp_path / "utan-andelse").message.startswith(
        "okänd dokumenttyp «utan ändelse»"
    )


def test_missing_undecodable_and_broken_files_are_refused(tmp_path: Path) -> None:
    assert "filen finns inte" in _refusal(tmp_path / "saknas.txt").message
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Förklaring".encode("latin-1"))
    problem = _refusal(latin1)
    assert (problem.place, problem.message.split(" –")[0]) == ("byte 1", "texten är inte UTF-8")
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"no PDF at all")
    assert _refusal(broken, pdf=_never).message.startswith("kunde inte läsas som PDF (")


def test_a_problem_reads_document_place_message() -> None:
    assert str(ImportProblem("tabeller", "rad 3", "fel")) == "tabeller: rad 3: fel"
    assert str(ImportProblem("a.docx", "", "okänd")) == "a.docx: okänd"
    assert documents.SUFFIXES == (".txt", ".pdf")
