"""Escaping of YAML text for Markdown and HTML: what an editor writes is what a reader sees."""

from __future__ import annotations

import markdown
import pytest

from generator.site.escape import h, md, md_blocks, safe_url

EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[länk](javascript:x)",
        "![bild](http://x/y.png)",
        "{{ 7*7 }}",
        "{% if %}",
        "{: onclick=alert(1) }",
        "# rubrik",
        "1. lista",
        "- punkt",
        "> citat",
        "!!! note",
        "a | b | c",
        "*kursiv* och __fet__ och `kod`",
        "a & b &amp; c",
        "<http://example.com>",
    ],
)
def test_markdown_text_renders_literally(text):
    html = rendered(str(md(text)))
    assert html.startswith("<p>") and html.endswith("</p>")
    import html as html_mod

    assert html_mod.unescape(html[3:-4]) == text
    assert "<script" not in html and "<a" not in html and "<img" not in html


def test_text_at_line_start_after_spaces_cannot_start_a_block():
    assert rendered(str(md("   # rubrik"))).startswith("<p>")


def test_paragraphs_and_bullets_keep_their_order():
    out = rendered(str(md_blocks("Först\n• ett\n• två\nfortsatt\n\nSist <b>")))
    assert (
        out.index("Först")
        < out.index("<li>ett</li>")
        < out.index("två fortsatt")
        < out.index("Sist")
    )
    assert "&#60;b&#62;" in out or "&lt;b&gt;" in out


def test_html_escape_quotes_attributes():
    assert str(h('"><script>')) == "&quot;&gt;&lt;script&gt;"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "data:text/html,x",
        "/relativ",
        "ftp://x",
        "http://",
        "",
    ],
)
def test_only_http_urls_are_links(url):
    assert safe_url(url) is None


def test_http_url_is_encoded_for_link_and_attribute():
    url = safe_url('https://a.se/x(1)?a=1&b="<>')
    assert url == "https://a.se/x%281%29?a=1&amp;b=%22%3C%3E"


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example/","Klicka")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_csv_cell_that_a_spreadsheet_would_run_opens_as_text(text):
    from generator.site.escape import csv_cell

    assert csv_cell(text) == "'" + text
    assert csv_cell("Kontaktperson") == "Kontaktperson" and csv_cell(-3) == -3


def test_the_csv_download_neutralises_formulas_and_the_json_keeps_the_text():
    import csv
    import dataclasses
    import io
    import json

    from site_sample import make_sample_content

    from generator.site.crossrefs import link
    from generator.site.render import JSON_PATH, render_site
    from generator.site.render.statistik import CSV_PATH

    content = make_sample_content()
    formula = '=HYPERLINK("https://evil.example/","Klicka")'
    first = dataclasses.replace(content.insatser[0], namn=formula)
    files = render_site(link(dataclasses.replace(content, insatser=(first, *content.insatser[1:]))))
    rows = list(csv.DictReader(io.StringIO(files[CSV_PATH])))
    assert {r["insats"] for r in rows if r["insats_id"] == first.id} == {"'" + formula}
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    data = json.loads(files[JSON_PATH])
    assert next(i for i in data["insatser"] if i["id"] == first.id)["namn"] == formula
