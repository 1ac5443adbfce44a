"""`python -m generator …`: validate, schema, new, build. Thin: the work is in the modules."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

from generator.model import records
from generator.model.dump import dump_record, record_path
from generator.model.fields import FIELDS
from generator.importers.run import DOCUMENTS
from generator.text import slugify

log = logging.getLogger(__name__)


def _validate(args: argparse.Namespace) -> int:
    from generator.model import load_content

    content, problems = load_content(args.root)
    for problem in problems:
        print(problem)
    if problems:
        files = len({p.file for p in problems})
        print(f"{len(problems)} problem i {files} {'fil' if files == 1 else 'filer'}.")
        return 1
    print(f"Inga problem: {len(content.insatser)} insatser, {len(content.omraden)} områden, "
          f"{len(content.works)} källor, {len(content.lists)} lokala listor.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.model.schema import schema_texts, write_schemas

    schema_dir = args.root / "schema"
    if args.check:
        stale = [n for n, t in schema_texts().items()
                 if not (schema_dir / n).exists() or (schema_dir / n).read_text("utf-8") != t]
        for name in stale:
            print(f"schema/{name}: inaktuell – kör: python -m generator schema")
        return 1 if stale else 0
    changed = write_schemas(schema_dir)
    print(f"{len(changed)} schemafiler skrevs om i {schema_dir}." if changed
          else "Schemafilerna är redan aktuella.")
    return 0


def _comment(cls: type, names: list[str], example: dict[str, str] | None = None) -> str:
    """Commented-out optional keys with their description, for editors to fill in."""
    lines = []
    for name in names:
        doc = FIELDS[f"{cls.__name__}.{name}"]
        lines.append(f"# {name}: {(example or {}).get(name, '')}".rstrip() + f"  # {doc.description}")
    return "\n".join(lines) + "\n"


_MEMBERSHIP_TEMPLATE = """\
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
"""


def _new(args: argparse.Namespace) -> int:
    text = " ".join(args.text.split())
    if not text:
        print("fel: ange ett namn eller en text", file=sys.stderr)
        return 2
    if args.kind == "insats":
        record = records.Insats(slugify(text), text, None, (), ())
        extra = _comment(records.Insats, ["forkortning"]) + "# alias:  # " + FIELDS[
            "Insats.alias"].description + "\n#   - Annat namn\n" + _MEMBERSHIP_TEMPLATE.format(
            doc=FIELDS["Insats.medlemskap"].description, namn=text)
    else:
        utgivare = re.split(r" \(|\. |, ", text, maxsplit=1)[0].strip(" .") or text
        year = re.search(r"\b(?:19|20)\d\d\b", text)
        record = records.Work(slugify(text, max_length=60), text, utgivare,
                            year.group(0) if year else None, None)
        extra = ("# Kontrollera utgivare och år ovan: de är gissade ur texten.\n"
                 + _comment(records.Work, ["titel", "url", "webbplats", "hamtad"],
                            {"url": "https://"}))
    path = args.root / record_path(record)
    if path.exists():
        print(f"fel: {record_path(record)} finns redan – den skrivs inte över; "
              "ändra i filen eller välj ett annat namn", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(dump_record(record) + extra)
    print(f"Skrev {record_path(record)}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import build_site  # heavy (MkDocs); only this command needs it

    result = build_site(args.root, args.site_dir, strict=True)
    print(f"Byggde {result.pages} sidor och {result.files} nedladdningsfiler till "
          f"{args.site_dir}/ på {result.seconds:.1f} s.")
    return 0


def _import(args: argparse.Namespace) -> int:
    """Import, stage drafts, print the difference against content/; never overwrites it."""
    from generator.importers.run import difference, import_documents, report, stage
    from generator.site.publish import check_drafts_dir, replace_drafts
    from generator.model import load_content

    documents = {}
    for spec in args.dokument:
        kind, _, path = spec.partition("=")
        if kind not in DOCUMENTS or not path:
            print(f"fel: okänt dokument {spec!r} – ange SLAG=FIL där SLAG är ett av: "
                  f"{', '.join(DOCUMENTS)}", file=sys.stderr)
            return 2
        documents[kind] = Path(path)
    root = args.root
    staging = check_drafts_dir(root, args.utkast)  # before anything is read or written
    imported = import_documents(root, documents)
    replace_drafts(staging, lambda folder: stage(imported, folder))
    current, _ = load_content(root)
    lines = difference(imported.content, current)
    print(f"Utkast skrivna till {args.utkast}/ ({len(imported.files())} filer). "
          f"Skillnader mot content/: {len(lines)}")
    for line in lines:
        print(f"  {line}")
    if args.rapport:
        (root / "sources/import-report.md").write_text(report(imported), encoding="utf-8")
        print("Skrev sources/import-report.md")
    if args.skapa_nya:
        created = 0
        for rel, text in imported.files().items():
            target = root / rel
            if not target.exists():  # curated files are never overwritten
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                created += 1
        print(f"Skapade {created} nya filer i content/ (befintliga filer orörda)")
    return 0


def _parser() -> argparse.ArgumentParser:
    def command(name: str, help_: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, epilog=f"exempel:\n  {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--root", type=Path, default=Path("."),
                       help="projektets rotmapp (den som innehåller content/), standard: .")
        return p

    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Insatshandbokens generator.",
                                     epilog="exempel:\n  python -m generator validate",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true", help="visa hela felspårningen vid fel")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    command("validate", "Kontrollera content/ och lista varje problem med fil:rad:kolumn.",
            "python -m generator validate").set_defaults(run=_validate)
    p = command("schema", "Skriv om schema/*.schema.json från innehållsmodellen.",
                "python -m generator schema --check")
    p.add_argument("--check", action="store_true", help="skriv inget; avsluta med 1 om inaktuella")
    p.set_defaults(run=_schema)
    p = command("new", "Skapa en ny post med rätt filnamn och schemarad (skriver aldrig över).",
                'python -m generator new insats "Kontaktperson"\n'
                '  python -m generator new kalla "Socialstyrelsen (2008). Kontaktperson."')
    p.add_argument("kind", choices=["insats", "kalla"], help="posttyp")
    p.add_argument("text", help="insatsens namn, eller källans hänvisning som tryckt")
    p.set_defaults(run=_new)
    p = command("import", "Läs källdokumenten (text eller PDF) och skriv utkast till staging/; "
                "visar skillnaden mot content/ och skriver aldrig över den.",
                "python -m generator import --dokument tabeller=ny-omgang.pdf\n"
                "  python -m generator import --rapport")
    p.add_argument("--dokument", action="append", default=[], metavar="SLAG=FIL",
                   help="läs ett annat dokument (text eller PDF) för ett slag: "
                        + ", ".join(DOCUMENTS))
    p.add_argument("--utkast", default="staging", metavar="MAPP",
                   help="mapp för utkasten (standard: staging/)")
    p.add_argument("--rapport", action="store_true", help="skriv om sources/import-report.md")
    p.add_argument("--skapa-nya", action="store_true",
                   help="kopiera utkast som ännu inte finns i content/ dit (skriver aldrig över)")
    p.set_defaults(run=_import)
    p = command("build", "Bygg hela webbplatsen (strikt: varje problem stoppar bygget).",
                "python -m generator build --site-dir site")
    p.add_argument("--site-dir", type=Path, default=Path("site"), help="standard: site")
    p.set_defaults(run=_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 problems, 2 usage)."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(message)s")  # problem lines stay clickable
    if not args.root.is_dir():
        print(f"fel: mappen {args.root} finns inte", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # editors get one line, not a traceback (--debug shows it)
        if args.debug:
            raise
        print(f"fel: {err}", file=sys.stderr)
        return 1
