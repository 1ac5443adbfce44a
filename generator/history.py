"""When each content file last changed, from the git history: one `git log` for all files.

Deterministic for a given commit: the committer date of the last commit that touched the
file. No date is ever guessed – a file outside git, not yet committed, or older than a
shallow clone's cut-off has none (a file's mtime changes with every checkout, so it is
never used), and pages then say the date is unknown.
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

_COMMIT = "\x01"  # starts each commit's header line in the log output
_GRAFTED = re.compile(r"\bgrafted\b")  # a shallow clone's cut-off commit


@dataclass(frozen=True)
class History:
    """Repository-relative content path → date of its last change ("2026-11-30")."""

    dates: Mapping[str, str] = field(default_factory=dict)

    def of(self, path: str) -> str | None:
        return self.dates.get(path)

    def newest(self) -> str | None:
        """The last change of any content file: the date of a page made from all of them."""
        return max(self.dates.values(), default=None)


def parse_log(text: str) -> dict[str, str]:
    """`git log --format=<_COMMIT>%cs<TAB>%d --name-only` → path → date of its newest commit.
    Files whose newest commit is a shallow clone's cut-off get no date: the cut-off commit
    seems to add every file, so its date says nothing about when a file changed."""
    dates: dict[str, str] = {}
    seen: set[str] = set()
    date, grafted = "", False
    for line in text.splitlines():
        if line.startswith(_COMMIT):
            stamp, _, decoration = line[1:].partition("\t")
            date, grafted = stamp.strip(), bool(_GRAFTED.search(decoration))
        elif line and line not in seen:  # log is newest first: the first mention wins
            seen.add(line)
            if not grafted and re.fullmatch(r"\d{4}-\d\d-\d\d", date):
                dates[line] = date
    return dates


def content_history(root: Path) -> History:
    """Dates of every file under root/content/, from one git call; empty outside git."""
    try:
        result = subprocess.run(
            [
                "git",
                "-c",
                "core.quotePath=false",
                "-C",
                str(root),
                "log",
                "--relative",
                f"--format={_COMMIT}%cs%x09%d",
                "--name-only",
                "--no-renames",
                "--",
                "content",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as err:
        log.info("ingen versionshistorik (%s): sidorna visas utan ändringsdatum", err)
        return History()
    if result.returncode != 0:
        log.info("ingen versionshistorik för %s: sidorna visas utan ändringsdatum", root)
        return History()
    return History(parse_log(result.stdout))
