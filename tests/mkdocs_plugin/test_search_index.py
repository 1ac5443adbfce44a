"""The build-time search index terms: unaccented, inflected and abbreviated queries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.mkdocs_plugin.search_index import (
    FIELD, KEYWORDS, improve_index, improve_search_index, search_terms,
)


def _index() -> dict:
    return {
        "config": {"lang": ["sv"], "separator": r"[\s\-]+", "fields": {"title": {"boost": 1000}}},
        "docs": [
            {"location": "insatser/hemtjanst/", "title": "Hemtjänst", "text": "<p>Stöd i hemmet.</p>"},
            {"location": "insatser/hemtjanst/#kallor", "title": "Källor", "text": "<p>Socialstyrelsen</p>"},
            {"location": "iub/", "title": "Om IUB", "text": "<p>Insatser utan individuell behovsprövning.</p>"},
        ],
    }


def test_unaccented_query_word_is_in_the_index() -> None:
    terms = search_terms("Hemtjänst", "<p>Stöd i hemmet.</p>").split()
    assert "hemtjanst" in terms and "stod" in terms


def test_inflected_title_forms_are_in_the_index() -> None:
    assert "kontaktpersoner" in search_terms("Kontaktperson", "").split()
    assert "familjebehandlingen" in search_terms("Familjebehandling", "").split()
    assert "familjehemmet" in search_terms("Familjehem", "").split()


def test_abbreviation_given_by_the_caller_is_indexed() -> None:
    improved = improve_index(_index(), {"insatser/hemtjanst/": ["HT"]})
    assert "ht" in improved["docs"][0][KEYWORDS].split()
    assert improved["docs"][2][KEYWORDS] == "iub"  # the IUB section's page, by default


def test_section_entries_get_no_title_inflections() -> None:
    section = improve_index(_index())["docs"][1]
    assert "kallorna" not in section.get(FIELD, "").split()
    assert "kallor" in section[FIELD].split()  # folded form of its own words


def test_iub_synonym_and_separator_for_parenthesised_abbreviations() -> None:
    improved = improve_index(_index())
    assert "iub" in improved["docs"][2][FIELD].split()
    separator = re.compile(improved["config"]["separator"])
    assert [w for w in separator.split("Training (ART), 11 kap. 1 §") if w] == [
        "Training", "ART", "11", "kap", "1", "§",
    ]
    assert improved["config"]["fields"][FIELD]["boost"] > 1


def test_a_stemmed_index_is_refused() -> None:
    # Prefix queries are not stemmed: a stemmed index could not match "kontaktpersoner*".
    index = _index()
    index["config"]["pipeline"] = ["stemmer", "stopWordFilter", "trimmer"]
    with pytest.raises(ValueError, match="stemmer"):
        improve_index(index)


def test_mkdocs_configuration_leaves_the_stemmer_out() -> None:
    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    pipeline = re.search(r"^\s*pipeline:\s*\[(.*)\]", config, flags=re.M)
    assert pipeline and "stemmer" not in pipeline.group(1)


def test_index_file_is_rewritten_deterministically(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps(_index()), encoding="utf-8")
    first = improve_search_index(tmp_path).read_bytes()
    path.write_text(json.dumps(_index()), encoding="utf-8")
    assert improve_search_index(tmp_path).read_bytes() == first
    assert json.loads(first)["docs"][0]["text"] == "<p>Stöd i hemmet.</p>"  # shown text unchanged
