"""Keyboard alone: the skip link, and from the top of the start page to the search, a
result and the opened page."""

from __future__ import annotations

import pytest
from site_catalog import SiteCatalog

pytestmark = pytest.mark.browser

FOCUSED = "() => document.activeElement"
MAX_TABS = 40


def _focused_matches(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def test_first_tab_reaches_a_skip_link_that_jumps_past_the_navigation(
    desktop_page, catalog: SiteCatalog
) -> None:
    for url in (catalog.start, catalog.longest_insats):
        desktop_page.goto(url)
        desktop_page.keyboard.press("Tab")
        assert _focused_matches(desktop_page, "a.md-skip"), f"{url}: first Tab is not a skip link"
        target = desktop_page.evaluate("() => new URL(document.activeElement.href).hash")
        assert target.startswith("#") and len(target) > 1
        assert desktop_page.locator(f".md-content {target}").count() == 1
        desktop_page.keyboard.press("Enter")
        # The fragment jump makes the target `:target` and moves the keyboard's starting
        # point to it: Tab only once it has landed.
        desktop_page.wait_for_function(
            "(t) => document.querySelector(t).matches(':target')", arg=target
        )
        desktop_page.keyboard.press("Tab")
        # The next stop is in the page's content (or after it), not in header or navigation.
        assert desktop_page.evaluate(
            f"""() => {{
              const e = document.activeElement;
              const target = document.querySelector({target!r});
              return !e.closest('.md-header, .md-sidebar, .md-tabs')
                && !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
            }}"""
        ), f"{url}: Tab after the skip link went to {desktop_page.evaluate(FOCUSED + '.outerHTML')}"


def test_search_by_keyboard_from_the_top_of_the_start_page(
    desktop_page, catalog: SiteCatalog
) -> None:
    desktop_page.goto(catalog.start)
    for _ in range(MAX_TABS):
        desktop_page.keyboard.press("Tab")
        if _focused_matches(desktop_page, "input.md-search__input"):
            break
    else:
        pytest.fail(f"the search field is not reached within {MAX_TABS} Tab presses")
    desktop_page.keyboard.type("kontaktperson")
    desktop_page.wait_for_selector(".md-search-result__item")
    desktop_page.keyboard.press("ArrowDown")
    assert _focused_matches(desktop_page, "a.md-search-result__link")
    href = desktop_page.evaluate(f"{FOCUSED}.href")
    with desktop_page.expect_navigation():
        desktop_page.keyboard.press("Enter")
    assert desktop_page.url.split("?")[0] == href.split("?")[0]
    assert "kontaktperson" in desktop_page.locator(".md-content h1").first.inner_text().lower()
