"""Atomic file writes: readers see the old file or the new one, never half of either.

Every file recapkit writes (a fixed post, a scaffolded post, a rendered post, a data file, a
report, a cache entry) goes through :func:`write_bytes` or :func:`write_text`: a temporary file
in the same folder, then a rename. An overwritten file keeps its permission bits; a new file
gets what ``open()`` would give it (``0o666 & ~umask``). Ctrl-C and SIGTERM wait for a write to
end, so an interrupted run leaves neither half a file nor a temporary one.

An *output* the user named (``-o`` of lint, render, schema) is treated as a shell redirection
would treat it; two kinds of target are then not renamed over. A target that exists and is not
a regular file (a device such as ``/dev/stdout``, a FIFO, ``/proc/self/fd/1``, a shell's
``>(cat)``) is written in place: renaming over it would replace a device node with a file (as
root, for the whole container); nothing a user keeps is lost by writing to it, so
``overwrite=False`` does not refuse it. A symbolic link is followed and the file it names is
replaced, so the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes(
    path: Path, data: bytes, *, overwrite: bool = True, durable: bool = True, output: bool = False
) -> None:
    """Write *data* to *path* atomically.

    With ``overwrite=False`` an existing *path* raises :class:`FileExistsError`, decided
    atomically (a hard link, or an exclusive create where links are not supported), so a file
    that appears meanwhile is never clobbered. ``durable`` fsyncs before the rename (skip it
    for caches, which may be lost). With ``output`` (a file the user named for a report or a
    rendered post), a device or FIFO is written in place and a link is followed (see above);
    without it, the rename replaces whatever *path* is, so a post swapped for a link or a FIFO
    between reading and fixing never leads a write elsewhere.
    """
    if output and _is_special(path):
        _write_in_place(path, data)
        return
    if output and path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if overwrite else _new_file_mode()
    except FileNotFoundError:
        mode = _new_file_mode()
    import tempfile  # here: a run that writes nothing (lint --no-cache) need not import it

    with _interruptions_held():
        descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path.name))
        temp = Path(temp_name)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                if durable:
                    stream.flush()
                    os.fsync(stream.fileno())
            temp.chmod(mode)
            if overwrite:
                temp.replace(path)
            else:
                _link_no_clobber(temp, path, data)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


@contextlib.contextmanager
def _interruptions_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block ends, and are raised then.

    Raised inside mkstemp, after it created the file but before the ``finally`` that removes it
    covers it, they would leave the temporary file behind. Blocked in this thread only: were
    another thread to take the signal, Python would still raise it here, as it would without this.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _is_special(path: Path) -> bool:
    """Whether *path* (links followed) exists and is neither a regular file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:  # missing, a dangling link, a loop: the rename path reports it
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_in_place(path: Path, data: bytes) -> None:
    # No fsync: pipes and terminals refuse it, and there is no file to make durable.
    with path.open("wb") as stream:
        stream.write(data)


TEMP_PREFIX = ".rk-"
_NAME_BYTES = 32


def temp_prefix(name: str) -> str:
    """``.rk-`` and the start of *name* (at most 32 UTF-8 bytes, whole characters).

    The temp file must fit wherever *name* fits: file systems cap a name at 255 bytes, and
    mkstemp adds 8 random characters, so the prefix stays short whatever *name*'s length.
    """
    head = name.encode("utf-8", "surrogateescape")[:_NAME_BYTES]
    return f"{TEMP_PREFIX}{head.decode('utf-8', 'ignore')}."


def write_text(path: Path, text: str, *, overwrite: bool = True, output: bool = False) -> None:
    """Write *text* as UTF-8 (line endings as given) to *path* atomically; see :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite, output=output)


def _link_no_clobber(temp: Path, path: Path, data: bytes) -> None:
    try:
        path.hardlink_to(temp)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network and FAT file systems)
        with path.open("xb") as stream:
            stream.write(data)
