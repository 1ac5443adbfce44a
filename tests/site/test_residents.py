"""The real handbook read as a resident and a professional would (issue 11): insats pages
in reading order, område pages opening with their plain introduction, a date, a meta
description and unique ids on every page, the Swedish 404, and one test per correction."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_build import ROOT, built_site, html_pages
from test_site import Page, page

from generator.history import parse_log
from generator.model import load_content

# The insats page's sections in reading order: residents first, professionals below.
SECTION_ORDER = (
    "insats",
    "vem",
    "sa-far-du-insatsen",
    "forklaring",
    "statistik",
    "skolgang",
    "lokalt",
    "samma-kategori",
    "kallor",
    "citera",
)


class _Head(HTMLParser):
    """Every element id in document order, the meta description, the html lang."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.description: str | None = None
        self.lang = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content")
        if tag == "html":
            self.lang = a.get("lang", "")


@pytest.fixture(scope="module")
def real():
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    return content, built_site()


def _head(path: Path) -> _Head:
    return _Head(path.read_text(encoding="utf-8"))


def article_text(site: Path, url: str) -> str:
    """The page's own text (no header, navigation or table of contents)."""
    raw = (site / url / "index.html").read_text(encoding="utf-8")
    body = raw[raw.index("<article") : raw.index("</article>")]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_every_insats_page_reads_in_the_residents_order(real):
    content, site = real
    for ins in content.insatser:
        ids = _head(site / "insatser" / ins.id / "index.html").ids
        shown = [s for s in SECTION_ORDER if s in ids]
        assert shown == sorted(shown, key=lambda s: ids.index(s)), (ins.id, shown)
        assert {"insats", "sa-far-du-insatsen", "citera"} <= set(shown), ins.id
        # who it is for and how to get it come before anything for professionals
        assert ids.index("sa-far-du-insatsen") < ids.index("forklaring"), ins.id


def test_omrade_pages_open_with_the_plain_introduction(real):
    content, site = real
    for o in content.omraden:
        assert o.inledning, f"content/omraden/{o.id}.yml has no inledning"
        p = page(site, f"omraden/{o.id}")
        text = article_text(site, f"omraden/{o.id}")
        h1 = text.index(o.namn)
        first = " ".join(o.inledning.split())[:60]
        assert text.index(first) > h1
        # the introduction comes before the categories, the statistics after them, and
        # the survey's note to respondents – kept word for word – last
        first_category = text.index(f"{o.kategorier[0].id} {o.kategorier[0].namn}")
        assert text.index(first) < first_category < text.index("Hur vanliga är insatserna?")
        note = " ".join((o.notering or "").split())
        assert note and text.index(note) > text.index("Hur vanliga är insatserna?")
        for see in o.se_ocksa:
            assert any(h.endswith(f"/{see.omrade}/") for h in p.links), (o.id, see)


def _history_complete() -> bool:
    """A full clone with content/ committed: every page then has a known date."""

    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return run.stdout.strip() if run.returncode == 0 else "?"

    return git("rev-parse", "--is-shallow-repository") == "false" and not git(
        "status", "--porcelain", "--", "content"
    )


def test_every_page_has_a_date_unique_ids_and_a_unique_description(real):
    _, site = real
    dated = _history_complete()  # else a page may say "okänt", but it still says it
    descriptions: Counter[str] = Counter()
    for path in html_pages(site):
        if path.name == "404.html":
            continue
        raw = path.read_text(encoding="utf-8")
        head = _head(path)
        rel = path.relative_to(site)
        date = r"<time datetime=\"\d{4}-\d\d-\d\d\">" if dated else r"(<time|okänt)"
        assert re.search(r"Senast ändrad: " + date, raw), rel
        dupes = [i for i, n in Counter(head.ids).items() if n > 1]
        assert not dupes, (rel, dupes)
        assert head.description, rel
        descriptions[head.description] += 1
    shared = [d for d, n in descriptions.items() if n > 1]
    assert not shared, shared[:5]


def test_404_page_is_swedish_with_search_and_the_main_entries(real):
    _, site = real
    raw = (site / "404.html").read_text(encoding="utf-8")
    p = Page(site / "404.html")
    assert _head(site / "404.html").lang == "sv"
    assert "Sidan finns inte" in p.text and "Not found" not in p.text
    assert 'for="__search"' in raw and "Sök i handboken" in p.text
    for entry in ("omraden/", "insatser/", "iub/"):
        assert any(h.endswith(entry) for h in p.links), entry


def test_cite_block_gives_title_handbook_address_and_date(real):
    _, site = real
    text = article_text(site, "insatser/hemtjanst")
    cite = text[text.index("Så citerar du sidan") :]
    assert re.match(
        r"Så citerar du sidan Hemtjänst\. I: Insatshandboken\. \S*insatser/hemtjanst/"
        r" ?\. Senast ändrad \d{4}-\d\d-\d\d\.",
        cite,
    ), cite[:160]


