"""The whole build: load → validate → link → render → write → `mkdocs build --strict`,
swapped atomically into site/ so a failed build leaves the previous site in place."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.link import link
from generator.model import Content
from generator.problems import Problem
from generator.render import render_site
from generator.write import WriteStats, write_tree

log = logging.getLogger(__name__)

DOCS_DIR = Path("build") / "docs"

# Set while build_site runs MkDocs in this process, so the hook does not generate twice.
_pregenerated: Path | None = None
# Search keywords of the last generated content: page location → terms (see search_keywords).
_keywords: dict[str, tuple[str, ...]] = {}


class ContentProblems(Exception):
    """content/ has problems: nothing was built. `problems` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem i content/ – inget byggdes")
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    pages: int  # generated Markdown pages
    files: int  # generated downloads
    seconds: float
    written: WriteStats


def load_checked(root: Path, log_problems: bool = True) -> Content:
    from generator.load import load_content

    content, problems = load_content(root)
    if problems:
        for p in problems if log_problems else ():
            log.error("%s", p)
        raise ContentProblems(list(problems))
    return content


def read_schemas(root: Path) -> dict[str, str]:
    schema_dir = root / "schema"
    if not schema_dir.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(schema_dir.glob("*.json"))}


def search_keywords(content: Content) -> dict[str, tuple[str, ...]]:
    """Terms each insats page must be found by though it may not print them as words:
    abbreviation, other spellings and the names the sources use."""
    out = {}
    for ins in content.insatser:
        terms = {*(ins.alias), *(m.namn_i_kalla for m in ins.medlemskap)}
        terms |= {m.statistik.namn_i_tabell for m in ins.medlemskap if m.statistik}
        if ins.forkortning:
            terms.add(ins.forkortning)
        terms.discard("")
        terms.discard(ins.namn)
        if terms:
            out[f"insatser/{ins.id}/"] = tuple(sorted(terms))
    return out


def last_keywords() -> dict[str, tuple[str, ...]]:
    return dict(_keywords)


def generate(root: Path, content: Content | None = None,
             log_problems: bool = True) -> tuple[int, int, WriteStats]:
    """Load (unless `content` is given), link, render and write build/docs/.
    Returns (pages, other files, write stats)."""
    global _keywords
    root = Path(root)
    if content is None:
        content = load_checked(root, log_problems)
    _keywords = search_keywords(content)
    files = render_site(link(content), read_schemas(root))
    stats = write_tree(files, root / DOCS_DIR)
    pages = sum(1 for p in files if p.endswith(".md"))
    return pages, len(files) - pages, stats


def build_site(root: Path | str, site_dir: Path | str, strict: bool = True,
               content: Content | None = None) -> BuildResult:
    """Build the handbook from root/content (or from `content`) into site_dir."""
    global _pregenerated
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.monotonic()
    root = Path(root).resolve()
    site_dir = Path(site_dir)
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    pages, other, stats = generate(root, content)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    _pregenerated = root
    try:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp), strict=strict)
        config["docs_dir"] = str(root / DOCS_DIR)
        build(config)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _pregenerated = None
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    seconds = time.monotonic() - start
    log.info("byggde %d sidor på %.1f s till %s", pages, seconds, site_dir)
    return BuildResult(pages, other, seconds, stats)


def pregenerated(root: Path) -> bool:
    """True when build_site already generated build/docs for this root in this process."""
    return _pregenerated is not None and _pregenerated == Path(root).resolve()
