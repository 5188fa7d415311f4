"""The cache of successful checks: freshness, kinds, concurrent runs sharing one file, and
files gone bad (real SQLite files, spoiled on disk)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from recapkit.lint.remote import cache as cache_module
from recapkit.lint.remote.cache import CACHE_FILE, RemoteCache
from tests.lint.remote.spoil import (
    SPOILERS,
    garbage_after_the_first_page,
    not_a_database,
    read_only,
)


def test_successes_are_fresh_until_max_age(tmp_path: Path) -> None:
    cache = RemoteCache(tmp_path, max_age=3600)
    cache.record("https://a.example/x.png", image=True)
    cache.record("https://a.example/page", image=False)
    cache.flush()
    cache.close()
    again = RemoteCache(tmp_path, max_age=3600)
    urls = ["https://a.example/x.png", "https://a.example/page", "https://a.example/other"]
    assert again.fresh(urls, image=False) == {"https://a.example/x.png", "https://a.example/page"}
    assert again.fresh(urls, image=True) == {
        "https://a.example/x.png"
    }  # a link check proves no image
    later = RemoteCache(tmp_path, max_age=3600, clock=again._now + 7200)
    assert later.fresh(urls, image=False) == set()


def test_many_urls_are_looked_up_in_chunks(tmp_path: Path) -> None:
    cache = RemoteCache(tmp_path, max_age=60)
    urls = [f"https://a.example/{n}" for n in range(1500)]
    for url in urls:
        cache.record(url, image=False)
    cache.flush()
    assert cache.fresh(urls, image=False) == set(urls)


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    errors: list[BaseException] = []

    def run(worker: int) -> None:
        try:
            cache = RemoteCache(tmp_path, max_age=60)
            for n in range(200):
                cache.record(f"https://w{worker}.example/{n}", image=True)
            cache.fresh([f"https://w{(worker + 1) % 6}.example/1"], image=True)
            cache.flush()
            cache.close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = (
        sqlite3.connect(tmp_path / CACHE_FILE).execute("SELECT count(*) FROM checks").fetchone()[0]
    )
    assert rows == 6 * 200


def filled(folder: Path, *urls: str) -> Path:
    """A real cache written the way a run writes it; its file."""
    cache = RemoteCache(folder, max_age=3600)
    for url in urls or [f"https://a.example/{n}.png" for n in range(50)]:
        cache.record(url, image=True)
    cache.flush()
    cache.close()
    assert cache.notes == [] and not (folder / f"{CACHE_FILE}-wal").exists()  # all in the file
    return folder / CACHE_FILE


def set_aside(folder: Path) -> list[Path]:
    """The database files set aside (not their ``-wal`` and ``-shm``)."""
    found = folder.glob(f"{CACHE_FILE}.corrupt-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", "-journal")))


def works(folder: Path) -> bool:
    """A later run finds the cache in *folder* usable: it keeps what it is told."""
    cache = RemoteCache(folder, max_age=3600)
    cache.record("https://b.example/new.png", image=True)
    cache.flush()
    cache.close()
    again = RemoteCache(folder, max_age=3600)
    found = again.fresh(["https://b.example/new.png"], image=True)
    again.close()
    return cache.notes == again.notes == [] and found == {"https://b.example/new.png"}


@pytest.mark.parametrize("spoil", SPOILERS)
def test_a_spoiled_cache_is_set_aside_and_rebuilt(
    tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    path = filled(tmp_path, "https://a.example/x.png")
    spoil(path)
    spoiled = path.read_bytes()
    cache = RemoteCache(tmp_path, max_age=3600)
    assert cache.fresh(["https://a.example/x.png"], image=True) == set()  # as without a cache
    cache.record("https://a.example/y.png", image=True)
    cache.flush()  # this run's successes go to the new file
    cache.close()
    [aside] = set_aside(tmp_path)
    [note] = cache.notes
    assert note.startswith(f"remote cache {path} is unusable (")
    assert note.endswith(f"moved aside to {aside.name}, and a new one was built")
    assert aside.read_bytes() == spoiled  # kept for a look, untouched
    assert RemoteCache(tmp_path, max_age=3600).fresh(["https://a.example/y.png"], image=True)
    assert works(tmp_path) and len(set_aside(tmp_path)) == 1


def test_only_the_latest_spoiled_file_is_kept(tmp_path: Path) -> None:
    """A CI cache must not grow by one file at every breakage."""
    for spoil in SPOILERS:
        spoil(filled(tmp_path))
        cache = RemoteCache(tmp_path, max_age=3600)
        cache.fresh(["https://a.example/1.png"], image=True)
        cache.close()
        assert len(cache.notes) == 1
    [aside] = set_aside(tmp_path)
    assert aside.read_bytes().startswith(b"SQLite format 3")  # the truncated one, the last


def test_a_cache_spoiled_while_open_is_rebuilt_when_written(tmp_path: Path) -> None:
    path = filled(tmp_path)
    cache = RemoteCache(tmp_path, max_age=3600)  # opened fine; spoiled before the run ends
    garbage_after_the_first_page(path)
    cache.record("https://a.example/late.png", image=True)
    cache.flush()
    cache.close()
    [note] = cache.notes
    assert "database disk image is malformed" in note and "a new one was built" in note
    assert RemoteCache(tmp_path, max_age=3600).fresh(["https://a.example/late.png"], image=True)


def test_a_database_of_another_layout_is_set_aside(tmp_path: Path) -> None:
    """Our file name and version number, not our table: a query fails, not the opening."""
    db = sqlite3.connect(tmp_path / CACHE_FILE)
    db.execute("CREATE TABLE checks (url TEXT)")
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()
    cache = RemoteCache(tmp_path, max_age=3600)
    assert cache.fresh(["https://a.example/x.png"], image=True) == set()
    assert "no such column" in cache.notes[0] and len(set_aside(tmp_path)) == 1
    assert works(tmp_path)


def test_a_cache_locked_beyond_the_timeout_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run holds the write lock: the file is fine, only this run goes without it."""
    monkeypatch.setattr(cache_module, "_BUSY_TIMEOUT", 0.05)
    path = filled(tmp_path, "https://a.example/x.png")
    cache = RemoteCache(tmp_path, max_age=3600)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert cache.fresh(["https://a.example/x.png"], image=True)  # readers go on (WAL)
        cache.record("https://a.example/y.png", image=True)
        cache.flush()
        late = RemoteCache(tmp_path, max_age=3600)  # opening needs the write lock too
    finally:
        other.execute("ROLLBACK")
        other.close()
    cache.close()
    for locked in (cache, late):
        [note] = locked.notes
        assert note.startswith(f"remote cache {path} cannot be used now (database is locked)")
        assert note.endswith("left as it is; this run goes on without a cache")
    assert set_aside(tmp_path) == []
    assert RemoteCache(tmp_path, max_age=3600).fresh(["https://a.example/x.png"], image=True)


