"""content/ → typed immutable records, with every problem of every file reported at once.

YAML is parsed only to a node graph (yaml.compose) and converted by hand, so no tag is
ever constructed; anchors/aliases, oversized files and overlong strings are refused.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator import model
from generator.fields import FIELDS, ID_PATTERN, MAX_TEXT
from generator.problems import Problem, SourceIndex, did_you_mean
from generator.shape import (
    FOLDERS,
    RECORD_NAMES,
    is_optional,
    is_tuple,
    item_type,
    record_class,
    schema_line,
    strip_optional,
    yaml_fields,
)

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # the deepest record (LocalList → … → Method) nests far less

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TYPE_NAMES = {_STR: "text", _INT: "ett heltal", _FLOAT: "ett decimaltal", _BOOL: "sant/falskt",
               _NULL: "tomt (null)", _MAP: "en mappning (nyckel: värde)", _SEQ: "en lista"}


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


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(_FLOAT, re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
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
_INVALID = object()


def _pos(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


@functools.cache
def _has_location(cls: type) -> bool:
    return "location" in {f.name for f in dataclasses.fields(cls)}


class _FileReader:
    """Converts one file's node graph into a record, collecting problems as it goes."""

    def __init__(self, file: str, index: SourceIndex) -> None:
        self.file = file
        self.index = index
        self.problems: list[Problem] = []

    def report(self, where: Any, path: str, message: str, hint: str = "") -> None:
        line, column = _pos(where) if not isinstance(where, tuple) else where
        self.problems.append(Problem(self.file, line, column, path, message, hint))

    def record(self, node: Node, cls: type, path: str = "", **extra: Any) -> Any:
        if not isinstance(node, MappingNode):
            self.wrong_type(node, path, "en mappning (nyckel: värde)")
            return _INVALID
        self.index.positions[(self.file, path)] = _pos(node)
        fields = {f.name: f for f in yaml_fields(cls)}
        given: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.tag == _STR):
                self.report(key, path, "nyckeln ska vara text", "skriv nyckel: värde")
                continue
            where = f"{path}.{key.value}" if path else key.value
            if key.value in given:
                first = _pos(given[key.value][0])[0]
                self.report(key, where, "nyckeln förekommer två gånger",
                            f"första gången på rad {first}; ta bort en av dem")
                continue
            given[key.value] = (key, value)
            if key.value not in fields:
                allowed = ", ".join(fields)
                self.report(key, where, "okänd nyckel",
                            f"tillåtna nycklar här: {allowed}{did_you_mean(key.value, fields)}")
        if cls is model.Figure and self.figure_half_given(node, path, given):
            return _INVALID
        values: dict[str, Any] = dict(extra)
        ok = True
        for f in fields.values():
            where = f"{path}.{f.name}" if path else f.name
            if f.name not in given:
                if f.required:
                    self.report(node, where, "saknas", f"obligatorisk nyckel ({_expected(f.type)})")
                    ok = False
                else:
                    values[f.name] = f.default
                continue
            pattern = FIELDS[f"{cls.__name__}.{f.name}"].schema.get("pattern")
            value = self.value(given[f.name][1], f.type, where, f.required, pattern)
            if value is _INVALID:
                ok = False
            else:
                values[f.name] = value
        if not ok or len(given) > len([k for k in given if k in fields]):
            return _INVALID
        if _has_location(cls):
            values["location"] = model.Location(self.file, *_pos(node))
        return cls(**values)

    def figure_half_given(self, node: Node, path: str, given: dict) -> bool:
        """`andel` without `antal` (or the reverse) means a share where the source printed
        `-` ("not asked"), or a lost count: both must be given, or the figure is null."""
        has = {k for k, (_, v) in given.items() if not (isinstance(v, ScalarNode) and v.tag == _NULL)}
        measure = path.rsplit(".", 1)[-1]
        if "andel" in has and "antal" not in has:
            self.report(node, path, "andel utan antal",
                        f"ange både antal och andel, eller {measure}: null om källan skriver \"-\" "
                        "(ej tillfrågat)")
            return True
        if "antal" in has and "andel" not in has:
            self.report(node, path, "antal utan andel",
                        f"ange både antal och andel, eller {measure}: null om källan skriver \"-\" "
                        "(ej tillfrågat)")
            return True
        return False

    def value(self, node: Node, tp: Any, path: str, required: bool = True,
              pattern: str | None = None) -> Any:
        self.index.positions[(self.file, path)] = _pos(node)
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            if is_optional(tp):
                return None
            self.report(node, path, "saknar värde", f"ska vara {_expected(tp)}")
            return _INVALID
        if not node.tag.startswith("tag:yaml.org,2002:") or node.tag not in _TYPE_NAMES:
            self.report(node, path, f"YAML-taggen {_short_tag(node.tag)} används inte",
                        "skriv värdet utan tagg")
            return _INVALID
        tp = strip_optional(tp)
        if is_tuple(tp):
            if not isinstance(node, SequenceNode):
                self.wrong_type(node, path, "en lista")
                return _INVALID
            items = [self.value(n, item_type(tp), f"{path}[{i}]", True, pattern)
                     for i, n in enumerate(node.value)]
            return _INVALID if _INVALID in items else tuple(items)
        if dataclasses.is_dataclass(tp):
            return self.record(node, tp, path)
        if tp is str:
            if node.tag != _STR:
                self.wrong_type(node, path, "text")
                return _INVALID
            if len(node.value) > MAX_TEXT:
                self.report(node, path, f"texten är för lång ({len(node.value):,} tecken)".replace(",", " "),
                            f"högst {MAX_TEXT:,} tecken".replace(",", " "))
                return _INVALID
            if not node.value.strip():
                self.report(node, path, "tom text", "skriv en text" if required
                            else "skriv en text eller ta bort raden")
                return _INVALID
            if pattern == ID_PATTERN and not re.fullmatch(ID_PATTERN, node.value):
                self.report(node, path, f'"{node.value}" är inget giltigt id',
                            "använd små bokstäver a–z, siffror och bindestreck"
                            + ("; döp om filen" if path == "id" else ""))
                return _INVALID
            return node.value
        if tp is int:
            if node.tag != _INT:
                self.wrong_type(node, path, "ett heltal")
                return _INVALID
            return int(node.value)
        raise TypeError(f"unsupported field type {tp!r}")  # a model change the loader lacks

    def wrong_type(self, node: Node, path: str, expected: str) -> None:
        got = _TYPE_NAMES.get(node.tag, "något annat")
        hint = f"ska vara {expected}"
        if expected == "text" and node.tag in (_INT, _FLOAT, _BOOL):
            hint += f' – skriv "{node.value}" inom citattecken'
        elif expected == "ett heltal" and node.tag == _STR and re.fullmatch(r"\s*\d+\s*%", node.value):
            hint += f" utan %-tecken – skriv {node.value.strip(' %')}"
        self.report(node, path, f"fel typ: {got}", hint)


