"""Link integrity of the built site: every internal href, src and anchor resolves, every
external URL is a well-formed http(s) address. No browser needed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_build import built_site, html_pages, page_url_path

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
# Schemes a page may use besides http(s): mail, phone, and inline images.
OTHER_SCHEMES = {"mailto", "tel", "data"}
LOCAL = "http://site.invalid"


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


@pytest.fixture(scope="module")
def parsed_site() -> ParsedSite:
    root = built_site()
    index = _parse(root / "index.html")
    site_url = index.canonical or ""
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


def _problem(site: ParsedSite, link: Link) -> str | None:
    """Why this link is broken, or None when it resolves / is well-formed."""
    value = link.value.strip()
    if not value:
        return "empty URL"
    if site.site_url and value.startswith(site.site_url):
        value = site.base_path.rstrip("/") + "/" + value[len(site.site_url):].lstrip("/")  # the site's own absolute URL: check it too
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        if not parts.netloc or re.search(r"\s", value) or "." not in (parts.hostname or ""):
            return "malformed external URL"
        return None
    if parts.scheme in OTHER_SCHEMES:
        return None if parts.path else f"empty {parts.scheme}: URL"
    if parts.scheme:
        return f"scheme {parts.scheme!r} not allowed"
    # Root-absolute links (404.html uses them) are relative to site_url's path.
    page_url = LOCAL + site.base_path.rstrip("/") + link.page
    resolved = urlsplit(urljoin(page_url, value))
    path = resolved.path
    if not path.startswith(site.base_path):
        return f"outside the site ({path})"
    path = "/" + path[len(site.base_path):]
    target = _target_file(site.root, path)
    if target is None:
        return f"no file for {path}"
    if resolved.fragment and target.suffix == ".html":
        target_path = page_url_path(site.root, target)
        if unquote(resolved.fragment) not in site.ids.get(target_path, set()):
            return f"no id #{resolved.fragment} on {target_path}"
    return None


def test_site_has_pages_and_links(parsed_site: ParsedSite) -> None:
    assert len(parsed_site.ids) > 1
    assert any(link.attr == "href" for link in parsed_site.links)


def test_every_internal_link_resolves_and_external_url_is_well_formed(
    parsed_site: ParsedSite,
) -> None:
    broken = [
        f"{link.page}: <{link.tag} {link.attr}={link.value!r}> – {why}"
        for link in parsed_site.links
        if (why := _problem(parsed_site, link))
    ]
    print(f"{len(parsed_site.links)} links on {len(parsed_site.ids)} pages checked")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:200])


def test_checker_finds_a_broken_anchor_and_a_bad_scheme(parsed_site: ParsedSite) -> None:
    # Guards the checker itself: a link it should reject must be rejected.
    assert _problem(parsed_site, Link("/", "a", "href", "#no-such-anchor-here")) is not None
    assert _problem(parsed_site, Link("/", "a", "href", "javascript:alert(1)")) is not None
    assert _problem(parsed_site, Link("/", "a", "href", "no/such/page/")) is not None
    assert _problem(parsed_site, Link("/", "a", "href", "https://exa mple.org/")) is not None
