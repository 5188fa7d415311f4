"""Picking the sessions a writer attended: by day, track and id, each unknown value an error that
lists the valid ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from recapkit.errors import UsageError
from recapkit.schedules.model import Programme, Session


def select_sessions(
    programme: Programme,
    *,
    days: Iterable[str | date | int] = (),
    tracks: Iterable[str] = (),
    talk_ids: Iterable[str] = (),
) -> tuple[Session, ...]:
    """The sessions of *programme* on any of *days* and in any of *tracks* (case ignored), in
    the order they took place (programmes list them room by room); with *talk_ids*, only those
    (in the order given), from any day or track unless days or tracks were also given.

    A day is a date (``2025-05-17``) or its number from 1 among the programme's days.

    :raises UsageError: a day, track or id the programme does not have, listing those it has.
    """
    wanted_days = {_day(programme, day) for day in days}
    wanted_tracks = {_track(programme, track) for track in tracks}
    chosen = [
        s
        for s in programme.sessions
        if (not wanted_days or s.day in wanted_days)
        and (not wanted_tracks or (s.track or "").casefold() in wanted_tracks)
    ]
    ids = list(dict.fromkeys(talk_ids))
    if not ids:
        return tuple(sorted(chosen, key=_when))
    by_id = {key: s for s in programme.sessions for key in (s.id, *s.other_ids)}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise UsageError(
            f"no session with id {', '.join(unknown)} in {programme.source}; run with --list to see the ids"
        )
    picked = [by_id[i] for i in ids]
    outside = [i for i, s in zip(ids, picked, strict=True) if s not in chosen]
    if outside:
        raise UsageError(f"session {', '.join(outside)} is not on the chosen --day/--track")
    return tuple(dict.fromkeys(picked))


def _when(session: Session) -> tuple[date, datetime]:
    """When *session* took place: its programme day, then its start as a wall-clock date and
    time (a 01:00 slot of a day running past midnight comes last; zones aside)."""
    start = session.start.replace(tzinfo=None) if session.start is not None else datetime.max
    return (session.day or date.max, start)


def _day(programme: Programme, value: str | date | int) -> date:
    days = programme.days
    valid = ", ".join(f"{n} = {d.isoformat()}" for n, d in enumerate(days, start=1)) or "none"
    if isinstance(value, date):
        parsed: date | None = value
    elif isinstance(value, int) or value.strip().isdigit():
        number = int(value)
        parsed = days[number - 1] if 1 <= number <= len(days) else None
    else:
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(
                f"--day takes a date (2025-05-17) or a day number; days: {valid}"
            ) from None
    if parsed is None or parsed not in days:
        raise UsageError(f"the programme has no day {value}; its days: {valid}")
    return parsed


def _track(programme: Programme, value: str) -> str:
    known = {t.casefold(): t for t in programme.tracks}
    if value.strip().casefold() not in known:
        listed = ", ".join(programme.tracks) or "none (the programme names no tracks)"
        raise UsageError(f"the programme has no track {value!r}; its tracks: {listed}")
    return value.strip().casefold()


def describe(sessions: Sequence[Session]) -> list[str]:
    """One line per session for ``--list``: id, day, time, room, track, title and speakers."""
    lines = []
    for s in sessions:
        when = s.start.strftime("%H:%M") if s.start else "--:--"
        day = s.day.isoformat() if s.day else "----------"
        names = ", ".join(p.name for p in s.speakers)
        where = " · ".join(x for x in (s.room, s.track) if x)
        lines.append(f"{s.id}\t{day} {when}\t{where}\t{s.title}" + (f" ({names})" if names else ""))
    return lines
