"""Shared rendering helpers: page paths, links, the Jinja environment, figures and tables.

Every `{{ value }}` in a template is Markdown-escaped by `finalize` unless it is Markup –
so a YAML string can only ever appear as text. Markup is made here from escaped parts.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence

import jinja2
from markupsafe import Markup

from generator.history import History
from generator.model.records import MEASURES, Figure, Statistics
from generator.site import template_cache
from generator.site.escape import h, md, md_blocks
from generator.text import slugify

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")

NOT_ASKED = "ej efterfrågat"  # the source prints "-": the question was not asked
NO_ROW = "uppgift saknas"  # the results tables have no row for this insats here

MEASURE_SHORT = {
    "ges": "Ges",
    "digitalt": "Digitalt",
    "enskild_regi": "Enskild regi",
    "utan_beslut": "Utan biståndsbeslut",
}


# --- page paths (relative to docs_dir) --------------------------------------------------


def insats_page(insats_id: str) -> str:
    return f"insatser/{safe_id(insats_id)}.md"


def omrade_page(omrade_id: str) -> str:
    return f"omraden/{safe_id(omrade_id)}.md"


def omrade_statistics_page(omrade_id: str) -> str:
    return f"statistik/{safe_id(omrade_id)}.md"


def situation_page(situation_id: str) -> str:
    return f"livssituationer/{safe_id(situation_id)}.md"


def list_page(kind: str, list_id: str) -> str:
    return f"{'iub' if kind == 'iub' else 'skolgang'}/{safe_id(list_id)}.md"


INDEX = "index.md"
OMRADEN = "omraden/index.md"
A_O = "insatser/index.md"
ABBREVIATIONS = "insatser/forkortningar.md"
IUB = "iub/index.md"
IUB_COMPARISON = "iub/jamforelse.md"
SKOLGANG = "skolgang/index.md"
STATISTICS = "statistik/index.md"
SOURCES = "kallor/index.md"
DOWNLOADS = "nedladdning/index.md"
ABOUT = "om/index.md"
EDITORS = "redaktorer/index.md"
SITUATIONS = "livssituationer/index.md"
AGES = "alder/index.md"


def safe_id(value: str) -> str:
    """A YAML id used in a file name or an anchor: kept when already a slug, else slugified
    (ids are validated upstream; this keeps a bad one from escaping docs_dir or an attribute)."""
    return value if _SLUG.fullmatch(value) else slugify(value, 200)


TITLES = {
    SITUATIONS: "Vad behöver du hjälp med?",
    OMRADEN: "Vad kan jag få hjälp med?",
    A_O: "Insatser A–Ö",
    ABBREVIATIONS: "Förkortningar",
    IUB: "Hjälp utan att ansöka",
    IUB_COMPARISON: "Jämförelse mellan kommunerna",
    SKOLGANG: "Skolgång",
    STATISTICS: "Statistik",
    SOURCES: "Källor",
    DOWNLOADS: "Ladda ned",
    ABOUT: "Om handboken",
    EDITORS: "För redaktörer",
    AGES: "Insatser efter ålder",
}


# Meta descriptions of the pages made from no single record (the others describe their own
# record): what a search result or a shared link should say about the page.
DESCRIPTIONS = {
    INDEX: "Insatshandboken: vilken hjälp socialtjänsten kan ge, för vem och hur du får den – "
    "med förklaringar, källor och statistik från kommunerna.",
    OMRADEN: "Socialtjänstens insatser i sex områden: äldre, barn och unga, funktionshinder, "
    "missbruk och beroende, socialpsykiatri och våld i nära relationer.",
    A_O: "Alla insatser i handboken från A till Ö, med de andra namn och stavningar som "
    "källorna använder.",
    ABBREVIATIONS: "Förkortningar för insatser och metoder i socialtjänsten, till exempel ART, "
    "FFT och MI, med länk till varje insats.",
    IUB: "Hjälp utan att ansöka: vad en insats utan individuell behovsprövning (IUB) är, vad "
    "lagen säger och vilka insatser kommunerna erbjuder så.",
    IUB_COMPARISON: "Jämförelse mellan kommunernas listor: vilka nationella insatser varje "
    "kommun ger utan individuell behovsprövning.",
    SKOLGANG: "Insatser som kan stabilisera skolgången för barn och unga enligt kommunernas "
    "listor, med listornas underlag.",
    STATISTICS: "Statistik ur kartläggningen: hur många kommuner som ger varje insats, digitalt, "
    "i enskild regi och utan biståndsbeslut.",
    SOURCES: "Alla källor som handboken citerar – utgivare, år, titel och länk – med de "
    "insatser som citerar varje källa.",
    DOWNLOADS: "Ladda ned handbokens innehåll: alla poster som JSON, statistiken som CSV och "
    "JSON-scheman för redaktörer.",
    ABOUT: "Om Insatshandboken: vad den bygger på, licenser och tillgänglighetsredogörelse.",
    EDITORS: "För redaktörer: så ändrar du innehållet i Insatshandboken, med en fältreferens "
    "för varje posttyp.",
    SITUATIONS: "Vad behöver du hjälp med? Hjälp från socialtjänsten efter livssituation: "
    "vad du kan få, vad du kan få utan att ansöka och vart du vänder dig.",
    AGES: "Insatser efter ålder: de insatser som källorna anger en ålder för, för barn, "
    "tonåringar, unga vuxna, vuxna och äldre.",
}


def work_anchor(work_id: str) -> str:
    return f"kalla-{safe_id(work_id)}"


@functools.lru_cache(maxsize=1 << 16)
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for the generator's relative page paths, without its two
    os.getcwd() calls per link (a tenth of the render stage)."""
    if ".." in path.split("/") or ".." in start.split("/"):
        return posixpath.relpath(path, start)
    to = [x for x in path.split("/") if x not in ("", ".")]
    here = [x for x in start.split("/") if x not in ("", ".")]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def link_md(src: str, dest: str, anchor: str = "") -> Markup:
    """Link target for Markdown: the relative .md path (MkDocs checks and rewrites it)."""
    rel = _relpath(dest, posixpath.dirname(src) or ".")
    return Markup(rel + (f"#{safe_id(anchor)}" if anchor else ""))


