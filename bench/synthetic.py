"""Synthetic content for the growth benchmark: content/ with every insats cloned N-fold.

Clones keep the record's shape (memberships, statistics, sources, text lengths) and get new
ids and names, so indexes, cross-links and navigation grow as they would with real content.
Only ever written to a temporary directory; never committed.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

INSATS_DIR = "insatser"
SUFFIX = "syntetisk"


def _header(text: str) -> str:
    """The leading comment lines (e.g. the `# yaml-language-server: $schema=…` line)."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def _suffixed(text: Any, k: int) -> Any:
    return f"{text} ({SUFFIX} {k})" if isinstance(text, str) and text else text


def clone_insats(record: dict[str, Any], k: int, stride: int) -> dict[str, Any]:
    """Copy k of one insats record: new id, names and sort positions; same shape otherwise.

    `stride` (larger than every `ordning` in use) keeps each clone's position unique within
    its category, after the originals.
    """
    clone = copy.deepcopy(record)
    clone["id"] = f"{record['id']}-{SUFFIX}-{k}"
    clone["namn"] = _suffixed(record["namn"], k)
    if clone.get("forkortning"):
        clone["forkortning"] = f"{record['forkortning']}{k}"
    clone["alias"] = [_suffixed(a, k) for a in record.get("alias") or []]
    for membership in clone.get("medlemskap") or []:
        if isinstance(membership.get("ordning"), int):
            membership["ordning"] += k * stride
        membership["namn_i_kalla"] = _suffixed(membership.get("namn_i_kalla"), k)
        stats = membership.get("statistik")
        if isinstance(stats, dict) and stats.get("namn_i_tabell"):
            stats["namn_i_tabell"] = _suffixed(stats["namn_i_tabell"], k)
    return clone


def scale_content(source: Path, target: Path, factor: int) -> int:
    """Copy the content folder `source` to `target` with `factor` times its insatser.

    Returns the number of insats files written to target/insatser. factor 1 is a plain copy.
    """
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    shutil.copytree(source, target)
    files = sorted((target / INSATS_DIR).glob("*.yml"))
    records = [(f, f.read_text(encoding="utf-8")) for f in files]
    loaded = [(f, text, yaml.safe_load(text)) for f, text in records]
    stride = 1 + max(
        (
            m.get("ordning", 0)
            for _, _, r in loaded
            for m in r.get("medlemskap") or []
            if isinstance(m.get("ordning"), int)
        ),
        default=0,
    )
    taken = {f.stem for f in files}
    written = len(files)
    for k in range(1, factor):
        for _, text, record in loaded:
            clone = clone_insats(record, k, stride)
            if clone["id"] in taken:
                raise ValueError(f"synthetic id {clone['id']} collides with an existing one")
            taken.add(clone["id"])
            body = yaml.safe_dump(clone, allow_unicode=True, sort_keys=False, width=100)
            (target / INSATS_DIR / f"{clone['id']}.yml").write_text(
                _header(text) + body, encoding="utf-8"
            )
            written += 1
    return written
