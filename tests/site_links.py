"""Link integrity of a built site, whichever builder made it: every internal href, src and
anchor resolves, every external URL is a well-formed http(s) address. No browser needed.

Shared by tests/site/test_links.py (the MkDocs build), tests/site/test_zensical.py (the
same generated tree built by Zensical) and `make bench` (bench/run.py reports the count).
A relative link that climbs above the site's root is broken even though a browser at the
domain's root would clamp it: the site is also published under a path (GitHub Pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_build import html_pages, page_url_path

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
# Schemes a page may use besides http(s): mail, phone, and inline images.
OTHER_SCHEMES = {"mailto", "tel", "data"}
# Links are resolved as if the site were served under this path, so one that climbs
# above the site's root lands outside it instead of being clamped at the domain's root.
LOCAL = "http://site.invalid/ih-mount"


@dataclass(frozen=True)
class Link:
    page: str
    tag: str
    attr: str
    value: str


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key] or "")
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        for attr, value in attrs:
            if value is None:
                continue
            if attr in LINK_ATTRS:
                self.links.append((tag, attr, value))
            elif attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, attr, candidate.split()[0]))


@dataclass(frozen=True)
class ParsedSite:
    root: Path
    base_path: str  # path part of site_url, e.g. "/" or "/insatshandboken/"
    site_url: str
    ids: dict[str, set[str]]  # url path → ids on that page
    links: tuple[Link, ...]


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def parse_site(root: Path) -> ParsedSite:
    """Every page's ids and links; the site's address from the home page's canonical link."""
    site_url = _parse(root / "index.html").canonical or ""
    base_path = urlsplit(site_url).path or "/"
    ids: dict[str, set[str]] = {}
    links: list[Link] = []
    for page in html_pages(root):
        url_path = page_url_path(root, page)
        parsed = _parse(page)
        ids[url_path] = parsed.ids
        links.extend(Link(url_path, tag, attr, value) for tag, attr, value in parsed.links)
    return ParsedSite(root, base_path, site_url, ids, tuple(links))


def _target_file(root: Path, path: str) -> Path | None:
    """The file a static server answers a path with, or None."""
    candidate = root / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def problem(site: ParsedSite, link: Link, empty_ok: bool = False) -> str | None:
    """Why this link is broken, or None when it resolves / is well-formed. `empty_ok`: an
    empty href is the page itself (Zensical's theme links the current page so)."""
    value = link.value.strip()
    if not value:
        return None if empty_ok and link.attr == "href" else "empty URL"
    if site.site_url and value.startswith(site.site_url):
        # the site's own absolute URL: check it too
        value = site.base_path.rstrip("/") + "/" + value[len(site.site_url) :].lstrip("/")
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        if not parts.netloc or re.search(r"\s", value) or "." not in (parts.hostname or ""):
            return "malformed external URL"
        return None
    if parts.scheme in OTHER_SCHEMES:
        return None if parts.path else f"empty {parts.scheme}: URL"
    if parts.scheme:
        return f"scheme {parts.scheme!r} not allowed"
    # Root-absolute links (404.html uses them) are relative to the domain, which site_url's
    # path is under.
    mount = urlsplit(LOCAL).path
    if value.startswith("/"):
        value = mount + value
    page_url = LOCAL + site.base_path.rstrip("/") + link.page
    resolved = urlsplit(urljoin(page_url, value))
    base = mount + site.base_path
    if not resolved.path.startswith(base):
        return f"outside the site ({resolved.path.removeprefix(mount)})"
    path = "/" + resolved.path[len(base) :]
    target = _target_file(site.root, path)
    if target is None:
        return f"no file for {path}"
    if resolved.fragment and target.suffix == ".html":
        target_path = page_url_path(site.root, target)
        if unquote(resolved.fragment) not in site.ids.get(target_path, set()):
            return f"no id #{resolved.fragment} on {target_path}"
    return None


def broken_links(site: ParsedSite, empty_ok: bool = False) -> list[str]:
    """One line per broken link: page, tag, attribute, value and why."""
    return [
        f"{link.page}: <{link.tag} {link.attr}={link.value!r}> – {why}"
        for link in site.links
        if (why := problem(site, link, empty_ok))
    ]
