"""Run one build as a child process and measure its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes, the child's (and its waited-for children's) maximum resident set
    returncode: int
    output: str  # stdout+stderr tail, for the report when a build fails
    cpu_seconds: float = 0.0  # user + system time of the child: steadier than wall time on
    # a machine other processes load (wall time waits for them, CPU time does not)


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, tail: int = 4000) -> Run:
    """Wall-clock time and peak RSS of one child; os.wait4 gives that child's own rusage."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            cmd,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        output = out.read().decode("utf-8", errors="replace")[-tail:]
    return Run(
        seconds,
        usage.ru_maxrss * 1024,
        child.returncode,
        output,  # Linux: KiB
        usage.ru_utime + usage.ru_stime,
    )
