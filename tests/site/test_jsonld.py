"""Structured data (schema.org JSON-LD) on the real handbook's pages, parsed as a search
engine would. The sample site's checks (types, escaping) are in test_site.py."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

from site_build import ROOT, built_site
from test_site import Page

from generator.model import load_content
from generator.site.render.jsonld import script_json


def test_script_json_escapes_what_could_end_or_start_markup():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_insats_list_and_situation_pages_of_the_real_handbook_carry_parsable_json_ld():
    content, _ = load_content(ROOT)
    site = built_site()
    counts = {"DefinedTerm": 0, "GovernmentService": 0}

    def resolves(page_dir: Path, url: str) -> bool:
        # a relative URL of the JSON, resolved against the page's address as JSON-LD does
        target = urljoin(f"/{page_dir.relative_to(site).as_posix()}/", url.split("#")[0])
        return (site / target.strip("/") / "index.html").is_file()

    for ins in content.insatser:
        [data] = [json.loads(b) for b in Page(site / "insatser" / ins.id / "index.html").jsonld]
        assert (data["@type"], data["termCode"]) == ("DefinedTerm", ins.id)
        assert resolves(site / "insatser" / ins.id, data["inDefinedTermSet"]["url"])
        counts["DefinedTerm"] += 1
    for lst in content.lists:
        folder = "iub" if lst.kind == "iub" else "skolgang"
        [data] = [json.loads(b) for b in Page(site / folder / lst.id / "index.html").jsonld]
        [listing] = [n for n in data["@graph"] if n["@type"] == "ItemList"]
        services = [x["item"] for x in listing["itemListElement"]]
        assert [s["name"] for s in services] == [li.namn for g in lst.grupper for li in g.insatser]
        assert all(s["@type"] == "GovernmentService" for s in services)
        assert all(
            resolves(site / folder / lst.id, c["@id"])
            for s in services
            for c in s.get("category", [])
        )
        counts["GovernmentService"] += len(services)
    for situation in content.situationer:
        page_dir = site / "livssituationer" / situation.id
        [data] = [json.loads(b) for b in Page(page_dir / "index.html").jsonld]
        assert (data["@type"], data["name"]) == ("WebPage", situation.namn)
        items = [x["item"] for x in data["mainEntity"]["itemListElement"]]
        assert items and all(resolves(page_dir, x["@id"]) for x in items)
        counts["WebPage"] = counts.get("WebPage", 0) + 1
    assert counts == {
        "DefinedTerm": 310,
        "GovernmentService": 117,
        "WebPage": len(content.situationer),
    }
