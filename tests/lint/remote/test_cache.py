"""The cache of successful checks: freshness, kinds, and concurrent runs sharing one file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from recapkit.lint.remote.cache import CACHE_FILE, RemoteCache, open_cache


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


def test_an_unusable_cache_is_reported_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache, problem = open_cache(blocker, max_age=60)
    assert cache is None and problem is not None and "disabled" in problem


def test_a_corrupt_cache_file_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not sqlite" * 100)
    cache, problem = open_cache(tmp_path, max_age=60)
    assert cache is None and problem is not None


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
