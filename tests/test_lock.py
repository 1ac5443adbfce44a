"""The lock file (requirements.txt, `make lock`) is what `make` installs: it must pin, with
hashes, a version of every dependency pyproject.toml names that fits its range."""

from __future__ import annotations

import re
import tomllib

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from site_build import ROOT

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _locked() -> dict[str, list[tuple[Version, str, int]]]:
    """name → [(version, marker, hashes)], one entry per pinned line (a marker can fork)."""
    out: dict[str, list[tuple[Version, str, int]]] = {}
    current: list[tuple[Version, str, int]] | None = None
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if m := PIN.match(line):
            current = out.setdefault(canonicalize_name(m.group(1)), [])
            current.append((Version(m.group(2)), (m.group(3) or "").strip(), 0))
        elif line.strip().startswith("--hash=sha256:") and current:
            version, marker, hashes = current[-1]
            current[-1] = (version, marker, hashes + 1)
    return out


def _wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["dependency-groups"]["build"],
    ]
    return [Requirement(n) for n in names]


def test_every_dependency_is_locked_with_a_fitting_version_and_hashes() -> None:
    locked = _locked()
    environment = {**default_environment(), "extra": "test"}
    problems = []
    for req in _wanted():
        pins = locked.get(canonicalize_name(req.name))
        if not pins:
            problems.append(f"{req.name}: not in requirements.txt")
            continue
        for version, marker, hashes in pins:
            if marker and not Requirement(f"x; {marker}").marker.evaluate(environment):
                continue  # a pin for another Python or platform
            if version not in req.specifier:
                problems.append(f"{req.name}: locked {version}, pyproject wants {req.specifier}")
            if not hashes:
                problems.append(f"{req.name}: no hash")
    assert not problems, "run `make lock`:\n" + "\n".join(problems)


def test_the_lock_holds_the_build_of_record_and_the_zensical_check() -> None:
    locked = _locked()
    assert all(v.major == 1 and v.minor == 6 for v, _, _ in locked["mkdocs"])
    assert all(v.major == 9 for v, _, _ in locked["mkdocs-material"])
    assert [str(v) for v, _, _ in locked["zensical"]] == ["0.0.73"]
    assert sum(len(p) for p in locked.values()) > 40  # the whole tree, not just the top
