"""An insats an editor adds outside the survey (issue 11 item 9): it needs an område, a
text and a source to validate, and its page shows only what it has – nothing empty, and
nothing attributed to the survey."""

from __future__ import annotations

import dataclasses

from site_sample import make_sample_content

from generator.model.records import Insats
from generator.model.validate import validate
from generator.site.crossrefs import link
from generator.site.render import render_site

OWN = Insats(
    "stod-till-unga-vuxna-med-spelproblem",
    "Stöd till unga vuxna med spelproblem",
    None,
    (),
    (),
    beskrivning="Samtal för unga vuxna som spelar om pengar.",
    kallor=("socialstyrelsen-2018",),
    omraden=("aldre",),
)


def _with(ins: Insats):
    c = make_sample_content()
    return dataclasses.replace(c, insatser=(*c.insatser, ins))


def test_an_insats_outside_the_survey_needs_an_omrade_a_text_and_a_source():
    bare = Insats(OWN.id, OWN.namn, None, (), ())
    fields = {p.field for p in validate(_with(bare))}
    assert {"omraden", "beskrivning"} <= fields
    no_source = dataclasses.replace(OWN, kallor=())
    assert [p.message for p in validate(_with(no_source)) if p.field == "kallor"] == [
        "beskrivningen har ingen källa"
    ]
    assert not [p for p in validate(_with(OWN)) if p.field in ("omraden", "beskrivning", "kallor")]


def test_its_page_leaves_out_what_it_has_not_and_never_cites_the_survey():
    pages = render_site(link(_with(OWN)))
    text = pages[f"insatser/{OWN.id}.md"]
    assert "Samtal för unga vuxna som spelar om pengar." in text
    assert "{ #vem }" in text and "Äldre" in text and "{ #sa-far-du-insatsen" in text
    for absent in (
        "Kartläggningen",
        "{ #statistik }",
        "{ #samma-kategori }",
        "Område:**",
        "ingen förklaring",
    ):
        assert absent not in text, absent
    assert "Socialstyrelsen (2018)" in text  # its own source, in the source list
    assert "kallhanvisning-1" in text
    assert 'sokutdrag: "Samtal för unga vuxna som spelar om pengar. Område: Äldre."' in text
    # the område page lists it apart from the survey's categories
    assert f"../insatser/{OWN.id}.md" in pages["omraden/aldre.md"]
    assert "som kartläggningen inte listar" in pages["omraden/aldre.md"]


def test_no_refusal_advice_where_no_source_states_it():
    pages = render_site(link(make_sample_content()))  # its explainer has no om_avslag
    assert not any(
        "Om du får avslag" in text
        for path, text in pages.items()
        if path.startswith(("insatser/", "iub/"))
    )
