"""The three local documents: counts, hard spot checks, and that re-import reproduces
the committed YAML."""

from pathlib import Path

import pytest

from generator.importers import iub_guidelines, open_insatser, skolgang

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stockholm():
    return open_insatser.read(ROOT / "sources/stockholm-oppna-insatser-iub.txt")


@pytest.fixture(scope="module")
def alingsas():
    return iub_guidelines.read(ROOT / "sources/alingsas-riktlinjer-iub.txt")


@pytest.fixture(scope="module")
def skol():
    return skolgang.read(ROOT / "sources/stockholm-skolgang.txt")[0]


def by_id(lst):
    return {i.id: i for g in lst.grupper for i in g.insatser}


def test_counts_per_group(stockholm, alingsas, skol):
    assert [len(g.insatser) for g in stockholm.grupper] == [43, 21]
    assert [len(g.insatser) for g in alingsas.grupper] == [13, 4, 1, 11]
    assert [g.namn for g in alingsas.grupper][3] == "3.4 Individuellt riktade insatser"
    assert [len(g.insatser) for g in skol.grupper] == [22, 2]


def test_numbers_hidden_by_page_breaks_are_found(alingsas):
    numbers = [i.nummer for g in alingsas.grupper for i in g.insatser]
    for n in ("3.1.4", "3.1.6", "3.4.10"):
        assert n in numbers
    assert by_id(alingsas)["boendecoachning"].nummer == "3.4.10"


def test_multi_method_insats(alingsas):
    metod = by_id(alingsas)["familjebehandling"].metod
    assert [m.namn for m in metod][:3] == [
        "Cirkel of security (COS)",
        "Funktionell familjeterapi (FFT)",
        "Nonviolent resistance (NVR)",
    ]
    assert len(metod) == 9
    fft = metod[1]
    assert fft.malgrupp == (
        "Familjer med ungdomar (11–18 år) som har ett utåtagerande beteende, "
        "begår brott eller missbrukar."
    )
    assert fft.omfattning == "upp till 12 samtal under 3-6 månader"
    assert metod[3].namn == "Psykosocialt stöd- och förändringsarbete" and metod[3].malgrupp is None
    assert metod[-1].namn == "Community Parent Education (COPE)"


def test_metod_dash_is_no_method_and_single_description_is_unnamed(alingsas):
    ins = by_id(alingsas)
    assert ins["familjeradgivning"].metod == ()
    (craft,) = ins["anhorigstod-vid-beroende"].metod
    assert craft.namn is None and craft.beskrivning.startswith("CRAFT, Community Reinforcement")


def test_villkor_one_item_per_paragraph(alingsas):
    ins = by_id(alingsas)
    assert ins["medling-med-anledning-av-brott"].villkor == (
        "Gärningspersonen ska vara folkbokförd i Alingsås kommun.",
        "Unga från 15 år till 21 år.",
    )
    assert len(ins["efter-barnforhoret"].villkor) == 4
    assert ins["krisstod-placerat-barn"].villkor[0] == (
        "Placerat barn upp till 18 år. "
        "Vårdnadshavare vars barn placerats av socialnämnden i Alingsås."
    )


def test_omfattning_present_or_absent(alingsas):
    ins = by_id(alingsas)
    assert ins["krisstod-placerat-barn"].omfattning == "1-5 samtal."
    assert "Omfattning" not in ins["krisstod-placerat-barn"].innehall
    assert ins["stod-under-anstallning"].omfattning == "Insatsen pågår under maximalt ett år."
    assert ins["familjeradgivning"].omfattning is None


def test_suspended_compound_keeps_its_hyphen(alingsas):
    assert (
        "lönestöds- eller arbetsmarknadsstödsanställning"
        in by_id(alingsas)["stod-under-anstallning"].innehall
    )


