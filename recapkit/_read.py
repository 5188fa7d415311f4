"""Reading a user's file: a regular file only, and never more than a size limit.

A path named by a user or found in a site may be a FIFO (``open`` waits for a writer that never
comes), a device (``/dev/zero`` never ends) or a link to either, and a config file may be a
gigabyte. So every file recapkit reads goes through :func:`read_limited`: the file is opened
without blocking, its type is checked on the open descriptor (not on the name, which may be
swapped in between), and at most *limit* + 1 bytes are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotRegularFile", "ReadRefused", "TooLarge", "read_head", "read_limited"]


class ReadRefused(OSError):
    """A file recapkit will not read; ``str()`` is the reason, for the user."""


class NotRegularFile(ReadRefused):
    """A FIFO, device, socket or folder where a file was expected."""


class TooLarge(ReadRefused):
    """A file over the size limit; ``size`` is how large it is (or at least is)."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size} bytes"


def _open_regular(path: str | os.PathLike[str]) -> tuple[int, os.stat_result]:
    """An open descriptor of the regular file at *path*, and its stat; never blocks."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(Path(path), flags)
    try:
        info = os.fstat(descriptor)
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise NotRegularFile(f"{_kind(info.st_mode)}, not a regular file")
    return descriptor, info


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first *size* bytes (or fewer) of the regular file at *path*; see :func:`read_limited`."""
    descriptor, _info = _open_regular(path)
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(size)


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at *path* (links followed), at most *limit* of them.

    Raises :class:`NotRegularFile`, :class:`TooLarge`, or the :class:`OSError` of ``open``.
    """
    descriptor, info = _open_regular(path)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        if info.st_size > limit:
            raise TooLarge(
                f"file is {_megabytes(info.st_size)}, over the limit of {_megabytes(limit)}",
                info.st_size,
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # a file growing while read stops at the limit too
            chunk = stream.read(min(limit + 1 - size, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise TooLarge(f"file is over the limit of {_megabytes(limit)}", size)
    return b"".join(chunks)
