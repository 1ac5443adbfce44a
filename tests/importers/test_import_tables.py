"""Results tables importer (seed 001): expected values read by hand from the source text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from survey_counts import PER_CATEGORY, PER_OMRADE

from generator.importers.records import ParsedDocument
from generator.importers.survey_tables import parse_text, read
from generator.model.records import Figure

SOURCE = Path(__file__).resolve().parents[2] / "sources" / "kartlaggning-resultattabeller.txt"

HEADER = """Insats Antal 

kommuner 

där insats ges 

(andel av 

svarande 

kommuner i 

parentes)1 

Antal 

kommuner 

där insats 

ges i digital 

form (andel 

av svarande 

kommuner i 

parentes)2 

Antal 

kommuner 

där insats 

ges i 

enskild 

regi (andel 

av 

svarande 

kommuner 

i 

parentes)3 

Antal 

kommuner 

där insats ges 

utan 

biståndsbeslut 

(andel av 

svarande 

kommuner i 

parentes)4 
"""

SYNTHETIC = (
    " Kartläggning av insatser i socialtjänst \n\n"
    " 3 Verksamhetsområde barn \noch unga \n\n"
    "3.1 Individ- och/eller gruppinsatser \n\n"
    "Insatser till barn \n\n" + HEADER + "\nFörsta \n\ninsatsen 10 (5%) 0 (0%) 2 (20%) - \n\n"
    "Barns rätt som \n\nanhöriga (BRA) -\n\nsamtal 36 (16%) 10 (29%) 3 (9%) 24 (69%) \n\n"
    " \n\n"
    "1 Detta antal inkluderar både de kommuner som svarat att de genomför insatsen och de \n\n"
    "genomför insatsen i lokal variant. \n"
    " Kartläggning av insatser i socialtjänst \n\n"
    + HEADER
    + "\nEfter sidbrytningen 1 (0%) - - - \n\n"
    "Insats med not1 100 (100%) 5 (100%) 0 (0%) 0 (0%) \n\n"
    "kvarglömd rad \n"
)


@pytest.fixture(scope="module")
def document() -> ParsedDocument:
    return read(SOURCE)


def _row(doc: ParsedDocument, kategori: str, namn: str, nth: int = 0):
    matches = [r for r in doc.rows if r.kategori == kategori and r.namn == namn]
    assert len(matches) > nth, f"{kategori} «{namn}» not found"
    return matches[nth]


def _figures(row) -> tuple:
    return (row.ges, row.digitalt, row.enskild_regi, row.utan_beslut)


def F(antal: int, andel: int) -> Figure:
    return Figure(antal, andel)


# --- the real document -----------------------------------------------------------------


def test_rows_per_omrade(document):
    assert Counter(r.omrade for r in document.rows) == PER_OMRADE


def test_rows_per_category(document):
    assert Counter(r.kategori for r in document.rows) == PER_CATEGORY


def test_headings_cover_omraden_categories_and_subheadings(document):
    omraden = {h.omrade: h.omrade_namn for h in document.headings if h.kategori is None}
    assert omraden == {
        2: "Verksamhetsområde äldre",
        3: "Verksamhetsområde barn och unga",
        4: "Verksamhetsområde funktionshinder",
        5: "Verksamhetsområde missbruk och beroende",
        6: "Verksamhetsområde socialpsykiatri",
        7: "Verksamhetsområde våld i nära relationer",
    }
    first = [(h.kategori, h.kategori_namn, h.rubrik) for h in document.headings[1:3]]
    assert first == [
        ("2.1", "Boendeformer / insatser i boendet", None),
        ("2.1", "Boendeformer / insatser i boendet", "Hemtjänst och hemtjänstinsatser"),
    ]
    rubriker_7_2 = [h.rubrik for h in document.headings if h.kategori == "7.2" and h.rubrik]
    assert rubriker_7_2 == [
        "Insatser riktade till våldsutsatta vuxna",
        "Insatser riktade till våldsutövande vuxna",
    ]


def test_every_row_has_a_name_and_a_first_figure(document):
    assert all(r.namn and r.namn == r.namn.strip() and r.ges is not None for r in document.rows)


def test_problems_are_only_the_intro_and_three_orphan_footnote_marks(document):
    assert len(document.problems) == 4
    assert document.problems[0].place == "rad 3"
    assert document.problems[0].message.startswith("avsnittet «1 Om resultattabellerna»")
    assert [p.place for p in document.problems[1:]] == ["rad 6411", "rad 6810", "rad 6814"]


@pytest.mark.parametrize(
    "omrade, first, last",
    [
        (
            2,
            ("Dagverksamhet", (F(156, 65), F(13, 9), F(24, 16), F(35, 24))),
            (
                "Generella stödinsatser till anhöriga till demenssjuka",
                (F(191, 80), F(93, 52), F(27, 15), F(166, 91)),
            ),
        ),
        (
            3,
            (
                "Råd- och stöd från socialsekreteraren riktat till barnet/ den unga",
                (F(204, 87), F(154, 78), F(4, 2), F(105, 53)),
            ),
            ("Sociala insatsgrupper (SIG)", (F(66, 29), F(21, 34), F(6, 10), F(22, 35))),
        ),
        (
            4,
            ("Familjehem", (F(53, 26), F(1, 2), F(27, 56), F(0, 0))),
            ("Hemvårdsbidrag", (F(29, 15), F(5, 19), F(2, 8), F(0, 0))),
        ),
        (
            5,
            ("Akutboenden", (F(165, 72), F(14, 9), F(111, 68), F(20, 12))),
            ("NADA-akupunktur, öronakupunktur", (F(55, 24), F(0, 0), F(5, 9), F(38, 70))),
        ),
        (
            6,
            (
                "Tränings- och försökslägenhet med boendestöd",
                (F(101, 47), F(18, 19), F(18, 19), F(3, 3)),
            ),
            (
                "Anpassat föräldrastöd till personer som har schizofreni eller "
                "schizofreniliknande tillstånd",
                (F(2, 1), F(1, 50), F(0, 0), F(1, 50)),
            ),
        ),
        (
            7,
            ("Stöd vid byte av bostadsort", (F(207, 87), F(102, 51), F(97, 48), F(118, 58))),
            (
                "Säkerhetsplanering, genomgång av säkerhet",
                (F(212, 90), F(136, 65), F(83, 40), F(159, 76)),
            ),
        ),
    ],
)
def test_first_and_last_row_of_each_omrade(document, omrade, first, last):
    rows = [r for r in document.rows if r.omrade == omrade]
    assert (rows[0].namn, _figures(rows[0])) == first
    assert (rows[-1].namn, _figures(rows[-1])) == last


def test_multiline_name_joined(document):
    row = _row(document, "2.1", "Dagverksamhet anpassad för personer med demenssjukdom")
    assert _figures(row) == (F(229, 93), F(8, 4), F(27, 12), F(18, 8))
    assert (row.rubrik, row.line) == ("Hemtjänst och hemtjänstinsatser", 119)


def test_rows_right_after_a_page_break(document):
    # First rows under the column header repeated at the top of a page (lines 154, 271).
    row = _row(document, "2.1", "Hemtjänst, demensprofilerade hemtjänstlag/eller hemtjänstteam")
    assert _figures(row) == (F(57, 23), F(3, 6), F(15, 29), F(5, 9))
    assert row.rubrik == "Hemtjänst och hemtjänstinsatser"
    row = _row(document, "2.1", "Personliga omvårdnadsinsatser")
    assert _figures(row) == (F(243, 100), F(6, 3), F(101, 43), F(3, 1))


def test_dash_figures_stay_none(document):
    assert _figures(_row(document, "3.1", "Interpersonell psykoterapi (ITP)")) == (
        F(0, 0),
        None,
        None,
        None,
    )
    assert _figures(_row(document, "3.4", "Promise")) == (F(1, 0), None, None, None)
    assert sum(1 for r in document.rows if r.digitalt is None) == 23


def test_zero_and_hundred_percent(document):
    assert _figures(_row(document, "2.1", "Särskilt boende, vård- och omsorgsboende")) == (
        F(245, 100),
        F(4, 2),
        F(90, 38),
        F(0, 0),
    )
    assert _figures(_row(document, "2.1", "Hemtjänst")) == (
        F(245, 100),
        F(96, 40),
        F(115, 49),
        F(11, 5),
    )
    assert _figures(_row(document, "2.4", "Äldre direkt")) == (
        F(37, 16),
        F(25, 83),
        F(3, 9),
        F(32, 100),
    )


def test_dash_at_line_end_belongs_to_the_name(document):
    assert _figures(_row(document, "3.1", "Barns rätt som anhöriga (BRA) -samtal")) == (
        F(36, 16),
        F(10, 29),
        F(3, 9),
        F(24, 69),
    )
    assert _figures(_row(document, "3.1", "Familjehelger och -läger")) == (
        F(36, 16),
        F(0, 0),
        F(13, 41),
        F(22, 67),
    )
    # Here the source keeps a space after the dash.
    assert _figures(_row(document, "6.1", "Specialiserat boendestöd - samlarteam")) == (
        F(29, 14),
        F(8, 31),
        F(0, 0),
        F(2, 7),
    )
    assert _row(document, "2.1", "Fixarservice, fixartjänst, fixar-Malte").ges == F(169, 70)


def test_names_with_digits_and_parentheses(document):
    assert _row(document, "3.1", "Komet för föräldrar med barn 3–11 år").ges == F(84, 37)
    assert _figures(
        _row(document, "4.3", "Korttidstillsyn för skolungdom över 12 år, enligt SoL")
    ) == (F(61, 31), F(1, 2), F(14, 23), F(0, 0))
    assert _row(document, "3.1", "BSFT (Kort strategisk familjeterapi (BSFT)").ges == F(16, 7)


def test_glued_footnote_marks_removed(document):
    row = _row(document, "7.1", "Korttidsboende, korttidsplats", nth=1)
    assert (row.rubrik, _figures(row)) == (
        "Boendeinsatser för våldsutövande vuxna",
        (F(9, 4), F(5, 56), F(1, 11), F(2, 22)),
    )
    row = _row(document, "7.2", "Kognitiv beteendeterapi (KBT)", nth=1)
    assert _figures(row) == (F(34, 15), F(23, 72), F(8, 25), F(21, 66))
    assert _row(document, "7.2", "Motiverande samtal (MI)", nth=1).ges == F(150, 65)


def test_same_name_twice_in_one_category_keeps_both(document):
    rows = [
        r
        for r in document.rows
        if r.kategori == "4.2" and r.namn == "Rådgivning och stöd utan särskild manual"
    ]
    assert [(r.rubrik, r.ges) for r in rows] == [
        ("Insatser riktade till personer med funktionsnedsättning", F(91, 45)),
        ("Insatser till anhöriga", F(135, 67)),
    ]
    assert (
        len(
            [
                r
                for r in document.rows
                if r.kategori == "7.1" and r.namn == "Korttidsboende, korttidsplats"
            ]
        )
        == 2
    )


def test_footnote_texts_and_headers_are_not_rows(document):
    assert not any(
        "Detta antal" in r.namn or "parentes" in r.namn or "Kartläggning" in r.namn
        for r in document.rows
    )


# --- synthetic fixture: header repeated after a page break ------------------------------


def test_synthetic_header_repeated_after_page_break():
    doc = parse_text(SYNTHETIC)
    assert [(r.namn, _figures(r), r.line) for r in doc.rows] == [
        ("Första insatsen", (F(10, 5), F(0, 0), F(2, 20), None), 80),
        ("Barns rätt som anhöriga (BRA) -samtal", (F(36, 16), F(10, 29), F(3, 9), F(24, 69)), 84),
        ("Efter sidbrytningen", (F(1, 0), None, None, None), 167),
        ("Insats med not", (F(100, 100), F(5, 100), F(0, 0), F(0, 0)), 169),
    ]
    assert {(r.omrade, r.kategori, r.rubrik) for r in doc.rows} == {
        (3, "3.1", "Insatser till barn")
    }
    assert [h.rubrik for h in doc.headings] == [None, None, "Insatser till barn"]
    assert doc.headings[0].omrade_namn == "Verksamhetsområde barn och unga"


def test_synthetic_unplaced_line_is_a_problem():
    doc = parse_text(SYNTHETIC)
    assert [str(p) for p in doc.problems] == [
        "tabeller: rad 171: «kvarglömd rad» står sist i dokumentet utan siffror – ingen rad"
    ]


def test_name_split_over_a_page_break_is_reported():
    text = (
        "2 Verksamhetsområde äldre \n\n2.1 Boende \n\n" + HEADER + "\nDelat \n\n"
        " Kartläggning av insatser i socialtjänst \n\n" + HEADER + "\nnamn 3 (1%) - - - \n"
    )
    doc = parse_text(text)
    assert [(r.namn, r.ges, r.rubrik) for r in doc.rows] == [("Delat namn", F(3, 1), None)]
    assert len(doc.problems) == 1 and "sidbrytning" in doc.problems[0].message
