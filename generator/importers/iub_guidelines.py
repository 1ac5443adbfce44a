"""Alingsås's "Riktlinjer för insatser utan individuell behovsprövning" (seed 004) →
LocalList: section 3's groups (3.1–3.4) and numbered insatser with all their fields."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importers.documents import ImportProblem, read_document
from generator.importers.lines import Line, join, paragraphs
from generator.model.records import LocalGroup, LocalInsats, LocalList, Method
from generator.text import slugify

DOCUMENT = "iub-riktlinjer"  # the document kind, as problems name it
LIST_ID = "alingsas"
DOCUMENT_ID = "alingsas-riktlinjer-iub"
TITLE = "Riktlinjer för insatser utan individuell behovsprövning"

_SECTION = re.compile(r"^(?P<n>\d)\.\s+(?P<namn>\S.*)$")  # "3. Förteckning av IUB"
_GROUP = re.compile(r"^(?P<n>3\.\d)\.\s+(?P<namn>\S.*)$")  # "3.1. Rådgivning"
_INSATS = re.compile(r"^(?P<n>3\.\d\.\d{1,2})\s+(?P<namn>\S.*)$")  # "3.1.1 Familjerådgivning"
# A heading glued to the end of the previous line ("… uppföljning. 3.1.4 Vägledningscentrum")
_GLUED = re.compile(r"(?<=[.])\s+(?=3\.\d\.\d{1,2}\s+[A-ZÅÄÖ])")
_LABELS = {
    "Innehåll": "innehall",
    "Omfattning": "omfattning",
    "Metod": "metod",
    "Metoder": "metod",
    "Målgrupp": "malgrupp",
    "Villkor": "villkor",
    "Dokumentation": "dokumentation",
    "Uppföljning": "uppfoljning",
}
# "Omfattning 1-5 samtal." printed as a paragraph of Innehåll (3.4.1)
_INLINE_OMFATTNING = re.compile(r"^Omfattning\s+(?P<rest>\S.*)$")
# A method's own fields inside Metod (3.4.5, 3.4.6)
_METHOD_FIELD = re.compile(r"^(?P<label>Målgrupp|Omfattning):\s*(?P<rest>.*)$")
# "Funktionell familjeterapi (FFT). Syftet är …": a short name, a full stop, the text
_NAME_LEAD = re.compile(r"^(?P<namn>[A-ZÅÄÖ][^.:]{1,58}?)\.\s+(?P<rest>\S.*)$")
# "Community Parent Education (COPE)" alone on its line
_NAME_ONLY = re.compile(r"^[A-ZÅÄÖ][^.:]{1,58}\([A-ZÅÄÖ]{2,8}\)$")
_SHORT_LINE = 70  # a line this short that ends a sentence was not wrapped: a new item


@dataclass
class _Draft:
    nummer: str
    namn: str
    line: int
    fields: dict[str, list[Line]] = field(default_factory=dict)


def _lines(text: str) -> list[Line]:
    """The printed lines; a heading glued to the end of a line is a line of its own."""
    return [
        Line.of(part, number)
        for number, raw in enumerate(text.splitlines(), 1)
        for part in _GLUED.split(raw)
    ]


def _text(lines: list[Line]) -> str | None:
    return "\n\n".join(join(p) for p in paragraphs(lines)) or None


def _villkor(lines: list[Line]) -> tuple[str, ...]:
    """One condition per paragraph; a short line ending a sentence also ends an item
    (3.1.13 prints two conditions on consecutive lines)."""
    items: list[str] = []
    for block in paragraphs(lines):
        current: list[Line] = []
        for k, line in enumerate(block):
            current.append(line)
            following = block[k + 1].text if k + 1 < len(block) else ""
            if following[:1].isupper() and line.text.endswith(".") and len(line.text) < _SHORT_LINE:
                items.append(join(current))
                current = []
        if current:
            items.append(join(current))
    return tuple(items)


@dataclass
class _MethodDraft:
    namn: str | None
    parts: dict[str, list[list[Line]]] = field(default_factory=lambda: {"beskrivning": [[]]})
    current: str = "beskrivning"

    def add(self, line: Line, new_paragraph: bool = False) -> None:
        paras = self.parts.setdefault(self.current, [[]])
        if new_paragraph and paras[-1]:
            paras.append([])
        paras[-1].append(line)

    def start(self, label: str, rest: Line) -> None:
        self.current = label
        self.parts[label] = [[rest]]

    def build(self) -> Method:
        def text(key: str) -> str | None:
            paras = [join(p) for p in self.parts.get(key, []) if p]
            return "\n\n".join(p for p in paras if p) or None

        return Method(
            namn=self.namn,
            beskrivning=text("beskrivning"),
            malgrupp=text("malgrupp"),
            omfattning=text("omfattning"),
        )


def _rest(line: Line, rest: str) -> Line:
    """The part of a line after its label (the line's end, and so its trailing space, kept)."""
    return dataclasses.replace(line, text=rest.strip())


def _methods(lines: list[Line]) -> tuple[Method, ...]:
    """The Metod section: "-" (none), one description, or several named methods each with
    its own "Målgrupp:"/"Omfattning:" lines."""
    content = [ln for ln in lines if ln.text]
    if not content or [ln.text for ln in content] == ["-"]:
        return ()
    methods: list[_MethodDraft] = []
    paragraph_start, after_field = True, False
    for line in lines:
        if not line.text:
            paragraph_start = True
            continue
        text = line.text
        if (m := _METHOD_FIELD.match(text)) and methods:
            methods[-1].start(
                "malgrupp" if m["label"] == "Målgrupp" else "omfattning", _rest(line, m["rest"])
            )
            after_field, paragraph_start = True, False
            continue
        may_start = paragraph_start or after_field or not methods
        if may_start and (m := _NAME_LEAD.match(text)):
            methods.append(_MethodDraft(m["namn"]))
            methods[-1].add(_rest(line, m["rest"]))
        elif may_start and _NAME_ONLY.match(text):
            methods.append(_MethodDraft(text))
        else:
            if not methods:
                methods.append(_MethodDraft(None))
            if after_field:
                methods[-1].add(line)
            else:
                if methods[-1].current != "beskrivning" and paragraph_start:
                    methods[-1].current = "beskrivning"
                methods[-1].add(line, new_paragraph=paragraph_start)
        paragraph_start, after_field = False, False
    return tuple(m.build() for m in methods)


def parse_text(text: str, problems: list[ImportProblem] | None = None) -> LocalList:
    """Parse the extracted text of seed 004 into a LocalList; what cannot be placed is
    added to `problems`."""
    problems = [] if problems is None else problems
    lines = _lines(text)
    section: str | None = None
    intro: list[Line] = []
    list_intro: list[Line] = []
    groups: list[tuple[str, str, list[Line], list[_Draft]]] = []
    current: _Draft | None = None
    target: list[Line] | None = None
    for line in lines:
        if m := _INSATS.match(line.text):
            current = _Draft(m["n"], m["namn"].strip(), line.number)
            groups[-1][3].append(current)
            target = None
        elif (m := _GROUP.match(line.text)) and section == "3":
            groups.append((m["n"], m["namn"].strip(), [], []))
            current, target = None, groups[-1][2]
        elif m := _SECTION.match(line.text):
            section = m["n"]
            target = intro if section == "1" else list_intro if section == "3" else None
        elif current is not None and line.text in _LABELS:
            target = current.fields.setdefault(_LABELS[line.text], [])
        elif target is not None:
            target.append(line)
        elif line.text and current is not None:
            problems.append(
                ImportProblem(
                    DOCUMENT,
                    f"rad {line.number}",
                    f"texten «{line.text}» står före första fältet "
                    f"i {current.nummer} – importeras inte",
                )
            )
    inledning = "\n\n".join(t for t in (_text(intro), _text(list_intro)) if t) or None
    out_groups = []
    for nummer, namn, beskrivning, drafts in groups:
        out_groups.append(
            LocalGroup(
                id=slugify(f"{nummer} {namn}"),
                namn=f"{nummer} {namn}",
                beskrivning=_text(beskrivning),
                insatser=tuple(_insats(d, problems) for d in drafts),
            )
        )
    return LocalList(
        id=LIST_ID,
        kind="iub",
        kommun="Alingsås",
        titel=TITLE,
        dokument=DOCUMENT_ID,
        inledning=inledning,
        grupper=tuple(out_groups),
    )


def _insats(d: _Draft, problems: list[ImportProblem]) -> LocalInsats:
    f = d.fields
    innehall_lines = f.get("innehall", [])
    omfattning = _text(f.get("omfattning", []))
    # "Omfattning 1-5 samtal." as a paragraph of Innehåll is the Omfattning field
    kept: list[Line] = []
    for block in paragraphs(innehall_lines):
        m = _INLINE_OMFATTNING.match(block[0].text)
        if m and len(block) == 1 and omfattning is None:
            omfattning = m["rest"]
        else:
            kept.extend([*block, Line("", "", 0)])
    for key in ("innehall", "malgrupp", "villkor", "dokumentation", "uppfoljning"):
        if key not in f:
            label = next(k for k, v in _LABELS.items() if v == key)
            problems.append(
                ImportProblem(
                    DOCUMENT, f"rad {d.line}", f"{d.nummer} {d.namn}: fältet «{label}» saknas"
                )
            )
    return LocalInsats(
        id=slugify(d.namn),
        nummer=d.nummer,
        namn=d.namn,
        innehall=_text(kept),
        omfattning=omfattning,
        metod=_methods(f.get("metod", [])),
        malgrupp=_text(f.get("malgrupp", [])),
        villkor=_villkor(f.get("villkor", [])),
        dokumentation=_text(f.get("dokumentation", [])),
        uppfoljning=_text(f.get("uppfoljning", [])),
        nationell=(),
    )


def read(path: str | Path, problems: list[ImportProblem] | None = None) -> LocalList:
    """Read seed 004 from its text extract or from the PDF; what cannot be placed is
    added to `problems`."""
    return read_document(path, lambda text: parse_text(text, problems))
