"""`python -m generator …`: validate, schema, new, import, build.

Thin: each command parses its arguments, calls one library function and prints what it
returned; the work is in the modules.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.importers import DOCUMENTS

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
    print(
        f"Inga problem: {len(content.insatser)} insatser, {len(content.omraden)} områden, "
        f"{len(content.works)} källor, {len(content.lists)} lokala listor, "
        f"{len(content.situationer)} livssituationer."
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.model.schema import stale_schemas, write_schemas

    schema_dir = args.root / "schema"
    if args.check:
        stale = stale_schemas(schema_dir)
        for name in stale:
            print(f"schema/{name}: inaktuell – kör: python -m generator schema")
        return 1 if stale else 0
    changed = write_schemas(schema_dir)
    print(
        f"{len(changed)} schemafiler skrevs om i {schema_dir}."
        if changed
        else "Schemafilerna är redan aktuella."
    )
    return 0


def _new(args: argparse.Namespace) -> int:
    from generator.model.scaffold import scaffold

    try:
        rel = scaffold(args.root, args.kind, args.text)
    except ValueError as err:
        print(f"fel: {err}", file=sys.stderr)
        return 2
    except FileExistsError as err:
        print(f"fel: {err}", file=sys.stderr)
        return 1
    print(f"Skrev {rel}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from generator.build import DOCS_DIR, generate  # no MkDocs: any builder can take over

    done = generate(args.root)
    print(
        f"Skrev {done.pages} sidor och {done.files} nedladdningsfiler till {DOCS_DIR}/ "
        f"({done.written.written} ändrade, {done.written.removed} borttagna). Bygg med "
        "valfritt verktyg som läser mkdocs.yml, t.ex. `zensical build`."
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.build import build_site  # heavy (MkDocs); only this command needs it

    result = build_site(args.root, args.site_dir, strict=True)
    print(
        f"Byggde {result.pages} sidor och {result.files} nedladdningsfiler till "
        f"{args.site_dir}/ på {result.seconds:.1f} s."
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    """Import, stage drafts, print the difference against content/; never overwrites it."""
    from generator.importers.documents import DocumentError
    from generator.importers.run import run_import

    documents = {}
    for spec in args.dokument:
        kind, _, path = spec.partition("=")
        if kind not in DOCUMENTS or not path:
            print(
                f"fel: okänt dokument {spec!r} – ange SLAG=FIL där SLAG är ett av: "
                f"{', '.join(DOCUMENTS)}",
                file=sys.stderr,
            )
            return 2
        documents[kind] = Path(path)
    try:
        done = run_import(
            args.root, documents, args.utkast, write_report=args.rapport, create_new=args.skapa_nya
        )
    except DocumentError as err:
        print(f"fel: {err}", file=sys.stderr)
        return 1
    print(
        f"Utkast skrivna till {args.utkast}/ ({done.staged} filer). "
        f"Skillnader mot content/: {len(done.differences)}"
    )
    for line in done.differences:
        print(f"  {line}")
    if done.problems:
        print(f"Det som tolkarna inte kunde placera: {len(done.problems)} (se importrapporten)")
    if done.report is not None:
        print(f"Skrev {done.report.relative_to(args.root)}")
    if args.skapa_nya:
        print(f"Skapade {len(done.created)} nya filer i content/ (befintliga filer orörda)")
    return 0


def _parser(prog: str = "python -m generator") -> argparse.ArgumentParser:
    def command(name: str, help_: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_,
            description=help_,
            epilog=f"exempel:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument(
            "--root",
            type=Path,
            default=Path("."),
            help="projektets rotmapp (den som innehåller content/), standard: .",
        )
        return p

    parser = argparse.ArgumentParser(
        prog=prog,
        description="Insatshandbokens generator.",
        epilog="exempel:\n  python -m generator validate",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="visa hela felspårningen vid fel")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    command(
        "validate",
        "Kontrollera content/ och lista varje problem med fil:rad:kolumn.",
        "python -m generator validate",
    ).set_defaults(run=_validate)
    p = command(
        "schema",
        "Skriv om schema/*.schema.json från innehållsmodellen.",
        "python -m generator schema --check",
    )
    p.add_argument("--check", action="store_true", help="skriv inget; avsluta med 1 om inaktuella")
    p.set_defaults(run=_schema)
    p = command(
        "new",
        "Skapa en ny post med rätt filnamn och schemarad (skriver aldrig över).",
        'python -m generator new insats "Kontaktperson"\n'
        '  python -m generator new kalla "Socialstyrelsen (2008). Kontaktperson."',
    )
    p.add_argument("kind", choices=["insats", "kalla"], help="posttyp")
    p.add_argument("text", help="insatsens namn, eller källans hänvisning som tryckt")
    p.set_defaults(run=_new)
    p = command(
        "import",
        "Läs källdokumenten (text eller PDF) och skriv utkast till staging/; "
        "visar skillnaden mot content/ och skriver aldrig över den.",
        "python -m generator import --dokument tabeller=ny-omgang.pdf\n"
        "  python -m generator import --rapport",
    )
    p.add_argument(
        "--dokument",
        action="append",
        default=[],
        metavar="SLAG=FIL",
        help="läs ett annat dokument (text eller PDF) för ett slag: " + ", ".join(DOCUMENTS),
    )
    p.add_argument(
        "--utkast", default="staging", metavar="MAPP", help="mapp för utkasten (standard: staging/)"
    )
    p.add_argument("--rapport", action="store_true", help="skriv om sources/import-report.md")
    p.add_argument(
        "--skapa-nya",
        action="store_true",
        help="kopiera utkast som ännu inte finns i content/ dit (skriver aldrig över)",
    )
    p.set_defaults(run=_import)
    command(
        "generate",
        "Skriv bara de genererade sidorna till build/docs/ (utan MkDocs), "
        "för ett annat byggverktyg som läser mkdocs.yml.",
        "python -m generator generate && zensical build",
    ).set_defaults(run=_generate)
    p = command(
        "build",
        "Bygg hela webbplatsen (strikt: varje problem stoppar bygget).",
        "python -m generator build --site-dir site",
    )
    p.add_argument("--site-dir", type=Path, default=Path("site"), help="standard: site")
    p.set_defaults(run=_build)
    return parser


def main(argv: list[str] | None = None, prog: str = "python -m generator") -> int:
    """Run one command; returns the exit code (0 ok, 1 problems, 2 usage)."""
    args = _parser(prog).parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(message)s"
    )  # problem lines stay clickable
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


def console() -> int:
    """The `insatshandboken` command (pyproject [project.scripts]): the same commands."""
    return main(prog="insatshandboken")
