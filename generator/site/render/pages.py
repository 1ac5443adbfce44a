"""The fixed pages: start, downloads, about (with the accessibility statement), editors."""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.model import records
from generator.model.schema import field_reference
from generator.site.crossrefs import CrossRefs
from generator.site.escape import h
from generator.site.render import kontakter
from generator.site.render.common import (
    A_O,
    ABBREVIATIONS,
    ABOUT,
    DOWNLOADS,
    EDITORS,
    INDEX,
    IUB,
    IUB_COMPARISON,
    OMRADEN,
    SKOLGANG,
    SOURCES,
    STATISTICS,
    TITLES,
    breadcrumb,
    front_matter,
    html_table,
    omrade_page,
    render_template,
)
from generator.site.render.situationer import situation_cards

LINKS = dict(
    A_O=A_O,
    ABBREVIATIONS=ABBREVIATIONS,
    ABOUT=ABOUT,
    DOWNLOADS=DOWNLOADS,
    EDITORS=EDITORS,
    IUB=IUB,
    IUB_COMPARISON=IUB_COMPARISON,
    OMRADEN=OMRADEN,
    SKOLGANG=SKOLGANG,
    SOURCES=SOURCES,
    STATISTICS=STATISTICS,
)


def render_home(refs: CrossRefs) -> tuple[str, str]:
    c = refs.content
    omraden = [(o, omrade_page(o.id)) for o in sorted(c.omraden, key=lambda x: x.nummer)]
    akut = (
        kontakter.emergency_block(c.kontakter, c.kontakter.startsida, refs.work, "ih-akut--remsa")
        if c.kontakter
        else Markup("")
    )
    return INDEX, render_template(
        "start.md.j2",
        src=INDEX,
        omraden=omraden,
        n_insatser=len(c.insatser),
        n_works=len(c.works),
        iub_lists=[x for x in c.lists if x.kind == "iub"],
        cards=situation_cards(INDEX, c.situationer),
        akut=akut,
        **LINKS,
    )


def render_downloads(refs: CrossRefs, files: list[tuple[str, str]]) -> tuple[str, str]:
    lists = refs.content.lists
    kommuner = list(dict.fromkeys(x.kommun for x in lists))
    return DOWNLOADS, front_matter(TITLES[DOWNLOADS]) + render_template(
        "nedladdning.md.j2",
        src=DOWNLOADS,
        files=files,
        breadcrumb=breadcrumb(DOWNLOADS),
        n_terms=len(refs.content.insatser),
        n_services=sum(len(g.insatser) for x in lists for g in x.grupper),
        kommuner=" och ".join(kommuner),
        **LINKS,
    )


def render_about(refs: CrossRefs) -> tuple[str, str]:
    return ABOUT, front_matter(TITLES[ABOUT]) + render_template(
        "om.md.j2",
        src=ABOUT,
        breadcrumb=breadcrumb(ABOUT),
        works=[w for w in refs.content.works if w.fil],
        **LINKS,
    )


# The record types in the order an editor meets them, with the file they live in.
_RECORD_FILES = (
    ("Insats", records.Insats, "content/insatser/<id>.yml"),
    ("Område", records.Omrade, "content/omraden/<id>.yml"),
    ("Källa", records.Work, "content/kallor/<id>.yml"),
    ("Kommunens lista", records.LocalList, "content/iub/<id>.yml, content/skolgang/<id>.yml"),
    ("IUB-förklaringen", records.IubExplainer, "content/iub/om-iub.yml"),
    ("Livssituation", records.Situation, "content/livssituationer/<id>.yml"),
    ("Akuta kontakter", records.ContactBook, "content/kontakter.yml"),
)


def _example(value: object) -> str:
    return (
        ""
        if value is None
        else json.dumps(value, ensure_ascii=False)
        if not isinstance(value, str)
        else value
    )


def schema_reference() -> list[tuple[str, str, Markup]]:
    """(heading, file pattern, table) per record type, from the same field table as the
    JSON Schemas – so the page cannot drift from what the validator accepts."""
    out = []
    for heading, cls, files in _RECORD_FILES:
        rows = [
            (
                Markup(f"<code>{h(r.key)}</code>"),
                r.type,
                "ja" if r.required else "nej",
                r.description,
                _example(r.example),
            )
            for r in field_reference(cls)
        ]
        out.append(
            (
                heading,
                files,
                html_table(
                    f"Fälten i {files}",
                    ["Fält", "Typ", "Krävs", "Beskrivning", "Exempel"],
                    rows,
                    numeric_from=99,
                ),
            )
        )
    return out


def render_editors(refs: CrossRefs, schemas: list[tuple[str, str]]) -> tuple[str, str]:
    return EDITORS, front_matter(TITLES[EDITORS]) + render_template(
        "redaktorer.md.j2",
        src=EDITORS,
        schemas=schemas,
        reference=schema_reference(),
        breadcrumb=breadcrumb(EDITORS),
        **LINKS,
    )
