"""Importer for seed 000, the survey's explanations appendix: text (or PDF) → ParsedDocument.

The text is a PDF extraction of a three-column table (Insats | Förklaring | Källa). Rows
are cut at citation blocks and empty-cell markers; the insats name is split from the
explanation with the row names of the results document (seed 001) – the tables read in
the same import, `names_from_tables` – as a dictionary, plus the curated table below.
Whatever cannot be placed confidently goes into `problems`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.documents import ImportProblem, read_document
from generator.importers.lines import JoinRules, Line, join
from generator.importers.records import ExplanationRow, Heading, ParsedDocument

log = logging.getLogger(__name__)

DOCUMENT = "förklaringar"  # the document kind, as problems and the import report name it

_RUNNING_HEADER = "Kartläggning av insatser i socialtjänst"
_TABLE_HEADER = "Insats Förklaring Källa"
_OMRADE = re.compile(r"^([2-7]) Verksamhetsområde\b\s*(.*)$")
_KATEGORI = re.compile(r"^([2-7])\.(\d{1,2}) (\S.*)$")
_INTRO = re.compile(r"^1 \S")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# "Publisher (2019) Title", "Kumla kommun, kumla.se (hämtad maj 2021)": a short lead
# without parentheses, then a year or a retrieval note in parentheses.
_CITATION_START = re.compile(
    r"^[A-ZÅÄÖ0-9][^()]{0,80}?\(\s*(?:\d{4}|hämtad|u\.\s?å)", re.IGNORECASE
)
_CITATION_SITE = re.compile(
    r"^[A-ZÅÄÖ][^()]{0,60},\s*(?:www\.)?[a-z0-9-]+\.(?:se|nu|org|com|net)\b"
)
# Publishers the survey cites without a year ("Stockholms stad", "Malmö stad; Nationellt
# kompetenscentrum anhöriga"): a Källa cell may consist of these names alone.
_PUBLISHER = (
    r"(?:[A-ZÅÄÖ][\wåäö-]+s stad|[A-ZÅÄÖ][\wåäö-]+ (?:stad|kommun|stads?område)|Region [A-ZÅÄÖ]\w+"
    r"|Länsstyrelsen|Socialstyrelsen|SBU|SKR|Nationellt (?:kompetens)?centrum|FoU [A-ZÅÄÖ]\w+)"
)
_PUBLISHER_CELL = re.compile(rf"^{_PUBLISHER}\b")
# A citation that starts in the middle of a row's first line, when the extraction put all
# three cells on one line: "Peer support Stöd av brukarspecialist Socialstyrelsen (2018)".
_INLINE_CITATION = re.compile(rf"(?<=\S )(?={_PUBLISHER}(?:\s*\(\d{{4}}|,\s*(?:\S+\.se\b|$)))")
_CELL_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_BARE_SITE = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+\.(?:se|nu|org|com|net)\s*;?$")

# Hyphenated words the PDF broke at the hyphen where the hyphen belongs to the word
# (everything else "xx-\nyy" with a lowercase letter before the hyphen is soft hyphenation
# and is joined: "upp-\nföljning" → "uppföljning").
KEEP_HYPHEN: frozenset[str] = frozenset(
    {
        "kognitiv-beteendeterapeutisk",  # KBT's Swedish spelling
        "twelve-step",  # English term, "Tolvstegsbehandling, twelve-step facilitation"
        "strength-modellen",  # the Strengths model, English stem
        "Utväg-manualen",  # Utväg is a proper name (Gruppsamtal enligt Utväg-manualen)
    }
)

# Words the PDF broke at a line end without any hyphen; joining lines puts a space there.
# Found by listing lines without the extraction's trailing space (only this one is not a
# dash): source line 5805.
UNBROKEN: dict[str, str] = {
    "funktionsnedsattning.stock holm": "funktionsnedsattning.stockholm",
}

# Curated name/explanation splits where the results document has no matching name, keyed
# by the first line of the row's first block as printed (stripped): the name it begins
# with. Reviewed by reading the source; see the import report for rows listed here.
NAME_SPLITS: dict[str, str] = {
    # seed 001 prints "Fixarservice, fixartjänst, fixar-…" (a longer name)
    "Fixarservice, fixartjänst Insats för att stödja": "Fixarservice, fixartjänst",
}


@dataclass
class _Block:
    lines: list[Line]
    after_break: bool = False  # first block after a page break
    empty: bool = False  # a whitespace-only line: an empty table cell
    at: int = 0  # line number of an empty-cell marker (it has no lines)

    @property
    def first(self) -> str:
        return self.lines[0].text if self.lines else ""

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else self.at

    @property
    def ends_with_empty_cells(self) -> bool:
        # "Fallsensorer   ": the extraction pads the empty explanation/source cells.
        return bool(self.lines) and self.lines[-1].raw.endswith("   ")


@dataclass
class _Row:
    omrade: int
    kategori: str
    rubrik: str | None
    blocks: list[_Block] = field(default_factory=list)
    after_break: bool = False


# How the explanations' lines join: the hyphens the survey keeps, the words it broke.
RULES = JoinRules(keep_words=KEEP_HYPHEN, bullets=True, repairs=tuple(UNBROKEN.items()))


def _block_text(block: _Block) -> str:
    return join(block.lines, RULES)


def is_citation(block: _Block) -> bool:
    """Whether a block is (the start of) a Källa cell."""
    if block.empty or not block.lines:
        return False
    head = " ".join(ln.text for ln in block.lines[:3])
    if m := _CELL_GAP.search(block.first):
        head = block.first[: m.start()]  # "Name  Publisher (2021)": judge the first cell
        return bool(_CITATION_START.match(head) or _CITATION_SITE.match(head) or "(hämtad" in head)
    if _CITATION_START.match(head) or _CITATION_SITE.match(block.first):
        return True
    if _PUBLISHER_CELL.match(block.first) and len(block.lines) <= 4:
        return True
    if _BARE_SITE.match(block.first):
        return True
    return any("(hämtad" in ln.text for ln in block.lines)


def _norm(name: str) -> str:
    name = name.replace("–", "-").casefold()
    name = re.sub(r"\s*([/,()-])\s*", r"\1", name)
    return re.sub(r"\s+", " ", name).strip(" .:")


# --- the name dictionary from the results document (seed 001) -------------------------


def names_from_tables(tables: ParsedDocument) -> dict[int, set[str]]:
    """Normalised row names per område of the results tables read in the same import
    (text or PDF): a new survey round is split with its own names."""
    names: dict[int, set[str]] = {}
    for row in tables.rows:
        names.setdefault(row.omrade, set()).add(_norm(row.namn))
    return names


# --- tokenising ------------------------------------------------------------------------


def _next_raw(raw_lines: list[str], i: int) -> str:
    """The next non-blank line, right-stripped only (a leading space marks a page break)."""
    for raw in raw_lines[i + 1 :]:
        if raw.strip():
            return raw.rstrip()
    return ""


def _next_content(raw_lines: list[str], i: int) -> str:
    for raw in raw_lines[i + 1 :]:
        if raw.strip():
            return raw.strip()
    return ""


def parse_text(text: str, names: dict[int, set[str]]) -> ParsedDocument:
    """Parse the extracted text of seed 000; `names` (normalised row names per område,
    `names_from_tables`) split a row's name from its explanation."""
    raw_lines = text.splitlines()
    problems: list[ImportProblem] = []
    headings: list[Heading] = []
    omrade = 0
    omrade_namn = ""
    kategori: str | None = None
    kategori_namn: str | None = None
    rubrik: str | None = None
    in_table = False
    note: list[Line] = []
    note_open = False
    omrade_line = 0
    name_continues = False  # område heading split over lines
    block: _Block | None = None
    blocks: list[tuple[_Block, int, str, str | None]] = []
    pending_break = False

    def close_block() -> None:
        nonlocal block
        if block is not None and (block.lines or block.empty):
            blocks.append((block, omrade, kategori or "", rubrik))
        block = None

    def emit_omrade() -> None:
        nonlocal note_open
        headings.append(
            Heading(
                omrade,
                omrade_namn,
                None,
                None,
                None,
                join(note, RULES) or None,
                omrade_line,
            )
        )
        note_open = False

    for idx, raw in enumerate(raw_lines):
        number = idx + 1
        line = raw.strip()
        if not line:
            if raw:  # whitespace-only: an empty cell
                if in_table:
                    close_block()
                    blocks.append(
                        (
                            _Block([], empty=True, after_break=pending_break, at=number),
                            omrade,
                            kategori or "",
                            rubrik,
                        )
                    )
                    pending_break = False
            else:
                close_block()
                name_continues = False
            continue
        lead = raw.startswith(" ")
        nxt = _next_content(raw_lines, idx)
        if line == _TABLE_HEADER:
            close_block()
            in_table = True
            pending_break = pending_break or lead
            continue
        if line.startswith(_RUNNING_HEADER) or (
            _PAGE_NUMBER.match(line) and nxt.startswith(_RUNNING_HEADER)
        ):
            close_block()
            pending_break = True
            continue
        if _INTRO.match(line) and omrade == 0:
            continue
        if m := _OMRADE.match(line):
            close_block()
            if note_open:
                emit_omrade()
            omrade, omrade_namn, omrade_line = (
                int(m[1]),
                f"Verksamhetsområde {m[2].strip()}".strip(),
                number,
            )
            kategori = kategori_namn = rubrik = None
            in_table, note, note_open, name_continues = False, [], True, True
            continue
        if omrade == 0:
            continue
        if name_continues:
            omrade_namn = (omrade_namn + " " + line).strip()
            continue
        if m := _KATEGORI.match(line):
            close_block()
            if note_open:
                emit_omrade()
            kategori, kategori_namn, rubrik = f"{m[1]}.{m[2]}", m[3].strip(), None
            if int(m[1]) != omrade:
                problems.append(
                    _problem(number, f"kategorin {kategori} står under område {omrade}")
                )
            headings.append(
                Heading(omrade, omrade_namn, kategori, kategori_namn, None, None, number)
            )
            in_table = False
            continue
        if note_open:
            note.append(Line(line, raw, number))
            continue
        if _next_raw(raw_lines, idx) == _TABLE_HEADER and (
            lead or block is None or not block.lines
        ):
            # A one-line block right before the column header is a sub-heading.
            close_block()
            rubrik = line
            headings.append(
                Heading(omrade, omrade_namn, kategori, kategori_namn, rubrik, None, number)
            )
            in_table = False
            continue
        if not in_table:
            problems.append(
                _problem(number, f"texten «{line}» står utanför en tabell – importeras inte")
            )
            continue
        if lead and block is not None and block.lines:
            close_block()  # a leading space after text: a page break inside a block
            pending_break = True
        if block is None:
            block = _Block([], after_break=pending_break)
            pending_break = False
        block.lines.append(Line(line, raw, number))
    close_block()
    if note_open:
        emit_omrade()

    dropped: list[str] = []
    parsed = _rows_from_blocks(blocks, names, problems, dropped)
    return ParsedDocument(
        headings=tuple(headings),
        rows=tuple(parsed),
        problems=tuple(problems),
        dropped=tuple(dropped),
    )


