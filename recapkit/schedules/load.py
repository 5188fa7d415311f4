"""Reading a programme file: told apart by its content, parsed by its format's reader, and its
times put in the conference's zone."""

from __future__ import annotations

import os
from datetime import datetime

import attrs

from recapkit._read import ReadRefused, read_limited
from recapkit.data.dates import zone_named
from recapkit.schedules import frab, ical, pretalx, sessionize
from recapkit.schedules._json import loads
from recapkit.schedules.model import Programme, ScheduleError

LIMIT = 16 * 2**20
"""The largest programme file read: a week-long congress's schedule.json is a few megabytes."""

FORMATS = "pretalx/frab schedule.json, frab schedule.xml, Sessionize 'All data' JSON or iCalendar"


def load_schedule(path: str | os.PathLike[str], *, timezone: str | None = None) -> Programme:
    """The programme in the file at *path*, whichever of the four formats it is in.

    *timezone* (an IANA name) is the zone of times the file gives without one (Sessionize's,
    floating iCalendar times) and replaces the file's own zone name; times with an offset
    are shown in the programme's zone.

    :raises ScheduleError: the file cannot be read, is in no known format, or is malformed
        (``FILE:LINE: ...`` with the path of the field when the format has one).
    """
    file = os.fspath(path)
    try:
        data = read_limited(path, LIMIT)
    except ReadRefused as exc:
        raise ScheduleError(file, str(exc)) from None
    except OSError as exc:
        raise ScheduleError(file, exc.strerror or str(exc)) from None
    programme = _parse(data, file)
    return in_zone(programme, timezone or programme.timezone, file)


def _parse(data: bytes, file: str) -> Programme:
    if data.lstrip().startswith(b"<"):
        return frab.parse(data, file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ScheduleError(file, "not UTF-8 text", line) from None
    if ical.looks_like(text):
        return ical.parse(text, file)
    if not text.lstrip().startswith(("{", "[")):
        raise ScheduleError(file, f"not a programme: expected {FORMATS}")
    decoded = loads(text, file)
    if pretalx.looks_like(decoded):
        return pretalx.parse(decoded, file)
    if sessionize.looks_like(decoded):
        return sessionize.parse(decoded, file)
    hint = (
        " (a Sessionize 'Sessions' export? export 'All data')" if isinstance(decoded, list) else ""
    )
    raise ScheduleError(file, f"JSON that is no known programme{hint}: expected {FORMATS}")


def in_zone(programme: Programme, zone_name: str | None, file: str) -> Programme:
    """*programme* with naive start times read in *zone_name* and the others shown in it."""
    if not zone_name:
        return programme
    zone = zone_named(zone_name)
    if zone is None:
        raise ScheduleError(
            file, f"unknown time zone {zone_name!r} (IANA names such as Asia/Shanghai)"
        )

    def moved(start: datetime | None) -> datetime | None:
        if start is None:
            return None
        return start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)

    sessions = []
    for session in programme.sessions:
        start = moved(session.start)
        # A frab/pretalx day runs past midnight (its 01:00 slots belong to it): keep a day the
        # file gave, and move only one that was read off the start time.
        derived = session.start is not None and session.day == session.start.date()
        day = start.date() if start is not None and derived else session.day
        sessions.append(attrs.evolve(session, start=start, day=day))
    return attrs.evolve(programme, sessions=tuple(sessions), timezone=zone_name)
