"""Output paths are the build's alone, and site/ is always a complete site (issue 10):
refused site dirs, the atomic swap under SIGKILL at every step, one build at a time,
a full disk."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sample_tree import make_tree

from generator.build import build_site
from generator.site import publish

ROOT = Path(__file__).resolve().parents[2]
FILES = 40  # pages of a fake site: enough for a kill in the middle of writing them


def git_tree(root: Path) -> Path:
    """A git checkout with a few tracked files and the project's .gitignore."""
    (root / "content/insatser").mkdir(parents=True)
    (root / "content/insatser/a.yml").write_text("id: a\n")
    (root / "generator").mkdir()
    (root / "generator/x.py").write_text("")
    (root / "docs-kalla").mkdir()
    (root / "docs-kalla/a.md").write_text("# A\n")
    (root / "README.md").write_text("# Läs mig\n")
    (root / "build/docs").mkdir(parents=True)
    (root / "build/docs/.gitkeep").write_text("")
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


def snapshot(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if ".git" in p.relative_to(root).parts:
            continue
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[rel] = "-> " + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[rel] = "dir"
    return out


def untracked(root: Path) -> list[str]:
    """What `git status` would show a contributor as new, not ignored."""
    out = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "-uall"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line.startswith("??")]


# --- refused site dirs ------------------------------------------------------------------


def _foreign(root: Path) -> str:
    (root / "bilder").mkdir()
    (root / "bilder/foto.jpg").write_bytes(b"\xff\xd8")
    return "bilder"


def _foreign_link(root: Path) -> str:
    (root / "lank").symlink_to(root / "docs-kalla")
    return "lank"


def _a_file(root: Path) -> str:
    (root / "anteckning.txt").write_text("x")
    return "anteckning.txt"


PICK = "välj en ny mapp som bara webbplatsen ska ligga i, t.ex. --site-dir site"
REFUSED = [
    (".", f"är projektets rotmapp eller en mapp som innehåller den – {PICK}"),
    ("..", f"är projektets rotmapp eller en mapp som innehåller den – {PICK}"),
    ("content", f"är, innehåller eller ligger i content/ – {PICK}"),
    ("content/insatser/ny", f"är, innehåller eller ligger i content/ – {PICK}"),
    ("generator", f"är, innehåller eller ligger i generator/ – {PICK}"),
    ("build", f"är, innehåller eller ligger i build/docs/ – {PICK}"),
    ("README.md", f"är en fil som git följer – {PICK}"),
    ("docs-kalla", f"innehåller filer som git följer – {PICK}"),
    ("docs-kalla/site", f"ligger i docs-kalla/, som har filer som git följer – {PICK}"),
    (
        _foreign,
        "innehåller filer som bygget inte har gjort – välj en ny eller tom mapp: bygget "
        "ersätter bara det som det självt har byggt (en site/ från en äldre version av "
        "generatorn tar du bort själv)",
    ),
    (
        _foreign_link,
        "är en symbolisk länk som inte pekar på ett bygge – ta bort länken själv "
        "eller välj en annan mapp",
    ),
    (_a_file, f"är en fil, inte en mapp – {PICK}"),
]


@pytest.mark.parametrize(
    "site_dir, message", REFUSED, ids=[s if isinstance(s, str) else s.__name__ for s, _ in REFUSED]
)
def test_a_site_dir_the_build_did_not_make_is_refused_before_anything_is_written(
    tmp_path, site_dir, message
):
    root = git_tree(tmp_path / "repo")
    site_dir = site_dir(root) if callable(site_dir) else site_dir
    before = snapshot(root)
    with pytest.raises(publish.SiteDirRefused) as err:
        build_site(root, site_dir)
    assert str(err.value) == f"--site-dir {site_dir}: {message}"
    assert snapshot(root) == before  # not even build/ or the lock file


def test_the_cli_prints_the_refusal_on_one_line_and_exits_1(tmp_path, capsys):
    from generator.cli import main

    root = git_tree(tmp_path / "repo")
    before = snapshot(root)
    assert main(["build", "--root", str(root), "--site-dir", "."]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"fel: --site-dir .: är projektets rotmapp eller en mapp som innehåller den – {PICK}\n"
    )
    assert snapshot(root) == before


