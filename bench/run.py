"""`make bench`: time and weigh the handbook build, next to a bare Material site and Zensical.

Prints one table and writes the same figures to bench-results/ as JSON. Everything is built
in copies under a temporary directory; content/ is never touched. Timings are wall-clock
on a shared machine: read them as medians with their spread, not as exact figures.

    .venv/bin/python bench/run.py [--quick] [--reps N] [--keep]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the bench package importable
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the tests' link checker (site_links), shared

from site_links import broken_links, parse_site  # noqa: E402

from bench import editloop, lighthouse, weight  # noqa: E402
from bench.process import Run, run  # noqa: E402
from bench.reference import (  # noqa: E402
    read_mkdocs_config,
    write_fair_reference_site,
    write_reference_site,
)
from bench.synthetic import scale_content  # noqa: E402

log = logging.getLogger("bench")

RESULTS = ROOT / "bench-results"
# Zensical as locked in requirements.txt (test extra), beside this interpreter.
ZENSICAL = Path(sys.executable).with_name("zensical")
# What a copy of the project leaves out: outputs, environments, history, tests.
NOT_COPIED = {
    ".git",
    ".venv",
    "site",
    "build",
    ".cache",
    "bench-results",
    "tests",
    "staging",
    "docs",
    ".pytest_cache",
    ".ruff_cache",
    "__pycache__",
    "insatshandboken.egg-info",
    ".github",
    ".ci",
}
ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
BUDGETS = {
    "a_over_b_fair": 1.0,  # CPU time: the handbook costs no more than equal work in MkDocs
    "generator_share": 0.05,
    "growth_10x": 11.0,
    "peak_rss_bytes": 1024**3,
    "median_insats_page_bytes": 40 * 1024,
    "search_index_gzip_bytes": 200 * 1024,
    "first_visit_gzip_bytes": 300 * 1024,
    "lighthouse_min_score": 95,
    "edit_loop_seconds": 2.0,
}

# Runs inside a copy of the project: times the generator's stages in-process, one JSON line.
PHASES_SCRIPT = r"""
import json, shutil, time
from pathlib import Path
t0 = time.perf_counter()
from generator import build as gb
from generator.site.crossrefs import link
from generator.model import load_content
from generator.site.render import render_site
from generator.site.write import write_tree
t1 = time.perf_counter()
root = Path.cwd()
shutil.rmtree(root / gb.DOCS_DIR, ignore_errors=True)  # a cold write, as after `make clean`
t = time.perf_counter(); content, problems = load_content(root); t2 = time.perf_counter()
index = link(content); t3 = time.perf_counter()
files = render_site(index, gb.read_schemas(root)); t4 = time.perf_counter()
write_tree(files, root / gb.DOCS_DIR); t5 = time.perf_counter()
phases = {"import": t1 - t0, "load+validate": t2 - t, "link": t3 - t2, "render": t4 - t3,
          "write": t5 - t4}
