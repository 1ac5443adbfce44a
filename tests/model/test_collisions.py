"""The ids validate reserves (generator/model/collisions.py) are the pages and anchors the
templates really write: checked against the rendered real content, so a new generated page
or anchor that a record id could collide with fails here first."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from generator.model import collisions, load_content
from generator.site.crossrefs import link
from generator.site.render import render_site

ROOT = Path(__file__).resolve().parents[2]
_ANCHOR = re.compile(r"\{ #([^ }]+) \}|\sid=\"([^\"]+)\"")


@lru_cache(maxsize=1)
def rendered():
    content, problems = load_content(ROOT)
    assert problems == []
    return content, render_site(link(content))


def anchors(page: str) -> list[str]:
    return [a or b for a, b in _ANCHOR.findall(page)]


def test_every_generated_page_beside_record_pages_is_reserved():
    content, files = rendered()
    ids = {
        "insatser": {i.id for i in content.insatser},
        "omraden": {o.id for o in content.omraden},
        "iub": {x.id for x in content.lists if x.kind == "iub"},
        "skolgang": {x.id for x in content.lists if x.kind == "skolgang"},
        "livssituationer": {x.id for x in content.situationer},
        "statistik": {o.id for o in content.omraden},
    }
    for path in files:
        folder, _, name = path.rpartition("/")
        if folder in ids and name.endswith(".md") and name[:-3] not in ids[folder]:
            assert name[:-3] in collisions.RESERVED_PAGES[folder], path
    # A folder of pages named by record ids must be known to the reserved-name check.
    per_record = {
        p.split("/")[0]
        for p in files
        if p.count("/") == 1 and p.endswith(".md") and p.split("/")[1][:-3] not in ("index",)
    }
    # nedladdning/ and alder/ (the age filter's pages) hold fixed pages only
    assert per_record <= {*collisions.RESERVED_PAGES, "nedladdning", "alder"}, per_record


def test_no_page_has_an_anchor_twice():
    _, files = rendered()
    for path, text in files.items():
        if path.endswith(".md"):
            twice = [a for a, n in Counter(anchors(text)).items() if n > 1]
            assert twice == [], (path, twice)


def test_the_fixed_anchors_of_list_skolgang_and_statistics_pages_are_reserved():
    content, files = rendered()
    for lst in content.lists:
        page = files[f"{'iub' if lst.kind == 'iub' else 'skolgang'}/{lst.id}.md"]
        own = {li.id for g in lst.grupper for li in g.insatser}
        own |= {f"grupp-{g.id}" for g in lst.grupper}
        assert set(anchors(page)) - own <= collisions.LIST_PAGE_ANCHORS
    skolgang = [x for x in content.lists if x.kind == "skolgang"]
    own = {x.id for x in skolgang} | {f"{x.id}-{g.id}" for x in skolgang for g in x.grupper}
    assert set(anchors(files["skolgang/index.md"])) - own <= collisions.SKOLGANG_ANCHORS
    # The statistics pages write no record id into an anchor: every one is fixed.
    statistics = [p for p in files if p.startswith("statistik/") and p.endswith(".md")]
    assert len(statistics) == 1 + len(content.omraden)
    for path in statistics:
        assert set(anchors(files[path])) <= collisions.STATISTICS_ANCHORS, path
