"""Stockholm's list of insatser that can stabilise schooling (seed 002) → LocalList.

Two provider groups; each insats is a heading and description paragraphs. Numbered
footnotes at page bottoms are cut out of the running text; each footnote marker glued to
a word ("stadsdelsförvaltningarnas1") is removed and the footnote is attached (verbatim,
and as cited works) to the insats whose text carries the marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.citations import parse_citation
from generator.importers.documents import ImportProblem, read_document
from generator.importers.lines import Line, ends_sentence, join, join_texts
from generator.model.records import LocalGroup, LocalInsats, LocalList, Work
from generator.text import slugify

DOCUMENT = "skolgang"  # the document kind, as problems name it
LIST_ID = "stockholm"
DOCUMENT_ID = "stockholm-skolgang"
_FOOTNOTE = re.compile(r"^(?P<n>\d{1,2}) (?P<text>\S.*)$")
_GROUP_HEADING = re.compile(r"^Insatser som ")
_MARKER = re.compile(r"(?<=[A-Za-zÅÄÖåäö.)])(?P<n>\d{1,2}(?:,\d{1,2})*)(?=[\s.,;:)]|$)")
_URL = re.compile(r"https?://\S+")
_GUIDELINES = re.compile(r"riktlinje\w* för vård och stöd vid missbruk", re.IGNORECASE)
_SBU = re.compile(r"SBU:s översikt (?P<nr>\d+) \((?P<ar>\d{4})\)")
_PLACE_PUBLISHER = re.compile(
    r"\.\s+[A-ZÅÄÖ][\wåäö]+: [^.]+$"
)  # ". Stockholm: Socialförvaltningen"


def _split_footnotes(text: str) -> tuple[list[Line], dict[int, str]]:
    """Body lines and the footnotes by number. Empty lines are dropped; a line holding
    only spaces stays (a separator: a paragraph break)."""
    body: list[Line] = []
    notes: dict[int, list[str]] = {}
    expected = 1
    in_notes = False
    last: int | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        raw = raw.rstrip("\n")
        if raw == "":
            continue
        stripped = raw.strip()
        m = _FOOTNOTE.match(raw)
        if m and int(m["n"]) == expected and (in_notes or (body and not body[-1].text)):
            if not in_notes and body and not body[-1].text:
                body.pop()  # the spacer above a page's footnotes is not a paragraph break
            in_notes, last = True, expected
            notes[expected] = [raw[len(m["n"]) + 1 :]]
            expected += 1
            continue
        if in_notes and last is not None and not raw.startswith(" ") and stripped:
            notes[last].append(raw)  # a footnote continues on the next line
            continue
        in_notes = False
        body.append(Line(stripped, raw, number))
    return body, {n: join_texts(lines) for n, lines in notes.items()}


@dataclass
class _Section:
    namn: str
    line: int
    paragraphs: list[str] = field(default_factory=list)
    group: bool = False


def _is_heading(body: list[Line], i: int) -> int:
    """Number of lines (1 or 2) of a heading starting at body[i], 0 if none."""
    line = body[i]
    if not line.text or ends_sentence(line.text) or line.text.endswith(","):
        return 0
    k = i - 1
    while k >= 0 and not body[k].text:
        k -= 1
    paragraph_ended = k < i - 1  # a spacer line lies between
    if (
        k >= 0
        and not paragraph_ended
        and not ends_sentence(body[k].text)
        and _is_heading(body, k) == 0
    ):
        return 0
    # a heading wraps without an empty line between its two lines
    size = (
        2
        if i + 1 < len(body) and body[i + 1].number == line.number + 1 and not not body[i + 1].text
        else 1
    )
    nxt = i + size
    while nxt < len(body) and not body[nxt].text:
        nxt += 1
    if nxt >= len(body):
        return 0
    following = body[nxt].text
    first_word = line.text.split(" ", 1)[0]
    if not (following[:1].isupper() or following.startswith(first_word)):
        return 0
    return size if len(line.text) <= 80 else 0


def parse_text(text: str, problems: list[ImportProblem] | None = None) -> LocalList:
    """Parse the extracted text of seed 002; what cannot be placed is added to `problems`."""
    body, notes = _split_footnotes(text)
    sections: list[_Section] = [_Section("", 0)]  # the first is the introduction
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            sections[-1].paragraphs.append(join(paragraph))
            paragraph.clear()

    title_lines: list[str] = []
    i = 0
    while i < len(body):
        line = body[i]
        if not line.text:
            flush()
            i += 1
            continue
        if not title_lines and i < 3:
            title_lines.append(line.raw)
            i += 1
            if ends_sentence(line.text):
                title_lines.append("")
            continue
        if title_lines and title_lines[-1] != "":
            title_lines.append(line.raw)
            i += 1
            if ends_sentence(line.text):
                title_lines.append("")
            continue
        size = _is_heading(body, i) if i > 0 else 0
        if size:
            flush()
            namn = join(body[i : i + size])
            sections.append(_Section(namn, line.number, group=bool(_GROUP_HEADING.match(namn))))
            i += size
            continue
        paragraph.append(line)
        i += 1
    flush()
    titel = join_texts([raw for raw in title_lines if raw])
    return _build(titel.rstrip("."), sections, notes, [] if problems is None else problems)


def footnote_works(notes: dict[int, str]) -> dict[int, tuple[Work, ...]]:
    """The works each footnote cites (explanatory footnotes cite none)."""
    out: dict[int, tuple[Work, ...]] = {}
    for n, note in notes.items():
        works: list[Work] = []
        if m := _URL.search(note):
            url = m.group(0)
            host = re.sub(r"^www\.", "", url.split("/")[2])
            works.append(
                Work(
                    id=slugify(host + " " + url.split("/", 3)[-1], max_length=70),
                    text=url,
                    utgivare=host,
                    ar=None,
                    titel=None,
                    url=url,
                )
            )
        elif m := _SBU.search(note):
            works.append(
                Work(
                    id=slugify(f"SBU {m['ar']} oversikt {m['nr']}"),
                    text=m.group(0),
                    utgivare="SBU",
                    ar=m["ar"],
                    titel=None,
                )
            )
        elif _GUIDELINES.search(note):
            titel = "Nationella riktlinjer för vård och stöd vid missbruk och beroende"
            works.append(
                Work(
                    id=slugify("Socialstyrelsen " + titel, max_length=70),
                    text=f"Socialstyrelsens {titel[0].lower()}{titel[1:]}",
                    utgivare="Socialstyrelsen",
                    ar=None,
                    titel=titel,
                )
            )
        elif re.match(r"^[^()]+\(\d{4}[^)]*\)", note):
            work = parse_citation(note)
            printed_title = _PLACE_PUBLISHER.sub("", (work.titel or "").lstrip(". ")) or None
            works.append(
                Work(
                    id=slugify(
                        " ".join(p for p in (work.utgivare, work.ar, printed_title) if p),
                        max_length=70,
                    ),
                    text=note,
                    utgivare=work.utgivare,
                    ar=work.ar,
                    titel=printed_title,
                )
            )
        out[n] = tuple(works)
    return out


def _build(
    titel: str, sections: list[_Section], notes: dict[int, str], problems: list[ImportProblem]
) -> LocalList:
    cited = footnote_works(notes)
    expected = 1

    def strip_markers(text: str) -> tuple[str, list[int]]:
        nonlocal expected
        found: list[int] = []

        def repl(m: re.Match) -> str:
            nonlocal expected
            numbers = [int(x) for x in m["n"].split(",")]
            if numbers != list(range(expected, expected + len(numbers))):
                return m.group(0)
            expected += len(numbers)
            found.extend(numbers)
            return ""

        return _MARKER.sub(repl, text), found

    intro = sections[0]
    intro_text, intro_notes = strip_markers("\n\n".join(intro.paragraphs))
    groups: list[tuple[str, list[LocalInsats]]] = []
    for s in sections[1:]:
        if s.group:
            groups.append((s.namn, []))
            continue
        text, found = strip_markers("\n\n".join(s.paragraphs))
        kallor: list[str] = []
        for n in found:
            kallor.extend(w.id for w in cited.get(n, ()) if w.id not in kallor)
        groups[-1][1].append(
            LocalInsats(
                id=slugify(s.namn),
                nummer=None,
                namn=s.namn,
                innehall=text or None,
                omfattning=None,
                metod=(),
                malgrupp=None,
                villkor=(),
                dokumentation=None,
                uppfoljning=None,
                nationell=(),
                kallor=tuple(kallor),
                noter=tuple(notes[n] for n in found),
            )
        )
    missing = sorted(set(notes) - set(range(1, expected)))
    if missing:
        problems.append(
            ImportProblem(
                DOCUMENT,
                "",
                f"fotnot {', '.join(map(str, missing))} har ingen markering i texten "
                "– deras källor hör inte till någon insats",
            )
        )
    list_kallor: list[str] = []
    for n in intro_notes:
        list_kallor.extend(w.id for w in cited.get(n, ()) if w.id not in list_kallor)
    return LocalList(
        id=LIST_ID,
        kind="skolgang",
        kommun="Stockholm",
        titel=titel,
        dokument=DOCUMENT_ID,
        inledning=intro_text or None,
        grupper=tuple(
            LocalGroup(
                id=slugify(namn, max_length=60), namn=namn, beskrivning=None, insatser=tuple(ins)
            )
            for namn, ins in groups
        ),
        noter=tuple(notes[n] for n in intro_notes),
        kallor=tuple(list_kallor),
    )


def works(text: str) -> tuple[Work, ...]:
    """Every work the document's footnotes cite, in footnote order, without duplicates."""
    _, notes = _split_footnotes(text)
    seen: dict[str, Work] = {}
    for ws in footnote_works(notes).values():
        for w in ws:
            seen.setdefault(w.id, w)
    return tuple(seen.values())


def read(
    path: str | Path, problems: list[ImportProblem] | None = None
) -> tuple[LocalList, tuple[Work, ...]]:
    """Seed 002 from its text extract or from the PDF: the list and the works its
    footnotes cite; what cannot be placed is added to `problems`."""
    return read_document(path, lambda text: (parse_text(text, problems), works(text)))
