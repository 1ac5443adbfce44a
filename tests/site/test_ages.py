"""Ages where a source states them, on the real handbook's generated pages: the age line on
insats and list pages, and the age filter pages linked from A–Ö and the område pages."""

from __future__ import annotations

import re

import pytest
from site_build import ROOT

from generator.build import read_schemas
from generator.model import load_content
from generator.site.crossrefs import link
from generator.site.render import render_site
from generator.site.render.ages import GROUPS, age_span, overlaps


@pytest.fixture(scope="module")
def real():
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    return content, render_site(link(content), read_schemas(ROOT))


def test_counts_of_records_with_ages(real):
    content, _ = real
    national = [i for i in content.insatser if any(m.alder for m in i.medlemskap)]
    local = [li for lst in content.lists for g in lst.grupper for li in g.insatser if li.alder]
    assert (len(national), len(local), sum(1 for x in content.lists if x.alder)) == (15, 60, 1)


def test_every_age_phrase_is_printed_in_the_document_it_was_imported_from(real):
    # the source texts wrap lines anywhere ("14–\n17 år"): compared without white space
    content, _ = real
    works = {w.id: w for w in content.works}

    def bare(text: str) -> str:
        return "".join(text.split())

    def printed(phrase: str, work_id: str) -> bool:
        return bare(phrase) in bare((ROOT / works[work_id].fil).read_text(encoding="utf-8"))

    checked = 0
    for ins in content.insatser:
        for m in ins.medlemskap:
            if m.alder:
                assert printed(m.alder.kalla_text, "kartlaggning-forklaringar"), ins.id
                checked += 1
    for lst in content.lists:
        for alder in (lst.alder, *(li.alder for g in lst.grupper for li in g.insatser)):
            if alder:
                assert printed(alder.kalla_text, lst.dokument), (lst.id, alder.kalla_text)
                checked += 1
    assert checked == 15 + 60 + 1


def test_the_insats_page_shows_the_stated_age_and_the_phrase(real):
    _, files = real
    page = files["insatser/take-charge.md"]
    assert "**Ålder:** 14–17 år. Källan skriver: ”ungdomar i åldern 14–17 år”." in page
    parents = files["insatser/parent-management-training-oregon-pmto.md"]
    assert "**Ålder:** barn 2–18 år (åldern gäller barnen)." in parents
    assert "**Ålder:**" not in files["insatser/kontaktperson.md"]  # no source states one


def test_an_age_stated_for_one_omrade_is_shown_for_that_omrade_only(real):
    # Stödboende: 16–20 år in barn och unga; "personer" in the three other områden
    page = real[1]["insatser/stodboende.md"]
    assert "**Ålder:** 16–20 år i området Barn och unga." in page
    group = real[1]["alder/vuxna.md"]
    assert "stodboende.md" not in group


def test_a_list_page_shows_the_age_of_the_whole_list_and_of_each_item(real):
    page = real[1]["skolgang/stockholm.md"]
    assert (
        "**Ålder:** från 6 år. Källan skriver: ”barn från sexårs ålder till och med "
        "gymnasiet”." in page
    )
    assert "<dt>Ålder</dt><dd><p>12–20 år. Källan skriver: ”unga 12–20 år”.</p></dd>" in page


def test_every_stated_age_is_listed_on_exactly_the_group_pages_it_overlaps(real):
    content, files = real
    for group in GROUPS:
        page = files[group.page]
        for ins in content.insatser:
            ages = [m.alder for m in ins.medlemskap if m.alder]
            listed = f"](../insatser/{ins.id}.md) – " in page
            assert listed == any(overlaps(a, group) for a in ages), (group.id, ins.id)
        for lst in content.lists:
            for li in (li for g in lst.grupper for li in g.insatser):
                listed = f"{lst.id}.md#{li.id}) – " in page and li.alder is not None
                assert listed == bool(li.alder and overlaps(li.alder, group)), (group.id, li.id)


def test_a_o_and_omrade_pages_link_to_the_age_pages(real):
    _, files = real
    a_o = files["insatser/index.md"]
    for group in GROUPS:
        assert f"[{group.label}](../{group.page})" in a_o
    assert '[Take Charge](take-charge.md){: data-alder="tonaringar" }' in a_o
    barn = files["omraden/barn-och-unga.md"]
    assert "(../alder/tonaringar.md#omrade-barn-och-unga)" in barn
    aldre = files["omraden/aldre.md"]
    assert "Efter ålder" not in aldre  # no insats of the område has a stated age


def test_an_open_range_from_childhood_is_not_listed_among_adults(real):
    files = real[1]
    # "skolungdom över 12 år" (fran 12, no upper bound); "Vuxna från 18 år" (fran 18)
    assert "korttidstillsyn-for-skolungdom-over-12-ar-enligt-sol.md" in files["alder/tonaringar.md"]
    assert "korttidstillsyn-for-skolungdom-over-12-ar-enligt-sol.md" not in files["alder/aldre.md"]
    assert "alingsas.md#beroenderadgivning)" in files["alder/aldre.md"]


def test_age_words():
    assert (age_span(0, 18), age_span(18, None), age_span(None, 17)) == (
        "0–18 år",
        "från 18 år",
        "till och med 17 år",
    )
    assert re.fullmatch(r"Äldre \(från 65 år\)", GROUPS[-1].label)
