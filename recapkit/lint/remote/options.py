"""What the remote checker is told: :class:`RemoteOptions`, and the ``[tool.recapkit.remote]`` table.

Precedence is command line > config > defaults; :func:`recapkit.lint.remote.cli_options.build_remote_options`
merges them. Config values are validated here, with the key in every error message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from attrs import evolve, field, frozen

from recapkit.__about__ import __version__
from recapkit.config import read_table
from recapkit.errors import ConfigError, UsageError
from recapkit.lint.remote.flags import RemoteFlags, parse_duration

DEFAULT_USER_AGENT = f"Mozilla/5.0 (compatible; recapkit/{__version__}; link checker)"
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_ENV_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@frozen
class HostHeaders:
    """Extra request headers for one host (``api.github.com``) or its subdomains (``*.github.com``)."""

    host: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, host: str) -> bool:
        if self.host.startswith("*."):
            return host.endswith(self.host[1:])
        return host == self.host


def host_matches(host: str, patterns: tuple[str, ...]) -> bool:
    """*host* equals a pattern or is a subdomain of one (``qpic.cn`` matches ``mmbiz.qpic.cn``)."""
    host = host.lower().rstrip(".")
    return any(host == p or host.endswith("." + p.lstrip("*.")) for p in patterns)


@frozen
class RemoteOptions:
    """Everything the checker needs; defaults are the documented ones."""

    enabled: bool = False
    include_links: bool = False
    max_concurrency: int = 32
    per_host_concurrency: int = 4
    per_host_interval: float = 0.0
    connect_timeout: float = 5.0
    timeout: float = 10.0
    max_retries: int = 3
    max_retry_wait: float = 30.0
    backoff_base: float = 0.5
    max_cache_age: float = 86400.0
    cache_dir: Path | None = None
    """None: the platform's user cache directory."""
    use_cache: bool = True
    allow_private: bool = False
    exclude: tuple[re.Pattern[str], ...] = ()
    include: tuple[re.Pattern[str], ...] = ()
    user_agent: str = DEFAULT_USER_AGENT
    site_url: str | None = None
    hotlink_hosts: tuple[str, ...] = ()
    headers: tuple[HostHeaders, ...] = ()

    def is_excluded(self, url: str) -> bool:
        """Excluded by a pattern and not re-included (``include`` wins, as in lychee)."""
        if any(p.search(url) for p in self.include):
            return False
        return any(p.search(url) for p in self.exclude)

    def headers_for(self, host: str) -> dict[str, str]:
        extra: dict[str, str] = {}
        for entry in self.headers:
            if entry.matches(host):
                extra.update(entry.headers)
        return extra

    def referer_for(self, host: str) -> str | None:
        """The site's URL when *host* blocks hotlinking and ``site-url`` is set (to prove the block)."""
        if self.site_url and host_matches(host, self.hotlink_hosts):
            return self.site_url
        return None


def _minimum(least: int) -> Callable[[str, Any], int]:
    def parse(where: str, raw: Any) -> int:
        number: int = _expect(raw, int, "an integer", where)
        if number < least:
            raise ConfigError(f"{where}: must be at least {least}")
        return number

    return parse


def _seconds(where: str, raw: Any) -> float:
    try:
        return parse_duration(raw)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _pattern_list(where: str, raw: Any) -> tuple[str, ...]:
    return tuple(_compile(p, where).pattern for p in _expect_list(raw, where))


def _site_url(where: str, raw: Any) -> str:
    return validate_site_url(_expect(raw, str, "a string", where), where)


def _folder(where: str, raw: Any) -> Path:
    return Path(_expect(raw, str, "a string", where)).expanduser()


def _parsed(parse: Callable[[str, Any], Any], default: Any = None) -> Any:
    """A field that :func:`recapkit.config.read_table` reads with *parse*."""
    return field(default=default, metadata={"parse": parse})


@frozen
class RemoteConfig:
    """The ``[tool.recapkit.remote]`` table; None means "not set here"."""

    enabled: bool | None = None
    links: bool | None = None
    max_concurrency: int | None = _parsed(_minimum(1))
    per_host_concurrency: int | None = _parsed(_minimum(1))
    per_host_interval: float | None = _parsed(_seconds)
    connect_timeout: float | None = _parsed(_seconds)
    timeout: float | None = _parsed(_seconds)
    max_retries: int | None = _parsed(_minimum(0))
    max_retry_wait: float | None = _parsed(_seconds)
    max_cache_age: float | None = _parsed(_seconds)
    cache_dir: Path | None = _parsed(_folder)
    cache: bool | None = None
    allow_private: bool | None = None
    exclude: tuple[str, ...] = _parsed(_pattern_list, ())
    include: tuple[str, ...] = _parsed(_pattern_list, ())
    user_agent: str | None = None
    site_url: str | None = _parsed(_site_url)
    headers: tuple[HostHeaders, ...] = _parsed(lambda where, raw: _parse_headers(raw, where), ())
    """Header values as written: ``${VAR}`` is filled by :func:`parse_remote_config`."""


