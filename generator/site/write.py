"""Write stage – the only module that writes generated files: {relative path: text} into
build/docs/, rewriting only files whose bytes changed and removing files no longer made
(so `mkdocs serve` rebuilds only what changed and stale pages never linger)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def _checked(rel: str) -> str:
    """A generated path as given, refused unless it is plain ('a/b.md': no '..', '/x', './',
    '//', backslash) – it must never leave the output directory, and it names one file."""
    parts = PurePosixPath(rel).parts
    if not parts or "/".join(parts) != rel or ".." in parts or "\\" in rel:
        raise ValueError(f"generated path outside the output directory: {rel!r}")
    return rel


def _existing(out_dir: Path) -> tuple[set[str], list[str]]:
    """Files (relative, '/'-separated) and directories below out_dir, in one walk: a cold
    build then tries no read of a file that is not there, and no mkdir of a known directory."""
    files: set[str] = set()
    dirs: list[str] = []
    for dirpath, dirnames, filenames in os.walk(out_dir):
        rel_dir = os.path.relpath(dirpath, out_dir).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        if prefix:
            dirs.append(rel_dir)
        # The generator makes no links: one in its tree would let a write land outside it.
        for name in [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            os.unlink(os.path.join(dirpath, name))
            dirnames.remove(name)
        files.update(prefix + name for name in filenames)
    return files, dirs


def write_tree(files: Mapping[str, str | bytes], out_dir: Path) -> WriteStats:
    if out_dir.is_symlink():
        raise ValueError(
            f"{out_dir} är en symbolisk länk – byggmappen ska vara en vanlig mapp "
            "i projektet (ta bort länken; bygget gör mappen)"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    existing, dirs = _existing(out_dir)
    known_dirs = {"", *dirs}
    written = unchanged = 0
    for rel in sorted(files):
        path = out_dir / _checked(rel)
        text = files[rel]
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if rel in existing:
            if path.read_bytes() == data:
                unchanged += 1
                continue
        else:
            parent = rel.rpartition("/")[0]
            if parent not in known_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                known_dirs.add(parent)
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)  # a reader (mkdocs serve) never sees a half-written page
        except BaseException:  # a full disk, Ctrl-C: no half-written .tmp stays behind
            tmp.unlink(missing_ok=True)
            raise
        written += 1
    removed = 0
    for rel in sorted(existing - files.keys(), reverse=True):
        if not rel.rpartition("/")[2].startswith("."):  # .gitkeep: keeps docs_dir in a fresh clone
            (out_dir / rel).unlink()
            removed += 1
    for rel in sorted(dirs, reverse=True):  # deepest first: a parent may empty in turn
        path = out_dir / rel
        if not path.name.startswith(".") and not any(path.iterdir()):
            path.rmdir()
    log.info("build/docs: %d skrivna, %d oförändrade, %d borttagna", written, unchanged, removed)
    return WriteStats(written, unchanged, removed)
