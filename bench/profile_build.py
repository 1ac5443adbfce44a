"""Profile one handbook build (cProfile) at N× content, to find where a budget goes.

    .venv/bin/python bench/profile_build.py [FACTOR] [--top N] [--sort cumulative|tottime]

Builds in a temporary copy of the project; prints the top functions and keeps the .prof
file in bench-results/ for snakeviz or pstats.
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.process import run  # noqa: E402
from bench.run import ENV, RESULTS, copy_project  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, nargs="?", default=1)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    prof = RESULTS / f"build-{args.factor}x.prof"
    work = Path(tempfile.mkdtemp(prefix="insatshandboken-profile-"))
    try:
        root = work / "project"
        copy_project(root, args.factor)
        done = run(
            [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "generator", "build"],
            root,
            ENV,
        )
        print(
            f"build at {args.factor}×: {done.seconds:.2f} s (under cProfile), "
            f"peak {done.peak_rss / 1024**2:.0f} MB, exit {done.returncode}"
        )
        if done.returncode != 0:
            print(done.output)
            return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for key in (args.sort, "tottime") if args.sort != "tottime" else ("tottime",):
        out = io.StringIO()
        pstats.Stats(str(prof), stream=out).strip_dirs().sort_stats(key).print_stats(args.top)
        print(out.getvalue())
    print(f"profile: {prof}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
