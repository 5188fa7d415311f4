"""Per-host politeness: at most N requests in flight per host, an optional interval, host pauses.

Workers do not block on a busy host: they take the next request whose host has a free slot
and whose wait (retry backoff, ``Retry-After`` pause, interval) has passed. That keeps every
worker busy when one host is slow or rate limited, which a semaphore per host would not.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from attrs import define, field

T = TypeVar("T")


@define
class _Host(Generic[T]):
    # (not_before, sequence, item): earliest due first, then first come first served
    queue: list[tuple[float, int, T]] = field(factory=list)
    active: int = 0
    not_before: float = 0.0
    """No new request to this host before this time (interval, ``Retry-After``, backoff)."""


class HostScheduler(Generic[T]):
    """A work queue keyed by host, thread-safe; :meth:`take` blocks until work is due or all done."""

    def __init__(
        self,
        *,
        per_host: int,
        interval: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_host = max(1, per_host)
        self._interval = max(0.0, interval)
        self._clock = clock
        self._hosts: dict[str, _Host[T]] = {}
        self._outstanding = 0
        self._closed = False
        self._sequence = itertools.count()
        self._cond = threading.Condition()

    def put(self, host: str, item: T, *, not_before: float = 0.0) -> None:
        """Queue *item* for *host*, due at clock time *not_before*."""
        with self._cond:
            state = self._hosts.setdefault(host, _Host())
            heapq.heappush(state.queue, (not_before, next(self._sequence), item))
            self._outstanding += 1
            self._cond.notify()

    def take(self) -> tuple[str, T] | None:
        """The next due item and its host (its slot is now taken), or None when all is done."""
        with self._cond:
            while True:
                if self._closed or self._outstanding == 0:
                    return None
                now = self._clock()
                host, wake = self._pick(now)
                if host is not None:
                    return host, self._start(host, now)
                self._cond.wait(None if wake is None else max(0.0, wake - now))

    def done(self, host: str) -> None:
        """Free *host*'s slot taken by :meth:`take`. Re-:meth:`put` follow-up work *before* this."""
        with self._cond:
            state = self._hosts[host]
            state.active -= 1
            self._outstanding -= 1
            if not state.queue and state.active == 0 and state.not_before <= self._clock():
                del self._hosts[host]
            self._cond.notify_all()

    def pause(self, host: str, seconds: float) -> None:
        """Start no new request to *host* for *seconds* (a rate limit applies to the whole host)."""
        with self._cond:
            state = self._hosts.setdefault(host, _Host())
            state.not_before = max(state.not_before, self._clock() + seconds)

    def close(self) -> None:
        """Make every :meth:`take` return None (on interruption)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _pick(self, now: float) -> tuple[str | None, float | None]:
        wake: float | None = None
        for host, state in self._hosts.items():
            if not state.queue or state.active >= self._per_host:
                continue
            due = max(state.queue[0][0], state.not_before)
            if due <= now:
                return host, None
            wake = due if wake is None else min(wake, due)
        return None, wake

    def _start(self, host: str, now: float) -> T:
        # Move the host to the end of the dict: round robin across hosts, and saturated
        # hosts gather at the end so that the scan in _pick finds a free one early.
        state = self._hosts.pop(host)
        self._hosts[host] = state
        _, _, item = heapq.heappop(state.queue)
        state.active += 1
        if self._interval:
            state.not_before = max(state.not_before, now + self._interval)
        return item