def test_stockholm_bullets_and_paragraphs(stockholm):
    ins = by_id(stockholm)
    malgrupp = ins["anhorigstod"].malgrupp
    assert malgrupp.count("\n• ") == 8
    assert "\n\nInom vissa stadsdelsnämnder" in malgrupp
    assert ins["barns-ratt-som-anhoriga-bra-samtal"].malgrupp.startswith(
        "Barns rätt som anhöriga vänder sig till barn i åldern 7-18 år"
    )


def test_stockholm_del_2_items(stockholm):
    del2 = stockholm.grupper[1]
    assert del2.namn == "Del 2"
    assert del2.insatser[0].namn == "Anhörigstöd - stödsamtal"
    assert del2.insatser[0].malgrupp.count("• ") == 8
    assert del2.insatser[-1].namn == "Äldrelots"
    # the same name in both parts gets a distinct id
    assert {"samarbetssamtal", "samarbetssamtal-del-2"} <= set(by_id(stockholm))


def test_stockholm_page_header_removed_mid_sentence(stockholm):
    ins = by_id(stockholm)
    assert "behovsprövning" not in ins["stodsamtal-prostitution-och-manniskohandel"].malgrupp
    assert (
        "befinner sig i prostitution, är utsatta"
        in ins["stodsamtal-prostitution-och-manniskohandel"].malgrupp
    )
    akut = ins["utokade-stodinsatser-pa-akutboende"]
    assert akut.innehall.startswith("Ett förstärkt stöd") and akut.malgrupp.startswith(
        "Personer som är 18 år"
    )


def test_two_line_headings(stockholm, skol):
    assert "losam-lokal-samordnare-mot-rekrytering-till-kriminalitet" in by_id(stockholm)
    assert by_id(skol)["individuellt-stod-eller-behandling-till-unga-utifran-individuella-behov"]


def test_skolgang_footnotes_attached_to_the_right_insats(skol):
    ins = by_id(skol)
    fft = ins["funktionell-familjeterapi-fft"]
    assert fft.noter[0] == "http://www.stiftelsenfftsverige.se/"
    assert len(fft.noter) == 3
    tfco = ins["treatment-foster-care-oregon-tfco"]
    assert tfco.kallor == (
        "humana-se-individ-och-familj-metoder-och-utbildning-vara-egna-metoder",
        "sbu-2018-oversikt-279",
    )
    assert tfco.innehall.startswith("TFCO, tidigare känt som MTFC")
    assert ins["kort-strategisk-familjeterapi-bsft"].noter[0].endswith("erbjuda BSFT.")
    assert ins["trappan"].noter == ("Post traumatiskt stressyndrom",)
    assert "PTSD och annan" in ins["trappan"].innehall
    assert skol.noter[1].startswith("Stockholms stad (2019) Öppenvård barn")
    assert "stadsdelsförvaltningarnas egna" in skol.inledning


def test_no_footnote_digits_left_in_text(skol):
    for i in by_id(skol).values():
        for marker in ("FFT6", "KIBB12", "PTSD13", "kriser.14", "problem.8"):
            assert marker not in i.innehall


def test_what_the_list_parsers_cannot_place_is_a_typed_problem_in_swedish():
    problems: list = []
    open_insatser.read(ROOT / "sources/stockholm-oppna-insatser-iub.txt", problems)
    assert [(p.document, p.place) for p in problems] == [("oppna-insatser", "rad 1028")]
    assert problems[0].message == (
        "«Utökade stödinsatser på akutboende» har två «Målgrupp:» och ingen «Innehåll:» – "
        "den första läses som innehållet"
    )
    text = (
        "3. Förteckning av IUB\n\n3.1. Rådgivning\n\n3.1.1 Familjerådgivning\n\n"
        "Innehåll\n\nSamtal om relationen. \n\nMålgrupp\n\nPar. \n"
    )
    problems = []
    iub_guidelines.parse_text(text, problems)
    assert [str(p) for p in problems] == [
        f"iub-riktlinjer: rad 5: 3.1.1 Familjerådgivning: fältet «{label}» saknas"
        for label in ("Villkor", "Dokumentation", "Uppföljning")
    ]
