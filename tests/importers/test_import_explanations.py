"""Seed 000 (survey explanations) text importer: expectations read from the document itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from survey_counts import PER_CATEGORY, PER_OMRADE

from generator.importers import survey_tables
from generator.importers.records import ParsedDocument
from generator.importers.survey_explanations import names_from_tables, parse_text, read

SOURCES = Path(__file__).resolve().parents[2] / "sources"
SOURCE = SOURCES / "kartlaggning-forklaringar.txt"


@pytest.fixture(scope="module")
def explanations() -> ParsedDocument:
    tables = survey_tables.read(SOURCES / "kartlaggning-resultattabeller.txt")
    return read(SOURCE, names_from_tables(tables))


def _row(doc: ParsedDocument, namn: str, kategori: str):
    found = [r for r in doc.rows if r.namn == namn and r.kategori == kategori]
    assert len(found) == 1, f"{namn!r} in {kategori}: {len(found)} rows"
    return found[0]


# --- counts, counted in the document (and equal to the rows of seed 001's tables) ----------


def test_rows_per_omrade(explanations):
    assert Counter(r.omrade for r in explanations.rows) == PER_OMRADE


def test_rows_per_kategori(explanations):
    assert Counter(r.kategori for r in explanations.rows) == PER_CATEGORY


def test_no_problems_left(explanations):
    assert explanations.problems == ()


def test_rows_in_source_order(explanations):
    lines = [r.line for r in explanations.rows]
    assert lines == sorted(lines)


# --- headings -------------------------------------------------------------------------


def test_omrade_headings_joined_over_lines(explanations):
    names = {h.omrade: h.omrade_namn for h in explanations.headings if h.kategori is None}
    assert names == {
        2: "Verksamhetsområde äldre",
        3: "Verksamhetsområde barn och unga",
        4: "Verksamhetsområde funktionshinder",
        5: "Verksamhetsområde missbruk och beroende",
        6: "Verksamhetsområde socialpsykiatri",
        7: "Verksamhetsområde våld i nära relationer",
    }


def test_omrade_notes(explanations):
    notes = {h.omrade: h.notering for h in explanations.headings if h.kategori is None}
    assert notes[2].startswith(
        "Notera att stöd som ges specifikt till personer med funktionsnedsättning"
    )
    assert notes[2].endswith("inom verksamhetsområde funktionshinder och socialpsykiatri.")
    assert notes[3].startswith("Notera att behandlingsinriktat stöd som ges till barn och unga")
    assert notes[7].startswith("Stöd i föräldraskap och sådant stöd som ges till barn")
    assert all(notes[n] for n in range(2, 8))


def test_kategori_headings(explanations):
    kats = [
        (h.kategori, h.kategori_namn)
        for h in explanations.headings
        if h.kategori and h.rubrik is None
    ]
    assert len(kats) == 20
    assert ("2.3", "Utbildningsinsatser / informationsinsatser") in kats
    assert ("5.1", "Behandlingshem / Boendeinsatser") in kats


def test_sub_headings_including_one_after_a_page_break(explanations):
    rubriker = [h.rubrik for h in explanations.headings if h.kategori == "2.2" and h.rubrik]
    assert rubriker == [
        "Insatser riktade till äldre",
        "Insatser riktade till äldre och anhöriga",
        "Insatser riktade till anhöriga",
    ]
    # " Boende och insatser i boende" starts a page (line 296)
    assert (
        _row(explanations, "Växelvård/ korttidsboende", "2.1").rubrik
        == "Boende och insatser i boende"
    )
    assert _row(explanations, "Dagverksamhet", "2.1").rubrik == "Hemtjänst och hemtjänstinsatser"
    assert _row(explanations, "Marte Meo", "3.1").rubrik is None  # 3.1 has no sub-heading


# --- spot checks --------------------------------------------------------------------------


def test_name_and_explanation_share_the_first_line(explanations):
    row = _row(explanations, "Dagverksamhet", "2.1")
    assert row.forklaring.startswith("Bistånd i form av sysselsättning, gemenskap,")
    assert row.kallor == ("Socialstyrelsen (2008) Termbanken",)
    assert row.line == 29


def test_multi_line_names(explanations):
    row = _row(explanations, "Dagverksamhet anpassad för yngre personer med demenssjukdom", "2.1")
    assert row.forklaring.startswith("Syftet med dagverksamhet är att erbjuda")
    long = [
        r
        for r in explanations.rows
        if r.namn.startswith("Kognitiv integrerad behandling vid barnmisshandel")
    ]
    assert [r.namn for r in long] == [
        "Kognitiv integrerad behandling vid barnmisshandel (KIBB) / the combined parent – child "
        "cognitive-behavioral therapy (CPC-CBT)"
    ]


def test_row_right_after_a_page_break(explanations):
    # the page break (" Insats Förklaring Källa") follows the Trygghetskamera row's source
    row = _row(explanations, "Kognitiv träning", "2.4")
    assert row.rubrik == "Övriga insatser till äldre"
    assert row.forklaring.startswith("Kognitiv träning utgörs av")
    # a name-only row ends right before a break and the next row follows it
    assert _row(explanations, "Parkeringstillstånd för rörelsehindrade", "4.3").forklaring is None
    assert _row(explanations, "Personligt ombud", "4.3").forklaring.startswith(
        "Personligt ombud är ett stöd"
    )


def test_empty_cells(explanations):
    row = _row(explanations, "Fallsensorer", "2.4")
    assert (row.forklaring, row.kallor) == (None, ())
    row = _row(explanations, "Information om anhörigstöd / anhörigperspektiv", "2.3")
    assert row.forklaring is None
    assert row.kallor == ("SBU (2019) Kunskapsläget för bedömning och insatser inom äldreomsorgen",)
    row = _row(explanations, "Specialiserat boendestöd - samlarteam", "6.1")
    assert row.forklaring.startswith("Stöd i den dagliga livsföringen") and row.kallor == ()


def test_several_citations(explanations):
    row = _row(explanations, "Tillsyn", "2.1")
    assert row.kallor == (
        "SBU (2019) Kunskapsläget för bedömning och insatser inom äldreomsorgen",
        "Sollentuna kommun (2016) Riktlinjer för avdelning äldreomsorg (socialtjänstlagen)",
    )
    row = _row(explanations, "Fixarservice, fixartjänst", "2.1")
    assert row.kallor[-1] == "Sundbyberg.se"


def test_citation_with_retrieval_note(explanations):
    row = _row(explanations, "Seniordagar", "2.3")
    assert row.forklaring.startswith("Seniordagar är dagar där socialtjänsten informerar")
    assert row.kallor == ("Nacka kommun, nacka.se (hämtad maj 2021)",)


def test_all_three_cells_on_one_line(explanations):
    row = _row(explanations, "Digitalt stöd för matinköp", "2.1")
    assert row.forklaring == "Matinköp via e-handel"
    assert row.kallor == ("Trollhättans stad, trollhattan.se (hämtad maj 2021)",)
    row = _row(explanations, "Peer support", "6.3")
    assert row.forklaring == "Stöd av brukarspecialist"
    assert row.kallor[0].startswith("Socialstyrelsen (2018) Nationella riktlinjer")
    row = _row(explanations, "Förtur i bostadskön", "7.1")  # "Förtur i bostadskön  SKR (2021) …"
    assert (row.forklaring, row.kallor) == (None, ("SKR (2021) Boende för våldsutsatta",))


def test_kontaktperson_in_six_omraden(explanations):
    rows = [r for r in explanations.rows if r.namn == "Kontaktperson"]
    assert sorted(r.omrade for r in rows) == [2, 3, 4, 5, 6, 7]


def test_repeated_first_row_after_page_break_is_dropped(explanations):
    assert len([r for r in explanations.rows if r.namn == "Digitala bibliotek"]) == 1
    assert (
        len(
            [
                r
                for r in explanations.rows
                if r.namn == "Information om anhörigstöd / anhörigperspektiv"
            ]
        )
        == 1
    )


def test_bullets_stay_lines_of_the_explanation(explanations):
    row = _row(explanations, "Fixarservice, fixartjänst", "2.1")
    assert row.forklaring.split("\n")[1:3] == [
        "• Ta ner och sätta upp gardiner",
        "• Byta glödlampor och säkringar",
    ]


def test_hyphenation_in_rows(explanations):
    assert _row(explanations, "Särskilt boende, vård- och omsorgsboende", "2.1")
    mim = _row(explanations, "MIM och Theraplay", "3.1")
    assert mim.forklaring.startswith("MIM är en halvstrukturerad, videoinspelad samspelsbedömning")
    assert _row(explanations, "Schyssta Relationer – Våldspreventiv gruppverksamhet", "7.3")
    assert (
        "budget- och skuldrådgivning"
        in _row(explanations, "Hushållsekonomisk rådgivning", "7.3").forklaring
    )


def test_lowercase_name_after_a_source(explanations):
    row = _row(explanations, "rePULSE", "3.1")
    assert row.kallor == ("Stockholms stad (2018) Öppenvård barn, unga och familj",)
    prev = _row(
        explanations,
        "Psykoedukativ counselling i grupp / counselling med stödsamtal / "
        "problemorienterad psykosocial behandling",
        "3.1",
    )
    assert prev.kallor == (
        "SBU (2020) Insatser i öppenvård för att förebygga ungdomars återfall i brott",
    )


def test_name_repeated_in_explanation_after_padding(explanations):
    row = _row(explanations, "Lösningsfokuserad hemmabaserad familjebehandling (LIHF)", "3.1")
    assert row.forklaring.startswith(
        "Lösningsfokuserad hemmabaserad familjebehandling (LIHF) är en intensiv"
    )


# --- synthetic text -------------------------------------------------------------------------

SYNTHETIC = """\
 2 Verksamhetsområde 
