"""`mkdocs build` of an already generated build/docs/, from Python (build.build_site)."""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.build import Generated

PLUGIN = "insatshandboken"


def check_mkdocs_version(version: str) -> None:
    """The build of record is MkDocs 1.x: 2.0 runs no plugins, so the pages would be built
    without their links resolved (pyproject.toml pins <1.7; this catches an odd install)."""
    if version.split(".", 1)[0] != "1":
        raise RuntimeError(
            f"MkDocs {version} är installerat; handboken byggs med MkDocs 1.6 "
            "– kör `make site` (installerar de låsta versionerna)"
        )


def run_mkdocs(
    root: Path, docs_dir: Path, site_dir: Path, strict: bool, generated: Generated
) -> None:
    """Build root/mkdocs.yml from docs_dir into site_dir. The plugin is told that the
    pages are generated (`generated`), so it does not generate them a second time."""
    check_mkdocs_version(mkdocs.__version__)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(
        config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict
    )
    config["docs_dir"] = str(docs_dir)
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise RuntimeError(f"mkdocs.yml saknar pluginet {PLUGIN} under plugins:")
    plugin.generated = generated
    try:
        build(config)
    except Abort as err:  # its reasons were logged above it, one line each
        raise MkDocsFailed(
            f"MkDocs avbröt bygget ({err}) – se meddelandena ovanför; webbplatsen är oförändrad"
        ) from None


class MkDocsFailed(Exception):
    """MkDocs stopped the build (strict mode: a warning); the reasons are in its log."""
