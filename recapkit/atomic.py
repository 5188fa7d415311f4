"""Atomic file writes: readers see the old file or the new one, never half of either.

Every file recapkit writes (a fixed post, a scaffolded post, a rendered post, a data file, a
report, a cache entry) goes through :func:`write_bytes` or :func:`write_text`: a temporary file
in the same folder, then a rename. An overwritten file keeps its permission bits; a new file
gets what ``open()`` would give it (``0o666 & ~umask``). Ctrl-C and SIGTERM wait for a write to
end, so an interrupted run leaves neither half a file nor a temporary one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes(path: Path, data: bytes, *, overwrite: bool = True, durable: bool = True) -> None:
    """Write *data* to *path* atomically.

    With ``overwrite=False`` an existing *path* raises :class:`FileExistsError`, decided
    atomically (a hard link, or an exclusive create where links are not supported), so a file
    that appears meanwhile is never clobbered. ``durable`` fsyncs before the rename (skip it
    for caches, which may be lost).
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if overwrite else _new_file_mode()
    except FileNotFoundError:
        mode = _new_file_mode()
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


TEMP_PREFIX = ".rk-"
_NAME_BYTES = 32


def temp_prefix(name: str) -> str:
    """``.rk-`` and the start of *name* (at most 32 UTF-8 bytes, whole characters).

    The temp file must fit wherever *name* fits: file systems cap a name at 255 bytes, and
    mkstemp adds 8 random characters, so the prefix stays short whatever *name*'s length.
    """
    head = name.encode("utf-8", "surrogateescape")[:_NAME_BYTES]
    return f"{TEMP_PREFIX}{head.decode('utf-8', 'ignore')}."


def write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write *text* as UTF-8 (line endings as given) to *path* atomically; see :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def _link_no_clobber(temp: Path, path: Path, data: bytes) -> None:
    try:
        path.hardlink_to(temp)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network and FAT file systems)
        with path.open("xb") as stream:
            stream.write(data)
