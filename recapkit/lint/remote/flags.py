"""What the command line can say about remote checks (:class:`RemoteFlags`) and how it spells
durations: light enough for the lint command to declare its flags without loading the options."""

from __future__ import annotations

import re
from pathlib import Path

from attrs import frozen

from recapkit._text import lazy_pattern

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|[smhdw]?)\s*$")


_status_range = lazy_pattern(r"^(\d{3})\.\.(=?)(\d{3})$")


_UNIT = {"": 1.0, "ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}


def parse_duration(text: str | float) -> float:
    """Seconds from ``90``, ``250ms``, ``30s``, ``15m``, ``12h``, ``1d`` or ``2w``."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        if text < 0:
            raise ValueError(f"negative duration: {text}")
        return float(text)
    match = _DURATION.match(str(text))
    if not match:
        raise ValueError(f"not a duration: {text!r} (use e.g. 90, 30m, 12h, 1d)")
    return float(match[1]) * _UNIT[match[2]]


def parse_accept(text: str) -> frozenset[int]:
    """The statuses of ``--accept 200,204,429`` or ``200..=299,429``, as lychee spells them:
    ``a..=b`` includes *b*, ``a..b`` stops before it (Rust's ranges)."""
    codes: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if part.isdigit() and 100 <= int(part) <= 999:
            codes.add(int(part))
            continue
        match = _status_range().match(part)
        if not match:
            raise ValueError(f"not a status or a range such as 200..=299: {part!r}")
        low, high = int(match[1]), int(match[3]) + (1 if match[2] else 0)
        if low < 100 or high <= low:
            raise ValueError(f"empty or invalid range: {part!r}")
        codes.update(range(low, high))
    return frozenset(codes)


@frozen
class RemoteFlags:
    """What the command line says about remote checks; None (or empty): not said there."""

    remote: bool | None = None
    links: bool | None = None
    offline: bool = False
    no_cache: bool = False
    allow_private: bool = False
    exclude_url: tuple[str, ...] = ()
    include_url: tuple[str, ...] = ()
    max_concurrency: int | None = None
    per_host_concurrency: int | None = None
    per_host_interval: float | None = None
    timeout: float | None = None
    connect_timeout: float | None = None
    max_retries: int | None = None
    max_retry_wait: float | None = None
    max_cache_age: float | None = None
    cache_dir: Path | None = None
    user_agent: str | None = None
    site_url: str | None = None
    dump: bool = False
    """List the URLs the checks would request, and request none."""
    accept: frozenset[int] | None = None
    header: tuple[str, ...] = ()
    """``--header`` as typed: ``Name: value`` or ``HOST Name: value``, variables not yet filled."""
    exclude_file: tuple[Path, ...] = ()
