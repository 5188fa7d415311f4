"""Running part of a test as an unprivileged user, so file permissions apply even under root.

Tests run as root in CI containers, where ``chmod 0`` stops nobody. :func:`as_nobody` forks,
drops the child to uid/gid 65534 (``nobody``) and runs a function there, returning what it
returned (or re-raising what it raised). Modules the function needs must be imported before the
fork: the child may not be allowed to read recapkit's own files.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

NOBODY = 65534
T = TypeVar("T")

needs_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="dropping privileges needs root"
)


def as_nobody(function: Callable[[], T]) -> T:
    """``function()`` run in a forked child with uid and gid 65534 and no groups."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            outcome: tuple[bool, object] = (True, function())
        except BaseException as exc:
            outcome = (False, exc)
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(outcome, pipe)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    ok, value = pickle.loads(data)
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[no-any-return]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder that ``nobody`` can enter and write in (pytest's tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="recapkit-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)
