"""The Markdown the generator writes uses few of Python-Markdown's inline patterns: this
extension leaves out the ones it never writes, which the converter would otherwise try on
every run of text of every page (a quarter of the Markdown conversion).

Never written, because YAML text reaches the Markdown escaped (escape.md turns `[ ] < > !`
at a block start and two trailing spaces into plain text) and the templates use only links,
emphasis, inline HTML, entities and code: reference links and images, autolinks and hard
line breaks. tests/test_markdown_subset.py converts every page of the real content both
ways, so a template that starts to use one of them fails the tests instead of rendering
differently.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE = (
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
)


class GeneratedMarkdownSubset(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED_INLINE:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
