"""The real handbook's residents' pages, read from the built site as a reader would check
them: every life situation reachable from the start page, emergency numbers where
content/kontakter.yml says they belong – each with a tel: link and a link to its source –
and the quick exit on the violence pages only."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_build import ROOT, built_site

from generator.model import load_content
from generator.model.records import Content


@dataclass
class Emergency:
    """What the page's emergency blocks and quick exit show."""

    names: list[str] = field(default_factory=list)
    tel: dict[str, str] = field(default_factory=dict)  # shown number → tel: href
    sources: dict[str, list[str]] = field(default_factory=dict)  # contact name → source hrefs
    exit_links: list[str] = field(default_factory=list)  # hrefs of "Lämna sidan snabbt"
    card_links: list[str] = field(default_factory=list)  # hrefs in the situation cards


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Emergency()
        self._stack: list[tuple[str, str]] = []  # (tag, class)
        self._text: list[str] | None = None
        self._href = ""
        self._name = ""

    def _inside(self, cls: str) -> bool:
        return any(cls in c.split() for _, c in self._stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source"):
            self._stack.append((tag, cls))
        if tag == "a":
            self._href = a.get("href") or ""
            self._text = []
            if self._inside("ih-situationer"):
                self.out.card_links.append(self._href)
        elif tag == "strong" and "ih-akut__namn" in cls:
            self._text = []

    def handle_endtag(self, tag):
        if tag not in (t for t, _ in self._stack):
            return  # a void element (<hr />) or a stray end tag
        while True:
            t, cls = self._stack.pop()
            if t == tag:
                break
        text = " ".join("".join(self._text or []).split())
        if tag == "strong" and "ih-akut__namn" in cls:
            self._name = text
            self.out.names.append(text)
            self.out.sources[text] = []
            self._text = None
        elif tag == "a" and self._text is not None:
            if "ih-lamna" in cls and text == "Lämna sidan snabbt":
                self.out.exit_links.append(self._href)
            elif "ih-akut__nummer" in cls:
                self.out.tel[text] = self._href
            elif self._inside("ih-akut__kalla") and self._name:
                self.out.sources[self._name].append(self._href)
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def read(site: Path, url_path: str) -> Emergency:
    path = site / url_path.strip("/") / "index.html" if url_path.strip("/") else site / "index.html"
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.out


@pytest.fixture(scope="module")
def real() -> tuple[Content, Path]:
    content, problems = load_content(ROOT)
    assert not problems, "\n".join(map(str, problems[:20]))
    if not content.situationer or content.kontakter is None:
        pytest.skip("no life situations or contacts in content/")
    return content, built_site()


def _expect_contacts(
    content: Content, shown: Emergency, ids, where: str, compact: bool = False
) -> None:
    """Each contact with its number as a tel: link and its sources – in the compact box of
    område and insats pages the first source only (the rest are on the full boxes)."""
    book = content.kontakter
    works = {w.id: w for w in content.works}
    by_id = {k.id: k for k in book.kontakter}
    for cid in ids:
        k = by_id[cid]
        assert k.namn in shown.names, f"{where}: {k.namn} is missing"
        if k.nummer:
            digits = "".join(c for c in k.nummer if c.isdigit())
            assert shown.tel.get(k.nummer) == f"tel:{digits}", f"{where}: {k.nummer} not callable"
        hrefs = shown.sources[k.namn]
        cited = k.kallor[:1] if compact else k.kallor
        assert hrefs and hrefs == [works[w].url for w in cited], (
            f"{where}: {k.namn} does not link its sources"
        )


def test_the_start_page_leads_with_every_situation_in_order(real) -> None:
    content, site = real
    start = read(site, "/")
    expected = [f"livssituationer/{s.id}/" for s in content.situationer]
    assert start.card_links == expected
    assert len(content.situationer) >= 10
    for s in content.situationer:
        assert (site / "livssituationer" / s.id / "index.html").is_file(), s.id


def test_emergency_numbers_appear_where_listed_each_with_its_source(real) -> None:
    content, site = real
    book = content.kontakter
    _expect_contacts(content, read(site, "/"), book.startsida, "start page")
    for s in content.situationer:
        _expect_contacts(content, read(site, f"/livssituationer/{s.id}/"), s.kontakter, s.id)
    pages = 0
    for place in book.omraden:
        _expect_contacts(
            content,
            read(site, f"/omraden/{place.omrade}/"),
            place.kontakter,
            place.omrade,
            compact=True,
        )
        for ins in content.insatser:
            if any(m.omrade == place.omrade for m in ins.medlemskap):
                _expect_contacts(
                    content,
                    read(site, f"/insatser/{ins.id}/"),
                    place.kontakter,
                    ins.id,
                    compact=True,
                )
                pages += 1
    assert pages >= 30  # every insats of Våld i nära relationer, not a sample


def test_the_violence_pages_and_only_they_offer_the_quick_exit(real) -> None:
    content, site = real
    book = content.kontakter
    places = {p.omrade for p in book.omraden}
    violence = [f"/omraden/{o}/" for o in places]
    violence += [
        f"/livssituationer/{s.id}/" for s in content.situationer if places & set(s.omraden)
    ]
    violence += [
        f"/insatser/{i.id}/" for i in content.insatser if places & {m.omrade for m in i.medlemskap}
    ]
    assert "/livssituationer/utsatt-for-vald/" in violence
    for url in violence:
        assert read(site, url).exit_links == [book.lamna_sidan], url
    others = [
        "/",
        "/omraden/aldre/",
        "/insatser/hemtjanst/",
        "/livssituationer/pengar-eller-boende/",
    ]
    for url in others:
        assert read(site, url).exit_links == [], url