def test_a_spoiled_cache_in_a_read_only_folder_means_no_cache(tmp_path: Path) -> None:
    path = filled(tmp_path, "https://a.example/x.png")
    not_a_database(path)
    spoiled = path.read_bytes()
    with read_only(tmp_path):
        cache = RemoteCache(tmp_path, max_age=3600)
        assert cache.fresh(["https://a.example/x.png"], image=True) == set()
        cache.record("https://a.example/y.png", image=True)
        cache.flush()
        cache.close()
    [note] = cache.notes
    assert note.startswith(f"remote cache {path} is unusable (file is not a database)")
    assert "cannot be moved aside" in note and note.endswith("this run goes on without a cache")
    assert path.read_bytes() == spoiled and set_aside(tmp_path) == []


def test_a_cache_that_cannot_be_created_means_no_cache(tmp_path: Path) -> None:
    with read_only(tmp_path):
        cache = RemoteCache(tmp_path, max_age=3600)
        assert cache.fresh(["https://a.example/x.png"], image=True) == set()
        cache.flush()
    [note] = cache.notes
    assert note.startswith(f"remote cache {tmp_path / CACHE_FILE} cannot be created (")


def test_a_cache_folder_that_is_a_file_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = RemoteCache(blocker, max_age=60)
    assert cache.fresh(["https://a.example/x.png"], image=True) == set()
    [note] = cache.notes
    assert "cannot be used" in note and note.endswith("this run goes on without a cache")


def test_two_runs_finding_the_same_spoiled_cache_set_it_aside_once(tmp_path: Path) -> None:
    """The second must not move away the new cache the first has just built."""
    garbage_after_the_first_page(filled(tmp_path))
    first, second = RemoteCache(tmp_path, max_age=3600), RemoteCache(tmp_path, max_age=3600)
    first.fresh(["https://a.example/1.png"], image=True)
    second.fresh(["https://a.example/1.png"], image=True)
    assert "another run has replaced it already; using the new one" in second.notes[0]
    first.record("https://a.example/first.png", image=True)
    second.record("https://a.example/second.png", image=True)
    for cache in (first, second):
        cache.flush()
        cache.close()
    both = {"https://a.example/first.png", "https://a.example/second.png"}
    assert RemoteCache(tmp_path, max_age=3600).fresh(both, image=True) == both
    assert len(set_aside(tmp_path)) == 1


def test_a_run_waits_for_another_run_switching_a_new_cache_to_wal(tmp_path: Path) -> None:
    """The flake under ``pytest -n 2``: the switch to WAL mode does not wait on the busy timeout.

    While another run holds the write lock of a cache it is still creating (rollback mode, the
    moment before its own switch), ``PRAGMA journal_mode=WAL`` fails at once with "database is
    locked" instead of waiting: SQLite skips the busy handler when a reader wants to upgrade.
    """
    other = sqlite3.connect(tmp_path / CACHE_FILE, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    releaser.start()
    try:
        cache = RemoteCache(tmp_path, max_age=60)
    finally:
        releaser.join()
        other.close()
    cache.record("https://a.example/x.png", image=True)
    cache.flush()
    assert cache.fresh(["https://a.example/x.png"], image=True) == {"https://a.example/x.png"}
    assert cache._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cache.close()
