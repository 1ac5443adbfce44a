"""content/ → typed immutable records, with every problem of every file reported at once.

Walks content/, reads each file's node graph (yaml_reader) and converts it by hand into
the record its folder holds, checking keys, types and overlong strings. Cross-record
checks are the next stage (validate.py).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.model import records
from generator.model.fields import FIELDS, ID_PATTERN, MAX_TEXT
from generator.model.problems import Problem, SourcePositions, UnexpectedError, did_you_mean
from generator.model.shape import (
    FOLDERS,
    RECORD_NAMES,
    ROOT_FILES,
    is_optional,
    is_tuple,
    item_type,
    record_class,
    schema_line,
    strip_optional,
    yaml_fields,
)
from generator.model.yaml_reader import (
    BOOL,
    FLOAT,
    INT,
    NOT_REGULAR_HINT,
    NULL,
    STR,
    TYPE_NAMES,
    not_regular,
    position,
    read_yaml,
    symlink_problem,
    unreadable_problem,
)

log = logging.getLogger(__name__)

_INVALID = object()


@functools.cache
def _has_location(cls: type) -> bool:
    return "location" in {f.name for f in dataclasses.fields(cls)}


class _FileReader:
    """Converts one file's node graph into a record, collecting problems as it goes."""

    def __init__(self, file: str, index: SourcePositions) -> None:
        self.file = file
        self.index = index
        self.problems: list[Problem] = []

    def report(self, where: Any, path: str, message: str, hint: str = "") -> None:
        line, column = position(where) if not isinstance(where, tuple) else where
        self.problems.append(Problem(self.file, line, column, path, message, hint))

    def record(self, node: Node, cls: type, path: str = "", **extra: Any) -> Any:
        if not isinstance(node, MappingNode):
            self.wrong_type(node, path, "en mappning (nyckel: värde)")
            return _INVALID
        self.index.positions[(self.file, path)] = position(node)
        fields = {f.name: f for f in yaml_fields(cls)}
        given: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.tag == STR):
                self.report(key, path, "nyckeln ska vara text", "skriv nyckel: värde")
                continue
            where = f"{path}.{key.value}" if path else key.value
            if key.value in given:
                first = position(given[key.value][0])[0]
                self.report(
                    key,
                    where,
                    "nyckeln förekommer två gånger",
                    f"första gången på rad {first}; ta bort en av dem",
                )
                continue
            given[key.value] = (key, value)
            if key.value not in fields:
                allowed = ", ".join(fields)
                self.report(
                    key,
                    where,
                    "okänd nyckel",
                    f"tillåtna nycklar här: {allowed}{did_you_mean(key.value, fields)}",
                )
        if cls is records.Figure and self.figure_half_given(node, path, given):
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
            values["location"] = records.Location(self.file, *position(node))
        return cls(**values)

    def figure_half_given(self, node: Node, path: str, given: dict) -> bool:
        """`andel` without `antal` (or the reverse) means a share where the source printed
        `-` ("not asked"), or a lost count: both must be given, or the figure is null."""
        has = {
            k for k, (_, v) in given.items() if not (isinstance(v, ScalarNode) and v.tag == NULL)
        }
        measure = path.rsplit(".", 1)[-1]
        if "andel" in has and "antal" not in has:
            self.report(
                node,
                path,
                "andel utan antal",
                f'ange både antal och andel, eller {measure}: null om källan skriver "-" '
                "(ej tillfrågat)",
            )
            return True
        if "antal" in has and "andel" not in has:
            self.report(
                node,
                path,
                "antal utan andel",
                f'ange både antal och andel, eller {measure}: null om källan skriver "-" '
                "(ej tillfrågat)",
            )
            return True
        return False

    def value(
        self, node: Node, tp: Any, path: str, required: bool = True, pattern: str | None = None
    ) -> Any:
        self.index.positions[(self.file, path)] = position(node)
        if isinstance(node, ScalarNode) and node.tag == NULL:
            if is_optional(tp):
                return None
            self.report(node, path, "saknar värde", f"ska vara {_expected(tp)}")
            return _INVALID
        if not node.tag.startswith("tag:yaml.org,2002:") or node.tag not in TYPE_NAMES:
            self.report(
                node,
                path,
                f"YAML-taggen {_short_tag(node.tag)} används inte",
                "skriv värdet utan tagg",
            )
            return _INVALID
        tp = strip_optional(tp)
        if is_tuple(tp):
            if not isinstance(node, SequenceNode):
                self.wrong_type(node, path, "en lista")
                return _INVALID
            items = [
                self.value(n, item_type(tp), f"{path}[{i}]", True, pattern)
                for i, n in enumerate(node.value)
            ]
            return _INVALID if _INVALID in items else tuple(items)
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self.record(node, tp, path)
        if tp is str:
            if node.tag != STR:
                self.wrong_type(node, path, "text")
                return _INVALID
            if len(node.value) > MAX_TEXT:
                self.report(
                    node,
                    path,
                    f"texten är för lång ({len(node.value):,} tecken)".replace(",", " "),
                    f"högst {MAX_TEXT:,} tecken".replace(",", " "),
                )
                return _INVALID
            if not node.value.strip():
                self.report(
                    node,
                    path,
                    "tom text",
                    "skriv en text" if required else "skriv en text eller ta bort raden",
                )
                return _INVALID
            if pattern == ID_PATTERN and not re.fullmatch(ID_PATTERN, node.value):
                self.report(
                    node,
                    path,
                    f'"{node.value}" är inget giltigt id',
                    "använd små bokstäver a–z, siffror och bindestreck"
                    + ("; döp om filen" if path == "id" else ""),
                )
                return _INVALID
            return node.value
        if tp is int:
            if node.tag != INT:
                self.wrong_type(node, path, "ett heltal")
                return _INVALID
            return int(node.value)
        raise TypeError(f"unsupported field type {tp!r}")  # a model change the loader lacks

    def wrong_type(self, node: Node, path: str, expected: str) -> None:
        got = TYPE_NAMES.get(node.tag, "något annat")
        hint = f"ska vara {expected}"
        if expected == "text" and node.tag in (INT, FLOAT, BOOL):
            hint += f' – skriv "{node.value}" inom citattecken'
        elif (
            expected == "ett heltal" and node.tag == STR and re.fullmatch(r"\s*\d+\s*%", node.value)
        ):
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


