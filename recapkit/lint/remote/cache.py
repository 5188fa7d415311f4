"""A cache of successful checks, in SQLite: one row per URL and kind, with the time it was seen OK.

Only successes are stored (a failure is re-checked every run: it may be fixed, and a transient
failure must not stick). A success reached through a private address (an ``--allow-private``
run) is marked so: a run without that flag must refuse the URL, not trust the cache. SQLite in WAL mode with a busy timeout makes concurrent runs safe
(two CI jobs sharing a cache directory); all writes of a run happen in one short transaction at
the end. The cache is an optimisation: any problem with it is reported once and the run goes on
without it, never fails.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import platformdirs

CACHE_FILE = "remote-cache.sqlite3"
_SCHEMA_VERSION = 2
_CHUNK = 500  # stay below SQLite's limit on host parameters
_BUSY_TIMEOUT = 10.0


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("recapkit", appauthor=False))


class RemoteCache:
    """Successful checks keyed by ``(url, kind)``; kind is ``image`` or ``link``."""

    def __init__(self, directory: Path, *, max_age: float, clock: float | None = None) -> None:
        self.path = directory / CACHE_FILE
        self.max_age = max_age
        self._now = time.time() if clock is None else clock
        self._pending: dict[tuple[str, str], tuple[float, bool]] = {}
        directory.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT, isolation_level=None)
        self._setup()

    def _setup(self) -> None:
        self._switch_to_wal()
        self._db.execute("PRAGMA synchronous=NORMAL")
        # In one write transaction: two runs starting together must not both (re)create it.
        with self._transaction():
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == _SCHEMA_VERSION:
                return
            self._db.execute("DROP TABLE IF EXISTS checks")  # an older or newer layout
            self._db.execute(
                "CREATE TABLE checks ("
                " url TEXT NOT NULL, kind TEXT NOT NULL, checked_at REAL NOT NULL,"
                " private INTEGER NOT NULL DEFAULT 0,"
                " PRIMARY KEY (url, kind)) WITHOUT ROWID"
            )
            self._db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    def _switch_to_wal(self) -> None:
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
                self._db.execute("PRAGMA journal_mode=WAL").fetchone()
                return
            except sqlite3.OperationalError as exc:
                busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() >= deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def fresh(self, urls: Iterable[str], *, image: bool, allow_private: bool = False) -> set[str]:
        """Those of *urls* seen OK within ``max_age`` (an image success also proves a link).

        Without *allow_private*, successes that went through a private address do not count.
        """
        kinds = ("image",) if image else ("image", "link")
        private = "" if allow_private else " AND private = 0"
        found: set[str] = set()
        oldest = self._now - self.max_age
        pending = list(urls)
        for start in range(0, len(pending), _CHUNK):
            chunk = pending[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT url FROM checks WHERE checked_at >= ? AND kind IN ({','.join('?' * len(kinds))})"
                f" AND url IN ({marks}){private}",
                (oldest, *kinds, *chunk),
            )
            found.update(row[0] for row in rows)
        return found

    def record(self, url: str, *, image: bool, private: bool = False) -> None:
        """Remember a success (*private*: reached through a private address); see :meth:`flush`."""
        self._pending[(url, "image" if image else "link")] = (time.time(), private)

    def flush(self) -> None:
        if not self._pending:
            return
        rows = [(url, kind, at, int(p)) for (url, kind), (at, p) in self._pending.items()]
        with self._transaction():
            self._db.executemany(
                "INSERT INTO checks (url, kind, checked_at, private) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (url, kind) DO UPDATE"
                " SET checked_at = excluded.checked_at, private = excluded.private",
                rows,
            )
        self._pending.clear()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


def open_cache(directory: Path | None, *, max_age: float) -> tuple[RemoteCache | None, str | None]:
    """The cache in *directory* (default: the user cache dir), or None and why it is unusable."""
    path = directory or default_cache_dir()
    try:
        return RemoteCache(path, max_age=max_age), None
    except (OSError, sqlite3.Error) as exc:
        return None, f"remote cache in {path} disabled: {exc}"
