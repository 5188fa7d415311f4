"""How a generator reads a front matter date: the records it answers with, and the pieces its
parser is built from.

Each generator module states its own reading (:meth:`~recapkit.ssg.base.Generator.read_date`),
checked against the real program (Hugo 0.111, Jekyll 4.3, Hexo 8.1; Zola from its source): what
day it publishes a post on, or that it stops the build, or silently dates the post 0001-01-01,
by the file's creation time, or on another day than written.
"""

from __future__ import annotations

import enum
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from attrs import frozen

from recapkit.data.dates import zone_named
from recapkit.post.types import FrontMatterFormat


class Fate(enum.StrEnum):
    """What a generator does with a date value."""

    READ = "read"
    """It reads the date the writer wrote."""
    SHIFTED = "shifted"
    """It reads another moment, on another day than written (a zone applied twice, an offset
    ignored)."""
    ZERO = "zero"
    """It reads no date and silently gives the post the zero date (Hugo: 0001-01-01)."""
    FILE_TIME = "file-time"
    """It reads no date and silently dates the post by the file's creation time."""
    ROLLED = "rolled"
    """It turns an impossible date into another one (Feb 30 becomes Mar 1)."""
    REFUSED = "refused"
    """It stops the build."""


@frozen
class DateText:
    """A front matter date value as written."""

    text: str
    quoted: bool = False
    """Written as a string (YAML quotes, a TOML string, any JSON value)."""
    native: bool = False
    """A TOML date or date-time (``date = 2024-05-18``), which the TOML parser already checked."""
    format: FrontMatterFormat = FrontMatterFormat.YAML


@frozen
class DateReading:
    """What the generator makes of a :class:`DateText`."""

    fate: Fate
    published: date | None = None
    """The day the post is published under (None: no date, or the build stops)."""
    note: str = ""
    """What the generator does, in a writer's words (for the message)."""
    loose: bool = False
    """Read as meant, but not written in ISO 8601 (other tools may read it otherwise)."""
    suggestion: str = ""
    """What to write instead, when the ISO spelling of the same value would not help."""
    machine_dependent: bool = False
    """Shifted only when the build machine's zone differs from the writer's (the site sets no
    zone): right on the writer's laptop, wrong on a CI runner in UTC."""


@frozen
class Fields:
    """The parts of a numeric date as written: ``2016-2-14 09:01`` or ``2020-05-15T09:14:53+0200``."""

    year: int
    month: int
    day: int
    time: tuple[int, int, int] | None
    """Hour, minute, second (None: a date only)."""
    offset: timedelta | None
    """The UTC offset written (None: none)."""
    separator: str
    """``-``, ``/`` or ``.`` between the date's parts."""
    hour_digits: int
    has_seconds: bool
    offset_colon: bool
    """The offset was written ``+02:00`` (or ``Z``), not ``+0200``."""
    t: bool
    """A ``T`` (not a space) between date and time."""
    date_text: str
    """The date part as written (``2024-4-09``)."""
    zone_text: str = ""
    """The offset as written (``+0200``, ``Z``; "" when none)."""
    zone_gap: bool = False
    """Blanks between the time and the offset."""

    def calendar(self) -> date | None:
        """The date, or None when there is no such day (Feb 30)."""
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def rolled(self) -> date:
        """The day an impossible date rolls over to, as JavaScript's and Ruby's parsers do."""
        return date(self.year, self.month, 1) + timedelta(days=self.day - 1)

    def two_digit_date(self) -> bool:
        """Month and day written with two digits each, ``-`` between: ISO 8601's form."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" == self.date_text

    def wall(self) -> datetime:
        """The wall-clock moment written (midnight for a date only), without a zone; the day
        rolled over when impossible."""
        day = self.calendar() or self.rolled()
        hour, minute, second = self.time or (0, 0, 0)
        return datetime(day.year, day.month, day.day) + timedelta(
            hours=hour, minutes=minute, seconds=second
        )


_NUMERIC = re.compile(
    r"""^(?P<date>(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2}))
    (?:(?P<t>[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?
       (?P<gap>[ \t]*)(?P<tz>[Zz]|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?$""",
    re.VERBOSE,
)


def fields(text: str) -> Fields | None:
    """The parts of *text* when it is a numeric date or date-time (any generator's spelling)."""
    match = _NUMERIC.match(text.strip())
    if match is None:
        return None
    if not 1 <= int(match["m"]) <= 12 or int(match["y"]) < 1:
        # No parser rolls a month over (Go's time.Parse and Ruby's Time.parse refuse month 13,
        # moment reads it as an invalid date), and Python has no year 0: not a date at all.
        return None
    time = None
    if match["H"] is not None:
        time = (int(match["H"]), int(match["M"]), int(match["S"] or 0))
        if time[0] > 23 or time[1] > 59 or time[2] > 60:
            return None
    offset = _offset(match["tz"])
    if match["tz"] and offset is None:
        return None
    return Fields(
        int(match["y"]),
        int(match["m"]),
        int(match["d"]),
        time,
        offset,
        match["sep"],
        len(match["H"] or ""),
        match["S"] is not None,
        bool(match["tz"]) and (":" in match["tz"] or match["tz"][0] in "ZzUG"),
        bool(match["t"]) and match["t"] in "Tt",
        match["date"],
        match["tz"] or "",
        bool(match["gap"]),
    )


def _offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    if text in ("Z", "z", "UTC", "GMT"):
        return timedelta(0)
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 23 or minutes > 59:
        return None
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=hours, minutes=minutes)


def is_iso(written: Fields) -> bool:
    """Written in ISO 8601 / RFC 3339, which every tool reads alike: ``2024-05-18``, or with a
    two-digit hour, seconds, and an offset (if any) with a colon."""
    if not written.two_digit_date():
        return False
    if written.time is None:
        return True
    return (
        written.hour_digits == 2
        and written.has_seconds
        and (not written.zone_text or written.offset_colon)
    )


def site_zone(name: object) -> tzinfo | None:
    """The IANA zone a site's config names (``timezone: Asia/Shanghai``), else None."""
    if not isinstance(name, str) or not name.strip():
        return None
    return zone_named(name.strip())


def utc_instant(written: Fields, default: tzinfo = UTC) -> datetime:
    """The moment *written* means: its own offset, else the *default* zone's wall clock."""
    wall = written.wall()
    if written.offset is not None:
        return (wall - written.offset).replace(tzinfo=UTC)
    return wall.replace(tzinfo=default).astimezone(UTC)


def iso(written: Fields) -> str:
    """*written* in ISO 8601 with seconds (what to write instead), its offset kept."""
    day = written.calendar() or written.rolled()
    if written.time is None:
        return day.isoformat()
    value = written.wall()
    if written.offset is not None:
        return value.replace(tzinfo=timezone(written.offset)).isoformat()
    return value.isoformat()


def day_text(day: date) -> str:
    return day.isoformat()
