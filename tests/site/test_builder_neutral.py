"""The generated tree is builder-neutral: `python -m generator generate` writes build/docs/
without MkDocs, its links name page files (as Markdown links do), and Zensical – which
reads mkdocs.yml but runs no plugin – builds it with every link resolving."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from site_build import ROOT, in_ci
from site_links import broken_links, parse_site

from generator.build import load_checked, read_schemas
from generator.site.crossrefs import link
from generator.site.render import render_site

HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def tree() -> dict[str, str]:
    return render_site(link(load_checked(ROOT)), read_schemas(ROOT))


def test_every_relative_href_names_a_generated_page_file(tree: dict[str, str]) -> None:
    # A URL relative to the served page would resolve one level too deep in Zensical
    # (it resolves from the source file, as for Markdown links); a page file's path
    # resolves the same in both builders.
    wrong = []
    for src, text in tree.items():
        if not src.endswith(".md"):
            continue
        for href in HREF.findall(text):
            if href.startswith("#") or re.match(r"[a-z]+:", href):
                continue
            path = href.split("#", 1)[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            if not path.endswith(".md") or target not in tree:
                wrong.append(f"{src}: {href}")
    assert not wrong, f"{len(wrong)} links that are not page files:\n" + "\n".join(wrong[:50])
    assert sum(text.count('href="') for text in tree.values()) > 1000


def test_generate_writes_the_tree_without_importing_mkdocs(tmp_path: Path) -> None:
    for name in ("content", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    script = (
        "import sys\nfrom generator.cli import main\n"
        f"code = main(['generate', '--root', {str(tmp_path)!r}])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'mkdocs'], 'mkdocs'\n"
        "raise SystemExit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Skrev" in done.stdout and "build/docs/" in done.stdout
    assert (tmp_path / "build/docs/insatser/kontaktperson.md").is_file()
    assert not (tmp_path / "site").exists()


def test_a_mkdocs_without_plugins_is_refused() -> None:
    from generator.mkdocs_plugin.run import check_mkdocs_version

    check_mkdocs_version("1.6.1")
    with pytest.raises(RuntimeError, match="MkDocs 2.0.0"):
        check_mkdocs_version("2.0.0")


def _zensical() -> Path | None:
    found = Path(sys.executable).with_name("zensical")
    return found if found.is_file() else None


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    binary = _zensical()
    if binary is None:
        message = "zensical is not installed in this environment (it is in the test extra)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("zensical")
    for name in ("content", "schema", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    steps = [
        [sys.executable, "-m", "generator", "generate", "--root", str(root)],
        [str(binary), "build", "--clean", "-f", "mkdocs.yml"],
    ]
    for step in steps:
        done = subprocess.run(step, cwd=root, capture_output=True, text=True, env=env)
        assert done.returncode == 0, (
            f"{step[:3]} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    # Zensical checks links and anchors in raw HTML too; its verdict (wording of 0.0.73)
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    assert "No issues found" in output, output[-3000:]
    return root / "site"


def test_zensical_builds_the_generated_tree_with_no_broken_link(zensical_site: Path) -> None:
    site = parse_site(zensical_site)
    broken = broken_links(site, empty_ok=True)  # its theme links the current page as ""
    print(f"Zensical: {len(site.links)} links on {len(site.ids)} pages checked")
    assert (zensical_site / "insatser" / "kontaktperson" / "index.html").is_file()
    assert len(site.ids) > 300 and len(site.links) > 10_000
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:100])
