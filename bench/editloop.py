"""The editors' loop: save one insats YAML file, wait until `mkdocs serve` serves the change."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.synthetic import _header


@dataclass(frozen=True)
class EditLoop:
    url: str
    startup: float  # seconds from starting `mkdocs serve` to the page being served
    times: tuple[float, ...]  # seconds from save to the changed page being served, per rep
    error: str = ""
    log_tail: str = field(default="", repr=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(url: str, needle: str, timeout: float, server: subprocess.Popen) -> float | None:
    """Poll every 20 ms; the time.perf_counter() when the page first contains needle."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return time.perf_counter()
        if server.poll() is not None:
            return None
        time.sleep(0.02)
    return None


def edit_name(path: Path, marker: str) -> None:
    """Rewrite the record with `marker` appended to its name (what an editor's save does)."""
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    base = record["namn"].split(" bench")[0]
    record["namn"] = f"{base} {marker}"
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(_header(text) + body, encoding="utf-8")


def measure(root: Path, record: Path, url_path: str, reps: int, timeout: float = 120) -> EditLoop:
    """Serve `root` (a copy of the project) and time `reps` edits of `record`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{url_path}"
    edit_name(record, "bench0start")  # normalise the file's layout before the server starts
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        times: list[float] = []
        error = ""
        try:
            ready = _wait_for(url, "bench0start", timeout, server)
            if ready is None:
                error = f"the page {url_path} was never served"
            startup = (ready or time.perf_counter()) - start
            for rep in range(1, reps + 1 if not error else 1):
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                marker = f"bench{rep}edit"
                saved = time.perf_counter()
                edit_name(record, marker)
                served = _wait_for(url, marker, timeout, server)
                if served is None:
                    error = f"edit {rep} not served within {timeout:.0f} s"
                    break
                times.append(served - saved)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.seek(0)
            tail = log.read().decode("utf-8", errors="replace")[-3000:]
    return EditLoop(url_path, startup, tuple(times), error, tail)
