"""The built site (HTML, not generator strings), from a small content tree written from
`site_sample`: exact figures, literal text, links, reachability, determinism, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from sample_tree import make_tree
from site_sample import EVIL, make_sample_content

from generator.build import ContentProblems, build_site
from generator.model.records import MEASURES


@pytest.fixture(scope="session")
def sample_tree(tmp_path_factory) -> Path:
    root = make_tree(tmp_path_factory.mktemp("handbok"))
    build_site(root, root / "site")
    return root


@pytest.fixture(scope="session")
def site(sample_tree) -> Path:
    return sample_tree / "site"


class Page(HTMLParser):
    """Text, ids, links, tags with attributes and script bodies of one HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []  # bodies of scripts the browser runs
        self.jsonld: list[str] = []  # bodies of structured data (never run)
        self.text_parts: list[str] = []
        self.cells: list[list[str]] = []
        self._in_script = False
        self._in_jsonld = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_article = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
            if k == "id" and v:
                self.ids.add(v)
            if k in ("href", "src") and v:
                self.links.append(v)
        self._in_script = tag == "script"
        self._in_jsonld = tag == "script" and ("type", "application/ld+json") in attrs
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.cells.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_script:
            (self.jsonld if self._in_jsonld else self.scripts).append(data)
            return
        self.text_parts.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def page(site: Path, url_path: str) -> Page:
    return Page(
        site / url_path.strip("/") / "index.html" if url_path.strip("/") else site / "index.html"
    )


# --- figures ---------------------------------------------------------------------------


def test_insats_pages_show_the_exact_figures_of_the_source(site):
    content = make_sample_content()
    checked = 0
    for ins in content.insatser:
        rows = page(site, f"insatser/{ins.id}").cells
        for m in ins.medlemskap:
            omrade = next(o.namn for o in content.omraden if o.id == m.omrade)
            row = next(r for r in rows if r and r[0] == omrade)
            expected = (
                ["uppgift saknas"] * 4
                if m.statistik is None
                else [
                    str(f) if (f := getattr(m.statistik, x)) else "ej efterfrågat" for x in MEASURES
                ]
            )
            assert row[2:] == expected, (ins.id, omrade)
            checked += 1
    assert checked == sum(len(i.medlemskap) for i in content.insatser)


def test_figure_is_printed_as_count_and_share_and_not_asked_is_never_zero(site):
    text = page(site, "insatser/kontaktperson").text
    assert "169 (70 %)" in text and "210 (87 %)" in text
    row = next(r for r in page(site, "insatser/kontaktperson").cells if r[0] == "Äldre")
    assert row[4] == "ej efterfrågat"  # enskild regi is "-" in the source


def test_omrade_page_lists_every_insats_with_its_four_figures_in_source_order(site):
    p = page(site, "omraden/aldre")
    names = [
        r[0]
        for r in p.cells
        if r[0] in {"Kontaktperson", "Hemtjänst", "Trygghetslarm", "Särskilt boende"}
    ]
    assert names[:4] == ["Kontaktperson", "Hemtjänst", "Trygghetslarm", "Särskilt boende"]
    row = next(r for r in p.cells if r[0] == "Hemtjänst")
    assert row[1:] == ["245 (100 %)", "45 (19 %)", "150 (62 %)", "ej efterfrågat"]
    assert "Särskilda former" in p.text  # the sub-heading


# --- escaping ---------------------------------------------------------------------------


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_markup_in_yaml_shows_literally(site):
    for url in ("insatser/evil", "iub/alingsas", "kallor", "omraden/barn-och-unga", "insatser"):
        assert EVIL in page(site, url).text, url
    assert "<script>alert(1)</script>" in page(site, "insatser/evil").text


def test_no_markup_from_content_reaches_the_html(site):
    for path in all_pages(site):
        p = Page(path)
        raw = path.read_text(encoding="utf-8")
        assert not any("alert" in s for s in p.scripts), path
        assert not [(t, k) for t, k, v in p.attrs if k.startswith("on")], path
        assert not [v for t, k, v in p.attrs if v.strip().lower().startswith("javascript:")], path
        assert "<b>" not in raw and "<i>x" not in raw, path
        assert "49" not in p.text.split(EVIL)[0][-3:]  # {{ 7*7 }} never evaluated


def test_title_element_cannot_be_broken_out_of(site):
    raw = (site / "insatser/evil/index.html").read_text(encoding="utf-8")
    title = raw[raw.index("<title>") : raw.index("</title>")]
    assert "<script" not in title


