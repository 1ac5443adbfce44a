"""The build-time search index terms: unaccented, inflected and abbreviated queries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.mkdocs_plugin.search_index import (
    FIELD,
    KEYWORDS,
    NAME_MARK,
    NAMES,
    improve_index,
    improve_search_index,
    joined,
    listed_stop_words,
    search_terms,
    stop_words,
)


def _index() -> dict:
    return {
        "config": {"lang": ["sv"], "separator": r"[\s\-]+", "fields": {"title": {"boost": 1000}}},
        "docs": [
            {
                "location": "insatser/hemtjanst/",
                "title": "Hemtjänst",
                "text": "<p>Stöd i hemmet.</p>",
            },
            {
                "location": "insatser/hemtjanst/#kallor",
                "title": "Källor",
                "text": "<p>Socialstyrelsen</p>",
            },
            {
                "location": "iub/",
                "title": "Om IUB",
                "text": "<p>Insatser utan individuell behovsprövning.</p>",
            },
        ],
    }


def test_unaccented_forms_are_left_to_the_browser() -> None:
    # sok.js adds them when it hands the entries to Material's worker (the query table in
    # tests/browser/search_queries.yml types unaccented words); written here they were a
    # fifth of the index's weight.
    terms = search_terms("Hemtjänst", "<p>Stöd i hemmet.</p>").split()
    assert "hemtjänsten" in terms
    assert not {"hemtjanst", "stod", "hemtjansten"} & set(terms)


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
    assert "källorna" not in section.get(FIELD, "").split()


def test_iub_synonym_and_separator_for_parenthesised_abbreviations() -> None:
    improved = improve_index(_index())
    assert "iub" in improved["docs"][2][FIELD].split()
    separator = re.compile(improved["config"]["separator"])
    assert [w for w in separator.split("Training (ART), 11 kap. 1 §") if w] == [
        "Training",
        "ART",
        "11",
        "kap",
        "1",
        "§",
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


# --- stop words, names, summaries (issue 12) ----------------------------------------------


def test_vendored_stop_words_are_the_list_materials_lunr_applies_to_the_index() -> None:
    # The query side (sok.js, from the index config) and the index side (lunr.sv in the
    # browser) must leave out the same words; Material bundles lunr-languages' lunr.sv.
    import material

    bundled = (
        Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.sv.min.js"
    ).read_text(encoding="utf-8")
    listed = re.search(r'stopWordFilter=\w+\.generateStopWordFilter\("([^"]+)"', bundled)
    assert listed, "lunr.sv.min.js changed its form: compare the stop words by hand"
    assert listed_stop_words() == tuple(listed.group(1).split())
    assert {"och", "i", "om", "för", "for", "på", "pa"} <= stop_words()  # and unaccented


def test_stop_words_are_left_out_of_the_hidden_terms() -> None:
    terms = search_terms("Boende för äldre", "<p>Hjälp i hemmet och på natten.</p>").split()
    assert not {"for", "för", "pa", "och", "i"} & set(terms)
    assert "boenden" in terms


def test_a_page_entry_gets_its_names_written_together_and_marked() -> None:
    improved = improve_index(_index(), {"insatser/hemtjanst/": ["Hemhjälp", "Hjälp i hemmet"]})
    names = improved["docs"][0][NAMES].split()
    assert {
        NAME_MARK + "hemtjänst",
        NAME_MARK + "hemtjanst",
        NAME_MARK + "hjälpihemmet",
        NAME_MARK + "hemhjalp",
    } <= set(names)
    assert NAMES not in improved["docs"][1]  # a section: no names
    config = improved["config"]
    assert config["fields"][NAMES]["boost"] > config["fields"]["title"]["boost"]
    assert config["namnmarke"] == NAME_MARK and "om" in config["stoppord"]
    assert config["fuzzy"] == {"fuzzy1": 5, "fuzzy2": 9}


def test_joined_name_keeps_only_the_letters_the_query_transform_keeps() -> None:
    assert joined("Bostad först") == "bostadförst"
    assert joined("TF-KBT (Traumafokuserad)") == "tfkbttraumafokuserad"


def test_summary_replaces_the_page_text_and_is_escaped() -> None:
    improved = improve_index(_index(), summaries={"insatser/hemtjanst/": "Stöd <b>&</b> hjälp"})
    assert improved["docs"][0]["text"] == "<p>Stöd &lt;b&gt;&amp;&lt;/b&gt; hjälp</p>"
    assert improved["docs"][2]["text"] == "<p>Insatser utan individuell behovsprövning.</p>"


def test_a_life_situation_page_ranks_higher_unless_its_front_matter_says_otherwise() -> None:
    index = _index()
    index["docs"] += [
        {"location": "livssituationer/x/", "title": "X", "text": ""},
        {"location": "livssituationer/y/", "title": "Y", "text": "", "boost": 0.5},
    ]
    docs = improve_index(index)["docs"]
    assert docs[3]["boost"] > 1 and docs[4]["boost"] == 0.5
    assert "boost" not in docs[0]


def test_impossible_inflections_are_not_added() -> None:
    forms = set(search_terms("Hemtjänst", "").split())
    assert "hemtjänsten" in forms and "hemtjänster" in forms
    assert not {"hemtjänstn", "hemtjänstor", "hemtjänstna"} & forms
