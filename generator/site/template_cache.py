"""Compiled Jinja templates kept between builds, in the checkout's git-ignored .cache/.

Compiling the templates – the handbook's own (once per process) and the theme's, which
MkDocs loads anew for every build, each `mkdocs serve` rebuild included – cost about a
tenth of a build. Jinja keys each cached template by its name and file and checks the
checksum of its source, so an edited template is compiled anew; it writes each file
under a temporary name and renames it, so concurrent builds never read half a file.
Where the folder cannot be made or written (a read-only checkout, an installed package),
there is no cache and the build compiles the templates as before.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

FOLDER = Path(".cache") / "jinja"


def bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """A cache in root/.cache/jinja, or None where it cannot be written."""
    folder = root / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def checkout_root() -> Path | None:
    """The checkout this package runs from (editable install, `make`), else None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "content").is_dir() else None
