"""The MkDocs plugin: plain `mkdocs build` / `mkdocs serve` generate the pages.

Before each build it regenerates build/docs/ from content/ (unless the caller already
did and says so through `generated`), watches content/ when serving, turns the raw HTML's
links to page files into URLs (MkDocs leaves raw HTML alone; Zensical does this itself),
keeps the generator's raw HTML blocks away from Python-Markdown (raw_blocks) and improves
the search index (search_index). The edit pencil is the theme's (overrides/partials/
actions.html, from the page's front matter), so it is the same in every builder. All state
lives on the plugin object, which MkDocs creates once per config (like mkdocs' own
SearchPlugin); registered as the `insatshandboken` entry point in pyproject.toml.

The generated Markdown stays on disk, so a builder that runs no plugins can still read it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority

from generator import build
from generator.mkdocs_plugin import markdown_subset, raw_blocks, serve_problems
from generator.mkdocs_plugin.search_index import improve_search_index
from generator.model.problems import UnexpectedError
from generator.site import publish, template_cache

log = logging.getLogger("mkdocs.plugins.insatshandboken")
# While serving, content problems are reported outside MkDocs' own loggers: MkDocs counts
# its warnings in strict mode and fails the rebuild, and a failed rebuild makes
# `mkdocs serve` hold every page request until the next good one (issue 10).
serve_log = logging.getLogger("insatshandboken.serve")
SEARCH_PLUGIN = "material/search"


class InsatshandbokenPlugin(BasePlugin):  # no config options
    def __init__(self) -> None:
        self.generated: build.Generated | None = None
        """Set by build.build_site, which generated build/docs itself: don't again."""
        self.dirty = False
        self.serving = False
        self.problems: list[str] = []
        """While serving: the problems that keep the last good pages on show."""
        self._lock = contextlib.ExitStack()  # the build lock, from pre_build to post_build
        self._page = ""  # the page being built and the YAML file it is made from, for errors
        # Page source → its raw HTML blocks (stashed in on_page_markdown), and the blocks
        # of its search view, restored into page.content in on_page_context.
        self._stashed: dict[str, list[str]] = {}
        # Page source → (the page as converted, its raw blocks): the search plugin reads a
        # view of the page; the page itself is restored from this after it.
        self._viewed: dict[str, tuple[str, list[str]]] = {}
        # Page URL → search keywords from its front matter (`sokord`), kept across
        # `serve --dirty` rebuilds, which only see the pages they rebuild.
        self.keywords: dict[str, tuple[str, ...]] = {}
        # Page URL → the text its search hit shows (front matter `sokutdrag`), likewise.
        self.summaries: dict[str, str] = {}
        # `mkdocs serve --dirty` (make serve) rebuilds only the pages whose Markdown the
        # save changed, and the search plugin then sees only those pages; see whole_index.
        self._page_order: list[str] = []  # page URLs of the current build, in build order
        self._built: list[str] = []  # page URLs rendered in this build
        self._new_entries = 0  # search entries the search plugin made in this build
        self._entries: dict[str, list[dict[str, Any]]] = {}  # page URL → its entries

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        # Only the inline Markdown the generator writes (see markdown_subset).
        config.markdown_extensions.append(markdown_subset.GeneratedMarkdownSubset())
        # repo_url and edit_uri come from mkdocs.yml (or REPO_URL / EDIT_URI there). With no
        # repository there is nothing to edit: MkDocs would make edit_uri alone a link.
        if not config.repo_url:
            config.repo_url, config.edit_uri = None, None
        return config

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        # The theme's templates are compiled anew for every build: keep them compiled.
        env.bytecode_cache = template_cache.bytecode_cache(_root(config))
        return env

    def on_pre_build(self, *, config: Any) -> None:
        if self.generated is not None:  # build_site generated, and holds the lock
            return
        root = _root(config)
        self._lock.enter_context(publish.build_lock(root))  # build/docs is shared
        try:
            generated = build.generate(root, log_problems=False)  # logged below
        except build.ContentProblems as err:
            lines = [str(p) for p in err.problems]
            if not self.serving:
                for line in lines:
                    log.error("%s", line)
                raise Abort(f"{len(lines)} problem i content/ – kör `make validate`") from None
            self._keep_last_good(lines)
            return
        except Exception as err:  # while serving, any failure keeps the last good pages
            if not self.serving:
                raise
            self._keep_last_good(
                [
                    str(err)
                    if isinstance(err, UnexpectedError)
                    else f"oväntat fel när sidorna gjordes: {err}"
                ]
            )
            return
        if self.problems:
            serve_log.warning("Innehållet är lagat – sidorna byggs om.")
        self.problems = []
        log.info("genererade %d sidor (%d ändrade)", generated.pages, generated.written.written)

    def _keep_last_good(self, lines: list[str]) -> None:
        """Serving broken content: build/docs keeps the last good pages (nothing was
        written), they are served as before, and the problems are shown in the terminal
        and at the top of every served page until the next good save."""
        self.problems = lines
        for line in lines:
            serve_log.error("%s", line)
        serve_log.error(
            "%d problem i content/ – sidorna visar det senaste fungerande "
            "innehållet tills filen är rättad.",
            len(lines),
        )

    def on_files(self, files: Any, *, config: Any) -> Any:
        # The page URL as search entries give it: the home page's file URL "./" is "" there.
        self._page_order = ["" if f.url == "./" else f.url for f in files.documentation_pages()]
        self._built, self._new_entries = [], 0
        current = set(self._page_order)
        self.keywords = {url: terms for url, terms in self.keywords.items() if url in current}
        self.summaries = {url: text for url, text in self.summaries.items() if url in current}
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        source = page.meta.get("kallfil")
        self._page = f"{page.file.src_uri} (från {source})" if source else page.file.src_uri
        page.edit_url = None  # MkDocs' own would open the generated file: see actions.html
        # The sitemap's <lastmod> is the content's last change, not the build date (MkDocs'
        # default). A page with no known date keeps the default: MkDocs needs a date on
        # every page, and takes it from SOURCE_DATE_EPOCH when set (reproducible builds).
        if page.meta.get("senast_andrad"):
            page.update_date = str(page.meta["senast_andrad"])
        terms = page.meta.get("sokord")
        if terms:
            self.keywords[page.url] = tuple(str(t) for t in terms)
        else:
            self.keywords.pop(page.url, None)
        markdown = _resolve_links(markdown, page, files)
        summary = page.meta.get("sokutdrag")
        if summary:
            self.summaries[page.url] = str(summary)
        else:
            self.summaries.pop(page.url, None)
        markdown, self._stashed[page.file.src_uri] = raw_blocks.stash(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """The search view of the page (see raw_blocks.search_view): Material's search plugin
        indexes page.content in its on_page_context, and this plugin's own on_page_context,
        run after it, puts the blocks back before the theme renders the page."""
        blocks = self._stashed.pop(page.file.src_uri, [])
        if blocks and page.present_anchor_ids is not None:
            page.present_anchor_ids |= raw_blocks.anchor_ids(blocks)
        self._viewed[page.file.src_uri] = (html, blocks)
        view = raw_blocks.search_view(raw_blocks.without_excluded_sections(html), blocks)
        return raw_blocks.definitions_apart(raw_blocks.without_source_marks(view))

    @event_priority(-100)  # after the search plugin's (priority 0): it reads the search view
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        self._built.append(page.url)
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is not None and getattr(search, "search_index", None) is not None:
            self._new_entries = len(search.search_index.entries)  # this build's, before a merge
        converted, blocks = self._viewed.pop(page.file.src_uri, (page.content, []))
        page.content = raw_blocks.restore(converted, blocks)  # the page itself, for the theme
        # The search plugin has read its marks; Material strips only valued ones (="…").
        page.content = page.content.replace(" data-search-exclude", "")
        return context

    def on_post_build(self, *, config: Any) -> None:
        # Unaccented, inflected and abbreviated queries (see search_index).
        site_dir = Path(config.site_dir)
        index = site_dir / "search" / "search_index.json"
        if self.dirty and index.is_file():
            self._whole_index(index)
        improve_search_index(site_dir, self.keywords, self.summaries)
        # A site plain `mkdocs build` made is the generator's too: the build may replace it.
        (site_dir / publish.MARKER).write_text(publish.MARKER_TEXT, encoding="utf-8")
        self._lock.close()

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        self._page = ""
        return output

    def on_build_error(self, *, error: Exception) -> None:
        if self._page:  # MkDocs names the Markdown page; the editor needs the YAML file
            log.error("fel när sidan %s byggdes: %s: %s", self._page, type(error).__name__, error)
        self._page = ""
        self._lock.close()

    def on_shutdown(self) -> None:
        self._lock.close()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        server.watch(str(_root(config) / "content"))
        # build/docs is written by on_pre_build itself: watching it made every save build twice.
        server.unwatch(config.docs_dir)
        serve_problems.show_on_pages(server, lambda: self.problems)
        return server

    def _whole_index(self, path: Path) -> None:
        index = json.loads(path.read_text(encoding="utf-8"))
        self._entries = whole_index(
            index.get("docs", []),
            self._new_entries if self._built else 0,
            self._page_order,
            self._entries,
        )
        index["docs"] = [entry for entries in self._entries.values() for entry in entries]
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _resolve_links(markdown: str, page: Any, files: Any) -> str:
    """The raw HTML's links to page files as the pages' URLs (see raw_blocks.resolve_links);
    a link to a page that is not there is a warning, which fails the strict build."""
    here = posixpath.dirname(page.file.src_uri)

    def url_of(path: str) -> str | None:
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(here, path)))
        return None if target is None else target.url_relative_to(page.file)

    markdown, missing = raw_blocks.resolve_links(markdown, url_of)
    for path in missing:
        log.warning("%s: länk till %s, som inte finns bland sidorna", page.file.src_uri, path)
    return markdown


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]


def whole_index(
    docs: list[dict[str, Any]],
    new_count: int,
    page_order: list[str],
    previous: dict[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """Page URL → search entries after a dirty build. `docs` ends with the `new_count`
    entries this build made (Material appends them to what it kept): those for the pages it
    rebuilt, the previous build's for every other page, none for removed pages, in
    full-build order. (Material's own merge assumes one rebuilt page and keeps stale
    entries of any other.)"""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for entry in docs[len(docs) - new_count :] if new_count else ():
        fresh.setdefault(_page_of(entry), []).append(entry)
    if previous:
        return {url: fresh[url] if url in fresh else previous.get(url, []) for url in page_order}
    pages = {url: fresh.get(url, []) for url in page_order}
    for entry in docs[: len(docs) - new_count]:  # none expected: kept rather than lost
        pages.setdefault(_page_of(entry), []).append(entry)
    return pages
