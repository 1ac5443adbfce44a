"""The whole build, top to bottom: load → validate → link → render → write, then MkDocs
into a fresh folder swapped into site/, so a failed build leaves the previous site in place.

Each stage takes and returns plain data: content/ → Content → problems → CrossRefs →
{path: text} → build/docs/ → site/.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.model.load import load_records
from generator.model.problems import Problem
from generator.model.records import Content
from generator.model.validate import validate
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


def generate(root: Path, content: Content | None = None,
             log_problems: bool = True) -> Generated:
    """content/ (or `content`, already validated) → build/docs/."""
    root = Path(root)
    if content is None:
        content = load_checked(root, log_problems)
    refs = link(content)
    files = render_site(refs, read_schemas(root))
    written = write_tree(files, root / DOCS_DIR)
    pages = sum(1 for p in files if p.endswith(".md"))
    return Generated(pages, len(files) - pages, written)


def build_site(root: Path | str, site_dir: Path | str, strict: bool = True,
               content: Content | None = None) -> BuildResult:
    """Build the handbook from root/content (or from `content`) into site_dir."""
    from generator.mkdocs_plugin.run import run_mkdocs  # heavy: imports MkDocs

    start = time.monotonic()
    root = Path(root).resolve()
    site_dir = Path(site_dir)
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    generated = generate(root, content)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        run_mkdocs(root, root / DOCS_DIR, tmp, strict, generated)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    seconds = time.monotonic() - start
    log.info("byggde %d sidor på %.1f s till %s", generated.pages, seconds, site_dir)
    return BuildResult(generated.pages, generated.files, seconds, generated.written)
