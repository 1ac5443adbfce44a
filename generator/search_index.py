"""Build-time improvements of Material's search index (search/search_index.json): terms
for unaccented, inflected and abbreviated queries that lunr alone cannot match.

Material's browser search appends `*` to every query word, so lunr runs a prefix match
without stemming: `kontaktpersoner*` never matches a page that only says "Kontaktperson",
and `hemtjanst*` never matches "hemtjänst". This module adds, per document, a hidden
field `sok` (indexed, never displayed) holding ASCII-folded forms of its words,
Swedish inflected forms of its title, and any extra terms the caller gives (abbreviations,
aliases, synonyms), and makes punctuation such as "(ART)" separate words.
Wiring: call `improve_search_index(Path(config.site_dir), extra_terms)` from the MkDocs
hook's `on_post_build` (it runs after the search plugin has written the index).
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.slug import fold

logger = logging.getLogger(__name__)

FIELD = "sok"
FIELD_BOOST = 500.0  # below a title match (1000), far above running text (1)
# Words end at whitespace, hyphens and punctuation, so "(ART)" and "IUB:" index as "art"
# and "iub"; a dot ends a word unless a digit follows ("11 kap. 1 §", "2.1").
SEPARATOR = r"""[\s\-,:;!?=\[\]()"'/«»–—…]+|\.(?!\d)|&[lg]t;"""
# Swedish noun endings (plural, definite, both, genitive): over-generation only adds
# forms no one types, while a missing form hides the page from a natural query.
ENDINGS = ("er", "ar", "or", "en", "et", "n", "na", "erna", "arna", "orna", "ens", "s")
MIN_INFLECT = 4
# Abbreviations and wordings people search with that the pages may not contain verbatim.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "utan individuell behovsprövning": ("iub",),
    "individuell behovsprövning": ("behovsbedömning", "biståndsbedömning"),
    "missbruk": ("beroende",),
    "beroende": ("missbruk",),
}

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")


def plain_text(markup: str) -> str:
    """Text of an index entry's HTML ("<p>Hemtjänst &amp; …</p>" → "Hemtjänst & …")."""
    return html.unescape(_TAG.sub(" ", markup))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def folded_forms(text: str) -> set[str]:
    """Unaccented forms of the words that have accents: 'Hemtjänst' → {'hemtjanst'}."""
    return {f for w in words(text) if (f := fold(w)) != w}


def inflected_forms(title: str) -> set[str]:
    """Swedish noun forms of a title's words ('Kontaktperson' → 'kontaktpersoner', …),
    with their unaccented forms; a final -e is dropped before a vowel ending (familje)."""
    forms: set[str] = set()
    for word in words(title):
        if len(word) < MIN_INFLECT or word.isdigit():
            continue
        stem = word[:-1] if word.endswith("e") else word
        for ending in ENDINGS:
            base = stem if ending[0] in "aeo" else word
            forms.add(base + ending)
    return forms | {fold(f) for f in forms}


def synonyms(text: str) -> set[str]:
    lowered = " ".join(words(text))
    return {term for phrase, terms in SYNONYMS.items() if phrase in lowered for term in terms}


def search_terms(title: str, text: str, extra: Iterable[str] = ()) -> str:
    """The hidden `sok` field of one index entry: space-separated, sorted, de-duplicated."""
    plain = plain_text(text)
    title_plain = plain_text(title)
    extra_words = {w for term in extra for w in words(term)}
    terms = (
        folded_forms(title_plain + " " + plain)
        | inflected_forms(title_plain)
        | synonyms(title_plain + " " + plain)
        | extra_words
        | folded_forms(" ".join(extra_words))
    )
    return " ".join(sorted(terms))


def improve_index(index: dict, extra_terms: Mapping[str, Iterable[str]] | None = None) -> dict:
    """Return a copy of a parsed search_index.json with the `sok` field and separator.

    `extra_terms` maps a page location ("insatser/kontaktperson/") to terms that page
    must be found by (abbreviation, aliases); they go on the page's own entry.
    """
    extra_terms = extra_terms or {}
    config = dict(index.get("config", {}))
    config["separator"] = SEPARATOR
    config["fields"] = {**config.get("fields", {}), FIELD: {"boost": FIELD_BOOST}}
    docs = []
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page_entry = "#" not in location
        extra = extra_terms.get(location, ()) if page_entry else ()
        # Inflected title forms only for the page's own entry: a section title ("Källor")
        # would otherwise draw every page to the same query.
        title = doc.get("title", "") if page_entry else ""
        terms = search_terms(title, doc.get("text", "") + " " + doc.get("title", ""), extra)
        docs.append({**doc, FIELD: terms} if terms else dict(doc))
    return {**index, "config": config, "docs": docs}


def improve_search_index(
    site_dir: Path, extra_terms: Mapping[str, Iterable[str]] | None = None
) -> Path:
    """Rewrite site_dir/search/search_index.json in place (deterministically)."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    improved = improve_index(index, extra_terms)
    path.write_text(
        json.dumps(improved, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
        encoding="utf-8",
    )
    logger.info("search index: %d entries improved", len(improved["docs"]))
    return path
