"""No requests into private networks: address classes, DNS resolution, a guarded connection.

Linting a pull request in CI must not turn into a probe of the runner's network. Every host
is resolved first and refused when any address is not global (loopback, private, link-local,
unique-local, multicast, ...); and because DNS may answer differently a moment later (DNS
rebinding), the connection itself checks the address it actually connected to
(:class:`GuardMixin`, on the connection classes of :mod:`recapkit.lint.remote.transport`).
Redirects are followed by the checker one hop at a time, so each new host passes through
here again.
"""

from __future__ import annotations

import errno
import ipaddress
import socket

_NOT_FOUND_ERRNOS = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


class AddressRefused(Exception):
    """A host resolved to, or connected to, an address the checker must not contact."""

    def __init__(self, address: str, kind: str) -> None:
        super().__init__(f"{kind} address {address}")
        self.address = address
        self.kind = kind


class HostNotFound(Exception):
    """The name does not resolve (NXDOMAIN): definite, unlike a DNS timeout."""


def address_kind(address: str) -> str | None:
    """Why *address* must not be contacted ("loopback", "private", ...), or None when global."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.IPv6Network("fc00::/7"):
        return "unique-local"
    if ip.is_private:
        return "private"
    if not ip.is_global:  # unspecified, reserved, shared (100.64/10), documentation ranges
        return "non-global"
    return None


def resolve(host: str, port: int) -> list[str]:
    """The addresses *host* resolves to; :class:`HostNotFound` when the name does not exist."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        if exc.errno in _NOT_FOUND_ERRNOS:
            raise HostNotFound(f"host {host} not found") from exc
        raise  # a transient failure (EAI_AGAIN): worth a retry
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_addresses(addresses: list[str]) -> None:
    """Raise :class:`AddressRefused` when any of *addresses* is not global.

    Any, not all: the client may connect to whichever it likes, and a name mixing public and
    private addresses is exactly what a rebinding attack looks like.
    """
    for address in addresses:
        kind = address_kind(address)
        if kind:
            raise AddressRefused(address, kind)


class GuardMixin:
    """For urllib3 connection classes: refuse a socket connected to a non-global address."""

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        peer = sock.getpeername()[0]
        kind = address_kind(peer)
        if kind:
            sock.close()
            raise AddressRefused(peer, kind)
        return sock


def is_connection_refused(exc: BaseException) -> bool:
    """Whether a requests/urllib3 error chain ends in ECONNREFUSED (nothing listens: definite)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if (
            isinstance(seen, ConnectionRefusedError)
            or getattr(seen, "errno", None) == errno.ECONNREFUSED
        ):
            return True
        seen = _cause(seen)
    return False


def find_in_chain(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None or isinstance(seen, kind):
            return seen
        seen = _cause(seen)
    return None


def _cause(exc: BaseException) -> BaseException | None:
    reason = getattr(exc, "reason", None)  # urllib3's MaxRetryError/NewConnectionError
    if isinstance(reason, BaseException):
        return reason
    for arg in exc.args:  # requests wraps urllib3's error; ProtocolError(text, IncompleteRead)
        if isinstance(arg, BaseException):
            return arg
    return exc.__cause__ or exc.__context__
