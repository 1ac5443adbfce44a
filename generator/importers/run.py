"""An import, start to end: documents → records → draft files, difference, report.

`import_documents` reads every document kind (tables first: their row names split the
explanations) and merges the survey; `run_import` is the `import` command: it stages
the drafts, compares them with content/ and, only when asked, writes the report and the
drafts that content/ does not have yet. An import never overwrites a curated file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.importers import (
    DOCUMENTS,
    ages,
    curated,
    local_lists,
    survey_explanations,
    survey_tables,
)
from generator.importers.documents import ImportProblem
from generator.importers.report import difference, report
from generator.importers.survey_merge import Curation, MergeResult, merge
from generator.model import load_content, records
from generator.model.dump import dump_content
from generator.site.publish import check_drafts_dir, replace_drafts

REPORT = "sources/import-report.md"

# Document kind → the committed source it is imported from (override with another file,
# text or PDF, e.g. a new survey round).

# The survey's two appendices as works; the documents name no publisher, so none is invented.
SURVEY_WORKS = (
    records.Work(
        id="kartlaggning-forklaringar",
        utgivare="Kartläggning av insatser i socialtjänst",
        text="Kartläggning av insatser i socialtjänst – bilaga: förklaringar till insatserna",
        ar=None,
        titel="Bilaga: förklaringar till insatserna",
        fil="sources/kartlaggning-forklaringar.txt",
    ),
    records.Work(
        id="kartlaggning-resultattabeller",
        utgivare="Kartläggning av insatser i socialtjänst",
        text="Kartläggning av insatser i socialtjänst – bilaga: resultattabeller",
        ar=None,
        titel="Bilaga: resultattabeller",
        fil="sources/kartlaggning-resultattabeller.txt",
    ),
)


@dataclass(frozen=True)
class Imported:
    content: records.Content  # records as the documents give them (iub explainer: None)
    survey: MergeResult
    counts: dict[str, int]  # "document / område / category" → rows, for the report
    problems: tuple[ImportProblem, ...]  # what the parsers could not place
    dropped: tuple[str, ...] = ()  # repeats the parsers recognised and left out

    def files(self) -> dict[str, str]:
        """Repository-relative path → YAML text of every imported record."""
        return dump_content(self.content)


def import_documents(root: Path, documents: dict[str, Path] | None = None) -> Imported:
    """Read every document (the committed sources unless `documents` overrides a kind)."""
    paths = {kind: root / rel for kind, rel in DOCUMENTS.items()} | (documents or {})
    tables = survey_tables.read(paths["tabeller"])
    # the tables read here, not the committed ones: a new round splits with its own names
    names = survey_explanations.names_from_tables(tables)
    explanations = survey_explanations.read(paths["forklaringar"], names)
    survey = merge(explanations, tables, Curation.load())
    local_problems: list[ImportProblem] = []
    lists, local_works = local_lists.import_lists(
        {k: paths[k] for k in ("oppna-insatser", "iub-riktlinjer", "skolgang")}, local_problems
    )
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
    age_table = ages.AgeTable.load()  # curated, like the national mapping: kept on re-import
    content = records.Content(
        insatser=ages.apply_national(survey.insatser, age_table),
        omraden=survey.omraden,
        works=tuple(sorted(works.values(), key=lambda w: w.id)),
        lists=tuple(ages.apply_local(lst, age_table) for lst in lists),
        iub=None,
    )
    content = curated.keep_curated(content, curated.committed_content(root))
    dropped = (
        *(f"förklaringar: {d}" for d in explanations.dropped),
        *(f"tabeller: {d}" for d in tables.dropped),
    )
    return Imported(
        content,
        survey,
        dict(counts),
        (*explanations.problems, *tables.problems, *local_problems),
        dropped,
    )


def stage(files: dict[str, str], staging: Path) -> list[Path]:
    """Write the drafts under `staging` (mirroring content/'s layout); never into content/.
    The folder is one that run_import checked and emptied (site.publish.replace_drafts)."""
    written = []
    for rel, text in sorted(files.items()):
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


@dataclass(frozen=True)
class ImportRun:
    """What `run_import` did, for the command to tell."""

    staged: int  # draft files written to the staging folder
    differences: tuple[str, ...]  # the drafts against content/, one Swedish line each
    problems: tuple[ImportProblem, ...]  # what the parsers could not place
    report: Path | None  # the import report, when it was written
    created: tuple[str, ...]  # drafts copied into content/ (files that were not there)


def run_import(
    root: Path,
    documents: dict[str, Path],
    staging: Path | str,
    write_report: bool = False,
    create_new: bool = False,
) -> ImportRun:
    """The `import` command: import, stage the drafts, compare them with content/.

    With `write_report` the import report (REPORT) is rewritten; with `create_new` the
    drafts that content/ does not have yet are copied there – an existing file is never
    overwritten. Raises DocumentError when a document is refused, OutputDirRefused (before anything
    is read) when the staging folder is not the import's to empty.
    """
    drafts = check_drafts_dir(root, staging)  # refused before anything is read or written
    imported = import_documents(root, documents)
    files = imported.files()
    replace_drafts(drafts, lambda folder: stage(files, folder))
    current, _ = load_content(root)
    lines = difference(imported.content, current)
    report_path = None
    if write_report:
        report_path = root / REPORT
        report_path.write_text(report(imported), encoding="utf-8")
    created = []
    if create_new:
        for rel, text in sorted(files.items()):
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with target.open("x", encoding="utf-8") as out:  # "x": never overwrite
                    out.write(text)
            except FileExistsError:
                continue
            created.append(rel)
    return ImportRun(len(files), tuple(lines), imported.problems, report_path, tuple(created))
