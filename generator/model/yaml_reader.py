"""The safe YAML reader: bytes → text → node graph, never constructing a tag.

YAML is only composed (yaml.compose), so no tag is ever constructed; scalars resolve as
YAML 1.2 core schema; anchors/aliases, oversized files, deep nesting, BOMs, bad UTF-8 and
tab indents, control, bidi and invisible characters (also as escapes) and anything but a
regular file are refused, each as one Problem with its line and column; syntax errors
come in Swedish (yaml_errors).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.nodes import Node

from generator.model import characters, yaml_errors
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
TYPE_NAMES = {
    STR: "text",
    INT: "ett heltal",
    FLOAT: "ett decimaltal",
    BOOL: "sant/falskt",
    NULL: "tomt (null)",
    MAP: "en mappning (nyckel: värde)",
    SEQ: "en lista",
}


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature content never needs (alias, anchor, deep nesting)."""


# libyaml (C) scans and parses ~8× faster than pure Python; composing stays in Python
# (below) so that anchors and aliases are refused before any node is built.
if TYPE_CHECKING:  # one base for the type checker; both have the same interface
    _SafeBase = yaml.SafeLoader
else:
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

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                problem="YAML-ankare och alias (& och *) används inte",
                problem_mark=event.start_mark,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(problem="för djupt nästlad struktur", problem_mark=event.start_mark)
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


_Loader.add_implicit_resolver(
    BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver(INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    FLOAT,
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


def position(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def text_position(text: str, index: int) -> tuple[int, int]:
    """(line, column), 1-based, of a character index in text."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


_KINDS = {
    stat.S_IFIFO: "en namngiven pipe (FIFO)",
    stat.S_IFCHR: "en teckenenhet",
    stat.S_IFBLK: "en blockenhet",
    stat.S_IFSOCK: "en socket",
    stat.S_IFDIR: "en mapp",
}
NOT_REGULAR_HINT = "content/ läses bara från vanliga filer – ta bort den eller byt ut den mot en"


def not_regular(mode: int) -> str:
    """'en namngiven pipe (FIFO)' … for what is not a regular file."""
    return _KINDS.get(stat.S_IFMT(mode), "ingen vanlig fil")


def symlink_problem(path: Path) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return Problem(
        "",
        1,
        1,
        "",
        f"symbolisk länk (till {target})",
        "content/ läses bara från vanliga filer i projektet och följer inga länkar "
        "– ersätt länken med själva filen",
    )


def unreadable_problem(err: OSError) -> Problem:
    if err.errno in (errno.EACCES, errno.EPERM):
        return Problem(
            "",
            1,
            1,
            "",
            "filen kan inte läsas (behörighet saknas)",
            "ge dig läsrätt till filen (chmod u+r) eller ta bort den",
        )
    return Problem(
        "",
        1,
        1,
        "",
        f"filen kan inte läsas ({err.strerror})",
        "kontrollera filen, eller ta bort den",
    )


def _read_regular(path: Path) -> bytes | Problem:
    """The bytes of a regular file – never through a symbolic link, never blocking on a
    FIFO, never more than MAX_FILE_BYTES + 1 into memory."""

    def fail(message: str, hint: str) -> Problem:
        return Problem("", 1, 1, "", message, hint)

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        return symlink_problem(path) if err.errno == errno.ELOOP else unreadable_problem(err)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return fail(f"{not_regular(info.st_mode)}, ingen vanlig fil", NOT_REGULAR_HINT)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return unreadable_problem(err)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        mb = f"{max(info.st_size, len(data)) / 1_000_000:.1f}".replace(".", ",")
        return fail(f"filen är för stor ({mb} MB)", "högst 1 MB per fil")
    return data


def read_yaml(path: Path) -> tuple[str, Node | None] | Problem:
    """One file → (its text, its node graph), or the one Problem that stops reading it
    (with an empty file name: the caller knows the name it reports)."""

    def fail(line: int, column: int, message: str, hint: str = "") -> Problem:
        return Problem("", line, column, "", message, hint)

    data = _read_regular(path)
    if isinstance(data, Problem):
        return data
    if data.startswith(b"\xef\xbb\xbf"):
        return fail(
            1, 1, "filen börjar med en BOM (byte order mark)", "spara filen som UTF-8 utan BOM"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _byte_position(data, err.start)
        return fail(
            line, column, f"ogiltig UTF-8 (byte 0x{data[err.start]:02x})", "spara filen som UTF-8"
        )
    if found := characters.first_forbidden(text):
        index, char = found
        return fail(*text_position(text, index), characters.describe(char), characters.hint(char))
    for number, line_text in enumerate(text.split("\n"), 1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            return fail(
                number, indent.index("\t") + 1, "tabb i indraget", "använd mellanslag för indrag"
            )
    try:
        node = yaml.compose(text, Loader=_Loader)
    except _Refused as err:
        return fail(
            *position(err.problem_mark), err.problem or "", "skriv ut värdet där det används"
        )
    except yaml.MarkedYAMLError as err:
        if (err.problem or "").startswith("exceeded maximum nesting depth"):  # libyaml's own
            return fail(
                *position(err.problem_mark),
                "för djupt nästlad struktur",
                "skriv ut värdet där det används",
            )
        return yaml_errors.translate(err, text)
    except yaml.reader.ReaderError as err:  # a character YAML refuses, not caught above
        line, column = text_position(text, err.position)
        return fail(
            line,
            column,
            f"tecknet U+{err.character:04X} får inte stå i en YAML-fil"
            if isinstance(err.character, int)
            else "ogiltigt tecken i filen",
            "ta bort tecknet",
        )
    if node is not None and (escaped := characters.forbidden_escape(text, node)):
        index, escape, char = escaped
        return fail(
            *text_position(text, index),
            f'koden "{escape}" ger {characters.describe(char)}',
            "ta bort koden",
        )
    return text, node
