"""The generator's raw HTML blocks (tables, charts, citation lists) past Python-Markdown.

The renderers emit these blocks already escaped and complete, so Markdown has nothing to
do with them, yet Python-Markdown and MkDocs each parse every one with HTMLParser (two of
the build's costliest steps). The MkDocs hook swaps each such block for a placeholder
paragraph before conversion and puts it back afterwards: the same HTML, parsed by neither.
The generated Markdown on disk is unchanged, so other builders still read it as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

# Opening lines of the blocks render/ writes (class names of the handbook's own CSS).
_START = re.compile(r'<(div|figure|ol|p) class="ih-[a-z-]+"[^\n]*')
_ID = re.compile(r'\sid="([^"]*)"')
_PLACEHOLDER = "ihrawblock{:06d}x"
_PLACEHOLDER_P = re.compile(r"<p>ihrawblock(\d{6})x</p>")


def _balanced(block: str, tag: str) -> bool:
    """The block is one element: it ends with its closing tag and opens/closes evenly."""
    return (block.endswith(f"</{tag}>")
            and block.count(f"<{tag} ") + block.count(f"<{tag}>") == block.count(f"</{tag}>"))


def stash(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each top-level generated HTML block (a paragraph of its own, starting
    at the margin) replaced by a placeholder paragraph; the blocks in order."""
    chunks = markdown.split("\n\n")
    blocks: list[str] = []
    for i, chunk in enumerate(chunks):
        body = chunk.rstrip("\n")  # the page's last chunk ends with its final newline
        m = _START.match(body)
        if m and _balanced(body, m.group(1)):
            chunks[i] = _PLACEHOLDER.format(len(blocks)) + chunk[len(body):]
            blocks.append(body)
    return "\n\n".join(chunks), blocks


def restore(content: str, blocks: Sequence[str]) -> str:
    """Put the blocks back where Markdown left their placeholder paragraphs."""
    if not blocks:
        return content
    # Python-Markdown ends a raw block with a newline of its own, except at the end of the
    # page (it strips its output): the same here, for identical pages.
    restored = _PLACEHOLDER_P.sub(lambda m: blocks[int(m.group(1))] + "\n", content)
    return restored.rstrip("\n") if not content.endswith("\n") else restored


def anchor_ids(blocks: Sequence[str]) -> set[str]:
    """The ids in the blocks, for MkDocs' anchor check (it no longer sees the blocks)."""
    return {html.unescape(v) for b in blocks for v in _ID.findall(b)}
