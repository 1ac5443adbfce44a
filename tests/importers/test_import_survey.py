"""The survey's two appendices joined into content/: counts, hard spot checks on the
committed records, re-import reproduces the files, and the draft difference of a new round."""

from __future__ import annotations

from pathlib import Path

import pytest
from survey_counts import PER_CATEGORY, PER_OMRADE

from generator.importers.run import difference, import_documents, report
from generator.model import load_content
from generator.model.records import Figure as F

ROOT = Path(__file__).resolve().parents[2]
TABLES = ROOT / "sources/kartlaggning-resultattabeller.txt"

OMRADE_IDS = {
    2: "aldre",
    3: "barn-och-unga",
    4: "funktionshinder",
    5: "missbruk-och-beroende",
    6: "socialpsykiatri",
    7: "vald-i-nara-relationer",
}


@pytest.fixture(scope="module")
def imported():
    return import_documents(ROOT)


@pytest.fixture(scope="module")
def committed():
    content, problems = load_content(ROOT)
    assert not problems, problems
    return content


def _insats(content, insats_id):
    return next(i for i in content.insatser if i.id == insats_id)


def _member(content, insats_id, kategori, nth=0):
    return [m for m in _insats(content, insats_id).medlemskap if m.kategori == kategori][nth]


def _figures(member):
    s = member.statistik
    return (s.ges, s.digitalt, s.enskild_regi, s.utan_beslut)


# --- counts -----------------------------------------------------------------------------


def test_counts_per_document_omrade_and_category(imported):
    for doc in ("förklaringar", "tabeller"):
        assert imported.counts[doc] == 409
        for nummer, n in PER_OMRADE.items():
            assert imported.counts[f"{doc} / {nummer}"] == n
        for kategori, n in PER_CATEGORY.items():
            assert imported.counts[f"{doc} / {kategori[0]} / {kategori}"] == n


def test_every_row_is_a_listing_with_explanation_row_and_statistics(committed):
    listings = [m for i in committed.insatser for m in i.medlemskap]
    assert len(listings) == 409
    assert all(m.statistik is not None for m in listings)  # every table row joined
    for kategori, n in PER_CATEGORY.items():
        assert sum(m.kategori == kategori for m in listings) == n, kategori


def test_no_unexplained_leftovers(imported):
    assert imported.survey.unmatched == ()
    report = (ROOT / "sources/import-report.md").read_text(encoding="utf-8")
    assert "ingen förklaring given ännu" not in report


def test_committed_report_is_what_the_import_writes(imported):
    # regenerate with: python -m generator import --rapport
    assert (ROOT / "sources/import-report.md").read_text(encoding="utf-8") == report(imported)


def test_repeated_first_rows_after_page_breaks_are_reported_not_silently_dropped(imported):
    dropped = [d for d in imported.dropped if d.startswith("förklaringar:")]
    assert len(dropped) == 6
    assert sum("«Digitala bibliotek»" in d for d in dropped) == 5
    assert any("rad 609: «Information om anhörigstöd / anhörigperspektiv»" in d for d in dropped)


def test_six_omraden_with_names_and_categories_in_source_order(committed):
    assert [(o.nummer, o.id, o.namn) for o in committed.omraden] == [
        (2, "aldre", "Äldre"),
        (3, "barn-och-unga", "Barn och unga"),
        (4, "funktionshinder", "Funktionshinder"),
        (5, "missbruk-och-beroende", "Missbruk och beroende"),
        (6, "socialpsykiatri", "Socialpsykiatri"),
        (7, "vald-i-nara-relationer", "Våld i nära relationer"),
    ]
    cats = [c.id for o in committed.omraden for c in o.kategorier]
    assert cats == list(PER_CATEGORY)
    barn = next(o for o in committed.omraden if o.id == "barn-och-unga")
    assert barn.notering.startswith("Notera att behandlingsinriktat stöd")
    assert barn.kategorier[1].rubriker == (
        "Placeringsinsatser",
        "Insatser under placering till barn",
        "Insatser under placering till vårdnadshavare / familjehem",
    )


# --- spot checks on the committed content ----------------------------------------------------


def test_kontaktperson_is_one_insats_in_six_omraden_each_with_its_own_figures(committed):
    ins = _insats(committed, "kontaktperson")
    assert [(m.omrade, m.kategori) for m in ins.medlemskap] == [
        ("aldre", "2.4"),
        ("barn-och-unga", "3.4"),
        ("funktionshinder", "4.3"),
        ("missbruk-och-beroende", "5.3"),
        ("socialpsykiatri", "6.3"),
        ("vald-i-nara-relationer", "7.3"),
    ]
    assert [m.statistik.ges for m in ins.medlemskap] == [
        F(180, 75),
        F(229, 99),
        F(159, 79),
        F(175, 75),
        F(198, 93),
        F(120, 52),
    ]
    assert _figures(ins.medlemskap[1]) == (F(229, 99), F(88, 39), F(51, 23), F(0, 0))
    assert _figures(ins.medlemskap[5]) == (F(120, 52), F(64, 56), F(29, 25), F(4, 3))


