"""Where a build may put a site, and how the site becomes site/: the only code that
creates, replaces or removes a built site (issue 10).

Every site is built into a folder of its own, build/sites/<name>/site/ (git-ignored), and
published by pointing the site dir – a symbolic link – at it with one os.replace: at every
instant the site dir is the complete old site or the complete new one. Before it touches
anything, the build refuses a site dir that is not its own to replace. One build at a time
per checkout: an flock on build/.bygge.lock, held from the first file written to the last.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import logging
import os
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

BUILDS = Path("build") / "sites"
LOCK = Path("build") / ".bygge.lock"
# In every built site: this folder was made by the generator and may be replaced by it.
MARKER = ".insatshandboken-bygge"
MARKER_TEXT = "Byggd av Insatshandbokens generator; ersätts vid nästa bygge.\n"
_OWNER = "plats.txt"  # beside the site in its build folder: the site dir it was built for
_LINK_PREFIX = ".lank-"  # a temporary link, renamed onto the site dir
# Folders no site may be, hold or sit in – also outside a git checkout, where
# "tracked by git" cannot be asked.
_SOURCES = (
    "content",
    "generator",
    "overrides",
    "schema",
    "sources",
    "tests",
    "bench",
    ".git",
    ".github",
    "build/docs",
    "build/sites",
)

Checkpoint = Callable[[str], None]


class OutputDirRefused(Exception):
    """An output folder is not the command's to write; nothing was touched."""

    def __init__(self, option: str, path: Path | str, what: str, hint: str) -> None:
        super().__init__(f"{option} {path}: {what} – {hint}")


class SiteDirRefused(OutputDirRefused):
    """The site dir is not the build's to write; nothing was touched."""

    def __init__(self, site_dir: Path | str, what: str, hint: str) -> None:
        super().__init__("--site-dir", site_dir, what, hint)


def _no_checkpoint(_: str) -> None:
    pass


def link_path(root: Path, site_dir: Path | str) -> Path:
    """The site dir as an absolute path: its parent resolved, not itself (it is a link)."""
    path = Path(os.path.abspath(Path(root) / site_dir))
    return path if path == path.parent else path.parent.resolve() / path.name


def _link_target(link: Path) -> Path:
    return Path(os.path.abspath(link.parent / os.readlink(link)))


def _ours(root: Path, site: Path) -> bool:
    """A link to a site in this checkout's build folders, or a folder with the marker
    (a plain `mkdocs build` writes it too, through the plugin) – or the checkout's own
    site/ as builds before the marker left it (git-ignored, a whole MkDocs site)."""
    if site.is_symlink():
        target = _link_target(site)
        return target.name == "site" and target.parent.parent == (root / BUILDS).resolve()
    if not site.is_dir():
        return False
    if (site / MARKER).is_file():
        return True
    return site == root / "site" and all(
        (site / name).is_file()
        for name in ("index.html", "404.html", "sitemap.xml", "search/search_index.json")
    )


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _tracked_conflict(site: Path) -> str:
    """How the site dir meets what git tracks: it is a tracked file, holds tracked files,
    or sits in a folder holding some below the work tree's top (a site there would mix
    with the sources); "" when it does not (or there is no git)."""
    existing = next((p for p in site.parents if p.is_dir()), None)
    top = _git(existing, "rev-parse", "--show-toplevel") if existing else None
    if not top:
        return ""
    top_dir = Path(os.fsdecode(top.strip())).resolve()
    if not site.is_relative_to(top_dir):
        return ""
    rel = site.relative_to(top_dir)
    listed = _git(top_dir, "ls-files", "-z") or b""
    tracked = {Path(os.fsdecode(p)) for p in listed.split(b"\0") if p}
    folders = {parent for p in tracked for parent in p.parents if parent != Path(".")}
    if rel in tracked:
        return "är en fil som git följer"
    if rel in folders:
        return "innehåller filer som git följer"
    holder = next((a for a in rel.parents if a in folders), None)
    return f"ligger i {holder.as_posix()}/, som har filer som git följer" if holder else ""


def _foreign_place(root: Path, path: Path) -> str:
    """Why `path` may hold no output: it is the checkout or holds it, is, holds or sits in
    a source folder, or meets anything git tracks; "" when none of these."""
    if path == root or root.is_relative_to(path):
        return "är projektets rotmapp eller en mapp som innehåller den"
    for source in _SOURCES:
        folder = root / source
        if path == folder or path.is_relative_to(folder) or folder.is_relative_to(path):
            return f"är, innehåller eller ligger i {source}/"
    return _tracked_conflict(path)


def check_site_dir(root: Path, site_dir: Path | str) -> Path:
    """The site dir's absolute path; SiteDirRefused (Swedish reason and hint) when the
    build may not make it a site: the checkout or a folder holding it, a source folder,
    anything git tracks, or an existing thing the build did not make."""
    root = Path(root).resolve()
    site = link_path(root, site_dir)
    pick = "välj en ny mapp som bara webbplatsen ska ligga i, t.ex. --site-dir site"
    if why := _foreign_place(root, site):
        raise SiteDirRefused(site_dir, why, pick)
    if not (site.is_symlink() or site.exists()) or _ours(root, site):
        return site
    if site.is_symlink():
        raise SiteDirRefused(
            site_dir,
            "är en symbolisk länk som inte pekar på ett bygge",
            "ta bort länken själv eller välj en annan mapp",
        )
    if not site.is_dir():
        raise SiteDirRefused(site_dir, "är en fil, inte en mapp", pick)
    if any(site.iterdir()):
        raise SiteDirRefused(
            site_dir,
            "innehåller filer som bygget inte har gjort",
            "välj en ny eller tom mapp: bygget ersätter bara det som det "
            "självt har byggt (en site/ från en äldre version av generatorn "
            "tar du bort själv)",
        )
    return site


