"""PyYAML's and libyaml's syntax errors in Swedish, each with a hint that says what is
actually wrong – as one Problem at the place the editor has to look.

Both parsers word their errors differently (libyaml: "did not find expected key", pure
Python: "expected <block end>, but found …"); each row matches either by its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from generator.model.problems import Problem

MAX_KEY = 1024  # YAML's limit on a simple (unquoted, one-line) key, in characters


@dataclass(frozen=True)
class _Row:
    starts: tuple[str, ...]  # the parser's `problem` text starts with one of these
    message: str
    hint: str
    at_context: bool = False  # point at the context mark (where the construct began)


_ROWS = (
    _Row(
        ("mapping values are not allowed",),
        "kolon följt av mellanslag mitt i ett värde",
        'sätt hela värdet inom citattecken, t.ex. namn: "Stöd: samtal"',
    ),
    _Row(
        ("could not find expected ':'",),
        "ett kolon (:) saknas efter nyckeln",
        "skriv nyckel: värde; en text som fortsätter på nästa rad ska vara indragen mer än nyckeln",
    ),
    _Row(
        ("found unexpected end of stream",),
        "citattecknet stängs aldrig",
        "avsluta texten med samma citattecken som den börjar med",
        at_context=True,
    ),
    _Row(
        ("did not find expected ',' or ']'", "expected ',' or ']'"),
        "listan inom [ ] stängs inte",
        "avsluta listan med ] eller skriv en punkt per rad, med '- ' först",
        at_context=True,
    ),
    _Row(
        ("did not find expected ',' or '}'", "expected ',' or '}'"),
        "mappningen inom { } stängs inte",
        "avsluta med } eller skriv en nyckel per rad",
        at_context=True,
    ),
    _Row(
        ("did not find expected '-' indicator", "expected <block end>, but found '?'"),
        "raden passar inte in i listan",
        "varje punkt i listan börjar med '- ' på samma indrag som de andra",
    ),
    _Row(
        ("did not find expected key", "expected <block end>"),
        "raden har fel indrag, eller text står efter ett citerat värde",
        "nycklar på samma nivå ska ha exakt samma indrag; text efter ett slutcitattecken "
        "hör innanför det",
    ),
    _Row(
        ("found character that cannot start any token", "found character"),
        "värdet börjar med ett tecken som YAML reserverar (@ ` % | > ! & * …)",
        "sätt hela värdet inom citattecken",
    ),
    _Row(
        ("found unknown escape character",),
        "okänd kod efter \\ i en text inom dubbla citattecken",
        "skriv \\\\ för ett omvänt snedstreck, eller använd enkla citattecken ('C:\\mapp')",
    ),
    _Row(
        ("found invalid Unicode character escape code",),
        "ogiltig \\u-kod i en text inom dubbla citattecken (t.ex. ett ensamt surrogattecken)",
        "skriv tecknet som det är, eller ta bort koden",
    ),
    _Row(
        ("expected a single document in the stream", "but found another document"),
        "filen innehåller flera YAML-dokument (---)",
        "en post per fil: ta bort raden --- och det som följer, eller flytta det till en egen fil",
    ),
    _Row(
        ("found undefined alias",),
        "YAML-ankare och alias (& och *) används inte",
        "skriv ut värdet där det används",
    ),
    _Row(
        (
            "did not find expected comment or line break",
            "expected chomping or indentation indicators",
        ),
        "efter | eller > får bara +, - eller en siffra stå på raden",
        "börja texten på nästa rad, indragen",
    ),
    _Row(
        ("found unknown directive name", "expected '<document start>'"),
        "en rad som börjar med % är ett YAML-direktiv och används inte",
        "sätt texten inom citattecken",
    ),
    _Row(
        (
            "did not find the expected '>'",
            "expected '>'",
            "found undefined tag handle",
            "expected tag handle",
            "did not find expected tag URI",
        ),
        "ogiltig YAML-tagg (ett värde som börjar med !)",
        "sätt hela värdet inom citattecken",
    ),
    _Row(
        ("mapping keys are not allowed",),
        "frågetecken följt av mellanslag (? ) på fel ställe",
        "sätt hela värdet inom citattecken",
    ),
    _Row(
        ("did not find expected node content", "expected the node content"),
        "tomt värde i en lista eller mappning inom [ ] eller { }",
        "ta bort det extra kommatecknet",
    ),
    _Row(
        ("found a tab character", "found character '\\t'"),
        "tabb där ett värde väntades",
        "använd mellanslag",
    ),
)


def _long_key(text: str, line: int) -> Problem | None:
    """A key longer than YAML allows, on the line reported or the one above – both parsers
    then complain about a colon, which misleads: the colon is there."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            m = re.match(r"(\s*(?:-\s+)?)([^\s#][^\n]*?):(?:\s|$)", lines[number - 1])
            if m and len(m.group(2)) > MAX_KEY:
                return Problem(
                    "",
                    number,
                    len(m.group(1)) + 1,
                    "",
                    f"nyckeln är för lång ({len(m.group(2))} tecken; YAML tillåter "
                    f"högst {MAX_KEY})",
                    "nycklarna är schemats korta namn; står en lång text först "
                    "på raden, saknas nyckeln framför den",
                )
    return None


_QUOTED_START = re.compile(r'^\s*(?:-\s+)?(?:[^\s#"\'][^:#]*:\s+)?"')


def _unclosed_quote(text: str, line: int) -> Problem | None:
    """A double-quoted value left open on a line before `line`: YAML reads on to the next
    quote, and the error it then meets (an indent, a key) is not where the fault is."""
    for number in range(min(line, text.count("\n") + 1), 0, -1):
        row = text.split("\n")[number - 1]
        m = _QUOTED_START.match(row)
        if m is None:
            continue
        body = re.sub(r"\\.", "", row[m.end() :])
        if '"' not in body:
            return Problem(
                "",
                number,
                m.end(),
                "",
                "YAML-syntaxfel: citattecknet stängs inte på "
                "raden, så texten fortsätter in i raderna under",
                'avsluta texten med " på samma rad',
            )
        return None
    return None


def translate(err: yaml.MarkedYAMLError, text: str) -> Problem:
    """One Problem (without file name) for a syntax error of the parser."""
    problem = err.problem or err.context or ""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    row = next((r for r in _ROWS if problem.startswith(r.starts)), None)
    if row is None or row.starts[0] in (
        "mapping values are not allowed",
        "could not find expected ':'",
    ):
        long_key = _long_key(text, line)
        if long_key is not None:
            return long_key
    if (
        row is not None
        and row.starts[0] == "did not find expected node content"
        and mark
        and not text[mark.index :].strip()
    ):  # "[" or "{" never closed before the end
        return Problem(
            "",
            line,
            column,
            "",
            "YAML-syntaxfel: en lista inom [ ] eller en mappning inom { } stängs aldrig",
            "avsluta den med ] eller }",
        )
    if (
        row is not None
        and row.starts[0] in ("did not find expected key", "could not find expected ':'")
        and mark
    ):
        unclosed = _unclosed_quote(text, line - 1)
        if unclosed is not None:
            return unclosed
    if row is None:  # not met by editors so far: the parser's own words, after ours
        return Problem(
            "",
            line,
            column,
            "",
            f"YAML-syntaxfel ({problem})",
            "kontrollera indrag, kolon och citattecken",
        )
    if row.at_context and err.context_mark is not None:
        line, column = err.context_mark.line + 1, err.context_mark.column + 1
    if row.starts[0] == "found invalid Unicode character escape code":
        before = text.split("\n")[line - 1][: column - 1] if line <= text.count("\n") + 1 else ""
        column = before.rfind("\\") + 1 if "\\" in before else column  # at the backslash
    return Problem("", line, column, "", f"YAML-syntaxfel: {row.message}", row.hint)
