"""Every generated file of the golden content tree equals its committed expected file.

An intended rendering change: run the command in the failure message and review the
diff of tests/golden/expected/ like any other change.
"""

from __future__ import annotations

import difflib

import pytest

from golden import UPDATE_COMMAND, expected, render

RENDERED = render()
EXPECTED = expected()


def test_the_same_files_are_generated() -> None:
    missing = sorted(set(RENDERED) - set(EXPECTED))
    extra = sorted(set(EXPECTED) - set(RENDERED))
    assert not missing and not extra, (
        f"generated but not expected: {missing}; expected but not generated: {extra} – "
        f"if intended, run: {UPDATE_COMMAND}"
    )


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_golden_page(path: str) -> None:
    if path not in EXPECTED:
        pytest.fail(f"no expected file for {path} – run: {UPDATE_COMMAND}")
    if RENDERED[path] != EXPECTED[path]:
        diff = "".join(
            difflib.unified_diff(
                EXPECTED[path].splitlines(True),
                RENDERED[path].splitlines(True),
                f"expected/{path}",
                f"rendered/{path}",
                n=2,
            )
        )
        pytest.fail(
            f"{path} differs from tests/golden/expected/{path}; if the change is "
            f"intended, run: {UPDATE_COMMAND}\n{diff[:4000]}",
            pytrace=False,
        )
