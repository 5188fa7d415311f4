"""When to try again: ``Retry-After`` (seconds or HTTP date) and exponential backoff with jitter."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
"""Answers worth another try; 429 and 503 may say when with ``Retry-After``."""
RATE_LIMIT_STATUSES = frozenset({429, 503})
"""Answers that pause the whole host, not only this URL."""


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None.

    A date in the past means "now" (0); anything unparsable is ignored (None), as browsers do.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # isdigit alone accepts "²"
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a zone-less one is read as such
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random) -> float:
    """The wait before retry number *attempt* (0-based): ``base * 2**attempt``, capped, jittered.

    "Equal jitter": half the exponential delay is kept, the other half is random, so that
    workers retrying one host do not return in lockstep yet the wait never collapses to zero.
    """
    raw = min(cap, base * 2.0 ** min(attempt, 30))
    return raw / 2 + rng.uniform(0, raw / 2)


def retry_wait(
    retry_after: float | None, attempt: int, *, base: float, cap: float, rng: random.Random
) -> float:
    """Honour the server's ``Retry-After`` when given (capped by *cap*), else back off."""
    if retry_after is not None:
        return min(retry_after, cap)
    return backoff_delay(attempt, base=base, cap=cap, rng=rng)