# --- rows ------------------------------------------------------------------------------


def _starts_lower(block: _Block) -> bool:
    first = block.first
    return bool(first) and (first[0].islower() or first[0] in "(,;.")


def _rows_from_blocks(
    blocks, names: dict[int, set[str]], problems: list[ImportProblem], dropped: list[str]
) -> list[ExplanationRow]:
    rows: list[_Row] = []
    current: _Row | None = None
    for blk, omrade, kategori, rubrik in _split_cell_gaps(blocks):
        section_changed = current is None or (current.omrade, current.kategori, current.rubrik) != (
            omrade,
            kategori,
            rubrik,
        )
        if blk.empty:
            if current is None or section_changed:
                problems.append(_problem(blk.line, "en tom cell utanför en rad"))
                continue
            current.blocks.append(blk)
            continue
        start = False
        if section_changed or current is None:
            start = True
        else:
            last = current.blocks[-1]
            has_citation = any(is_citation(b) for b in current.blocks[1:])
            if last.empty or (is_citation(last) and len(current.blocks) > 1):
                # A lowercase start continues the source cell, unless it is a known name
                # ("rePULSE").
                start = (
                    not _starts_lower(blk)
                    or _known_prefix(blk, names.get(omrade, set())) is not None
                )
                if start and is_citation(blk) and not last.empty:
                    start = False  # a second citation block of the same cell
            elif last.ends_with_empty_cells and len(current.blocks) == 1 and not is_citation(blk):
                # Padding after a name usually means empty cells, but an explanation that
                # repeats the name ("Lösningsfokuserad … (LIHF)   ") still follows.
                start = not _block_text(blk).startswith(_block_text(last))
            elif blk.after_break and not _starts_lower(blk):
                # Explanation going on over a page break, or a new row after a row
                # without a source: a new row must begin with a known name.
                # (A row of a name alone, "Parkeringstillstånd för rörelsehindrade", may
                # end right before the break.)
                start = _known_prefix(blk, names.get(omrade, set())) is not None and (
                    has_citation
                    or len(current.blocks) == 1
                    or _norm(_block_text(blk)) in names.get(omrade, set())
                )
        if start or current is None:
            current = _Row(omrade, kategori, rubrik, [blk], after_break=blk.after_break)
            rows.append(current)
        else:
            current.blocks.append(blk)

    out: list[ExplanationRow] = []
    seen: dict[tuple[str, str | None], set[tuple]] = {}
    for row in rows:
        record = _row_record(row, names.get(row.omrade, set()), problems)
        if record is None:
            continue
        key = (record.namn, record.forklaring, record.kallor)
        table = seen.setdefault((row.kategori, row.rubrik), set())
        if row.after_break and key in table:
            dropped.append(
                f"rad {record.line}: «{record.namn}» upprepad efter sidbrytning "
                f"(samma namn, förklaring och källa) – dubbletten togs bort"
            )
            continue
        table.add(key)
        out.append(record)
    return out


