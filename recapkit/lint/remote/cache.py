"""A cache of successful checks, in SQLite: one row per URL and kind, with the time it was seen OK.

Only successes are stored (a failure is re-checked every run: it may be fixed, and a transient
failure must not stick). A success reached through a private address (an ``--allow-private``
run) is marked so: a run without that flag must refuse the URL, not trust the cache. SQLite in
WAL mode with a busy timeout makes concurrent runs safe (two CI jobs sharing a cache
directory); all writes of a run happen in one short transaction at the end.

The cache is an optimisation: a broken one must not fail this run, nor every later one (a CI
cache restored by ``restore-keys`` brings the same file back each time). :class:`RemoteCache`
never raises. Any SQLite error, opening, reading or writing, becomes one line of
:attr:`RemoteCache.notes` (a ``warning:``) saying what was done:

* a file that is busy (locked by another run beyond the busy timeout) or cannot be written
  for want of room or memory is left as it is, and this run goes on without it;
* any other (a corrupt page, a file that is not a database or not our layout, a read-only
  file) is set aside as ``remote-cache.sqlite3.corrupt-<UTC time>``, with its ``-wal`` and
  ``-shm`` (replacing an older one set aside), and a new cache is built in its place;
* when even that fails (a read-only folder), the run goes on without a cache.

A cache that fails to answer answers "nothing cached", so the run's results never change.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import platformdirs

CACHE_FILE = "remote-cache.sqlite3"
_SCHEMA_VERSION = 2
_CHUNK = 500  # stay below SQLite's limit on host parameters
_BUSY_TIMEOUT = 10.0
_SIDE_FILES = ("-wal", "-shm", "-journal")
# Errors of the moment, not of the file: setting the file aside would throw a good cache away.
_TRANSIENT = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_NOMEM,
        sqlite3.SQLITE_INTERRUPT,
    }
)
_T = TypeVar("_T")


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("recapkit", appauthor=False))


class RemoteCache:
    """Successful checks keyed by ``(url, kind)``; kind is ``image`` or ``link``.

    Never raises: problems end up in :attr:`notes`, and a cache that cannot be used behaves
    as an empty one that forgets what it is told.
    """

    def __init__(self, directory: Path, *, max_age: float, clock: float | None = None) -> None:
        self.path = directory / CACHE_FILE
        self.max_age = max_age
        self.notes: list[str] = []
        """What went wrong with the cache file and what was done, one line each."""
        self._now = time.time() if clock is None else clock
        self._pending: dict[tuple[str, str], tuple[float, bool]] = {}
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._rebuilt = False
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notes.append(f"remote cache {self.path} cannot be used ({exc}): {_WITHOUT}")
            return
        try:
            self._db = self._connect()
        except (sqlite3.Error, OSError) as exc:
            self._db = self._recover(exc)

    def fresh(self, urls: Iterable[str], *, image: bool, allow_private: bool = False) -> set[str]:
        """Those of *urls* seen OK within ``max_age`` (an image success also proves a link).

        Without *allow_private*, successes that went through a private address do not count.
        """
        wanted = list(urls)
        return self._use(lambda db: self._lookup(db, wanted, image, allow_private), set())

    def record(self, url: str, *, image: bool, private: bool = False) -> None:
        """Remember a success (*private*: reached through a private address); see :meth:`flush`."""
        self._pending[(url, "image" if image else "link")] = (time.time(), private)

    def flush(self) -> None:
        if not self._pending:
            return
        rows = [(url, kind, at, int(p)) for (url, kind), (at, p) in self._pending.items()]
        self._use(lambda db: _write(db, rows), None)
        self._pending.clear()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # -- the file ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self._identity = _identity(self.path)  # the file a failure below is about
        db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT, isolation_level=None)
        try:
            _setup(db)
        except BaseException:
            db.close()
            raise
        self._identity = _identity(self.path)
        return db

    def _use(self, action: Callable[[sqlite3.Connection], _T], fallback: _T) -> _T:
        """*action* on the database; after an error, once more on the rebuilt one."""
        for _ in range(2):
            if self._db is None:
                break
            try:
                return action(self._db)
            except sqlite3.Error as exc:
                self._db = self._recover(exc)
        return fallback

    def _recover(self, exc: Exception) -> sqlite3.Connection | None:
        """Note *exc* and what is done about it; the new connection, or None: no cache."""
        self.close()
        problem = f"remote cache {self.path}"
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in _TRANSIENT:
            self.notes.append(f"{problem} cannot be used now ({exc}): left as it is; {_WITHOUT}")
        elif self._rebuilt:
            self.notes.append(f"{problem} failed again after being rebuilt ({exc}): {_WITHOUT}")
        elif not os.path.lexists(self.path):  # nothing to set aside: it cannot be created
            self.notes.append(f"{problem} cannot be created ({exc}): {_WITHOUT}")
        else:
            self._rebuilt = True
            return self._rebuild(f"{problem} is unusable ({exc})")
        return None

    def _rebuild(self, problem: str) -> sqlite3.Connection | None:
        try:
            aside = self._set_aside()
        except OSError as err:
            self.notes.append(f"{problem} and cannot be moved aside ({err}): {_WITHOUT}")
            return None
        try:
            db = self._connect()
        except (sqlite3.Error, OSError) as err:
            done = f"moved aside to {aside.name}" if aside else "replaced by another run"
            self.notes.append(
                f"{problem}: {done}, but a new one cannot be made ({err}): {_WITHOUT}"
            )
            return None
        if aside is None:
            self.notes.append(f"{problem}: another run has replaced it already; using the new one")
        else:
            self.notes.append(f"{problem}: moved aside to {aside.name}, and a new one was built")
        return db

    def _set_aside(self) -> Path | None:
        """Rename the file and its side files; None when another run has done it already."""
        if self._identity is not None and _identity(self.path) != self._identity:
            return None  # the file we failed on is gone: do not move the new one away
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        serial = 1
        while os.path.lexists(aside):
            serial += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{serial}")
        # Side files first: a stale -wal next to a new file would be replayed into it.
        for suffix in _SIDE_FILES:
            side = Path(f"{self.path}{suffix}")
            if os.path.lexists(side):
                side.rename(f"{aside}{suffix}")
        self.path.rename(aside)
        _forget_older(self.path, aside)
        return aside

    # -- queries -----------------------------------------------------------------------

    def _lookup(
        self, db: sqlite3.Connection, urls: list[str], image: bool, allow_private: bool
    ) -> set[str]:
        kinds = ("image",) if image else ("image", "link")
        private = "" if allow_private else " AND private = 0"
        found: set[str] = set()
        oldest = self._now - self.max_age
        for start in range(0, len(urls), _CHUNK):
            chunk = urls[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT url FROM checks WHERE checked_at >= ? AND kind IN ({','.join('?' * len(kinds))})"
                f" AND url IN ({marks}){private}",
                (oldest, *kinds, *chunk),
            )
            found.update(row[0] for row in rows)
        return found


_WITHOUT = "this run goes on without a cache"


def _forget_older(path: Path, kept: Path) -> None:
    """Remove files set aside before *kept*: one broken copy is enough to look at, and a CI
    cache must not grow by one at every breakage."""
    ours = {kept.name, *(f"{kept.name}{suffix}" for suffix in _SIDE_FILES)}
    for old in path.parent.glob(f"{path.name}.corrupt-*"):
        if old.name not in ours:
            with contextlib.suppress(OSError):
                old.unlink()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _setup(db: sqlite3.Connection) -> None:
    _switch_to_wal(db)
    db.execute("PRAGMA synchronous=NORMAL")
    # In one write transaction: two runs starting together must not both (re)create it.
    with _transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == _SCHEMA_VERSION:
            return
        db.execute("DROP TABLE IF EXISTS checks")  # an older or newer layout
        db.execute(
            "CREATE TABLE checks ("
            " url TEXT NOT NULL, kind TEXT NOT NULL, checked_at REAL NOT NULL,"
            " private INTEGER NOT NULL DEFAULT 0,"
            " PRIMARY KEY (url, kind)) WITHOUT ROWID"
        )
        db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting for another run that is doing the same.

    Switching a new (rollback-mode) file needs an exclusive lock, and SQLite answers
    "database is locked" at once, without the busy timeout, when another connection holds
    the write lock meanwhile (it avoids a possible deadlock). Two runs creating the cache at
    the same moment hit exactly that: so retry here, as the busy timeout would.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT
    pause = 0.002
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def _write(db: sqlite3.Connection, rows: list[tuple[str, str, float, int]]) -> None:
    with _transaction(db):
        db.executemany(
            "INSERT INTO checks (url, kind, checked_at, private) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (url, kind) DO UPDATE"
            " SET checked_at = excluded.checked_at, private = excluded.private",
            rows,
        )


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # keep the error that matters, not this one
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
