""" "Senast ändrad" from the git history, end to end: a content tree committed on a known
date builds pages that show that date, carry it in the sitemap (<lastmod>) and in the
citation, with canonical addresses under site_url; outside git every date is "okänt"."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_site import make_tree

from generator.build import build_site
from generator.history import content_history

DATE = "2026-01-15"


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{DATE}T12:00:00",
        "GIT_COMMITTER_DATE": f"{DATE}T12:00:00",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = make_tree(tmp_path_factory.mktemp("daterad"))
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nsite_url: https://example.invalid/handbok/\n",
        encoding="utf-8",
    )
    _git(root, "init", "-q")
    _git(root, "add", "content")
    _git(root, "commit", "-q", "-m", "innehåll")
    build_site(root, root / "site")
    return root / "site"


def test_pages_show_the_commit_date_of_their_content(dated_site: Path) -> None:
    for rel in (
        "insatser/kontaktperson/index.html",
        "omraden/aldre/index.html",
        "iub/alingsas/index.html",
        "insatser/index.html",
    ):
        raw = (dated_site / rel).read_text(encoding="utf-8")
        assert f'Senast ändrad: <time datetime="{DATE}">{DATE}</time>' in raw, rel
    cite = (dated_site / "insatser/kontaktperson/index.html").read_text(encoding="utf-8")
    assert f"Senast ändrad {DATE}." in cite
    assert "https://example.invalid/handbok/insatser/kontaktperson/" in cite


def test_sitemap_dates_are_the_content_dates_and_addresses_canonical(dated_site: Path) -> None:
    sitemap = (dated_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {DATE}
    assert "<loc>https://example.invalid/handbok/insatser/kontaktperson/</loc>" in sitemap
    page = (dated_site / "insatser/kontaktperson/index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="canonical" href="https://example.invalid/handbok/insatser/kontaktperson/">'
        in page
    )
    assert (
        '<meta property="og:url" content="https://example.invalid/handbok/insatser/'
        'kontaktperson/">' in page
    )


def test_outside_git_no_date_is_guessed(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.yml").write_text("id: x\n", encoding="utf-8")
    assert content_history(tmp_path).dates == {}