print(json.dumps({"phases": phases, "insatser": len(content.insatser), "problems": len(problems)}))
"""


# ---------------------------------------------------------------- helpers


def mib(n: float) -> str:
    return f"{n / 1024**2:.1f} MB"


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def spread(values: list[float]) -> dict[str, Any]:
    return (
        {
            "median": statistics.median(values),
            "min": min(values),
            "max": max(values),
            "values": values,
        }
        if values
        else {}
    )


def fmt_spread(s: dict[str, Any]) -> str:
    if not s:
        return "–"
    return f"{s['median']:6.2f} s  ({s['min']:.2f}–{s['max']:.2f})"


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "n/a"}[ok]


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def copy_project(dst: Path, factor: int) -> int:
    """A copy of the project with content scaled `factor`-fold; returns its insatser count."""
    dst.mkdir(parents=True)
    count = 0
    for entry in sorted(ROOT.iterdir()):
        if entry.name in NOT_COPIED:
            continue
        if entry.name == "content":
            count = scale_content(entry, dst / "content", factor)
        elif entry.is_dir():
            shutil.copytree(
                entry, dst / entry.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(entry, dst / entry.name)
    return count


def clean_outputs(root: Path) -> None:
    for name in ("site", "build", ".cache"):
        shutil.rmtree(root / name, ignore_errors=True)


def handbook_build(root: Path) -> Run:
    """What `make site` does, in a copy of the project."""
    clean_outputs(root)
    return run([sys.executable, "-m", "generator", "build"], root, ENV)


def check(result: Run, what: str) -> None:
    if result.returncode != 0:
        raise SystemExit(f"{what} failed ({result.returncode}):\n{result.output}")


def markdown_sizes(docs: Path) -> list[int]:
    return sorted(p.stat().st_size for p in docs.rglob("*.md"))


def ensure_zensical() -> tuple[Path | None, str]:
    """The locked Zensical: (binary, "") or (None, why)."""
    if ZENSICAL.is_file():
        return ZENSICAL, ""
    return None, f"{ZENSICAL} is missing – `make .venv/.installed` installs the test extra"


def link_check(site: Path, empty_ok: bool = False) -> dict[str, Any]:
    """Links, pages and broken links of a built site (tests/site_links.py decides)."""
    if not (site / "index.html").is_file():
        return {"links": 0, "pages": 0, "broken": None, "examples": []}
    parsed = parse_site(site)
    broken = broken_links(parsed, empty_ok=empty_ok)
    return {
        "links": len(parsed.links),
        "pages": len(parsed.ids),
        "broken": len(broken),
        "examples": sorted(set(broken))[:10],
    }


def zensical_version(binary: Path) -> str:
    done = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip()


# ---------------------------------------------------------------- the measurements


def side_by_side(work: Path, reps: int, results: dict[str, Any]) -> Path:
    """(a) handbook, (b) bare Material reference, (c) Zensical on the generated Markdown.

    Repetitions are interleaved (a, b, c, a, b, c, …) so load from other processes on the
    machine spreads over all three alike. Returns the 1× project copy (built).
    """
    handbook = work / "x1"
    insatser = copy_project(handbook, 1)
    first = handbook_build(handbook)
    check(first, "the handbook build (a)")
    docs = handbook / "build" / "docs"
    sizes = markdown_sizes(docs)
    config = read_mkdocs_config(handbook / "mkdocs.yml")
    ref_root = write_reference_site(
        config,
        work / "reference",
        pages=len(sizes),
        page_bytes=int(statistics.median(sizes)),
    )
    fair_root = write_fair_reference_site(config, work / "fair", docs)
    zensical, zensical_error = ensure_zensical()
    zroot = work / "zensical"
    if zensical:
        shutil.copytree(handbook, zroot, ignore=shutil.ignore_patterns("site"))
    times: dict[str, list[float]] = {"a": [], "b": [], "f": [], "c": []}
    cpu: dict[str, list[float]] = {"a": [], "b": [], "f": []}
    rss: dict[str, list[int]] = {"a": [], "b": [], "f": [], "c": []}
    zensical_output = ""
    for rep in range(reps):
        log.info("side by side: repetition %d of %d", rep + 1, reps)
        a = first if rep == 0 else handbook_build(handbook)
        check(a, "the handbook build (a)")
        times["a"].append(a.seconds)
        cpu["a"].append(a.cpu_seconds)
        rss["a"].append(a.peak_rss)
        for key, root in (("b", ref_root), ("f", fair_root)):
            shutil.rmtree(root / "site", ignore_errors=True)
            b = run([sys.executable, "-m", "mkdocs", "build", "--quiet"], root, ENV)
            check(b, f"the reference build ({key})")
            times[key].append(b.seconds)
            cpu[key].append(b.cpu_seconds)
            rss[key].append(b.peak_rss)
        if zensical:
            shutil.rmtree(zroot / "site", ignore_errors=True)
            c = run([str(zensical), "build", "--clean", "-f", "mkdocs.yml"], zroot)
            zensical_output = c.output
            if c.returncode != 0:
                zensical_error = f"zensical build failed ({c.returncode}): {c.output[-1500:]}"
                zensical = None
            else:
                times["c"].append(c.seconds)
                rss["c"].append(c.peak_rss)
    a_med, b_med = statistics.median(times["a"]), statistics.median(times["b"])
    cpu_med = {k: statistics.median(v) for k, v in cpu.items()}
    results["side_by_side"] = {
        "repetitions": reps,
        "insatser": insatser,
        "markdown_pages": len(sizes),
        "median_markdown_bytes": int(statistics.median(sizes)),
        "a_handbook": {**spread(times["a"]), "peak_rss": max(rss["a"]), "cpu": spread(cpu["a"])},
        "b_fair": {
            **spread(times["f"]),
            "peak_rss": max(rss["f"]),
            "cpu": spread(cpu["f"]),
            "html_pages": len(list((fair_root / "site").rglob("*.html"))),
        },
        "b_reference": {
            **spread(times["b"]),
            "peak_rss": max(rss["b"]),
            "html_pages": len(list((ref_root / "site").rglob("*.html"))),
            "weight": weight.measure(ref_root / "site").as_dict(),
            "cpu": spread(cpu["b"]),
        },
        "a_links": link_check(handbook / "site"),
        # Zensical's theme links the page itself as href="" (the header logo on the home page)
        "c_links": link_check(zroot / "site", empty_ok=True) if times["c"] else {},
        "c_zensical": {
            **spread(times["c"]),
            "peak_rss": max(rss["c"], default=0),
            "version": zensical_version(ZENSICAL) if not zensical_error else "",
            "html_pages": len(list((zroot / "site").rglob("*.html"))) if times["c"] else 0,
            "error": zensical_error,
            "output_tail": zensical_output[-600:],
        },
        "a_over_b": a_med / b_med,
        "a_over_b_fair": a_med / statistics.median(times["f"]),
        "cpu_a_over_b": cpu_med["a"] / cpu_med["b"],
        "cpu_a_over_b_fair": cpu_med["a"] / cpu_med["f"],
        # The first build of the copy compiles every template (later ones read them from
        # .cache/jinja, as a second `make site` does); the references compile on every build.
        "a_first_build": {"seconds": first.seconds, "cpu": first.cpu_seconds},
        "cpu_a_first_over_b_fair": first.cpu_seconds / cpu_med["f"],
    }
    return handbook


def generator_share(handbook: Path, results: dict[str, Any], reps: int) -> None:
    """The generator's own stages, timed in-process in a fresh interpreter per repetition."""
    totals: list[float] = []
    phases: list[dict[str, float]] = []
    for _ in range(reps):
        done = subprocess.run(
            [sys.executable, "-c", PHASES_SCRIPT],
            cwd=handbook,
            capture_output=True,
            text=True,
            env={**os.environ, **ENV},
        )
        if done.returncode != 0:
            results["generator"] = {"error": done.stderr[-1500:]}
            return
        data = json.loads(done.stdout.strip().splitlines()[-1])
        stages = {k: v for k, v in data["phases"].items() if k != "import"}
        phases.append(data["phases"])
        totals.append(sum(stages.values()))
    a_med = results["side_by_side"]["a_handbook"]["median"]
    results["generator"] = {
        "seconds": spread(totals),
        "phases_median": {k: statistics.median(p[k] for p in phases) for k in phases[0]},
        "share_of_a": statistics.median(totals) / a_med,
    }


