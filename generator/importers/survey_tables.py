"""Importer for seed 001, the survey's results tables: text (or PDF) → ParsedDocument.

One TableRow per printed row with its four figures; page furniture (running header, the
repeated column header, page numbers, footnote texts) is recognised and skipped, and
every other line that cannot be placed is reported in `problems` with its line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.documents import ImportProblem, read_document
from generator.importers.lines import JoinRules, join_texts
from generator.importers.records import Heading, ParsedDocument, TableRow
from generator.model.records import Figure

log = logging.getLogger(__name__)

DOCUMENT = "tabeller"  # the document kind, as problems and the import report name it
_FIGURE = r"(?:\d+ \(\d+ ?%\)|-)"
# A row ends in exactly four figures; everything before them on the line is name text.
# Anchoring on four keeps a dash that ends a name line ("Familjehelger och -") in the name.
_ROW = re.compile(rf"^(?P<name>.*?)\s*(?P<figs>{_FIGURE}(?:\s+{_FIGURE}){{3}})\s*$")
_ONE_FIGURE = re.compile(r"(\d+) \((\d+) ?%\)")
_OMRADE = re.compile(r"^([2-7]) (Verksamhetsområde\b.*)$")
_KATEGORI = re.compile(r"^([2-7])\.(\d{1,2}) (\S.*)$")
_RUNNING_HEADER = "Kartläggning av insatser i socialtjänst"
_INTRO = re.compile(r"^1 \S")
_FOOTNOTE = re.compile(r"^(\d{1,2}) [A-ZÅÄÖ]")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# Footnote marks glued to a name ("(KBT)5", "korttidsplats2") – a name never ends that way.
_GLUED_MARK = re.compile(r"(?<=[^\W\d_)]|\))(\d{1,2})$")
_COLUMN_HEADER_START = "Insats Antal"
# Every word the repeated column header is made of (its footnote marks removed).
_COLUMN_HEADER_WORDS = frozenset(
    "insats antal kommuner där ges (andel andel av svarande i parentes) digital form "
    "enskild regi utan biståndsbeslut".split()
)


# A name is kept as printed: a line-end hyphen stays ("fixar-" + "Malte").
NAME_RULES = JoinRules(keep_hyphens=True)


def _join(parts: list[str]) -> str:
    """Lines of one name (as printed, trailing spaces kept) → one string."""
    return re.sub(r"\s+", " ", join_texts(parts, NAME_RULES)).strip()


def _figure(token: str) -> Figure | None:
    """`N (P%)` → Figure; the source's `-` (not asked) → None, never 0."""
    if token == "-":
        return None
    m = _ONE_FIGURE.fullmatch(token)
    assert m is not None, token  # tokens come from _ROW, which only admits these two forms
    return Figure(antal=int(m.group(1)), andel=int(m.group(2)))


@dataclass
class _State:
    omrade: int | None = None
    omrade_namn: str | None = None
    kategori: str | None = None
    kategori_namn: str | None = None
    rubrik: str | None = None
    pending: list[tuple[int, str]] = field(default_factory=list)  # (line, raw text)
    pending_over_page: bool = False
    marks: list[tuple[int, str, int]] = field(default_factory=list)  # (line, name, mark)
    footnotes: set[int] = field(default_factory=set)  # footnote texts seen in this område


