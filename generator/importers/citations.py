"""Citation text as printed ("Socialstyrelsen (2008) Termbanken") → a cited work.

The survey prints each citation as "Publisher (year) Title", sometimes with a web site and
a retrieval note ("Nacka kommun, nacka.se (hämtad maj 2021)"). We split it into the
registry's fields but always keep the printed text, so nothing is lost when a citation
does not fit the pattern.
"""

from __future__ import annotations

import re

from generator.model import Work
from generator.slug import slugify

_RETRIEVED = re.compile(r"\s*\((?:hämtad|hämtat)\s+(?P<note>[^)]*)\)\s*$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_SITE = re.compile(r"(?:^|,\s*)(?P<site>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:se|nu|org|com|net|eu))\s*$", re.IGNORECASE)
_PUBLISHER_YEAR = re.compile(r"^(?P<publisher>[^()]+?)\s*\((?P<year>\d{4}[^)]*)\)\s*(?P<title>.*)$")


def normalise_citation(text: str) -> str:
    """Whitespace-normalised citation; the identity of a work in the registry."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def parse_citation(text: str) -> Work:
    """Split one printed citation into a Work (id made from publisher, year and title)."""
    printed = normalise_citation(text)
    rest = printed
    hamtad = None
    if m := _RETRIEVED.search(rest):
        hamtad, rest = m["note"].strip(), rest[: m.start()].rstrip(" ,")
    url = None
    if m := _URL.search(rest):
        url, rest = m.group(0).rstrip(".,)"), (rest[: m.start()] + rest[m.end():]).strip(" ,")
    webbplats = None
    if m := _SITE.search(rest):
        webbplats, rest = m["site"], rest[: m.start()].strip(" ,")
    ar = titel = None
    if m := _PUBLISHER_YEAR.match(rest):
        utgivare, ar, titel = m["publisher"].strip(" ,"), m["year"].strip(), m["title"].strip() or None
    else:
        utgivare = rest or printed
    work_id = slugify(" ".join(p for p in (utgivare, ar, titel or webbplats) if p), max_length=70)
    return Work(id=work_id, text=printed, utgivare=utgivare, ar=ar, titel=titel, url=url,
                webbplats=webbplats, hamtad=hamtad)
