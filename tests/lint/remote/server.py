"""A real HTTP server on a loopback address, in a thread, scripted per path, for remote tests.

Each path answers with a list of :class:`Reply`; the last one repeats. Every request is
recorded, so tests assert what the checker actually sent (and that a cached run sent nothing).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
HTML = b"<!DOCTYPE html><html><head><title>Not here</title></head><body>gone</body></html>"
FOREVER = 3600.0
"""A stall that lasts until the server stops."""


@dataclass
class Reply:
    status: int = 200
    body: bytes = PNG
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "image/png"})
    delay: float = 0.0
    reset: bool = False
    """Answer nothing and reset the connection (TCP RST)."""
    huge: int = 0
    """Announce and stream this many bytes (until the client goes away)."""
    drip: float = 0.0
    """Send the status line, headers and body one byte at a time, this long apart."""
    close_after_headers: bool = False
    """Announce the body's length, send the headers, then hang up."""
    chunks: tuple[bytes, ...] = ()
    """Send the body in these pieces, framed by :attr:`framing`, then wait :attr:`stall`
    seconds (or until the server stops), then end it."""
    stall: float = 0.0
    framing: str = "chunked"
    """``chunked``; ``length``: a Content-Length of :attr:`length`; ``close``: neither (the
    body ends when the connection closes)."""
    length: int = 0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    at: float


class _HTTPServer(ThreadingHTTPServer):
    # socketserver's default backlog of 5 drops the SYNs of a burst of new connections: the
    # client then waits a whole second for the retransmission, past a short connect timeout.
    request_queue_size = 128


class Server:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.head_routes: dict[str, list[Reply]] = {}
        self.cookie_routes: dict[str, tuple[str, Reply, Reply]] = {}
        self.seen: list[Seen] = []
        self.sent: dict[str, int] = {}
        self.stopping = threading.Event()
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd = _HTTPServer((host, 0), _handler(self))
        self._httpd.daemon_threads = True
        self.host, self.port = host, self._httpd.server_address[1]

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies) or [Reply()]
        return self.url(path)

    def route_head(self, path: str, *replies: Reply) -> None:
        """Answer HEAD requests of *path* differently from GET (which :meth:`route` sets)."""
        self.head_routes[path] = list(replies)

    def route_cookie(self, path: str, cookie: str, with_it: Reply, without: Reply) -> str:
        """Answer *path* with *with_it* when the request carries *cookie* (``name=value``)."""
        self.cookie_routes[path] = (cookie, with_it, without)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def hits(self, path: str | None = None) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if path is None or s.path == path]

    def next_reply(self, path: str, method: str = "GET", cookies: str = "") -> Reply:
        if path in self.cookie_routes:
            cookie, with_it, without = self.cookie_routes[path]
            return with_it if cookie in cookies.split("; ") else without
        with self._lock:
            routes = self.head_routes if path in self.head_routes and method == "HEAD" else None
            replies = (routes or self.routes).get(
                path, [Reply(404, HTML, {"Content-Type": "text/html"})]
            )
            key = f"{method} {path}" if routes else path
            index = self._served.get(key, 0)
            self._served[key] = index + 1
            return replies[min(index, len(replies) - 1)]

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def start(self) -> Server:
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self._answer(body=True)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def _answer(self, *, body: bool) -> None:
            path = self.path
            server.record(Seen(self.command, path, dict(self.headers.items()), time.monotonic()))
            reply = server.next_reply(path, self.command, self.headers.get("Cookie", ""))
            if reply.delay:
                time.sleep(reply.delay)
            if reply.drip or reply.close_after_headers or reply.chunks:
                self.close_connection = True
                with contextlib.suppress(OSError):  # the client gave up on us: the point
                    self._misbehave(reply, body=body)
                return
            if reply.reset:
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
                self.close_connection = True
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            length = reply.huge or len(reply.body)
            self.send_header("Content-Length", str(length))
            self.end_headers()
            if body:
                try:
                    self._write(path, reply)
                except OSError:  # the client hung up (it timed out, or read enough): fine
                    self.close_connection = True

        def _misbehave(self, reply: Reply, *, body: bool) -> None:
            reason = self.responses.get(reply.status, ("",))[0]
            headers = dict(reply.headers)
            if not reply.chunks:
                headers["Content-Length"] = str(len(reply.body))
            elif reply.framing == "chunked":
                headers["Transfer-Encoding"] = "chunked"
            elif reply.framing == "length":
                headers["Content-Length"] = str(reply.length)
            else:
                headers["Connection"] = "close"
            head = f"HTTP/1.1 {reply.status} {reason}\r\n" + "".join(
                f"{name}: {value}\r\n" for name, value in headers.items()
            )
            self._send(head.encode("latin-1") + b"\r\n", reply.drip)
            if not body or reply.close_after_headers:
                return
            if not reply.chunks:
                self._send(reply.body, reply.drip)
                return
            chunked = reply.framing == "chunked"
            for chunk in reply.chunks:
                self._send(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk, 0.0)
            server.stopping.wait(reply.stall)
            if chunked:
                self._send(b"0\r\n\r\n", 0.0)

        def _send(self, data: bytes, drip: float) -> None:
            if not drip:
                self.wfile.write(data)
                return
            for byte in data:
                self.wfile.write(bytes([byte]))
                time.sleep(drip)

        def _write(self, path: str, reply: Reply) -> None:
            if not reply.huge:
                self.wfile.write(reply.body)
                return
            chunk, sent = PNG + bytes(64 * 1024 - len(PNG)), 0
            try:
                while sent < reply.huge:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                self.close_connection = True
            finally:
                server.sent[path] = sent

    return Handler


@contextmanager
def serving(host: str = "127.0.0.1") -> Iterator[Server]:
    server = Server(host).start()
    try:
        yield server
    finally:
        server.stop()
