"""Atomic writes keep modes, never clobber without permission and leave no temp files."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from recapkit.atomic import temp_prefix, write_bytes, write_text
from tests.files import FifoReader
from tests.paths import EXAMPLES


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


# --- what the rename must never replace, and what it must always do --------------------------


def test_a_regular_file_is_replaced_by_a_new_inode(tmp_path: Path) -> None:
    # Readers holding the old file keep reading it whole: the write went to a new file.
    target = tmp_path / "post.md"
    target.write_bytes(b"old")
    before = target.stat().st_ino
    with target.open("rb") as reader:
        write_bytes(target, b"new")
        assert reader.read() == b"old"
    assert target.read_bytes() == b"new" and target.stat().st_ino != before


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
def test_a_write_failing_midway_leaves_the_original_whole(tmp_path: Path) -> None:
    # A real failure, not a simulated one: the child may not write past 4 KiB, so writing
    # 64 KiB fails with EFBIG halfway. An in-place write would have truncated the original.
    target = tmp_path / "post.md"
    target.write_bytes(b"original\n" * 10)
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from recapkit.atomic import write_bytes\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        "    write_bytes(Path(sys.argv[1]), b'x' * 65536)\n"
        "except OSError as exc:\n"
        "    print(exc.errno)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == str(errno.EFBIG)
    assert target.read_bytes() == b"original\n" * 10
    assert os.listdir(tmp_path) == ["post.md"]  # the partial temp file is gone


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mknod needs root")
def test_an_output_device_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    write_bytes(device, b"report", output=True)
    write_bytes(device, b"report", output=True, overwrite=False)  # a device holds no data to lose
    assert stat.S_ISCHR(device.stat().st_mode)
    assert device.stat().st_rdev == os.makedev(1, 3)


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_an_output_fifo_is_streamed_to_its_reader(tmp_path: Path) -> None:
    fifo = FifoReader(tmp_path / "report.fifo")
    write_bytes(fifo.path, b"line 1\nline 2\n", output=True)
    assert fifo.text() == "line 1\nline 2\n"
    assert stat.S_ISFIFO(fifo.path.lstat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_an_output_link_stays_a_link_and_its_file_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    write_text(link, "new", output=True)
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and symbolic links")
def test_a_post_swapped_for_a_link_or_fifo_is_replaced_not_followed(tmp_path: Path) -> None:
    # --fix writes without `output`: whatever sits at the path is replaced by the fixed post, so
    # a post swapped meanwhile never leads the write elsewhere or blocks on a FIFO.
    elsewhere = tmp_path / "elsewhere.sh"
    elsewhere.write_text("#!/bin/sh\n")
    post = tmp_path / "post.md"
    post.symlink_to(elsewhere)
    write_text(post, "fixed")
    assert not post.is_symlink() and post.read_text() == "fixed"
    assert elsewhere.read_text() == "#!/bin/sh\n"
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    write_text(fifo, "fixed")
    assert fifo.read_text() == "fixed"


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_dump_recap_streams_to_a_fifo(tmp_path: Path) -> None:
    from recapkit import dump_recap, load_recap

    fifo = FifoReader(tmp_path / "recap.yaml")
    recap = load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    dump_recap(recap, fifo.path)
    assert f"title: {recap.title}" in fifo.text() and stat.S_ISFIFO(fifo.path.lstat().st_mode)