def parse_remote_config(
    raw: Any,
    *,
    base_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    where: str = "[tool.recapkit.remote]",
) -> RemoteConfig:
    """Validate the value of ``tool.recapkit.remote``: a table, or a bare ``remote = true``.

    *base_dir* (the config file's folder) anchors a relative ``cache-dir``; *env* (default
    ``os.environ``) fills ``${VAR}`` in header values. Raises :class:`ConfigError`.
    """
    if isinstance(raw, bool):
        return RemoteConfig(enabled=raw)
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: expected a table or true/false, got {type(raw).__name__}")
    config = read_table(RemoteConfig, raw, where=where)
    cache_dir = Path(base_dir or ".") / config.cache_dir if config.cache_dir else None
    headers = _expanded(config.headers, os.environ if env is None else env)
    return evolve(config, cache_dir=cache_dir, headers=headers)


def _expect(value: Any, kind: type, what: str, where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: expected {what}, got {value!r}")
    return value


def _expect_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of regular expressions")
    return value


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None


def compile_patterns(
    patterns: tuple[str, ...] | list[str], where: str
) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p, where) for p in patterns)


def validate_site_url(text: str, where: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"{where}: expected an http(s) URL such as https://blog.example.com/, got {text!r}"
        )
    return text


def _parse_headers(value: Any, where: str) -> tuple[HostHeaders, ...]:
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


def _header_value(name: str, raw: Any, where: str) -> str:
    if not _HEADER_NAME.match(name):
        raise ConfigError(f"{where}: invalid header name")
    if not isinstance(raw, str) or "\r" in raw or "\n" in raw:
        raise ConfigError(f"{where}: expected a one-line string")
    return raw


def _expanded(hosts: tuple[HostHeaders, ...], env: Mapping[str, str]) -> tuple[HostHeaders, ...]:
    """Header values with ``${VAR}`` filled; a header whose variable is unset is left out (a pull
    request from a fork has no secrets)."""
    return tuple(
        HostHeaders(entry.host, tuple(
            (name, _ENV_VAR.sub(lambda m: env[m[1]], raw))
            for name, raw in entry.headers
            if all(env.get(var) for var in _ENV_VAR.findall(raw))
        ))
        for entry in hosts
    )  # fmt: skip


_PLAIN = (
    "max_concurrency", "per_host_concurrency", "per_host_interval", "timeout", "connect_timeout",
    "max_retries", "max_retry_wait", "max_cache_age", "cache_dir", "user_agent", "site_url",
)  # fmt: skip


def build_remote_options(
    flags: RemoteFlags | None = None,
    *,
    config: RemoteConfig | None = None,
    hotlink_hosts: Iterable[str] = (),
) -> RemoteOptions:
    """:class:`RemoteOptions` from the command line's *flags* over the config table over the
    defaults; ``--exclude-url``/``--include-url`` add to the config's lists."""
    flags = flags or RemoteFlags()
    config = config or RemoteConfig()
    merged: dict[str, Any] = {}
    for name in _PLAIN:
        value = getattr(flags, name)
        merged[name] = value if value is not None else getattr(config, name)
    if flags.site_url is not None:
        merged["site_url"] = validate_site_url(flags.site_url, "--site-url")
    links_on = flags.links if flags.links is not None else bool(config.links)
    enabled = (
        flags.remote if flags.remote is not None else bool(config.enabled) or bool(flags.links)
    )
    options = RemoteOptions(
        enabled=enabled and not flags.offline,
        include_links=links_on,
        use_cache=not flags.no_cache and config.cache is not False,
        allow_private=flags.allow_private or bool(config.allow_private),
        exclude=_patterns([*config.exclude, *flags.exclude_url], "--exclude-url"),
        include=_patterns([*config.include, *flags.include_url], "--include-url"),
        hotlink_hosts=tuple(h.lower() for h in hotlink_hosts),
        headers=config.headers,
    )
    return evolve(options, **{k: v for k, v in merged.items() if v is not None})


def _patterns(patterns: list[str], where: str) -> tuple[Any, ...]:
    try:
        return compile_patterns(patterns, where)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
