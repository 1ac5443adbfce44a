"""Tables in a PDF's lines: columns from the header row, rows from the first column.

Column boundaries come from where the header row's text lies; a row starts where the
first column starts a new cell (a vertical gap). A table may cross page breaks: the
repeated header is dropped, a repeated row is dropped and a row split by the break is
joined again. Line-end hyphenation inside a cell is undone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from generator.importers.documents import ImportProblem
from generator.importers.lines import JoinRules, Line, join
from generator.importers.pdf.layout import SAME_LINE_TOLERANCE, PdfLine

log = logging.getLogger(__name__)

X_TOLERANCE = 3.0  # points a line may stick out of its column (kerning, cell padding)
CELL_RULES = JoinRules(bullets=True)


@dataclass(frozen=True)
class Columns:
    """Column i spans [bounds[i-1], bounds[i]) by a line's left edge; labels from the header."""

    labels: tuple[str, ...]
    starts: tuple[float, ...]  # left edge of each column's header text
    bounds: tuple[float, ...]  # len(labels) - 1 boundaries, left to right

    @property
    def left(self) -> float:
        return self.starts[0]

    def index(self, line: PdfLine) -> int:
        return sum(line.x0 >= bound for bound in self.bounds)

    def fits(self, line: PdfLine) -> bool:
        """True when the line lies inside one column (a heading or note would cross them)."""
        if line.x0 < self.left - X_TOLERANCE:
            return False
        i = self.index(line)
        return i == len(self.bounds) or line.x1 <= self.starts[i + 1] + X_TOLERANCE


@dataclass(frozen=True)
class Row:
    """A table row: page and top of its first line, and the text of each column's cell."""

    page: int
    top: float
    cells: tuple[str, ...]  # joined by join_cell with the table's rules
    lines: tuple[tuple[Line, ...], ...] = ()  # each cell's printed lines, for other joins


@dataclass
class _RowLines:
    page: int
    top: float
    cells: list[list[PdfLine]] = field(default_factory=list)
    continuation: bool = False  # no first-column line: the rest of a row from the last page


def join_cell(lines: Sequence[PdfLine], rules: JoinRules = CELL_RULES) -> str:
    """A cell's lines as one text (`lines.join`: line-end hyphenation undone, a bullet
    line starts a new line)."""
    return join([line.as_line() for line in lines], rules)


def find_columns(header: Sequence[PdfLine]) -> Columns:
    """Columns from a header row's lines: each run of overlapping x-extents is one column.

    A boundary is the middle of the gap between two columns' header text, so a cell that
    is centred or a little wider than its header still lands in its column.
    """
    spans: list[list[float]] = []
    texts: list[list[PdfLine]] = []
    for line in sorted(header, key=lambda ln: ln.x0):
        if spans and line.x0 <= spans[-1][1] + X_TOLERANCE:
            spans[-1][1] = max(spans[-1][1], line.x1)
            texts[-1].append(line)
        else:
            spans.append([line.x0, line.x1])
            texts.append([line])
    labels = tuple(join_cell(sorted(col, key=lambda ln: ln.top)) for col in texts)
    bounds = tuple((spans[i][1] + spans[i + 1][0]) / 2 for i in range(len(spans) - 1))
    return Columns(labels=labels, starts=tuple(span[0] for span in spans), bounds=bounds)


def header_band(lines: Sequence[PdfLine], start: int) -> list[int]:
    """Indexes of the header row's lines; the row starts at lines[start] (its first label).

    Every column's label starts on the header's baseline and goes on in lines close below
    it, in the same style; the header ends before the first column's next line. A line
    of the first row continued from the last page is further away (the cells' padding),
    so it is not taken for a label.
    """
    first = lines[start]
    taken = [start]
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.page != first.page:
            break
        if abs(line.x0 - first.x0) < X_TOLERANCE and line.top > first.bottom - SAME_LINE_TOLERANCE:
            break
        if abs(line.top - first.top) < SAME_LINE_TOLERANCE or any(
            lines[j].x0 < line.x1
            and line.x0 < lines[j].x1
            and line.top - lines[j].bottom <= 0.6 * line.height
            and line.bold == first.bold
            and line.size == first.size
            for j in taken
        ):
            taken.append(i)
    return taken


