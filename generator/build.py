"""The whole build, top to bottom: load → validate → link → render → write, then MkDocs
into a fresh folder swapped into site/ (site/publish.py), so a failed or killed build
leaves the previous site in place.

Each stage takes and returns plain data: content/ → Content → problems → CrossRefs →
{path: text} → build/docs/ → site/.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.history import content_history
from generator.model.load import load_records
from generator.model.problems import Problem, UnexpectedError
from generator.model.records import Content
from generator.model.validate import validate
from generator.site import publish
from generator.site.crossrefs import link
from generator.site.render import render_site
from generator.site.write import WriteStats, write_tree

log = logging.getLogger(__name__)

DOCS_DIR = Path("build") / "docs"


class ContentProblems(Exception):
    """content/ has problems: nothing was built. `problems` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem i content/ – inget byggdes")
        self.problems = problems


@dataclass(frozen=True)
class Generated:
    """What `generate` wrote into build/docs/."""

    pages: int  # generated Markdown pages
    files: int  # generated downloads
    written: WriteStats


@dataclass(frozen=True)
class BuildResult:
    pages: int  # generated Markdown pages
    files: int  # generated downloads
    seconds: float
    written: WriteStats


def load_checked(root: Path, log_problems: bool = True) -> Content:
    """Load and validate content/; raise ContentProblems with every problem found."""
    content, problems, positions = load_records(root)
    problems = sorted({*problems, *validate(content, positions)})
    if problems:
        for p in problems if log_problems else ():
            log.error("%s", p)
        raise ContentProblems(problems)
    return content


def read_schemas(root: Path) -> dict[str, str]:
    """schema/*.json, published as downloads."""
    schema_dir = root / "schema"
    if not schema_dir.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(schema_dir.glob("*.json"))}


def generate(root: Path, content: Content | None = None, log_problems: bool = True) -> Generated:
    """content/ (or `content`, already validated) → build/docs/."""
    root = Path(root)
    if content is None:
        content = load_checked(root, log_problems)
    try:
        refs = link(content)
        files = render_site(refs, read_schemas(root), content_history(root))
    except UnexpectedError:
        raise
    except Exception as err:  # a page of no single record: name content/ as a whole
        raise UnexpectedError.at(None, "sidorna gjordes", err) from err
    written = write_tree(files, root / DOCS_DIR)
    pages = sum(1 for p in files if p.endswith(".md"))
    return Generated(pages, len(files) - pages, written)


class DiskFull(OSError):
    """The disk filled up during the build; nothing half-written is left."""

    def __str__(self) -> str:
        return str(self.strerror)


@contextlib.contextmanager
def _disk_full_in_swedish() -> Iterator[None]:
    try:
        yield
    except OSError as err:
        if err.errno != errno.ENOSPC or isinstance(err, DiskFull):
            raise
        where = f" vid {err.filename}" if err.filename else ""
        raise DiskFull(
            errno.ENOSPC,
            f"disken blev full{where} – webbplatsen är oförändrad och "
            "inget halvskrivet ligger kvar; frigör utrymme och bygg igen",
        ) from err


def build_site(
    root: Path | str,
    site_dir: Path | str,
    strict: bool = True,
    content: Content | None = None,
    checkpoint: publish.Checkpoint | None = None,
) -> BuildResult:
    """Build the handbook from root/content (or from `content`) into site_dir.

    The site dir is checked before anything is written (publish.check_site_dir); the build
    holds the checkout's build lock, builds into a folder of its own and swaps it in with
    one rename. `checkpoint(step)` is called between steps (the fault test kills there)."""
    from generator.mkdocs_plugin.run import run_mkdocs  # heavy: imports MkDocs

    start = time.monotonic()
    step = checkpoint or (lambda _: None)
    root = Path(root).resolve()
    publish.check_site_dir(root, site_dir)
    with publish.build_lock(root), _disk_full_in_swedish():
        site = publish.check_site_dir(root, site_dir)  # again: it may have changed meanwhile
        publish.clean_builds(root)
        generated = generate(root, content)
        step("genererat")
        with publish.staged(root, site) as stage:
            run_mkdocs(root, root / DOCS_DIR, stage.site, strict, generated)
            step("mkdocs klart")
        publish.publish(root, stage, step)
    seconds = time.monotonic() - start
    log.info("byggde %d sidor på %.1f s till %s", generated.pages, seconds, site)
    return BuildResult(generated.pages, generated.files, seconds, generated.written)