def read_file(path: Path, rel: str, cls: type, index: SourcePositions) -> tuple[Any, list[Problem]]:
    """One record file → (record or None, its problems). Never raises on bad content."""

    def fail(line: int, column: int, message: str, hint: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(rel, line, column, "", message, hint)]

    read = read_yaml(path)
    if isinstance(read, Problem):
        return None, [dataclasses.replace(read, file=rel)]
    text, node = read
    if node is None:
        return fail(1, 1, "filen är tom", f"den ska innehålla {RECORD_NAMES[cls]}")
    other = _looks_like_other(node, cls) if isinstance(node, MappingNode) else None
    if other is not None:
        return fail(
            1,
            1,
            f"filen ligger i fel mapp: den ser ut som {RECORD_NAMES[other]}",
            f"flytta den till {_home(other)}",
        )
    problems: list[Problem] = []
    expected_line = schema_line(cls)
    if text.splitlines()[0].strip() != expected_line:
        problems.append(
            Problem(rel, 1, 1, "", "första raden ska vara schemaraden", f"skriv: {expected_line}")
        )
    reader = _FileReader(rel, index)
    extra = {"kind": path.parent.name} if cls is records.LocalList else {}
    record = reader.record(node, cls, "", **extra)
    problems.extend(reader.problems)
    return (None if record is _INVALID else record), problems


def _home(cls: type) -> str:
    if cls is records.IubExplainer:
        return "content/iub/om-iub.yml"
    if cls is records.EverydayWords:
        return "content/sokord.yml"
    if cls is records.ContactBook:
        return "content/kontakter.yml"
    folders = [f"content/{f}/" for f, c in FOLDERS.items() if c is cls]
    return " eller ".join(folders)


def _looks_like_other(node: MappingNode, cls: type) -> type | None:
    """The record type whose keys fit this file exactly, when the folder's type doesn't."""
    keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)}
    own = {f.name for f in yaml_fields(cls)}
    if keys <= own:
        return None
    for other in (
        records.Insats,
        records.Omrade,
        records.Work,
        records.LocalList,
        records.IubExplainer,
        records.Situation,
    ):
        fields = yaml_fields(other)
        if (
            other is not cls
            and keys <= {f.name for f in fields}
            and {f.name for f in fields if f.required} <= keys
        ):
            return other
    return None


