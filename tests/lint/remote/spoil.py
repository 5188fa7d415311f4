"""Ways a real cache file goes bad, and a real read-only folder, for the cache tests.

Each spoiler takes the file a real run wrote and damages it in place, as a crash, a full
disk, a bad restore of a CI cache or a stray tool would.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PAGE = 4096  # SQLite's default page size, the one the cache is written with


def garbage_after_the_first_page(path: Path) -> None:
    """Pages 2.. overwritten: the header and the schema read fine, the rows do not."""
    size = path.stat().st_size
    assert size > PAGE, "the cache must have more than one page for this spoiler"
    with path.open("r+b") as file:
        file.seek(PAGE)
        file.write(bytes(range(256)) * ((size - PAGE) // 256 + 1))


def not_a_database(path: Path) -> None:
    path.write_bytes(b"<html>a CI cache restored the wrong file</html>\n" * 200)


def truncated(path: Path) -> None:
    """Cut inside the first page, as a full disk or a killed copy leaves it."""
    os.truncate(path, 1000)


SPOILERS: list[Callable[[Path], None]] = [garbage_after_the_first_page, not_a_database, truncated]


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """*folder* read-only for real: no file created, renamed or removed in it.

    Root ignores permission bits, so as root the folder is made immutable (``chattr +i``);
    the test is skipped where neither works.
    """
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", folder], capture_output=True).returncode:
        pytest.skip("running as root without chattr +i: no way to make a folder read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", folder], check=True)
