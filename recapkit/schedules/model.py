"""The neutral programme every schedule format is read into, and the error all readers raise.

A :class:`Session` keeps what the programme says about one slot, including what the recap model
has no field for yet (its id, kind and day), so that a post can later be checked against it.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from attrs import frozen

from recapkit.errors import RecapkitError


class ScheduleError(RecapkitError):
    """A programme file recapkit cannot read: ``FILE:LINE: what is wrong`` (LINE when known)."""

    def __init__(self, file: str | os.PathLike[str], message: str, line: int | None = None) -> None:
        self.file = str(file)
        self.line = line
        self.reason = message
        where = f"{self.file}:{line}" if line is not None else self.file
        super().__init__(f"{where}: {message}")


@frozen
class Person:
    """A speaker as the programme names them; ``affiliation`` is their company when given,
    ``tagline`` a one-line self-description (Sessionize) such as "SRE at Example Corp"."""

    name: str
    affiliation: str | None = None
    tagline: str | None = None
    bio: str | None = None
    id: str | None = None


@frozen
class SessionLink:
    """A link of a session; ``kind`` is ``slides``, ``video`` or None (anything else)."""

    url: str
    title: str | None = None
    kind: str | None = None


@frozen
class Session:
    """One slot of the programme.

    ``id`` is the programme's own id (pretalx/frab ``id``, Sessionize ``id``, iCalendar ``UID``);
    ``other_ids`` the further ids it is known by (pretalx ``code``, frab ``guid``), any of which
    ``--talk`` accepts. ``start`` has a timezone unless the programme gave none (Sessionize
    local times, floating iCalendar times) and no ``--timezone`` was given. ``kind`` is the
    programme's own word (``Talk``, ``Workshop``, ``Lightning talk``, ``service``).
    ``line`` is where the session starts in the file, for messages.
    """

    id: str
    title: str
    day: date | None = None
    start: datetime | None = None
    duration: timedelta | None = None
    room: str | None = None
    track: str | None = None
    kind: str | None = None
    abstract: str | None = None
    description: str | None = None
    language: str | None = None
    url: str | None = None
    speakers: tuple[Person, ...] = ()
    links: tuple[SessionLink, ...] = ()
    other_ids: tuple[str, ...] = ()
    line: int | None = None


@frozen
class Programme:
    """A conference programme: what it calls itself, when and where, and its sessions in file order.

    ``format`` names the reader (``pretalx``, ``frab``, ``sessionize``, ``ical``), ``source``
    the file it was read from.
    """

    format: str
    source: str
    sessions: tuple[Session, ...]
    name: str | None = None
    start: date | None = None
    end: date | None = None
    timezone: str | None = None
    venue: str | None = None
    city: str | None = None
    url: str | None = None

    @property
    def days(self) -> tuple[date, ...]:
        """The days that have sessions, in order; ``--day N`` counts them from 1."""
        return tuple(sorted({s.day for s in self.sessions if s.day is not None}))

    @property
    def tracks(self) -> tuple[str, ...]:
        """The tracks sessions belong to, in order of first appearance."""
        return tuple(dict.fromkeys(s.track for s in self.sessions if s.track))
