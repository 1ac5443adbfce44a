"""What an import found, for people: the difference against content/ and the import report.

Both are Swedish text, one line per finding; both read records only (nothing here reads a
document or writes a file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.importers.survey_merge import normalise_name
from generator.model import records

if TYPE_CHECKING:
    from generator.importers.run import Imported


def _rows(content: records.Content) -> dict[tuple[str, str, str], tuple[str, records.Membership]]:
    """Every survey row by (område, category, normalised name) → (insats id, membership)."""
    return {
        (m.omrade, m.kategori, normalise_name(m.namn_i_kalla)): (i.id, m)
        for i in content.insatser
        for m in i.medlemskap
    }


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
                    lines.append(
                        f"Ändrad siffra: {where}: {records.MEASURE_LABELS[measure].lower()} "
                        f"{_figure(a)} → {_figure(b)}"
                    )
        elif old.statistik or m.statistik:  # a whole table row appeared or vanished
            lines.append(
                f"Ny rad i resultattabellerna: {where}"
                if m.statistik
                else f"Försvunnen rad i resultattabellerna: {where} (siffrorna finns kvar i "
                f"content/insatser/{iid}.yml)"
            )
        if old.forklaring != m.forklaring:
            lines.append(f"Ändrad förklaring: {where}")
        if old.kallor != m.kallor:
            lines.append(
                f"Ändrade källor: {where}: {', '.join(old.kallor)} → {', '.join(m.kallor)}"
            )
    for key, (iid, m) in old_rows.items():
        if key not in new_rows:
            lines.append(
                f"Försvunnen rad: {m.namn_i_kalla} – {m.omrade} {m.kategori} "
                f"(finns kvar i content/insatser/{iid}.yml)"
            )
    known_works = {w.id for w in current.works}
    lines += [
        f"Ny källa: {w.text} (content/kallor/{w.id}.yml)"
        for w in draft.works
        if w.id not in known_works
    ]
    old_lists = {(lst.kind, lst.id): lst for lst in current.lists}
    for lst in draft.lists:
        old_list = old_lists.get((lst.kind, lst.id))
        old_items = {i.id: i for g in old_list.grupper for i in g.insatser} if old_list else {}
        new_items = {i.id: i for g in lst.grupper for i in g.insatser}
        for iid, item in new_items.items():
            if iid not in old_items:
                lines.append(f"Ny lokal insats: {lst.kommun}: {item.namn}")
            elif _local_text(item) != _local_text(old_items[iid]):
                lines.append(f"Ändrad lokal insats: {lst.kommun}: {item.namn}")
        lines += [
            f"Försvunnen lokal insats: {lst.kommun}: {i.namn}"
            for iid, i in old_items.items()
            if iid not in new_items
        ]
    return lines


def _local_text(item: records.LocalInsats) -> tuple:
    """The imported fields of a local insats (not the curated mapping)."""
    return (
        item.namn,
        item.innehall,
        item.omfattning,
        item.metod,
        item.malgrupp,
        item.villkor,
        item.dokumentation,
        item.uppfoljning,
        item.noter,
    )


def report(imported: Imported) -> str:
    """sources/import-report.md: counts, every merge, every row that was not joined."""
    c, s = imported.content, imported.survey
    out = [
        "# Importrapport",
        "",
        "Genererad av `python -m generator import --rapport`; redigera inte för hand.",
        "",
        "## Antal",
        "",
        "| dokument / område / kategori | rader |",
        "|---|---:|",
    ]
    out += [f"| {k} | {v} |" for k, v in sorted(imported.counts.items())]
    out += [
        "",
        f"Distinkta nationella insatser: **{len(c.insatser)}**; "
        f"listningar: **{sum(len(i.medlemskap) for i in c.insatser)}**; "
        f"citerade verk: **{len(c.works)}**.",
        "",
        "## Sammanslagningar",
        "",
        "Insatser som listas i flera områden eller kategorier och därför är en post med flera "
        "medlemskap:",
        "",
    ]
    out += [f"- {line}" for line in s.merges]
    out += [
        "",
        "## Rader som inte kunde paras ihop",
        "",
        "Raderna finns ändå i handboken: en rad utan motsvarighet blir ett medlemskap utan "
        "statistik eller utan förklaring. Skälen:",
        "",
    ]
    out += [f"- {line}" for line in s.unmatched] or ["- inga"]
    out += [
        "",
        "## Dubbletter som togs bort",
        "",
        "Rader som dokumentet trycker två gånger (en tabells första rad upprepad efter en "
        "sidbrytning); varje rad finns kvar en gång:",
        "",
    ]
    out += [f"- {line}" for line in imported.dropped] or ["- inga"]
    out += ["", "## Det som tolkarna inte kunde placera", ""]
    out += [f"- {line}" for line in imported.problems] or ["- inget"]
    return "\n".join(out) + "\n"
