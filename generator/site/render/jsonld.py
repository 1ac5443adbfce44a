"""Structured data (schema.org JSON-LD) for insats, list and life situation pages,
carried in the page's front matter (`jsonld`) and written into <head> by
overrides/main.html.

A national insats is a DefinedTerm in the handbook's DefinedTermSet (a term of the field,
not a service anyone offers as such); an insats in a kommun's list is a GovernmentService
with the kommun as provider and area served. URLs are relative to the page: JSON-LD
resolves them against the page's address, so no site address is needed at build time.
"""

from __future__ import annotations

import json
import posixpath

from generator.model.records import Alder, Insats, LocalInsats, LocalList, Situation
from generator.site.crossrefs import CrossRefs
from generator.site.render.common import A_O, insats_page, list_page, safe_id

CONTEXT = "https://schema.org"
TERM_SET = "Insatshandboken: socialtjänstens insatser"

# Characters that could end the <script> element or start markup inside it, written as
# JSON escapes: the text reads the same once parsed, and YAML text containing
# "</script>" cannot leave the element.
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def script_json(data: object) -> str:
    """JSON text safe to place verbatim between <script type="application/ld+json"> tags."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)


def _served(path: str) -> str:
    """docs path → the page's directory URL: a/b.md → a/b/, a/index.md → a/."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def page_url(src: str, dest: str) -> str:
    """The served URL of page `dest` relative to the served URL of page `src` ("../x/").
    Not the .md link the pages use: nothing rewrites the URLs inside the JSON."""
    here, there = _served(src), _served(dest)
    rel = posixpath.relpath(there or ".", here.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


def _plain(text: str) -> str:
    return " ".join(text.split())


def _term_set(src: str) -> dict:
    return {
        "@type": "DefinedTermSet",
        "@id": f"{page_url(src, A_O)}#insatser",
        "name": TERM_SET,
        "url": page_url(src, A_O),
    }


def insats_data(ins: Insats, refs: CrossRefs) -> dict:
    src = insats_page(ins.id)
    explanation = next((m.forklaring for m in ins.medlemskap if m.forklaring), None)
    data: dict = {
        "@context": CONTEXT,
        "@type": "DefinedTerm",
        "@id": "./#insats",
        "name": ins.namn,
        "termCode": ins.id,
        "url": "./",
    }
    alternate = list(dict.fromkeys(x for x in (ins.forkortning, *ins.alias) if x))
    if alternate:
        data["alternateName"] = alternate
    if explanation:
        data["description"] = _plain(explanation)
    data["inDefinedTermSet"] = _term_set(src)
    return data


def _audience(alder: Alder | None) -> dict | None:
    """A PeopleAudience with the ages of the person served (a parents' programme states
    the children's ages, which are not the audience's)."""
    audience: dict = {"@type": "PeopleAudience"}
    if alder and alder.avser is None:
        if alder.fran is not None:
            audience["suggestedMinAge"] = alder.fran
        if alder.till is not None:
            audience["suggestedMaxAge"] = alder.till
    return audience if len(audience) > 1 else None


def _service(
    src: str, lst: LocalList, li: LocalInsats, refs: CrossRefs, provider: dict, area: dict
) -> dict:
    """A GovernmentService; its category links to the national insats pages' terms."""
    # no description: the page is heavy enough already, and the text is on it (and in the
    # HSDS export); the data says what, by whom, where, for which ages
    service: dict = {
        "@type": "GovernmentService",
        "@id": f"#{safe_id(li.id)}",
        "name": li.namn,
        "url": f"#{safe_id(li.id)}",
    }
    service["provider"] = provider
    service["areaServed"] = area
    audience = _audience(li.alder or lst.alder)
    if audience:
        service["audience"] = audience
    national = [refs.insats[n] for n in li.nationell if n in refs.insats]
    if national:
        service["serviceType"] = [n.namn for n in national]
        service["category"] = [
            {"@id": f"{page_url(src, insats_page(n.id))}#insats"} for n in national
        ]
    return service


def list_data(lst: LocalList, refs: CrossRefs, src: str) -> dict:
    doc = refs.work.get(lst.dokument)
    # provider and area are described once and referred to by @id from every service
    provider = {
        "@type": "GovernmentOrganization",
        "@id": "#kommun",
        "name": doc.utgivare if doc else lst.kommun,
    }
    area = {"@type": "AdministrativeArea", "@id": "#omrade", "name": lst.kommun}
    items = [
        _service(src, lst, li, refs, {"@id": "#kommun"}, {"@id": "#omrade"})
        for g in lst.grupper
        for li in g.insatser
    ]
    listing = {
        "@type": "ItemList",
        "name": f"{lst.kommun}: {lst.titel}",
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": item} for n, item in enumerate(items, 1)
        ],
    }
    return {"@context": CONTEXT, "@graph": [provider, area, listing]}


def situation_data(
    s: Situation, refs: CrossRefs, src: str, local: list[tuple[LocalList, LocalInsats]]
) -> dict:
    """A life situation page: a WebPage whose main entity is the list of what fits the
    situation – national insatser (the terms on their pages) and the kommun services
    that can be had without applying or that help schooling (on the list pages)."""
    items: list[dict] = []
    for g in s.grupper:
        for si in g.insatser:
            ins = refs.insats.get(si.insats)
            if ins:
                items.append(
                    {
                        "@type": "DefinedTerm",
                        "name": ins.namn,
                        "@id": f"{page_url(src, insats_page(ins.id))}#insats",
                    }
                )
    for lst, li in local:
        doc = refs.work.get(lst.dokument)
        items.append(
            {
                "@type": "GovernmentService",
                "name": li.namn,
                "@id": f"{page_url(src, list_page(lst.kind, lst.id))}#{safe_id(li.id)}",
                "provider": {
                    "@type": "GovernmentOrganization",
                    "name": doc.utgivare if doc else lst.kommun,
                },
                "areaServed": {"@type": "AdministrativeArea", "name": lst.kommun},
            }
        )
    return {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": s.namn,
        "description": _plain(s.kort),
        "inLanguage": "sv",
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "item": x} for n, x in enumerate(items, 1)
            ],
        },
    }
