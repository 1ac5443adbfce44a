"""Emergency contacts (content/kontakter.yml) on the pages that need them, and the
"Lämna sidan snabbt" link of the violence pages.

Small and self-contained on purpose: the insats, område and situation renderers each call
one function here, so the contact block merges cleanly into pages others also edit.

The quick exit is a plain link to a neutral site (kontakter.yml `lamna_sidan`), so it works
without JavaScript; the theme (overrides/main.html, block `announce`) puts it right after
Material's skip link – the second Tab stop of the page – when the page's front matter has
`lamna_sidan`. With JavaScript the click replaces this page in the history as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from generator.model.records import Contact, ContactBook, Insats, Work
from generator.site.crossrefs import CrossRefs
from generator.site.escape import h, safe_url

EXIT_META = "lamna_sidan"  # front matter key read by overrides/main.html


def contacts(book: ContactBook, ids: Iterable[str]) -> list[Contact]:
    """The contacts with these ids, in the given order (ids are validated)."""
    by_id = {k.id: k for k in book.kontakter}
    return [by_id[i] for i in ids if i in by_id]


def tel_href(number: str) -> str:
    """'020-50 50 50' → 'tel:020505050' (digits only: what a phone dials)."""
    return "tel:" + re.sub(r"\D", "", number)


def _sources(kallor: tuple[str, ...], works: dict[str, Work], short: bool = False) -> Markup:
    links = []
    publishers: set[str] = set()
    for wid in kallor:
        work = works.get(wid)
        url = safe_url(work.url) if work else None
        if work is None or url is None:
            continue
        label = f"{work.utgivare}: {work.titel}" if work.titel else work.utgivare
        if short:  # the publisher; a second work of the same one by its title
            label = work.titel if work.utgivare in publishers and work.titel else work.utgivare
            publishers.add(work.utgivare)
        links.append(f'<a href="{url}" rel="noreferrer">{h(label)}</a>')
    word = "Källa" if len(links) == 1 else "Källor"
    return Markup(f'<span class="ih-akut__kalla">{word}: {"; ".join(links)}</span>')


def emergency_block(
    book: ContactBook,
    ids: Iterable[str],
    works: dict[str, Work],
    cls: str = "",
    compact: bool = False,
) -> Markup:
    """The contacts as one raw HTML block (a list; each number a tel: link with its
    sources). `compact` (insats and område pages, whose own content must stay near the
    top) runs the contacts on as one line each – name, number, first source by publisher – with
    the `kort` text only for a contact without a number of its own. Empty when no id."""
    shown = contacts(book, ids)
    if not shown:
        return Markup("")
    items = []
    for k in shown:
        number = (
            f' <a class="ih-akut__nummer" href="{h(tel_href(k.nummer))}">{h(k.nummer)}</a>'
            if k.nummer
            else ""
        )
        text = k.text if not compact else (None if k.nummer else k.kort or k.text)
        shown_text = f'<span class="ih-akut__text">{h(text)}</span>' if text else ""
        items.append(
            f'<li><strong class="ih-akut__namn">{h(k.namn)}</strong>{number}{shown_text}'
            # compact: the first source only (the full list is on the start page and the
            # situations) – it kept "Så får du insatsen" off a phone's first screen
            f"{_sources(k.kallor[:1] if compact else k.kallor, works, short=compact)}</li>"
        )
    if compact:
        cls = f"{cls} ih-akut--kort".strip()
    extra = f" {cls}" if cls else ""
    return Markup(
        f'<div class="ih-akut{extra}" role="region" aria-label="{h(book.rubrik)}">\n'
        f'<p class="ih-akut__rubrik">{h(book.rubrik)}</p>\n'
        f'<ul class="ih-akut__lista">\n' + "\n".join(items) + "\n</ul>\n</div>"
    )


def exit_meta(book: ContactBook | None) -> dict[str, str]:
    """Front matter that makes the theme show the quick exit link."""
    if book is None or safe_url(book.lamna_sidan) is None:
        return {}
    return {EXIT_META: book.lamna_sidan}


def omrade_contact_ids(book: ContactBook | None, omrade_id: str) -> tuple[str, ...]:
    if book is None:
        return ()
    for place in book.omraden:
        if place.omrade == omrade_id:
            return place.kontakter
    return ()


def for_omrade(refs: CrossRefs, omrade_id: str) -> tuple[Markup, dict[str, str]]:
    """(short contact block, front matter) of an område page: both empty unless
    kontakter.yml names the område. (The violence situation has the full block.)"""
    book = refs.content.kontakter
    ids = omrade_contact_ids(book, omrade_id)
    if not ids or book is None:
        return Markup(""), {}
    return emergency_block(book, ids, refs.work, compact=True), exit_meta(book)


def for_insats(refs: CrossRefs, ins: Insats) -> tuple[Markup, dict[str, str]]:
    """(contact block, front matter) of an insats page: the contacts of every område the
    insats belongs to that kontakter.yml names, each once, in the book's order."""
    book = refs.content.kontakter
    ids: list[str] = []
    for m in ins.medlemskap:
        ids += [i for i in omrade_contact_ids(book, m.omrade) if i not in ids]
    if not ids or book is None:
        return Markup(""), {}
    return emergency_block(book, ids, refs.work, compact=True), exit_meta(book)


def is_violence_omrade(book: ContactBook | None, omrade_ids: Iterable[str]) -> bool:
    return any(omrade_contact_ids(book, o) for o in omrade_ids)
