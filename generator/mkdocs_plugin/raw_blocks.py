"""The generator's raw HTML blocks (tables, charts, citation lists) past Python-Markdown.

The renderers emit these blocks already escaped and complete, so Markdown has nothing to
do with them, yet Python-Markdown and MkDocs each parse every one with HTMLParser (two of
the build's costliest steps). The MkDocs hook swaps each such block for a placeholder
paragraph before conversion and puts it back afterwards: the same HTML, parsed by neither.
The generated Markdown on disk is unchanged, so other builders still read it as it is.
The search plugin, too, reads a light view of the page (search_view): a chart not at all
(the page shows its figures in a table), a table as its plain words; the page is unchanged.

Links in the blocks name page files, as Markdown links do (site/render/common.link_html):
Zensical turns such an href into the page's URL itself; for MkDocs, which leaves raw HTML
alone, resolve_links does it before the blocks are stashed.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Sequence

# Opening lines of the blocks render/ writes (class names of the handbook's own CSS).
_START = re.compile(r'<(div|figure|ol|p) class="ih-[a-z-]+"[^\n]*')
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
# An href the generator writes to another page: a relative path to its .md file, maybe
# with a fragment (site/render/common.a and link_html). URLs with a scheme, a leading
# slash or only a fragment do not match and stay as they are.
_PAGE_HREF = re.compile(r'<a href="([^"#:/][^"#:]*?\.md)(#[^"]*)?"')
_SPACE = re.compile(r"\s+")


class Blocks(list[str]):
    """A page's stashed blocks, in order, and the random token of their placeholders.

    The token is new for every page of every build, so no text – a YAML value that looks
    like a placeholder, an old placeholder, one with an index past the end – can be taken
    for one and replaced by trusted HTML (issue 10): only the placeholders this stash wrote
    are ever restored."""

    def __init__(self, blocks: Sequence[str] = ()) -> None:
        super().__init__(blocks)
        self.token = secrets.token_hex(8)

    def placeholder(self, n: int) -> str:
        return f"ihrawblock{self.token}n{n:06d}x"

    def block(self, m: re.Match[str]) -> str | None:
        """The block a placeholder match (of _PARAGRAPH or _EITHER) stands for; None for
        another token's – then it is only text."""
        token, digits = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if token != self.token or int(digits) >= len(self):
            return None
        return self[int(digits)]


# Placeholders of any token, which Blocks.block compares in code: one pattern for every
# page. Patterns made of each page's token were compiled 3 per page on every build (5 % of
# a profiled build) and pushed the patterns Markdown uses out of re's cache.
_PLACEHOLDER = r"ihrawblock([0-9a-f]{16})n(\d{6})x"
_PARAGRAPH = re.compile(rf"<p>{_PLACEHOLDER}</p>")
# search_view's form: comments the search parser skips, around the words.
_COMMENT_FORM = rf"<!--{_PLACEHOLDER}-->[^\n]*?<!--/ihrawblock-->"
_EITHER = re.compile(f"{_PARAGRAPH.pattern}|{_COMMENT_FORM}")


def _balanced(block: str, tag: str) -> bool:
    """The block is one element: it ends with its closing tag and opens/closes evenly."""
    return block.endswith(f"</{tag}>") and block.count(f"<{tag} ") + block.count(
        f"<{tag}>"
    ) == block.count(f"</{tag}>")


