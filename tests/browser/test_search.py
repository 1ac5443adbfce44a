"""Search quality in the browser (Material's lunr search with the built index): inflected,
unaccented and abbreviated queries find the page a reader means among the first results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from site_build import ROOT
from site_catalog import SiteCatalog

pytestmark = pytest.mark.browser

FIRST_RESULTS = 5
CONTENT = ROOT / "content"
# The result count Material shows once the worker has answered ("3 sökresultat", "Inga
# sökresultat"); before that it says "Initialiserar sök" or "Skriv sökord".
ANSWERED = (
    "() => /^(Inga|\\d+) sökresultat$/.test("
    "document.querySelector('.md-search-result__meta')?.textContent.trim() ?? '')"
)


def _records(folder: str) -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for p in sorted((CONTENT / folder).glob("*.yml"))
    ]


def _insats_page(catalog: SiteCatalog, *, namn: str | None = None, forkortning: str | None = None):
    """The page of the insats with this name or abbreviation, found through content/."""
    for record in _records("insatser"):
        if (namn and str(record.get("namn", "")).casefold() == namn.casefold()) or (
            forkortning and record.get("forkortning") == forkortning
        ):
            return _page_for_id(catalog.insatser, str(record["id"]))
    # No content yet (a small stand-in site): fall back to the page's slug.
    slug = (namn or forkortning or "").casefold().replace("ä", "a")
    return _page_for_id(catalog.insatser, slug)


def _page_for_id(pages: tuple[str, ...], record_id: str) -> str:
    matches = [p for p in pages if p.rstrip("/").rsplit("/", 1)[-1] == record_id]
    assert matches, f"no page for {record_id}"
    return matches[0]


def _omrade_page(catalog: SiteCatalog, word: str) -> str:
    for record in _records("omraden"):
        if word in str(record.get("namn", "")).casefold():
            return _page_for_id(catalog.omraden, str(record["id"]))
    return next(p for p in catalog.omraden if word in p)


def _insats_pages_named(catalog: SiteCatalog, word: str) -> set[str]:
    """Every insats page whose name contains `word` ("familjebehandling" → IHF, LIHF, …)."""
    return {
        _page_for_id(catalog.insatser, str(r["id"]))
        for r in _records("insatser")
        if word.casefold() in str(r.get("namn", "")).casefold()
    }


def _expected(catalog: SiteCatalog) -> dict[str, set[str]]:
    """Query → the pages a reader would accept as the answer (any one of them, early)."""
    expected = {
        "kontaktpersoner": {_insats_page(catalog, namn="Kontaktperson")},
        # Several insatser are family treatment (IHF, LIHF, without a manual): any of them.
        "familjebehandlingen": _insats_pages_named(catalog, "familjebehandling"),
        "familjer": _insats_pages_named(catalog, "familj"),
        "missbruk": {_omrade_page(catalog, "missbruk")},
        "ART": {_insats_page(catalog, forkortning="ART")},
        "hemtjanst": {_insats_page(catalog, namn="Hemtjänst")},
        "iub": {min(catalog.iub, key=len)},  # the IUB section's own page
    }
    assert all(expected.values()), expected
    return expected


def search(page, query: str) -> list[str]:
    """Type a query into the search field; return the result pages' paths in order."""
    page.goto("/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function(ANSWERED)
    page.wait_for_timeout(300)  # the worker answers each keystroke; let the last one land
    page.wait_for_function(ANSWERED)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname)",
    )
    return list(dict.fromkeys(hrefs))  # a page's sections are listed under it: once each


def test_queries_find_the_expected_page_among_the_first_results(
    desktop_page, catalog: SiteCatalog, output_dir: Path
) -> None:
    expected = _expected(catalog)
    found = {query: search(desktop_page, query) for query in expected}
    (output_dir / "search-results.json").write_text(
        json.dumps({q: {"expected": sorted(expected[q]), "results": r[:10]}
                    for q, r in found.items()}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    for query, results in found.items():
        print(f"{query!r}: {results[:FIRST_RESULTS]}")
    misses = {
        q: (sorted(expected[q])[:5], r[:FIRST_RESULTS])
        for q, r in found.items()
        if not expected[q] & set(r[:FIRST_RESULTS])
    }
    assert not misses, f"expected page not among the first {FIRST_RESULTS}: {misses}"


def test_nonsense_query_finds_nothing(desktop_page) -> None:
    assert search(desktop_page, "qzxwvjk") == []
