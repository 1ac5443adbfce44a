"""The built site the link checker and the browser suite read: built once per test run.

`INSATSHANDBOKEN_SITE=/path/to/site` uses an already built site instead (fast local runs).
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def in_ci() -> bool:
    """CI sets CI=true (or 1); there a missing tool must fail a test, not skip it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@lru_cache(maxsize=1)
def built_site() -> Path:
    """Build the handbook with the README's command once per test run; return site/."""
    given = os.environ.get("INSATSHANDBOKEN_SITE")
    if given:
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            raise RuntimeError(f"INSATSHANDBOKEN_SITE={given} has no index.html")
        return site
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"`python -m generator build` failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        raise RuntimeError("the build finished but site/index.html is missing")
    return site


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the site, sorted (404.html included: it is served too)."""
    return sorted(site.rglob("*.html"))


def page_url_path(site: Path, page: Path) -> str:
    """site/insatser/x/index.html → '/insatser/x/' (the path a browser asks for)."""
    rel = page.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel
