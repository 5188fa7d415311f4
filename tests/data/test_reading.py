"""``recapkit.data.reading``: what ``load_recap`` says about a path it cannot read as a data file
(real FIFOs, devices, links and folders, never stand-ins) and about bytes that are not UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recapkit.data.files import DataFileError, load_recap
from recapkit.errors import UsageError
from tests.files import write

GOOD = "title: Go Meetup\ndate: 2025-03-01\nevent:\n  name: Go\n"


def refusal(path: Path) -> str:
    with pytest.raises(UsageError) as info:
        load_recap(path)
    return str(info.value)


def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "recap.yaml"
    os.mkfifo(fifo)
    assert refusal(fifo) == f"{fifo}: a FIFO (named pipe), not a regular file"


def test_a_link_to_a_device_is_refused_before_a_byte_is_read(tmp_path: Path) -> None:
    link = tmp_path / "recap.json"
    link.symlink_to("/dev/zero")
    assert refusal(link) == f"{link}: a device, not a regular file (it links to /dev/zero)"


def test_a_folder_named_like_a_data_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "recap.toml"
    folder.mkdir()
    assert refusal(folder) == f"{folder}: a folder, not a regular file"


def test_links_that_lead_nowhere_say_why(tmp_path: Path) -> None:
    loop, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    loop.symlink_to(other)
    other.symlink_to(loop)
    assert refusal(loop) == f"{loop}: symlink loop: following its links never reaches a file"
    broken = tmp_path / "c.yaml"
    broken.symlink_to("gone.yaml")
    assert refusal(broken) == (
        f"{broken}: broken symlink (it points to gone.yaml, which does not exist)"
    )
    assert refusal(tmp_path / "missing.yaml") == f"{tmp_path / 'missing.yaml'}: no such file"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GOOD.encode("utf-16"), "UTF-16 (little-endian)"),  # with its BOM, as Python writes it
        (GOOD.encode("utf-16-be"), "UTF-16 (big-endian)"),  # no BOM: the NUL pattern tells
        (GOOD.encode("utf-16-le"), "UTF-16 (little-endian)"),
        (GOOD.encode("utf-32"), "UTF-32 (little-endian)"),
        (GOOD.encode("utf-32-be"), "UTF-32 (big-endian)"),
    ],
)
def test_utf16_and_utf32_are_named_not_called_binary(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = write(tmp_path / "recap.yaml", data)
    with pytest.raises(DataFileError) as info:
        load_recap(path)
    assert str(info.value).startswith(f"{path}:1:1: {encoding} text, not UTF-8: save the file")
    assert ("PowerShell" in str(info.value)) == encoding.startswith("UTF-16")


def test_nul_bytes_that_are_not_wide_text_are_binary(tmp_path: Path) -> None:
    # Starts like UTF-16 (an ASCII byte, then NUL) but decodes to text holding NUL.
    path = write(tmp_path / "recap.json", b"{\x00\x00\x00\x00\x00")
    with pytest.raises(DataFileError, match="binary file"):
        load_recap(path)
