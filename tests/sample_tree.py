"""A project root with the sample content (site_sample) and the real configuration and
theme: small enough to build in a test."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_sample import make_sample_content

from generator.model.dump import dump_content

ROOT = Path(__file__).resolve().parents[1]


def make_tree(root: Path) -> Path:
    """Write the sample project into `root` (created if missing); returns it."""
    for rel, text in dump_content(make_sample_content()).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    if (ROOT / "schema").is_dir():
        shutil.copytree(ROOT / "schema", root / "schema")
    (root / "generator").symlink_to(ROOT / "generator")  # as in a checkout
    return root
