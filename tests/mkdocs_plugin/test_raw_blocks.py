"""The hook's fast path for generated HTML blocks: the page comes out exactly as Python-Markdown
would make it, and MkDocs still learns the ids inside the blocks."""

from __future__ import annotations

import markdown
import pytest

from generator.mkdocs_plugin.raw_blocks import (
    anchor_ids,
    resolve_links,
    restore,
    search_view,
    stash,
)

EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]

TABLE = (
    '<div class="ih-tabell" tabindex="0" role="region" aria-label="A &amp; B"><table>\n'
    '<caption>A &amp; B</caption>\n<tbody>\n<tr><th scope="row"><a href="../x/">X</a></th>'
    '<td class="ih-tal">169 (70 %)</td></tr>\n</tbody></table></div>'
)
CHART = (
    '<figure class="ih-figur" tabindex="0"><svg viewBox="0 0 10 10"><title id="d-t">T</title>'
    '<rect x="1" y="1" width="2" height="2"/></svg><figcaption>T</figcaption></figure>'
)
CITED = '<ol class="ih-kallhanvisningar"><li id="kallhanvisning-1">Källa.</li></ol>'
FOOT = '<p class="ih-kallfil">Innehållet kommer från <code>content/insatser/x.yml</code>.</p>'

PAGES = {
    "blocks between Markdown": f"# Titel {{ #insats }}\n\nText med *betoning*.\n\n{TABLE}\n\n"
    f"{CHART}\n\n## Källor {{ #kallor }}\n\n{CITED}\n\n{FOOT}\n",
    "block first and last": f"{CHART}\n\n- en\n- två\n\n{TABLE}",
    "no blocks": "# Titel\n\n[länk](a.md) och &#42;text&#42;\n",
    "admonition keeps its indented block": f'!!! warning "Obs"\n\n    {FOOT}\n\n{FOOT}\n',
}


@pytest.mark.parametrize("name", PAGES)
def test_page_is_identical_to_plain_python_markdown(name):
    text = PAGES[name]
    expected = markdown.markdown(text, extensions=EXTENSIONS)
    stashed, blocks = stash(text)
    assert restore(markdown.markdown(stashed, extensions=EXTENSIONS), blocks) == expected


def test_blocks_are_taken_out_of_the_markdown():
    stashed, blocks = stash(PAGES["blocks between Markdown"])
    assert blocks == [TABLE, CHART, CITED, FOOT]
    assert "<" not in stashed


def test_an_unclosed_or_continued_block_is_left_to_markdown():
    text = '<div class="ih-tabell">\n<table>\n\n</table></div>\n\n<p class="ih-x">a</p> efter\n'
    assert stash(text) == (text, [])


def test_ids_inside_blocks_are_reported_for_the_anchor_check():
    _, blocks = stash(PAGES["blocks between Markdown"])
    assert anchor_ids(blocks) == {"d-t", "kallhanvisning-1"}


@pytest.mark.parametrize("name", PAGES)
def test_page_restored_from_the_search_view_is_identical(name):
    text = PAGES[name]
    stashed, blocks = stash(text)
    converted = markdown.markdown(stashed, extensions=EXTENSIONS)
    assert restore(search_view(converted, blocks), blocks) == restore(converted, blocks)


def test_search_view_drops_the_chart_and_keeps_the_words_of_the_table():
    stashed, blocks = stash(PAGES["blocks between Markdown"])
    view = search_view(markdown.markdown(stashed, extensions=EXTENSIONS), blocks)
    assert "<svg" not in view and "<rect" not in view and "<table" not in view
    assert "A &amp; B X 169 (70 %)" in view  # cells apart, escaped as on the page
    assert CITED in view and FOOT in view  # other blocks are indexed as they are
    assert "ihrawblock" not in view.replace("<!--ihrawblock", "").replace("<!--/ihrawblock", "")


@pytest.mark.parametrize(
    "forged",
    [
        "ihrawblock000000x",  # the old, fixed form
        "ihrawblock0123456789abcdefn000000x",  # a guessed token
        "ihrawblock000099x",
    ],
)  # an index past the end
def test_text_that_looks_like_a_placeholder_stays_text(forged):
    # A YAML paragraph equal to a marker: escaped by md() it would still be this word.
    text = f"{forged}\n\n{TABLE}\n\n{forged}\n"
    stashed, blocks = stash(text)
    converted = markdown.markdown(stashed, extensions=EXTENSIONS)
    page = restore(search_view(converted, blocks), blocks)
    assert page == markdown.markdown(text, extensions=EXTENSIONS)
    assert page.count(f"<p>{forged}</p>") == 2 and page.count("<table>") == 1


