"""Cross-record checks of the residents' records: life situations (content/livssituationer/)
and the emergency contacts (content/kontakter.yml). Called by validate.py's checker, whose
report and reference helpers it uses, so the messages read like every other problem."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.model import records
from generator.model.fields import ID_PATTERN
from generator.model.problems import did_you_mean

if TYPE_CHECKING:  # validate.py imports this module; the checker is only a type here
    from generator.model.validate import _Checker

ICON_PATTERN = r"^(material|fontawesome/(brands|regular|solid)|octicons|simple)/[a-z0-9-]+$"
PHONE_PATTERN = r"^[0-9][0-9 -]*[0-9]$"
CONTACTS_FILE = "content/kontakter.yml"


@cache
def _icon_dir() -> Path | None:
    """Material for MkDocs' bundled icons (the site loads nothing from other sites), or
    None where the theme is not installed – then only the icon's form is checked."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


@cache
def _icons_in(folder: str) -> frozenset[str]:
    base = _icon_dir()
    return frozenset(p.stem for p in (base / folder).glob("*.svg")) if base else frozenset()


def check(ch: _Checker) -> None:
    """Every problem of the situations and the contact book, reported through `ch`."""
    book = ch.c.kontakter
    broken_book = "kontakter.yml" in ch.index.broken
    contacts = {k.id for k in book.kontakter} if book else set()
    if book:
        _check_book(ch, book)
    seen_order: dict[int, str] = {}
    for s in ch.c.situationer:
        _check_situation(ch, s, contacts, skip_contacts=broken_book)
        if s.ordning in seen_order:
            ch.report(
                _file(s),
                "ordning",
                f"ordning {s.ordning} används redan av {seen_order[s.ordning]}",
                "ge varje livssituation en egen plats",
            )
        seen_order.setdefault(s.ordning, _file(s))


def _file(record: object) -> str:
    loc = getattr(record, "location", None)
    return loc.file if loc else "?"


def _check_situation(
    ch: _Checker, s: records.Situation, contacts: set[str], skip_contacts: bool
) -> None:
    file = _file(s)
    ch.check_id(s)
    _check_icon(ch, file, s.ikon)
    omraden = set(ch.omraden) | ch.index.broken.get("omraden", set())
    for n, oid in enumerate(s.omraden):
        _omrade_ref(ch, file, f"omraden[{n}]", oid, omraden)
    if not s.grupper:
        ch.report(file, "grupper", "ingen grupp", "lista minst en grupp med insatser")
    first: dict[str, str] = {}
    for g, group in enumerate(s.grupper):
        if not group.insatser:
            ch.report(
                file,
                f"grupper[{g}].insatser",
                "gruppen har inga insatser",
                "lista minst en insats eller ta bort gruppen",
            )
        for n, item in enumerate(group.insatser):
            path = f"grupper[{g}].insatser[{n}].insats"
            ch.check_ref(file, path, item.insats, ch.insatser, "insats", "content/insatser/")
            if item.insats in first:
                ch.report(
                    file,
                    path,
                    f'insatsen "{item.insats}" finns redan i {first[item.insats]}',
                    "lista varje insats en gång per livssituation",
                )
            first.setdefault(item.insats, path)
    _check_items(ch, file, "utan_ansokan", s.utan_ansokan, "iub")
    _check_items(ch, file, "skolgang", s.skolgang, "skolgang")
    if not skip_contacts:
        _contact_refs(ch, file, "kontakter", s.kontakter, contacts)


def _check_icon(ch: _Checker, file: str, icon: str) -> None:
    if not re.fullmatch(ICON_PATTERN, icon):
        ch.report(
            file,
            "ikon",
            f'"{icon}" är ingen ikon',
            'skriv t.ex. "material/home-heart" (en av Material for MkDocs inbyggda ikoner)',
        )
        return
    folder, name = icon.rsplit("/", 1)
    known = _icons_in(folder)
    if known and name not in known:
        ch.report(
            file,
            "ikon",
            f'ikonen "{icon}" finns inte bland temats ikoner',
            f"välj en fil i material/templates/.icons/{folder}/" + did_you_mean(name, known),
        )


