"""A new record file for an editor to fill in: the right file name, the schema line, the
required keys, and the optional ones commented out with what they mean."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import records
from generator.model.dump import dump_record, record_path
from generator.model.fields import FIELDS
from generator.text import slugify

KINDS = ("insats", "kalla")

# An insats outside the survey needs these three keys to validate (issue 11): the scaffold
# names them first, commented out, so a file left as written stops the build.
_OWN_TEXT_TEMPLATE = """\
# Fyll i de tre nycklarna nedan (ta bort #): en insats utan område, text och källa
# valideras inte. Skriv med egna ord; varje påstående ska stödjas av en källa i kallor.
# omraden:  # {omraden}
#   - missbruk-och-beroende
# beskrivning: Vad insatsen är och för vem.  # {beskrivning}
# kallor:  # {kallor}
#   - id-for-en-kalla  # skapa den med: python -m generator new kalla "Utgivare (år) Titel"
"""

_MEMBERSHIP_TEMPLATE = """\
# Bara om insatsen finns i kartläggningen (en rad ur dess tabeller):
# medlemskap:  # {doc}
#   - omrade: barn-och-unga
#     kategori: "3.1"
#     rubrik: Stöd till barn
#     ordning: 1
#     namn_i_kalla: {namn}
#     forklaring: Förklaringen som källan skriver den.
#     kallor:
#       - socialstyrelsen-2008
#     statistik:
#       ges: {{antal: 169, andel: 70}}
#       digitalt: null  # null där källan skriver "-" (ej tillfrågat), aldrig 0
#       enskild_regi: null
#       utan_beslut: null
#     alder:  # bara om förklaringen eller namnet anger en ålder – frasen ordagrant
#       fran: 14
#       till: 17
#       kalla_text: ungdomar i åldern 14–17 år
"""


def _comment(cls: type, names: list[str], example: dict[str, str] | None = None) -> str:
    """Commented-out optional keys with their description, for editors to fill in."""
    lines = []
    for name in names:
        doc = FIELDS[f"{cls.__name__}.{name}"]
        lines.append(
            f"# {name}: {(example or {}).get(name, '')}".rstrip() + f"  # {doc.description}"
        )
    return "\n".join(lines) + "\n"


def new_record(kind: str, text: str) -> tuple[records.Insats | records.Work, str]:
    """The record for an insats name or a citation as printed, and the commented lines
    that follow it in the file. Raises ValueError (Swedish) for an empty text."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("ange ett namn eller en text")
    if kind == "insats":
        insats = records.Insats(slugify(text), text, None, (), ())
        extra = (
            _comment(records.Insats, ["forkortning"])
            + "# alias:  # "
            + FIELDS["Insats.alias"].description
            + "\n#   - Annat namn\n"
            + _OWN_TEXT_TEMPLATE.format(
                omraden=FIELDS["Insats.omraden"].description,
                beskrivning=FIELDS["Insats.beskrivning"].description,
                kallor=FIELDS["Insats.kallor"].description,
            )
            + _MEMBERSHIP_TEMPLATE.format(doc=FIELDS["Insats.medlemskap"].description, namn=text)
        )
        return insats, extra
    if kind != "kalla":
        raise ValueError(f"okänd posttyp {kind!r} – välj en av: {', '.join(KINDS)}")
    utgivare = re.split(r" \(|\. |, ", text, maxsplit=1)[0].strip(" .") or text
    year = re.search(r"\b(?:19|20)\d\d\b", text)
    work = records.Work(
        slugify(text, max_length=60), text, utgivare, year.group(0) if year else None, None
    )
    extra = "# Kontrollera utgivare och år ovan: de är gissade ur texten.\n" + _comment(
        records.Work, ["titel", "url", "webbplats", "hamtad"], {"url": "https://"}
    )
    return work, extra


def scaffold(root: Path, kind: str, text: str) -> str:
    """Write the new record's file under `root`; returns its repository-relative path.

    Raises ValueError for an empty text and FileExistsError (Swedish message) when the
    file is there already – it is never overwritten, not even in a race.
    """
    record, extra = new_record(kind, text)
    rel = record_path(record)
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(dump_record(record) + extra)
    except FileExistsError:
        raise FileExistsError(
            f"{rel} finns redan – den skrivs inte över; ändra i filen eller välj ett annat namn"
        ) from None
    return rel
