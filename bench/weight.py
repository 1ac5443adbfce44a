"""What a built site weighs: pages, bytes, search index, and one first visit's download."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

SEARCH_INDEX = Path("search") / "search_index.json"
SEARCH_SECTIONS = Path("search") / "avsnitt.json"  # fetched by the search worker when used
_ASSET = re.compile(
    r"""<(?:link[^>]*\brel=["']?stylesheet["']?[^>]*\bhref|script[^>]*\bsrc)=["']?([^"'\s>]+)""",
    re.IGNORECASE,
)
_CONFIG = re.compile(r'<script id="__config"[^>]*>(.*?)</script>', re.DOTALL)


@dataclass(frozen=True)
class Weight:
    pages: int
    site_bytes: int
    median_page: int
    largest_page: int
    largest_page_path: str
    insats_pages: int
    median_insats_page: int
    search_index: int  # search_index.json: what every page loads
    search_index_gzip: int
    search_sections_gzip: int  # the section entries, loaded at the first query
    first_visit: int  # bytes: an insats page + its CSS + JS (+ search worker) + search index
    first_visit_gzip: int
    first_visit_page: str
    external_hosts: tuple[str, ...]  # what that page also loads from other sites (not counted)

    def as_dict(self) -> dict:
        return asdict(self)


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def external_hosts(page: Path) -> tuple[str, ...]:
    """Hosts of the stylesheets and scripts the page loads from other sites (web fonts)."""
    html = page.read_text(encoding="utf-8", errors="replace")
    return tuple(sorted({urlparse(ref).netloc for ref in _ASSET.findall(html)} - {""}))


def page_assets(site: Path, page: Path) -> list[Path]:
    """Local CSS and JS files the page references (stylesheets, scripts, search worker)."""
    html = page.read_text(encoding="utf-8", errors="replace")
    refs = _ASSET.findall(html)
    config = _CONFIG.search(html)
    if config:  # Material starts its search worker from the URL in __config
        try:
            worker = json.loads(config.group(1)).get("search")
            if worker:
                refs.append(worker)
        except json.JSONDecodeError:
            pass
    base = "/" + page.relative_to(site).as_posix()
    found: list[Path] = []
    for ref in refs:
        if urlparse(ref).netloc:
            continue  # external (e.g. web fonts): not this site's weight
        path = urlparse(urljoin(base, ref)).path.lstrip("/")
        target = site / path
        if target.is_file() and target not in found:
            found.append(target)
    return found


def is_insats_page(site: Path, page: Path, ids: set[str] | None = None) -> bool:
    """site/insatser/<id>/index.html; with `ids`, only those made from an insats record
    (the folder also holds listing pages such as the abbreviations)."""
    parts = page.relative_to(site).parts
    return (
        len(parts) == 3
        and parts[0] == "insatser"
        and parts[2] == "index.html"
        and (ids is None or parts[1] in ids)
    )


def measure(site: Path, insats_ids: set[str] | None = None) -> Weight:
    html = sorted(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in html}
    largest = max(html, key=sizes.__getitem__)
    insats = [p for p in html if is_insats_page(site, p, insats_ids)]
    index = site / SEARCH_INDEX
    index_bytes = index.read_bytes() if index.is_file() else b""
    sections = site / SEARCH_SECTIONS
    # The first visit: the median-sized insats page (any page if there are none).
    pool = sorted(insats or html, key=sizes.__getitem__)
    visit = pool[len(pool) // 2]
    files = [visit, *page_assets(site, visit)]
    first = sum(f.stat().st_size for f in files) + len(index_bytes)
    first_gz = sum(_gz(f.read_bytes()) for f in files) + (_gz(index_bytes) if index_bytes else 0)
    return Weight(
        pages=len(html),
        site_bytes=sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
        median_page=int(statistics.median(sizes.values())),
        largest_page=sizes[largest],
        largest_page_path=largest.relative_to(site).as_posix(),
        insats_pages=len(insats),
        median_insats_page=int(statistics.median(sizes[p] for p in insats)) if insats else 0,
        search_index=len(index_bytes),
        search_index_gzip=_gz(index_bytes) if index_bytes else 0,
        search_sections_gzip=_gz(sections.read_bytes()) if sections.is_file() else 0,
        first_visit=first,
        first_visit_gzip=first_gz,
        first_visit_page=visit.relative_to(site).as_posix(),
        external_hosts=external_hosts(visit),
    )
