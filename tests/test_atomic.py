"""Atomic writes keep modes, never clobber without permission and leave no temp files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from recapkit.atomic import temp_prefix, write_bytes, write_text


def test_new_file_gets_the_umask_mode_and_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    write_text(target, "a\r\nb")
    assert target.read_bytes() == b"a\r\nb"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_overwrite_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_text("old")
    target.chmod(0o640)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_no_clobber_refuses_an_existing_file_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_text("keep me")
    with pytest.raises(FileExistsError):
        write_text(target, "replacement", overwrite=False)
    assert target.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_no_clobber_creates_a_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    write_text(target, "fresh", overwrite=False)
    assert target.read_text() == "fresh"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]


@pytest.mark.parametrize("overwrite", [True, False])
def test_a_name_of_255_bytes_can_be_written(tmp_path: Path, overwrite: bool) -> None:
    path = tmp_path / ("文" * 84 + ".md")  # 255 bytes: the longest name file systems allow
    write_text(path, "one\n", overwrite=overwrite)
    write_text(path, "two\n")
    assert path.read_text(encoding="utf-8") == "two\n"
    assert os.listdir(tmp_path) == [path.name]  # no temp file left behind


def test_the_temp_prefix_is_short_and_whole_characters() -> None:
    prefix = temp_prefix("文" * 84 + ".md")
    assert prefix.startswith(".rk-") and prefix.endswith(".")
    assert len(prefix.encode("utf-8")) <= 4 + 32 + 1
    assert prefix == ".rk-" + "文" * 10 + "."  # 30 bytes; the 11th character would cut at 32
