"""Citation text as printed ("Socialstyrelsen (2008) Termbanken") → a cited work.

The survey prints each citation as "Publisher (year) Title", sometimes with a web site and
a retrieval note ("Nacka kommun, nacka.se (hämtad maj 2021)"). We split it into the
registry's fields but always keep the printed text, so nothing is lost when a citation
does not fit the pattern.
"""

from __future__ import annotations

import re

from generator.model.records import Work
from generator.text import slugify

_RETRIEVED = re.compile(
    r"\s*\((?:hämtad|hämtat)\s+(?:från\s+(?P<from>\S+)\s+)?(?P<note>[^)]*)\)\s*$", re.IGNORECASE
)
_URL = re.compile(r"https?://\S+")
_SITE_NAME = r"(?:www\.)?[a-zåäö0-9-]+(?:\.[a-zåäö0-9-]+)*\.(?:se|nu|org|com|net|eu|stockholm)"
# a site after the publisher ("Nacka kommun, nacka.se", "Borås stad. Boras.se") …
_SITE = re.compile(rf"(?:^|[,.]\s+)(?P<site>{_SITE_NAME})\s*$", re.IGNORECASE)
# … or in front of a page title ("vardochinsats.se, Främja fysisk aktivitet …")
_SITE_FIRST = re.compile(rf"^(?P<site>{_SITE_NAME}),\s+(?P<title>.+)$", re.IGNORECASE)
_LOCAL_PUBLISHER = re.compile(r"^[\wåäöÅÄÖ.-]+ (?:stad|kommun)$")
_PUBLISHER_YEAR = re.compile(r"^(?P<publisher>[^()]+?)\s*\((?P<year>\d{4}[^)]*)\)\s*(?P<title>.*)$")


def normalise_citation(text: str) -> str:
    """Whitespace-normalised citation; the identity of a work in the registry."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def split_citation(text: str) -> list[str]:
    """A citation naming several bare publishers or sites ("Göteborgs stad, Stockholms
    stad"; "Sundbyberg.se, Goteborg.se") → one citation each; anything else stays whole
    ("Gävle kommun, gavle.se" is one publisher and its site)."""
    parts = [p.strip() for p in normalise_citation(text).split(",")]
    if len(parts) > 1 and (
        all(_LOCAL_PUBLISHER.match(p) for p in parts)
        or all(re.fullmatch(_SITE_NAME, p, re.IGNORECASE) for p in parts)
    ):
        return parts
    return [normalise_citation(text)]


def parse_citation(text: str) -> Work:
    """Split one printed citation into a Work (id made from publisher, year and title)."""
    printed = normalise_citation(text)
    rest = printed
    hamtad = None
    webbplats = None
    if m := _RETRIEVED.search(rest):
        hamtad, webbplats, rest = m["note"].strip(), m["from"], rest[: m.start()].rstrip(" ,")
    url = None
    if m := _URL.search(rest):
        url, rest = m.group(0).rstrip(".,)"), (rest[: m.start()] + rest[m.end() :]).strip(" ,")
    ar = titel = None
    if m := _SITE_FIRST.match(rest):
        webbplats, titel, rest = m["site"], m["title"].strip(), m["site"]
    elif m := _SITE.search(rest):
        webbplats, rest = m["site"], rest[: m.start()].strip(" ,") or m["site"]
    if m := _PUBLISHER_YEAR.match(rest):
        utgivare, ar, titel = (
            m["publisher"].strip(" ,"),
            m["year"].strip(),
            m["title"].strip() or None,
        )
    else:
        utgivare = rest or printed
    named = (utgivare, ar, titel or (webbplats if webbplats != utgivare else None))
    work_id = slugify(" ".join(p for p in named if p), max_length=70)
    return Work(
        id=work_id,
        text=printed,
        utgivare=utgivare,
        ar=ar,
        titel=titel,
        url=url,
        webbplats=webbplats,
        hamtad=hamtad,
    )
