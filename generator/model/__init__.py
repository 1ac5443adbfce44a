"""Content in: YAML files → typed records (load) → checked as a whole (validate).

The stages are separate modules; `load_content` is the two in a row, for callers that
want the content and every problem at once (the CLI, tests, importers).
"""

from __future__ import annotations

from pathlib import Path

from generator.model.load import load_records
from generator.model.problems import Problem
from generator.model.records import Content
from generator.model.validate import validate


def load_content(root: Path) -> tuple[Content, list[Problem]]:
    """Load content/ and validate it: (content, every problem sorted by place)."""
    content, problems, positions = load_records(root)
    return content, sorted({*problems, *validate(content, positions)})
