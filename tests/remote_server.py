"""A real HTTP server on a loopback address, in a thread, scripted per path, for remote tests.

Each path answers with a list of :class:`Reply`; the last one repeats. Every request is
recorded, so tests assert what the checker actually sent (and that a cached run sent nothing).
"""

from __future__ import annotations

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


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    at: float


class Server:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.seen: list[Seen] = []
        self.sent: dict[str, int] = {}
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, 0), _handler(self))
        self._httpd.daemon_threads = True
        self.host, self.port = host, self._httpd.server_address[1]

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies) or [Reply()]
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def hits(self, path: str | None = None) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if path is None or s.path == path]

    def next_reply(self, path: str) -> Reply:
        with self._lock:
            replies = self.routes.get(path, [Reply(404, HTML, {"Content-Type": "text/html"})])
            index = self._served.get(path, 0)
            self._served[path] = index + 1
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
            reply = server.next_reply(path)
            if reply.delay:
                time.sleep(reply.delay)
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