def test_the_site_an_older_build_left_is_replaced_but_not_a_look_alike_elsewhere(tmp_path):
    root = git_tree(tmp_path / "repo")
    for folder in ("site", "annan"):
        for name in ("index.html", "404.html", "sitemap.xml", "search/search_index.json"):
            (root / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (root / folder / name).write_text("gammal")
    fake_build(root, "ny")
    assert site_id(root / "site") == "ny"
    with pytest.raises(publish.SiteDirRefused):
        publish.check_site_dir(root, "annan")


def test_an_empty_folder_and_an_own_site_are_accepted(tmp_path):
    root = git_tree(tmp_path / "repo")
    (root / "tom").mkdir()
    assert publish.check_site_dir(root, "tom") == root / "tom"
    (root / "gammal").mkdir()
    (root / "gammal" / publish.MARKER).write_text(publish.MARKER_TEXT)
    (root / "gammal" / "index.html").write_text("x")
    assert publish.check_site_dir(root, "gammal") == root / "gammal"


# --- the swap, with a fake build: fast enough to kill at every step ---------------------

FAKE_BUILD = f"""
import os, signal, sys
from pathlib import Path
from generator.site import publish

root, site_dir, build_id, kill_at = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def step(name):
    print(name, flush=True)
    if name == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

link = publish.check_site_dir(root, site_dir)
with publish.build_lock(root):
    publish.clean_builds(root)
    with publish.staged(root, link) as stage:
        stage.site.mkdir()
        for n in range({FILES}):
            (stage.site / f"sida-{{n}}.html").write_text(build_id)
            if n == {FILES} // 2:
                step("mitt i bygget")
    step("byggt")
    publish.publish(root, stage, step)
"""


def fake_build(root: Path, build_id: str, kill_at: str = "", site_dir: str = "site") -> str:
    done = subprocess.run(
        [sys.executable, "-c", FAKE_BUILD, str(root), site_dir, build_id, kill_at],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if kill_at:
        assert done.returncode == -signal.SIGKILL, done.stderr
        assert done.stdout.splitlines()[-1] == kill_at  # it died where it was meant to
    else:
        assert done.returncode == 0, done.stderr
    return done.stdout


def site_id(site: Path) -> str:
    """The build id of a complete fake site; fails on a missing, partial or mixed one."""
    assert site.is_dir(), f"{site} is missing"
    pages = sorted(site.glob("sida-*.html"))
    ids = {p.read_text() for p in pages}
    assert len(pages) == FILES and len(ids) == 1, (len(pages), ids)
    assert (site / publish.MARKER).is_file()
    return ids.pop()


def no_leftovers(root: Path) -> None:
    """Nothing new for git, and after the next build only the site dir's own build."""
    assert untracked(root) == []
    fake_build(root, "nästa")
    assert site_id(root / "site") == "nästa"
    assert [p.name for p in (root / publish.BUILDS).iterdir()] == [
        os.readlink(root / "site").split("/")[-2]
    ]


STEPS = ["mitt i bygget", "byggt", "märkt", "länk gjord", "bytt", "städat"]


@pytest.mark.parametrize("kill_at", STEPS)
def test_a_kill_at_any_step_leaves_the_old_or_the_new_site_complete(tmp_path, kill_at):
    root = git_tree(tmp_path / "repo")
    fake_build(root, "gammal")
    fake_build(root, "ny", kill_at)
    swapped = STEPS.index(kill_at) >= STEPS.index("bytt")
    assert site_id(root / "site") == ("ny" if swapped else "gammal")
    no_leftovers(root)


@pytest.mark.parametrize("kill_at", ["länk gjord", "mapp utbytt", "bytt"])
def test_a_site_that_plain_mkdocs_build_made_is_replaced_atomically(tmp_path, kill_at):
    root = git_tree(tmp_path / "repo")
    fake_build(root, "gammal")
    real = root / "site"
    target = real.resolve()
    real.unlink()
    shutil.copytree(target, real)  # a real folder, as `mkdocs build` leaves it
    fake_build(root, "ny", kill_at)
    assert site_id(real) == ("gammal" if kill_at == "länk gjord" else "ny")
    no_leftovers(root)


def test_a_moved_checkout_keeps_its_site_through_the_next_build(tmp_path):
    root = git_tree(tmp_path / "repo")
    fake_build(root, "gammal")
    moved = tmp_path / "flyttad"
    root.rename(moved)
    assert site_id(moved / "site") == "gammal"  # the link is relative
    fake_build(moved, "ny", "byggt")  # the next build starts by clearing old builds
    assert site_id(moved / "site") == "gammal"
    fake_build(moved, "ny")
    assert site_id(moved / "site") == "ny"


def test_a_site_dir_outside_the_checkout_links_to_an_absolute_path(tmp_path):
    root = git_tree(tmp_path / "repo")
    fake_build(root, "ute", site_dir=str(tmp_path / "ut" / "site"))
    link = tmp_path / "ut" / "site"
    assert os.path.isabs(os.readlink(link))
    assert site_id(link) == "ute"
    fake_build(root, "hemma")  # site/ inside: the other site dir's build is kept
    assert site_id(link) == "ute" and site_id(root / "site") == "hemma"


# --- real builds: killed inside MkDocs, two at once, a full disk -------------------------

REAL_BUILD = """
import os, signal, sys, time
from pathlib import Path
from generator.build import build_site

root, kill_at, wait_for = Path(sys.argv[1]), sys.argv[2], sys.argv[3]

def step(name):
    print(name, time.time_ns(), flush=True)
    if name == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    if name == "genererat" and wait_for:
        (root / "inne").write_text("")
        while not (root / wait_for).exists():  # the test says when to go on
            time.sleep(0.02)

build_site(root, "site", checkpoint=step)
"""


def real_build(root: Path, kill_at: str = "", wait_for: str = "") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", REAL_BUILD, str(root), kill_at, wait_for],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def built_tree(tmp_path: Path) -> tuple[Path, bytes]:
    root = make_tree(tmp_path / "repo")
    (root / "build/docs").mkdir(parents=True)
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    build_site(root, "site")
    return root, (root / "site/index.html").read_bytes()


def wait_until(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_real_build_killed_inside_mkdocs_or_after_it_leaves_a_complete_site(tmp_path):
    root, before = built_tree(tmp_path)
    pages = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*.html"))
    proc = real_build(root)
    builds = root / publish.BUILDS
    # Inside MkDocs: its first pages are written into the new build folder.
    wait_until(
        lambda: any(
            p.name != os.readlink(root / "site").split("/")[-2] and (p / "site/assets").exists()
            for p in builds.iterdir()
        )
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (root / "site/index.html").read_bytes() == before
    assert sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*.html")) == pages
    assert untracked(root) == []
    proc = real_build(root, kill_at="mkdocs klart")
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert (root / "site/index.html").read_bytes() == before
    build_site(root, "site")  # the next build clears what the killed ones left
    assert len(list(builds.iterdir())) == 1
    assert untracked(root) == []


def steps(out: str) -> dict[str, int]:
    return {name: int(ns) for name, ns in (line.rsplit(" ", 1) for line in out.splitlines())}


def test_two_builds_at_once_run_one_after_the_other(tmp_path):
    root, _ = built_tree(tmp_path)
    first = real_build(root, wait_for="vidare")
    wait_until(lambda: (root / "inne").exists())  # the first holds the lock, mid-build
    second = real_build(root)
    said = ""
    while "väntar" not in said:  # the second says it waits (then blocks on the lock)
        line = second.stderr.readline()
        assert line, "the second build ended without waiting"
        said = line
    assert said.strip() == "Ett annat bygge pågår i den här mappen – väntar tills det är klart …"
    (root / "vidare").write_text("")
    out1, _ = first.communicate(timeout=300)
    out2, err2 = second.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, err2
    a, b = steps(out1), steps(out2)
    assert (
        list(a) == list(b) == ["genererat", "mkdocs klart", "märkt", "länk gjord", "bytt", "städat"]
    )
    assert b["genererat"] > a["städat"]  # the second began only after the first was done
    assert len(list((root / publish.BUILDS).iterdir())) == 1
    assert (root / "site/index.html").is_file()


def test_a_full_disk_during_mkdocs_leaves_the_old_site_and_no_half_build(tmp_path, monkeypatch):
    from generator.mkdocs_plugin import run

    root, before = built_tree(tmp_path)

    def full_disk(config):
        site = Path(config.site_dir)
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text("<html>halv")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run, "build", full_disk)
    with pytest.raises(OSError) as err:
        build_site(root, "site")
    assert str(err.value) == (
        "disken blev full – webbplatsen är oförändrad och inget "
        "halvskrivet ligger kvar; frigör utrymme och bygg igen"
    )
    assert (root / "site/index.html").read_bytes() == before
    assert len(list((root / publish.BUILDS).iterdir())) == 1
    assert untracked(root) == []
