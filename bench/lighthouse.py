"""Lighthouse (npm package, pinned) mobile scores of a few pages of a built site, served
with gzip, in Debian's headless Chromium. Installed under .cache/bench-lighthouse (never
committed); `make bench` only – not a test."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.serve import serve_gzip

VERSION = "12.2.3"  # 13.x needs Node 22; Debian's Node is 20
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "bench-lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility")


@dataclass(frozen=True)
class Scores:
    name: str  # "insats"
    page: str  # its URL path
    runs: dict[str, list[float]]  # category → score 0–100 of each run
    error: str = ""

    def median(self, category: str) -> float | None:
        values = self.runs.get(category) or []
        return statistics.median(values) if values else None


def ensure_lighthouse() -> tuple[Path | None, str]:
    """The pinned Lighthouse CLI under .cache (installed on first use); (cli, "") or (None, why)."""
    cli = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == VERSION:
        return cli, ""
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(CACHE),
            "--no-audit",
            "--no-fund",
            "--save-exact",
            f"lighthouse@{VERSION}",
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not cli.is_file():
        return None, f"npm install lighthouse@{VERSION}: {(done.stderr or done.stdout)[-800:]}"
    return cli, ""


def run_once(cli: Path, url: str) -> dict[str, float]:
    done = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    if done.returncode != 0:
        raise RuntimeError((done.stderr or done.stdout)[-800:])
    report = json.loads(done.stdout)
    return {c: report["categories"][c]["score"] * 100 for c in CATEGORIES}


def measure(site: Path, pages: dict[str, str], reps: int) -> tuple[list[Scores], str]:
    """Scores of each page (name → URL path), runs interleaved page by page."""
    cli, error = ensure_lighthouse()
    if cli is None:
        return [], error
    runs: dict[str, dict[str, list[float]]] = {n: {c: [] for c in CATEGORIES} for n in pages}
    errors: dict[str, str] = {}
    with serve_gzip(site) as base:
        for _ in range(reps):
            for name, path in pages.items():
                try:
                    for category, score in run_once(cli, base + path).items():
                        runs[name][category].append(score)
                except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
                    errors[name] = str(err)[-400:]
    return [Scores(n, p, runs[n], errors.get(n, "")) for n, p in pages.items()], ""
