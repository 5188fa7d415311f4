"""The lint cache: a file's findings keyed by its content hash, per configuration and version.

One file per (recapkit version, configuration, site, rule set): ``lint-<key>.jsonl`` in the
cache directory (platformdirs' user cache dir by default), a line per file: its path as a JSON
string, a tab, its entry as JSON. An entry is decoded only when its file is looked up: the run
never holds every entry as Python lists (7 MB of the main process's 78 MB on the 4,000-file
bench), and a damaged line costs only its own file a recomputation. An entry maps a file's resolved path
to its content digest, its findings (without the path, which reports re-stamp) and the
*dependencies* of rules that look beyond the post: paths whose existence was checked (an image
file), and the digests of the files that may hold its recap data (a sidecar, the data folder's).
A hit needs the same digest and every dependency as it was, so deleting an image between runs
still reports it missing and editing only a sidecar re-checks the post. Writes are atomic (temp file + ``os.replace``): concurrent runs
never see a torn file; the last writer wins and the loser's entries are merely recomputed later.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from recapkit import atomic
from recapkit._read import read_limited
from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from recapkit.lint.stamps import DataFileStamp, Listings, current, stored
from recapkit.lint.suppressions import NONE, Suppressions

FORMAT = 10
RACY_NS = 2_000_000_000
"""A file modified less than this long ago is matched by content, never by its time stamp."""
MAX_ENTRIES = 50_000
MAX_CACHE_BYTES = 512 * 2**20
"""A cache file over this size is not read (it starts afresh)."""
"""Beyond this the oldest entries are dropped, so a shared cache dir cannot grow without bound."""

Stamp = tuple[int, int]
"""(size, modification time in ns) of a file: when both match, its content is not re-read."""
Dependency = tuple[str, bool]
"""(absolute path, whether it existed)."""
RemoteRefData = tuple[str, int, int, int, int, bool]
"""(url, line, column, end_line, end_column, is_image): a remote image or link of the post."""
FragmentLinkData = tuple[str, int, int, int, int]
"""(url, line, column, end_line, end_column): a link of the post to a ``#fragment`` of another
file, checked after every post is linted (:mod:`recapkit.lint.cross_posts`)."""


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir  # deferred: only runs that use the cache import it

    return Path(user_cache_dir("recapkit", appauthor=False))


@frozen
class CachedFile:
    """What the cache remembers about one file."""

    digest: str
    diagnostics: tuple[Diagnostic, ...]
    dependencies: tuple[Dependency, ...] = ()
    remote_refs: tuple[RemoteRefData, ...] = ()
    suppressions: Suppressions = NONE
    """Kept for the remote findings of a cached post, which must not re-read it."""
    draft: bool = False
    """Kept for the same reason: the remote findings of a draft get the draft severities."""
    fragment_links: tuple[FragmentLinkData, ...] = ()
    data_files: tuple[DataFileStamp, ...] = ()
    recap: str = ""
    """How the post was read as a recap (``lint --statistics``)."""


class LintCache:
    """Entries of one configuration; :meth:`get` validates, :meth:`save` writes atomically."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        key = hashlib.blake2b(f"{FORMAT}\0{fingerprint}".encode(), digest_size=12).hexdigest()
        self.path = directory / f"lint-{key}.jsonl"
        self._entries: dict[str, str] = self._load()
        """Path -> its entry's JSON text (see the module's docstring)."""
        self._dirty = False
        self._listed: Listings = {}
        """The folders listed for the recap data files of the posts checked (see get)."""

    def _load(self) -> dict[str, str]:
        try:
            text = read_limited(self.path, MAX_CACHE_BYTES).decode("utf-8")
        except (OSError, ValueError):
            return {}  # no cache yet, or a damaged one: start afresh rather than fail the lint
        entries: dict[str, str] = {}
        for line in text.split("\n"):
            name, tab, entry = line.partition("\t")
            key = _key(name) if tab else None
            if key is not None:
                entries[key] = entry
        return entries

    @property
    def empty(self) -> bool:
        return not self._entries

    def get(
        self, real: str, display: str, *, stamp: Stamp | None = None, content_digest: str = ""
    ) -> CachedFile | None:
        """The cached result for the file *real*, or None when stale or absent.

        The file counts as unchanged when its *content_digest* matches, or, without a digest,
        when its size and modification time (*stamp*) match: a run over unchanged files then
        reads none of them. A fresh checkout (new times) falls back to hashing the content.
        """
        entry = _entry(self._entries.get(real))
        if not entry:
            return None
        if content_digest:
            if entry[0] != content_digest:
                return None
        elif stamp is None or entry[4:6] != list(stamp):
            return None
        try:
            digest_, deps, rows, refs = entry[:4]
            # Most lists are empty: `== []` skips building a generator for them (a cached run
            # decodes thousands of entries, and each step here is paid per entry); anything
            # else that is not a list of the right rows still raises, so a damaged entry is
            # recomputed.
            dependencies = () if deps == [] else tuple([(str(p), bool(e)) for p, e in deps])
            # os.path on str: a path object per dependency costs a cached run more than the stat.
            if any(os.path.exists(path) != existed for path, existed in dependencies):  # noqa: PTH110
                return None
            diagnostics = tuple([_diagnostic(display, row) for row in rows])
            remote_refs = () if refs == [] else tuple(_remote_ref(ref) for ref in refs)
            suppressions = Suppressions.from_data(entry[6] if len(entry) > 6 else None)
            draft = len(entry) > 7 and entry[7] is True
            links = () if entry[8] == [] else tuple(_fragment_link(link) for link in entry[8])
            data_files = current(entry[9], self._listed)
            if data_files is None:
                return None  # a sidecar or data-folder file came, went or changed
            recap = str(entry[10]) if len(entry) > 10 else ""
        except (
            TypeError,
            ValueError,
            KeyError,
            OSError,
            IndexError,
        ):  # OSError: a path the OS cannot stat
            return None  # an entry from a damaged file: recompute
        return CachedFile(
            str(digest_),
            diagnostics,
            dependencies,
            remote_refs,
            suppressions,
            draft,
            links,
            data_files,
            recap,
        )

    def put(self, real: str, cached: CachedFile, stamp: Stamp | None = None) -> None:
        rows = [_row(d) for d in cached.diagnostics]
        if stamp is not None and time.time_ns() - stamp[1] < RACY_NS:
            # Modified just now: another write within the file system's timestamp granularity
            # could keep size and time, so trust only the content hash for this one.
            stamp = None
        entry = [
            cached.digest,
            [list(d) for d in cached.dependencies],
            rows,
            [list(r) for r in cached.remote_refs],
            *(stamp or (-1, -1)),
            cached.suppressions.to_data() if cached.suppressions != NONE else None,
            cached.draft,
            [list(link) for link in cached.fragment_links],
            stored(cached.data_files),
            cached.recap,
        ]
        self._entries.pop(real, None)  # re-insert so dict order is recency order for pruning
        self._entries[real] = _encoded(entry)
        self._dirty = True

    def restamp(self, real: str, stamp: Stamp) -> None:
        """Remember *real*'s new size and time after its content was found unchanged."""
        entry = _entry(self._entries.get(real))
        fresh = time.time_ns() - stamp[1] < RACY_NS
        if entry is not None and not fresh and entry[4:6] != list(stamp):
            entry[4:6] = list(stamp)
            self._entries[real] = _encoded(entry)
            self._dirty = True

    def save(self) -> None:
        """Write the entries atomically; a cache that cannot be written is skipped silently."""
        if not self._dirty:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = dict(list(entries.items())[-MAX_ENTRIES:])
        with contextlib.suppress(OSError):
            self.directory.mkdir(parents=True, exist_ok=True)
            _sweep(self.directory, keep=self.path)
            text = "".join(f"{_encoded(key)}\t{entry}\n" for key, entry in entries.items())
            # A file name that is not UTF-8 holds surrogate escapes: inside a JSON string,
            # "backslashreplace" writes them as \\udcXX escapes, which read back the same.
            data = text.encode("utf-8", "backslashreplace")
            atomic.write_bytes(self.path, data, durable=False)  # a lost cache costs one cold run
        self._dirty = False


