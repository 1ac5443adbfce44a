"""Compiled templates kept between builds (generator/site/template_cache.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.site import template_cache


def _render(root: Path, templates: Path) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=template_cache.bytecode_cache(root),
    )
    return env.get_template("sida.html").render(namn="Hemtjänst")


def test_a_cached_template_renders_and_an_edited_one_is_compiled_anew(tmp_path: Path) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "sida.html").write_text("<h1>{{ namn }}</h1>", encoding="utf-8")
    assert _render(tmp_path, templates) == "<h1>Hemtjänst</h1>"
    cached = list((tmp_path / template_cache.FOLDER).iterdir())
    assert len(cached) == 1  # compiled once, kept
    assert _render(tmp_path, templates) == "<h1>Hemtjänst</h1>"  # from the cache
    (templates / "sida.html").write_text("<h2>{{ namn }}</h2>", encoding="utf-8")
    assert _render(tmp_path, templates) == "<h2>Hemtjänst</h2>"  # not the stale copy


def test_no_cache_where_the_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("en fil, ingen mapp", encoding="utf-8")
    assert template_cache.bytecode_cache(tmp_path) is None
    assert (tmp_path / ".cache").read_text(encoding="utf-8") == "en fil, ingen mapp"


def test_the_handbook_and_the_theme_keep_their_templates_in_the_checkout() -> None:
    root = template_cache.checkout_root()
    assert root is not None and (root / "mkdocs.yml").is_file()
    from generator.site.render.common import ENV

    assert isinstance(ENV.bytecode_cache, jinja2.FileSystemBytecodeCache)
