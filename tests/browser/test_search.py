"""Search quality in the browser, typed into the site's own search box (Material's search
with the handbook's index and query transform): every query of the committed table
(search_queries.yml) finds its page first, and pages a little word drew in stay out of
the first five; a hit shows the insats's summary and områden; the dialog has a name."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

TABLE = Path(__file__).resolve().with_name("search_queries.yml")
FIRST_RESULTS = 5
# Counts each answer of the search worker: Material rewrites the result count
# (".md-search-result__meta") for every answer, the same count included.
COUNT_ANSWERS = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  window.__answers = 0
  new MutationObserver(() => { window.__answers++ })
    .observe(meta, {childList: true, characterData: true, subtree: true})
}"""
READY = (
    "() => !/Initialiserar/.test("
    "document.querySelector('.md-search-result__meta')?.textContent ?? 'Initialiserar')"
)
RESULT_PAGES = """() => [...document.querySelectorAll(
  '.md-search-result__item > a.md-search-result__link')].map(a => new URL(a.href).pathname)"""
FIRST_HIT_TEXT = """() => document.querySelector(
  '.md-search-result__item > a.md-search-result__link article')?.innerText ?? ''"""


def load_table() -> list[dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def open_search(page) -> None:
    page.goto("/")
    page.locator("input.md-search__input").click()
    page.wait_for_function(READY)
    page.evaluate(COUNT_ANSWERS)


def search(page, query: str) -> list[str]:
    """Type `query` into the open search box and return the result pages in order, once
    the worker has answered this very query. All but the last letter are filled in at
    once (Material sends a query on key-up only), the last is typed: one query, one answer."""
    answers = page.evaluate("() => window.__answers")
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_function(f"() => window.__answers > {answers}")
    return list(dict.fromkeys(page.evaluate(RESULT_PAGES)))  # a page's sections: once


def test_query_table_is_big_enough_and_names_pages_that_exist(site_root: Path) -> None:
    table = load_table()
    assert len(table) >= 40
    assert len({row["fraga"] for row in table}) == len(table)  # each query once
    for row in table:
        for path in (*row["forst"], *row.get("inte_bland_fem", ())):
            assert (site_root / path.strip("/") / "index.html").is_file(), (row["fraga"], path)


def test_every_query_finds_its_page_first(desktop_page, output_dir: Path) -> None:
    table = load_table()
    open_search(desktop_page)
    found = {row["fraga"]: search(desktop_page, row["fraga"]) for row in table}
    (output_dir / "search-results.json").write_text(
        json.dumps({q: r[:FIRST_RESULTS] for q, r in found.items()}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    wrong_first = {
        row["fraga"]: found[row["fraga"]][:3]
        for row in table
        if found[row["fraga"]][:1] != []
        and found[row["fraga"]][0] not in row["forst"]
        or not found[row["fraga"]]
    }
    intruders = {
        row["fraga"]: sorted(
            set(row.get("inte_bland_fem", ())) & set(found[row["fraga"]][:FIRST_RESULTS])
        )
        for row in table
    }
    intruders = {q: pages for q, pages in intruders.items() if pages}
    assert not wrong_first, f"first result not the expected page: {wrong_first}"
    assert not intruders, f"unrelated pages among the first {FIRST_RESULTS}: {intruders}"


def test_nonsense_finds_nothing_and_a_hit_shows_summary_and_omraden(desktop_page) -> None:
    fetched: list[str] = []
    desktop_page.on("request", lambda request: fetched.append(request.url))
    open_search(desktop_page)
    assert not [u for u in fetched if "avsnitt.json" in u]  # not before the first query
    assert search(desktop_page, "qzxwvjk") == []
    assert [u for u in fetched if "avsnitt.json" in u]  # the sections, for that query
    assert search(desktop_page, "hemtjänst")[0] == "/insatser/hemtjanst/"
    text = desktop_page.evaluate(FIRST_HIT_TEXT)
    assert "service och personlig omvårdnad" in text  # the explanation's first sentence
    assert "Område: Äldre, Funktionshinder" in text
    assert "Start ›" not in text  # the breadcrumb is not the hit's text


def test_search_dialog_has_an_accessible_name(desktop_page) -> None:
    open_search(desktop_page)
    axe = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    desktop_page.add_script_tag(content=axe)
    result = desktop_page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', values: "
        "['aria-dialog-name']}, resultTypes: ['violations', 'passes']})"
    )
    assert result["violations"] == []
    assert result["passes"], "axe found no dialog to check"
