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
    builds: int = 0  # "Building documentation" in the server log: 1 + reps if no echo builds


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
    """Poll every 100 ms (more often would compete with the build for the server's GIL);
    the time.perf_counter() when the page first contains needle."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return time.perf_counter()
        if server.poll() is not None:
            return None
        time.sleep(0.1)
    return None


def _log_text(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", errors="replace")


def wait_idle(log, server: subprocess.Popen, quiet: float = 1.5, timeout: float = 120) -> float:
    """Wait until the server has finished every rebuild (its last log line says it served or
    reloaded) and its log stayed unchanged for `quiet` s; returns the seconds waited."""
    start = time.perf_counter()
    size, since = -1, time.perf_counter()
    while time.perf_counter() - start < timeout and server.poll() is None:
        text = _log_text(log)
        if len(text) != size:
            size, since = len(text), time.perf_counter()
        lines = [line for line in text.splitlines() if line.strip()]
        done = bool(lines) and ("Reloading browsers" in lines[-1] or "Serving on" in lines[-1])
        if done and time.perf_counter() - since >= quiet:
            break
        time.sleep(0.1)
    return time.perf_counter() - start


def edit_text(path: Path, marker: str) -> None:
    """Rewrite the record with `marker` at the end of its first explanation (its name if it
    has none): the commonest edit, and what an editor's save does to the file."""
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    explained = [m for m in record.get("medlemskap") or [] if m.get("forklaring")]
    holder, key = (explained[0], "forklaring") if explained else (record, "namn")
    holder[key] = f"{holder[key].split(' bench')[0]} {marker}"
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(_header(text) + body, encoding="utf-8")


def measure(
    root: Path,
    record: Path,
    url_path: str,
    reps: int,
    timeout: float = 120,
    serve_args: tuple[str, ...] = (),
) -> EditLoop:
    """Serve `root` (a copy of the project) and time `reps` edits of `record`, each saved
    while the server is idle (so a rebuild still running from the previous edit is not
    counted; `echo_builds` in the log tail shows whether one save caused several builds)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{url_path}"
    edit_text(record, "bench0start")  # normalise the file's layout before the server starts
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *serve_args],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        times: list[float] = []
        error = ""
        try:
            ready = _wait_for(url, "bench0start", timeout, server)
            if ready is None:
                error = f"the page {url_path} was never served"
            startup = (ready or time.perf_counter()) - start
            for rep in range(1, reps + 1 if not error else 1):
                wait_idle(log, server)
                marker = f"bench{rep}edit"
                saved = time.perf_counter()
                edit_text(record, marker)
                served = _wait_for(url, marker, timeout, server)
                if served is None:
                    error = f"edit {rep} not served within {timeout:.0f} s"
                    break
                times.append(served - saved)
            wait_idle(log, server, timeout=60)  # so the log counts any rebuild a save echoes
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            text = _log_text(log)
    builds = text.count("Building documentation")
    return EditLoop(url_path, startup, tuple(times), error, text[-3000:], builds)
