"""The text of a data file: read safely and decoded as UTF-8, or a message saying what it is.

Every data file (``validate``, ``render``, ``new --from``, :func:`recapkit.load_recap`) is read
through :func:`recapkit._read.read_limited`: a FIFO never blocks, a device (or a link to one)
is never read, and no more than :data:`MAX_BYTES` is read into memory. A path that cannot be
read is a :class:`~recapkit.errors.UsageError` naming why (a symlink loop, a broken link, a
folder); bytes that are not UTF-8 text are a positioned
:class:`~recapkit.data.problems.DataFileError`.

UTF-16 and UTF-32 are named as such rather than called binary: Windows PowerShell 5 writes
UTF-16 with ``>``, so the writer needs to hear which encoding to leave, not that the file is
broken. They are refused, not decoded: TOML requires UTF-8, JSON between systems must be
UTF-8 (RFC 8259 section 8.1), and posts are refused the same way, so one rule holds everywhere.
"""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

from recapkit._read import NotRegularFile, TooLarge, read_limited
from recapkit.data.problems import file_problem
from recapkit.errors import UsageError

__all__ = ["MAX_BYTES", "decode", "read_text"]

MAX_BYTES = 5 * 1024 * 1024
"""A recap is a few kilobytes; anything over this is not one."""


def read_text(path: str | os.PathLike[str]) -> str:
    """The UTF-8 text of a data file (BOM dropped).

    Raises :class:`~recapkit.errors.UsageError` when the path cannot be read as a file and
    :class:`DataFileError` when its bytes are not a recap's text (too large, binary, not UTF-8).
    """
    name = str(path)
    try:
        data = read_limited(path, MAX_BYTES)
    except TooLarge:
        raise file_problem(
            name, f"file is larger than {MAX_BYTES // 2**20} MB; not a recap"
        ) from None
    except OSError as exc:
        raise UsageError(f"{name}: {why_unreadable(Path(path), exc)}") from None
    return decode(data, name)


def why_unreadable(path: Path, exc: OSError) -> str:
    """Why *path* could not be opened as a file, in a user's words."""
    if isinstance(exc, NotRegularFile):
        return f"{exc}{_link_note(path)}"
    if exc.errno == errno.ELOOP:
        return "symlink loop: following its links never reaches a file"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symlink (it points to {_target(path)}, which does not exist)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:  # removed or replaced since it was opened
        return "a missing file"


def _link_note(path: Path) -> str:
    try:
        return f" (it links to {path.resolve(strict=True)})" if path.is_symlink() else ""
    except OSError:
        return ""


# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)
# Without a mark, text in these encodings starts with an ASCII character padded by NUL bytes
# in a fixed pattern (the detection of YAML 1.2, section 5.2): which of the first bytes are NUL.
_NUL_PATTERNS = (
    ((True, True, True, False), "utf-32-be", "UTF-32 (big-endian)"),
    ((False, True, True, True), "utf-32-le", "UTF-32 (little-endian)"),
    ((True, False), "utf-16-be", "UTF-16 (big-endian)"),
    ((False, True), "utf-16-le", "UTF-16 (little-endian)"),
)


def wide_encoding(data: bytes) -> str | None:
    """``UTF-16 (little-endian)`` and the like when *data* is UTF-16 or UTF-32 text, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    for pattern, codec, name in _NUL_PATTERNS:
        head = data[: len(pattern)]
        nuls = tuple(byte == 0 for byte in head)
        if nuls == pattern and _decodes(data, codec):
            return name
    return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return "\0" not in text  # binary data that happens to decode is still binary


def decode(data: bytes, name: str) -> str:
    """*data* as UTF-8 text (a BOM dropped), or a DataFileError at the first byte that is not."""
    wide = wide_encoding(data)
    if wide is not None:
        hint = " (PowerShell 5's '>' writes UTF-16: use '| Out-File -Encoding utf8')"
        message = f"{wide} text, not UTF-8: save the file as UTF-8"
        raise file_problem(name, message + (hint if wide.startswith("UTF-16") else ""))
    if b"\0" in data:
        raise file_problem(name, "binary file (it contains NUL bytes); save it as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1)
        raise file_problem(name, "not UTF-8 text; save the file as UTF-8", line, column) from None
