"""Stockholm's "öppna insatser utan individuell behovsprövning" (seed 003) → LocalList.

Del 1 (stadsdelsnämnderna) and Del 2 (Socialnämnden); each insats is a heading followed
by "Innehåll:" and "Målgrupp:" paragraphs, sometimes with "•" bullets. The extracted text
has a blank line after every printed line, so a paragraph ends where the printed line
ends with two or more spaces (how the PDF text marks a hard line break).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.documents import ImportProblem, read_document
from generator.importers.lines import JoinRules, Line, ends_sentence, join
from generator.model.records import LocalGroup, LocalInsats, LocalList
from generator.text import slugify

DOCUMENT = "oppna-insatser"  # the document kind, as problems name it
LIST_ID = "stockholm"
DOCUMENT_ID = "stockholm-oppna-insatser-iub"
TITLE = "Insatser som Stockholms stads socialtjänst ger utan individuell behovsprövning"

_PAGE_NUMBER = re.compile(r"^\d+ \(\d+\)$")
_HEADER_LINES = {
    "Insatser som Stockholms stads socialtjänst ger utan individuell",
    "behovsprövning",
}
_LABEL = re.compile(r"^(?P<label>Innehåll|Målgrupper|Målgrupp):\s*(?P<rest>.*)$")
_GROUP = re.compile(r"^Del (?P<n>\d+)$")
_HARD_BREAK = re.compile(r"\S {2,}$")
_RULES = JoinRules(bullets=True)


def _content_lines(text: str) -> list[Line]:
    """Printed lines without blank lines and without running page headers/numbers."""
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = Line.of(raw, number)
        if line.text and not _PAGE_NUMBER.match(line.text) and line.text not in _HEADER_LINES:
            out.append(line)
    return out


def _hard_break(line: Line) -> bool:
    """Ends with 2+ spaces: how the PDF text marks the end of a printed paragraph."""
    return bool(_HARD_BREAK.search(line.raw))


@dataclass
class _Field:
    """A field being read: paragraphs of lines; a bullet line starts a new line of its
    paragraph."""

    paragraphs: list[list[Line]] = field(default_factory=list)

    def add(self, line: Line, text: str | None = None) -> None:
        if text is not None:  # the rest after a label
            line = dataclasses.replace(line, text=text)
        last = self.paragraphs[-1][-1] if self.paragraphs else None
        bullet = line.text.startswith("•")
        if last is None or (not bullet and _hard_break(last) and ends_sentence(last.text)):
            self.paragraphs.append([line])
        else:
            self.paragraphs[-1].append(line)

    def value(self) -> str | None:
        return "\n\n".join(join(p, _RULES) for p in self.paragraphs) or None


@dataclass
class _Draft:
    namn: str
    line: int
    innehall: _Field | None = None
    malgrupp: list[_Field] = field(default_factory=list)


def _heading_start(lines: list[Line], i: int) -> int:
    """Index where the heading ending just before lines[i] starts (i when none): heading
    lines (one to three) do not end a sentence and follow a line that does."""
    start = i
    while start > 0 and start > i - 3:
        candidate = lines[start - 1].text
        if (
            ends_sentence(candidate)
            or candidate.startswith("•")
            or _LABEL.match(candidate)
            or _GROUP.match(candidate)
        ):
            break
        start -= 1
    if start < i and start > 0:
        before = lines[start - 1].text
        if not (ends_sentence(before) or _GROUP.match(before)):
            return i  # the lines are the tail of a paragraph, not a heading
    return start


def _headings(lines: list[Line], problems: list[ImportProblem]) -> dict[int, int]:
    """Heading start index → index of the insats's first label line."""
    found: dict[int, int] = {}
    has_malgrupp = False
    in_groups = False
    for i, line in enumerate(lines):
        if _GROUP.match(line.text):
            in_groups, has_malgrupp = True, False
            continue
        label = _LABEL.match(line.text)
        if not (label and in_groups):
            continue
        start = _heading_start(lines, i)
        if label["label"] == "Innehåll" or has_malgrupp:
            if start < i:
                found[start] = i
                has_malgrupp = False
            elif label["label"] == "Innehåll":
                problems.append(
                    ImportProblem(
                        DOCUMENT,
                        f"rad {line.number}",
                        "ingen rubrik före «Innehåll:» – fältet hör till insatsen ovanför",
                    )
                )
        if label["label"] != "Innehåll":
            has_malgrupp = True
    return found


