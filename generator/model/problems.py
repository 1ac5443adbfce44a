"""Problems found in content/: one line each, `file:line:column: field: what – expected`.

Messages are Swedish because the editors who read them are Swedish.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# What would break the one line a problem is printed on (a key or value from YAML may hold
# a newline): shown as an escape instead.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    return _BREAKS.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. `line`/`column` are 1-based; `field` is the key path
    inside the file ("medlemskap[0].omrade") or "" for the file as a whole."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        """`file:line:column: field: what – hint`, always on one line."""
        where = f"{self.file}:{self.line}:{self.column}:"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return one_line(f"{where} {what} – {self.hint}" if self.hint else f"{where} {what}")


BUG_HINT = (
    "ett fel i generatorn, inte i filen: kör python -m generator validate, och visar "
    "den inget, rapportera felet med filen"
)


class UnexpectedError(Exception):
    """A failure that is no content problem, located at the file being processed (issue
    10: never a bare Python message). str() is the problem's one line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    @classmethod
    def at(cls, record: object, doing: str, err: BaseException) -> UnexpectedError:
        """For `record` (its location, if it has one – or a location itself) while `doing`."""
        loc: Any = getattr(record, "location", record if hasattr(record, "file") else None)
        file, line, column = (loc.file, loc.line, loc.column) if loc else ("content/", 1, 1)
        return cls(
            Problem(
                file,
                line,
                column,
                "",
                f"oväntat fel när {doing} ({type(err).__name__}: {err})",
                BUG_HINT,
            )
        )


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (menade du "x"?)' for the closest candidate, or '' when none is close."""
    close = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return f' (menade du "{close[0]}"?)' if close else ""


@dataclass
class SourcePositions:
    """Where each value of each file was read, so cross-record checks can point at the
    exact line; and which files failed to load, so their ids don't cause follow-on
    "unknown id" problems."""

    positions: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)  # kind → ids of failed files

    def at(self, file: str, path: str) -> tuple[int, int]:
        """Position of `path` in `file`, else of its nearest parent, else (1, 1)."""
        while True:
            if (file, path) in self.positions:
                return self.positions[(file, path)]
            if not path:
                return (1, 1)
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""

    def problem(self, file: str, path: str, message: str, hint: str = "") -> Problem:
        line, column = self.at(file, path)
        return Problem(file, line, column, path, message, hint)
