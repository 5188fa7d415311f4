"""A total deadline per request: a server that drips bytes must not hold a worker.

The read timeout of requests bounds each wait *between* bytes, not the whole answer: a server
sending its headers one byte a second, or an image body that trickles, would hold a worker as
long as it likes. Each request runs under a :class:`Watch`; the sockets it uses register with
it (:class:`WatchMixin` on the connection classes), and one watchdog thread shuts them down
when the time is up, which ends a blocked read at once with an error. The watch also notes
the addresses its sockets reached, so that an ``--allow-private`` run knows which successes
came from a private network, whatever the URL's spelling (see ``CheckResult.private``).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from recapkit.lint.remote.safety import address_kind

_current = threading.local()


class Watch:
    """The deadline of one request, and the sockets it has used so far."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.finished = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.peers: list[str] = []
        """The addresses this request's sockets are connected to."""

    def attach(self, sock: socket.socket) -> None:
        with contextlib.suppress(OSError, IndexError):
            self.peers.append(str(sock.getpeername()[0]))
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            if self.finished:
                return
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shutdown(sock)

    def reached_private(self) -> bool:
        """Whether a socket of this request is connected to a non-global address."""
        return any(address_kind(peer) for peer in self.peers)

    def finish(self) -> None:
        with self._lock:
            self.finished = True
            self._sockets = []


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the latter drops its SSL object under the
    # feet of the thread reading it. Shutting the descriptor down wakes that read with EOF.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def attach_to_current(sock: socket.socket) -> None:
    """Put *sock* under the deadline of the request this thread is making, if any."""
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None:
        watch.attach(sock)


def current_expired() -> bool:
    """Whether the deadline of this thread's request has passed (its sockets are shut)."""
    watch: Watch | None = getattr(_current, "watch", None)
    return watch is not None and watch.expired


class WatchMixin:
    """For urllib3 connection classes: new and reused sockets join the thread's current watch."""

    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        attach_to_current(sock)  # before the TLS handshake: a slow one is cut too
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:  # a connection reused from the pool
            attach_to_current(self.sock)
        super().request(*args, **kwargs)  # type: ignore[misc]


class Watchdog:
    """One thread for all deadlines of a run; started on first use, stopped by :meth:`close`."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Watch]] = []
        self._sequence = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    @contextlib.contextmanager
    def limit(self, seconds: float) -> Iterator[Watch]:
        """Run the body (one request, its body read included) under a deadline of *seconds*."""
        watch = Watch(time.monotonic() + seconds)
        with self._cond:
            heapq.heappush(self._heap, (watch.deadline, next(self._sequence), watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()
        previous = getattr(_current, "watch", None)
        _current.watch = watch
        try:
            yield watch
        finally:
            _current.watch = previous
            watch.finish()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                while self._heap and self._heap[0][2].finished:
                    heapq.heappop(self._heap)  # done in time: forget it
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)[2].expire()
