"""'Andra insatser i samma kategori' on an insats page: a bounded window of neighbours in
source order plus a link to the whole category on the område page (issue 3, issue 6)."""

from __future__ import annotations

import re

import pytest

from generator.model.records import Category, Content, Insats, Membership, Omrade
from generator.site.crossrefs import link
from generator.site.render.insats import render_insats


def big_category(n: int) -> Content:
    """One område, one category of n insatser listed in source order i01, i02, …"""
    insatser = tuple(
        Insats(
            f"i{k:02d}",
            f"Insats {k:02d}",
            None,
            (),
            (Membership("vuxna", "4.1", None, k, f"Insats {k:02d}", None, (), None),),
        )
        for k in range(1, n + 1)
    )
    omrade = Omrade("vuxna", 4, "Vuxna", None, (Category("4.1", "Öppenvård", ()),))
    return Content(insatser, (omrade,), (), (), None)


def sibling_section(content: Content, insats_id: str) -> str:
    index = link(content)
    _, page = render_insats(index.insats[insats_id], index)
    start = page.index("{ #samma-kategori data-search-exclude }")
    end = page.find("\n## ", start)
    return page[start : end if end > 0 else len(page)]


def linked_ids(section: str) -> list[str]:
    return re.findall(r"\]\((i\d\d)\.md\)", section)


@pytest.fixture
def twenty() -> Content:
    return big_category(20)


def test_middle_insats_shows_four_neighbours_each_side_in_source_order(twenty):
    section = sibling_section(twenty, "i10")
    assert linked_ids(section) == ["i06", "i07", "i08", "i09", "i11", "i12", "i13", "i14"]


def test_first_and_last_insats_show_eight_neighbours_on_their_one_side(twenty):
    assert linked_ids(sibling_section(twenty, "i01")) == [f"i{k:02d}" for k in range(2, 10)]
    assert linked_ids(sibling_section(twenty, "i20")) == [f"i{k:02d}" for k in range(12, 20)]


def test_whole_category_is_one_link_to_the_omrade_page_section(twenty):
    section = sibling_section(twenty, "i10")
    assert "[alla 20 insatser i kategorin](../omraden/vuxna.md#kategori-4-1)" in section


def test_small_category_lists_every_other_insats():
    section = sibling_section(big_category(4), "i02")
    assert linked_ids(section) == ["i01", "i03", "i04"]
    assert "alla 4 insatser i kategorin" in section


def test_page_size_does_not_grow_with_the_category():
    sizes = []
    for n in (20, 200):
        index = link(big_category(n))
        sizes.append(len(render_insats(index.insats["i10"], index)[1]))
    assert sizes[1] - sizes[0] <= 2  # only the count "20" → "200" differs