def growth(work: Path, factors: list[int], handbook: Path, results: dict[str, Any]) -> None:
    """The same build at N× the insatser; 1× reuses the side-by-side copy and timings."""
    rows = []
    a = results["side_by_side"]["a_handbook"]
    for factor in factors:
        if factor == 1:
            root, seconds, peak = handbook, a["median"], a["peak_rss"]
            count = results["side_by_side"]["insatser"]
        else:
            log.info("growth: %d×", factor)
            root = work / f"x{factor}"
            count = copy_project(root, factor)
            built = handbook_build(root)
            check(built, f"the handbook build at {factor}×")
            seconds, peak = built.seconds, built.peak_rss
        site = root / "site"
        row = {
            "factor": factor,
            "insatser": count,
            "seconds": seconds,
            "peak_rss": peak,
            "html_pages": len(list(site.rglob("*.html"))),
            "site_bytes": dir_bytes(site),
            "search_index_bytes": (site / weight.SEARCH_INDEX).stat().st_size
            if (site / weight.SEARCH_INDEX).is_file()
            else 0,
        }
        if rows:
            prev = rows[-1]
            row["time_ratio"] = seconds / prev["seconds"]
            row["rss_ratio"] = peak / prev["peak_rss"]
            row["size_ratio"] = row["site_bytes"] / prev["site_bytes"]
        rows.append(row)
        if root != handbook:
            shutil.rmtree(root, ignore_errors=True)
    results["growth"] = rows


