"""A newcomer on a phone: from the start page, each life situation, then an insats and its
"how to get it" section – two taps; on the violence pages the keyboard reaches
"Lämna sidan snabbt" right after the skip link, and the link leaves with and without
JavaScript. Screenshots of the start page and one situation at 360 and 1280 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import ROOT

from generator.model import load_content
from generator.model.records import Content

pytestmark = pytest.mark.browser

# The insats page's "how to get it" section. The heading may be renamed (issue 11, item 3):
# this one selector is all that needs to follow it.
HOW_TO_GET = 'h2:has-text("Så får du insatsen")'
EXIT = "a.ih-lamna"
VIOLENCE_SITUATION = "utsatt-for-vald"


@pytest.fixture(scope="module")
def content() -> Content:
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    if not content.situationer or content.kontakter is None:
        pytest.skip("no life situations or contacts in content/")
    return content


def _violence_pages(content: Content) -> list[str]:
    places = {p.omrade for p in content.kontakter.omraden}
    pages = [f"/livssituationer/{s.id}/" for s in content.situationer if places & set(s.omraden)]
    pages += [f"/omraden/{o}/" for o in sorted(places)]
    insatser = [i for i in content.insatser if places & {m.omrade for m in i.medlemskap}]
    return pages + [f"/insatser/{i.id}/" for i in insatser[:3]]


def test_each_situation_leads_from_the_start_page_to_how_to_get_an_insats_at_360px(
    mobile_page, content: Content
) -> None:
    page = mobile_page
    for s in content.situationer:
        page.goto("/")
        card = page.locator(".ih-situationer").get_by_role("link", name=s.namn, exact=True)
        assert card.is_visible(), f"{s.id}: no card on the start page"
        card.click()  # tap 1
        page.wait_for_url(f"**/livssituationer/{s.id}/")
        page.locator("h1", has_text=s.namn).wait_for()
        first = s.grupper[0].insatser[0].insats
        name = next(i.namn for i in content.insatser if i.id == first)
        link = page.locator("#insatser ~ ul a").first
        assert link.inner_text().strip() == name, f"{s.id}: the first insats is not {name}"
        link.click()  # tap 2
        page.wait_for_url(f"**/insatser/{first}/")
        page.locator("h1", has_text=name).wait_for()
        assert page.locator(HOW_TO_GET).count() == 1, f"{s.id} → {first}: no {HOW_TO_GET}"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, (
            f"{s.id} → {first}: the page scrolls sideways"
        )


def test_keyboard_reaches_the_quick_exit_right_after_the_skip_link_on_violence_pages(
    desktop_page, content: Content
) -> None:
    page = desktop_page
    for url in _violence_pages(content):
        page.goto(url)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.matches('a.md-skip')"), url
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(s) => [document.activeElement.matches(s), document.activeElement.textContent.trim()]",
            EXIT,
        )
        assert focused == [True, "Lämna sidan snabbt"], f"{url}: second Tab went to {focused}"
        assert page.locator(EXIT).get_attribute("href") == content.kontakter.lamna_sidan


def _leaves_for_the_neutral_site(page, url: str, neutral: str, press_enter: bool) -> None:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(url)
    if press_enter:  # keyboard: the quick exit is the second Tab stop
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        with page.expect_event("requestfailed", lambda r: r.url.startswith(neutral)):
            page.keyboard.press("Enter")
    else:
        with page.expect_event("requestfailed", lambda r: r.url.startswith(neutral)):
            page.locator(EXIT).click()
    # The suite's browser reaches only the local server: the request to the neutral site
    # is made (and refused) – which is what leaving means here.
    assert any(u.startswith(neutral) for u in asked)


def test_the_quick_exit_leaves_without_javascript(no_js_page, content: Content) -> None:
    _leaves_for_the_neutral_site(
        no_js_page,
        f"/livssituationer/{VIOLENCE_SITUATION}/",
        content.kontakter.lamna_sidan,
        press_enter=False,
    )


def test_the_quick_exit_leaves_by_keyboard_with_javascript(desktop_page, content: Content) -> None:
    _leaves_for_the_neutral_site(
        desktop_page,
        f"/livssituationer/{VIOLENCE_SITUATION}/",
        content.kontakter.lamna_sidan,
        press_enter=True,
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_of_the_start_page_and_a_situation(
    browser, base_url: str, screenshots_dir: Path, width: int
) -> None:
    from conftest import new_context

    context = new_context(browser, base_url, viewport={"width": width, "height": 800})
    page = context.new_page()
    for name, url in (
        ("start", "/"),
        ("livssituation-vald", f"/livssituationer/{VIOLENCE_SITUATION}/"),
    ):
        page.goto(url)
        page.locator(".ih-akut").first.wait_for()
        path = screenshots_dir / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    context.close()
