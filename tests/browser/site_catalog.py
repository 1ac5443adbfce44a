"""Which built pages the browser suite checks, chosen from the content by data (the
longest insats, the one listed in most områden) rather than by hard-coded names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from site_build import ROOT, html_pages, page_url_path

CONTENT = ROOT / "content"
SAMPLE_INSATSER = 12


@dataclass(frozen=True)
class SiteCatalog:
    all_pages: tuple[str, ...]  # every page's URL path ("/", "/insatser/x/", …)
    start: str
    omraden: tuple[str, ...]
    insatser: tuple[str, ...]  # every insats page
    insats_sample: tuple[str, ...]  # ≥10 insats pages to check in depth
    longest_insats: str
    most_omraden_insats: str
    most_omraden_count: int
    web_cited_insats: str  # the insats citing most works that have a url or webbplats
    web_citations: tuple[str, ...]  # those works' citation texts, as the page prints them
    iub: tuple[str, ...]
    statistics: tuple[str, ...]  # the overview first, then each område's statistics page
    longest_omrade_statistics: str  # the område statistics page with the most text
    sources: tuple[str, ...]
    a_to_o: tuple[str, ...]
    other: tuple[str, ...]  # every remaining page: skolgång, om, nedladdning, …

    def checked(self) -> tuple[str, ...]:
        """The pages checked in depth (axe, mobile), without duplicates, in a stable order."""
        pages = (
            (self.start,)
            + self.omraden
            + self.insats_sample
            + self.iub
            + self.statistics
            + self.sources
            + self.a_to_o
            + self.other
        )
        return tuple(dict.fromkeys(pages))


def _text_length(page: Path) -> int:
    html = page.read_text(encoding="utf-8")
    match = re.search(r"<article.*?</article>", html, flags=re.S)
    body = match.group(0) if match else html
    return len(re.sub(r"<[^>]+>", "", body))


def _insats_omraden_counts() -> dict[str, int]:
    """Insats id → number of distinct områden it is listed in (content/insatser/*.yml)."""
    counts: dict[str, int] = {}
    for path in sorted((CONTENT / "insatser").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        omraden = {m.get("omrade") for m in data.get("medlemskap", []) if isinstance(m, dict)}
        counts[str(data.get("id", path.stem))] = len(omraden)
    return counts


def _cited_works(record: object) -> set[str]:
    """Every work id under a `kallor` key anywhere in an insats record."""
    found: set[str] = set()
    if isinstance(record, dict):
        for key, value in record.items():
            if key == "kallor" and isinstance(value, list):
                found |= {str(v) for v in value}
            else:
                found |= _cited_works(value)
    elif isinstance(record, list):
        for value in record:
            found |= _cited_works(value)
    return found


def _web_citations() -> dict[str, tuple[str, ...]]:
    """Insats id → citation texts of its works that name a web address (url/webbplats)."""
    web = {}
    for path in (CONTENT / "kallor").glob("*.yml"):
        work = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if work.get("url") or work.get("webbplats"):
            web[str(work.get("id", path.stem))] = str(work["text"])
    out = {}
    for path in sorted((CONTENT / "insatser").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        texts = tuple(sorted(web[w] for w in _cited_works(record) if w in web))
        if texts:
            out[str(record.get("id", path.stem))] = texts
    return out


def _ids(folder: str) -> set[str]:
    return {p.stem for p in (CONTENT / folder).glob("*.yml")}


def _last_segment(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _matching(pages: list[str], prefix: str) -> tuple[str, ...]:
    return tuple(p for p in pages if p.startswith(prefix))


def load_catalog(site: Path) -> SiteCatalog:
    files = {page_url_path(site, p): p for p in html_pages(site) if p.name != "404.html"}
    pages = sorted(files)
    counts = _insats_omraden_counts()
    insats_ids = set(counts) or {_last_segment(p) for p in pages if "/insatser/" in p}
    omrade_ids = _ids("omraden") or {_last_segment(p) for p in pages if "/omraden/" in p}

    insatser = tuple(p for p in pages if "/insatser/" in p and _last_segment(p) in insats_ids)
    omraden = tuple(p for p in pages if "/omraden/" in p and _last_segment(p) in omrade_ids)
    if not insatser:
        raise AssertionError("no insats pages found in the built site")

    longest = max(insatser, key=lambda p: (_text_length(files[p]), p))
    by_count = {p: counts.get(_last_segment(p), 0) for p in insatser}
    most = max(insatser, key=lambda p: (by_count[p], p))
    # An even spread over the alphabet, plus the two chosen by data.
    step = max(1, len(insatser) // SAMPLE_INSATSER)
    web = _web_citations()
    web_cited = max(
        (p for p in insatser if _last_segment(p) in web),
        key=lambda p: (len(web[_last_segment(p)]), p),
        default="",
    )
    sample = tuple(dict.fromkeys((longest, most) + insatser[::step]))[: max(SAMPLE_INSATSER, 10)]
    if web_cited and web_cited not in sample:
        sample += (web_cited,)

    statistics = _matching(pages, "/statistik/")  # sorted: "/statistik/" comes first
    per_omrade = [p for p in statistics if _last_segment(p) in omrade_ids]
    if statistics[:1] != ("/statistik/",) or not per_omrade:
        raise AssertionError(f"no statistics overview or område statistics page: {statistics}")
    longest_stats = max(per_omrade, key=lambda p: (_text_length(files[p]), p))
    sources = _matching(pages, "/kallor/")
    a_to_o = tuple(p for p in pages if p in ("/insatser/", "/insatser/forkortningar/"))
    iub = _matching(pages, "/iub/")
    known = set(insatser + omraden + statistics + sources + a_to_o + iub + ("/",))
    return SiteCatalog(
        all_pages=tuple(pages),
        start="/",
        omraden=omraden,
        insatser=insatser,
        insats_sample=sample,
        longest_insats=longest,
        most_omraden_insats=most,
        most_omraden_count=by_count[most],
        web_cited_insats=web_cited,
        web_citations=web.get(_last_segment(web_cited), ()),
        iub=iub,
        statistics=statistics,
        longest_omrade_statistics=longest_stats,
        sources=sources,
        a_to_o=a_to_o,
        other=tuple(p for p in pages if p not in known),
    )
