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
from recapkit.lint.remote.flags import RemoteFlags, parse_accept, parse_duration
from recapkit.lint.remote.headers import (
    HostHeaders,
    expand_headers,
    parse_header_flag,
    parse_headers,
)

DEFAULT_USER_AGENT = f"Mozilla/5.0 (compatible; recapkit/{__version__}; link checker)"


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
    accept: frozenset[int] | None = None
    """Statuses that count as success; None: any 2xx (redirects are followed either way)."""
    dump: bool = False
    """List the URLs that would be checked; request none."""

    def accepts(self, status: int) -> bool:
        if self.accept is None:
            return 200 <= status < 300
        return status in self.accept

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


def _accept(where: str, raw: Any) -> frozenset[int]:
    """``accept = "200..=299,429"`` or ``accept = [200, 429]``."""
    if isinstance(raw, list) and all(isinstance(c, int) and not isinstance(c, bool) for c in raw):
        raw = ",".join(str(c) for c in raw)
    try:
        return parse_accept(_expect(raw, str, "a list of statuses or a string", where))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


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
    headers: tuple[HostHeaders, ...] = _parsed(lambda where, raw: parse_headers(raw, where), ())
    """Header values as written: ``${VAR}`` is filled by :func:`parse_remote_config`."""
    accept: frozenset[int] | None = _parsed(_accept)


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
    headers = expand_headers(config.headers, os.environ if env is None else env)
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


_PLAIN = (
    "max_concurrency", "per_host_concurrency", "per_host_interval", "timeout", "connect_timeout",
    "max_retries", "max_retry_wait", "max_cache_age", "cache_dir", "user_agent", "site_url",
    "accept",
)  # fmt: skip


def build_remote_options(
    flags: RemoteFlags | None = None,
    *,
    config: RemoteConfig | None = None,
    hotlink_hosts: Iterable[str] = (),
    env: Mapping[str, str] | None = None,
) -> RemoteOptions:
    """:class:`RemoteOptions` from the command line's *flags* over the config table over the
    defaults; ``--exclude-url``/``--exclude-file``/``--include-url``/``--header`` add to the
    config's lists. ``--dump`` implies ``--remote`` (it lists what that would check)."""
    flags = flags or RemoteFlags()
    config = config or RemoteConfig()
    env = os.environ if env is None else env
    merged: dict[str, Any] = {}
    for name in _PLAIN:
        value = getattr(flags, name)
        merged[name] = value if value is not None else getattr(config, name)
    if flags.site_url is not None:
        merged["site_url"] = validate_site_url(flags.site_url, "--site-url")
    links_on = flags.links if flags.links is not None else bool(config.links)
    enabled = (
        flags.remote if flags.remote is not None else bool(config.enabled) or bool(flags.links)
    ) or flags.dump
    excluded = [*config.exclude, *flags.exclude_url, *_exclude_files(flags.exclude_file)]
    options = RemoteOptions(
        enabled=enabled and not flags.offline,
        include_links=links_on,
        use_cache=not flags.no_cache and config.cache is not False,
        allow_private=flags.allow_private or bool(config.allow_private),
        exclude=_patterns(excluded, "--exclude-url"),
        include=_patterns([*config.include, *flags.include_url], "--include-url"),
        hotlink_hosts=tuple(h.lower() for h in hotlink_hosts),
        headers=config.headers + _header_flags(flags.header, env),
        dump=flags.dump,
    )
    return evolve(options, **{k: v for k, v in merged.items() if v is not None})


def _patterns(patterns: list[str], where: str) -> tuple[Any, ...]:
    try:
        return compile_patterns(patterns, where)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _header_flags(texts: tuple[str, ...], env: Mapping[str, str]) -> tuple[HostHeaders, ...]:
    """``--header`` values, after the config's (so they win), variables filled from *env*."""
    return expand_headers(tuple(parse_header_flag(text) for text in texts), env)


def _exclude_files(paths: tuple[Path, ...]) -> list[str]:
    """The patterns of lychee-style ignore files: one regular expression a line; blank lines
    and lines starting with ``#`` are skipped. Each pattern is checked with its file and line."""
    patterns: list[str] = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--exclude-file {path}: cannot read it: {exc}") from None
        for number, line in enumerate(lines, 1):
            pattern = line.strip()
            if pattern and not pattern.startswith("#"):
                _patterns([pattern], f"{path}:{number}")
                patterns.append(pattern)
    return patterns