def parse_text(text: str, problems: list[ImportProblem] | None = None) -> LocalList:
    """Parse the extracted text of seed 003 into a LocalList; what cannot be placed is
    added to `problems`."""
    problems = [] if problems is None else problems
    lines = _content_lines(text)
    headings = _headings(lines, problems)
    intro = _Field()
    groups: list[tuple[str, list[_Draft]]] = []
    current: _Draft | None = None
    target: _Field | None = intro
    i = 0
    while i < len(lines):
        line = lines[i]
        if i == 0 and line.text == "Inledning":
            i += 1
            continue
        if _GROUP.match(line.text):
            groups.append((line.text, []))
            current, target = None, None
        elif i in headings:
            end = headings[i]
            namn = join(lines[i:end])
            current = _Draft(namn, line.number)
            groups[-1][1].append(current)
            target = None
            i = end
            continue
        elif (label := _LABEL.match(line.text)) and current is not None:
            target = _Field()
            target.add(line, label["rest"])
            if label["label"] == "Innehåll":
                current.innehall = target
            else:
                current.malgrupp.append(target)
        elif target is not None:
            target.add(line)
        else:
            problems.append(
                ImportProblem(
                    DOCUMENT,
                    f"rad {line.number}",
                    f"texten «{line.text}» står utanför ett fält – importeras inte",
                )
            )
        i += 1
    return _build(intro.value(), groups, problems)


def _build(
    intro: str | None, groups: list[tuple[str, list[_Draft]]], problems: list[ImportProblem]
) -> LocalList:
    seen: set[str] = set()
    out_groups = []
    for name, drafts in groups:
        group_id = slugify(name)
        insatser = []
        for d in drafts:
            innehall = d.innehall.value() if d.innehall else None
            malgrupp = [f.value() for f in d.malgrupp]
            if innehall is None and len(malgrupp) == 2:
                # the source labels the content "Målgrupp:" too; the first one is the content
                problems.append(
                    ImportProblem(
                        DOCUMENT,
                        f"rad {d.line}",
                        f"«{d.namn}» har två «Målgrupp:» och ingen "
                        "«Innehåll:» – den första läses som innehållet",
                    )
                )
                innehall, malgrupp = malgrupp[0], malgrupp[1:]
            insats_id = slugify(d.namn)
            if insats_id in seen:
                insats_id = f"{insats_id}-{group_id}"
            seen.add(insats_id)
            insatser.append(
                LocalInsats(
                    id=insats_id,
                    nummer=None,
                    namn=d.namn,
                    innehall=innehall,
                    omfattning=None,
                    metod=(),
                    malgrupp="\n\n".join(m for m in malgrupp if m) or None,
                    villkor=(),
                    dokumentation=None,
                    uppfoljning=None,
                    nationell=(),
                )
            )
        out_groups.append(
            LocalGroup(id=group_id, namn=name, beskrivning=None, insatser=tuple(insatser))
        )
    return LocalList(
        id=LIST_ID,
        kind="iub",
        kommun="Stockholm",
        titel=TITLE,
        dokument=DOCUMENT_ID,
        inledning=intro,
        grupper=tuple(out_groups),
    )


def read(path: str | Path, problems: list[ImportProblem] | None = None) -> LocalList:
    """Read seed 003 from its text extract or from the PDF; what cannot be placed is
    added to `problems`."""
    return read_document(path, lambda text: parse_text(text, problems))