def make_serve_args(makefile: Path = ROOT / "Makefile") -> tuple[str, ...]:
    """The arguments `make serve` gives `mkdocs serve`: the preview README and
    CONTRIBUTING tell editors to use, so the one the budget is measured on."""
    lines = makefile.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("serve:"):
            for recipe in lines[i + 1 :]:
                if not recipe.startswith("\t"):
                    break
                if "mkdocs serve" in recipe:
                    return tuple(recipe.split("mkdocs serve", 1)[1].split())
    return ()


def edit_loop(handbook: Path, reps: int, results: dict[str, Any]) -> None:
    """`make serve` as it is, and (for comparison only) plain `mkdocs serve`."""
    pages = {p.parent.name for p in (handbook / "site" / "insatser").glob("*/index.html")}
    records = sorted(
        p for p in (handbook / "content" / "insatser").glob("*.yml") if p.stem in pages
    )
    if not records:
        results["edit_loop"] = {"error": "no insats page with a record to edit"}
        return
    record = records[0]
    site_url = read_mkdocs_config(handbook / "mkdocs.yml").get("site_url") or "/"
    url_path = urlsplit(site_url).path.rstrip("/") + f"/insatser/{record.stem}/"  # serve's mount
    out: dict[str, Any] = {"record": f"content/insatser/{record.name}", "url": url_path}
    for name, args in (("serve", make_serve_args()), ("serve_plain", ())):
        log.info("editing loop: mkdocs serve %s", " ".join(args))
        loop = editloop.measure(handbook, record, url_path, reps, serve_args=args)
        out[name] = {
            "args": " ".join(args),
            "startup_seconds": loop.startup,
            "save_to_served": spread(list(loop.times)),
            "builds": loop.builds,
            "error": loop.error,
            "log_tail": loop.log_tail[-1500:] if loop.error else "",
        }
    results["edit_loop"] = out


# ---------------------------------------------------------------- budgets and the table