def _check_items(
    ch: _Checker, file: str, key: str, refs: tuple[records.ListItemRef, ...], kind: str
) -> None:
    lists = {lst.id: lst for lst in ch.c.lists if lst.kind == kind}
    broken = ch.index.broken.get(kind, set())
    for n, ref in enumerate(refs):
        path = f"{key}[{n}]"
        if ref.lista in broken:
            continue  # the list's own problems are reported; nothing to compare with
        lst = lists.get(ref.lista)
        if lst is None:
            ch.report(
                file,
                f"{path}.lista",
                f'okänd lista "{ref.lista}"',
                f"ska vara ett filnamn i content/{kind}/" + did_you_mean(ref.lista, lists),
            )
            continue
        items = {li.id for g in lst.grupper for li in g.insatser}
        if ref.insats not in items:
            ch.report(
                file,
                f"{path}.insats",
                f'okänd insats "{ref.insats}" i listan "{ref.lista}"',
                f"ska vara ett id i content/{kind}/{ref.lista}.yml"
                + did_you_mean(ref.insats, items),
            )


def _check_book(ch: _Checker, book: records.ContactBook) -> None:
    file = _file(book)
    ch.check_url(file, "lamna_sidan", book.lamna_sidan)
    ids: dict[str, int] = {}
    for n, k in enumerate(book.kontakter):
        path = f"kontakter[{n}]"
        if not re.fullmatch(ID_PATTERN, k.id):
            ch.report(
                file,
                f"{path}.id",
                f'"{k.id}" är inget giltigt id',
                "använd små bokstäver a–z, siffror och bindestreck",
            )
        if k.id in ids:
            ch.report(
                file,
                f"{path}.id",
                f'kontakten "{k.id}" finns redan',
                f"se kontakter[{ids[k.id]}]; id:n ska vara unika",
            )
        ids.setdefault(k.id, n)
        if k.nummer is not None and not re.fullmatch(PHONE_PATTERN, k.nummer):
            ch.report(
                file,
                f"{path}.nummer",
                f'"{k.nummer}" är inget telefonnummer',
                "skriv numret som källan, med siffror, mellanslag och bindestreck",
            )
        if not k.kallor:
            ch.report(
                file,
                f"{path}.kallor",
                "kontakten saknar källa",
                "ange källan (content/kallor/) – organisationens egen sida med adress",
            )
        ch.check_refs(file, f"{path}.kallor", k.kallor, ch.works, "källa", "content/kallor/")
        for m, wid in enumerate(k.kallor):
            work = ch.work.get(wid)
            if work is not None and not work.url:
                ch.report(
                    file,
                    f"{path}.kallor[{m}]",
                    f'källan "{wid}" saknar webbadress',
                    f"ett nummer ska gå att kontrollera: ange url i content/kallor/{wid}.yml",
                )
    _contact_refs(ch, file, "startsida", book.startsida, set(ids))
    omraden = set(ch.omraden) | ch.index.broken.get("omraden", set())
    for n, place in enumerate(book.omraden):
        _omrade_ref(ch, file, f"omraden[{n}].omrade", place.omrade, omraden)
        _contact_refs(ch, file, f"omraden[{n}].kontakter", place.kontakter, set(ids))


def _contact_refs(
    ch: _Checker, file: str, path: str, refs: tuple[str, ...], known: set[str]
) -> None:
    where = f"ska vara ett id under kontakter: i {CONTACTS_FILE}"
    ch.check_refs(file, path, refs, known, "kontakt", CONTACTS_FILE, where)


def _omrade_ref(ch: _Checker, file: str, path: str, oid: str, known: set[str]) -> None:
    if oid not in known:
        ch.report(
            file,
            path,
            f'okänt område "{oid}"',
            "ska vara ett filnamn i content/omraden/" + did_you_mean(oid, known),
        )
