"""The only module that touches pdfminer: a PDF → its text lines with positions.

Lines come in reading order (page, top, left), without running headers and footers.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextContainer, LTTextLine
from pdfminer.psparser import PSException  # every pdfminer parse error derives from it

from generator.importers.lines import Line

log = logging.getLogger(__name__)

# A low char_margin keeps narrow table columns apart: text in the next column starts a new
# line instead of being glued to this one (the default 2.0 merges "Dagverksamhet 156 (65%)").
LAPARAMS = LAParams(char_margin=0.5, line_margin=0.3, word_margin=0.1)

SAME_LINE_TOLERANCE = 2.0  # points: lines whose tops differ less are on one baseline
MARGIN_BAND = 0.12  # share of the page height at top and bottom where running headers live
_PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d{1,4}(?:\s*(?:\(|av|/)\s*\d{1,4}\)?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class PdfLine:
    """One text line: page (1-based) and box in points, measured from the page's top-left."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float = 0.0  # font size of most of the line's characters
    bold: bool = False  # most characters are in a bold font
    space_after: bool = False  # the PDF prints a space at the end ("stöd- " + "och …")

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def as_line(self) -> Line:
        """The line for `lines.join`: printed with its trailing space, as the .txt
        extractions print it, so both paths join a line-end dash the same way."""
        return Line(self.text, self.text + (" " if self.space_after else ""), self.page)


class UnreadablePdf(Exception):
    """The file is not a PDF pdfminer can read (damaged, encrypted, not a PDF at all)."""


def read_lines(path: str | Path) -> list[PdfLine]:
    """All text lines of the PDF in reading order, running headers/footers removed."""
    pages: list[tuple[float, list[PdfLine]]] = []
    try:
        for number, page in enumerate(extract_pages(str(path), laparams=LAPARAMS), start=1):
            pages.append((page.height, _page_lines(page, number)))
    except PSException as err:
        raise UnreadablePdf(f"{type(err).__name__}: {err}") from err
    dropped = _running_lines(pages)
    lines = [line for _, page_lines in pages for line in page_lines if line not in dropped]
    if dropped:
        log.debug("%s: dropped %d running header/footer lines", path, len(dropped))
    return lines


def _page_lines(page: LTPage, number: int) -> list[PdfLine]:
    lines = [_to_line(obj, number, page.height) for obj in _text_lines(page)]
    return sort_reading_order([line for line in lines if line.text])


def _text_lines(container) -> list[LTTextLine]:
    found: list[LTTextLine] = []
    for obj in container:
        if isinstance(obj, LTTextLine):
            found.append(obj)
        elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
            found.extend(_text_lines(obj))
    return found


def _to_line(obj: LTTextLine, page: int, page_height: float) -> PdfLine:
    chars = [c for c in obj if isinstance(c, LTChar) and c.get_text().strip()]
    sizes = Counter(round(c.size, 1) for c in chars)
    bold = sum("bold" in c.fontname.lower() for c in chars) * 2 > len(chars) if chars else False
    raw = obj.get_text().rstrip("\n")
    text = re.sub(r"\s+", " ", raw).strip()
    return PdfLine(
        page=page,
        x0=obj.x0,
        x1=obj.x1,
        top=page_height - obj.y1,
        bottom=page_height - obj.y0,
        text=text,
        size=sizes.most_common(1)[0][0] if sizes else 0.0,
        bold=bold,
        space_after=raw != raw.rstrip(),
    )


def sort_reading_order(lines: list[PdfLine]) -> list[PdfLine]:
    """Top to bottom; lines sharing a baseline (within a tolerance) left to right."""
    ordered: list[PdfLine] = []
    band: list[PdfLine] = []
    for line in sorted(lines, key=lambda ln: (ln.page, ln.top, ln.x0)):
        if band and (line.page != band[0].page or line.top - band[0].top > SAME_LINE_TOLERANCE):
            ordered.extend(sorted(band, key=lambda ln: ln.x0))
            band = []
        band.append(line)
    ordered.extend(sorted(band, key=lambda ln: ln.x0))
    return ordered


def _running_lines(pages: list[tuple[float, list[PdfLine]]]) -> set[PdfLine]:
    """Lines in the top/bottom margin band that are page numbers or repeat on several pages.

    A line sharing its baseline with another (a table's header row) is never running text:
    repeated table headers are the table reader's business.
    """
    candidates: list[PdfLine] = []
    for height, lines in pages:
        for line in lines:
            in_band = line.top < height * MARGIN_BAND or line.bottom > height * (1 - MARGIN_BAND)
            alone = not any(
                other is not line and abs(other.top - line.top) < SAME_LINE_TOLERANCE
                for other in lines
            )
            if in_band and alone:
                candidates.append(line)
    by_text: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for line in candidates:
        by_text[_shape(line.text)].add((line.page, round(line.top / 4)))
    dropped = set()
    for line in candidates:
        repeats = {page for page, top in by_text[_shape(line.text)] if top == round(line.top / 4)}
        if _PAGE_NUMBER.match(line.text) or len(repeats) >= 2:
            dropped.add(line)
    return dropped


def _shape(text: str) -> str:
    """Text with digits masked, so "Sida 3" and "Sida 4" count as the same running line."""
    return re.sub(r"\d+", "#", text.casefold())
