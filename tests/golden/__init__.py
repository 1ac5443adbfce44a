"""Golden pages: a small content tree (tests/golden/content/) rendered to Markdown and
compared file by file with the expected pages committed under tests/golden/expected/.

When a rendering change is intended, regenerate the expected pages and review the diff:

    .venv/bin/python -m tests.golden --update

(`make goldens` runs the same.) The tree is small on purpose: one insats in two områden,
figures that were not asked (null) next to a real 0, text that looks like markup, an IUB
list, a skolgång list, the IUB explainer and the sources they cite.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE  # the content tree's root: HERE / "content"
EXPECTED = HERE / "expected"
UPDATE_COMMAND = ".venv/bin/python -m tests.golden --update"


def render() -> dict[str, str]:
    """The golden tree's generated files: path under build/docs/ → text."""
    from generator.build import load_checked
    from generator.site.crossrefs import link
    from generator.site.render import render_site

    return render_site(link(load_checked(ROOT, log_problems=False)), {})


def expected() -> dict[str, str]:
    """The committed expected files: path under tests/golden/expected/ → text."""
    return {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }


def update() -> tuple[list[str], list[str]]:
    """Rewrite tests/golden/expected/ from the renderer: (written or changed, removed)."""
    rendered = render()
    old = expected()
    changed = [path for path, text in sorted(rendered.items()) if old.get(path) != text]
    removed = sorted(set(old) - set(rendered))
    for path in changed:
        target = EXPECTED / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rendered[path], encoding="utf-8", newline="\n")
    for path in removed:  # only files inside expected/, which this command wrote
        (EXPECTED / path).unlink()
    return changed, removed
