"""Fields the documents do not give – written by editors in content/ – carried from the
committed records into an import's drafts, so a re-import never drops curated text and
reproduces content/ byte for byte."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.model import records

# Per record type: the fields an editor writes and no importer reads from a document.
CURATED: dict[type, tuple[str, ...]] = {
    records.Omrade: ("inledning", "malgrupp", "se_ocksa"),
    records.Insats: ("beskrivning", "kallor", "omraden"),
}


def _carry(drafts: tuple, committed: tuple) -> tuple:
    by_id = {r.id: r for r in committed}
    out = []
    for draft in drafts:
        old = by_id.get(draft.id)
        names = CURATED.get(type(draft), ())
        if old is not None and names:
            draft = dataclasses.replace(draft, **{n: getattr(old, n) for n in names})
        out.append(draft)
    return tuple(out)


def keep_curated(draft: records.Content, committed: records.Content) -> records.Content:
    """`draft` with the curated fields of the records `committed` has under the same id."""
    return dataclasses.replace(
        draft,
        insatser=_carry(draft.insatser, committed.insatser),
        omraden=_carry(draft.omraden, committed.omraden),
    )


def committed_content(root: Path) -> records.Content:
    """content/ as committed (unvalidated: an import must run on content with problems)."""
    from generator.model.load import load_records

    return load_records(root)[0]
