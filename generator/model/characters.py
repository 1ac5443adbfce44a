"""Characters content may not hold: controls, bidirectional and invisible format
characters, lone surrogates – written as themselves or as YAML escapes ("\\0", "\\e",
"\\u202e"). Text is only text: none of these can reach a page, the search index, a
download or an internal marker (issue 10).

Tab and newline stay (YAML and the text fields use them); so does CR in a CRLF pair.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# C0 except tab/LF/CR, DEL, C1 (NEL U+0085 is a YAML line break: it would shift lines),
# the line/paragraph separators (also YAML line breaks), the format characters of
# category Cf that hide or reorder text (soft hyphen, zero-width, bidi embeddings,
# overrides and isolates, word joiner, BOM, interlinear annotation, tags), surrogates.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
    "|\r(?!\n)"
)
# The escapes of a double-quoted YAML scalar that make one character.
_ESCAPE = re.compile(
    r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}"
    r"|[0abtnvfreN_LP\\\"/ \t])"
)
_SIMPLE = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
    "\\": "\\",
    '"': '"',
    "/": "/",
    " ": " ",
    "\t": "\t",
}
_C0 = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def describe(char: str) -> str:
    """'styrtecknet U+0007 (BEL)', 'riktningstecknet U+202E (RIGHT-TO-LEFT OVERRIDE)' …"""
    code = ord(char)
    if code < 0x20:
        return f"styrtecknet U+{code:04X} ({_C0[code]})"
    if 0x7F <= code <= 0x9F:
        name = {0x7F: " (DEL)", 0x85: " (NEL, en radbrytning)", 0x9B: " (CSI)"}.get(code, "")
        return f"styrtecknet U+{code:04X}{name}"
    if 0xD800 <= code <= 0xDFFF:
        return f"ett ensamt surrogattecken U+{code:04X} (inget tecken i sig)"
    name = unicodedata.name(char, "")
    kind = (
        "riktningstecknet"
        if BIDI.match(char)
        else "radbrytningstecknet"
        if char in "\u2028\u2029"
        else "det osynliga tecknet"
    )
    return f"{kind} U+{code:04X}" + (f" ({name})" if name else "")


def hint(char: str) -> str:
    if BIDI.match(char):
        return (
            "ta bort tecknet: det kan vända texten så att den visas annorlunda än den står i filen"
        )
    return "ta bort tecknet; det syns inte i alla redigerare (skriv om ordet runt det)"


def first_forbidden(text: str) -> tuple[int, str] | None:
    """(index, character) of the first forbidden character in raw text, or None."""
    m = FORBIDDEN.search(text)
    return (m.start(), text[m.start()]) if m else None


def _scalars(node: Node) -> Iterator[ScalarNode]:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ScalarNode):
            yield n
        elif isinstance(n, MappingNode):
            for key, value in reversed(n.value):
                stack.extend((value, key))
        elif isinstance(n, SequenceNode):
            stack.extend(reversed(n.value))


def _decode(escape: str) -> str:
    body = escape[1:]
    if body[0] in "xuU":
        try:
            return chr(int(body[1:], 16))
        except (ValueError, OverflowError):
            return "\ufffd"
    return _SIMPLE[body]


def forbidden_escape(text: str, node: Node) -> tuple[int, str, str] | None:
    """(index in `text`, the escape, its character) of the first escape in a double-quoted
    scalar (key or value) below `node` that makes a forbidden character. The raw text was
    checked already, so a forbidden character in a value came from an escape."""
    for scalar in _scalars(node):
        if scalar.style != '"' or not FORBIDDEN.search(scalar.value):
            continue
        start, end = scalar.start_mark.index, scalar.end_mark.index
        # One scan from the opening quote: an escaped backslash is matched whole, so the
        # "0" after it is not taken for the escape "\\0".
        for m in _ESCAPE.finditer(text, start, end):
            char = _decode(m.group())
            if char == "\r" or FORBIDDEN.fullmatch(char):
                return m.start(), m.group(), char
    return None


def invisible_folded(text: str) -> str:
    """Text as a reader sees it: compatibility forms unified (NFKC), format characters
    dropped, any run of whitespace one space – for comparing names."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.split())