def test_hvb_spelled_two_ways_is_one_insats_with_both_spellings(committed):
    ins = _insats(committed, "hem-for-vard-eller-boende-hvb-hem")
    assert ins.namn == "Hem för vård eller boende (HVB-hem)"
    assert ins.forkortning == "HVB"
    assert "Hem för vård eller boende (HVB)" in ins.alias
    assert [m.kategori for m in ins.medlemskap] == ["3.2", "4.1", "5.1", "6.1"]
    assert {m.statistik.namn_i_tabell for m in ins.medlemskap} == {
        "Hem för vård eller boende (HVB)"
    }
    assert {m.namn_i_kalla for m in ins.medlemskap} == {"Hem för vård eller boende (HVB-hem)"}
    # each område its own figures; 4.1's and 6.1's rows are split over three lines
    assert _figures(ins.medlemskap[0]) == (F(229, 98), F(14, 7), F(216, 98), F(1, 0))
    assert _figures(ins.medlemskap[1]) == (F(65, 32), F(1, 2), F(56, 92), F(1, 2))
    assert _figures(ins.medlemskap[2]) == (F(225, 96), F(14, 6), F(215, 96), F(3, 1))
    assert _figures(ins.medlemskap[3]) == (F(100, 47), F(2, 2), F(91, 95), F(1, 1))


def test_not_asked_is_null_not_zero(committed):
    com = _member(committed, "forstarkningsmetod-contingency-management-com", "5.2")
    assert _figures(com) == (F(0, 0), None, None, None)
    pdt = _member(committed, "psykodynamisk-psykoterapi-pdt", "6.2")
    assert _figures(pdt) == (F(0, 0), None, None, None)
    text = (ROOT / "content/insatser/forstarkningsmetod-contingency-management-com.yml").read_text()
    assert "digitalt: null" in text and "ges: {antal: 0, andel: 0}" in text


def test_hundred_percent_rows(committed):
    assert _figures(_member(committed, "duluthmodellen", "7.2")) == (
        F(3, 1),
        F(2, 67),
        F(0, 0),
        F(3, 100),
    )
    ivin = _member(committed, "internetbehandling-mot-vald-i-nara-relationer-ivin", "7.2")
    assert _figures(ivin) == (F(5, 2), F(4, 100), F(0, 0), F(4, 100))
    assert ivin.statistik.namn_i_tabell == "Internet-behandling mot våld i nära relationer (IVIN)"


def test_name_twice_in_one_table_keeps_both_rows_in_order(committed):
    utsatta = _member(committed, "psykodynamisk-psykoterapi-pdt", "7.2", 0)
    utovande = _member(committed, "psykodynamisk-psykoterapi-pdt", "7.2", 1)
    assert (utsatta.rubrik, utovande.rubrik) == (
        "Insatser riktade till våldsutsatta vuxna",
        "Insatser riktade till våldsutövande vuxna",
    )
    assert _figures(utsatta) == (F(16, 7), F(5, 33), F(3, 20), F(9, 60))
    assert _figures(utovande) == (F(14, 6), F(6, 55), F(2, 18), F(8, 73))
    assert utsatta.statistik.namn_i_tabell == "Psykodynamisk terapi (PDT)"


def test_anhoriga_row_of_the_tables_pairs_with_the_anhoriga_subheading(committed):
    aldre = _member(committed, "traffpunkter-motesplatser-cafe-och-liknande", "2.2", 0)
    anhoriga = _member(committed, "traffpunkter-motesplatser-cafe-och-liknande", "2.2", 1)
    assert aldre.rubrik == "Insatser riktade till äldre"
    assert anhoriga.rubrik == "Insatser riktade till anhöriga"
    assert (
        anhoriga.statistik.namn_i_tabell
        == "Träffpunkter, mötesplatser, café och liknande (anhöriga)"
    )
    # the last row before a page break (the 2.3 table starts after it)
    assert _figures(anhoriga) == (F(199, 82), F(33, 17), F(42, 22), F(184, 97))


def test_row_right_after_a_page_break(committed):
    # seed 001: page header and the repeated column header come before this first 2.3 row
    info = _member(committed, "information-om-anhorigstod-anhorigperspektiv", "2.3")
    assert info.ordning == 1
    assert _figures(info) == (F(235, 97), F(146, 65), F(13, 6), F(220, 96))


