"""Extra request headers: the ``headers`` table of ``[tool.recapkit.remote]`` and ``--header``.

A header value may name environment variables (``${GITHUB_TOKEN}`` or ``$GITHUB_TOKEN``), filled
from the process environment when the options are built, so a secret lives in CI's secret store,
never in a config file or a command line that CI logs. Values are never shown: error messages
name the header, not its value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.errors import ConfigError, UsageError

_header_name = lazy_pattern(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


_env_var = lazy_pattern(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


ALL_HOSTS = "*"


@frozen
class HostHeaders:
    """Extra request headers for one host (``api.github.com``), its subdomains (``*.github.com``)
    or every host (``*``, what ``--header`` without a host means)."""

    host: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, host: str) -> bool:
        if self.host == ALL_HOSTS:
            return True
        if self.host.startswith("*."):
            return host.endswith(self.host[1:])
        return host == self.host


def parse_headers(value: Any, where: str) -> tuple[HostHeaders, ...]:
    """The ``headers`` table: ``{host = {Name = "value"}}``; values as written."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table of hosts, each a table of headers")
    result = []
    for host, table in value.items():
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}.{host}: expected a table of header = value")
        headers = tuple(
            (name, _header_value(name, raw, f"{where}.{host}.{name}"))
            for name, raw in table.items()
        )
        result.append(HostHeaders(host.lower(), headers))
    return tuple(result)


def parse_header_flag(text: str) -> HostHeaders:
    """``--header 'Name: value'`` (every host) or ``--header 'api.github.com Name: value'``.

    A header name holds no space, so a space before the colon separates a host pattern.
    Raises :class:`UsageError` naming the header, never its value.
    """
    head, colon, value = text.partition(":")
    words = head.split()
    if not colon or len(words) not in (1, 2):
        raise UsageError("--header: expected 'Name: value' or 'HOST Name: value'")
    host, name = (ALL_HOSTS, words[0]) if len(words) == 1 else (words[0].lower(), words[1])
    try:
        return HostHeaders(host, ((name, _header_value(name, value.strip(), "--header")),))
    except ConfigError as exc:
        raise UsageError(f"{exc} ({name})") from None


def _header_value(name: str, raw: Any, where: str) -> str:
    if not _header_name().match(name):
        raise ConfigError(f"{where}: invalid header name")
    if not isinstance(raw, str) or "\r" in raw or "\n" in raw:
        raise ConfigError(f"{where}: expected a one-line string")
    return raw


def expand_headers(
    hosts: tuple[HostHeaders, ...], env: Mapping[str, str]
) -> tuple[HostHeaders, ...]:
    """Header values with ``${VAR}``/``$VAR`` filled; a header whose variable is unset or empty
    is left out (a pull request from a fork has no secrets: the check runs without them).

    A variable's value is stripped (a token read from a file ends with a newline). A value
    that still cannot be sent raises :class:`ConfigError` here, naming the header: later,
    the HTTP library's error would quote the value, secret and all, in a finding.
    """
    return tuple(
        HostHeaders(entry.host, tuple(
            (name, _sendable(name, _env_var().sub(lambda m: env[m[1] or m[2]].strip(), raw)))
            for name, raw in entry.headers
            if all(env.get(a or b, "").strip() for a, b in _env_var().findall(raw))
        ))
        for entry in hosts
    )  # fmt: skip


def _sendable(name: str, value: str) -> str:
    try:
        value.encode("latin-1")  # what http.client sends header values as
    except UnicodeEncodeError:
        raise ConfigError(f"header {name}: its value has characters HTTP cannot send") from None
    if any(c in value for c in "\r\n\0"):
        raise ConfigError(f"header {name}: its value holds a line break")
    return value
