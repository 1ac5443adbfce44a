"""A document on disk → what its importer reads; what went wrong, as typed problems.

`read_document` is the one place that looks at a file's suffix: an extracted text (.txt)
goes to the importer's text parser, a PDF (.pdf) to its PDF reader – or, for importers
without one, through `pdf.text.lines_to_text` to the same text parser. Anything else is
refused with a Swedish message before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pdfminer is imported only when a PDF is read
    from generator.importers.pdf.layout import PdfLine

T = TypeVar("T")

SUFFIXES = (".txt", ".pdf")


@dataclass(frozen=True)
class ImportProblem:
    """Something an importer could not place: which document, where in it, and what –
    in Swedish, for the import report and the terminal."""

    document: str  # the document kind ("förklaringar") or the file's name
    place: str  # "rad 12", "sida 3"; "" for the document as a whole
    message: str

    def __str__(self) -> str:
        return ": ".join(part for part in (self.document, self.place, self.message) if part)


class DocumentError(Exception):
    """A document that cannot be read at all (wrong kind of file, missing, not text)."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_document(
    path: str | Path, text: Callable[[str], T], pdf: Callable[[Sequence[PdfLine]], T] | None = None
) -> T:
    """Read `path` with `text(extracted text)` or `pdf(the PDF's lines)`; without a `pdf`
    reader a PDF is laid out as text first. Raises DocumentError for any other file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(
            ImportProblem(
                path.name,
                "",
                f"okänd dokumenttyp «{suffix or 'utan ändelse'}» – importen läser "
                "text utdragen ur PDF:en (.txt) och PDF (.pdf); spara dokumentet i ett av dem",
            )
        )
    if not path.is_file():
        raise DocumentError(
            ImportProblem(
                str(path),
                "",
                "filen finns inte – kontrollera sökvägen (den räknas från mappen "
                "du kör kommandot i)",
            )
        )
    if suffix == ".txt":
        try:
            return text(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as err:
            raise DocumentError(
                ImportProblem(
                    path.name,
                    f"byte {err.start}",
                    "texten är inte UTF-8 – spara den som UTF-8 (eller läs PDF:en direkt)",
                )
            ) from err
    from generator.importers.pdf.layout import UnreadablePdf, read_lines  # pdfminer: PDFs only

    try:
        lines = read_lines(path)
    except UnreadablePdf as err:
        raise DocumentError(
            ImportProblem(
                path.name,
                "",
                f"kunde inte läsas som PDF ({err}) – öppna filen och kontrollera "
                "att den är en hel PDF utan lösenord",
            )
        ) from err
    if pdf is not None:
        return pdf(lines)
    from generator.importers.pdf.text import lines_to_text

    return text(lines_to_text(lines))
