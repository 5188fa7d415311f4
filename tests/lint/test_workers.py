"""Parallel runs: the same findings as a serial run, also with spawned workers; the workers stop
with the run (their life with a real parent process: test_process_tree.py)."""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recapkit.config import Config
from recapkit.lint.discover import Target, discover
from recapkit.lint.engine import Linter
from recapkit.lint.pipeline import lint_paths
from recapkit.lint.workers import (
    GC_YOUNG,
    IN_FLIGHT,
    MAX_CHUNK,
    MIN_CHUNK,
    SERIAL_BELOW,
    SHARE,
    Job,
    _chunks,
    chunk_sizes,
    lint_many,
    lint_stream,
)
from tests.lint.fakes import fake_rules, write

__all__ = ["fake_rules"]

POST = "---\ntitle: T\n---\n\n##Talks\n\n![](photo.png)\n"


@pytest.fixture(autouse=True)
def _fakes(fake_rules: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def codes(result: object) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]  # type: ignore[attr-defined]


def test_parallel_run_matches_serial(tmp_path: Path) -> None:
    count = SERIAL_BELOW + 40
    for index in range(count):
        body = POST if index % 3 else "---\ntitle: ok\n---\n\nfine\n"
        write(tmp_path / "content" / f"post-{index:04}.md", body)
    serial = lint_paths(["content"], config=Config(root=tmp_path), jobs=1)
    parallel = lint_paths(["content"], config=Config(root=tmp_path), jobs=2)
    assert len(parallel.files) == count
    assert codes(parallel) == codes(serial)
    assert len(serial.diagnostics) == 3 * len([i for i in range(count) if i % 3])


def test_workers_also_work_when_spawned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows spawn workers: the configured linter must reach them pickled."""
    import recapkit.lint.workers

    monkeypatch.setattr(recapkit.lint.workers, "START_METHOD", "spawn")
    for index in range(SERIAL_BELOW):
        write(tmp_path / "content" / f"{index:04}.md", POST)
    config = Config(root=tmp_path, per_file_ignores={"content/00*.md": ("RK2",)})
    result = lint_paths(["content"], config=config, jobs=2)
    assert len(result.diagnostics) == 100 * 1 + 100 * 3  # 0000-0099: RK301 only


def test_leaving_a_parallel_run_early_stops_its_workers(tmp_path: Path) -> None:
    """When a run is interrupted the runner closes the results: by the time close() returns, no
    worker is left (stopped, not merely told to stop)."""
    for index in range(SERIAL_BELOW):
        write(tmp_path / "content" / f"{index:04}.md", POST)
    config = Config(root=tmp_path)
    targets = discover(["content"], config=config, sites=config.site_finder())
    results = lint_many(Linter(config), [(i, t, None) for i, t in enumerate(targets)], jobs=2)
    next(results)
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


@given(st.integers(1, 20_000), st.integers(2, 64))
def test_chunks_shrink_as_the_run_goes_and_hold_every_file(count: int, workers: int) -> None:
    sizes = list(chunk_sizes(count, workers))
    assert sum(sizes) == count and all(size >= 1 for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= MIN_CHUNK  # the run ends on a small chunk, whatever came before
    assert max(sizes) <= MAX_CHUNK  # a chunk's files are in memory: bounded, whatever the run
    guided = workers * SHARE * (1 + math.log(max(count, 1)))
    assert len(sizes) <= 1 + count / MAX_CHUNK + guided


def test_a_parallel_run_reads_files_only_as_workers_need_them(tmp_path: Path) -> None:
    """The files of a chunk are held until it is linted: when the first results come back, only
    the chunks in flight have been read, not the whole run."""
    post = write(tmp_path / "content" / "post.md", POST)
    target = Target(post, post.resolve())
    count, read = 3_000, []

    def jobs() -> Iterator[Job]:
        for index in range(count):
            read.append(index)
            yield index, target, POST.encode()

    workers = 2
    results = lint_stream(Linter(Config(root=tmp_path)), jobs(), count, jobs=workers)
    with contextlib.closing(results):
        first = next(results)
        # sent at the start, and as many again if that many came back at once
        assert len(read) <= 2 * workers * IN_FLIGHT * MAX_CHUNK < count
        indices = sorted([first[0], *(index for index, _result in results)])
    assert indices == list(range(count))


@pytest.mark.parametrize("jobs", [0, 3, 100, 140])
def test_every_job_goes_in_one_chunk_in_order_even_when_fewer_or_more_came(jobs: int) -> None:
    post = Target(Path("post.md"), Path("post.md").absolute())
    sent: list[Job] = [(index, post, None) for index in range(jobs)]
    chunks = list(_chunks(iter(sent), chunk_sizes(100, 2)))
    assert [job for chunk in chunks for job in chunk] == sent
    assert all(chunks)


@pytest.mark.parametrize("count", [3, SERIAL_BELOW])  # in this process; in two workers
def test_the_collector_runs_rarely_while_linting_and_as_before_afterwards(
    tmp_path: Path, count: int
) -> None:
    """Also when two runs overlap (two threads, or generators consumed in turn) and one is
    left early: the last to end restores what the caller had."""
    post = write(tmp_path / "content" / "post.md", POST)
    target = Target(post, post.resolve())
    seen: list[int] = []

    def jobs() -> Iterator[Job]:
        for index in range(count):
            seen.append(gc.get_threshold()[0])
            yield index, target, None

    linter = Linter(Config(root=tmp_path))
    before = gc.get_threshold()
    gc.set_threshold(500, 7, 9)
    try:
        first = lint_stream(linter, jobs(), count, jobs=2)
        next(first)
        second = lint_stream(linter, jobs(), count, jobs=2)
        next(second)
        first.close()
        assert gc.get_threshold()[0] == GC_YOUNG  # the second run is still going
        assert len(list(second)) == count - 1
        assert gc.get_threshold() == (500, 7, 9)
    finally:
        gc.set_threshold(*before)
    assert set(seen) == {GC_YOUNG}