def read_tables(
    lines: Sequence[PdfLine],
    is_header: Callable[[Sequence[PdfLine], int], bool],
    n_columns: int,
    is_outside: Callable[[PdfLine], bool] = lambda line: False,
    rules: JoinRules = CELL_RULES,
    document: str = "",
) -> tuple[list[PdfLine | Row], list[ImportProblem]]:
    """Split a document's lines into table rows and the lines outside tables, in order.

    `is_header(lines, i)` says whether a header row starts at lines[i]; `is_outside(line)`
    marks lines that end a table even though they fit its columns (headings, notes);
    `rules` join each cell's lines.
    A header that opens a page right after a table on the previous page continues that
    table. Returns the items and the problems (page and why; `document` names it).
    """
    items: list[PdfLine | Row] = []
    problems: list[ImportProblem] = []
    columns: Columns | None = None
    page_body: list[PdfLine] = []
    held: list[_RowLines] = []  # rows of the open table, the last may continue on the next page
    trailing: list[PdfLine] = []  # lines after the open table on its last page (footnotes)

    def flush_page() -> None:
        if columns is not None and page_body:
            _add_page_rows(held, _page_rows(page_body, columns), continued=bool(held), rules=rules)
        page_body.clear()

    def close_table() -> None:
        nonlocal columns
        flush_page()
        items.extend(_to_row(r, rules) for r in held)
        items.extend(trailing)
        held.clear()
        trailing.clear()
        columns = None

    table_page = 0  # page of the open table's latest header or body line
    consumed: set[int] = set()  # header lines already read
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in consumed:
            i += 1
            continue
        if is_header(lines, i):
            band = header_band(lines, i)
            consumed.update(band)
            new_columns = find_columns([lines[j] for j in band])
            if len(new_columns.labels) != n_columns:
                problems.append(
                    ImportProblem(
                        document,
                        f"sida {line.page}",
                        f"tabellhuvud med {len(new_columns.labels)} "
                        f"kolumner i stället för {n_columns}: {new_columns.labels}",
                    )
                )
            repeat = (
                columns is not None
                and (held or page_body)
                and line.page == table_page + 1
                and new_columns.labels == columns.labels
            )
            if repeat:
                flush_page()
                items.extend(_to_row(r, rules) for r in held[:-1])
                del held[:-1]
                items.extend(trailing)
                trailing.clear()
            else:
                close_table()
            columns, table_page = new_columns, line.page
            i += 1
            continue
        if (
            columns is not None
            and not trailing
            and line.page == table_page
            and not is_outside(line)
            and columns.fits(line)
        ):
            page_body.append(line)
        elif columns is not None and line.page == table_page:
            trailing.append(line)  # after the table on its page: the table may go on
        else:
            close_table()
            items.append(line)
        i += 1
    close_table()
    return items, problems


def _page_rows(body: Sequence[PdfLine], columns: Columns) -> list[_RowLines]:
    """Rows of one page's part of a table; a first row without a first-column line is the
    continuation of a row from the previous page."""
    n = len(columns.bounds) + 1
    by_col: list[list[PdfLine]] = [[] for _ in range(n)]
    for line in body:
        by_col[columns.index(line)].append(line)
    threshold = _new_cell_gap(by_col)
    starts: list[PdfLine] = []
    for prev, line in zip([None, *by_col[0]], by_col[0], strict=False):
        if prev is None or line.top - prev.bottom > threshold:
            starts.append(line)
    rows: list[_RowLines] = []
    first_top = min(line.top for line in body)
    if not starts or starts[0].top - first_top > SAME_LINE_TOLERANCE:
        rows.append(
            _RowLines(
                page=body[0].page, top=first_top, cells=[[] for _ in range(n)], continuation=True
            )
        )
    rows.extend(_RowLines(page=s.page, top=s.top, cells=[[] for _ in range(n)]) for s in starts)
    for col, col_lines in enumerate(by_col):
        for line in col_lines:
            owner = rows[0]
            for row in rows:
                if not row.continuation and row.top <= line.top + SAME_LINE_TOLERANCE:
                    owner = row
            owner.cells[col].append(line)
    return rows


def _new_cell_gap(by_col: Sequence[Sequence[PdfLine]]) -> float:
    """Vertical gap above which the next line starts a new cell.

    The smallest gap between consecutive lines of a column is the line spacing inside a
    cell, but a page where no cell has two lines has only gaps between rows: so it is
    capped at half the font size.
    """
    gaps = [b.top - a.bottom for col in by_col for a, b in pairwise(col)]
    size = max((ln.height for col in by_col for ln in col), default=10.0)
    leading = min([g for g in gaps if g >= 0] or [0.0])
    return min(leading, size / 2) + 0.3 * size


def _add_page_rows(
    held: list[_RowLines], rows: list[_RowLines], continued: bool, rules: JoinRules
) -> None:
    """Append one page's rows to the open table, joining a row split by the page break."""
    if rows and rows[0].continuation and continued:
        _merge(held[-1], rows.pop(0))
    if continued and rows and held:
        first, last = rows[0], held[-1]
        first_name = join_cell(first.cells[0], rules)
        last_name = join_cell(last.cells[0], rules)
        if _texts(first, rules) == _texts(last, rules):
            rows.pop(0)  # the row printed again on the new page
        elif first_name == last_name:
            first.cells[0] = []
            _merge(last, rows.pop(0))
        elif first_name[:1].islower():
            _merge(last, rows.pop(0))  # the first column's text goes on from the last page
    held.extend(rows)


def _merge(into: _RowLines, more: _RowLines) -> None:
    for target, extra in zip(into.cells, more.cells, strict=True):
        target.extend(extra)


def _texts(row: _RowLines, rules: JoinRules) -> tuple[str, ...]:
    return tuple(join_cell(cell, rules) for cell in row.cells)


def _to_row(row: _RowLines, rules: JoinRules) -> Row:
    return Row(
        page=row.page,
        top=row.top,
        cells=_texts(row, rules),
        lines=tuple(tuple(ln.as_line() for ln in cell) for cell in row.cells),
    )
