"""The statistics pages of the real handbook, read as a professional checks them: the
overview with every område together and a link to each område's own page, and on each
page the blocks (most and least common, largest shares) with the figures of the source,
ranked as the headings say – computed here from the content, not from the renderer."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from site_build import ROOT, built_site

from generator.model import load_content
from generator.model.records import (
    MEASURE_LABELS,
    MEASURES,
    Category,
    Content,
    Figure,
    Insats,
    Membership,
    Omrade,
)
from generator.site.crossrefs import link
from generator.site.render.omrade import render_omrade
from generator.site.render.statistik import render_omrade_statistics

TOP = 10  # rows in each block, as the page says ("de 10 vanligaste" on område pages)


class StatsPage(HTMLParser):
    """The article of a page: headings (level, id, text), links (href, text) and tables
    (caption, rows of (cell texts, hrefs in the row))."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.tables: list[tuple[str, list[tuple[list[str], list[str]]]]] = []
        self._article = False
        self._heading: tuple[int, str, list[str]] | None = None
        self._link: tuple[str, list[str]] | None = None
        self._caption: list[str] | None = None
        self._row: tuple[list[str], list[str]] | None = None
        self._cell: list[str] | None = None
        self._skip = 0  # the heading's permalink "¶"
        self._thead = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._article = True
        if not self._article:
            return
        if tag in ("h1", "h2", "h3"):
            self._heading = (int(tag[1]), a.get("id") or "", [])
        elif tag == "a" and "headerlink" in (a.get("class") or ""):
            self._skip += 1
        elif tag == "a" and a.get("href"):
            self._link = (a["href"] or "", [])
            if self._row is not None:
                self._row[1].append(a["href"] or "")
        elif tag == "table":
            self.tables.append(("", []))
        elif tag == "caption":
            self._caption = []
        elif tag == "thead":
            self._thead = True
        elif tag == "tr" and not self._thead:
            self._row = ([], [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "article":
            self._article = False
        elif tag in ("h1", "h2", "h3") and self._heading:
            level, hid, text = self._heading
            self.headings.append((level, hid, " ".join("".join(text).split())))
            self._heading = None
        elif tag == "a" and self._skip:
            self._skip -= 1
        elif tag == "a" and self._link:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        elif tag == "caption" and self._caption is not None:
            self.tables[-1] = (" ".join("".join(self._caption).split()), self.tables[-1][1])
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row[0].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "thead":
            self._thead = False
        elif tag == "tr" and self._row is not None:
            self.tables[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._skip:
            return
        open_parts = (
            self._heading[2] if self._heading else None,
            self._link[1] if self._link else None,
            self._caption,
            self._cell,
        )
        for part in open_parts:
            if part is not None:
                part.append(data)


@pytest.fixture(scope="module")
def real() -> tuple[Content, Path]:
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    return content, built_site()


def served(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html"


def target(page_url: str, href: str) -> str:
    """The URL path a link leads to, fragment left off ("/statistik/aldre/")."""
    return urljoin(page_url, href).split("#")[0]


def rows_of(content: Content, omrade: str | None) -> list[tuple[str, str, object]]:
    """(insats id, område id, statistics) of every listing with a table row."""
    return [
        (i.id, m.omrade, m.statistik)
        for i in content.insatser
        for m in i.medlemskap
        if m.statistik and (omrade is None or m.omrade == omrade)
    ]


def expected_blocks(rows) -> list[tuple[str, str, list[str]]]:
    """(heading, measure, figures as printed) of each block, in the page's order: the 10
    largest shares given, the 10 smallest when there are more, then the 10 largest of
    each other measure; ties in share are broken by the count."""

    def ranked(measure: str) -> list[Figure]:
        figs = [getattr(s, measure) for _, _, s in rows if getattr(s, measure)]
        return sorted(figs, key=lambda f: (-f.andel, -f.antal))

    ges = ranked("ges")
    out = [("Vanligast", "ges", [str(f) for f in ges[:TOP]])]
    if len(ges) > TOP:
        out.append(("Minst vanligt", "ges", [str(f) for f in reversed(ges[-TOP:])]))
    for m in MEASURES[1:]:
        out.append(
            (f"Störst andel: {MEASURE_LABELS[m].lower()}", m, [str(f) for f in ranked(m)[:TOP]])
        )
    return [b for b in out if b[2]]


def _check_blocks(
    site: Path, url: str, scope: str, omrade: str | None, level: int, content: Content
) -> int:
    """Every block of the page: heading, caption, the ranked figures, and each row's
    figure that of its insats in its område. Returns the number of rows checked."""
    rows = rows_of(content, omrade)
    p = StatsPage(served(site, url))
    blocks = expected_blocks(rows)
    headings = [text for lvl, _, text in p.headings if lvl == level]
    assert headings[-len(blocks) :] == [b[0] for b in blocks], url
    assert len(p.tables) == len(blocks), url
    figures = {(i, o): [] for i, o, _ in rows}
    for i, o, s in rows:
        figures[(i, o)].append(s)
    checked = 0
    for (heading, measure, expected), (caption, table) in zip(blocks, p.tables, strict=True):
        assert caption == f"{scope}: {heading.lower()} – {MEASURE_LABELS[measure].lower()}"
        assert [cells[-1] for cells, _ in table] == expected, (url, heading)
        for cells, hrefs in table:
            insats = target(url, hrefs[0]).strip("/").split("/")[-1]
            where = target(url, hrefs[1]).strip("/").split("/")[-1] if omrade is None else omrade
            # the figure of this insats in this område (an insats listed twice: one of them)
            shown = [str(getattr(s, measure)) for s in figures[(insats, where)]]
            assert cells[-1] in shown, (url, heading, cells)
            checked += 1
    return checked


def test_every_omrade_page_shows_the_blocks_with_the_figures_of_the_source(real):
    content, site = real
    checked = 0
    for o in content.omraden:
        checked += _check_blocks(site, f"/statistik/{o.id}/", o.namn, o.id, 2, content)
    assert checked >= 100  # six områden × five blocks of up to ten rows


def test_the_overview_shows_all_omraden_together_with_the_figures_of_the_source(real):
    content, site = real
    p = StatsPage(served(site, "/statistik/"))
    assert [(lvl, hid) for lvl, hid, _ in p.headings[:3]] == [
        (1, "statistik"),
        (2, "per-omrade"),
        (2, "alla"),
    ]
    checked = _check_blocks(site, "/statistik/", "Alla områden", None, 3, content)
    assert checked >= 40


def test_overview_links_each_omrade_page_in_order_and_each_links_back(real):
    content, site = real
    overview = StatsPage(served(site, "/statistik/"))
    omraden = sorted(content.omraden, key=lambda o: o.nummer)
    listed = [
        (target("/statistik/", h), t)
        for h, t in overview.links
        if target("/statistik/", h).startswith("/statistik/")
        and target("/statistik/", h) != "/statistik/"
    ]
    assert listed == [(f"/statistik/{o.id}/", o.namn) for o in omraden]
    for o in omraden:
        url = f"/statistik/{o.id}/"
        p = StatsPage(served(site, url))
        assert p.headings[0][:1] + p.headings[0][2:] == (1, f"Statistik: {o.namn}")
        links = {target(url, h) for h, _ in p.links}
        assert {"/", "/statistik/", f"/omraden/{o.id}/"} <= links, url
        # and the område's own page links to it, where its statistics are
        own = StatsPage(served(site, f"/omraden/{o.id}/"))
        assert (url, f"Statistik: {o.namn}") in {
            (target(f"/omraden/{o.id}/", h), t) for h, t in own.links
        }


def test_an_omrade_without_figures_says_so_and_its_page_promises_no_charts():
    listing = Membership("vuxna", "4.1", None, 1, "Insats A", None, (), None)
    omrade = Omrade("vuxna", 4, "Vuxna", None, (Category("4.1", "Öppenvård", ()),))
    refs = link(Content((Insats("a", "Insats A", None, (), (listing,)),), (omrade,), (), (), None))
    _, page = render_omrade_statistics(omrade, refs)
    assert "Handboken har inga siffror ur kartläggningen för området Vuxna." in page
    assert "<table" not in page and "<figure" not in page
    _, own = render_omrade(omrade, refs)
    assert "statistik/vuxna.md" not in own  # no link to a page without figures