def _key(name: str) -> str | None:
    """The path a line's JSON string *name* holds; None for a damaged one."""
    if len(name) < 2 or name[0] != '"' or name[-1] != '"':
        return None
    if "\\" not in name:
        return name[1:-1]  # no escape: the string's text as it is (most paths)
    try:
        key = json.loads(name)
    except ValueError:
        return None
    return key if isinstance(key, str) else None


def _entry(text: str | None) -> list[Any] | None:
    """A line's entry decoded; None for none, or a damaged one (recomputed, then rewritten)."""
    if text is None:
        return None
    try:
        entry = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return entry if isinstance(entry, list) else None


def _encoded(value: Any) -> str:
    # Escapes keep tabs and newlines out of the text: a line holds one whole entry.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


STALE_SECONDS = 14 * 24 * 3600
"""Cache files of other configurations or versions unused this long are deleted."""


def _sweep(directory: Path, *, keep: Path) -> None:
    """Delete old caches of other configurations/versions and temp files of crashed runs."""
    now = time.time()
    with os.scandir(directory) as entries:
        for entry in entries:
            name = entry.name
            ours = name.startswith("lint-") or (name.startswith(".lint-") and name.endswith(".tmp"))
            if not ours or entry.path == str(keep):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > (
                    STALE_SECONDS if name.startswith("lint-") else 3600
                ):
                    Path(entry.path).unlink()


def _row(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        edits = [[e.start, e.end, e.replacement] for e in d.fix.edits]
        fix = [d.fix.description, edits, str(d.fix.applicability)]
    return [
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        d.code,
        d.name,
        d.message,
        str(d.severity),
        fix,
    ]


def _remote_ref(data: Sequence[Any]) -> RemoteRefData:
    url, line, column, end_line, end_column, image = data
    return (str(url), int(line), int(column), int(end_line), int(end_column), bool(image))


def _fragment_link(data: Sequence[Any]) -> FragmentLinkData:
    url, line, column, end_line, end_column = data
    return (str(url), int(line), int(column), int(end_line), int(end_column))


_SEVERITIES = {str(s): s for s in Severity}
"""Severity by its stored name: a dict lookup, not the enum's call (thousands per cached run);
an unknown name raises KeyError, which marks the entry damaged."""


def _diagnostic(path: str, row: Sequence[Any]) -> Diagnostic:
    line, column, end_line, end_column, code, name, message, severity, fix = row
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=code,
        name=name,
        message=message,
        severity=_SEVERITIES[severity],
        end_line=end_line,
        end_column=end_column,
        fix=_fix(fix) if fix else None,
    )


def _fix(data: Sequence[Any]) -> Fix:
    description, edits, applicability = data
    return Fix(
        edits=tuple(Edit(s, e, r) for s, e, r in edits),
        description=description,
        applicability=Applicability(applicability),
    )