# --- links and reachability ------------------------------------------------------------


def resolve(site: Path, from_path: Path, href: str) -> tuple[Path, str] | None:
    """A site-internal href → (file, fragment); None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = "/" + from_path.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, href))
    file = site / unquote(target.path).lstrip("/")
    if target.path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, parts.fragment


def test_no_broken_internal_link_or_anchor(site):
    broken = []
    cache: dict[Path, Page] = {}
    for path in all_pages(site):
        for href in Page(path).links:
            r = resolve(site, path, href)
            if r is None:
                continue
            file, fragment = r
            if not file.is_file():
                broken.append((path, href))
            elif fragment and file.suffix == ".html":
                target = cache.setdefault(file, Page(file))
                if unquote(fragment) not in target.ids:
                    broken.append((path, href))
    assert not broken


def reachable(site: Path) -> set[tuple[Path, str]]:
    """Every (page, fragment) linked from a page reachable from the start page."""
    seen: set[Path] = set()
    found: set[tuple[Path, str]] = set()
    todo = [site / "index.html"]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for href in Page(path).links:
            r = resolve(site, path, href)
            if r and r[0].suffix == ".html":
                found.add(r)
                todo.append(r[0])
    return found | {(p, "") for p in seen}


def test_every_record_has_a_page_or_section_reachable_from_the_start_page(site):
    content = make_sample_content()
    found = reachable(site)
    pages = {p for p, _ in found}
    for ins in content.insatser:
        assert site / "insatser" / ins.id / "index.html" in pages, ins.id
    for o in content.omraden:
        assert site / "omraden" / o.id / "index.html" in pages, o.id
    for lst in content.lists:
        folder = "iub" if lst.kind == "iub" else "skolgang"
        list_file = site / folder / lst.id / "index.html"
        assert list_file in pages, lst.id
        for g in lst.grupper:
            for li in g.insatser:
                assert li.id in Page(list_file).ids
    for w in content.works:
        assert (
            site / "kallor" / "index.html",
            f"kalla-{w.id}",
        ) in found or f"kalla-{w.id}" in Page(site / "kallor" / "index.html").ids


def test_insats_is_two_clicks_from_the_start_page(site):
    start = Page(site / "index.html")
    omrade = next(h for h in start.links if "omraden/aldre" in h)
    assert any("insatser/hemtjanst" in h for h in page(site, urlsplit(omrade).path).links)


# --- pages with derived content ----------------------------------------------------------


def test_how_to_get_it_comes_from_the_iub_lists_and_the_exclusion(site):
    text = page(site, "insatser/kontaktperson").text
    assert "Utan att ansöka" in text and "Alingsås: Kontaktperson utan beslut" in text
    assert "Bor i Alingsås" in text  # villkor
    assert "Får inte ges utan individuell behovsprövning" in text
    assert "11 kap. 5 §" in text and "20 (8 %)" in text
    other = page(site, "insatser/hemtjanst").text
    assert "Du ansöker om insatsen hos socialtjänsten i din kommun" in other
    assert "Ingen av de kommunlistor" not in other and "Får inte ges" not in other


def test_iub_list_page_shows_every_field(site):
    text = page(site, "iub/alingsas").text
    for value in (
        "3.1.1",
        "Stöd av en kontaktperson.",
        "Upp till sex månader",
        "Stödsamtal",
        "En gång i veckan",
        "Personer över 18 år",
        "Över 18 år",
        "Anteckning utan namn",
        "Efter tre månader",
    ):
        assert value in text


def test_skolgang_note_and_evidence_on_the_insats_page(site):
    text = page(site, "insatser/aggression-replacement-training").text
    assert "stabilisera" in text and "Evidens: måttlig." in text and "Evidensrapport 2020" in text


def test_a_to_o_lists_every_spelling_and_abbreviation(site):
    text = page(site, "insatser").text
    assert "Kontakt-person → Kontaktperson" in text
    assert "ART → Aggression Replacement Training" in text
    assert "ART" in page(site, "insatser/forkortningar").text


def test_sources_page_links_back_to_the_citing_insatser(site):
    p = Page(site / "kallor/index.html")
    assert "kalla-socialstyrelsen-2018" in p.ids
    assert any(h.endswith("insatser/kontaktperson/") for h in p.links)


def test_charts_show_every_figure_as_text_with_a_caption_and_a_table(site):
    raw = (site / "insatser/kontaktperson/index.html").read_text(encoding="utf-8")
    chart = raw[raw.index('<figure class="ih-figur"') :]
    chart = chart[: chart.index("</figure>")]
    assert "<svg" not in chart and "<figcaption" in chart and 'role="group"' in chart
    table = raw[raw.index("<caption>") : raw.index("</table>")]
    values = re.findall(r'<span class="ih-varde">([^<]+)</span>', chart)
    assert values and all(v in table for v in values)


def test_edit_link_points_at_the_yaml_file_of_the_configured_repository(tmp_path, monkeypatch):
    root = make_tree(tmp_path)
    monkeypatch.setenv("REPO_URL", "https://github.com/exempel/insatshandboken")
    monkeypatch.setenv("SITE_URL", "https://exempel.github.io/insatshandboken/")
    build_site(root, root / "site")
    links = Page(root / "site/insatser/kontaktperson/index.html").links
    assert (
        "https://github.com/exempel/insatshandboken/edit/main/content/insatser/kontaktperson.yml"
        in links
    )
    # A page made from no single file has nothing to edit.
    assert not [h for h in Page(root / "site/statistik/index.html").links if "/edit/" in h]
    sitemap = (root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://exempel.github.io/insatshandboken/insatser/kontaktperson/</loc>" in sitemap
    # The repository link is there, but the theme's script does not ask GitHub's API about
    # it from the reader's browser (data-md-component="source" would).
    raw = (root / "site/insatser/kontaktperson/index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in raw and 'data-md-component="source"' not in raw


def test_a_build_without_a_repository_has_no_edit_link_but_a_sitemap(tmp_path, monkeypatch):
    root = make_tree(tmp_path)
    monkeypatch.delenv("REPO_URL", raising=False)
    monkeypatch.delenv("SITE_URL", raising=False)
    build_site(root, root / "site")
    page_ = Page(root / "site/insatser/kontaktperson/index.html")
    assert not [h for h in page_.links if "/edit/" in h]
    assert "<loc>http://127.0.0.1:8000/insatser/kontaktperson/</loc>" in (
        root / "site/sitemap.xml"
    ).read_text(encoding="utf-8")


# --- search, downloads, determinism -----------------------------------------------------


def test_search_is_swedish_and_finds_abbreviations_and_other_spellings(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["sv"]
    art = next(
        d for d in index["docs"] if d["location"] == "insatser/aggression-replacement-training/"
    )
    assert "art" in art["sokord"].split()  # the abbreviation weighs like the title
    kp = next(d for d in index["docs"] if d["location"] == "insatser/kontaktperson/")
    assert "kontakt" in kp["sokord"].split()  # "Kontakt-person", the other spelling
    text = " ".join(d["text"] + d["title"] for d in index["docs"])
    assert "<script>" not in text


def test_downloads_hold_every_record_and_every_figure(site):
    data = json.loads((site / "nedladdning/insatshandboken.json").read_text(encoding="utf-8"))
    assert {i["id"] for i in data["insatser"]} == {i.id for i in make_sample_content().insatser}
    rows = list(
        csv.DictReader(io.StringIO((site / "nedladdning/statistik.csv").read_text("utf-8")))
    )
    kp = next(r for r in rows if r["insats_id"] == "kontaktperson" and r["omrade_id"] == "aldre")
    assert (kp["ges_antal"], kp["ges_andel"]) == ("169", "70")
    assert (kp["enskild_regi_antal"], kp["enskild_regi_andel"]) == ("", "")  # not asked ≠ 0


def test_two_builds_are_byte_identical(sample_tree, tmp_path):
    second = tmp_path / "site"
    build_site(sample_tree, second)
    first = sample_tree / "site"

    def files(d: Path) -> dict[str, bytes]:
        return {
            p.relative_to(d).as_posix(): p.read_bytes()
            for p in sorted(d.rglob("*"))
            if p.is_file() and not p.name.startswith("sitemap.xml")
        }  # carries the date

    a, b = files(first), files(second)
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_failed_build_leaves_the_old_site(sample_tree, tmp_path):
    root = make_tree(tmp_path / "root")
    build_site(root, root / "site")
    before = (root / "site/index.html").read_bytes()
    (root / "content/insatser/hemtjanst.yml").write_text("namn: [", encoding="utf-8")
    with pytest.raises(ContentProblems):
        build_site(root, root / "site")
    assert (root / "site/index.html").read_bytes() == before


def test_plain_mkdocs_build_generates_the_pages_through_the_hook(tmp_path):
    import os
    import subprocess
    import sys

    root = make_tree(tmp_path)
    (root / "build/docs").mkdir(parents=True)  # a fresh clone has it (build/docs/.gitkeep)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "169 (70 %)" in page(root / "site", "insatser/kontaktperson").text


def test_editors_page_documents_every_field_of_every_record_type(site):
    from generator.model import records
    from generator.model.schema import field_reference

    text = page(site, "redaktorer/").text
    for cls in (
        records.Insats,
        records.Omrade,
        records.Work,
        records.LocalList,
        records.IubExplainer,
    ):
        for row in field_reference(cls):
            assert row.key in text, (cls.__name__, row.key)
    assert "medlemskap[].statistik.ges.andel" in text
    assert "content/insatser/<id>.yml" in text  # shown literally, not as a tag


# --- licences ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["om", "nedladdning"])
def test_about_and_downloads_state_the_licence_and_leave_the_sources_to_their_publishers(
    site, path
):
    p = page(site, path)
    assert "licens" in p.ids
    assert "https://creativecommons.org/licenses/by/4.0/deed.sv" in p.links
    assert "CC BY 4.0" in p.text and "Insatshandboken" in p.text
    # the source documents' figures and text are not ours to license
    assert "utgivare" in p.text
    assert "inte av vår licens" in p.text or "ingen licens" in p.text


# --- structured data (JSON-LD) --------------------------------------------------------------

JSONLD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(site: Path, url: str) -> list[dict]:
    return [json.loads(body) for body in page(site, url).jsonld]


def test_an_insats_page_is_a_defined_term_in_the_handbooks_term_set(site):
    [data] = jsonld(site, "insatser/aggression-replacement-training")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DefinedTerm"
    assert (data["name"], data["termCode"]) == (
        "Aggression Replacement Training",
        "aggression-replacement-training",
    )
    assert data["alternateName"] == ["ART", "ART-programmet"]
    assert data["description"] == "Program för social färdighet."
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert data["inDefinedTermSet"]["url"] == "../"  # the A–Ö page, relative to this page


def test_a_list_page_is_a_list_of_government_services_of_the_kommun(site):
    [data] = jsonld(site, "skolgang/stockholm-skolgang")
    graph = {node.get("@id", node["@type"]): node for node in data["@graph"]}
    assert graph["#kommun"] == {
        "@type": "GovernmentOrganization",
        "@id": "#kommun",
        "name": "Stockholms stad",
    }
    assert graph["#omrade"]["@type"] == "AdministrativeArea"
    [item] = [x["item"] for x in graph["ItemList"]["itemListElement"]]
    assert item["@type"] == "GovernmentService"
    assert (item["provider"], item["areaServed"]) == ({"@id": "#kommun"}, {"@id": "#omrade"})
    assert item["audience"] == {
        "@type": "PeopleAudience",
        "suggestedMinAge": 7,
        "suggestedMaxAge": 18,
    }
    assert item["serviceType"] == ["Aggression Replacement Training"]
    assert item["category"] == [{"@id": "../../insatser/aggression-replacement-training/#insats"}]
    assert item["url"] == "#skolgang-art"
    assert "skolgang-art" in page(site, "skolgang/stockholm-skolgang").ids


def test_every_insats_and_list_page_carries_one_block_that_parses(site):
    pages = [
        *sorted((site / "insatser").glob("*/index.html")),
        *sorted((site / "iub").glob("*/index.html")),
        *sorted((site / "skolgang").glob("*/index.html")),
    ]
    typed = {}
    for path in pages:
        blocks = Page(path).jsonld
        rel = path.parent.relative_to(site).as_posix()
        if rel in ("insatser/forkortningar", "iub/jamforelse"):
            assert blocks == [], rel
            continue
        assert len(blocks) == 1, rel
        typed[rel] = json.loads(blocks[0]).get("@type", "@graph")
    assert typed["insatser/kontaktperson"] == "DefinedTerm"
    assert typed["iub/alingsas"] == "@graph"


def test_yaml_text_cannot_end_the_script_element(site):
    raw = (site / "insatser/evil/index.html").read_text(encoding="utf-8")
    [body] = JSONLD_SCRIPT.findall(raw)
    assert "<" not in body and ">" not in body  # so no "</script>" either
    data = json.loads(body)
    assert data["name"] == EVIL and data["description"].startswith(EVIL)
    for path in [*sorted(site.rglob("index.html"))]:
        text = path.read_text(encoding="utf-8")
        assert text.count('<script type="application/ld+json">') == len(JSONLD_SCRIPT.findall(text))
