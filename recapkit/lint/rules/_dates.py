"""What the date rules share: the keys that hold dates, ISO 8601, the day as written."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from recapkit._text import lazy_pattern
from recapkit.data.dates import parse_date_text

DATE_KEYS = (
    "date",
    "lastmod",
    "publishdate",
    "publishDate",
    "pubdate",
    "expirydate",
    "expiryDate",
    "updated",
    "modified",
    "last_modified_at",
)


# What every SSG parses the same way: ISO 8601 / RFC 3339, `T` or a space, optional seconds and
# fraction, `Z` or `±HH:MM`. A 1-digit hour is accepted: Go's and Ruby's parsers take it.
_iso_date = lazy_pattern(
    r"\d{4}-\d{2}-\d{2}"
    r"(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?P<zone>\s*(?:[Zz]|[+-]\d{2}:\d{2}))?)?"
)


def as_written_date(value: Any) -> date | None:
    """The calendar day of a front matter date value as the writer wrote it (its own zone)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            parsed = parse_date_text(value)
        except ValueError:
            return None
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None
