"""`mkdocs build` of an already generated build/docs/, from Python (build.build_site)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.build import Generated

PLUGIN = "insatshandboken"


def run_mkdocs(root: Path, docs_dir: Path, site_dir: Path, strict: bool,
               generated: Generated) -> None:
    """Build root/mkdocs.yml from docs_dir into site_dir. The plugin is told that the
    pages are generated (`generated`), so it does not generate them a second time."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir),
                         strict=strict)
    config["docs_dir"] = str(docs_dir)
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise RuntimeError(f"mkdocs.yml saknar pluginet {PLUGIN} under plugins:")
    plugin.generated = generated
    try:
        build(config)
    except Abort as err:  # its reasons were logged above it, one line each
        raise MkDocsFailed(f"MkDocs avbröt bygget ({err}) – se meddelandena ovanför; "
                           "webbplatsen är oförändrad") from None


class MkDocsFailed(Exception):
    """MkDocs stopped the build (strict mode: a warning); the reasons are in its log."""
