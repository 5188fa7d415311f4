"""How a run tells a file changed: content digests, and the stamps of the files that may hold a
post's recap data, with the folders holding them listed again only when they change.

Every post has up to eight places its recap data may be (sidecars beside it, files in the site's
data folder: :attr:`recapkit.post.types.Post.recap_candidates`), nearly all absent, and both a
cold run and a cached one must know which exist. Opening each costs a failed system call and a
few path objects per candidate; a folder listed once answers for all the posts in it. A listing
is reused while the folder's modification time is unchanged (adding, removing or renaming a file
changes it), so a long ``--watch`` session sees a new sidecar at once.
"""

from __future__ import annotations

import hashlib
import os
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from recapkit._read import read_limited

DataFileStamp = tuple[str, str]
"""(absolute path, content digest or "" when absent): a file that may hold the post's recap
data (a sidecar, the data folder's), whose content its findings depend on."""

MAX_DATA_BYTES = 16 * 2**20
"""Over the recap data files' own limit: such a file is only ever an error, its digest counts."""

_SETTLED_NS = 2_000_000_000
"""A listing taken this soon after the folder changed is not kept: a change in the same tick of a
coarse file system clock would leave the modification time as it was."""

_folders: dict[str, tuple[int, frozenset[str]]] = {}


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def data_file_stamp(path: str) -> DataFileStamp:
    """*path* and its content digest ("" when there is no such file, or it cannot be read:
    the post then reads no data from it either)."""
    try:
        return (path, digest(read_limited(Path(path), MAX_DATA_BYTES)))
    except OSError:
        return (path, "")


def data_file_stamps(paths: Iterable[str]) -> tuple[DataFileStamp, ...]:
    """:func:`data_file_stamp` of each absolute path, reading only the files their folders
    hold."""
    stamps: list[DataFileStamp] = []
    listed: dict[str, frozenset[str] | None] = {}
    for path in paths:
        folder, name = os.path.split(path)
        if folder not in listed:
            listed[folder] = _names(folder)
        names = listed[folder]
        hit = names is None or _folded(name) in names  # a hit is then read, and stamped as is
        stamps.append(data_file_stamp(path) if hit else (path, ""))
    return tuple(stamps)


def _folded(name: str) -> str:
    """*name* as a case-insensitive file system (macOS, Windows) matches it: the post reads
    `go.recap.yaml` beside `Go.md` there, so the listing must not call it absent."""
    return unicodedata.normalize("NFC", name).casefold()


def _names(folder: str) -> frozenset[str] | None:
    """The names in *folder*, folded (:func:`_folded`); empty when it does not exist; None when it
    cannot be listed (then each file is tried on its own)."""
    # os on str paths: saving the path objects of every candidate is this module's point.
    try:
        changed = os.stat(folder).st_mtime_ns  # noqa: PTH116
    except FileNotFoundError:
        return frozenset()
    except OSError:
        return None
    known = _folders.get(folder)
    if known is not None and known[0] == changed:
        return known[1]
    try:
        names = frozenset(map(_folded, os.listdir(folder)))  # noqa: PTH208
    except FileNotFoundError:
        return frozenset()
    except OSError:
        return None
    if time.time_ns() - changed > _SETTLED_NS:
        _folders[folder] = (changed, names)
    return names
