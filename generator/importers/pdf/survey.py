"""The survey's two appendices read from their PDFs (seeds 000 and 001) → ParsedDocument.

Same records as the text importers; `line` is the page number. Headings are the lines
outside the tables: "2 Verksamhetsområde …", "2.1 …" and, in a heading style (bold or a
larger font), the unnumbered sub-heading that names the next table.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.importers.documents import ImportProblem
from generator.importers.lines import JoinRules, join
from generator.importers.pdf.layout import SAME_LINE_TOLERANCE, PdfLine
from generator.importers.pdf.table import CELL_RULES, Row, read_tables
from generator.importers.records import ExplanationRow, Heading, ParsedDocument, TableRow
from generator.model.records import Figure

log = logging.getLogger(__name__)

_OMRADE = re.compile(r"^([2-7]) (Verksamhetsområde\b.*)$")
_KATEGORI = re.compile(r"^([2-7])\.(\d{1,2}) (\S.*)$")
_FIGURE = re.compile(r"^(\d+) \((\d+) ?%\)$")
_NOT_ASKED = {"-", "–", "—"}
# Footnote marks glued to a name ("(KBT)5", "korttidsplats2") – a name never ends that way.
_GLUED_MARK = re.compile(r"(?<=[^\W\d_)]|\))(\d{1,2})$")


def _read(
    lines: Sequence[PdfLine],
    document: str,
    columns: int,
    notes: bool,
    make_row,
    rules: JoinRules,
    name_rules: JoinRules | None = None,
) -> ParsedDocument:
    """Walk a survey PDF's tables: headings from the text between them, one record per
    table row from `make_row(item, walker)` (None: the row is left out); the document's
    `rules` join the lines of a cell or heading."""
    items, problems = read_tables(
        lines, _header_test("Insats", columns), columns, _outside_test(lines), rules, document
    )
    walker = _Headings(
        document, problems, _body_size(lines), rules, name_rules or rules, notes=notes
    )
    rows = []
    for item in items:
        if not isinstance(item, Row):
            walker.text(item)
        elif walker.ready(item) and (row := make_row(item, walker)) is not None:
            rows.append(row)
    walker.finish()
    log.info(
        "%s: %d rows, %d headings, %d problems",
        document,
        len(rows),
        len(walker.headings),
        len(problems),
    )
    return ParsedDocument(tuple(walker.headings), tuple(rows), tuple(problems))


def _explanation_row(item: Row, walker: _Headings) -> ExplanationRow | None:
    if not walker.has_columns(item, 3):
        return None
    namn, forklaring, kallor = item.cells
    omrade, kategori, rubrik = walker.place()
    return ExplanationRow(
        omrade=omrade,
        kategori=kategori,
        rubrik=rubrik,
        namn=namn,
        forklaring=forklaring or None,
        kallor=tuple(k.strip() for k in kallor.split(";") if k.strip()),
        line=item.page,
    )


def _table_row(item: Row, walker: _Headings) -> TableRow | None:
    if not walker.has_columns(item, 5):
        return None
    namn = join(item.lines[0], walker.name_rules)
    namn = _GLUED_MARK.sub("", namn).rstrip()
    bad = [cell for cell in item.cells[1:] if not _is_figure(cell)]
    if bad:  # never guess a figure: the row goes to the report instead
        walker.problem(
            item.page,
            f"«{namn}»: {', '.join(map(repr, bad))} är varken «N (P%)» "
            "eller «-» – raden importeras inte",
        )
        return None
    ges, digitalt, enskild_regi, utan_beslut = (_figure(cell) for cell in item.cells[1:])
    omrade, kategori, rubrik = walker.place()
    return TableRow(
        omrade, kategori, rubrik, namn, ges, digitalt, enskild_regi, utan_beslut, line=item.page
    )


def explanations_from_pdf(
    lines: Sequence[PdfLine], rules: JoinRules, document: str
) -> ParsedDocument:
    """Seed 000 (Insats | Förklaring | Källa) → headings and ExplanationRows; `rules` are
    the document's (the text path's), `document` names it in problems."""
    return _read(lines, document, 3, True, _explanation_row, rules)


def tables_from_pdf(
    lines: Sequence[PdfLine], name_rules: JoinRules, document: str
) -> ParsedDocument:
    """Seed 001 (Insats and four figure columns) → headings and TableRows; `name_rules`
    join a row's name, the rest is joined as prose."""
    return _read(lines, document, 5, False, _table_row, CELL_RULES, name_rules)


def _is_figure(cell: str) -> bool:
    return cell.strip() in _NOT_ASKED or bool(_FIGURE.match(cell.strip()))


def _figure(cell: str) -> Figure | None:
    """ "N (P%)" → Figure; "-" (not asked) → None, never 0."""
    m = _FIGURE.match(cell.strip())
    return Figure(antal=int(m[1]), andel=int(m[2])) if m else None


def _header_test(label: str, n_columns: int):
    """A header row starts with `label` and has a label in every other column beside it."""

    def is_header(lines: Sequence[PdfLine], i: int) -> bool:
        line = lines[i]
        if line.text != label:
            return False
        beside = [
            o
            for o in lines[max(0, i - 8) : i + 12]
            if o.page == line.page
            and o.x0 > line.x1
            and abs(o.top - line.top) < SAME_LINE_TOLERANCE
        ]
        return len(beside) >= n_columns - 1

    return is_header


