"""`python -m tests.golden --update`: rewrite the expected golden pages (see __init__)."""

from __future__ import annotations

import argparse
import sys

from tests.golden import EXPECTED, update


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.golden",
        description="Skriv om de förväntade sidorna i tests/golden/expected/ från generatorn.",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        required=True,
        help="skriv om de förväntade filerna (granska sedan git diff)",
    )
    parser.parse_args(argv)
    changed, removed = update()
    for path in changed:
        print(f"skrev {EXPECTED.name}/{path}")
    for path in removed:
        print(f"tog bort {EXPECTED.name}/{path}")
    print(f"{len(changed)} ändrade, {len(removed)} borttagna – granska med: git diff tests/golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