def test_every_stash_has_its_own_token():
    _, first = stash(f"{TABLE}\n")
    _, second = stash(f"{TABLE}\n")
    assert first.token != second.token
    # The placeholder of one page is text to another page's restore.
    assert restore(f"<p>{first.placeholder(0)}</p>", second) == f"<p>{first.placeholder(0)}</p>"


def test_yaml_text_equal_to_a_marker_stays_text_on_the_built_page(tmp_path):
    """End to end: an explanation that is exactly an (old) placeholder, one with an index
    past the end and one with a made-up token is shown as that text, no block is copied."""
    import dataclasses

    from sample_tree import make_tree
    from site_sample import make_sample_content

    from generator.build import build_site
    from generator.model.dump import dump_content

    forged = ["ihrawblock000000x", "ihrawblock000099x", "ihrawblockdeadbeefdeadbeefn000000x"]
    content = make_sample_content()
    ins = content.insatser[0]
    member = dataclasses.replace(ins.medlemskap[0], forklaring="\n\n".join(forged))
    ins = dataclasses.replace(ins, medlemskap=(member, *ins.medlemskap[1:]))
    root = make_tree(tmp_path / "repo")
    (root / "build/docs").mkdir(parents=True)
    changed = dataclasses.replace(content, insatser=(ins, *content.insatser[1:]))
    for rel, text in dump_content(changed).items():
        (root / rel).write_text(text, encoding="utf-8")
    build_site(root, "site")
    page = (root / f"site/insatser/{ins.id}/index.html").read_text(encoding="utf-8")
    for text in forged:
        assert f"<p>{text}" in page  # the last one is followed by its citation mark
    markdown = (root / f"build/docs/insatser/{ins.id}.md").read_text(encoding="utf-8")
    for block in ('<div class="ih-tabell"', '<figure class="ih-figur"'):
        assert page.count(block) == markdown.count(block) > 0  # none copied into a paragraph


def test_links_to_page_files_become_urls_and_a_missing_page_is_reported():
    urls = {"../omraden/aldre.md": "../../omraden/aldre/", "x.md": "../x/"}
    text = (
        '<p class="ih-x"><a href="../omraden/aldre.md#kategori-2-4">Äldre</a> '
        '<a href="x.md">X</a> <a href="#kallhanvisning-1">[1]</a> '
        '<a href="https://example.org/a.md">extern</a> <a href="borta.md">borta</a></p>\n'
        "[Markdown](x.md)\n"
    )
    resolved, missing = resolve_links(text, urls.get)
    assert resolved == (
        '<p class="ih-x"><a href="../../omraden/aldre/#kategori-2-4">Äldre</a> '
        '<a href="../x/">X</a> <a href="#kallhanvisning-1">[1]</a> '
        '<a href="https://example.org/a.md">extern</a> <a href="borta.md">borta</a>'
        "</p>\n[Markdown](x.md)\n"
    )  # Markdown links are MkDocs' own to rewrite
    assert missing == ["borta.md"]


def test_search_view_leaves_out_excluded_sections_up_to_the_next_heading():
    from generator.mkdocs_plugin.raw_blocks import definitions_apart, without_excluded_sections

    html = (
        '<h1 id="a">A</h1><p>kvar</p><h2 id="s" data-search-exclude>Statistik</h2>'
        '<table><tr><td>12</td></tr></table><h3 id="t">Under</h3><p>också kvar</p>'
        '<h2 id="k" data-search-exclude>Källor</h2><ol><li>x</li></ol>'
    )
    assert without_excluded_sections(html) == (
        '<h1 id="a">A</h1><p>kvar</p><h3 id="t">Under</h3><p>också kvar</p>'
    )
    assert without_excluded_sections("<p>x</p>") == "<p>x</p>"
    assert definitions_apart(
        "<dl><dt>Nationell insats</dt><dd>Ingen</dd><dt>Källa</dt><dd>X</dd></dl>"
    ) == ("<dl><dt>Nationell insats:</dt> <dd>Ingen</dd> <dt>Källa:</dt> <dd>X</dd> </dl>")


def test_search_view_leaves_out_the_source_marks_but_not_other_superscripts():
    from generator.mkdocs_plugin.raw_blocks import without_source_marks

    html = (
        '<p>Bistånd i bostaden <sup><a href="#kallhanvisning-2">[2]</a>,'
        '<a href="#kallhanvisning-1">[1]</a></sup> och mer.</p><p>m<sup>2</sup></p>'
    )
    assert without_source_marks(html) == "<p>Bistånd i bostaden och mer.</p><p>m<sup>2</sup></p>"