def _body_size(lines: Sequence[PdfLine]) -> float:
    """The most common font size: the body text's and the table cells'."""
    common = Counter(line.size for line in lines).most_common(1)
    return common[0][0] if common else 0.0


def _outside_test(lines: Sequence[PdfLine]):
    """Lines in another style than the body text (headings, footnotes) are never cells."""
    size = _body_size(lines)

    def is_outside(line: PdfLine) -> bool:
        return line.bold or abs(line.size - size) > 0.5

    return is_outside


@dataclass
class _Headings:
    """Turns the lines between tables into headings; knows where each row belongs."""

    document: str
    problems: list[ImportProblem]
    body_size: float
    rules: JoinRules  # the document's: headings and notes are joined like its cells
    name_rules: JoinRules  # a row's name
    notes: bool = True  # seed 000 opens each område with a note
    headings: list[Heading] = field(default_factory=list)
    omrade: int = 0
    omrade_namn: str = ""
    kategori: str | None = None
    kategori_namn: str | None = None
    rubrik: str | None = None
    _block: list[PdfLine] = field(default_factory=list)
    _note: list[str] = field(default_factory=list)
    _omrade_page: int = 0

    def place(self) -> tuple[int, str, str | None]:
        """Område, category and sub-heading of the row being read (after `ready`)."""
        if self.kategori is None:
            raise AssertionError("place() before ready(): no category yet")
        return self.omrade, self.kategori, self.rubrik

    def has_columns(self, row: Row, n: int) -> bool:
        """True when the row has the table's `n` columns; otherwise a problem (the header
        problem says why) – a row is never read into the wrong fields."""
        if len(row.cells) == n:
            return True
        self.problem(
            row.page,
            f"raden «{row.cells[0]}» har {len(row.cells)} kolumner i stället "
            f"för {n} – importeras inte",
        )
        return False

    def problem(self, page: int, message: str) -> None:
        self.problems.append(ImportProblem(self.document, f"sida {page}", message))

    def text(self, line: PdfLine) -> None:
        """A line outside the tables; consecutive lines in one style form one block."""
        if self._block and not _same_block(self._block[-1], line):
            self._flush()
        self._block.append(line)

    def ready(self, row: Row) -> bool:
        """Close pending headings; False (and a problem) when the row has no place."""
        self._flush()
        self._close_omrade()
        if not self.omrade or self.kategori is None:
            self.problem(row.page, f"raden «{row.cells[0]}» står utanför en kategori")
            return False
        if not row.cells[0]:
            self.problem(row.page, f"en rad utan namn i första kolumnen: {row.cells}")
            return False
        return True

    def finish(self) -> None:
        self._flush()
        self._close_omrade()

    def _flush(self) -> None:
        if not self._block:
            return
        block, self._block = self._block, []
        text = join([line.as_line() for line in block], self.rules)
        page = block[0].page
        heading_style = block[0].bold or block[0].size > self.body_size + 0.5
        if m := _OMRADE.match(text):
            self._close_omrade()
            self.omrade, self.omrade_namn, self._omrade_page = int(m[1]), m[2], page
            self.kategori = self.kategori_namn = self.rubrik = None
            self._note = []
        elif m := _KATEGORI.match(text):
            self._close_omrade()
            if int(m[1]) != self.omrade:
                self.problem(page, f"kategorin «{text}» hör inte till område {self.omrade}")
            self.kategori, self.kategori_namn, self.rubrik = f"{m[1]}.{m[2]}", m[3], None
            self._heading(page)
        elif not self.omrade:
            return  # the introduction before the first område: prose, no rows
        elif block[0].size < self.body_size - 0.5 or re.match(r"^\d{1,2} \S", text):
            return  # a footnote under a table
        elif heading_style and self.kategori is not None:
            self._close_omrade()
            self.rubrik = text
            self._heading(page)
        elif self.notes and self.kategori is None and self._omrade_page:
            self._note.append(text)
        else:
            self.problem(page, f"texten «{text}» står utanför tabellerna – importeras inte")

    def _heading(self, page: int) -> None:
        """A category or sub-heading where the reader stands now."""
        self.headings.append(
            Heading(
                self.omrade,
                self.omrade_namn,
                self.kategori,
                self.kategori_namn,
                self.rubrik,
                None,
                page,
            )
        )

    def _close_omrade(self) -> None:
        """The område heading is written once its note (the text under it) is complete."""
        if self._omrade_page:
            self.headings.append(
                Heading(
                    self.omrade,
                    self.omrade_namn,
                    None,
                    None,
                    None,
                    "\n\n".join(self._note) or None,
                    self._omrade_page,
                )
            )
            self._omrade_page = 0
            self._note = []


def _same_block(a: PdfLine, b: PdfLine) -> bool:
    return (
        a.page == b.page
        and a.bold == b.bold
        and abs(a.size - b.size) < 0.5
        and b.top - a.bottom < a.height
    )
