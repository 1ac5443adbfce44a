"""The plugin's narrowed Markdown (generator/mkdocs_plugin/markdown_subset.py) converts every
generated page exactly as full Python-Markdown does: the real content and the sample with
awkward text."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from generator.mkdocs_plugin.markdown_subset import GeneratedMarkdownSubset
from generator.model import load_content
from generator.site.crossrefs import link
from generator.site.render import render_site

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]  # mkdocs.yml's


def _pages(files: dict[str, str]) -> dict[str, str]:
    return {
        path: text.split("---\n", 2)[2] if text.startswith("---\n") else text
        for path, text in files.items()
        if path.endswith(".md")
    }


def _differing(pages: dict[str, str]) -> list[str]:
    full = markdown.Markdown(extensions=EXTENSIONS)
    subset = markdown.Markdown(extensions=[*EXTENSIONS, GeneratedMarkdownSubset()])
    return [
        path
        for path, text in pages.items()
        if full.reset().convert(text) != subset.reset().convert(text)
    ]


@pytest.fixture(scope="module")
def real_pages() -> dict[str, str]:
    content, problems = load_content(ROOT)
    assert not problems
    return _pages(render_site(link(content)))


def test_every_real_page_converts_as_with_full_markdown(real_pages) -> None:
    assert len(real_pages) > 300
    assert _differing(real_pages) == []


def test_every_sample_page_converts_as_with_full_markdown(sample_content) -> None:
    assert _differing(_pages(render_site(link(sample_content)))) == []


def test_the_left_out_syntax_would_show() -> None:
    """The check above can fail: a page using a left-out pattern converts differently."""
    pages = {"a.md": "Se <https://example.org> och [x][1].\n\n[1]: https://example.org\n"}
    assert _differing(pages) == ["a.md"]
