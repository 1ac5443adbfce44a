"""The age filter on the A–Ö page: with JavaScript, buttons filter the list in place; without
it, the same paragraph links to one page per age group."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VISIBLE = """() => [...document.querySelectorAll('.md-content article li')]
  .filter(li => !li.hidden && li.getClientRects().length > 0)
  .map(li => li.querySelector('a')?.textContent.trim() || li.textContent.trim())"""


def test_age_buttons_filter_the_a_o_list_in_place(desktop_page) -> None:
    page = desktop_page
    page.goto("/insatser/")
    page.get_by_role("button", name="Barn (0–12 år)").click()
    page.wait_for_function(
        "() => /^Visar \\d+ rader/.test("
        "document.querySelector('.ih-alder-status')?.textContent ?? '')"
    )
    shown = page.evaluate(VISIBLE)
    assert "Ersta Vändpunktens barnprogram" in shown  # 7–12 år
    assert "Take Charge" not in shown  # 14–17 år
    assert "Kontaktperson" not in shown  # no stated age
    assert page.get_by_role("button", name="Barn (0–12 år)").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Alla").click()
    page.wait_for_function("() => document.querySelector('.ih-alder-status').textContent === ''")
    assert "Kontaktperson" in page.evaluate(VISIBLE)


def test_without_javascript_the_age_filter_is_links_to_age_pages(no_js_page) -> None:
    page = no_js_page
    page.goto("/insatser/")
    assert page.get_by_role("button", name="Alla").count() == 0
    page.locator("#alder-filter").get_by_role("link", name="Tonåringar (13–17 år)").click()
    page.wait_for_url("**/alder/tonaringar/")
    names = page.locator(".md-content article li a").all_inner_texts()
    assert "Take Charge" in names
    assert "Ersta Vändpunktens barnprogram" not in names


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_o_with_a_pressed_age_button_and_an_age_page_pass_axe(browser, base_url, scheme):
    from conftest import DESKTOP, new_context
    from test_accessibility import run_axe

    context = new_context(browser, base_url, viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto("/insatser/")
        page.get_by_role("button", name="Tonåringar (13–17 år)").click()
        page.wait_for_function(
            "() => document.querySelector('.ih-alder-status')?.textContent.startsWith('Visar')"
        )
        found = {"/insatser/ (filtrerad)": run_axe(page)}
        page.goto("/alder/tonaringar/")
        found["/alder/tonaringar/"] = run_axe(page)
    finally:
        context.close()
    problems = [f"{url}: {v['id']} {v['help']}" for url, vs in found.items() for v in vs]
    assert problems == []


def test_age_buttons_on_an_omrade_page_keep_only_rows_and_sections_of_that_age(desktop_page):
    page = desktop_page
    page.goto("/omraden/barn-och-unga/")
    page.get_by_role("button", name="Tonåringar (13–17 år)").click()
    page.wait_for_function(
        "() => document.querySelector('.ih-alder-status')?.textContent.startsWith('Visar')"
    )
    rows = page.evaluate("""() => [...document.querySelectorAll('.md-content article tbody tr')]
      .filter(tr => tr.getClientRects().length > 0)
      .map(tr => tr.querySelector('th').innerText.trim())""")
    assert "Take Charge" in rows and "Stödboende" in rows
    assert "Kontaktperson" not in rows
    # a category with no insats of that age is hidden with its heading
    hidden = page.evaluate("""() => [...document.querySelectorAll('.md-content article h2')]
      .filter(h => h.getClientRects().length === 0).length""")
    assert hidden > 0
    page.get_by_role("button", name="Alla").click()
    page.wait_for_function("() => document.querySelector('.ih-alder-status').textContent === ''")
    assert page.locator(".md-content article h2:visible").count() > hidden
