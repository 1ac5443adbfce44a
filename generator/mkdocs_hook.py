"""MkDocs hook – a thin layer so plain `mkdocs build` / `mkdocs serve` generate the pages:
regenerate build/docs/ before each build, watch content/, and point edit links at the YAML.

The generated Markdown stays on disk, so a builder that ignores hooks can still use it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort

from generator import build

log = logging.getLogger("mkdocs.hooks.insatshandboken")
EDIT_PATH = "edit/main"  # GitHub's editor on the default branch


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    # On GitHub Actions the repository is known even though mkdocs.yml names none: edit
    # links go to it, and the site gets its GitHub Pages address (canonical links, sitemap,
    # instant navigation) unless mkdocs.yml sets site_url.
    repo = os.environ.get("GITHUB_REPOSITORY", "")
    if not config.repo_url and repo:
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        config.repo_url = f"{server}/{repo}/"
    if not config.site_url and repo.count("/") == 1 and os.environ.get("GITHUB_ACTIONS"):
        owner, name = repo.split("/")
        config.site_url = (f"https://{owner.lower()}.github.io/" if name.lower() ==
                           f"{owner.lower()}.github.io" else f"https://{owner.lower()}.github.io/{name}/")
    return config


def on_pre_build(config) -> None:
    root = _root(config)
    if build.pregenerated(root):
        return
    try:
        pages, _, stats = build.generate(root, log_problems=False)  # logged below, counted
    except build.ContentProblems as err:
        for p in err.problems:
            log.error("%s", p)
        raise Abort(f"{len(err.problems)} problem i content/ – kör `make validate`") from None
    log.info("genererade %d sidor (%d ändrade)", pages, stats.written)


def on_post_build(config) -> None:
    # Unaccented, inflected and abbreviated queries (see generator/search_index.py).
    from generator.search_index import improve_search_index

    improve_search_index(Path(config.site_dir), build.last_keywords())


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "content"))
    # build/docs is written by on_pre_build itself: watching it made every save build twice.
    server.unwatch(config.docs_dir)
    return server


def on_page_markdown(markdown, page, config, files):
    """The edit link opens the YAML file the page is made from; pages made from no single
    file get none (their Markdown is generated and must not be edited)."""
    source = page.meta.get("kallfil")
    if source and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/{EDIT_PATH}/{source}"
    else:
        page.edit_url = None
    return markdown