def test_names_spelled_differently_keep_both_spellings(committed):
    cases = {
        "de-otroliga-aren-incredible-years-foraldradel": (
            "De otroliga åren / Incredidible years (föräldradel)"
        ),
        "kort-strategisk-familjeterapi-bsft": "BSFT (Kort strategisk familjeterapi (BSFT)",
        "ett-nytt-vagval-kriminalitet-som-livsstil": "Ett nytt vägval, Kriminalitet som livsstil",
        "fixarservice-fixartjanst": "Fixarservice, fixartjänst, fixar-Malte",
        "sarskilt-kvalificerad-kontaktperson-mentorskap": "Särskilt kvalificerad kontaktperson",
    }
    for insats_id, table_name in cases.items():
        ins = _insats(committed, insats_id)
        assert table_name in ins.alias, insats_id
        assert ins.medlemskap[0].statistik.namn_i_tabell == table_name
        assert ins.medlemskap[0].namn_i_kalla == ins.namn
    bsft = _insats(committed, "kort-strategisk-familjeterapi-bsft").medlemskap[0]
    assert _figures(bsft) == (F(16, 7), F(1, 7), F(4, 29), F(2, 13))
    fixar = _insats(committed, "fixarservice-fixartjanst").medlemskap[0]
    assert _figures(fixar) == (F(169, 70), F(9, 6), F(13, 8), F(156, 96))


def test_cross_omrade_identity_is_curated(committed):
    ips = _insats(committed, "individanpassat-stod-till-arbete-ips")
    assert ips.namn == "Individual Placement and Support, individanpassat stöd till arbete (IPS)"
    assert ips.forkortning == "IPS"
    assert ips.alias == ("Individanpassat stöd till arbete (IPS)",)
    assert [m.kategori for m in ips.medlemskap] == ["4.3", "5.3", "6.3"]
    # the same abbreviation is not enough: ITP names two different therapies
    assert _insats(committed, "interpersonell-psykoterapi-itp").medlemskap[0].kategori == "3.1"
    assert _insats(committed, "interaktionell-terapi-itp").medlemskap[0].kategori == "5.2"


def test_abbreviations(committed):
    expected = {
        "aggression-replacement-training-art": "ART",
        "funktionell-familjeterapi-fft": "FFT",
        "multisystemisk-terapi-mst": "MST",
        "kognitiv-beteendeterapi-kbt": "KBT",
        "motiverande-samtal-mi": "MI",
        "assertive-community-treatment-act-team": "ACT",
        "multisystemisk-terapi-vid-vald-och-forsummelse-mot-barn-mst-can": "MST-CAN",
        "preventing-domestic-violence-predov": "Predov",
        "bojen": None,
    }
    assert {k: _insats(committed, k).forkortning for k in expected} == expected


def test_explanation_sources_and_subheading(committed):
    dag = _member(committed, "dagverksamhet", "2.1")
    assert dag.rubrik == "Hemtjänst och hemtjänstinsatser"
    assert dag.forklaring.startswith("Bistånd i form av sysselsättning, gemenskap")
    assert dag.kallor == ("socialstyrelsen-2008-termbanken",)
    works = {w.id: w for w in committed.works}
    assert works["socialstyrelsen-2008-termbanken"].text == "Socialstyrelsen (2008) Termbanken"
    assert works["socialstyrelsen-2008-termbanken"].ar == "2008"


def test_citations_split_into_works(committed):
    works = {w.id: w for w in committed.works}
    fixar4 = _member(
        committed, "fixarservice-fixartjanst", "4.1"
    )  # "…; Sundbyberg.se, Goteborg.se"
    assert fixar4.kallor == (
        "sbu-2019-kunskapslaget-for-bedomning-och-insatser-inom-aldreomsorgen",
        "sundbyberg-se",
        "goteborg-se",
    )
    nacka = works["nacka-kommun-nacka-se"]
    assert (nacka.utgivare, nacka.webbplats, nacka.hamtad) == (
        "Nacka kommun",
        "nacka.se",
        "maj 2021",
    )
    boras = works["boras-stad-boras-se"]
    assert (boras.utgivare, boras.webbplats, boras.text) == (
        "Borås stad",
        "Boras.se",
        "Borås stad. Boras.se (hämtad maj 2021)",
    )
    rsmh = works["riksforbundet-for-social-och-mental-halsa-2018-fran-stodboende-till-eg"]
    assert (rsmh.webbplats, rsmh.hamtad) == ("uppdragpsykiskhalsa.se", "maj 2021")
    # two citations of one work that differ only in case are one work
    assert "vardochinsats-se" in works
    assert not any(w.startswith("vardochinsats-se-2") for w in works)
    cited = {k for i in committed.insatser for m in i.medlemskap for k in m.kallor}
    assert cited <= set(works)


