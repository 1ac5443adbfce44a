"""Build-time improvements of Material's search index (search/search_index.json): terms
for unaccented, inflected and abbreviated queries that lunr alone cannot match.

Material's browser search appends `*` to every query word, so lunr runs a prefix match
without stemming: `kontaktpersoner*` never matches a page that only says "Kontaktperson",
and `hemtjanst*` never matches "hemtjänst". This module adds, per document, hidden
fields (indexed, never displayed): `sok` with Swedish inflected forms of its title and
synonyms; `sokord` with the terms the caller gives for a page (abbreviations, aliases);
`namn` with its names written together. It makes punctuation such as "(ART)" separate
words. The unaccented forms of every word ("hemtjanst") are added in the browser, by
sok.js, when it hands the entries to Material's worker: written here they were a fifth of
the index's weight, and the index is what a phone downloads.
The index must not be stemmed (mkdocs.yml's search `pipeline` leaves the stemmer out):
a stemmed "kontaktpersoner" → "kontaktperson" is never matched by `kontaktpersoner*`.
Wiring: the MkDocs plugin calls `improve_search_index(site_dir, keywords)` in its
`on_post_build` (after the search plugin has written the index), with the `sokord` of
each page's front matter.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.text import fold

logger = logging.getLogger(__name__)

STOP_WORDS_FILE = Path(__file__).with_name("stoppord_sv.txt")
SECTIONS_FILE = Path("search") / "avsnitt.json"  # the section entries, relative to site_dir
FIELD = "sok"
FIELD_BOOST = 100.0  # derived forms: above running text (1), below a title match (1000)
KEYWORDS = "sokord"
KEYWORDS_BOOST = 1000.0  # the caller's abbreviations and aliases weigh like the title
NAMES = "namn"
# Above everything: only a query that is a page's whole name (or alias, abbreviation,
# everyday word) matches a `namn` term exactly (sok.js asks for it with a boost).
NAMES_BOOST = 10000.0
# Every `namn` term starts with this letter, which no keyboard types and sok.js strips from
# what the reader types: so only sok.js's exact whole-query term reaches the field, never a
# prefix or typo term ("stöd*" must not match the name "ǂstödvidbyteavbostadsort"). A
# letter, not punctuation, so lunr's trimmer keeps it (passed to sok.js in the config).
NAME_MARK = "\u01c2"  # ǂ
# Query words of at least this many letters also match words one / two edits away
# (read by sok.js from the index config).
FUZZY = {"fuzzy1": 5, "fuzzy2": 9}
# Page kinds that rank higher for their own words (Material's document boost; a page's
# front matter `search: boost:` wins). A life situation is a reader's own question.
PAGE_BOOST: Mapping[str, float] = {"livssituationer/": 2.0}
# Pages that must be found by a word they may not print (docs locations, cf. render.common).
PAGE_KEYWORDS: Mapping[str, tuple[str, ...]] = {"iub/": ("iub",)}
# Words end at whitespace, hyphens and punctuation, so "(ART)" and "IUB:" index as "art"
# and "iub"; a dot ends a word unless a digit follows ("11 kap. 1 §", "2.1").
SEPARATOR = r"""[\s\-,:;!?=\[\]()"'/«»–—…]+|\.(?!\d)|&[lg]t;"""
# Swedish noun endings (plural, definite, both, genitive): over-generation only adds
# forms no one types, while a missing form hides the page from a natural query.
ENDINGS = ("er", "ar", "or", "en", "et", "n", "na", "erna", "arna", "orna", "ens", "s")
MIN_INFLECT = 6  # shorter words: a prefix query reaches their forms only as noise ("stöd*")
DOUBLED_M = re.compile(r"[aeiouyåäö]m$")
# Abbreviations and wordings people search with that the pages may not contain verbatim.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "utan individuell behovsprövning": ("iub",),
    "individuell behovsprövning": ("behovsbedömning", "biståndsbedömning"),
    "missbruk": ("beroende",),
    "beroende": ("missbruk",),
}

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_JOINED = re.compile(r"[0-9a-zà-öø-ÿ]+")


