"""The safe YAML reader: bytes → text → node graph, never constructing a tag.

YAML is only composed (yaml.compose), so no tag is ever constructed; scalars resolve as
YAML 1.2 core schema; anchors/aliases, oversized files, deep nesting, BOMs, bad UTF-8 and
tab indents are refused, each as one Problem with its line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import Node

from generator.model.problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # the deepest record (LocalList → … → Method) nests far less

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
TYPE_NAMES = {STR: "text", INT: "ett heltal", FLOAT: "ett decimaltal", BOOL: "sant/falskt",
               NULL: "tomt (null)", MAP: "en mappning (nyckel: värde)", SEQ: "en lista"}


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature content never needs (alias, anchor, deep nesting)."""


# libyaml (C) scans and parses ~8× faster than pure Python; composing stays in Python
# (below) so that anchors and aliases are refused before any node is built.
_SafeBase = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _Loader(_SafeBase, Composer):
    """Safe loader that only composes, resolves plain scalars as YAML 1.2 core schema
    (so `ja`, `no`, `2018-06-29` stay text) and refuses anchors, aliases, deep nesting."""

    yaml_implicit_resolvers: dict = {}
    get_single_node = Composer.get_single_node  # not CParser's: it would accept aliases
    compose_document = Composer.compose_document

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        Composer.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(problem="YAML-ankare och alias (& och *) används inte",
                           problem_mark=event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(problem="för djupt nästlad struktur", problem_mark=event.start_mark)
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


_Loader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver(INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(FLOAT, re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
                              list("-+.0123456789"))

# The most common complaints of PyYAML and libyaml (worded slightly differently), in Swedish.
_SYNTAX = {
    "could not find expected ':'": "ett kolon (:) saknas",
    "mapping values are not allowed": "kolon (:) på fel ställe – sätt texten inom citattecken",
    "did not find expected key": "oväntat indrag eller saknad nyckel",
    "did not find expected '-' indicator": "oväntat indrag i listan",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "found undefined alias": "YAML-ankare och alias (& och *) används inte",
    "expected a single document in the stream": "filen innehåller flera YAML-dokument (---)",
    "but found another document": "filen innehåller flera YAML-dokument (---)",
    "found character that cannot start any token": "tecken som inte får inleda ett värde – "
                                                   "sätt texten inom citattecken",
}

def position(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def read_yaml(path: Path) -> tuple[str, Node | None] | Problem:
    """One file → (its text, its node graph), or the one Problem that stops reading it
    (with an empty file name: the caller knows the name it reports)."""
    def fail(line: int, column: int, message: str, hint: str = "") -> Problem:
        return Problem("", line, column, "", message, hint)

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        mb = f"{size / 1_000_000:.1f}".replace(".", ",")
        return fail(1, 1, f"filen är för stor ({mb} MB)", "högst 1 MB per fil")
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return fail(1, 1, "filen börjar med en BOM (byte order mark)",
                    "spara filen som UTF-8 utan BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _byte_position(data, err.start)
        return fail(line, column, f"ogiltig UTF-8 (byte 0x{data[err.start]:02x})",
                    "spara filen som UTF-8")
    for number, line_text in enumerate(text.splitlines(), 1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            return fail(number, indent.index("\t") + 1, "tabb i indraget",
                        "använd mellanslag för indrag")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = position(mark) if mark else (1, 1)
        problem = err.problem or ""
        if problem.startswith("found character '\\t'"):
            return fail(line, column, "tabb där ett värde väntades", "använd mellanslag")
        if problem.startswith("exceeded maximum nesting depth"):  # libyaml's own limit
            problem, err = "för djupt nästlad struktur", _Refused()
        if isinstance(err, _Refused):
            return fail(line, column, problem, "skriv ut värdet där det används")
        message = next((sv for en, sv in _SYNTAX.items() if problem.startswith(en)), problem)
        return fail(line, column, f"YAML-syntaxfel: {message}",
                    "kontrollera indrag, kolon och citattecken")
    except yaml.YAMLError as err:  # ReaderError: a control character in the text
        return fail(1, 1, f"ogiltigt tecken i filen ({err})", "ta bort tecknet")
    return text, node