def _split_cell_gaps(blocks):
    """'Förtur i bostadskön  SKR (2021) Boende för': two spaces separate the name cell from
    the next cell on the same line; make them two blocks."""
    for blk, *where in blocks:
        m = _CELL_GAP.search(blk.first) if blk.lines else None
        if m is None and blk.lines and not _PUBLISHER_CELL.match(blk.first):
            m = _INLINE_CITATION.search(blk.first)
            if m is not None:
                log.info("line %d: source cell found inside the line %r", blk.line, blk.first)
        elif m is not None and is_citation(blk):
            m = None
        if m is None:
            yield (blk, *where)
            continue
        head, tail = blk.first[: m.start()], blk.first[m.end() :]
        yield (_Block([Line(head, head, blk.line)], after_break=blk.after_break), *where)
        yield (_Block([Line(tail, tail, blk.line)] + blk.lines[1:]), *where)


def _known_prefix(block: _Block, known: set[str]) -> str | None:
    """The longest known name the block's text begins with (as printed), if any."""
    text = _block_text(block)
    words = text.split(" ")
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        if _norm(cand) in known:
            return cand
    return None


def _split_name(
    first: _Block, following_text: bool, known: set[str], problems: list[ImportProblem]
) -> tuple[str, str | None]:
    """Split the row's first block into the name and the start of the explanation."""
    text = _block_text(first)
    if _norm(text) in known:
        return text, None
    curated = NAME_SPLITS.get(first.first)
    if curated is not None:
        if not text.startswith(curated):
            problems.append(
                _problem(
                    first.line,
                    f"det kurerade namnet «{curated}» (NAME_SPLITS) "
                    "inleder inte raden – kontrollera tabellen",
                )
            )
        else:
            return curated, text[len(curated) :].strip() or None
    prefix = _known_prefix(first, known)
    if prefix is not None and len(prefix) <= len(first.first):
        # The name and the explanation share only the first line; a multi-line name is a
        # block of its own.
        return prefix, text[len(prefix) :].strip() or None
    if prefix is not None and not following_text:
        log.info("line %d: name %r longer than the known %r", first.line, text, prefix)
        return text, None
    if following_text or first.ends_with_empty_cells:
        # A block of its own before the explanation is the whole name cell.
        log.debug("line %d: name %r not in the results document", first.line, text)
        return text, None
    problems.append(
        _problem(
            first.line,
            f"namnet kan inte skiljas från förklaringen i «{first.first}» "
            "(resultattabellerna har inget sådant namn) – hela stycket blir namnet",
        )
    )
    return text, None