@functools.cache
def listed_stop_words() -> tuple[str, ...]:
    """The vendored Swedish stop word list (stoppord_sv.txt), as it is."""
    return tuple(
        line.strip()
        for line in STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def stop_words() -> frozenset[str]:
    """The stop words and their unaccented forms ("för", "for")."""
    listed = listed_stop_words()
    return frozenset(listed) | {fold(w) for w in listed}


def joined(text: str) -> str:
    """A name written together, as sok.js writes a query: 'Bostad först' → 'bostadförst'.
    The same letters as sok.js's word pattern ([0-9a-zà-öø-ÿ] after lower-casing)."""
    return "".join(_JOINED.findall(text.lower()))


def name_terms(names: Iterable[str]) -> str:
    """The hidden `namn` field: each name written together, and unaccented."""
    found = {j for n in names if (j := joined(n))}
    return " ".join(sorted(NAME_MARK + j for j in found | {fold(j) for j in found}))


def summary_html(summary: str) -> str:
    """A hit's shown text: Material renders it as HTML, so the YAML text is escaped."""
    return f"<p>{html.escape(summary, quote=False)}</p>"


def plain_text(markup: str) -> str:
    """Text of an index entry's HTML ("<p>Hemtjänst &amp; …</p>" → "Hemtjänst & …")."""
    return html.unescape(_TAG.sub(" ", markup))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def inflected_forms(title: str) -> set[str]:
    """Swedish noun forms of a title's words ('Kontaktperson' → 'kontaktpersoner', …); a
    final -e is dropped before a vowel ending (familje). sok.js adds their unaccented forms."""
    forms: set[str] = set()
    for word in words(title):
        if len(word) < MIN_INFLECT or word.isdigit() or word in stop_words():
            continue
        stem = word[:-1] if word.endswith("e") else word
        for ending in ENDINGS:
            if not _fits(word, ending):
                continue
            base = stem if ending[0] in "aeo" else word
            forms.add(base + ending)
        if DOUBLED_M.search(word):  # short vowel + m doubles: familjehem → familjehemmet
            forms |= {word + "m" + ending for ending in ENDINGS if ending[0] in "aeo"}
    return forms


def _fits(word: str, ending: str) -> bool:
    """Leave out endings Swedish never puts on such a word – -n/-na only after a vowel
    (hemtjänstn), -or/-orna only on words in -a (flicka → flickor): a fifth of the index's
    hidden words were such forms, which no one types."""
    if ending in ("n", "na"):
        return word[-1] in "aeiouyåäö"
    if ending in ("or", "orna"):
        return word.endswith("a")
    return True


def synonyms(text: str) -> set[str]:
    return _synonyms(words(text))


def _synonyms(found: list[str]) -> set[str]:
    lowered = " ".join(found)
    return {term for phrase, terms in SYNONYMS.items() if phrase in lowered for term in terms}


def search_terms(title: str, text: str) -> str:
    """The hidden `sok` field of one index entry: space-separated, sorted, de-duplicated."""
    title_plain = plain_text(title)
    found = words(title_plain + " " + plain_text(text))
    terms = inflected_forms(title_plain) | _synonyms(found)
    return " ".join(sorted(terms - stop_words()))


def keyword_terms(terms: Iterable[str]) -> str:
    """The caller's terms for one page, as words (sok.js adds their unaccented forms)."""
    found = {w for term in terms for w in words(term)}
    return " ".join(sorted(found - stop_words()))


def improve_index(
    index: dict,
    extra_terms: Mapping[str, Iterable[str]] | None = None,
    summaries: Mapping[str, str] | None = None,
) -> dict:
    """Return a copy of a parsed search_index.json with the hidden fields and config.

    `extra_terms` maps a page location ("insatser/kontaktperson/") to terms that page
    must be found by (abbreviation, aliases, everyday words); they go on the page's own
    entry. `summaries` maps a page location to the text its hit shows.
    """
    extra_terms = {**PAGE_KEYWORDS, **(extra_terms or {})}
    summaries = summaries or {}
    config = dict(index.get("config", {}))
    if "stemmer" in config.get("pipeline", []):
        # Queries are prefix matches lunr does not stem: stemmed index terms would hide
        # exactly the inflected forms this module adds. Say so rather than patch it over.
        raise ValueError(
            "the search pipeline in mkdocs.yml must not include the stemmer "
            "(see generator/mkdocs_plugin/search_index.py)"
        )
    config["separator"] = SEPARATOR
    config["fields"] = {
        **config.get("fields", {}),
        FIELD: {"boost": FIELD_BOOST},
        KEYWORDS: {"boost": KEYWORDS_BOOST},
        NAMES: {"boost": NAMES_BOOST},
    }
    config["stoppord"] = sorted(stop_words())
    config["fuzzy"] = dict(FUZZY)
    config["namnmarke"] = NAME_MARK
    docs = []
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page_entry = "#" not in location
        page_terms = tuple(extra_terms.get(location, ())) if page_entry else ()
        keywords = keyword_terms(page_terms)
        # Inflected title forms only for the page's own entry: a section title ("Källor")
        # would otherwise draw every page to the same query.
        title = doc.get("title", "") if page_entry else ""
        terms = search_terms(title, doc.get("text", "") + " " + doc.get("title", ""))
        entry = dict(doc)
        if terms:
            entry[FIELD] = terms
        if keywords:
            entry[KEYWORDS] = keywords
        if page_entry:
            entry[NAMES] = name_terms((doc.get("title", ""), *page_terms))
            if location in summaries:
                entry["text"] = summary_html(summaries[location])
            boost = next((b for kind, b in PAGE_BOOST.items() if location.startswith(kind)), None)
            if boost is not None and "boost" not in entry:
                entry["boost"] = boost
        docs.append(entry)
    return {**index, "config": config, "docs": docs}


def split_sections(index: dict) -> tuple[dict, list[dict]]:
    """(the index with the pages' own entries, the section entries). Every page loads
    search_index.json at once (Material's main thread fetches it, whether or not the reader
    searches); the sections – three quarters of its weight – come in SECTIONS_FILE, which
    sok.js fetches in the worker at the first query (config `avsnitt`). Without sok.js,
    Material still finds every page by its name, words and summary."""
    pages = [d for d in index["docs"] if "#" not in d.get("location", "")]
    sections = [d for d in index["docs"] if "#" in d.get("location", "")]
    config = (
        {**index["config"], "avsnitt": SECTIONS_FILE.as_posix()} if sections else index["config"]
    )
    return {**index, "config": config, "docs": pages}, sections


def _write_json(path: Path, data: object) -> None:
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
        encoding="utf-8",
    )


def improve_search_index(
    site_dir: Path,
    extra_terms: Mapping[str, Iterable[str]] | None = None,
    summaries: Mapping[str, str] | None = None,
) -> Path:
    """Rewrite site_dir/search/search_index.json in place and write the sections beside
    it (deterministically)."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    improved = improve_index(index, extra_terms, summaries)
    pages, sections = split_sections(improved)
    _write_json(path, pages)
    _write_json(site_dir / SECTIONS_FILE, {"docs": sections})
    logger.info("search index: %d page and %d section entries", len(pages["docs"]), len(sections))
    return path
