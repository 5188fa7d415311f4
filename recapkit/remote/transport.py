"""The HTTP plumbing under the checker: the pooled session, and reading as little as possible.

A response body is never read beyond a small bound: an image's first bytes, then at most
:data:`DRAIN_LIMIT` more to keep the connection alive; anything longer is cut by closing it.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from recapkit.remote.options import RemoteOptions
from recapkit.remote.safety import GuardedAdapter, find_in_chain

DRAIN_LIMIT = 16 * 1024
"""Read a rest this small to reuse the connection; close it on more."""


def build_session(options: RemoteOptions) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no .netrc credentials or proxies sent to arbitrary hosts
    session.cookies.set_policy(_NoCookies())  # cookies live per check, in Probe.cookies
    adapter = (HTTPAdapter if options.allow_private else GuardedAdapter)(
        pool_connections=128, pool_maxsize=max(1, options.per_host_concurrency), max_retries=0
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class _NoCookies(requests.cookies.cookielib.DefaultCookiePolicy):  # type: ignore[name-defined,misc]
    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False


def release_body(response: requests.Response, read: bytes, chunks: Any = None) -> None:
    """Return the connection to the pool when the rest of the body is small, else drop it.

    The body is never read beyond :data:`DRAIN_LIMIT`: a huge or endless body costs a
    closed connection, not a download.
    """
    length = response.headers.get("Content-Length", "")
    if response.request.method == "HEAD" or (
        length.isascii() and length.isdigit() and int(length) - len(read) <= DRAIN_LIMIT
    ):
        ack_now(response)
        try:
            drained = 0
            for chunk in chunks if chunks is not None else response.iter_content(4096):
                drained += len(chunk)
                if drained > DRAIN_LIMIT:
                    break
        except (requests.RequestException, OSError):
            pass  # the connection is dropped by close(); the answer we have stands


def ack_now(response: requests.Response) -> None:
    """Acknowledge the headers at once, before waiting for the body.

    A server that writes headers and body in two sends (Python's http.server, many small
    frameworks) holds the body back until the headers are acknowledged (Nagle), while Linux
    delays that acknowledgement by up to 40 ms: 40 ms lost per image. TCP_QUICKACK sends it now.
    """
    quickack = getattr(socket, "TCP_QUICKACK", None)
    connection = getattr(response.raw, "connection", None) or getattr(
        response.raw, "_connection", None
    )
    sock = getattr(connection, "sock", None)
    if quickack is None or sock is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)


def connection_detail(exc: BaseException) -> str:
    if find_in_chain(exc, ConnectionResetError) is not None:
        return "connection reset"
    return f"connection failed ({short_error(exc)})"


def short_error(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 160 else text[:157] + "..."
