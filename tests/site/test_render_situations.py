"""Life situation pages and emergency contacts rendered from hand-made content: what an
editor writes shows as text (no markup, no icon, no link of its own), a contact shows its
number as a tel: link with its sources, and the quick exit is asked for only where the
contact list says so."""

from __future__ import annotations

import dataclasses
from html import unescape

import markdown
import yaml
from site_sample import EVIL, make_sample_content

from generator.mkdocs_plugin.icons import bundled_icons
from generator.model.records import (
    Contact,
    ContactBook,
    ContactPlace,
    EverydayWord,
    EverydayWords,
    ListItemRef,
    Situation,
    SituationGroup,
    SituationInsats,
    Work,
)
from generator.site.crossrefs import link
from generator.site.render import kontakter, pages, situationer

EXTENSIONS = ["attr_list", "tables", "admonition", "toc", "md_in_html", "pymdownx.emoji"]
CONFIGS = {
    "pymdownx.emoji": {
        "emoji_index": bundled_icons,
        "emoji_generator": __import__("material.extensions.emoji", fromlist=["to_svg"]).to_svg,
    }
}
TEXT = EVIL + " :material-home: ![b](http://x/y.png)"


def _html(page_text: str) -> str:
    body = page_text.split("---\n", 2)[-1]  # without the front matter
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=CONFIGS)


def _refs():
    content = make_sample_content()
    works = content.works + (
        Work("sos", "SOS Alarm, 112", "SOS Alarm", None, "112", url="https://www.sosalarm.se/112"),
        Work("ond", "Ond", "Ond", None, None, url="javascript:alert(1)"),
    )
    book = ContactBook(
        rubrik="Behöver du hjälp nu?",
        lamna_sidan="https://www.smhi.se/",
        kontakter=(
            Contact("nod", "112 – nödnummer", "Vid fara. " + TEXT, ("sos", "ond"), "112"),
            Contact("jour", TEXT, "Ingen egen siffra.", ("sos",)),
        ),
        startsida=("nod", "jour"),
        omraden=(ContactPlace("barn-och-unga", ("nod",)),),
    )
    situation = Situation(
        id="ensam",
        namn=TEXT,
        kort=TEXT,
        ikon="material/home-heart",
        ordning=1,
        inledning=TEXT,
        grupper=(
            SituationGroup(
                TEXT, (SituationInsats("kontaktperson", TEXT), SituationInsats("hemtjanst"))
            ),
        ),
        vart_vanda=TEXT,
        omraden=("aldre",),
        utan_ansokan=(ListItemRef("alingsas", "alingsas-kontaktperson"),),
        skolgang=(ListItemRef("stockholm-skolgang", "skolgang-art"),),
        kontakter=("nod",),
    )
    return link(
        dataclasses.replace(content, works=works, situationer=(situation,), kontakter=book)
    ), situation


def test_editor_text_on_a_situation_page_shows_literally() -> None:
    refs, situation = _refs()
    _, text = situationer.render_situation(situation, refs)
    html = _html(text)
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
    assert "<svg" not in html  # ":material-home:" in YAML text is no icon
    shown = unescape(html)  # what the reader sees: the text, every time it is used
    assert shown.count("<script>alert(1)</script>") >= 5  # namn, inledning, rubrik, text, …
    assert shown.count(":material-home:") >= 5


def test_a_situation_lists_its_insatser_in_order_then_the_kommun_items() -> None:
    refs, situation = _refs()
    _, text = situationer.render_situation(situation, refs)
    html = _html(text)
    assert (
        html.index('href="../insatser/kontaktperson.md"')
        < html.index('href="../insatser/hemtjanst.md"')
        < html.index('href="../iub/alingsas.md#alingsas-kontaktperson"')
        < html.index('href="../skolgang/stockholm-skolgang.md#skolgang-art"')
    )
    assert "Personer över 18 år" in html  # the list's own målgrupp


def _meta(page_text: str) -> dict:
    return yaml.safe_load(page_text.split("---\n", 2)[1])


def test_a_situations_everyday_words_are_its_search_words_and_are_shown() -> None:
    plain, situation = _refs()
    words = EverydayWords(
        (
            EverydayWord("hemlös", "x", livssituationer=("ensam",)),
            EverydayWord("kontaktman", "x", insatser=("kontaktperson",)),
            EverydayWord("<b>ensam</b>", "x", insatser=("hemtjanst",), livssituationer=("ensam",)),
        )
    )
    refs = link(dataclasses.replace(plain.content, sokord=words))
    assert refs.everyday_words_situation == {"ensam": ("hemlös", "<b>ensam</b>")}
    _, text = situationer.render_situation(situation, refs)
    assert _meta(text)["sokord"] == ["hemlös", "<b>ensam</b>"]  # the search index reads it
    html = _html(text)
    assert "<b>" not in html  # a word is text, shown as typed
    assert "<li><strong>Kallas också:</strong> hemlös; <b>ensam</b></li>" in unescape(html)
    assert html.index('id="hjalp"') < html.index("Kallas också") < html.index('id="insatser"')
    _, bare = situationer.render_situation(situation, plain)
    assert "sokord" not in _meta(bare) and "Kallas också" not in bare


def test_the_start_page_cards_have_the_bundled_icon_and_a_link() -> None:
    refs, _ = _refs()
    _, text = pages.render_home(refs)
    html = _html(text)
    assert html.count("<svg") == 1 and 'class="twemoji lg middle"' in html
    assert 'href="livssituationer/ensam.md"' in html
    assert html.index('id="hjalp"') < html.index('id="akut"') < html.index('id="yrkesverksamma"')


def test_an_icon_that_is_no_bundled_icon_name_gives_no_shortcode() -> None:
    assert situationer.icon_shortcode("material/home-heart") == ":material-home-heart:"
    for bad in ("material/home:x", "http://x/y.svg", "material/../../x", ""):
        assert situationer.icon_shortcode(bad) == ""


def test_a_contact_is_a_tel_link_with_its_sources_and_escaped_text() -> None:
    refs, _ = _refs()
    block = str(kontakter.emergency_block(refs.content.kontakter, ("nod", "jour"), refs.work))
    assert '<a class="ih-akut__nummer" href="tel:112">112</a>' in block
    assert 'href="https://www.sosalarm.se/112"' in block
    assert 'href="javascript' not in block and "<script" not in block
    assert block.count("ih-akut__nummer") == 1  # the socialjour has no number of its own


def test_the_quick_exit_is_asked_for_on_the_listed_omrade_and_its_insatser_only() -> None:
    refs, situation = _refs()
    _, art = kontakter.for_insats(refs, refs.insats["aggression-replacement-training"])
    assert art == {"lamna_sidan": "https://www.smhi.se/"}  # an insats of barn-och-unga
    assert kontakter.for_insats(refs, refs.insats["hemtjanst"]) == ("", {})
    _, own = situationer.render_situation(situation, refs)  # lists only "aldre"
    assert "lamna_sidan" not in own.split("---\n", 2)[1]
    bad = dataclasses.replace(refs.content.kontakter, lamna_sidan="javascript:alert(1)")
    assert kontakter.exit_meta(bad) == {}