def _expected(tp: Any) -> str:
    tp = strip_optional(tp)
    if is_tuple(tp):
        return "en lista"
    if dataclasses.is_dataclass(tp):
        return "en mappning (nyckel: värde)"
    return {str: "text", int: "ett heltal"}[tp]


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _content_dir(root: Path) -> tuple[Path, Path]:
    """(content dir, base that problem paths are relative to). `root` is the repository
    (holding content/) or the content directory itself."""
    if root.name == "content" and not (root / "content").is_dir():
        return root, root.parent
    return root / "content", root


def _rel(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()


def read_file(path: Path, rel: str, cls: type, index: SourceIndex) -> tuple[Any, list[Problem]]:
    """One record file → (record or None, its problems). Never raises on bad content."""
    def fail(line: int, column: int, message: str, hint: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(rel, line, column, "", message, hint)]

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
        line, column = _pos(mark) if mark else (1, 1)
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
    if node is None:
        return fail(1, 1, "filen är tom", f"den ska innehålla {RECORD_NAMES[cls]}")
    other = _looks_like_other(node, cls) if isinstance(node, MappingNode) else None
    if other is not None:
        return fail(1, 1, f"filen ligger i fel mapp: den ser ut som {RECORD_NAMES[other]}",
                    f"flytta den till {_home(other)}")
    problems: list[Problem] = []
    expected_line = schema_line(cls)
    if text.splitlines()[0].strip() != expected_line:
        problems.append(Problem(rel, 1, 1, "", "första raden ska vara schemaraden",
                                f"skriv: {expected_line}"))
    reader = _FileReader(rel, index)
    extra = {"kind": path.parent.name} if cls is model.LocalList else {}
    record = reader.record(node, cls, "", **extra)
    problems.extend(reader.problems)
    return (None if record is _INVALID else record), problems


def _home(cls: type) -> str:
    if cls is model.IubExplainer:
        return "content/iub/om-iub.yml"
    folders = [f"content/{f}/" for f, c in FOLDERS.items() if c is cls]
    return " eller ".join(folders)


def _looks_like_other(node: MappingNode, cls: type) -> type | None:
    """The record type whose keys fit this file exactly, when the folder's type doesn't."""
    keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)}
    own = {f.name for f in yaml_fields(cls)}
    if keys <= own:
        return None
    for other in (model.Insats, model.Omrade, model.Work, model.LocalList, model.IubExplainer):
        fields = yaml_fields(other)
        if other is not cls and keys <= {f.name for f in fields} \
                and {f.name for f in fields if f.required} <= keys:
            return other
    return None


