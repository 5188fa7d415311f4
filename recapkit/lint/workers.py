"""Lint many files across processes: chunks of files to a process pool, serial for a few files.

Linting is CPU-bound Python (YAML, Markdown, regexes), so threads would not help. On Linux the
workers are forked: they inherit the imported modules and the configured :class:`Linter`, so a
worker starts in milliseconds instead of re-importing recapkit. They are forked before the
parent reads any file, so they do not carry copies of the parent's file buffers.

A worker never outlives the process that started it, however that process ends (``kill -9``
included): each worker watches a *lifeline*, a pipe whose only write end the parent holds, and
exits when reading it reaches end-of-file; the kernel closes that end when the parent dies. The
pipe works on every platform and has no race (end-of-file is a state, not an event a worker can
miss while starting). On Linux a worker forked by the main thread also asks the kernel for
SIGKILL when its parent dies, which still works while the worker is stuck in C code holding the
GIL (a slow regex), when the lifeline's thread cannot run.

An interrupted run (Ctrl-C, SIGTERM) asks its workers to stop at their next file rather than
finish every queued chunk. They are asked, never killed, while the parent lives: a worker killed
while sending a result would leave the pool's reader thread waiting for the rest of the message
for ever. For the same reason workers ignore Ctrl-C and SIGTERM sent to the whole process group:
the parent, which gets them too, stops the pool.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import os
import signal
import sys
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.synchronize import Event

    from recapkit.lint.discover import Target
    from recapkit.lint.engine import FileResult, Linter

Job = tuple[int, "Target", bytes | None]
"""(index in the run, file, its bytes or None)."""

SERIAL_BELOW = 200
"""Fewer files than this are linted in this process: starting workers would cost more."""
FILES_PER_WORKER = 50
"""No more workers than one per this many files."""
SHARE = 8
"""Each chunk holds this fraction of the files not yet sent, divided by the workers: chunks
shrink as the run goes on (guided scheduling), so the last ones are small and the workers end
together, however the long posts are placed. The first ones are no larger than a fixed size
would be (an eighth of a worker's share): a worker holds a whole chunk's files and results."""
MIN_CHUNK = 8
"""The smallest chunk: a chunk costs two pickled messages."""
MAX_CHUNK = 100
"""The largest chunk: the files a chunk carries are held in memory until it is linted, so its
size, not the run's, bounds them (a chunk of 100 posts is under a megabyte)."""
IN_FLIGHT = 2
"""Chunks sent and not yet answered, per worker: one being linted and one waiting, so a worker
never idles while this process reads the next; the files of later chunks are not read yet."""

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
) -> Generator[tuple[int, FileResult], None, None]:
    """Lint every job, yielding ``(index, result)`` (as chunks finish, not in job order).

    Close the generator when leaving early (``contextlib.closing``): that stops the workers.
    """
    return lint_stream(linter, iter(jobs_list), len(jobs_list), jobs=jobs)


def lint_stream(
    linter: Linter, jobs_iter: Iterable[Job], count: int, *, jobs: int | None = None
) -> Generator[tuple[int, FileResult], None, None]:
    """Like :func:`lint_many` for an iterable of (at most *count*) jobs produced lazily."""
    workers = _workers(jobs, count)
    with rare_collections():
        if workers <= 1:
            for index, target, data in jobs_iter:
                yield index, linter.lint_data(target, data)
            return
        with _pool(linter, workers) as pool:
            chunks = _chunks(jobs_iter, chunk_sizes(count, workers))
            yield from _in_flight(pool, chunks, workers * IN_FLIGHT)


GC_YOUNG = 50_000
"""How many new container objects start a collection of the youngest generation while linting
(Python's default is 700)."""

_collections_lock = threading.Lock()
_rare = 0
"""How many runs of this process are within :func:`rare_collections` (runs may overlap: two
threads, or two generators consumed in turn)."""
_threshold_before = gc.get_threshold()


@contextlib.contextmanager
def rare_collections() -> Iterator[None]:
    """Let the cyclic garbage collector run far less often while a run lints: it builds and
    drops millions of small objects (tokens, findings) that reference counting frees, with next
    to no cycles (a few thousand objects over the corpus). At the default threshold the
    collector ran 600 times for nothing: 4% of a cold run. The first run to start raises the
    threshold and the last to end restores it, so overlapping runs never leave it raised."""
    global _rare, _threshold_before
    with _collections_lock:
        if _rare == 0:
            _threshold_before = gc.get_threshold()
            gc.set_threshold(GC_YOUNG, *_threshold_before[1:])
        _rare += 1
    try:
        yield
    finally:
        with _collections_lock:
            _rare -= 1
            if _rare == 0:
                gc.set_threshold(*_threshold_before)


def _in_flight(
    pool: ProcessPoolExecutor, chunks: Iterator[list[Job]], limit: int
) -> Iterator[tuple[int, FileResult]]:
    """The results of linting *chunks* in *pool*, as chunks finish, with at most *limit* sent
    and unanswered: a chunk is read (its files in memory) only when one comes back, so a run
    holds a few chunks' files, not all of them (``pool.map`` would read every file up front:
    the parent's memory grew with the run, 42 to 99 MB from 759 to 3,036 posts)."""
    from concurrent.futures import FIRST_COMPLETED, wait

    sent = {pool.submit(_lint_chunk, chunk) for chunk in itertools.islice(chunks, limit)}
    while sent:
        done, sent = wait(sent, return_when=FIRST_COMPLETED)
        sent |= {pool.submit(_lint_chunk, chunk) for chunk in itertools.islice(chunks, len(done))}
        for future in done:
            yield from future.result()


