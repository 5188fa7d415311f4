"""The remote flags of ``recapkit lint`` and their merge with ``[tool.recapkit.remote]``.

``lint`` decorates its command with :func:`remote_options` and passes the values on::

    @remote_options
    def command(paths, ..., **remote):
        options = build_remote_options(**remote, config=config.remote, hotlink_hosts=config.hotlink_hosts)

Precedence: command line > config > defaults. ``--exclude-url``/``--include-url`` add to the
config's lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click
from attrs import evolve

from recapkit.errors import UsageError
from recapkit.lint.remote.options import (
    RemoteConfig,
    RemoteOptions,
    compile_patterns,
    parse_duration,
    validate_site_url,
)

F = TypeVar("F", bound=Callable[..., Any])


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """A click callback: ``90``, ``30s``, ``15m``, ``12h``, ``1d`` -> seconds."""
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def _seconds(name: str, metavar: str, help_text: str) -> Callable[[F], F]:
    return click.option(name, callback=_duration, metavar=metavar, help=help_text)


_OPTIONS: list[Callable[[F], F]] = [
    click.option(
        "--remote/--no-remote",
        default=None,
        help="Check remote images (default: config `enabled`).",
    ),
    click.option(
        "--links/--no-links",
        default=None,
        help="Also check every other remote link (implies --remote).",
    ),
    click.option(
        "--offline",
        is_flag=True,
        default=False,
        help="Local checks only, whatever the config says.",
    ),
    click.option(
        "--max-concurrency",
        type=click.IntRange(1),
        metavar="N",
        help="Requests in flight in all [default: 32].",
    ),
    click.option(
        "--per-host-concurrency",
        type=click.IntRange(1),
        metavar="N",
        help="Requests in flight per host [default: 4].",
    ),
    _seconds(
        "--per-host-interval",
        "SECONDS",
        "Least time between two requests to one host [default: 0].",
    ),
    _seconds("--timeout", "SECONDS", "Read timeout per request [default: 10]."),
    _seconds("--connect-timeout", "SECONDS", "Connect timeout [default: 5]."),
    click.option(
        "--max-retries",
        type=click.IntRange(0),
        metavar="N",
        help="Retries after 429, 5xx, timeouts and resets [default: 3].",
    ),
    _seconds("--max-retry-wait", "SECONDS", "Cap on one wait, Retry-After included [default: 30]."),
    _seconds(
        "--max-cache-age", "AGE", "Trust cached successes this long, e.g. 12h, 7d [default: 1d]."
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Where the cache lives [default: the user cache dir].",
    ),
    click.option(
        "--no-cache", is_flag=True, default=False, help="Neither read nor write the cache."
    ),
    click.option(
        "--allow-private",
        is_flag=True,
        default=False,
        help="Also request loopback, private and link-local addresses.",
    ),
    click.option(
        "--exclude-url",
        multiple=True,
        metavar="REGEX",
        help="Skip URLs matching REGEX (repeatable).",
    ),
    click.option(
        "--include-url",
        multiple=True,
        metavar="REGEX",
        help="Check URLs matching REGEX even when excluded (repeatable).",
    ),
    click.option("--user-agent", metavar="TEXT", help="The User-Agent header."),
    click.option(
        "--site-url",
        metavar="URL",
        help="Your site's URL: sent as Referer to hotlink-protected hosts to prove a block.",
    ),
]

REMOTE_PARAM_NAMES = (
    "remote", "links", "offline", "max_concurrency", "per_host_concurrency", "per_host_interval",
    "timeout", "connect_timeout", "max_retries", "max_retry_wait", "max_cache_age", "cache_dir",
    "no_cache", "allow_private", "exclude_url", "include_url", "user_agent", "site_url",
)  # fmt: skip
"""The keyword arguments :func:`remote_options` adds to a command."""


def remote_options(function: F) -> F:
    """Add every remote flag to a click command (in help order)."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


_PLAIN = (
    "max_concurrency", "per_host_concurrency", "per_host_interval", "timeout", "connect_timeout",
    "max_retries", "max_retry_wait", "max_cache_age", "cache_dir", "user_agent", "site_url",
)  # fmt: skip


def build_remote_options(
    *,
    config: RemoteConfig | None = None,
    hotlink_hosts: Iterable[str] = (),
    remote: bool | None = None,
    links: bool | None = None,
    offline: bool = False,
    no_cache: bool = False,
    allow_private: bool = False,
    exclude_url: Iterable[str] = (),
    include_url: Iterable[str] = (),
    **values: Any,
) -> RemoteOptions:
    """:class:`RemoteOptions` from the flags of :func:`remote_options` and the config table."""
    unknown = set(values) - set(_PLAIN)
    if unknown:
        raise TypeError(f"unknown remote options: {sorted(unknown)}")
    config = config or RemoteConfig()
    merged: dict[str, Any] = {}
    for name in _PLAIN:
        value = values.get(name)
        merged[name] = value if value is not None else getattr(config, name)
    if values.get("site_url") is not None:
        merged["site_url"] = validate_site_url(values["site_url"], "--site-url")
    links_on = links if links is not None else bool(config.links)
    enabled = remote if remote is not None else bool(config.enabled) or bool(links)
    options = RemoteOptions(
        enabled=enabled and not offline,
        include_links=links_on,
        use_cache=not no_cache and config.cache is not False,
        allow_private=allow_private or bool(config.allow_private),
        exclude=_patterns([*config.exclude, *exclude_url], "--exclude-url"),
        include=_patterns([*config.include, *include_url], "--include-url"),
        hotlink_hosts=tuple(h.lower() for h in hotlink_hosts),
        headers=config.headers,
    )
    return evolve(options, **{k: v for k, v in merged.items() if v is not None})


def _patterns(patterns: list[str], where: str) -> tuple[Any, ...]:
    from recapkit.errors import ConfigError

    try:
        return compile_patterns(patterns, where)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
