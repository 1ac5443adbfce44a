"""The reference sites: Material for MkDocs sites without the generator.

(b) bare: same theme and search settings as the handbook's mkdocs.yml, other plugins
dropped, pages of lorem-like Swedish text reached through index pages (not the sidebar),
so it shows what Material itself costs for that many pages.
(b fair): one page per generated page with the same path, byte size, heading and link
counts, under the handbook's own markdown_extensions, validation, nav and theme features –
the same work for MkDocs and Material, so (a)/(b fair) is what the handbook's own code costs.
"""

from __future__ import annotations

import os
import posixpath
import random
import re
from dataclasses import dataclass
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


PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class PythonName(str):
    """A `!!python/name:` value, kept as a name and written back as the same tag (the
    emoji extension's icon index), so the reference loads the handbook's extensions."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    PythonName, lambda dumper, name: dumper.represent_scalar(PYTHON_NAME + name, "")
)


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix.startswith(PYTHON_NAME):
        return PythonName(suffix[len(PYTHON_NAME) :])
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
        yaml.dump(reference_config(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False),
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


# ---------------------------------------------------------------- the fair reference

_HEADING = re.compile(r"^#{1,6} ", re.M)
_LINK = re.compile(r"\]\(|<a\s[^>]*href=")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass(frozen=True)
class PageShape:
    path: str  # relative to docs_dir, "insatser/hemtjanst.md"
    size: int  # bytes of the Markdown file
    headings: int
    links: int


def page_shapes(docs: Path) -> list[PageShape]:
    """Size, heading and link counts of every generated Markdown page (front matter aside)."""
    shapes = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = _FRONT_MATTER.sub("", text)
        shapes.append(
            PageShape(
                path.relative_to(docs).as_posix(),
                len(text.encode("utf-8")),
                len(_HEADING.findall(body)),
                len(_LINK.findall(body)),
            )
        )
    return shapes


def fair_config(config: dict[str, Any]) -> dict[str, Any]:
    """The handbook's own site settings without its code: theme with its features (not its
    overrides), search settings, markdown_extensions, validation, nav and not_in_nav."""
    out = reference_config(config)
    out.pop("not_in_nav")
    for key in ("markdown_extensions", "validation", "nav", "not_in_nav", "site_description"):
        if key in config:
            out[key] = config[key]
    return out


def _relative(src: str, dest: str) -> str:
    return posixpath.relpath(dest, posixpath.dirname(src) or ".")


def fair_page(rng: random.Random, shape: PageShape, others: list[str]) -> str:
    """A page of `shape`: its number of headings and links (to other reference pages), then
    plain paragraphs up to its size in bytes."""
    parts = [f"# {shape.path}\n"]
    links = (
        [
            f"[{_paragraph(rng, 2)[:-1]}]({_relative(shape.path, rng.choice(others))})"
            for _ in range(shape.links)
        ]
        if others
        else []
    )
    for h in range(max(0, shape.headings - 1)):
        parts.append(f"## {_paragraph(rng, 3)[:-1]} {h}\n")
        share = links[h :: max(1, shape.headings - 1)]
        parts.append(_paragraph(rng, 12) + (" " + " ".join(share) if share else "") + "\n")
    if shape.headings <= 1 and links:
        parts.append(" ".join(links) + "\n")
    text = "\n".join(parts)
    while len(text.encode("utf-8")) < shape.size:
        text += "\n" + _paragraph(rng, rng.randint(20, 60)) + "\n"
    return text


def write_fair_reference_site(
    config: dict[str, Any], root: Path, docs: Path, seed: int = 6
) -> Path:
    """Write mkdocs.yml and docs/ with one page per generated page of `docs`: the same path,
    size, heading and link counts, under the handbook's own Markdown and validation
    settings – the same work for MkDocs and Material, with none of the handbook's code."""
    rng = random.Random(seed)
    shapes = page_shapes(docs)
    paths = [s.path for s in shapes]
    out = root / "docs"
    for shape in shapes:
        target = out / shape.path
        target.parent.mkdir(parents=True, exist_ok=True)
        others = [p for p in paths if p != shape.path] or paths
        target.write_text(fair_page(rng, shape, others), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        yaml.dump(fair_config(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return root
