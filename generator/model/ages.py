"""Structured ages (`alder`): which texts may state them, and what a valid age is.

An age is only ever taken from a phrase that a source prints, so the check is that the
phrase (`kalla_text`) occurs in the record's own text – the text the site shows and that
was imported verbatim from the cited document.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import records

MAX_AGE = 120


def _squeeze(text: str) -> str:
    # the importers join lines and PDF columns with single spaces; a phrase copied from
    # a wrapped line must still match
    return " ".join(text.split())


def own_texts(
    record: records.Membership | records.LocalInsats | records.LocalList,
) -> Iterator[str]:
    """The record's own texts, where its age phrase must occur."""
    if isinstance(record, records.Membership):
        yield record.namn_i_kalla
        if record.forklaring:
            yield record.forklaring
        if record.statistik and record.statistik.namn_i_tabell:
            yield record.statistik.namn_i_tabell
    elif isinstance(record, records.LocalInsats):
        yield record.namn
        for text in (
            record.innehall,
            record.omfattning,
            record.malgrupp,
            record.dokumentation,
            record.uppfoljning,
            *record.villkor,
            *record.noter,
        ):
            if text:
                yield text
        for meth in record.metod:
            yield from (
                t for t in (meth.namn, meth.beskrivning, meth.malgrupp, meth.omfattning) if t
            )
    else:
        yield record.titel
        yield from (t for t in (record.inledning, *record.noter) if t)


def phrase_occurs(phrase: str, texts: Iterator[str]) -> bool:
    wanted = _squeeze(phrase)
    return any(wanted in _squeeze(t) for t in texts)


def age_problems(alder: records.Alder) -> list[tuple[str, str, str]]:
    """(key under `alder`, message, hint) for each thing wrong with the numbers."""
    out: list[tuple[str, str, str]] = []
    if alder.fran is None and alder.till is None:
        out.append(
            (
                "",
                "varken fran eller till är angiven",
                "ange minst en av dem, eller ta bort alder om källan inte anger en ålder",
            )
        )
    for key in ("fran", "till"):
        value = getattr(alder, key)
        if value is not None and not 0 <= value <= MAX_AGE:
            out.append((key, f"{value} ligger utanför 0–{MAX_AGE}", "ange åldern i hela år"))
    if alder.fran is not None and alder.till is not None and alder.fran > alder.till:
        out.append(
            ("fran", f"fran ({alder.fran}) är större än till ({alder.till})", "byt plats på talen")
        )
    if alder.avser is not None and alder.avser not in records.AGE_REFERS_TO:
        out.append(
            (
                "avser",
                f'okänt värde "{alder.avser}"',
                'skriv "barnet" när åldern är barnens, annars utelämna avser',
            )
        )
    return out