def link_html(src: str, dest: str, anchor: str = "") -> Markup:
    """Link target inside a raw HTML block: the page file's path relative to this page's
    file, as in a Markdown link. Builders differ on a URL there (Zensical resolves a
    relative href from the source file, MkDocs from the served page, one level deeper),
    but both turn a .md path into the page's URL: Zensical itself, MkDocs through the
    plugin (raw_blocks.resolve_links), which also stops the build on a missing page."""
    return Markup(_relpath(dest, posixpath.dirname(src) or ".") + (f"#{anchor}" if anchor else ""))


# --- figures ---------------------------------------------------------------------------


def figure_text(f: Figure | None) -> str:
    return NOT_ASKED if f is None else str(f)


def stat_cells(s: Statistics | None) -> list[str]:
    if s is None:
        return [NO_ROW] * len(MEASURES)
    return [figure_text(getattr(s, m)) for m in MEASURES]


# --- raw HTML tables -------------------------------------------------------------------


def html_table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    cls: str = "",
    numeric_from: int = 1,
) -> Markup:
    """A captioned table in its own scroll container. Cells are escaped unless Markup;
    the first column is the row header."""
    out = [
        f'<div class="ih-tabell{(" " + cls) if cls else ""}" tabindex="0" role="region" '
        f'aria-label="{h(caption)}"><table>',
        f"<caption>{h(caption)}</caption>",
        "<thead><tr>" + "".join(f'<th scope="col">{h(x)}</th>' for x in headers) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = cell if isinstance(cell, Markup) else h(cell)
            if i == 0:
                cells.append(f'<th scope="row">{text}</th>')
            else:
                num = ' class="ih-tal"' if i >= numeric_from else ""
                cells.append(f"<td{num}>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return Markup("\n".join(out))


def a(href: str, text: object) -> Markup:
    return Markup(f'<a href="{h(href)}">{text if isinstance(text, Markup) else h(text)}</a>')


# --- Jinja -----------------------------------------------------------------------------


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return md(value)


def make_env() -> jinja2.Environment:
    root = template_cache.checkout_root()
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        bytecode_cache=template_cache.bytecode_cache(root) if root else None,
        autoescape=True,  # anything that slips past finalize is at least HTML-escaped
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["blocks"] = md_blocks
    env.filters["fig"] = figure_text
    env.filters["first_upper"] = lambda v: v[:1].upper() + v[1:]
    env.filters["anchor"] = lambda v: Markup(safe_id(str(v).replace(".", "-")))
    env.globals.update(link=link_md, NOT_ASKED=NOT_ASKED)
    return env


ENV = make_env()


def render_template(name: str, **context: object) -> str:
    return ENV.get_template(name).render(**context)


def front_matter(title: str, **meta: object) -> str:
    """YAML front matter (JSON values are YAML). The title and description are HTML-escaped
    because MkDocs and Material put them into HTML unescaped."""
    meta = {"title": html.escape(" ".join(title.split()), quote=True), **meta}
    if isinstance(meta.get("description"), str):
        meta["description"] = html.escape(clip(str(meta["description"])), quote=True)
    return (
        "---\n"
        + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
        + "---\n\n"
    )


DESCRIPTION_MAX = 160  # characters: what search engines and link previews show


def clip(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """One line of at most `limit` characters, cut at a word with "…" when longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-") + "…"


# --- "Senast ändrad": a generic function of a page's source file ------------------------

_FRONT_END = "\n---\n\n"


def _meta_value(text: str, key: str) -> str | None:
    head = text[: text.find(_FRONT_END)] if text.startswith("---\n") else ""
    for line in head.splitlines()[1:]:
        k, sep, v = line.partition(": ")
        if sep and k == key:
            try:
                value = json.loads(v)
            except ValueError:  # a template's own front matter: plain YAML scalars
                return v.strip()
            return value if isinstance(value, str) else None
    return None


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def first_words(title: str | None, body: str) -> str:
    """A page's own opening: its title and first paragraph of running text (a page made
    by another renderer that gave no description of its own)."""
    for block in body.split("\n\n"):
        line = block.strip()
        if not line or line[0] in "#<{-*!|[" or line.startswith(("1.", "{:")):
            continue
        plain = _MD_LINK.sub(r"\1", line.split("\n{:", 1)[0])
        plain = html.unescape(re.sub(r"[*_`]|\\(?=\S)", "", plain))
        return f"{title}: {plain}" if title else plain
    return f"{title} – Insatshandboken" if title else "Insatshandboken"


def changed_note(date: str | None) -> str:
    if date:
        return f'<p class="ih-andrad">Senast ändrad: <time datetime="{date}">{date}</time></p>\n'
    return (
        '<p class="ih-andrad">Senast ändrad: okänt – versionshistoriken för sidans '
        "innehåll fanns inte med när sidan byggdes.</p>\n"
    )


def dated(path: str, text: str, history: History) -> str:
    """A generated page with its last change: the date of its source file (front matter
    `kallfil`) in the git history, or for a page made from all of content/ the newest date
    there. Adds `senast_andrad` to the front matter (sitemap, citation) and a closing line,
    and the page's description from DESCRIPTIONS where it has none of its own."""
    if not text.startswith("---\n") or _FRONT_END not in text:
        text = "---" + _FRONT_END + text  # front matter, so the page can carry its date
    source = _meta_value(text, "kallfil")
    date = history.of(source) if source else history.newest()
    head, body = text.split(_FRONT_END, 1)
    if _meta_value(text, "description") is None:
        summary = DESCRIPTIONS.get(path) or first_words(_meta_value(text, "title"), body)
        head += "\ndescription: " + json.dumps(
            html.escape(clip(summary), quote=True), ensure_ascii=False
        )
    if date:
        head += f"\nsenast_andrad: {json.dumps(date)}"
    return head + _FRONT_END + body.rstrip("\n") + "\n\n" + changed_note(date)


def breadcrumb(src: str, *trail: tuple[str, str]) -> Markup:
    """'Start › Områden › Äldre' as Markdown links; the last item is the page itself."""
    parts = [f"[Start]({link_md(src, INDEX)})"]
    for label, dest in trail:
        parts.append(f"[{md(label)}]({link_md(src, dest)})")
    # The search index leaves it out: the same words on every page, shown as a hit's text.
    return Markup(" › ".join(parts) + "\n{: .ih-brodsmulor data-search-exclude }")
