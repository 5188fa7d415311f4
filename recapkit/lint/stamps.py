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
from typing import Any

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


def data_file_stamps(
    paths: Iterable[str], listed: Listings | None = None
) -> tuple[DataFileStamp, ...]:
    """:func:`data_file_stamp` of each absolute path, reading only the files their folders
    hold. *listed* keeps the folders' listings between calls (see :data:`Listings`)."""
    listed = {} if listed is None else listed
    stamps: list[DataFileStamp] = []
    for path in paths:
        folder, name = os.path.split(path)
        stamps.append((path, _digest_of(path, name, _listing(folder, listed))))
    return tuple(stamps)


Listings = dict[str, frozenset[str] | None]
"""Folder -> its names (see :func:`_names`), for one run: a run checking thousands of cached
posts lists (and stats) each folder once, not once per post."""

StoredStamps = list[list[Any]]
"""Data file stamps as the cache stores them: ``[[folder, "name/name/...", "digest/digest/..."],
...]``, names and digests joined by ``/`` (in no file name, on any system: it parts them).

A post's candidates share two or three folders: stored once each, they took a fifth off the cache
file (3.6 to 2.9 MB on the 4,000-file bench), and checking them splits no path. Joined, the
eight names and mostly empty digests of a post are four strings to decode instead of forty
lists and strings: stamps were half of the cache file, and of a cached run's decoding."""

_SEP = "/"


def stored(stamps: Iterable[DataFileStamp]) -> StoredStamps:
    """*stamps* grouped by folder, in their order, for the cache."""
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for path, digest_ in stamps:
        folder, name = os.path.split(path)
        names, digests = groups.setdefault(folder, ([], []))
        names.append(name)
        digests.append(digest_)
    return [
        [folder, _SEP.join(names), _SEP.join(digests)]
        for folder, (names, digests) in groups.items()
    ]


def current(groups: StoredStamps, listed: Listings) -> tuple[DataFileStamp, ...] | None:
    """The stamps that :func:`stored` grouped in *groups*, when every file is still as stamped;
    None when one came, went or changed. A damaged group raises TypeError or ValueError.

    One pass checks and restores (a cached run of 4,000 posts does this for 32,000 names)."""
    stamps: list[DataFileStamp] = []
    for group in groups:
        folder, names, digests = group
        if type(folder) is not str or type(names) is not str or type(digests) is not str:
            raise TypeError(f"not stored stamps: {group!r}")  # damaged: never stat an fd
        prefix = _prefix(folder)
        listing = _listing(folder, listed)
        for name, digest_ in zip(names.split(_SEP), digests.split(_SEP), strict=True):
            path = prefix + name
            if _digest_of(path, name, listing) != digest_:
                return None
            stamps.append((path, digest_))
    return tuple(stamps)


def _prefix(folder: str) -> str:
    # What os.path.join puts before a name, at a tenth of its cost: eight names per post.
    return folder if folder.endswith(os.sep) else folder + os.sep


def _listing(folder: str, listed: Listings) -> frozenset[str] | None:
    """*folder*'s names (:func:`_names`), listed once per run."""
    names = listed.get(folder, _UNLISTED)
    if names is _UNLISTED:
        names = listed[folder] = _names(folder)
    return names


def _digest_of(path: str, name: str, names: frozenset[str] | None) -> str:
    """The digest of the file *path*, named *name* in a folder holding *names*: "" when the
    listing says it is absent, without a system call."""
    if names is not None and _folded(name) not in names:
        return ""
    return data_file_stamp(path)[1]  # a hit is read, and stamped as is


_UNLISTED: frozenset[str] = frozenset({"/"})  # a sentinel: no folder's listing holds "/"


def _folded(name: str) -> str:
    """*name* as a case-insensitive file system (macOS, Windows) matches it: the post reads
    `go.recap.yaml` beside `Go.md` there, so the listing must not call it absent."""
    if name.isascii():
        return name.lower()  # what NFC and casefold make of ASCII, at a fraction of the cost
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
