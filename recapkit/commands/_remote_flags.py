"""The remote flags of ``recapkit lint``: click declarations, read into a typed
:class:`~recapkit.lint.remote.flags.RemoteFlags` (the lint pipeline merges it with
``[tool.recapkit.remote]``; the command line wins)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

from recapkit.lint.remote.flags import RemoteFlags, parse_accept, parse_duration

F = TypeVar("F", bound=Callable[..., Any])


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """A click callback: ``90``, ``30s``, ``15m``, ``12h``, ``1d`` -> seconds."""
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def _statuses(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> frozenset[int] | None:
    """A click callback: ``200,429`` or ``200..=299,429`` -> the statuses."""
    if value is None:
        return None
    try:
        return parse_accept(value)
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
    click.option(
        "--exclude-file",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="Skip URLs matching a regex of FILE, one a line, # comments (a .lycheeignore).",
    ),
    click.option(
        "--accept",
        callback=_statuses,
        metavar="CODES",
        help="Statuses that count as OK, e.g. 200,429 or 200..=299,429 [default: 2xx].",
    ),
    click.option(
        "-H",
        "--header",
        multiple=True,
        metavar="'[HOST] NAME: VALUE'",
        help="Send this header (to HOST only, e.g. api.github.com or *.github.com); "
        "${VAR} is read from the environment. Repeatable.",
    ),
    click.option(
        "--dump",
        is_flag=True,
        default=False,
        help="Print the URLs the remote checks would request, one a line; request none.",
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
    "exclude_file", "accept", "header", "dump",
)  # fmt: skip
"""The keyword arguments :func:`remote_options` adds to a command."""


def remote_options(function: F) -> F:
    """Add every remote flag to a click command (in help order)."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


def remote_flags(values: Mapping[str, Any]) -> RemoteFlags:
    """The remote flags among a command's parsed *values*, typed."""
    given = {name: values[name] for name in REMOTE_PARAM_NAMES if name in values}
    for name in ("exclude_url", "include_url", "header", "exclude_file"):
        given[name] = tuple(given.get(name) or ())
    return RemoteFlags(**given)
