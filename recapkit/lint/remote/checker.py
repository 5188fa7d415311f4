"""Check remote URLs: de-duplicate, consult the cache, probe concurrently, emit diagnostics.

Every unique URL is requested once however many posts use it; every occurrence then gets its
own diagnostic at its own line and column.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from attrs import field, frozen

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.remote.cache import RemoteCache, default_cache_dir
from recapkit.lint.remote.limiter import HostScheduler
from recapkit.lint.remote.options import RemoteOptions
from recapkit.lint.remote.probe import Probe
from recapkit.lint.remote.progress import progress_bar
from recapkit.lint.remote.refs import RemoteRef
from recapkit.lint.remote.results import CheckResult, Outcome
from recapkit.lint.remote.session import Prober
from recapkit.lint.remote.transport import build_session
from recapkit.lint.rules.base import Rule
from recapkit.lint.rules.remote_broken import RemoteBroken
from recapkit.lint.rules.remote_not_an_image import RemoteNotAnImage
from recapkit.lint.rules.remote_skipped import RemoteSkipped
from recapkit.lint.rules.remote_unverified import RemoteUnverified

_RULE_OF: dict[Outcome, type[Rule[Any]]] = {
    Outcome.BROKEN: RemoteBroken,
    Outcome.NOT_IMAGE: RemoteNotAnImage,
    Outcome.UNVERIFIED: RemoteUnverified,
    Outcome.SKIPPED: RemoteSkipped,
}


@frozen
class RemoteSummary:
    """Counts of unique URLs; ``checked`` includes those answered from the cache."""

    checked: int = 0
    from_cache: int = 0
    broken: int = 0
    not_image: int = 0
    unverified: int = 0
    skipped: int = 0
    elapsed: float = 0.0

    def summary_line(self) -> str:
        """E.g. ``remote: 120 unique URLs checked (95 from cache), 2 broken, 1 unverified, 3 skipped in 4.2 s``."""
        broken = f"{self.broken} broken"
        if self.not_image:
            broken += f", {self.not_image} not an image"
        return (
            f"remote: {self.checked} unique URL{'s' if self.checked != 1 else ''} checked "
            f"({self.from_cache} from cache), {broken}, {self.unverified} unverified, "
            f"{self.skipped} skipped in {self.elapsed:.1f} s"
        )


@frozen
class RemoteReport:
    diagnostics: list[Diagnostic]
    summary: RemoteSummary
    notes: list[str] = field(factory=list)
    """Problems of the run itself (an unusable cache), for stderr as ``warning: ...``."""
    results: dict[str, CheckResult] = field(factory=dict)
    """URL -> what was found, for tools and tests."""


def run_remote_checks(
    refs: Sequence[RemoteRef], options: RemoteOptions, *, show_progress: bool
) -> RemoteReport:
    """Check every unique URL of *refs* and return a diagnostic per failing occurrence."""
    started = time.monotonic()
    wanted: dict[str, bool] = {}  # url -> is any occurrence an image
    for ref in refs:
        wanted[ref.url] = wanted.get(ref.url, False) or ref.is_image
    results: dict[str, CheckResult] = {}
    for url in wanted:
        if not options.enabled or options.is_excluded(url):
            reason = "excluded" if options.enabled else "offline"
            results[url] = CheckResult(Outcome.SKIPPED, reason, silent=True)
    notes: list[str] = []
    cache: RemoteCache | None = None
    if options.enabled and options.use_cache:
        folder = options.cache_dir or default_cache_dir()
        cache = RemoteCache(folder, max_age=options.max_cache_age)
    todo = {url: image for url, image in wanted.items() if url not in results}
    if cache is not None:
        results.update(_cached(cache, todo, allow_private=options.allow_private))
        todo = {url: image for url, image in todo.items() if url not in results}
    try:
        probed = _probe_all(todo, options, show_progress)
        notes += _offline_guard(probed)
        results.update(probed)
    finally:
        if cache is not None:
            _remember(cache, results, wanted, notes)
    diagnostics = [d for ref in refs if (d := _diagnostic(ref, results[ref.url])) is not None]
    return RemoteReport(
        diagnostics, _summarise(results, time.monotonic() - started), notes, results
    )


def _cached(
    cache: RemoteCache, todo: dict[str, bool], *, allow_private: bool
) -> dict[str, CheckResult]:
    hit = CheckResult(Outcome.OK, "cached", from_cache=True)
    found: set[str] = set()
    for want_image in (True, False):
        urls = [u for u, image in todo.items() if image is want_image]
        found |= cache.fresh(urls, image=want_image, allow_private=allow_private)
    return dict.fromkeys(found, hit)


def _remember(
    cache: RemoteCache, results: dict[str, CheckResult], wanted: dict[str, bool], notes: list[str]
) -> None:
    for url, result in results.items():
        if result.outcome is Outcome.OK and not result.from_cache and result.cacheable:
            cache.record(url, image=wanted[url], private=result.private)
    cache.flush()
    cache.close()
    notes += cache.notes  # a broken cache was set aside or skipped: the results stand


def _probe_all(
    todo: dict[str, bool], options: RemoteOptions, show_progress: bool
) -> dict[str, CheckResult]:
    if not todo:
        return {}
    session = build_session(options)
    prober = Prober(options, session)
    scheduler: HostScheduler[Probe] = HostScheduler(
        per_host=options.per_host_concurrency, interval=options.per_host_interval
    )
    for url, image in todo.items():
        scheduler.put(_host(url), prober.start(url, is_image=image))
    results: dict[str, CheckResult] = {}
    with progress_bar(len(todo), enabled=show_progress) as advance:

        def finished(probe: Probe) -> None:
            assert probe.result is not None
            results[probe.url] = probe.result
            advance()

        workers = [
            threading.Thread(target=_work, args=(scheduler, prober, finished), daemon=True)
            for _ in range(max(1, min(options.max_concurrency, len(todo))))
        ]
        for worker in workers:
            worker.start()
        try:
            for worker in workers:
                while worker.is_alive():
                    worker.join(0.2)  # a short join keeps Ctrl-C responsive
        finally:
            scheduler.close()
            prober.close()
            session.close()
    return results


def _offline_guard(results: dict[str, CheckResult]) -> list[str]:
    """Without DNS every host is "not found": say so once instead of breaking every URL.

    When no URL got any answer and names of two or more hosts did not resolve, the machine
    is most likely offline; those URLs become unverified, not broken.
    """
    dead_hosts = {_host(url) for url, r in results.items() if r.host_not_found}
    answered = any(r.answered for r in results.values())
    if len(dead_hosts) < 2 or answered:
        return []
    for url, result in results.items():
        if result.host_not_found:
            detail = f"{result.detail} (no host name resolved at all: offline?)"
            results[url] = CheckResult(Outcome.UNVERIFIED, detail)
    return [
        f"none of {len(dead_hosts)} host names resolved: is this machine offline? (use --offline)"
    ]


def _work(
    scheduler: HostScheduler[Probe], prober: Prober, finished: Callable[[Probe], None]
) -> None:
    while (taken := scheduler.take()) is not None:
        host, probe = taken
        try:
            step = prober.step(probe)
        except Exception as exc:  # a bug must not hang the run: report the URL as unverified
            probe.result = CheckResult(Outcome.UNVERIFIED, f"internal error: {exc!r}")
            step = None
        if step is None or step.done:
            finished(probe)
        else:
            if step.pause:
                scheduler.pause(host, step.pause)
            scheduler.put(probe.host, probe, not_before=time.monotonic() + step.delay)
        scheduler.done(host)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _diagnostic(ref: RemoteRef, result: CheckResult) -> Diagnostic | None:
    outcome = result.outcome
    if outcome is Outcome.NOT_IMAGE and not ref.is_image:
        return None  # a link to a page is fine; only an <img> needs an image
    if outcome is Outcome.OK or result.silent:
        return None
    rule = _RULE_OF[outcome]
    what = "image" if ref.is_image else "link"
    message = {
        Outcome.BROKEN: f"{what} {ref.url} is broken: {result.detail}",
        Outcome.NOT_IMAGE: f"image {ref.url} is not an image: {result.detail}",
        Outcome.UNVERIFIED: f"could not verify {what} {ref.url}: {result.detail}",
        Outcome.SKIPPED: f"skipped {what} {ref.url}: {result.detail}",
    }[outcome]
    return Diagnostic(
        path=ref.path,
        line=ref.line,
        column=ref.column,
        code=rule.code,
        name=rule.name,
        message=message,
        severity=rule.default_severity,
        end_line=ref.end_line,
        end_column=ref.end_column,
    )


def _summarise(results: dict[str, CheckResult], elapsed: float) -> RemoteSummary:
    counts = dict.fromkeys(Outcome, 0)
    for result in results.values():
        counts[result.outcome] += 1
    return RemoteSummary(
        checked=len(results) - counts[Outcome.SKIPPED],
        from_cache=sum(1 for r in results.values() if r.from_cache),
        broken=counts[Outcome.BROKEN],
        not_image=counts[Outcome.NOT_IMAGE],
        unverified=counts[Outcome.UNVERIFIED],
        skipped=counts[Outcome.SKIPPED],
        elapsed=elapsed,
    )
