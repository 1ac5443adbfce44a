"""Every CLI command is documented where editors and newcomers look (README, CONTRIBUTING)."""

from pathlib import Path

from generator.cli import _parser

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return sorted(sub.choices)


def test_readme_mentions_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"python -m generator {c}" not in readme]
    assert not missing, f"README.md does not mention: {missing}"


def test_contributing_mentions_editor_commands():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in (
        "make validate",
        "make serve",
        "python -m generator new insats",
        "python -m generator import",
    ):
        assert needle in guide, needle


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
