"""A PDF → plain text shaped like the extracted sources/*.txt, for the list parsers.

One printed line per text line, in reading order; a blank line between paragraphs,
found from the vertical gaps. As in the extracted sources, a wrapped line ends in one
space (none after a split word's hyphen) and a paragraph's last line in two (a hard
break). Running headers and page numbers are already gone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from generator.importers.pdf.layout import SAME_LINE_TOLERANCE, PdfLine, read_lines

_SENTENCE_END = re.compile(r"[.:!?]$")


def pdf_to_text(path: str | Path) -> str:
    """Reading-order text of the PDF with blank lines between paragraphs."""
    return lines_to_text(read_lines(path))


def lines_to_text(lines: Sequence[PdfLine]) -> str:
    rows = _baselines(lines)
    if not rows:
        return ""
    threshold = _paragraph_gap(rows)
    right = {
        page: max(r[-1].x1 for r in rows if r[0].page == page) for page in {r[0].page for r in rows}
    }
    out: list[str] = []
    for prev, row in zip(rows, [*rows[1:], None], strict=True):
        if row is None:
            out.append(_text(prev) + "  ")
            break
        if row[0].page == prev[0].page:
            new_paragraph = row[0].top - max(ln.bottom for ln in prev) > threshold
        else:
            # No gap to measure across a page break: a short last line that ends a sentence
            # ends its paragraph; otherwise the paragraph goes on (as in the .txt sources).
            last = prev[-1]
            short = last.x1 < right[last.page] - 4 * max(last.size, 1.0)
            new_paragraph = bool(_SENTENCE_END.search(last.text)) and short
        if new_paragraph:
            out.extend((_text(prev) + "  ", ""))
        elif _style(prev) != _style(row):
            out.append(_text(prev) + "  ")  # a heading ends where the body text begins
        else:
            last = max(prev, key=lambda ln: ln.x0)
            split_word = last.text.endswith("-") and not last.space_after
            out.append(_text(prev) + ("" if split_word else " "))
    return "\n".join(out) + "\n"


def _baselines(lines: Sequence[PdfLine]) -> list[list[PdfLine]]:
    """Lines sharing a baseline (a bold label and its text) as one printed line."""
    rows: list[list[PdfLine]] = []
    for line in lines:
        if (
            rows
            and rows[-1][0].page == line.page
            and abs(rows[-1][0].top - line.top) < SAME_LINE_TOLERANCE
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _style(row: Sequence[PdfLine]) -> tuple[bool, float]:
    """Bold and size of a printed line's start (a bold "Innehåll:" label starts body text)."""
    return all(ln.bold for ln in row), round(max(ln.size for ln in row))


def _text(row: Sequence[PdfLine]) -> str:
    return " ".join(line.text for line in sorted(row, key=lambda ln: ln.x0))


def _paragraph_gap(rows: Sequence[Sequence[PdfLine]]) -> float:
    """Gap above which a line starts a new paragraph.

    The line spacing inside a paragraph is the smallest gap that occurs more than once
    (a lone smaller gap is noise); a paragraph break adds at least about half a line.
    """
    gaps = [
        round(b[0].top - max(ln.bottom for ln in a), 1)
        for a, b in pairwise(rows)
        if a[0].page == b[0].page
    ]
    counts = Counter(g for g in gaps if g > -SAME_LINE_TOLERANCE)
    repeated = [g for g, n in counts.items() if n > 1] or list(counts) or [0.0]
    size = Counter(ln.size for row in rows for ln in row).most_common(1)[0][0] or 10.0
    return min(repeated) + 0.4 * size
