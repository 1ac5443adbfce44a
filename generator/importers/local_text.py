"""Text helpers shared by the local-list importers: reading a document as text, joining
wrapped PDF lines."""

from __future__ import annotations

import re
from pathlib import Path

# Words that follow a suspended compound ("stöd- och hjälpåtgärder"): the hyphen stays.
_CONJUNCTIONS = {"och", "eller", "samt", "som", "respektive", "till", "och/eller"}
_SENTENCE_END = re.compile(r"[.!?:;]\d*(,\d+)*$")


def join_line(text: str, raw_previous: str, line: str) -> str:
    """Append `line` to `text`; `raw_previous` is the previous line as printed (its
    trailing spaces tell a suspended compound "syn- " from a line-end hyphen "7-")."""
    if not text:
        return line
    if not line:
        return text
    if text.endswith("-") and not raw_previous.endswith(" "):
        last_word = text.rsplit(" ", 1)[-1]
        first_word = line.split(" ", 1)[0]
        if "://" in last_word or last_word[-2:-1].isdigit():
            return text + line  # URL or a range "7-18" broken after the dash
        if first_word in _CONJUNCTIONS:
            return text + " " + line  # "stöd-" + "och hjälpåtgärder"
        if last_word[-2:-1].isalpha() and line[:1].islower():
            return text[:-1] + line  # real hyphenation: "funk-" + "tionsnedsättning"
        return text + line
    return text + " " + line


def join_lines(lines: list[str]) -> str:
    """Join printed lines (raw, with their trailing spaces) into one paragraph."""
    text, previous = "", ""
    for raw in lines:
        text = join_line(text, previous, raw.strip())
        previous = raw.rstrip("\n")
    return text


def ends_sentence(text: str) -> bool:
    """True when a line ends a sentence (a footnote marker may follow the full stop)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def paragraphs(blocks: list[list[str]]) -> str | None:
    """Blocks of raw lines → paragraphs separated by a blank line; None when empty."""
    texts = [join_lines(block) for block in blocks]
    texts = [t for t in texts if t]
    return "\n\n".join(texts) if texts else None


def document_text(path: str | Path) -> str:
    """A list document as text: the extracted .txt as it is, a PDF through pdfminer in the
    same shape, so one text parser serves both."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        from generator.importers.pdf_text import pdf_to_text  # pdfminer only when needed

        return pdf_to_text(path)
    return path.read_text(encoding="utf-8")