def budgets(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    sbs, gen, w = results["side_by_side"], results.get("generator", {}), results["weight"]
    grow = {row["factor"]: row for row in results["growth"]}
    loop = results["edit_loop"].get("serve", {}).get("save_to_served") or {}
    peak = max(row["peak_rss"] for row in results["growth"])
    zlinks = sbs.get("c_links") or {}
    out = [
        (
            "broken links, Zensical build",
            str(zlinks.get("broken", "not run")),
            "= 0",
            zlinks["broken"] == 0 if zlinks.get("broken") is not None else None,
        ),
        (
            "(a)/(b fair) build, CPU",
            f"{sbs['cpu_a_over_b_fair']:.2f}",
            f"≤ {BUDGETS['a_over_b_fair']}",
            sbs["cpu_a_over_b_fair"] <= BUDGETS["a_over_b_fair"],
        ),
        (
            "generator share of (a)",
            f"{gen['share_of_a'] * 100:.1f} %" if "share_of_a" in gen else "error",
            "≤ 5 %",
            gen["share_of_a"] <= BUDGETS["generator_share"] if "share_of_a" in gen else None,
        ),
    ]
    if 10 in grow and 1 in grow:
        ratio = grow[10]["seconds"] / grow[1]["seconds"]
        out.append(("10× time / 1× time", f"{ratio:.2f}", "≤ 11", ratio <= BUDGETS["growth_10x"]))
    else:
        out.append(("10× time / 1× time", "not run", "≤ 11", None))
    out += [
        ("peak memory (largest run)", mib(peak), "≤ 1 GB", peak <= BUDGETS["peak_rss_bytes"]),
        (
            "median insats page",
            kib(w["median_insats_page"]),
            "≤ 40 KB",
            w["median_insats_page"] <= BUDGETS["median_insats_page_bytes"]
            if w["insats_pages"]
            else None,
        ),
        (
            "search index gzip at 1×",
            kib(w["search_index_gzip"]),
            "≤ 200 KB",
            w["search_index_gzip"] <= BUDGETS["search_index_gzip_bytes"],
        ),
        (
            "index + sections gzip at 1×",
            kib(whole := w["search_index_gzip"] + w.get("search_sections_gzip", 0)),
            "≤ 200 KB",
            whole <= BUDGETS["search_index_gzip_bytes"],
        ),
        (
            "first visit, insats, gzip",
            kib(w["first_visit_gzip"]),
            "≤ 300 KB",
            w["first_visit_gzip"] <= BUDGETS["first_visit_gzip_bytes"],
        ),
        (
            "editing loop (median)",
            f"{loop['median']:.2f} s" if loop else "error",
            "≤ 2 s",
            loop["median"] <= BUDGETS["edit_loop_seconds"] if loop else False,
        ),
    ]
    low = BUDGETS["lighthouse_min_score"]
    for row in results.get("lighthouse", {}).get("pages", []):
        for category in lighthouse.CATEGORIES:
            score = row["median"].get(category)
            out.append(
                (
                    f"Lighthouse {category[:4]}. {row['name']}",
                    f"{score:.0f}" if score is not None else "error",
                    f"≥ {low}",
                    score >= low if score is not None else None,
                )
            )
    return out


def lighthouse_pages(site: Path, visit: str) -> dict[str, str]:
    """Start, the first-visit insats page, the first område, the statistics page."""
    omraden = sorted(p.parent.name for p in (site / "omraden").glob("*/index.html"))
    pages = {"start": "/", "insats": "/" + visit.removesuffix("index.html")}
    if omraden:
        pages["område"] = f"/omraden/{omraden[0]}/"
    pages["statistik"] = "/statistik/"
    return pages


def lighthouse_scores(site: Path, reps: int, results: dict[str, Any]) -> None:
    pages = lighthouse_pages(site, results["weight"]["first_visit_page"])
    log.info("lighthouse: %d pages × %d runs", len(pages), reps)
    scores, error = lighthouse.measure(site, pages, reps)
    results["lighthouse"] = {
        "version": lighthouse.VERSION,
        "runs": reps,
        "error": error,
        "pages": [
            {
                "name": s.name,
                "path": s.page,
                "runs": s.runs,
                "error": s.error,
                "median": {c: s.median(c) for c in lighthouse.CATEGORIES},
            }
            for s in scores
        ],
    }


def table(results: dict[str, Any]) -> str:
    sbs, w = results["side_by_side"], results["weight"]
    a, b, c = sbs["a_handbook"], sbs["b_reference"], sbs["c_zensical"]
    lines = [
        f"Insatshandboken benchmark  {results['started']}  {results['machine']}"
        f"{'  (quick)' if results['quick'] else ''}",
        "   load average (1 min) at start {:.1f}, at end {:.1f}: timings on a busy machine "
        "are slower and noisier".format(
            results["load_average_start"][0], results.get("load_average_end", (0,))[0]
        ),
        "",
        f"1. Side by side ({sbs['repetitions']} rep., median (min–max); {sbs['insatser']} insatser,"
        f" {sbs['markdown_pages']} Markdown pages, median {kib(sbs['median_markdown_bytes'])})",
        f"   (a) handbook (python -m generator build)   {fmt_spread(a)}   peak {mib(a['peak_rss'])}",
        f"   (b) bare Material, pages off the sidebar   {fmt_spread(b)}   peak {mib(b['peak_rss'])}"
        f"   {b['html_pages']} HTML pages, median {kib(b['weight']['median_page'])}",
    ]
    fair = sbs.get("b_fair")
    if fair:
        lines.append(
            f"   (b fair) same pages' size/links/headings  {fmt_spread(fair)}   peak "
            f"{mib(fair['peak_rss'])}   {fair['html_pages']} HTML pages, own "
            "markdown_extensions, validation, nav, theme features"
        )
    if c.get("error"):
        lines.append(f"   (c) Zensical on build/docs                 failed: {c['error'][:300]}")
    else:
        label = f"(c) Zensical {c['version']} on build/docs"
        lines.append(
            f"   {label:<43}{fmt_spread(c)}   "
            f"peak {mib(c['peak_rss'])}   {c['html_pages']} HTML pages"
        )
    lines.append(
        f"   a/b = {sbs['a_over_b']:.2f}"
        + (
            f"   a/(b fair) = {sbs['a_over_b_fair']:.2f}   CPU time (user+sys, medians): a "
            f"{a['cpu']['median']:.2f} s, b {b['cpu']['median']:.2f} s, b fair "
            f"{fair['cpu']['median']:.2f} s → a/b {sbs['cpu_a_over_b']:.2f}, "
            f"a/(b fair) {sbs['cpu_a_over_b_fair']:.2f}"
            if fair
            else ""
        )
    )
    if fair and "a_first_build" in sbs:
        lines.append(
            f"   (a) first build of the copy (every template compiled, as on CI): "
            f"{sbs['a_first_build']['seconds']:.2f} s, CPU {sbs['a_first_build']['cpu']:.2f} s "
            f"→ a/(b fair) {sbs['cpu_a_first_over_b_fair']:.2f}"
        )
    for key, name in (("a_links", "(a) MkDocs"), ("c_links", "(c) Zensical")):
        found = sbs.get(key) or {}
        if found.get("broken") is not None:
            lines.append(
                f"   links {name:<13} {found['broken']} broken of {found['links']} "
                f"on {found['pages']} pages"
            )
            lines += [f"      {example[:150]}" for example in found["examples"][:5]]
    gen = results.get("generator", {})
    if "share_of_a" in gen:
        phases = ", ".join(f"{k} {v:.2f} s" for k, v in gen["phases_median"].items())
        lines.append(
            f"   generator in-process {fmt_spread(gen['seconds'])} = "
            f"{gen['share_of_a'] * 100:.1f} % of (a)   [{phases}]"
        )
    else:
        lines.append(f"   generator in-process: failed: {gen.get('error', '')[:400]}")
    lines += [
        "",
        "2. Growth (synthetic clones of the insatser)",
        "   factor  insatser  pages    time      ratio  peak RSS   ratio  site      ratio  search idx",
    ]
    for row in results["growth"]:

        def r(key: str, row: dict = row) -> str:
            return f"{row[key]:5.2f}×" if key in row else "     –"

        lines.append(
            f"   {row['factor']:>4}×  {row['insatser']:>8}  {row['html_pages']:>5}  "
            f"{row['seconds']:7.2f} s  {r('time_ratio')}  {mib(row['peak_rss']):>9}  "
            f"{r('rss_ratio')}  {mib(row['site_bytes']):>8}  {r('size_ratio')}  "
            f"{mib(row['search_index_bytes'])}"
        )
    lines += [
        "",
        "3. Weight (1×)",
        f"   HTML pages {w['pages']} (insats pages {w['insats_pages']}), site {mib(w['site_bytes'])}",
        f"   median page {kib(w['median_page'])}, median insats page {kib(w['median_insats_page'])},"
        f" largest {kib(w['largest_page'])} ({w['largest_page_path']})",
        f"   search index {kib(w['search_index'])} raw, {kib(w['search_index_gzip'])} gzip"
        f" (+ sections {kib(w.get('search_sections_gzip', 0))} gzip, fetched at the first query)",
        f"   first visit to {w['first_visit_page']}: {kib(w['first_visit'])} raw,"
        f" {kib(w['first_visit_gzip'])} gzip (HTML + CSS + JS + search worker + index)",
        f"   also loaded from other sites (not counted): {', '.join(w['external_hosts']) or 'nothing'}",
        "",
        "4. Editing loop (save one insats YAML → changed page served; first row: `make serve`,"
        " second: plain mkdocs serve, comparison only)",
    ]
    loop = results["edit_loop"]
    if loop.get("record"):
        lines.append(f"   {loop['record']} (first explanation edited)")
    if loop.get("error"):
        lines.append(f"   error: {loop['error']}")
    for name in ("serve", "serve_plain", "serve_dirty"):  # serve_dirty: older result files
        run_ = loop.get(name)
        if not run_:
            continue
        label = f"mkdocs serve {run_['args']}".strip()
        if run_["save_to_served"]:
            lines.append(
                f"   {label:<35} {fmt_spread(run_['save_to_served'])}   "
                f"(start {run_['startup_seconds']:.1f} s, {run_['builds']} builds for "
                f"{len(run_['save_to_served']['values'])} saves)"
            )
        if run_["error"]:
            lines.append(f"   {label:<35} error: {run_['error']}")
    lh = results.get("lighthouse")
    if lh:
        lines += [
            "",
            f"5. Lighthouse {lh['version']} (mobile, site served with gzip, headless "
            f"Chromium; median of {lh['runs']} run(s))",
            "   page" + " " * 56 + "performance  accessibility  (runs)",
        ]
        if lh["error"]:
            lines.append(f"   error: {lh['error'][:400]}")
        for row in lh["pages"]:
            med = row["median"]
            cells = "  ".join(
                f"{med[c]:>11.0f}" if med[c] is not None else f"{'–':>11}"
                for c in lighthouse.CATEGORIES
            )
            runs = "; ".join(
                f"{c[:4]} " + ",".join(f"{v:.0f}" for v in row["runs"][c])
                for c in lighthouse.CATEGORIES
            )
            label = f"{row['name']} {row.get('path', '')}"
            lines.append(f"   {label:<62} {cells}    ({runs})")
            if row["error"]:
                lines.append(f"      error: {row['error'][:300]}")
    lines += ["", "Budgets"]
    for name, value, limit, ok in results["budgets"]:
        lines.append(f"   {verdict(ok):4}  {name:<28} {value:>10}   {limit}")
    if any(ok is False for *_, ok in results["budgets"]):
        lines.append("   where the time goes: .venv/bin/python bench/profile_build.py 3")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 repetition, growth 1× and 3× only")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 3, quick 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary build copies")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="bench: %(message)s", stream=sys.stderr)
    reps = args.reps or (1 if args.quick else 3)
    factors = [1, 3] if args.quick else [1, 3, 10]
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "quick": args.quick,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_start": os.getloadavg(),
    }
    work = Path(tempfile.mkdtemp(prefix="insatshandboken-bench-"))
    try:
        handbook = side_by_side(work, reps, results)
        generator_share(handbook, results, reps)
        ids = {p.stem for p in (handbook / "content" / "insatser").glob("*.yml")}
        results["weight"] = weight.measure(handbook / "site", ids).as_dict()
        growth(work, factors, handbook, results)
        lighthouse_scores(handbook / "site", reps, results)
        log.info("editing loop")
        edit_loop(handbook, reps, results)
        results["budgets"] = budgets(results)
        results["load_average_end"] = os.getloadavg()
    finally:
        if args.keep:
            log.info("kept %s", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = table(results)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    payload = json.dumps({**results, "table": text}, ensure_ascii=False, indent=2, default=str)
    (RESULTS / f"bench-{stamp}{'-quick' if args.quick else ''}.json").write_text(
        payload, encoding="utf-8"
    )
    (RESULTS / "latest.json").write_text(payload, encoding="utf-8")
    return 0  # a missed budget is a finding for the table, not a failed command


if __name__ == "__main__":
    sys.exit(main())
