"""Write stage – the only module that writes generated files: {relative path: text} into
build/docs/, rewriting only files whose bytes changed and removing files no longer made
(so `mkdocs serve` rebuilds only what changed and stale pages never linger)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def _target(out_dir: Path, rel: str) -> Path:
    path = (out_dir / rel).resolve()
    if out_dir.resolve() not in path.parents:  # a path from content must never escape
        raise ValueError(f"generated path outside {out_dir}: {rel!r}")
    return path


def write_tree(files: dict[str, str | bytes], out_dir: Path) -> WriteStats:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = unchanged = 0
    wanted: set[Path] = set()
    for rel in sorted(files):
        path = _target(out_dir, rel)
        wanted.add(path)
        text = files[rel]
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # a reader (mkdocs serve) never sees a half-written page
        written += 1
    removed = 0
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.name.startswith("."):  # .gitkeep: keeps docs_dir in a fresh clone
            continue
        if path.is_file() and path.resolve() not in wanted:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    log.info("build/docs: %d skrivna, %d oförändrade, %d borttagna", written, unchanged, removed)
    return WriteStats(written, unchanged, removed)
