"""The fixed pages: start, downloads, about (with the accessibility statement), editors."""

from __future__ import annotations

from generator.link import Index
from generator.render.common import (
    A_O, ABBREVIATIONS, ABOUT, DOWNLOADS, EDITORS, INDEX, IUB, IUB_COMPARISON, OMRADEN,
    SKOLGANG, SOURCES, STATISTICS, TITLES, breadcrumb, front_matter, omrade_page, render_template,
)

LINKS = dict(A_O=A_O, ABBREVIATIONS=ABBREVIATIONS, ABOUT=ABOUT, DOWNLOADS=DOWNLOADS,
             EDITORS=EDITORS, IUB=IUB, IUB_COMPARISON=IUB_COMPARISON, OMRADEN=OMRADEN,
             SKOLGANG=SKOLGANG, SOURCES=SOURCES, STATISTICS=STATISTICS)


def render_home(index: Index) -> tuple[str, str]:
    c = index.content
    omraden = [(o, omrade_page(o.id)) for o in sorted(c.omraden, key=lambda x: x.nummer)]
    return INDEX, render_template(
        "start.md.j2", src=INDEX, omraden=omraden, n_insatser=len(c.insatser),
        n_works=len(c.works), iub_lists=[x for x in c.lists if x.kind == "iub"], **LINKS)


def render_downloads(index: Index, files: list[tuple[str, str]]) -> tuple[str, str]:
    return DOWNLOADS, front_matter(TITLES[DOWNLOADS]) + render_template("nedladdning.md.j2", src=DOWNLOADS, files=files,
                                      breadcrumb=breadcrumb(DOWNLOADS), **LINKS)


def render_about(index: Index) -> tuple[str, str]:
    return ABOUT, front_matter(TITLES[ABOUT]) + render_template("om.md.j2", src=ABOUT, breadcrumb=breadcrumb(ABOUT),
                                  works=[w for w in index.content.works if w.fil], **LINKS)


def render_editors(index: Index, schemas: list[str]) -> tuple[str, str]:
    return EDITORS, front_matter(TITLES[EDITORS]) + render_template("redaktorer.md.j2", src=EDITORS, schemas=schemas,
                                    breadcrumb=breadcrumb(EDITORS), **LINKS)
