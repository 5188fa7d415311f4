"""Lint many files: answer from the cache where it is still valid, lint the rest in workers."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import field, frozen

from recapkit._read import read_limited
from recapkit.lint import workers
from recapkit.lint.cache import CachedFile, LintCache, Stamp, default_cache_dir
from recapkit.lint.discover import Target
from recapkit.lint.engine import INTERNAL_ERROR, MAX_BYTES, FileResult, Linter, LintResult
from recapkit.lint.stamps import digest


@frozen
class LintOptions:
    """How to run: worker processes and the cache."""

    jobs: int | None = None
    """Worker processes; None: one per CPU; 1: in this process."""
    use_cache: bool = True
    cache_dir: Path | None = None


@frozen
class Plan:
    """The files of a run and how to lint them."""

    linter: Linter
    targets: Sequence[Target]
    options: LintOptions = field(factory=LintOptions)


def run(plan: Plan) -> LintResult:
    """Lint every target, from the cache where it is still valid, the rest in worker processes.

    With a warm cache the files are hashed and looked up first and only the misses are linted
    (in this process when they are few). With no usable cache the workers start before any file
    is read, and files are read in chunks while the workers lint the earlier ones.
    """

    started = time.perf_counter()
    options = plan.options
    cache = None
    if options.use_cache:
        sites = {id(t.site): t.site for t in plan.targets}.values()  # a few objects, shared
        cache = LintCache(options.cache_dir or default_cache_dir(), plan.linter.fingerprint(sites))
    run = _Run(plan.targets, cache)
    if cache is None or cache.empty:
        linted = workers.lint_stream(plan.linter, run.jobs(), len(plan.targets), jobs=options.jobs)
    else:
        misses = list(run.jobs())
        linted = workers.lint_many(plan.linter, misses, jobs=options.jobs)
    # Closed at once on the way out, not when the garbage collector gets to it: an interruption
    # (Ctrl-C, SIGTERM) here stops the workers before the interrupted run is reported.
    with contextlib.closing(linted):
        for index, result in linted:
            run.done(index, result)
    if cache is not None:
        cache.save()
    files = tuple(r for r in run.results if r is not None)
    errors = sum(1 for f in files if _crashed(f))
    return LintResult(files=files, elapsed=time.perf_counter() - started, internal_errors=errors)


class _Run:
    """The bookkeeping of one run: read, hash, look up, and remember what the workers return."""

    def __init__(self, targets: Sequence[Target], cache: LintCache | None) -> None:
        self.targets = targets
        self.cache = cache
        self.results: list[FileResult | None] = [None] * len(targets)
        self.digests: dict[int, str] = {}
        self.stamps: dict[int, Stamp | None] = {}

    def jobs(self) -> Iterator[tuple[int, Target, bytes | None]]:
        """The files the cache cannot answer for, with their bytes (read lazily)."""
        for index, target in enumerate(self.targets):
            stamp = _stamp(target)
            if self.cache is not None and self._from_cache(index, target, stamp):
                continue
            data = _read(target, stamp)
            if self.cache is not None and data is not None:
                self.digests[index] = digest(data)
                self.stamps[index] = stamp
                if self._from_cache(index, target, stamp, self.digests[index]):
                    continue
            yield index, target, data

    def _from_cache(
        self, index: int, target: Target, stamp: Stamp | None, content: str = ""
    ) -> bool:
        assert self.cache is not None
        real = str(target.real)
        hit = self.cache.get(real, str(target.path), stamp=stamp, content_digest=content)
        if hit is None:
            return False
        if content and stamp is not None:
            self.cache.restamp(real, stamp)  # same bytes, new time (a fresh checkout)
        self.results[index] = FileResult(
            target,
            hit.diagnostics,
            hit.dependencies,
            hit.remote_refs,
            hit.suppressions,
            cached=True,
            draft=hit.draft,
            fragment_links=hit.fragment_links,
            data_files=hit.data_files,
            recap=hit.recap,
        )
        return True

    def done(self, index: int, result: FileResult) -> None:
        self.results[index] = result
        if self.cache is not None and index in self.digests and not _crashed(result):
            entry = CachedFile(
                self.digests[index],
                result.diagnostics,
                result.dependencies,
                result.remote_refs,
                result.suppressions,
                result.draft,
                result.fragment_links,
                result.data_files,
                result.recap,
            )
            self.cache.put(str(result.target.real), entry, self.stamps.get(index))


def _crashed(result: FileResult) -> bool:
    return any(d.code == INTERNAL_ERROR[0] for d in result.diagnostics)


def _stamp(target: Target) -> Stamp | None:
    try:
        info = target.real.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _read(target: Target, stamp: Stamp | None) -> bytes | None:
    """The file's bytes, or None when it is too large or unreadable (the loader then reports why)."""
    if stamp is None or stamp[0] > MAX_BYTES:
        return None
    try:  # a FIFO or a device (size 0 in its stamp) is refused here, never waited on
        return read_limited(target.real, MAX_BYTES)
    except OSError:
        return None