def _walk(content_dir: Path) -> tuple[list[Path], list[tuple[Path, Problem]]]:
    """Regular files below content_dir (sorted), and a problem for everything else that is
    there: symbolic links (to files, folders, nowhere, themselves), FIFOs, devices,
    sockets, unreadable folders – never followed, never skipped. Names starting with "."
    (.gitkeep, editor backups) are not content and are passed over."""
    files: list[Path] = []
    strange: list[tuple[Path, Problem]] = []
    folders = [content_dir]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            strange.append((folder, unreadable_problem(err)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    strange.append((path, symlink_problem(path)))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                elif entry.is_file(follow_symlinks=False):
                    files.append(path)
                else:
                    mode = entry.stat(follow_symlinks=False).st_mode
                    strange.append(
                        (
                            path,
                            Problem(
                                "",
                                1,
                                1,
                                "",
                                f"{not_regular(mode)}, ingen vanlig fil",
                                NOT_REGULAR_HINT,
                            ),
                        )
                    )
            except OSError as err:
                strange.append((path, unreadable_problem(err)))
    return sorted(files), strange


def load_records(root: Path) -> tuple[records.Content, list[Problem], SourcePositions]:
    """Load every record under content/: (content, problems of single files, positions).

    Records with problems are left out of the returned Content; their ids are still
    noted in the positions, so validation reports no follow-on "unknown id" problems.
    """
    content_dir, base = _content_dir(root)
    index = SourcePositions()
    problems: list[Problem] = []
    by_class: dict[type, list[Any]] = {
        c: [] for c in (*FOLDERS.values(), records.IubExplainer, *ROOT_FILES.values())
    }
    if not content_dir.is_dir():
        problems.append(
            Problem(
                _rel(content_dir, base),
                1,
                1,
                "",
                "mappen finns inte",
                "kör kommandot i projektets rotmapp",
            )
        )
        return records.Content((), (), (), (), None), problems, index
    if content_dir.is_symlink():
        problems.append(
            Problem(
                _rel(content_dir, base),
                1,
                1,
                "",
                symlink_problem(content_dir).message,
                "content/ ska vara en vanlig mapp i projektet",
            )
        )
        return records.Content((), (), (), (), None), problems, index
    files, strange = _walk(content_dir)
    problems.extend(dataclasses.replace(p, file=_rel(path, base)) for path, p in strange)
    for path in files:
        rel = _rel(path, base)
        parts = path.relative_to(content_dir).parts
        if path.suffix in (".yaml", ".YML", ".Yml") or (
            path.suffix == ".yml" and path.stem != path.stem.strip()
        ):
            problems.append(
                Problem(
                    rel, 1, 1, "", "fel filändelse", f"döp om filen till {path.stem.strip()}.yml"
                )
            )
            continue
        if path.suffix != ".yml":
            continue
        cls = record_class(*parts) if len(parts) in (1, 2) else None
        if cls is None:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "",
                    "filen ligger i fel mapp",
                    "YAML-filer hör hemma i content/insatser/, content/omraden/, "
                    "content/kallor/, content/iub/, content/skolgang/ eller "
                    "content/livssituationer/ (eller är content/sokord.yml "
                    "eller content/kontakter.yml)",
                )
            )
            continue
        try:
            record, found = read_file(path, rel, cls, index)
        except Exception as err:  # a gap in the loader, not the editor's fault: say where
            record, found = (
                None,
                [UnexpectedError.at(records.Location(rel, 1, 1), "filen lästes", err).problem],
            )
        problems.extend(found)
        if record is None:
            index.broken.setdefault(
                parts[0] if cls is not records.IubExplainer else "om-iub", set()
            ).add(path.stem)
        else:
            by_class[cls].append(record)
    explainers = by_class[records.IubExplainer]
    content = records.Content(
        insatser=tuple(by_class[records.Insats]),
        omraden=tuple(by_class[records.Omrade]),
        works=tuple(by_class[records.Work]),
        lists=tuple(by_class[records.LocalList]),
        iub=explainers[0] if explainers else None,
        sokord=next(iter(by_class[records.EverydayWords]), None),
        situationer=tuple(sorted(by_class[records.Situation], key=lambda x: (x.ordning, x.id))),
        kontakter=next(iter(by_class[records.ContactBook]), None),
    )
    log.debug("loaded %d insatser, %d problems", len(content.insatser), len(problems))
    return content, problems, index
