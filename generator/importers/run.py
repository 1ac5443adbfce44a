"""Run the importers over the source documents: records → draft files, report, difference.

An import never writes into content/ (curated by editors): it returns file texts, which
`stage` writes to a staging folder and `difference` compares with what content/ holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.model import records
from generator.model.dump import dump_record, record_path
from generator.importers import survey_explanations, survey_tables
from generator.importers.survey_merge import Curation, MergeResult, merge, normalise_name

# Document kind → the committed source it is imported from (override with another file,
# text or PDF, e.g. a new survey round).
DOCUMENTS: dict[str, str] = {
    "forklaringar": "sources/kartlaggning-forklaringar.txt",
    "tabeller": "sources/kartlaggning-resultattabeller.txt",
    "oppna-insatser": "sources/stockholm-oppna-insatser-iub.txt",
    "iub-riktlinjer": "sources/alingsas-riktlinjer-iub.txt",
    "skolgang": "sources/stockholm-skolgang.txt",
}

# The survey's two appendices as works; the documents name no publisher, so none is invented.
SURVEY_WORKS = (
    records.Work(id="kartlaggning-forklaringar", utgivare="Kartläggning av insatser i socialtjänst",
               text="Kartläggning av insatser i socialtjänst – bilaga: förklaringar till insatserna",
               ar=None, titel="Bilaga: förklaringar till insatserna",
               fil="sources/kartlaggning-forklaringar.txt"),
    records.Work(id="kartlaggning-resultattabeller", utgivare="Kartläggning av insatser i socialtjänst",
               text="Kartläggning av insatser i socialtjänst – bilaga: resultattabeller",
               ar=None, titel="Bilaga: resultattabeller", fil="sources/kartlaggning-resultattabeller.txt"),
)


@dataclass(frozen=True)
class Imported:
    content: records.Content  # records as the documents give them (iub explainer: None)
    survey: MergeResult
    counts: dict[str, int]  # "document / område / category" → rows, for the report
    problems: tuple[str, ...]  # what the parsers could not place
    dropped: tuple[str, ...] = ()  # repeats the parsers recognised and left out

    def files(self) -> dict[str, str]:
        """Repository-relative path → YAML text of every imported record."""
        c = self.content
        return {record_path(r): dump_record(r) for r in (*c.insatser, *c.omraden, *c.works, *c.lists)}


def import_documents(root: Path, documents: dict[str, Path] | None = None) -> Imported:
    """Read every document (the committed sources unless `documents` overrides a kind)."""
    from generator.importers import local_lists

    paths = {kind: root / rel for kind, rel in DOCUMENTS.items()} | (documents or {})
    explanations = survey_explanations.read(paths["forklaringar"])
    tables = survey_tables.read(paths["tabeller"])
    survey = merge(explanations, tables, Curation.load())
    lists, local_works = local_lists.import_lists(
        {k: paths[k] for k in ("oppna-insatser", "iub-riktlinjer", "skolgang")})
    works = {w.id: w for w in (*SURVEY_WORKS, *survey.works, *local_works)}
    counts: Counter[str] = Counter()
    for name, doc in (("förklaringar", explanations), ("tabeller", tables)):
        for row in doc.rows:
            counts[f"{name} / {row.omrade}"] += 1
            counts[f"{name} / {row.omrade} / {row.kategori}"] += 1
        counts[f"{name}"] = len(doc.rows)
    for lst in lists:
        counts[f"{lst.kind}/{lst.id}"] = sum(len(g.insatser) for g in lst.grupper)
        for g in lst.grupper:
            counts[f"{lst.kind}/{lst.id} / {g.namn}"] = len(g.insatser)
    content = records.Content(insatser=survey.insatser, omraden=survey.omraden,
                            works=tuple(sorted(works.values(), key=lambda w: w.id)),
                            lists=tuple(lists), iub=None)
    problems = (*(f"förklaringar: {p}" for p in explanations.problems),
                *(f"tabeller: {p}" for p in tables.problems))
    dropped = (*(f"förklaringar: {d}" for d in explanations.dropped),
               *(f"tabeller: {d}" for d in tables.dropped))
    return Imported(content, survey, dict(counts), problems, dropped)


def stage(imported: Imported, staging: Path) -> list[Path]:
    """Write the drafts under `staging` (mirroring content/'s layout); never into content/."""
    written = []
    for rel, text in sorted(imported.files().items()):
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _rows(content: records.Content) -> dict[tuple[str, str, str], tuple[str, records.Membership]]:
    """Every survey row by (område, category, normalised name) → (insats id, membership)."""
    return {(m.omrade, m.kategori, normalise_name(m.namn_i_kalla)): (i.id, m)
            for i in content.insatser for m in i.medlemskap}


def _figure(f: records.Figure | None) -> str:
    return "ej efterfrågat" if f is None else str(f)


def difference(draft: records.Content, current: records.Content) -> list[str]:
    """Readable Swedish lines: new insatser and rows, changed figures, vanished rows."""
    lines: list[str] = []
    have = {i.id for i in current.insatser}
    for ins in draft.insatser:
        if ins.id not in have:
            lines.append(f"Ny insats: {ins.namn} (content/insatser/{ins.id}.yml)")
    new_rows, old_rows = _rows(draft), _rows(current)
    for key, (iid, m) in new_rows.items():
        where = f"{m.namn_i_kalla} – {m.omrade} {m.kategori}"
        if key not in old_rows:
            if iid in have:
                lines.append(f"Ny rad: {where} (insats {iid})")
            continue
        old = old_rows[key][1]
        if old.statistik and m.statistik:
            for measure in records.MEASURES:
                a, b = getattr(old.statistik, measure), getattr(m.statistik, measure)
                if a != b:
                    lines.append(f"Ändrad siffra: {where}: {records.MEASURE_LABELS[measure].lower()} "
                                 f"{_figure(a)} → {_figure(b)}")
        elif old.statistik or m.statistik:  # a whole table row appeared or vanished
            lines.append(f"Ny rad i resultattabellerna: {where}" if m.statistik else
                         f"Försvunnen rad i resultattabellerna: {where} (siffrorna finns kvar i "
                         f"content/insatser/{iid}.yml)")
        if old.forklaring != m.forklaring:
            lines.append(f"Ändrad förklaring: {where}")
        if old.kallor != m.kallor:
            lines.append(f"Ändrade källor: {where}: {', '.join(old.kallor)} → {', '.join(m.kallor)}")
    for key, (iid, m) in old_rows.items():
        if key not in new_rows:
            lines.append(f"Försvunnen rad: {m.namn_i_kalla} – {m.omrade} {m.kategori} "
                         f"(finns kvar i content/insatser/{iid}.yml)")
    known_works = {w.id for w in current.works}
    lines += [f"Ny källa: {w.text} (content/kallor/{w.id}.yml)" for w in draft.works if w.id not in known_works]
    old_lists = {(lst.kind, lst.id): lst for lst in current.lists}
    for lst in draft.lists:
        old = old_lists.get((lst.kind, lst.id))
        old_items = {i.id: i for g in old.grupper for i in g.insatser} if old else {}
        new_items = {i.id: i for g in lst.grupper for i in g.insatser}
        for iid, item in new_items.items():
            if iid not in old_items:
                lines.append(f"Ny lokal insats: {lst.kommun}: {item.namn}")
            elif _local_text(item) != _local_text(old_items[iid]):
                lines.append(f"Ändrad lokal insats: {lst.kommun}: {item.namn}")
        lines += [f"Försvunnen lokal insats: {lst.kommun}: {i.namn}"
                  for iid, i in old_items.items() if iid not in new_items]
    return lines


def _local_text(item: records.LocalInsats) -> tuple:
    """The imported fields of a local insats (not the curated mapping)."""
    return (item.namn, item.innehall, item.omfattning, item.metod, item.malgrupp, item.villkor,
            item.dokumentation, item.uppfoljning, item.noter)


def report(imported: Imported) -> str:
    """sources/import-report.md: counts, every merge, every row that was not joined."""
    c, s = imported.content, imported.survey
    out = ["# Importrapport", "",
           "Genererad av `python -m generator import --rapport`; redigera inte för hand.", "",
           "## Antal", "", "| dokument / område / kategori | rader |", "|---|---:|"]
    out += [f"| {k} | {v} |" for k, v in sorted(imported.counts.items())]
    out += ["", f"Distinkta nationella insatser: **{len(c.insatser)}**; "
                f"listningar: **{sum(len(i.medlemskap) for i in c.insatser)}**; "
                f"citerade verk: **{len(c.works)}**.", "",
            "## Sammanslagningar", "",
            "Insatser som listas i flera områden eller kategorier och därför är en post med flera "
            "medlemskap:", ""]
    out += [f"- {line}" for line in s.merges]
    out += ["", "## Rader som inte kunde paras ihop", "",
            "Raderna finns ändå i handboken: en rad utan motsvarighet blir ett medlemskap utan "
            "statistik eller utan förklaring. Skälen:", ""]
    out += [f"- {line}" for line in s.unmatched] or ["- inga"]
    out += ["", "## Dubbletter som togs bort", "",
            "Rader som dokumentet trycker två gånger (en tabells första rad upprepad efter en "
            "sidbrytning); varje rad finns kvar en gång:", ""]
    out += [f"- {line}" for line in imported.dropped] or ["- inga"]
    out += ["", "## Det som tolkarna inte kunde placera", ""]
    out += [f"- {line}" for line in imported.problems] or ["- inget"]
    return "\n".join(out) + "\n"

