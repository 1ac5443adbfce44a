"""The committed content: valid, and stable through load → dump → load."""

from pathlib import Path

from generator.model import load_content
from generator.model.dump import dump_content

ROOT = Path(__file__).resolve().parents[2]
# The explainer, the everyday words and the contact list keep their own comments and layout.
HAND_WRITTEN = {"content/iub/om-iub.yml", "content/sokord.yml", "content/kontakter.yml"}


def test_committed_content_has_no_problems():
    _, problems = load_content(ROOT)
    assert [str(p) for p in problems] == []


def test_load_dump_load_is_stable(tmp_path):
    content, _ = load_content(ROOT)
    files = dump_content(content)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
        if rel not in HAND_WRITTEN:  # imported files are written by the same dumper
            assert (ROOT / rel).read_text(encoding="utf-8") == text, rel
    again, problems = load_content(tmp_path)
    assert problems == []
    assert again == content
    assert dump_content(again) == files
