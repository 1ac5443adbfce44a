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


def _axe_source() -> str:
    # axe-core as bundled by the PyPI package axe-playwright-python (pinned in pyproject).
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def _describe(url: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{url}: {v['id']} ({v['impact']}, {len(v['nodes'])}×) {v['help']} – {targets}")
    return lines


def _check(page, url: str, found: dict[str, list[dict]]) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found[url] = run_axe(page)


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


def test_axe_is_able_to_find_a_violation(desktop_page) -> None:
    # Guards the harness: an image without alt text must be reported.
    desktop_page.set_content('<html lang="sv"><title>t</title><main><img src="x.png"></main>')
    assert "image-alt" in {v["id"] for v in run_axe(desktop_page)}
