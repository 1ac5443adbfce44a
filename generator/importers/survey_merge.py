"""Join the survey's two appendices into national insatser, områden and cited works.

Seed 000 (explanations) and seed 001 (results tables) list the same insatser per område
and category. Rows are joined per område and category by curated identity: the
normalised name, or an explicit alias from mappings/survey_aliases.yml – never by a
fuzzy guess. Rows listed in several områden under one name become one insats with
several memberships. Everything that could not be joined is returned for the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.importers.citations import normalise_citation, parse_citation, split_citation
from generator.importers.records import ExplanationRow, Heading, ParsedDocument, TableRow
from generator.model.records import Category, Insats, Membership, Omrade, Statistics, Work
from generator.text import slugify

MAPPINGS = Path(__file__).parent / "mappings"

# Område ids are stable URLs; the names come from the documents' headings.
OMRADE_IDS = {
    2: "aldre",
    3: "barn-och-unga",
    4: "funktionshinder",
    5: "missbruk-och-beroende",
    6: "socialpsykiatri",
    7: "vald-i-nara-relationer",
}

# "(FFT)" at the end, or followed by a suffix ("(ACT)-team", "(COS)/ Trygghetscirkeln",
# "(ICDP, International …)", "(ABC) föräldraträffar").
_ABBREVIATION = re.compile(r"\(([A-ZÅÄÖ][A-ZÅÄÖa-z0-9\-–]{1,12})(?:\)|,)")


def normalise_name(name: str) -> str:
    """Identity of a name: case, dashes, spacing and trailing punctuation do not count."""
    name = name.replace("–", "-").replace("—", "-").lower()
    name = re.sub(r"\s*([/,()])\s*", r"\1", name)
    return re.sub(r"\s+", " ", name).strip(" .")


def abbreviation(name: str) -> str | None:
    """The first abbreviation in a name: 'Funktionell familjeterapi (FFT)' → 'FFT',
    'Hem för vård eller boende (HVB-hem)' → 'HVB', 'Preventing domestic violence (Predov)'
    → 'Predov' (its letters follow the initials of the words before it)."""
    for m in _ABBREVIATION.finditer(name):
        token = re.sub(r"-[a-zåäö]+$", "", m.group(1))  # "HVB-hem" → "HVB"
        if sum(c.isupper() for c in token) >= 2 or _follows_initials(token, name[: m.start()]):
            return token
    return None


def _follows_initials(token: str, before: str) -> bool:
    initials = [w[0].lower() for w in re.findall(r"\w+", before)]
    if len(initials) < 2:
        return False
    letters = iter(token.lower())
    return all(any(c == i for c in letters) for i in initials)


@dataclass(frozen=True)
class Curation:
    """The reviewed decisions the import applies (mappings/*.yml), so a re-import
    reproduces the committed content exactly."""

    # (område, kategori) → {normalised table name: normalised explanation name}
    table_aliases: dict[tuple[int, str], dict[str, str]] = field(default_factory=dict)
    # normalised explanation name → insats id, to merge differently spelt names
    identity: dict[str, str] = field(default_factory=dict)
    # (område, kategori, normalised name) → why the row has no partner in the other appendix
    reasons: dict[tuple[int, str, str], str] = field(default_factory=dict)
    # table name as read → the label as printed with a line-break hyphen undone (`stavning`)
    spelling: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path = MAPPINGS) -> Curation:
        aliases: dict[tuple[int, str], dict[str, str]] = {}
        spelling: dict[str, str] = {}
        path = folder / "survey_aliases.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        for entry in (data or {}).get("alias", []) or []:
            key = (int(entry["omrade"]), str(entry["kategori"]))
            aliases.setdefault(key, {})[normalise_name(entry["tabell"])] = normalise_name(
                entry["forklaring"]
            )
            if entry.get("stavning"):
                spelling[entry["tabell"]] = entry["stavning"]
        identity = {normalise_name(k): v for k, v in ((data or {}).get("identitet") or {}).items()}
        reasons = {
            (int(e["omrade"]), str(e["kategori"]), normalise_name(e["namn"])): e["skal"]
            for e in (data or {}).get("oparade", []) or []
        }
        return cls(aliases, identity, reasons, spelling)


@dataclass(frozen=True)
class MergeResult:
    insatser: tuple[Insats, ...]
    omraden: tuple[Omrade, ...]
    works: tuple[Work, ...]
    merges: tuple[str, ...]  # one line per insats listed more than once, for the report
    unmatched: tuple[str, ...]  # rows one appendix has and the other lacks, with why


def _statistics(row: TableRow, spelling: dict[str, str]) -> Statistics:
    return Statistics(
        ges=row.ges,
        digitalt=row.digitalt,
        enskild_regi=row.enskild_regi,
        utan_beslut=row.utan_beslut,
        namn_i_tabell=spelling.get(row.namn, row.namn),
    )


def _join_tables(
    expl: list[ExplanationRow], table: list[TableRow], aliases: dict[str, str]
) -> tuple[dict[int, TableRow], list[TableRow]]:
    """Pair rows of one område/category by name, in order (a name may occur twice)."""
    free: dict[str, list[int]] = defaultdict(list)
    for i, expl_row in enumerate(expl):
        free[normalise_name(expl_row.namn)].append(i)
    paired: dict[int, TableRow] = {}
    leftover: list[TableRow] = []
    for row in table:
        key = normalise_name(row.namn)
        key = key if free.get(key) else aliases.get(key, key)
        if free.get(key):
            paired[free[key].pop(0)] = row
        else:
            leftover.append(row)
    return paired, leftover


def _omrade_name(heading: str) -> str:
    """'Verksamhetsområde barn och unga' (the heading) → 'Barn och unga' (the site's name)."""
    name = re.sub(r"^Verksamhetsområde\s+", "", heading.strip())
    return name[:1].upper() + name[1:]


def _omraden(headings: tuple[Heading, ...]) -> list[Omrade]:
    by_number: dict[int, dict] = {}
    for h in headings:
        o = by_number.setdefault(h.omrade, {"namn": h.omrade_namn, "notering": None, "kat": {}})
        o["notering"] = o["notering"] or h.notering
        if h.kategori:
            rubriker = o["kat"].setdefault(h.kategori, (h.kategori_namn, []))[1]
            if h.rubrik and h.rubrik not in rubriker:
                rubriker.append(h.rubrik)
    return [
        Omrade(
            id=OMRADE_IDS[n],
            nummer=n,
            namn=_omrade_name(o["namn"]),
            notering=o["notering"],
            kategorier=tuple(
                Category(k, namn or "", tuple(r)) for k, (namn, r) in o["kat"].items()
            ),
        )
        for n, o in sorted(by_number.items())
    ]


def merge(explanations: ParsedDocument, tables: ParsedDocument, curation: Curation) -> MergeResult:
    """Both appendices → insatser (one per distinct insats), områden and works."""
    unmatched: list[str] = []
    expl_by_table: dict[tuple[int, str], list[ExplanationRow]] = defaultdict(list)
    for row in explanations.rows:
        expl_by_table[(row.omrade, row.kategori)].append(row)
    table_by_table: dict[tuple[int, str], list[TableRow]] = defaultdict(list)
    for row in tables.rows:
        table_by_table[(row.omrade, row.kategori)].append(row)

    works: dict[str, Work] = {}  # normalised citation (case does not count) → work
    work_ids: set[str] = set()

    def work_id(citation: str) -> str:
        key = normalise_citation(citation).casefold()  # "Vardochinsats.se" = "vardochinsats.se"
        if key not in works:
            work = parse_citation(citation)
            wid, n = work.id, 2
            while wid in work_ids:
                wid, n = f"{work.id}-{n}", n + 1
            work_ids.add(wid)
            works[key] = Work(**{**work.__dict__, "id": wid})
        return works[key].id

    members: dict[str, list[tuple[str, Membership]]] = defaultdict(list)  # insats id → (name, m)

    def add(
        row: ExplanationRow | TableRow,
        omrade: str,
        ordning: int,
        forklaring: str | None,
        kallor: tuple[str, ...],
        statistik: Statistics | None,
    ) -> None:
        """One row's membership, under the insats its curated identity (or name) gives."""
        ident = curation.identity.get(normalise_name(row.namn)) or slugify(row.namn)
        m = Membership(
            omrade=omrade,
            kategori=row.kategori,
            rubrik=row.rubrik,
            ordning=ordning,
            namn_i_kalla=row.namn,
            forklaring=forklaring,
            kallor=kallor,
            statistik=statistik,
        )
        members[ident].append((row.namn, m))

    def reason(key: tuple[int, str], row: ExplanationRow | TableRow) -> str:
        return curation.reasons.get((*key, normalise_name(row.namn)), "ingen förklaring given ännu")

    for key in sorted(set(expl_by_table) | set(table_by_table)):
        expl, table = expl_by_table.get(key, []), table_by_table.get(key, [])
        paired, leftover = _join_tables(expl, table, curation.table_aliases.get(key, {}))
        omrade = OMRADE_IDS[key[0]]
        for i, row in enumerate(expl):
            stat = paired.get(i)
            if stat is None:
                unmatched.append(
                    f"{key[1]} rad {row.line} i förklaringarna: «{row.namn}» saknar rad "
                    f"i resultattabellerna – {reason(key, row)}"
                )
            add(
                row,
                omrade,
                i + 1,
                forklaring=row.forklaring,
                kallor=tuple(work_id(part) for c in row.kallor for part in split_citation(c)),
                statistik=_statistics(stat, curation.spelling) if stat else None,
            )
        for j, row in enumerate(leftover):
            unmatched.append(
                f"{key[1]} rad {row.line} i resultattabellerna: «{row.namn}» saknar "
                f"förklaring – {reason(key, row)}"
            )
            add(
                row,
                omrade,
                len(expl) + j + 1,
                forklaring=None,
                kallor=(),
                statistik=_statistics(row, curation.spelling),
            )

    insatser, merges = [], []
    for ident in sorted(members):
        names = [n for n, _ in members[ident]]
        # the spelling the explanations use most often (the first on a tie)
        display = max(names, key=lambda n: (names.count(n), -names.index(n)))
        spellings = {normalise_name(display)}
        alias = []
        for m in (m for _, m in members[ident]):
            for spelling in (m.namn_i_kalla, m.statistik.namn_i_tabell if m.statistik else None):
                if spelling and normalise_name(spelling) not in spellings:
                    spellings.add(normalise_name(spelling))
                    alias.append(spelling)
        ms = tuple(m for _, m in members[ident])
        if len(ms) > 1:
            merges.append(
                f"{display}: {len(ms)} listningar – "
                + ", ".join(f"{m.omrade} {m.kategori}" for m in ms)
            )
        insatser.append(
            Insats(
                id=ident,
                namn=display,
                forkortning=abbreviation(display),
                alias=tuple(alias),
                medlemskap=ms,
            )
        )
    return MergeResult(
        tuple(insatser),
        tuple(_omraden(explanations.headings)),
        tuple(sorted(works.values(), key=lambda w: w.id)),
        tuple(merges),
        tuple(unmatched),
    )
