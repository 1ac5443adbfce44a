"""The reference site: a bare Material for MkDocs site of a given size, no generator.

Same theme and search settings as the handbook's mkdocs.yml, hooks and other plugins
dropped, pages of lorem-like Swedish text reached through index pages (not the sidebar),
so it shows what Material itself costs for that many pages.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import yaml

# Everyday Swedish words, for text that stems and indexes like the handbook's.
WORDS = (
    "socialtjänsten insats stöd hjälp kommunen barn unga familj äldre boende hemtjänst "
    "kontaktperson samtal behandling missbruk beroende våld relation trygghet vardag "
    "individuell behovsprövning målgrupp villkor dokumentation uppföljning ansökan beslut "
    "gruppverksamhet anhöriga föräldrar skola arbete sysselsättning psykisk hälsa "
    "funktionsnedsättning personlig assistans ledsagning avlösning öppenvård rådgivning "
    "mötesplats och att som för med till av på är en ett det den de kan ska eller inte "
    "även genom under efter utan mellan varje många några vissa olika hela egen"
).split()
SECTIONS = 10  # index pages the reference pages hang from


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its `!!python/…` or `!ENV` tags."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV [NAME, …, default]` as MkDocs reads it: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    *names, default = loader.construct_sequence(node)
    return next((os.environ[n] for n in names if n in os.environ), default)


_PermissiveLoader.add_multi_constructor("", _any_tag)
_PermissiveLoader.add_constructor("!ENV", _env_tag)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}


def reference_config(config: dict[str, Any]) -> dict[str, Any]:
    """The handbook's site name, theme and search settings; nothing of its own."""
    theme = dict(config.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)  # the handbook's overrides are not part of "bare"
    search: Any = "search"
    for plugin in config.get("plugins") or []:
        if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin):
            search = plugin
    return {
        "site_name": config.get("site_name", "Referens"),
        "theme": theme,
        "plugins": [search],
        "nav": ["index.md"] + [f"del-{s}/index.md" for s in range(SECTIONS)],
        "not_in_nav": "/del-*/sida-*.md\n",
    }


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def lorem_page(rng: random.Random, title: str, size: int) -> str:
    """A Markdown page of about `size` bytes: heading, paragraphs, a list, sub-headings."""
    parts = [f"# {title}\n"]
    while sum(len(p.encode()) + 1 for p in parts) < size:
        kind = rng.random()
        if kind < 0.15:
            parts.append(f"## {_paragraph(rng, 3)[:-1]}\n")
        elif kind < 0.3:
            parts.append("\n".join(f"- {_paragraph(rng, 6)}" for _ in range(3)) + "\n")
        else:
            parts.append(_paragraph(rng, rng.randint(20, 60)) + "\n")
    return "\n".join(parts)


def write_reference_site(
    config: dict[str, Any], root: Path, pages: int, page_bytes: int, seed: int = 6
) -> Path:
    """Write mkdocs.yml and docs/ for `pages` Markdown pages (index pages included)."""
    rng = random.Random(seed)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(reference_config(config), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    leaves = max(0, pages - 1 - SECTIONS)
    per_section: list[list[str]] = [[] for _ in range(SECTIONS)]
    for n in range(leaves):
        per_section[n % SECTIONS].append(f"sida-{n}")
    index_links = []
    for s, names in enumerate(per_section):
        section = docs / f"del-{s}"
        section.mkdir()
        for name in names:
            (section / f"{name}.md").write_text(
                lorem_page(rng, f"Insats {name}", page_bytes), encoding="utf-8"
            )
        links = "\n".join(f"- [Insats {n}]({n}.md)" for n in names)
        (section / "index.md").write_text(f"# Del {s}\n\n{links}\n", encoding="utf-8")
        index_links.append(f"- [Del {s}](del-{s}/index.md)")
    (docs / "index.md").write_text(
        "# Referens\n\n" + "\n".join(index_links) + "\n", encoding="utf-8"
    )
    return root
