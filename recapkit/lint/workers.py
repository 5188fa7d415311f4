"""Lint many files across processes: chunks of files to a process pool, serial for a few files.

Linting is CPU-bound Python (YAML, Markdown, regexes), so threads would not help. On Linux the
workers are forked: they inherit the imported modules and the configured :class:`Linter`, so a
worker starts in milliseconds instead of re-importing recapkit. They are forked before the
parent reads any file, so they do not carry copies of the parent's file buffers.
"""

from __future__ import annotations

import gc
import itertools
import math
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recapkit.lint.discover import Target
    from recapkit.lint.engine import FileResult, Linter

Job = tuple[int, "Target", bytes | None]
"""(index in the run, file, its bytes or None)."""

SERIAL_BELOW = 200
"""Fewer files than this are linted in this process: starting workers would cost more."""
FILES_PER_WORKER = 50
"""No more workers than one per this many files."""
CHUNKS_PER_WORKER = 8
"""Several chunks per worker even out files of different sizes without much messaging."""

START_METHOD: str | None = "fork" if sys.platform.startswith("linux") else None
"""Fork where it is safe and fast (Linux); elsewhere the platform's default (spawn on macOS and
Windows: workers import recapkit and receive the pickled :class:`Linter`)."""

_linter: Linter | None = None


def available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))  # what this process may use (containers, taskset)
    return os.cpu_count() or 1


def _workers(jobs: int | None, count: int) -> int:
    if count < SERIAL_BELOW:
        return 1
    return max(1, min(jobs or available_cpus(), count // FILES_PER_WORKER))


def lint_many(
    linter: Linter, jobs_list: Sequence[Job], *, jobs: int | None = None
) -> Iterator[tuple[int, FileResult]]:
    """Lint every job, yielding ``(index, result)`` (in chunk order, not necessarily job order)."""
    return lint_stream(linter, iter(jobs_list), len(jobs_list), jobs=jobs)


def lint_stream(
    linter: Linter, jobs_iter: Iterable[Job], count: int, *, jobs: int | None = None
) -> Iterator[tuple[int, FileResult]]:
    """Like :func:`lint_many` for an iterable of (at most *count*) jobs produced lazily."""
    workers = _workers(jobs, count)
    if workers <= 1:
        for index, target, data in jobs_iter:
            yield index, linter.lint_data(target, data)
        return
    size = max(1, math.ceil(count / (workers * CHUNKS_PER_WORKER)))
    with _pool(linter, workers) as pool:
        # map() submits every chunk up front, but the chunks are read one by one, so the workers
        # lint the first chunks while this process still reads and hashes the later ones.
        for chunk_results in pool.map(_lint_chunk, _chunks(jobs_iter, size)):
            yield from chunk_results


def _chunks(jobs_iter: Iterable[Job], size: int) -> Iterator[list[Job]]:
    iterator = iter(jobs_iter)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _pool(linter: Linter, workers: int) -> ProcessPoolExecutor:
    global _linter
    _linter = linter  # forked workers see it without pickling
    # Objects alive now (modules, the linter) move out of the collector's sight, so workers never
    # touch (and so copy) the pages they share with this process while collecting garbage.
    gc.freeze()
    context = multiprocessing.get_context(START_METHOD) if START_METHOD else None
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init, initargs=(linter,)
    )


def _init(linter: Linter) -> None:
    global _linter
    _linter = linter


def _lint_chunk(chunk: list[Job]) -> list[tuple[int, FileResult]]:
    linter = _linter
    assert linter is not None, "worker started without a linter"
    return [(index, linter.lint_data(target, data)) for index, target, data in chunk]
