"""axe-core (WCAG 2.0/2.1 A and AA rules) on the start page, every område page, a sample
of insats pages chosen by data, every IUB page, statistics, sources, A–Ö and search results."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from site_catalog import SiteCatalog

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_QUERY = "kontaktperson"
# axe rules switched off, rule id → why. Each one must be named, with its reason, in the
# accessibility statement on the About page (test_statement_names_every_disabled_rule).
DISABLED_RULES: dict[str, str] = {}


def _axe_source() -> str:
    # axe-core as bundled by the PyPI package axe-playwright-python (pinned in pyproject).
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "async ([tags, rules]) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " rules, resultTypes: ['violations']})",
        [WCAG_TAGS, {rule: {"enabled": False} for rule in DISABLED_RULES}],
    )
    return result["violations"]


# axe cannot judge text drawn over an SVG's shapes (it reports "incomplete"): the chart
# labels' contrast against the page background is computed here instead (WCAG 1.4.3).
CHART_TEXT_CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll('svg text')].map(t => {
    const [a, b] = [lum(rgb(getComputedStyle(t).fill)), lum(background(t.closest('svg')))];
    return {text: t.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
  }).filter(x => x.ratio < 4.5);
}"""


def _describe(url: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(
            f"{url}: {v['id']} ({v['impact']}, {len(v['nodes'])}×) {v['help']} – {targets}"
        )
    return lines


def _check(page, url: str, found: dict[str, list[dict]]) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found[url] = run_axe(page)
    low = page.evaluate(CHART_TEXT_CONTRAST)
    if low:
        found[url].append(
            {
                "id": "chart-text-contrast",
                "impact": "serious",
                "help": "Chart text has less than 4.5:1 contrast",
                "nodes": [{"target": [f"{x['text']} ({x['ratio']:.2f}:1)"]} for x in low],
            }
        )


def test_axe_finds_no_wcag_a_or_aa_violation(
    desktop_page, catalog: SiteCatalog, output_dir: Path
) -> None:
    found: dict[str, list[dict]] = {}
    pages = catalog.checked()
    for url in pages:
        _check(desktop_page, url, found)
    # Search-results state: Material opens the search with ?q= and lists results.
    desktop_page.goto(f"/?q={SEARCH_QUERY}")
    desktop_page.wait_for_selector(".md-search-result__item", timeout=15000)
    search_state = f"/?q={SEARCH_QUERY} (search results)"
    found[search_state] = run_axe(desktop_page)

    fired = Counter(v["id"] for vs in found.values() for v in vs)
    report = {"pages": list(found), "fired": fired, "violations": found}
    (output_dir / "axe-report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"axe checked {len(found)} page states; rules fired: {dict(fired) or 'none'}")
    assert len(catalog.insats_sample) >= 10
    problems = [line for url, vs in found.items() for line in _describe(url, vs)]
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def _few_pages(catalog: SiteCatalog) -> tuple[str, ...]:
    """Start, the two insats pages chosen by data, the widest IUB page, the statistics
    overview and the longest område statistics page, A–Ö."""
    return tuple(
        dict.fromkeys(
            (
                catalog.start,
                catalog.longest_insats,
                catalog.most_omraden_insats,
                max(catalog.iub, key=len),
            )
            + catalog.statistics[:1]
            + (catalog.longest_omrade_statistics,)
            + catalog.a_to_o[:1]
        )
    )


def _assert_no_violations(page, pages: tuple[str, ...], name: str, output_dir: Path) -> None:
    found: dict[str, list[dict]] = {}
    for url in pages:
        _check(page, url, found)
    fired = Counter(v["id"] for vs in found.values() for v in vs)
    (output_dir / f"axe-report-{name}.json").write_text(
        json.dumps(
            {"pages": list(found), "fired": fired, "violations": found},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"axe ({name}) checked {len(found)} pages; rules fired: {dict(fired) or 'none'}")
    problems = [line for url, vs in found.items() for line in _describe(url, vs)]
    assert not problems, f"{len(problems)} axe violations ({name}):\n" + "\n".join(problems)


def test_axe_finds_no_violation_in_dark_mode(
    dark_page, catalog: SiteCatalog, output_dir: Path
) -> None:
    # Material's slate scheme has its own colours: contrast is checked again in it.
    dark_page.goto(catalog.start)
    scheme = dark_page.get_attribute("body", "data-md-color-scheme")
    assert scheme == "slate", f"dark mode not applied ({scheme})"
    _assert_no_violations(dark_page, _few_pages(catalog), "dark", output_dir)


def test_axe_finds_no_violation_on_a_phone(
    mobile_page, catalog: SiteCatalog, output_dir: Path
) -> None:
    # At 360 px tables and charts scroll inside their own boxes, which must be focusable.
    _assert_no_violations(mobile_page, _few_pages(catalog), "phone", output_dir)


def test_axe_is_able_to_find_a_violation(desktop_page) -> None:
    # Guards the harness: an image without alt text must be reported.
    desktop_page.set_content('<html lang="sv"><title>t</title><main><img src="x.png"></main>')
    assert "image-alt" in {v["id"] for v in run_axe(desktop_page)}


def test_chart_contrast_check_finds_pale_chart_text(desktop_page) -> None:
    desktop_page.set_content('<svg><rect width="9" height="9"/><text fill="#bbb">12</text></svg>')
    assert [x["text"] for x in desktop_page.evaluate(CHART_TEXT_CONTRAST)] == ["12"]


def test_statement_names_every_disabled_rule(desktop_page, catalog: SiteCatalog) -> None:
    about = next(p for p in catalog.all_pages if p.rstrip("/").endswith("/om"))
    desktop_page.goto(about)
    statement = desktop_page.locator("#tillganglighet ~ *").all_inner_texts()
    text = " ".join(" ".join(statement).split())
    assert (
        desktop_page.locator("h2#tillganglighet")
        .inner_text()
        .startswith("Tillgänglighetsredogörelse")
    )
    assert "Kända brister" in text and "WCAG 2.0 och 2.1 nivå A och AA" in text
    if DISABLED_RULES:
        missing = [r for r, why in DISABLED_RULES.items() if r not in text or why not in text]
        assert not missing, f"disabled axe rules not in the statement: {missing}"
    else:
        assert "Inga regler är avstängda" in text
