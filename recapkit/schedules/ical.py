"""iCalendar (RFC 5545) programmes: every VEVENT is a session.

``UID`` is its id, ``SUMMARY`` the title, ``DTSTART`` with ``DTEND`` or ``DURATION`` the time,
``LOCATION`` the room, the first of ``CATEGORIES`` the track, ``DESCRIPTION`` the abstract,
``URL`` its page. Times keep their zone: ``TZID=...``, UTC (``...Z``), or none ("floating"),
which ``X-WR-TIMEZONE`` or ``--timezone`` then names. ``X-WR-CALNAME`` or ``NAME`` (RFC 7986)
names the conference. Parsed by the icalendar package after our own check of every content
line, so that a malformed line is reported with its line number.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import icalendar

from recapkit.schedules import _values as v
from recapkit.schedules.model import Programme, ScheduleError, Session

_PARAM = r';[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*'
_CONTENT_LINE = re.compile(rf"^[A-Za-z0-9-]+(?:{_PARAM})*:")


def looks_like(text: str) -> bool:
    return text.lstrip().upper().startswith("BEGIN:VCALENDAR")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded content lines (RFC 5545 3.1) with the number of their first physical line."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
    return lines


def _check_lines(text: str, file: str) -> list[int]:
    """Raise at the first line that is no content line; the lines of each ``BEGIN:VEVENT``."""
    events = []
    open_: list[tuple[str, int]] = []  # the components begun and not yet ended, with their lines
    for number, line in _logical_lines(text):
        if not _CONTENT_LINE.match(line):
            raise ScheduleError(
                file, f"invalid iCalendar line (NAME:VALUE expected): {line[:60]!r}", number
            )
        _nest(line.upper(), number, open_, file)
        if line.upper() == "BEGIN:VEVENT":
            events.append(number)
    if open_:
        name, number = open_[-1]
        raise ScheduleError(file, f"BEGIN:{name} is never closed (END:{name} missing)", number)
    return events


def _nest(line: str, number: int, open_: list[tuple[str, int]], file: str) -> None:
    """Follow BEGIN/END: an END must close the component begun last (a typo such as
    ``END:VEVNT`` would otherwise merge two events)."""
    if line.startswith("BEGIN:"):
        open_.append((line[6:], number))
    elif line.startswith("END:"):
        if not open_ or open_[-1][0] != line[4:]:
            expected = f"END:{open_[-1][0]} (begun at line {open_[-1][1]})" if open_ else "nothing"
            raise ScheduleError(file, f"{line[:40]} where {expected} was due", number)
        open_.pop()


def parse(text: str, file: str) -> Programme:
    lines = _check_lines(text, file)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ScheduleError(file, f"invalid iCalendar: {first[:120]}") from None
    events = calendar.walk("VEVENT")
    sessions = tuple(
        _session(event, file, lines[index] if index < len(lines) else None)
        for index, event in enumerate(events)
    )
    name = calendar.get("X-WR-CALNAME") or calendar.get("NAME")
    return Programme(
        format="ical",
        source=file,
        sessions=sessions,
        name=v.one_line(str(name)) if name else None,
        timezone=v.one_line(str(calendar.get("X-WR-TIMEZONE") or "")) or None,
        url=v.absolute(str(calendar.get("URL") or ""), None),
    )


_ONCE = ("UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "LOCATION", "DESCRIPTION", "URL")
"""The properties RFC 5545 allows at most once in a VEVENT (icalendar gives a list when repeated)."""


def _session(event: Any, file: str, line: int | None) -> Session:
    def fail(message: str) -> ScheduleError:
        return ScheduleError(file, f"VEVENT: {message}", line)

    for name, problem in getattr(event, "errors", ()):
        if name in _ONCE:
            raise fail(f"{name}: {problem}")
    repeated = [name for name in _ONCE if isinstance(event.get(name), list)]
    if repeated:
        raise fail(f"{repeated[0]} appears more than once")
    uid, title = _text(event, "UID"), _text(event, "SUMMARY")
    if not uid:
        raise fail("missing UID")
    if not title:
        raise fail("missing SUMMARY")
    if event.get("DTSTART") is None:
        raise fail("missing DTSTART")
    begin = event.get("DTSTART").dt
    if not isinstance(begin, date):  # a bare TIME, which icalendar also reads
        raise fail(f"DTSTART must be a date or a date and time, got {begin!r}")
    start = begin if isinstance(begin, datetime) else None
    return Session(
        id=uid,
        title=v.one_line(title) or "",
        day=begin.date() if isinstance(begin, datetime) else begin,
        start=start,
        duration=_duration(event, start),
        room=v.one_line(_text(event, "LOCATION")),
        track=_first_category(event.get("CATEGORIES")),
        abstract=v.block(_text(event, "DESCRIPTION")),
        url=v.absolute(_text(event, "URL"), None),
        line=line,
    )


def _text(event: Any, name: str) -> str | None:
    value = event.get(name)
    return None if value is None else str(value)


def _duration(event: Any, start: datetime | None) -> timedelta | None:
    if event.get("DURATION") is not None:
        value = event.get("DURATION").dt
        return value if isinstance(value, timedelta) and value > timedelta(0) else None
    end = event.get("DTEND")
    return v.span(start, end.dt) if end is not None and isinstance(end.dt, datetime) else None


def _first_category(value: Any) -> str | None:
    """The first category: CATEGORIES may be one property or (repeated) a list of them."""
    first = value[0] if isinstance(value, list) and value else value
    cats = getattr(first, "cats", None)
    return v.one_line(str(cats[0])) if cats else None
