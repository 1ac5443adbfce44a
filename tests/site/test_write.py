"""The write stage: only changed files are rewritten, files no longer made are removed, and no
generated path leaves the output directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.write import write_tree


@pytest.fixture
def written_tree(tmp_path: Path) -> Path:
    out = tmp_path / "docs"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    write_tree(
        {
            "index.md": "# Start\n",
            "insatser/a.md": "A",
            "insatser/b.md": "B",
            "gamla/x.md": "X",
            "nedladdning/data.csv": b"a;b\n",
        },
        out,
    )
    return out


def test_a_cold_write_makes_every_file_with_its_bytes(written_tree: Path) -> None:
    assert (written_tree / "index.md").read_text() == "# Start\n"
    assert (written_tree / "insatser" / "b.md").read_text() == "B"
    assert (written_tree / "nedladdning" / "data.csv").read_bytes() == b"a;b\n"


def test_only_changed_files_are_rewritten_and_stale_ones_removed(written_tree: Path) -> None:
    kept = (written_tree / "insatser" / "a.md").stat().st_ino
    stats = write_tree(
        {
            "index.md": "# Start\n",
            "insatser/a.md": "A",
            "insatser/b.md": "B2",
            "nedladdning/data.csv": b"a;b\n",
        },
        written_tree,
    )
    assert (stats.written, stats.unchanged, stats.removed) == (1, 3, 1)
    assert (written_tree / "insatser" / "a.md").stat().st_ino == kept  # not rewritten
    assert (written_tree / "insatser" / "b.md").read_text() == "B2"
    assert not (written_tree / "gamla").exists()  # its only file went, so did the folder
    assert (written_tree / ".gitkeep").exists()
    assert not list(written_tree.rglob("*.tmp"))


@pytest.mark.parametrize(
    "rel", ["../ut.md", "/etc/x.md", "a/../../ut.md", "./a.md", "a//b.md", "a\\..\\b.md", ""]
)
def test_a_path_that_could_leave_the_output_directory_is_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ValueError):
        write_tree({rel: "x"}, tmp_path / "docs")
    assert not (tmp_path / "ut.md").exists()


def test_a_full_disk_leaves_whole_files_and_no_temporary_ones(
    written_tree: Path, monkeypatch
) -> None:
    import errno

    real = Path.write_bytes

    def full_disk(self: Path, data: bytes) -> int:
        if self.name == "b.md.tmp":
            real(self, data[:1])  # the disk fills up in the middle of the file
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_tree(
            {
                "index.md": "# Ny start\n",
                "insatser/a.md": "A",
                "insatser/b.md": "B-ny",
                "nedladdning/data.csv": b"a;b\n",
            },
            written_tree,
        )
    assert (written_tree / "index.md").read_text() == "# Ny start\n"  # whole, new
    assert (written_tree / "insatser" / "b.md").read_text() == "B"  # whole, old
    assert not list(written_tree.rglob("*.tmp"))


def test_a_link_in_the_output_directory_cannot_carry_a_write_outside(tmp_path: Path) -> None:
    outside = tmp_path / "utanfor"
    outside.mkdir()
    out = tmp_path / "docs"
    out.mkdir()
    (out / "insatser").symlink_to(outside)
    write_tree({"insatser/a.md": "A"}, out)
    assert list(outside.iterdir()) == []  # the link went, a real folder took its place
    assert (out / "insatser/a.md").read_text() == "A" and not (out / "insatser").is_symlink()
    link = tmp_path / "lank"
    link.symlink_to(outside)
    with pytest.raises(ValueError):
        write_tree({"a.md": "A"}, link)
    assert list(outside.iterdir()) == []
