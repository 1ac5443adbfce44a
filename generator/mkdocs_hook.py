"""MkDocs hook – a thin layer so plain `mkdocs build` / `mkdocs serve` generate the pages:
regenerate build/docs/ before each build, watch content/, and point edit links at the YAML.

The generated Markdown stays on disk, so a builder that ignores hooks can still use it.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from generator import build, markdown_subset, raw_blocks

log = logging.getLogger("mkdocs.hooks.insatshandboken")
EDIT_PATH = "edit/main"  # GitHub's editor on the default branch
SEARCH_PLUGIN = "material/search"

# `mkdocs serve --dirty` (make serve) rebuilds only the pages whose Markdown the save
# changed, and the search plugin then sees only those pages. State kept across rebuilds
# to give every build the whole site's search index (see _whole_index):
_dirty = False
_page_order: list[str] = []  # page URLs of the current build, in build order
_built: list[str] = []  # page URLs rendered in this build
_new_entries = 0  # search entries the search plugin made in this build
_entries: dict[str, list[dict]] = {}  # page URL → its raw search entries, last build
_stashed: dict[str, list[str]] = {}  # page source → its raw HTML blocks (see raw_blocks)
_viewed: dict[str, list[str]] = {}  # page source → blocks of the search view in page.content


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    # Only the inline Markdown the generator writes (see generator/markdown_subset.py).
    config.markdown_extensions.append(markdown_subset.GeneratedMarkdownSubset())
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


def on_files(files, config):
    global _page_order, _built, _new_entries
    # The page URL as search entries give it: the home page's file URL "./" is "" there.
    _page_order = ["" if f.url == "./" else f.url for f in files.documentation_pages()]
    _built, _new_entries = [], 0
    return files


@event_priority(-100)  # after the search plugin's (priority 0): it reads the search view
def on_page_context(context, page, config, nav):
    global _new_entries
    _built.append(page.url)
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None and getattr(search, "search_index", None) is not None:
        _new_entries = len(search.search_index.entries)  # this build's, before any merge
    blocks = _viewed.pop(page.file.src_uri, [])
    page.content = raw_blocks.restore(page.content, blocks)  # the page itself, for the theme
    return context


def _page_of(entry: dict) -> str:
    return entry.get("location", "").split("#", 1)[0]


def whole_index(docs: list[dict], new_count: int, page_order: list[str],
                previous: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Page URL → search entries after a dirty build. `docs` ends with the `new_count`
    entries this build made (Material appends them to what it kept): those for the pages it
    rebuilt, the previous build's for every other page, none for removed pages, in
    full-build order. (Material's own merge assumes one rebuilt page and keeps stale
    entries of any other.)"""
    fresh: dict[str, list[dict]] = {}
    for entry in docs[len(docs) - new_count:] if new_count else ():
        fresh.setdefault(_page_of(entry), []).append(entry)
    if previous:
        return {url: fresh[url] if url in fresh else previous.get(url, []) for url in page_order}
    pages = {url: fresh.get(url, []) for url in page_order}
    for entry in docs[:len(docs) - new_count]:  # none expected: kept rather than lost
        pages.setdefault(_page_of(entry), []).append(entry)
    return pages


def _whole_index(path: Path) -> None:
    global _entries
    index = json.loads(path.read_text(encoding="utf-8"))
    _entries = whole_index(index.get("docs", []), _new_entries if _built else 0, _page_order,
                           _entries)
    index["docs"] = [entry for entries in _entries.values() for entry in entries]
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def on_post_build(config) -> None:
    # Unaccented, inflected and abbreviated queries (see generator/search_index.py).
    from generator.search_index import improve_search_index

    index = Path(config.site_dir) / "search" / "search_index.json"
    if _dirty and index.is_file():
        _whole_index(index)
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
    markdown, _stashed[page.file.src_uri] = raw_blocks.stash(markdown)
    return markdown


def on_page_content(html, page, config, files):
    """The search view of the page (see raw_blocks.search_view): Material's search plugin
    indexes page.content in its on_page_context, and this hook's own on_page_context, run
    after it, puts the blocks back before the theme renders the page."""
    blocks = _stashed.pop(page.file.src_uri, [])
    if blocks and page.present_anchor_ids is not None:
        page.present_anchor_ids |= raw_blocks.anchor_ids(blocks)
    _viewed[page.file.src_uri] = blocks
    return raw_blocks.search_view(html, blocks)