def parse_text(text: str) -> ParsedDocument:
    """Results tables as extracted text → headings, rows in source order, problems."""
    lines = text.split("\n")
    headings: list[Heading] = []
    rows: list[TableRow] = []
    problems: list[ImportProblem] = []
    st = _State()

    def problem(line: int, why: str) -> None:
        problems.append(ImportProblem(DOCUMENT, f"rad {line}", why))

    def drop_pending(why: str) -> None:
        for ln, raw in st.pending:
            problem(ln, f"«{raw.strip()}» {why}")
        st.pending.clear()
        st.pending_over_page = False

    def close_omrade() -> None:
        for ln, name, mark in st.marks:
            if mark not in st.footnotes:
                problem(
                    ln,
                    f"fotnotsiffran {mark} efter «{name}» togs bort ur namnet, "
                    f"men dokumentet har ingen fotnot {mark} i område {st.omrade}",
                )
        st.marks.clear()
        st.footnotes.clear()

    def next_text(i: int) -> tuple[int, str]:
        while i < len(lines) and not lines[i].strip():
            i += 1
        return i, (lines[i].strip() if i < len(lines) else "")

    i = 0
    while i < len(lines):
        raw = lines[i]
        s = raw.strip()
        ln = i + 1
        if not s:
            i += 1
            continue

        if s == _RUNNING_HEADER:
            if st.pending:
                st.pending_over_page = True
            i += 1
            continue

        if st.omrade is None and _INTRO.match(s):
            # Section 1 is prose about the tables; it ends where område 2 begins.
            j = i
            while j < len(lines) and not _OMRADE.match(lines[j].strip()):
                j += 1
            last = max(
                k for k in range(i, j) if lines[k].strip() and lines[k].strip() != _RUNNING_HEADER
            )
            problem(
                ln,
                f"avsnittet «{s}» (rad {ln}–{last + 1}) är löptext om tabellerna, ingen tabell "
                "– importeras inte",
            )
            i = j
            continue

        m = _OMRADE.match(s)
        if m:
            drop_pending("står före en områdesrubrik utan siffror – ingen rad")
            if st.omrade is not None:
                close_omrade()
            # The name may continue on the next lines, up to the first category heading.
            name_parts = [m.group(2)]
            j = i + 1
            while True:
                k, t = next_text(j)
                if not t or _KATEGORI.match(t) or k - i > 4:
                    break
                name_parts.append(t)
                j = k + 1
            st.omrade, st.omrade_namn = int(m.group(1)), " ".join(name_parts)
            st.kategori = st.kategori_namn = st.rubrik = None
            headings.append(Heading(st.omrade, st.omrade_namn, None, None, None, None, ln))
            i = j
            continue

        m = _KATEGORI.match(s)
        if m and not _ROW.match(s):
            drop_pending("står före en kategorirubrik utan siffror – ingen rad")
            if st.omrade is None or int(m.group(1)) != st.omrade:
                problem(ln, f"kategorin «{s}» hör inte till område {st.omrade}")
            st.kategori, st.kategori_namn, st.rubrik = (
                f"{m.group(1)}.{m.group(2)}",
                m.group(3).strip(),
                None,
            )
            headings.append(
                Heading(
                    int(m.group(1)),
                    st.omrade_namn or "",
                    st.kategori,
                    st.kategori_namn,
                    None,
                    None,
                    ln,
                )
            )
            i += 1
            continue

        if s.startswith(_COLUMN_HEADER_START):
            if raw.startswith(" ") and st.pending:
                st.pending_over_page = True  # the extraction indents a page's first line
            # The column header: its last cell ends the 4th "(andel av … i parentes)".
            j, seen = i, 0
            while j < len(lines) and seen < 4:
                t = lines[j].strip()
                words = [re.sub(r"\d+$", "", w).lower() for w in t.split()]
                if t and not all(w in _COLUMN_HEADER_WORDS for w in words):
                    problem(j + 1, f"kolumnrubriken slutar oväntat vid «{t}»")
                    break
                seen += t.count("parentes)")
                j += 1
            if st.pending and not st.pending_over_page:
                # Lines right above a column header name the table: a sub-heading.
                st.rubrik = _join([r for _, r in st.pending])
                headings.append(
                    Heading(
                        st.omrade or 0,
                        st.omrade_namn or "",
                        st.kategori,
                        st.kategori_namn,
                        st.rubrik,
                        None,
                        st.pending[0][0],
                    )
                )
                st.pending.clear()
            elif st.pending:
                problem(
                    st.pending[0][0], "namnet fortsätter efter en sidbrytning – kontrollera raden"
                )
            i = j
            continue

        m = _ROW.match(s)
        if m:
            parts = [r for _, r in st.pending] + ([m.group("name")] if m.group("name") else [])
            start = st.pending[0][0] if st.pending else ln
            st.pending.clear()
            st.pending_over_page = False
            name = _join(parts)
            mark = _GLUED_MARK.search(name)
            if mark:
                name = name[: mark.start()].rstrip()
                st.marks.append((ln, name, int(mark.group(1))))
            if not name:
                problem(ln, f"siffrorna «{s}» saknar namn – ingen rad")
            elif st.kategori is None:
                problem(start, f"raden «{name}» står utanför en kategori – ingen rad")
            else:
                ges, dig, ens, utan = (_figure(t) for t in re.findall(_FIGURE, m.group("figs")))
                for f in (ges, dig, ens, utan):
                    if f is not None and f.andel > 100:
                        problem(ln, f"andelen {f.andel} % i «{name}» är över 100")
                rows.append(
                    TableRow(
                        st.omrade or 0, st.kategori, st.rubrik, name, ges, dig, ens, utan, start
                    )
                )
            i += 1
            continue

        m = _FOOTNOTE.match(s)
        if m and not st.pending:
            # A footnote text runs until a line that ends a sentence.
            st.footnotes.add(int(m.group(1)))
            j, t = i, s
            while not t.endswith("."):
                k, t = next_text(j + 1)
                if not t or _ROW.match(t) or t == _RUNNING_HEADER or k - i > 8:
                    problem(
                        ln,
                        f"fotnot {m.group(1)} tar slut utan punkt – raderna efter den läses "
                        "som tabell",
                    )
                    break
                j = k
            i = j + 1
            continue

        if _PAGE_NUMBER.match(s) and not st.pending:
            i += 1  # page number
            continue

        st.pending.append((ln, raw))
        i += 1

    drop_pending("står sist i dokumentet utan siffror – ingen rad")
    if st.omrade is not None:
        close_omrade()
    log.info(
        "results tables: %d rows, %d headings, %d problems", len(rows), len(headings), len(problems)
    )
    return ParsedDocument(tuple(headings), tuple(rows), tuple(problems))


def read(path: str | Path) -> ParsedDocument:
    """Parse the results tables from a .txt extraction or the original .pdf."""
    from generator.importers.pdf.survey import tables_from_pdf

    return read_document(
        path, parse_text, lambda lines: tables_from_pdf(lines, NAME_RULES, DOCUMENT)
    )