def _row_record(row: _Row, known: set[str], problems: list[ImportProblem]) -> ExplanationRow | None:
    blocks = row.blocks
    first = blocks[0]
    if is_citation(first):
        problems.append(
            _problem(
                first.line,
                f"källan «{_block_text(first)}» står utan en rad med namn – importeras inte",
            )
        )
        return None
    rest = blocks[1:]
    cit_at = next((i for i, b in enumerate(rest) if is_citation(b)), len(rest))
    expl_blocks, cit_blocks = rest[:cit_at], rest[cit_at:]
    following_text = any(not b.empty for b in expl_blocks[:1]) and not expl_blocks[
        0
    ].first.startswith("•")
    namn, expl_start = _split_name(first, following_text, known, problems)
    paragraphs: list[str] = [expl_start] if expl_start else []
    for b in expl_blocks:
        if b.empty:
            continue
        t = _block_text(b)
        if paragraphs and t.startswith("•"):
            paragraphs[-1] += "\n" + t
        elif paragraphs and (b.after_break or _starts_lower(b)):
            paragraphs[-1] += " " + t
        else:
            paragraphs.append(t)
    forklaring = "\n\n".join(paragraphs) or None
    cit_text = ""
    for b in cit_blocks:
        if b.empty:
            continue
        t = _block_text(b)
        cit_text = f"{cit_text} {t}".strip() if cit_text else t
    kallor = tuple(c.strip() for c in cit_text.split(";") if c.strip())
    return ExplanationRow(
        omrade=row.omrade,
        kategori=row.kategori,
        rubrik=row.rubrik,
        namn=namn,
        forklaring=forklaring,
        kallor=kallor,
        line=first.line,
    )


def _problem(line: int, message: str) -> ImportProblem:
    return ImportProblem(DOCUMENT, f"rad {line}", message)


def read(path: str | Path, names: dict[int, set[str]]) -> ParsedDocument:
    """Seed 000 from its extracted text (.txt) or its PDF (.pdf); `names` as for
    `parse_text` (the PDF's columns need no dictionary)."""
    from generator.importers.pdf.survey import explanations_from_pdf

    return read_document(
        path,
        lambda text: parse_text(text, names),
        lambda lines: explanations_from_pdf(lines, RULES, DOCUMENT),
    )
