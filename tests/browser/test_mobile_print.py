"""A phone at 360×740: no page scrolls sideways (wide tables scroll in their own box);
screenshots for a person to look at. Print: an insats page without navigation, with its
address and its citations."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from site_catalog import SiteCatalog

pytestmark = pytest.mark.browser

EXTERNAL_LINKS = """() => [...document.querySelectorAll('.md-content a[href]')]
  .filter(a => /^https?:$/.test(a.protocol) && a.host !== location.host).map(a => a.href)"""
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  // Name the widest offenders that are not inside a scrolling container of their own.
  const culprits = [...document.querySelectorAll('.md-content *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => !e.closest('.md-typeset__scrollwrap, pre, .ih-scroll'))
    .slice(0, 5)
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
         ? '.' + e.className.split(' ')[0] : '')
         + ' ' + Math.round(e.getBoundingClientRect().right));
  return {width, page, culprits};
}"""


def test_no_checked_page_scrolls_sideways_on_a_phone(mobile_page, catalog: SiteCatalog) -> None:
    too_wide = {}
    for url in catalog.checked():
        mobile_page.goto(url)
        measured = mobile_page.evaluate(OVERFLOW)
        if measured["page"] > measured["width"]:
            too_wide[url] = measured
    print(f"{len(catalog.checked())} pages measured at 360×740")
    assert not too_wide, f"pages wider than the screen: {too_wide}"


def test_screenshots_of_start_insats_and_iub_page(
    mobile_page, catalog: SiteCatalog, screenshots_dir: Path
) -> None:
    shots = {
        "start": catalog.start,
        "insats": catalog.most_omraden_insats,
        "iub": max(catalog.iub, key=len),
    }
    for name, url in shots.items():
        mobile_page.goto(url)
        path = screenshots_dir / f"{name}-360x740.png"
        mobile_page.screenshot(path=str(path), full_page=False)
        mobile_page.screenshot(path=str(screenshots_dir / f"{name}-360-full.png"), full_page=True)
        assert path.stat().st_size > 5000, f"{name}: screenshot is nearly empty"


def test_insats_page_prints_without_navigation_with_address_and_citations(
    desktop_page, catalog: SiteCatalog, output_dir: Path
) -> None:
    # Chosen by data: the insats citing most works that name a web address (url/webbplats).
    url = catalog.web_cited_insats
    assert url and catalog.web_citations, "no insats cites a work with a url or webbplats"
    desktop_page.goto(url)
    h1 = desktop_page.evaluate(
        "() => [...document.querySelector('.md-content h1').childNodes]"
        ".filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()"
    )
    nav_labels = desktop_page.eval_on_selector_all(
        ".md-sidebar--primary .md-nav__link", "links => links.map(a => a.textContent.trim())"
    )
    external = desktop_page.evaluate(EXTERNAL_LINKS)
    desktop_page.emulate_media(media="print")
    hidden = desktop_page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-tabs']
          .map(s => document.querySelector(s))
          .filter(e => e && e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none')
          .map(e => e.className)"""
    )
    assert hidden == [], f"navigation visible in print: {hidden}"
    pdf = desktop_page.pdf(format="A4")
    (output_dir / "insats-print.pdf").write_bytes(pdf)
    text = " ".join(extract_text(io.BytesIO(pdf)).split())
    compact = text.replace(" ", "")
    assert h1 in text
    address = desktop_page.evaluate("() => location.origin + location.pathname")
    assert address in compact, "the page address is not printed"
    missing = [c for c in catalog.web_citations if c.replace(" ", "") not in compact]
    assert not missing, f"citations not printed: {missing}"
    # Links that leave the site print their address after the link text.
    assert all(e.replace(" ", "") in compact for e in external[:5]), "link addresses not printed"
    # Navigation entries that are not also part of the page's own text are gone.
    page_text = desktop_page.locator(".md-content").inner_text()
    leaked = [
        label
        for label in nav_labels
        if len(label) > 12 and label not in page_text and label in text
    ]
    assert not leaked, f"navigation printed: {leaked[:5]}"
