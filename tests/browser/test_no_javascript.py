"""With JavaScript off, every page reads: content, figures (tables, charts) and links are
there and visible; language, skip link, table headers and captions on every page."""

from __future__ import annotations

import pytest
from site_catalog import SiteCatalog

pytestmark = pytest.mark.browser

AUDIT = """() => {
  const visible = e => e.getClientRects().length > 0
    && getComputedStyle(e).visibility !== 'hidden';
  const article = document.querySelector('.md-content article') || document.querySelector('main');
  const inClosedDetails = e => { const d = e.closest('details'); return d && !d.open; };
  const links = [...article.querySelectorAll('a[href]')]
    .filter(a => !a.classList.contains('headerlink') && !inClosedDetails(a));
  const tables = [...article.querySelectorAll('table')];
  const charts = [...article.querySelectorAll('svg, canvas, img')]
    .filter(e => !e.closest('a.headerlink, .md-content__button, .twemoji'));
  const skip = document.querySelector('a.md-skip');
  return {
    lang: document.documentElement.lang,
    h1: article.querySelector('h1')?.innerText.trim() || '',
    text: article.innerText.trim().length,
    hiddenLinks: links.filter(a => !visible(a)).map(a => a.getAttribute('href')).slice(0, 5),
    links: links.length,
    tables: tables.length,
    hiddenTables: tables.filter(t => !visible(t) && !inClosedDetails(t)).length,
    tablesWithoutTh: tables.filter(t => !t.querySelector('th')).length,
    // textContent: a table off the screen is not rendered yet (content-visibility: auto in
    // handbok.css), and innerText of what is not rendered is empty
    tablesWithoutCaption: tables.filter(t => !t.querySelector('caption')?.textContent.trim())
      .length,
    charts: charts.length,
    hiddenCharts: charts.filter(c => !visible(c) && !inClosedDetails(c)).length,
    chartsWithoutText: charts.filter(c => c.tagName === 'CANVAS'
      || (c.tagName === 'svg' && !(c.querySelector('title')?.textContent.trim()
          || c.getAttribute('aria-label')) && c.getAttribute('aria-hidden') !== 'true')
      || (c.tagName === 'IMG' && c.getAttribute('alt') === null)).length,
    skip: skip ? skip.getAttribute('href') : null,
    skipTarget: skip ? !!document.querySelector(skip.getAttribute('href')) : false,
  };
}"""


def test_every_page_reads_without_javascript(no_js_page, catalog: SiteCatalog) -> None:
    problems: list[str] = []
    totals = {"links": 0, "tables": 0, "charts": 0}
    for url in catalog.all_pages:
        no_js_page.goto(url)
        a = no_js_page.evaluate(AUDIT)
        for key in totals:
            totals[key] += a[key]
        checks = {
            'lang is not "sv"': a["lang"] != "sv",
            "no h1": not a["h1"],
            "almost no text": a["text"] < 40,
            f"hidden links {a['hiddenLinks']}": bool(a["hiddenLinks"]),
            "hidden tables": a["hiddenTables"] > 0,
            "table without th": a["tablesWithoutTh"] > 0,
            "table without caption": a["tablesWithoutCaption"] > 0,
            "hidden chart": a["hiddenCharts"] > 0,
            "chart without text alternative": a["chartsWithoutText"] > 0,
            "no skip link to the content": not a["skipTarget"],
        }
        problems += [f"{url}: {what}" for what, bad in checks.items() if bad]
    print(f"{len(catalog.all_pages)} pages without JavaScript: {totals}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:100])


def test_area_pages_show_their_figures_as_text(no_js_page, catalog: SiteCatalog) -> None:
    # Each figure a chart draws ("169 (70 %)") is also in a table or the text of the same
    # page, so no figure exists only as a drawing.
    missing = {}
    for url in catalog.omraden + catalog.statistics:
        no_js_page.goto(url)
        lost = no_js_page.evaluate(
            """() => {
              const article = document.querySelector('.md-content article');
              const text = [...article.querySelectorAll('table, p, li, dd')]
                .map(e => e.innerText).join(' ').replace(/\\s+/g, ' ');
              const figures = [...article.querySelectorAll('svg text')]
                .map(t => t.textContent.trim()).filter(t => /^\\d+ \\(\\d+ %\\)$/.test(t));
              return figures.filter(f => !text.includes(f.replace(/\\s+/g, ' ')));
            }"""
        )
        if lost:
            missing[url] = lost[:5]
    assert not missing, f"chart figures not in any table or text: {missing}"
