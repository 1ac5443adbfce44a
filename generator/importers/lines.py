"""One line model and one joiner for every importer, text path and PDF path alike.

A document is read as `Line`s: the text of a printed line, the line as printed (trailing
spaces kept – they carry information) and where it is. `join()` turns the lines of one
paragraph or table cell into running text; where a line ends in a dash it decides, by
the rules below, whether a word was split there ("kommu-" + "ner"), whether the dash
belongs to the word ("RSS-" + "nätverken") or stands alone ("vård- " + "och omsorg").

The extracted .txt sources end a wrapped line in a space, except after a split word's
hyphen. A PDF line carries the space the PDF prints (`PdfLine.as_line`), and a PDF laid
out as text (`pdf.text.lines_to_text`) follows the sources' convention, so both paths see
the same `raw` and join the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A word after a dash that makes the dash a shared word part, never a split word:
# "stöd-" + "och hjälpåtgärder" → "stöd- och hjälpåtgärder".
CONJUNCTIONS = frozenset({"och", "eller", "samt", "som", "respektive", "till", "och/eller"})
BULLET = re.compile(r"^[•\u2022\u25cf\u25aa–-]\s")
_DASHES = ("-", "–")
_SENTENCE_END = re.compile(r"[.!?:;]\d*(,\d+)*$")


@dataclass(frozen=True)
class Line:
    """One printed line: `text` stripped, `raw` as printed (no newline), `number` 1-based
    (the line in an extracted text, the page in a PDF)."""

    text: str
    raw: str
    number: int

    @classmethod
    def of(cls, raw: str, number: int) -> Line:
        raw = raw.rstrip("\n")
        return cls(raw.strip(), raw, number)

    @property
    def open_end(self) -> bool:
        """The line ends in a space as printed: its last word is complete."""
        return self.raw != self.raw.rstrip()


def text_lines(text: str) -> list[Line]:
    """Every line of an extracted text, numbered from 1 (blank lines included)."""
    return [Line.of(raw, n) for n, raw in enumerate(text.splitlines(), 1)]


def paragraphs(lines: Iterable[Line]) -> list[list[Line]]:
    """Blank-line separated runs of lines (blank lines themselves left out)."""
    out: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [p for p in out if p]


@dataclass(frozen=True)
class JoinRules:
    """What differs between the documents' texts; everything else is `join()`'s own rule.

    keep_hyphens: a line-end hyphen always stays (names are kept as printed:
        "social-" + "sekreteraren" → "social-sekreteraren").
    keep_words: hyphenated words whose hyphen belongs to the word even between two
        lowercase letters ("kognitiv-beteendeterapeutisk").
    bullets: a line that starts with a bullet starts a new line of the text.
    repairs: (broken, whole) replacements after joining, for words a document broke at a
        line end without any hyphen.
    """

    keep_hyphens: bool = False
    keep_words: frozenset[str] = frozenset()
    bullets: bool = False
    repairs: tuple[tuple[str, str], ...] = ()


PROSE = JoinRules()


def join(lines: Iterable[Line], rules: JoinRules = PROSE) -> str:
    """The lines of one paragraph (or table cell) as one text.

    At a line that ends in a dash, in this order:
    - printed with a space after it, or an en dash after a space: the dash stands alone
      ("vård- " + "och omsorg", "Bekymringssamtal –" + "orossamtal") – a space;
    - the next line starts with a conjunction: a shared word part ("stöd-" + "och") – a space;
    - the dash belongs to the word and the word goes on, no space: with `keep_hyphens`, an
      en dash ("25–" + "30"), no lowercase letter before it ("RSS-" + "nätverken",
      "7-" + "18", "och -" + "läger"), no lowercase letter after it ("fixar-" + "Malte"),
      a `keep_words` word, or a URL;
    - otherwise a word was split: the hyphen goes ("kommu-" + "ner" → "kommuner").
    Any other line break is a space; a bullet line starts a new line with `bullets`.
    """
    out = ""
    previous: Line | None = None
    for line in lines:
        text = line.text
        if not text:
            continue
        if previous is None:
            out = text
        elif rules.bullets and BULLET.match(text):
            out += "\n" + text
        elif not out.endswith(_DASHES) or previous.open_end or out.endswith(" –"):
            out += " " + text
        elif text.split(" ", 1)[0].casefold() in CONJUNCTIONS:
            out += " " + text
        elif _keeps_dash(out, text, rules):
            out += text
        else:
            out = out[:-1] + text
        previous = line
    for broken, whole in rules.repairs:
        out = out.replace(broken, whole)
    return out


def _keeps_dash(out: str, text: str, rules: JoinRules) -> bool:
    last_word = out.rsplit(" ", 1)[-1]
    before = out[-2:-1]
    word = (last_word + text.split(" ", 1)[0]).rstrip(".,;:")
    return (
        rules.keep_hyphens
        or out.endswith("–")
        or not before.islower()
        or not text[0].islower()
        or word in rules.keep_words
        or "://" in last_word
    )


def ends_sentence(text: str) -> bool:
    """True when a line ends a sentence (a footnote marker may follow the full stop)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def join_texts(texts: Sequence[str], rules: JoinRules = PROSE) -> str:
    """`join()` of lines given as printed strings (trailing spaces kept)."""
    return join((Line.of(t, 0) for t in texts), rules)
