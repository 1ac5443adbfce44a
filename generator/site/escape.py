"""Escaping of YAML text for the generated Markdown and raw HTML: content is text, never markup.

Every character that Python-Markdown, its extensions (attr_list, tables, toc, admonition)
or HTML could read as syntax becomes a numeric character reference, which Markdown passes
through untouched and the browser shows literally.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

# Anywhere in a line: inline syntax (emphasis, code, links, attr_list, tables, raw HTML,
# backslash escapes). Parentheses need no escaping once brackets are escaped.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>|~^$"}
_INLINE["&"] = "&amp;"
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# ":name:" is an icon shortcode to pymdownx.emoji (mkdocs.yml): its first colon becomes a
# character reference, so YAML text shows the colons and never places an icon.
_SHORTCODE_RE = re.compile(r":(?=[\w+-]+:)")
# At the start of a block: headings, quotes, lists, admonitions, tables, definitions.
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_BLOCK_START = set("#>-+=!:?%")


def md(text: object) -> Markup:
    """Plain text → Markdown that renders exactly that text, on one line (edge spaces kept,
    so template separators like ", " survive)."""
    s = re.sub(r"\s+", " ", str(text))  # a newline would start a new block
    s = _INLINE_RE.sub(lambda m: _INLINE[m.group()], s)
    s = _SHORTCODE_RE.sub("&#58;", s)
    lead, body = s[: len(s) - len(s.lstrip(" "))], s.lstrip(" ")
    if body[:1] in _BLOCK_START:
        body = f"&#{ord(body[0])};{body[1:]}"
    elif m := _ORDERED_START.match(body):
        body = f"{m.group(1)}&#{ord(m.group(2))};{body[m.end() :]}"
    return Markup(lead + body)


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Split text into ("p", [line]) and ("ul", [item, …]) blocks in order."""
    blocks: list[tuple[str, list[str]]] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        kind = ""
        for line in para.splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("•"):
                item = line.lstrip("• ").strip()
                if kind == "ul":
                    blocks[-1][1].append(item)
                else:
                    blocks.append(("ul", [item]))
                kind = "ul"
            elif kind:  # continuation of the paragraph or of the last bullet
                blocks[-1][1][-1] += " " + line
            else:
                blocks.append(("p", [line]))
                kind = "p"
    return blocks


def md_blocks(text: str | None) -> Markup:
    """Multi-paragraph text ("\\n\\n" between paragraphs, "• " bullet lines) → Markdown."""
    if not text:
        return Markup("")
    out = []
    for kind, items in _blocks(text):
        if kind == "p":
            out.append(str(md(items[0].strip())))
        else:
            out.append("\n".join(f"- {md(i.strip())}" for i in items))
    return Markup("\n\n".join(out))


def h(text: object) -> Markup:
    """Plain text → HTML text (for raw HTML blocks: tables, charts)."""
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def h_blocks(text: str | None) -> Markup:
    """Multi-paragraph text → HTML paragraphs and bullet lists (for raw HTML blocks)."""
    if not text:
        return Markup("")
    out = []
    for kind, items in _blocks(text):
        if kind == "p":
            out.append(f"<p>{h(items[0])}</p>")
        else:
            out.append("<ul>" + "".join(f"<li>{h(i)}</li>" for i in items) + "</ul>")
    return Markup("".join(out))


def safe_url(url: str | None) -> Markup | None:
    """An http(s) URL made safe for a Markdown link destination and an HTML attribute;
    None for anything else (javascript:, data:, relative paths …)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode everything that could end a link destination or an attribute.
    return Markup(quote(url, safe=":/?#@!$&+,;=%~-._").replace("&", "&amp;"))


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# +cmd|…, @SUM(…)); tab and CR start one after the cell is split or trimmed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that opens as text in a spreadsheet: text that could start a formula gets
    a leading apostrophe, as OWASP recommends ("CSV injection"); numbers stay numbers.
    Only for the CSV download – the JSON keeps every text exactly."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