DRAFTS_MARKER = ".insatshandboken-utkast"


def check_drafts_dir(root: Path, drafts: Path | str) -> Path:
    """The importer's drafts folder as an absolute path, if the import may empty and
    refill it: new, empty, one an import made (marked), or the checkout's staging/."""
    root = Path(root).resolve()
    path = link_path(root, drafts)
    pick = "välj en ny mapp för utkasten, t.ex. --utkast staging"
    if why := _foreign_place(root, path):
        raise OutputDirRefused("--utkast", drafts, why, pick)
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise OutputDirRefused("--utkast", drafts, "är ingen mapp", pick)
    if (
        not path.exists()
        or not any(path.iterdir())
        or (path / DRAFTS_MARKER).is_file()
        or path == root / "staging"
    ):
        return path
    raise OutputDirRefused(
        "--utkast",
        drafts,
        "innehåller filer som importen inte har gjort",
        "välj en ny eller tom mapp: importen tömmer bara sin egen",
    )


def replace_drafts(drafts: Path, write: Callable[[Path], object]) -> None:
    """Empty the drafts folder (checked by check_drafts_dir) and let `write` fill it."""
    if drafts.exists():
        shutil.rmtree(drafts)
    drafts.mkdir(parents=True)
    (drafts / DRAFTS_MARKER).write_text(
        "Utkast från python -m generator import; töms vid nästa import.\n", encoding="utf-8"
    )
    write(drafts)


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """One build at a time in this checkout; a second one waits and says so."""
    path = Path(root) / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("Ett annat bygge pågår i den här mappen – väntar tills det är klart …")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock, also when the process is killed


def clean_builds(root: Path) -> int:
    """Remove every build folder that no site dir points at – what a killed build left,
    and the sites later builds replaced – and stray temporary links. Only with the lock
    held. Returns how many went."""
    builds = Path(root) / BUILDS
    if builds.is_symlink() or not builds.is_dir():
        return 0
    removed = 0
    for entry in sorted(builds.iterdir()):
        if entry.is_symlink() or not entry.is_dir():
            if entry.name.startswith(_LINK_PREFIX):
                entry.unlink()
                removed += 1
            continue
        owner = entry / _OWNER
        site = Path(root) / owner.read_text(encoding="utf-8").strip() if owner.is_file() else None
        if site is not None and site.is_symlink() and _link_target(site) == entry / "site":
            continue
        shutil.rmtree(entry)
        removed += 1
    return removed


@dataclass(frozen=True)
class Staged:
    """A fresh build folder: build the site into `site`, then publish()."""

    folder: Path
    link: Path  # the site dir it is for

    @property
    def site(self) -> Path:
        return self.folder / "site"


@contextlib.contextmanager
def staged(root: Path, site: Path) -> Iterator[Staged]:
    """A new, empty build folder for the site dir `site`, removed again when the build
    into it fails (also on Ctrl-C); a killed build's is removed by the next build."""
    builds = Path(root) / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(os.fsencode(site)).hexdigest()[:8]
    folder = builds / f"{key}-{secrets.token_hex(4)}"
    folder.mkdir()
    here = Path(root).resolve()
    owner = site.relative_to(here) if site.is_relative_to(here) else site  # checkouts move
    try:
        (folder / _OWNER).write_text(f"{owner}\n", encoding="utf-8")
        yield Staged(folder, site)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def publish(root: Path, stage: Staged, checkpoint: Checkpoint = _no_checkpoint) -> None:
    """Make stage.site the site dir in one atomic step, then remove the site it replaced.
    A failure before the swap removes the stage (the old site stays); `checkpoint(step)`
    is called between the steps (the fault test kills there)."""
    site = stage.link
    tmp = stage.folder.parent / f"{_LINK_PREFIX}{stage.folder.name}"
    try:
        (stage.site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        checkpoint("märkt")
        site.parent.mkdir(parents=True, exist_ok=True)
        inside = site.is_relative_to(Path(root).resolve())  # relative: the checkout can move
        tmp.symlink_to(os.path.relpath(stage.site, site.parent) if inside else stage.site)
        checkpoint("länk gjord")
        if site.is_dir() and not site.is_symlink():
            _replace_folder(site, tmp, checkpoint)
        else:
            _replace(tmp, site)
    except BaseException:
        if not (site.is_symlink() and _link_target(site) == stage.site):
            with contextlib.suppress(OSError):
                tmp.unlink()
            shutil.rmtree(stage.folder, ignore_errors=True)
        raise
    checkpoint("bytt")
    clean_builds(root)
    checkpoint("städat")


def _replace(link: Path, site: Path) -> None:
    try:
        os.replace(link, site)
    except OSError as err:
        if err.errno != errno.EXDEV:
            raise
        # The site dir is on another file system than build/: make the link beside it.
        near = site.with_name(f"{_LINK_PREFIX}{site.name}-{secrets.token_hex(4)}")
        near.symlink_to(os.readlink(link))
        link.unlink()
        os.replace(near, site)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _replace_folder(site: Path, link: Path, checkpoint: Checkpoint) -> None:
    """The site dir is a real folder: empty, or a site that plain `mkdocs build` made."""
    if not any(site.iterdir()):
        site.rmdir()
        _replace(link, site)
        return
    if _exchange(link, site):  # `link` now names the old folder
        checkpoint("mapp utbytt")
        shutil.rmtree(link)
        return
    old = link.with_name(link.name + "-gammal")  # a moment without site/: no other way here
    site.rename(old)
    os.replace(link, site)
    shutil.rmtree(old)