def chunk_sizes(count: int, workers: int) -> Iterator[int]:
    """How many files go in each chunk of a run of *count* (see :data:`SHARE` and
    :data:`MAX_CHUNK`): with 4,000 files and two workers, 100, 100 ... 99, 93 ... down to 8."""
    remaining = count
    while remaining > 0:
        guided = max(MIN_CHUNK, math.ceil(remaining / (workers * SHARE)))
        size = min(remaining, guided, MAX_CHUNK)
        yield size
        remaining -= size


def _chunks(jobs_iter: Iterable[Job], sizes: Iterable[int]) -> Iterator[list[Job]]:
    iterator = iter(jobs_iter)
    for size in sizes:
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return  # fewer jobs than counted (cache hits)
        yield chunk
    yield from iter(lambda: list(itertools.islice(iterator, MIN_CHUNK)), [])


@contextlib.contextmanager
def _pool(linter: Linter, workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool whose workers end with it: at its end, at an exception, or with this process."""
    global _linter
    _linter = linter  # forked workers see it without pickling
    if START_METHOD == "fork":
        # The post reader and the Markdown parser are imported on first use (a cached run needs
        # neither); workers about to lint get them from this process, shared, not each its own.
        import recapkit.post.markdown
        import recapkit.ssg.posts  # noqa: F401
    # Objects alive now (modules, the linter) move out of the collector's sight, so workers never
    # touch (and so copy) the pages they share with this process while collecting garbage.
    gc.freeze()
    # Imported here: a run of fewer than SERIAL_BELOW files (one file from pre-commit) starts
    # no worker and does not pay for importing multiprocessing.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(START_METHOD)
    lifeline, parent_end = context.Pipe(duplex=False)
    _parent_ends.add(parent_end)
    stop = context.Event()
    # The pool forks its workers in this thread, at its first submit (below): the kernel's
    # parent-death signal follows the forking *thread*, so it is asked for only when that thread
    # is the main one (which ends last); the lifeline covers every other case.
    forked_by_main = (
        START_METHOD == "fork" and threading.current_thread() is threading.main_thread()
    )
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init,
        initargs=(linter, lifeline, stop, os.getpid() if forked_by_main else None),
    )
    try:
        pool.submit(int)  # forks the workers now, before any file is read: none holds a copy
        yield pool
    except BaseException:  # interrupted (Ctrl-C, SIGTERM), closed early, or failed
        stop.set()  # each running chunk ends at its next file; the queued ones are cancelled
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _cut(parent_end)
        lifeline.close()


_parent_ends: set[Connection] = set()
"""The write ends of this process's lifelines (one per live pool)."""


def _cut(parent_end: Connection) -> None:
    _parent_ends.discard(parent_end)
    parent_end.close()


def _drop_parent_ends() -> None:
    # In every child forked from this process: were a worker (or any other child) to keep a copy
    # of a write end, no worker of that pool would ever read end-of-file after the parent died.
    for parent_end in _parent_ends:
        parent_end.close()
    _parent_ends.clear()


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere a child inherits no pipe end unasked
    os.register_at_fork(after_in_child=_drop_parent_ends)

_stop: Event | None = None
"""In a worker: set by the parent when the run is interrupted."""

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_ORPHANED = 1
"""A worker's exit status when its parent is gone (nobody reads it but the init process)."""


def _init(linter: Linter, lifeline: Connection, stop: Event, parent: int | None) -> None:
    """In each worker: keep the linter, leave interruptions to the parent, end with the parent."""
    global _linter, _stop
    _linter, _stop = linter, stop
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])  # a worker only lints: as rare_collections
    # Ctrl-C (and SIGTERM from systemd or pkill) reach the whole process group; the parent then
    # stops the pool. A worker acting on its own would print a KeyboardInterrupt traceback, or
    # die in the middle of sending a result (see the module's docstring).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if parent is not None:
        _die_with(parent)
    watch = threading.Thread(target=_watch, args=(lifeline,), name="lifeline", daemon=True)
    watch.start()


def _die_with(parent: int) -> None:
    """Linux: the kernel sends SIGKILL to this worker when its parent (thread) ends."""
    import ctypes  # here: only forked Linux workers need it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl (not glibc or musl): the lifeline suffices
        return
    if os.getppid() != parent:  # the parent died before the request: no signal will come
        os._exit(_ORPHANED)


def _watch(lifeline: Connection) -> None:
    # The parent never writes, so this returns only at end-of-file: every write end is closed,
    # which means the parent has exited, however it ended (it closes its end itself only once
    # the pool has shut down).
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv_bytes()
    os._exit(_ORPHANED)  # no cleanup to run: the results would have nowhere to go


class Stopped(Exception):
    """A chunk left unfinished because the run was interrupted (its results are not wanted)."""


def _lint_chunk(chunk: list[Job]) -> list[tuple[int, FileResult]]:
    linter = _linter
    assert linter is not None, "worker started without a linter"
    results = []
    for index, target, data in chunk:
        if _stop is not None and _stop.is_set():
            raise Stopped  # not a shorter list: that would read as a complete chunk
        results.append((index, linter.lint_data(target, data)))
    return results