# --- re-import reproduces content/ ------------------------------------------------------


def test_reimport_reproduces_national_content_byte_for_byte(imported):
    files = {
        p: t
        for p, t in imported.files().items()
        if not p.startswith(("content/iub/", "content/skolgang/"))
    }
    assert len([p for p in files if p.startswith("content/insatser/")]) == 310
    differing = [
        p
        for p, text in files.items()
        if not (ROOT / p).exists() or (ROOT / p).read_text(encoding="utf-8") != text
    ]
    assert differing == []
    on_disk = {
        str(p.relative_to(ROOT))
        for d in ("insatser", "omraden")
        for p in (ROOT / "content" / d).glob("*.yml")
    }
    assert on_disk <= set(files)  # nothing left over from an earlier import


def test_reimport_reproduces_local_lists_byte_for_byte(imported):
    for p, text in imported.files().items():
        if p.startswith(("content/iub/", "content/skolgang/")):
            assert (ROOT / p).read_text(encoding="utf-8") == text, p


# --- the draft difference of a new survey round --------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_difference_names_changed_figures_new_and_vanished_rows(tmp_path, committed):
    text = TABLES.read_text(encoding="utf-8")
    edits = [
        # two changed figures: Duluthmodellen's ges, Seniordagar's utan biståndsbeslut
        (
            "Duluthmodellen 3 (1%) 2 (67%) 0 (0%) 3 (100%)",
            "Duluthmodellen 4 (2%) 2 (67%) 0 (0%) 3 (100%)",
        ),
        # … and one new row after Seniordagar
        (
            "Seniordagar 155 (65%) 20 (14%) 38 (26%) 142 (95%)",
            "Seniordagar 155 (65%) 20 (14%) 38 (26%) - \n\n"
            "Seniorcafé 12 (5%) 1 (8%) 0 (0%) 12 (100%)",
        ),
        # one row vanishes (a name the explanations print on lines of its own, so they split
        # it without the tables' dictionary)
        ("Förebyggande \n\nhembesök hos äldre 132 (55%) 49 (40%) 3 (2%) 118 (95%) \n", ""),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    copy = tmp_path / "tabeller.txt"
    copy.write_text(text, encoding="utf-8")

    before = _snapshot(ROOT / "content")
    imported = import_documents(ROOT, documents={"tabeller": copy})
    diff = difference(imported.content, committed)

    assert (
        "Ändrad siffra: Duluthmodellen – vald-i-nara-relationer 7.2: kommuner där insatsen ges "
        "3 (1 %) → 4 (2 %)" in diff
    )
    assert (
        "Ändrad siffra: Seniordagar – aldre 2.3: ges utan biståndsbeslut 142 (95 %) "
        "→ ej efterfrågat" in diff
    )
    assert any("Seniorcafé" in line and line.startswith("Ny insats:") for line in diff)
    # the explanations still list it, so the listing stays and loses its figures
    assert any(
        line.startswith(
            "Försvunnen rad i resultattabellerna: Förebyggande hembesök hos äldre – aldre 2."
        )
        for line in diff
    )
    assert not any("Förebyggande hembesök" in line and "ej efterfrågat" in line for line in diff)
    assert any(
        "Förebyggande hembesök hos äldre" in line and "saknar rad i resultattabellerna" in line
        for line in imported.survey.unmatched
    )
    assert _snapshot(ROOT / "content") == before


def test_the_explanations_are_split_with_the_tables_read_not_the_committed_ones(tmp_path, imported):
    """The explanations print "Trygghetskamera Kamerorna används av …" on one line: only the
    tables' row name says where the name ends. A tables document without that row (a new
    round) must change the split – and say so – instead of reusing the committed names."""

    def row(result):
        return next(
            m
            for i in result.content.insatser
            for m in i.medlemskap
            if m.kategori == "2.4" and m.namn_i_kalla.startswith("Trygghetskamera")
        )

    assert row(imported).namn_i_kalla == "Trygghetskamera"
    assert row(imported).forklaring.startswith("Kamerorna används av hemtjänsten")
    text = TABLES.read_text(encoding="utf-8")
    line = "Trygghetskamera 170 (72%) 134 (85%) 22 (14%) 37 (23%) \n"
    assert text.count(line) == 1
    copy = tmp_path / "ny-omgang.txt"
    copy.write_text(text.replace(line, ""), encoding="utf-8")

    again = import_documents(ROOT, documents={"tabeller": copy})
    assert row(again).namn_i_kalla.startswith("Trygghetskamera Kamerorna används av hemtjänsten")
    assert [(p.document, p.place) for p in again.problems if "Trygghetskamera" in p.message] == [
        ("förklaringar", "rad 992")
    ]