def load_content(root: Path) -> tuple[model.Content, list[Problem]]:
    """Load every record under content/ and validate the whole; problems sorted by place.

    Records with problems are left out of the returned Content (their ids are still known
    to validation, so they cause no follow-on "unknown id" problems).
    """
    from generator.validate import validate  # validate imports the model only

    content_dir, base = _content_dir(root)
    index = SourceIndex()
    problems: list[Problem] = []
    records: dict[type, list[Any]] = {c: [] for c in (*FOLDERS.values(), model.IubExplainer)}
    if not content_dir.is_dir():
        problems.append(Problem(_rel(content_dir, base), 1, 1, "", "mappen finns inte",
                                "kör kommandot i projektets rotmapp"))
        return model.Content((), (), (), (), None), problems
    for path in sorted(content_dir.rglob("*")):
        if not path.is_file() or any(p.startswith(".") for p in path.relative_to(content_dir).parts):
            continue
        rel = _rel(path, base)
        parts = path.relative_to(content_dir).parts
        if path.suffix in (".yaml", ".YML", ".Yml") or (path.suffix == ".yml" and path.stem != path.stem.strip()):
            problems.append(Problem(rel, 1, 1, "", "fel filändelse",
                                    f"döp om filen till {path.stem.strip()}.yml"))
            continue
        if path.suffix != ".yml":
            continue
        cls = record_class(parts[0], parts[1]) if len(parts) == 2 else None
        if cls is None:
            problems.append(Problem(rel, 1, 1, "", "filen ligger i fel mapp",
                                    "YAML-filer hör hemma i content/insatser/, content/omraden/, "
                                    "content/kallor/, content/iub/ eller content/skolgang/"))
            continue
        record, found = read_file(path, rel, cls, index)
        problems.extend(found)
        if record is None:
            index.broken.setdefault(parts[0] if cls is not model.IubExplainer else "om-iub",
                                    set()).add(path.stem)
        else:
            records[cls].append(record)
    explainers = records[model.IubExplainer]
    content = model.Content(
        insatser=tuple(records[model.Insats]),
        omraden=tuple(records[model.Omrade]),
        works=tuple(records[model.Work]),
        lists=tuple(records[model.LocalList]),
        iub=explainers[0] if explainers else None,
    )
    problems.extend(validate(content, index))
    log.debug("loaded %d insatser, %d problems", len(content.insatser), len(problems))
    return content, sorted(set(problems))