testning 

Notera att detta är en 
not. 

2.1 Boendeinsatser 

Underrubrik ett 

Insats Förklaring Källa 

Alfa Alfa är en insats som 
görs. 

Socialstyrelsen (2019) 
Metodguiden 

Beta gamma 
insats 

Förklaring av 
beta. 

SBU (2018) En 
rapport; Nacka kommun, 
nacka.se (hämtad maj 2021) 
 Insats Förklaring Källa 

Alfa Alfa är en insats som 
görs. 

Socialstyrelsen (2019) 
Metodguiden 

Delta   

Epsilon Text som fortsätter 



7 

Kartläggning av insatser i socialtjänst 

Insats Förklaring Källa 

på nästa sida. 

Stockholms stad 
"""

SYNTHETIC_NAMES = {2: {"alfa", "beta gamma insats", "delta", "epsilon"}}


def test_synthetic_page_breaks_and_repeated_first_row():
    doc = parse_text(SYNTHETIC, names=SYNTHETIC_NAMES)
    assert doc.problems == ()
    assert [r.namn for r in doc.rows] == ["Alfa", "Beta gamma insats", "Delta", "Epsilon"]
    alfa, beta, delta, epsilon = doc.rows
    assert (alfa.forklaring, alfa.kallor, alfa.rubrik) == (
        "Alfa är en insats som görs.",
        ("Socialstyrelsen (2019) Metodguiden",),
        "Underrubrik ett",
    )
    assert beta.kallor == ("SBU (2018) En rapport", "Nacka kommun, nacka.se (hämtad maj 2021)")
    assert (delta.forklaring, delta.kallor) == (None, ())
    assert (epsilon.forklaring, epsilon.kallor) == (
        "Text som fortsätter på nästa sida.",
        ("Stockholms stad",),
    )
    omrade = doc.headings[0]
    assert (omrade.omrade_namn, omrade.notering) == (
        "Verksamhetsområde testning",
        "Notera att detta är en not.",
    )


def test_synthetic_unplaceable_source_is_a_problem():
    text = SYNTHETIC.replace(
        "Alfa Alfa är en insats som \ngörs. \n\nSocialstyrelsen (2019) \nMetodguiden \n\nBeta",
        "Socialstyrelsen (2019) \nMetodguiden \n\nBeta",
        1,
    )
    doc = parse_text(text, names=SYNTHETIC_NAMES)
    assert [(p.document, p.place) for p in doc.problems] == [("förklaringar", "rad 13")]
    assert (
        "källan «Socialstyrelsen (2019) Metodguiden» står utan en rad med namn"
        in doc.problems[0].message
    )