def resolve_links(markdown: str, url_of: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """Markdown with every raw-HTML href to a page file replaced by the URL url_of gives
    for that path (relative to this page's file), fragment kept; the paths it gave none for
    stay as they are and are returned, so the caller can say which links are broken."""
    missing: list[str] = []

    def resolve(m: re.Match[str]) -> str:
        url = url_of(html.unescape(m.group(1)))
        if url is None:
            missing.append(m.group(1))
            return m.group(0)
        return f'<a href="{html.escape(url)}{m.group(2) or ""}"'

    return _PAGE_HREF.sub(resolve, markdown), missing


def stash(markdown: str) -> tuple[str, Blocks]:
    """Markdown with each top-level generated HTML block (a paragraph of its own, starting
    at the margin) replaced by a placeholder paragraph; the blocks in order."""
    chunks = markdown.split("\n\n")
    blocks = Blocks()
    for i, chunk in enumerate(chunks):
        body = chunk.rstrip("\n")  # the page's last chunk ends with its final newline
        m = _START.match(body)
        if m and _balanced(body, m.group(1)):
            chunks[i] = blocks.placeholder(len(blocks)) + chunk[len(body) :]
            blocks.append(body)
    return "\n\n".join(chunks), blocks


def restore(content: str, blocks: Sequence[str]) -> str:
    """Put the blocks back where Markdown left their placeholder paragraphs."""
    if not blocks or not isinstance(blocks, Blocks):
        return content
    # Python-Markdown ends a raw block with a newline of its own, except at the end of the
    # page (it strips its output): the same here, for identical pages.

    def put_back(m: re.Match[str]) -> str:
        block = blocks.block(m)
        return m.group(0) if block is None else block + "\n"

    restored = _EITHER.sub(put_back, content)
    return restored.rstrip("\n") if not content.endswith("\n") else restored


def search_words(block: str) -> str:
    """What the search index needs of a block: nothing of a chart (its figures are in the
    table beside it), the words of a table – cells apart, where HTML gave "gesGes" – and
    any other block as it is. The text stays HTML-escaped, as in the block."""
    if block.startswith('<figure class="ih-figur"'):
        return ""
    if block.startswith('<div class="ih-tabell'):
        return _SPACE.sub(" ", _TAG.sub(" ", block)).strip()
    return block


def search_view(content: str, blocks: Sequence[str]) -> str:
    """The converted page as the search plugin should read it: charts and tables – most of
    the tags of a page, which the plugin parses one by one – reduced to their words, other
    blocks put back. restore() turns it into the page itself."""
    if not blocks or not isinstance(blocks, Blocks):
        return content

    def view(m: re.Match) -> str:
        block = blocks.block(m)
        if block is None:
            return m.group(0)
        words = search_words(block)
        if words is block:  # parsed like the rest of the page
            return block + "\n"
        return f"<!--{blocks.placeholder(int(m.group(2)))}-->{words}<!--/ihrawblock-->"

    viewed = _PARAGRAPH.sub(view, content)
    return viewed.rstrip("\n") if not content.endswith("\n") else viewed


def anchor_ids(blocks: Sequence[str]) -> set[str]:
    """The ids in the blocks, for MkDocs' anchor check (it no longer sees the blocks)."""
    return {html.unescape(v) for b in blocks for v in _ID.findall(b)}


_DT_END = re.compile(r"</dt>\s*")
_DD_END = re.compile(r"</dd>\s*")


def definitions_apart(content: str) -> str:
    """The search plugin keeps no <dt>/<dd> tags, so a term ran into its description and
    into the next term in a hit's text ("Nationell insatsKontaktperson"): here each term
    ends with a colon and each description with a space. For the search view only."""
    if "</dt>" not in content:
        return content
    return _DD_END.sub("</dd> ", _DT_END.sub(":</dt> ", content))


# The source marks after a sentence (site/render/insats.py `cite`): "[1]" says nothing in a
# hit's text, and every mark was weight in the index a phone downloads.
_SOURCE_MARKS = re.compile(r'\s*<sup>(?:,?<a href="#kallhanvisning-\d+">\[\d+\]</a>)+</sup>')


def without_source_marks(content: str) -> str:
    """The search view without the "[1]" source marks (the page keeps them)."""
    return _SOURCE_MARKS.sub("", content) if "kallhanvisning-" in content else content


_HEADING_START = re.compile(r"<h[1-6][\s>]")


def without_excluded_sections(content: str) -> str:
    """The search view without the sections whose heading says `data-search-exclude`
    (statistics, neighbours, citations): Material leaves each such section out up to the next
    heading of any level, after parsing it; cut here, it is never parsed. For the search
    view only."""
    if "data-search-exclude" not in content:
        return content
    parts: list[str] = []
    pos = 0
    headings = [m.start() for m in _HEADING_START.finditer(content)] + [len(content)]
    for start, end in zip(headings, headings[1:], strict=False):
        tag_end = content.find(">", start)
        if "data-search-exclude" in content[start:tag_end]:
            parts.append(content[pos:start])
            pos = end
    parts.append(content[pos:])
    return "".join(parts)