def test_survey_round_is_not_stated(real):
    # No source states the survey's year or round: no page may claim one.
    _, site = real
    for p in ("insatser/hemtjanst", "statistik", "statistik/aldre", "om", "omraden/aldre"):
        assert not re.search(r"(kartläggning|enkät)\w* (från |år )?20\d\d", page(site, p).text)


# --- corrections (issue 11 item 8), one regression test each ------------------------------


def test_an_explanation_given_for_one_omrade_says_so(real):
    _, site = real
    text = page(site, "insatser/generella-anhoriggrupper-utan-sarskild-manual").text
    assert "Kartläggningens förklaring (Äldre): I en anhöriggrupp" in text
    assert (
        "Kartläggningen ger ingen förklaring till insatsen inom Funktionshinder, "
        "Socialpsykiatri." in text
    )
    assert "Kartläggningen (Äldre): I en anhöriggrupp" in text  # the lead, too


def test_mpv_keeps_no_line_break_hyphen(real):
    content, site = real
    mpv = {i.id: i for i in content.insatser}["mota-pappor-foraldrar-med-valdsproblematik-mpv"]
    spellings = [mpv.namn, *mpv.alias] + [
        m.statistik.namn_i_tabell for m in mpv.medlemskap if m.statistik
    ]
    assert not [s for s in spellings if "vålds-" in s]
    assert "vålds-problematik" not in page(site, f"insatser/{mpv.id}").text


def test_local_descriptions_from_two_lists_get_distinct_ids(real):
    _, site = real
    ids = _head(site / "insatser/komet-for-foraldrar-med-barn-3-11-ar/index.html").ids
    assert "lokal-iub-stockholm-komet" in ids and "lokal-skolgang-stockholm-komet" in ids
    assert len(ids) == len(set(ids))


def test_an_insats_twice_in_one_omrade_shows_which_listing_each_figure_is(real):
    _, site = real
    raw = (site / "insatser/motiverande-samtal-mi/index.html").read_text(encoding="utf-8")
    groups = re.findall(r'<p class="ih-grupp">([^<]+)</p>', raw)
    assert len(groups) == len(set(groups)) and len(groups) >= 6
    assert "Våld i nära relationer – Insatser riktade till våldsutsatta vuxna" in groups
    assert "Våld i nära relationer – Insatser riktade till våldsutövande vuxna" in groups
    text = page(site, "insatser/motiverande-samtal-mi").text
    assert (
        "Våld i nära relationer – Insatser riktade till våldsutövande vuxna"
        in text[text.index("utan biståndsbeslut") :]
    )


def test_a_method_inside_a_broader_kommun_insats_is_shown_as_that_method(real):
    _, site = real
    trappan = article_text(site, "insatser/trappanmodellen")
    how = trappan[trappan.index("Så får du insatsen") : trappan.index("Förklaringar och namn")]
    assert "Alingsås: Trappan, en metod inom Familjebehandling" in how
    assert "Barn 4 -18 år som upplevt våld" in trappan  # the method's own målgrupp
    fft = article_text(site, "insatser/funktionell-familjeterapi-fft")
    assert "Funktionell familjeterapi (FFT), en metod inom Beroendestöd vid Mini Maria" in fft
    # the whole broad service's other methods are not shown on the method's page
    assert "Nonviolent resistance" not in trappan


def test_every_alingsas_mapping_records_its_decision():
    lines = (
        (ROOT / "generator/importers/mappings/national.yml")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    start = lines.index("iub/alingsas:")
    entries = [
        i
        for i in range(start + 1, len(lines))
        if re.match(r"  [a-z0-9-]+:", lines[i]) and not lines[i].startswith("   ")
    ]
    entries = [
        i
        for i in entries
        if i < next(j for j in range(start + 1, len(lines)) if re.match(r"[a-z]", lines[j]))
    ]
    assert entries
    undocumented = [lines[i] for i in entries if not lines[i - 1].strip().startswith("#")]
    assert not undocumented


# --- dates from the git history --------------------------------------------------------


def test_dates_come_from_the_newest_commit_and_never_from_a_shallow_cut_off():
    log = (
        "\x012026-11-30\t (HEAD -> main)\n\ncontent/a.yml\n"
        "\x012026-11-01\t\n\ncontent/a.yml\ncontent/b.yml\n"
        "\x012026-10-01\t (grafted)\n\ncontent/b.yml\ncontent/c.yml\n"
    )
    assert parse_log(log) == {"content/a.yml": "2026-11-30", "content/b.yml": "2026-11-01"}


def test_what_to_do_if_refused_is_said_only_with_its_source(real):
    content, site = real
    refusal = content.iub.om_avslag
    works = {w.id: w for w in content.works}
    assert refusal and refusal.kallor and all(works[w].url for w in refusal.kallor)
    p = page(site, "insatser/hemtjanst")
    assert "Om du får avslag:" in p.text and "förvaltningsrätten" in p.text
    assert any(h.endswith(f"kallor/#kalla-{refusal.kallor[0]}") for h in p.links)
    sources = page(site, "kallor")
    assert f"kalla-{refusal.kallor[0]}" in sources.ids
