"""Parse the date, time and duration spellings found in real recap data and front matter.

Shared by the data-file converter and the lint rules. Every parser raises ``ValueError``
with a message a writer can act on; none of them guesses a timezone (callers attach one
with :func:`attach_zone`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from recapkit._text import lazy_pattern

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

# 2025-03-01, 2024-4-09, 2016/2/14, 2021-06-28 09:01:11, 2020-10-18T01:03:25+08:00,
# 2016-02-14 10:00:00 +0800, 2025-03-01T10:00Z. The separator must be the same twice.
_date_text = lazy_pattern(
    r"""^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})
        (?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?
           \s*(?P<tz>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$""",
    re.VERBOSE,
)


_time_text = lazy_pattern(r"^(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?$")


# 1h30m, 45m, 45min, 2h, 90 (minutes), and ISO 8601 PT1H30M.
_duration_text = lazy_pattern(r"^(?:(?P<h>\d+)\s*h)?\s*(?:(?P<m>\d+)\s*m(?:in)?)?$", re.IGNORECASE)


_iso_duration = lazy_pattern(r"^PT(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?$", re.IGNORECASE)


DATE_FORMS = "2025-03-01, 2025-03-01 14:00, 2025-03-01T14:00:00+08:00 or 2025/3/1"


def _offset(text: str | None) -> tzinfo | None:
    if text is None:
        return None
    if text in ("Z", "z", "UTC", "GMT"):
        return UTC
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"invalid UTC offset {text!r}")
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _clock(match: re.Match[str]) -> tuple[int, int, int, int]:
    fraction = (match["f"] or "").ljust(6, "0")[:6]
    return int(match["H"]), int(match["M"]), int(match["S"] or 0), int(fraction or 0)


def parse_date_text(text: str) -> date | datetime:
    """A date (no time given) or a datetime (aware when the text has an offset).

    >>> parse_date_text("2016/2/14")
    datetime.date(2016, 2, 14)
    >>> parse_date_text("2020-10-18T01:03:25+0800").isoformat()
    '2020-10-18T01:03:25+08:00'
    """
    match = _date_text().match(text.strip())
    if match is None:
        raise ValueError(f"not a date or date-time: {text!r} (write e.g. {DATE_FORMS})")
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["H"] is None:
            return day
        hour, minute, second, micro = _clock(match)
        return datetime(
            day.year, day.month, day.day, hour, minute, second, micro, tzinfo=_offset(match["tz"])
        )
    except ValueError as exc:
        raise ValueError(f"impossible date or time {text!r}: {exc}") from None


def parse_time_text(text: str) -> time:
    """A wall-clock time such as ``14:00``, ``9:30`` or ``14:00:30``."""
    match = _time_text().match(text.strip())
    if match is None:
        raise ValueError(f"not a time of day: {text!r} (write e.g. 14:00)")
    try:
        return time(*_clock(match))
    except ValueError as exc:
        raise ValueError(f"impossible time {text!r}: {exc}") from None


MAX_DURATION_MINUTES = 10_000
"""About a week: longer than any talk or event; far longer is a typo (and would overflow)."""


def minutes_duration(minutes: int, seconds: int = 0, shown: str | None = None) -> timedelta:
    """*minutes* (and *seconds*) as a timedelta, or a ValueError past :data:`MAX_DURATION_MINUTES`."""
    if abs(minutes) + abs(seconds) // 60 > MAX_DURATION_MINUTES:
        what = shown if shown is not None else f"{minutes} minutes"
        raise ValueError(
            f"duration {what} is longer than {MAX_DURATION_MINUTES} minutes (about a week);"
            " write the talk's length in minutes, e.g. 45"
        )
    return timedelta(minutes=minutes, seconds=seconds)


def parse_duration_text(text: str) -> timedelta:
    """``1h30m``, ``45m``, ``45min``, ``2h``, ``90`` (minutes) or ISO 8601 ``PT1H30M``."""
    stripped = text.strip()
    # Too many digits for any sane duration: refuse before int() (which has its own limit).
    if len(stripped) > 40:
        raise ValueError(f"not a duration: {text[:40]!r}... (write minutes such as 45, or 1h30m)")
    if stripped.isdigit():
        return minutes_duration(int(stripped), shown=repr(stripped))
    match = _duration_text().match(stripped) or _iso_duration().match(stripped)
    if match is None or not any(match.groups()):
        raise ValueError(f"not a duration: {text!r} (write minutes such as 45, or 1h30m, or PT45M)")
    parts = match.groupdict()
    minutes = int(parts.get("h") or 0) * 60 + int(parts.get("m") or 0)
    return minutes_duration(minutes, int(parts.get("s") or 0), shown=repr(stripped))


def format_duration(value: timedelta) -> int | str:
    """Whole minutes as an int (what writers type); anything finer as ISO 8601 ``PT..S``."""
    seconds = int(value.total_seconds())
    if seconds % 60 == 0 and value == timedelta(seconds=seconds):
        return seconds // 60
    return f"PT{value.total_seconds():g}S"


def format_time(value: time) -> str:
    """``14:00`` when there are no seconds, else the full ISO form."""
    if value.second == 0 and value.microsecond == 0:
        return value.strftime("%H:%M")
    return value.isoformat()


def attach_zone(value: date | datetime, zone: tzinfo | None) -> date | datetime:
    """Give a naive datetime *zone*; dates and aware datetimes are returned unchanged."""
    if zone is not None and isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA time zone *name* names, or None. Never raises: ``Asia`` is a folder of the
    zone database (``IsADirectoryError``), ``../x`` a bad key, ``Mars/Base`` unknown."""
    # Imported here: only a date naming a zone needs it, and every run imports this module
    # (zoneinfo reads the interpreter's build settings to find the zone database on import).
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
