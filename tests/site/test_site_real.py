"""The real handbook, built once with `python -m generator build` (shared with the link
checker): the figures of the source on the insats pages, a page for every record."""

from __future__ import annotations

import json

import pytest
from site_build import ROOT, built_site
from test_site import Page, page

from generator.model import load_content
from generator.model.records import MEASURES


@pytest.fixture(scope="module")
def real():
    content, problems = load_content(ROOT)
    if not content.insatser:
        pytest.skip("content/insatser/ is still empty")
    assert not problems, "\n".join(map(str, problems[:20]))
    return content, built_site()


def test_at_least_20_insats_pages_show_the_exact_figures(real):
    content, site = real
    checked = 0
    names = {o.id: o.namn for o in content.omraden}
    for ins in content.insatser:
        rows = page(site, f"insatser/{ins.id}").cells
        for m in ins.medlemskap:
            if m.statistik is None:
                continue
            row = [r for r in rows if r and r[0] == names[m.omrade] and r[1].startswith(m.kategori)]
            expected = [
                str(f) if (f := getattr(m.statistik, x)) else "ej efterfrågat" for x in MEASURES
            ]
            assert any(r[2:] == expected for r in row), (ins.id, m.omrade)
            checked += 1
    assert checked >= 20


def test_every_record_has_its_page(real):
    content, site = real
    a_o = Page(site / "insatser/index.html")
    for ins in content.insatser:
        assert (site / "insatser" / ins.id / "index.html").is_file(), ins.id
        assert any(h.endswith(f"{ins.id}/") for h in a_o.links), ins.id
    for o in content.omraden:
        assert (site / "omraden" / o.id / "index.html").is_file(), o.id
    for lst in content.lists:
        folder = "iub" if lst.kind == "iub" else "skolgang"
        ids = Page(site / folder / lst.id / "index.html").ids
        missing = [li.id for g in lst.grupper for li in g.insatser if li.id not in ids]
        assert not missing, (lst.id, missing)
    sources = Page(site / "kallor/index.html").ids
    assert not [w.id for w in content.works if f"kalla-{w.id}" not in sources]


def test_search_index_has_every_insats_and_abbreviation(real):
    content, site = real
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert {f"insatser/{i.id}/" for i in content.insatser} <= locations  # every page's own
    sections = json.loads((site / index["config"]["avsnitt"]).read_text(encoding="utf-8"))
    assert all("#" in d["location"] for d in sections["docs"])  # loaded at the first query
    text = " ".join(d["text"] for d in index["docs"] + sections["docs"])
    assert all(i.forkortning in text for i in content.insatser if i.forkortning)
