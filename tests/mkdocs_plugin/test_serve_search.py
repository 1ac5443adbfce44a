"""`make serve` rebuilds only changed pages (`mkdocs serve --dirty`): the search index it
serves must still cover the whole site, with each page's entries from its latest build."""

from __future__ import annotations

from generator.mkdocs_plugin.plugin import whole_index

ORDER = ["", "insatser/", "insatser/a/", "insatser/b/", "omraden/x/"]


def entries(page: str, text: str) -> list[dict]:
    return [
        {"location": page, "title": page, "text": text},
        {"location": page + "#forklaring", "title": "Vad är insatsen?", "text": text},
    ]


def first_build() -> dict[str, list[dict]]:
    docs = [e for page in ORDER for e in entries(page, "v1")]
    return whole_index(docs, len(docs), ORDER, {})


def test_first_build_keeps_every_page_in_build_order():
    pages = first_build()
    assert list(pages) == ORDER
    assert all(len(v) == 2 for v in pages.values())


def test_several_rebuilt_pages_replace_their_old_entries_and_nothing_else():
    previous = first_build()
    # What Material writes after a dirty build that rebuilt a/ and x/: it dropped only the
    # first rebuilt page's old entries, kept x/'s stale ones and appended the new ones.
    kept = [e for page in ORDER if page != "insatser/a/" for e in previous[page]]
    new = entries("insatser/a/", "v2") + entries("omraden/x/", "v2")
    pages = whole_index(kept + new, len(new), ORDER, previous)
    assert list(pages) == ORDER
    assert [e["text"] for e in pages["insatser/a/"]] == ["v2", "v2"]
    assert [e["text"] for e in pages["omraden/x/"]] == ["v2", "v2"]  # no stale v1 copy
    assert pages["insatser/b/"] == previous["insatser/b/"]
    assert sum(len(v) for v in pages.values()) == 2 * len(ORDER)


def test_a_removed_page_leaves_the_index_and_a_build_of_nothing_changes_nothing():
    previous = first_build()
    order = [p for p in ORDER if p != "insatser/b/"]
    docs = [e for page in ORDER for e in previous[page]]
    pages = whole_index(docs, 0, order, previous)
    assert list(pages) == order
    assert pages["insatser/a/"] == previous["insatser/a/"]
