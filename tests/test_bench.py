"""The benchmark's synthetic content: N× the real insatser, still valid content (no timings)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # bench/ is a script folder, not an installed package

from bench.synthetic import scale_content  # noqa: E402
from generator.model import load_content  # noqa: E402


def _records(folder: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yml")}


@pytest.fixture(scope="module")
def real_insatser() -> dict[str, dict]:
    records = _records(ROOT / "content" / "insatser")
    assert records, "content/insatser/ has no records to scale"
    return records


@pytest.fixture(scope="module")
def tripled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench-3x")
    scale_content(ROOT / "content", root / "content", 3)
    return root


def test_tripled_content_has_three_times_the_insatser(tripled: Path, real_insatser) -> None:
    files = list((tripled / "content" / "insatser").glob("*.yml"))
    assert len(files) == 3 * len(real_insatser)


def test_tripled_content_loads_and_validates_without_problems(tripled: Path, real_insatser) -> None:
    content, problems = load_content(tripled)
    assert [str(p) for p in problems] == []
    assert len(content.insatser) == 3 * len(real_insatser)
    assert len({i.id for i in content.insatser}) == len(content.insatser)


def test_clones_keep_the_shape_of_their_original(tripled: Path, real_insatser) -> None:
    scaled = _records(tripled / "content" / "insatser")
    for original_id, original in real_insatser.items():
        for k in (1, 2):
            clone = scaled[f"{original_id}-syntetisk-{k}"]
            assert clone["id"] == f"{original_id}-syntetisk-{k}"
            assert clone["namn"] != original["namn"]
            pairs = list(
                zip(clone.get("medlemskap") or [], original.get("medlemskap") or [], strict=True)
            )
            for cm, om in pairs:
                assert (cm["omrade"], cm["kategori"]) == (om["omrade"], om["kategori"])
                assert cm.get("kallor") == om.get("kallor")
                assert cm.get("forklaring") == om.get("forklaring")
                c_stats, o_stats = cm.get("statistik"), om.get("statistik")
                assert (c_stats is None) == (o_stats is None)
                if o_stats:
                    for measure in ("ges", "digitalt", "enskild_regi", "utan_beslut"):
                        assert c_stats.get(measure) == o_stats.get(measure)


def test_scaling_leaves_the_other_content_as_it_is(tripled: Path) -> None:
    for folder in ("omraden", "kallor", "iub", "skolgang"):
        source = ROOT / "content" / folder
        if source.is_dir():
            assert _records(tripled / "content" / folder) == _records(source)


def test_factor_one_is_a_plain_copy(tmp_path: Path, real_insatser) -> None:
    scale_content(ROOT / "content", tmp_path / "content", 1)
    assert _records(tmp_path / "content" / "insatser") == real_insatser


def test_factor_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        scale_content(ROOT / "content", tmp_path / "content", 0)


def test_fair_reference_has_each_generated_page_with_its_size_headings_and_links(
    tmp_path: Path,
) -> None:
    from bench.reference import page_shapes, write_fair_reference_site

    docs = tmp_path / "generated"
    (docs / "insatser").mkdir(parents=True)
    (docs / "index.md").write_text(
        "---\ntitle: Start\n---\n\n# Start\n\n[A](insatser/a.md)\n"
        "## Mer\n\n" + "text " * 200 + "\n",
        encoding="utf-8",
    )
    (docs / "insatser" / "a.md").write_text(
        '# A\n\n## B\n\n## C\n\n[x](../index.md) [y](../index.md) <a href="#c">c</a>\n',
        encoding="utf-8",
    )
    config = {
        "site_name": "X",
        "theme": {"name": "material", "features": ["search.suggest"], "custom_dir": "overrides"},
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
        "validation": {"links": {"anchors": "warn"}},
        "nav": ["index.md"],
        "plugins": [{"search": {"lang": "sv"}}, "insatshandboken"],
    }
    root = write_fair_reference_site(config, tmp_path / "fair", docs)
    original = {s.path: s for s in page_shapes(docs)}
    copied = {s.path: s for s in page_shapes(root / "docs")}
    assert original.keys() == copied.keys()
    for path, shape in original.items():
        assert (copied[path].headings, copied[path].links) == (shape.headings, shape.links)
        assert shape.size <= copied[path].size <= shape.size + 500
    written = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert written["markdown_extensions"] == config["markdown_extensions"]
    assert written["validation"] == config["validation"] and written["nav"] == ["index.md"]
    assert written["theme"]["features"] == ["search.suggest"]
    assert "custom_dir" not in written["theme"]  # the handbook's own theme code is not in it
    assert written["plugins"] == [{"search": {"lang": "sv"}}]  # nor its plugin
