"""Records the importers produce: one document → a list of these, never pages.

The text path and the PDF path of an importer produce the same records, so a parser is
tested once against both. `line` is the 1-based line in the extracted text (or the page
number for PDFs) where the record starts, for the import report.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.importers.documents import ImportProblem
from generator.model.records import Figure


@dataclass(frozen=True)
class ExplanationRow:
    """A row of seed 000's three-column table (Insats | Förklaring | Källa)."""

    omrade: int  # section number 2–7
    kategori: str  # "2.1"
    rubrik: str | None  # unnumbered sub-heading, if any
    namn: str  # as printed, joined over lines, hyphenation undone
    forklaring: str | None
    kallor: tuple[str, ...]  # citation texts as printed, split on ";"
    line: int


@dataclass(frozen=True)
class TableRow:
    """A row of seed 001's results tables; a figure is None where the source prints `-`."""

    omrade: int
    kategori: str
    rubrik: str | None
    namn: str  # as printed, footnote digits removed
    ges: Figure | None
    digitalt: Figure | None
    enskild_regi: Figure | None
    utan_beslut: Figure | None
    line: int


@dataclass(frozen=True)
class Heading:
    """Område / category / sub-heading structure as read from a survey document."""

    omrade: int
    omrade_namn: str
    kategori: str | None
    kategori_namn: str | None
    rubrik: str | None
    notering: str | None  # the note an område opens with (seed 000)
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer returns for one document: structure, rows, and what it could not
    place (each problem says line and why – it goes into the import report)."""

    headings: tuple[Heading, ...]
    rows: tuple  # ExplanationRow | TableRow, in source order
    problems: tuple[ImportProblem, ...] = ()
    # rows recognised as repeats and left out (a table's first row printed again after a
    # page break), each with its line – listed in the import report, never silently lost
    dropped: tuple[str, ...] = ()
