"""The HTTP plumbing under the checker: the pooled session, and reading as little as possible.

A response body is never read beyond a small bound, and never waited for beyond need: an
image's first bytes as they arrive, then at most :data:`DRAIN_LIMIT` more that are already
there, to keep the connection alive; anything else is cut by closing it.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import DecodeError, HTTPError, ReadTimeoutError
from urllib3.exceptions import SSLError as BodySSLError

from recapkit.lint.remote.deadline import WatchMixin
from recapkit.lint.remote.options import RemoteOptions
from recapkit.lint.remote.safety import GuardMixin, find_in_chain

DRAIN_LIMIT = 16 * 1024
"""Read a rest this small to reuse the connection; close it on more."""


def build_session(options: RemoteOptions) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no .netrc credentials or proxies sent to arbitrary hosts
    session.cookies.set_policy(_NoCookies())  # cookies live per check, in Probe.cookies
    adapter = (_Adapter if options.allow_private else _GuardedAdapter)(
        pool_connections=128, pool_maxsize=max(1, options.per_host_concurrency), max_retries=0
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


# Every socket joins the deadline of the request using it (recapkit.lint.remote.deadline); without
# --allow-private, the connected address is checked too (recapkit.lint.remote.safety).
class _HTTPConnection(WatchMixin, HTTPConnection):
    pass


class _HTTPSConnection(WatchMixin, HTTPSConnection):
    pass


class _GuardedHTTPConnection(WatchMixin, GuardMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(WatchMixin, GuardMixin, HTTPSConnection):
    pass


def _pool(base: type[HTTPConnectionPool], connection: type[HTTPConnection]) -> type[Any]:
    return type(f"_{connection.__name__.lstrip('_')}Pool", (base,), {"ConnectionCls": connection})


class _Adapter(HTTPAdapter):
    pools: ClassVar[Mapping[str, type[Any]]] = {
        "http": _pool(HTTPConnectionPool, _HTTPConnection),
        "https": _pool(HTTPSConnectionPool, _HTTPSConnection),
    }

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(self.pools)


class _GuardedAdapter(_Adapter):
    pools: ClassVar[Mapping[str, type[Any]]] = {
        "http": _pool(HTTPConnectionPool, _GuardedHTTPConnection),
        "https": _pool(HTTPSConnectionPool, _GuardedHTTPSConnection),
    }


class _NoCookies(requests.cookies.cookielib.DefaultCookiePolicy):  # type: ignore[name-defined,misc]
    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False


def arriving(response: requests.Response, limit: int) -> Iterator[bytes]:
    """The body as it arrives, at most *limit* bytes: each piece is what one read returns.

    A read waits for the first byte, never for more (``read1``): the caller decides on the
    first bytes it gets, so that a body that stalls right after them costs nothing. Errors come
    as requests' own exceptions, as from ``iter_content``.
    """
    left = limit
    while left > 0:
        with _as_requests_errors():
            piece: bytes = response.raw.read1(left, decode_content=True)
        if not piece:
            return
        left -= len(piece)
        yield piece


def release_body(response: requests.Response, read: bytes) -> None:
    """Return the connection to the pool when the rest of the body is small and already here.

    The body is never read beyond :data:`DRAIN_LIMIT`, and never waited for: what has not
    arrived yet (a body that stalls, a slow one, a huge or endless one) costs a closed
    connection, not a wait or a download.
    """
    length = response.headers.get("Content-Length", "")
    if response.request.method != "HEAD" and not (
        length.isascii() and length.isdigit() and int(length) - len(read) <= DRAIN_LIMIT
    ):
        return
    with _not_waiting(response):
        drained = 0
        with contextlib.suppress(HTTPError, OSError):
            while drained <= DRAIN_LIMIT:
                piece = response.raw.read1(4096, decode_content=True)
                if not piece:
                    break
                drained += len(piece)


@contextlib.contextmanager
def _not_waiting(response: requests.Response) -> Iterator[None]:
    """Reads of *response* return only what has already arrived (the socket does not block).

    A read that finds nothing ends the body early: urllib3 then drops the connection instead
    of returning it to the pool. A drained body hands the connection back to the pool during
    the last read; the timeout restored after it is the run's read timeout, the same any
    request sets again before using the connection.
    """
    sock = _socket(response)
    if sock is None:
        yield
        return
    previous = sock.gettimeout()
    sock.settimeout(0.0)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            sock.settimeout(previous)


@contextlib.contextmanager
def _as_requests_errors() -> Iterator[None]:
    """urllib3's errors while reading a body, as requests raises them from ``iter_content``."""
    try:
        yield
    except ReadTimeoutError as exc:
        raise requests.exceptions.ReadTimeout(exc) from exc
    except BodySSLError as exc:
        raise requests.exceptions.SSLError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except HTTPError as exc:  # ProtocolError, IncompleteRead: broken off
        raise requests.exceptions.ChunkedEncodingError(exc) from exc


def _socket(response: requests.Response) -> socket.socket | None:
    connection = getattr(response.raw, "connection", None) or getattr(
        response.raw, "_connection", None
    )
    return getattr(connection, "sock", None)


def ack_now(response: requests.Response) -> None:
    """Acknowledge the headers at once, before waiting for the body.

    A server that writes headers and body in two sends (Python's http.server, many small
    frameworks) holds the body back until the headers are acknowledged (Nagle), while Linux
    delays that acknowledgement by up to 40 ms: 40 ms lost per image. TCP_QUICKACK sends it now.
    """
    quickack = getattr(socket, "TCP_QUICKACK", None)
    sock = _socket(response)
    if quickack is None or sock is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)


def body_error_detail(exc: BaseException) -> str:
    """Why reading a body failed, in words (not urllib3's nested reprs)."""
    if isinstance(exc, requests.Timeout) or find_in_chain(exc, ReadTimeoutError) is not None:
        return "timed out while reading the body"
    incomplete = find_in_chain(exc, http.client.IncompleteRead)
    if isinstance(incomplete, http.client.IncompleteRead):
        partial: object = incomplete.partial  # an int from urllib3, bytes from http.client
        got = partial if isinstance(partial, int) else len(incomplete.partial)
        more: object = incomplete.expected
        total = f" of {got + more}" if isinstance(more, int) else ""
        return f"the connection closed after {got}{total} bytes of the body"
    return connection_detail(exc).replace("connection failed", "the response broke off")


def tls_detail(exc: BaseException) -> str:
    """``TLS error (certificate has expired)`` rather than a pool's repr."""
    found = find_in_chain(exc, ssl.SSLError)
    if isinstance(found, ssl.SSLCertVerificationError) and found.verify_message:
        return f"TLS error ({found.verify_message})"
    if isinstance(found, ssl.SSLError) and found.reason:
        return f"TLS error ({found.reason.lower().replace('_', ' ')})"
    return f"TLS error ({short_error(exc)})"


def connection_detail(exc: BaseException) -> str:
    if find_in_chain(exc, ConnectionResetError) is not None:
        return "connection reset"
    return f"connection failed ({short_error(exc)})"


def short_error(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 160 else text[:157] + "..."
