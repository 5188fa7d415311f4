"""The schedule JSON of pretalx and frab (the C3VOC schema, https://c3voc.de/schedule/schema.json).

``{"schedule": {"conference": {"title", "start", "end", "time_zone_name", "days": [{"index",
"date", "rooms": {"ROOM": [event, ...]}}]}}}``; an event has ``id``, ``guid``, pretalx's
``code``, ``title``, ``date`` (ISO with offset), ``duration`` (``00:30``), ``room``, ``track``,
``type``, ``language``, ``abstract``, ``description``, ``url``, ``persons`` (``public_name``
or ``name``, ``biography``), ``links`` and ``attachments`` (``{"title", "url"}``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from recapkit.schedules import _values as v
from recapkit.schedules._json import Obj
from recapkit.schedules.model import Person, Programme, Session, SessionLink


def parse(data: Any, file: str) -> Programme:
    """The programme in *data*, the decoded JSON of *file* (see :func:`~recapkit.schedules._json.loads`)."""
    schedule = Obj(data, "", file).child("schedule")
    assert schedule is not None  # required
    conference = schedule.child("conference")
    assert conference is not None
    base = schedule.text("base_url") or conference.text("url")
    sessions = [
        _session(event, base, day.parsed("date", v.parse_date))
        for day in conference.objects("days", required=True)
        for event in _events(day)
    ]
    return Programme(
        format="pretalx",
        source=file,
        sessions=tuple(sessions),
        name=v.one_line(conference.required("title")),
        start=conference.parsed("start", v.parse_date),
        end=conference.parsed("end", v.parse_date),
        timezone=conference.text("time_zone_name"),
        url=v.absolute(conference.text("url"), None),
    )


def _events(day: Obj) -> list[Obj]:
    rooms = day.child("rooms", required=False)
    if rooms is None:
        return []
    found = []
    for room in rooms.data:
        for index, event in enumerate(rooms.items(room)):
            found.append(Obj(event, f"{day.path}.rooms[{json.dumps(room)}][{index}]", day.file))
    return found


def _session(event: Obj, base: str | None, day: date | None) -> Session:
    start = event.parsed("date", v.parse_datetime, required=True)
    ids = (event.text("code"), event.text("guid"), event.text("slug"))
    return Session(
        id=event.text("id") or event.required("guid"),
        title=v.one_line(event.required("title")) or "",
        day=day or start.date(),
        start=start,
        duration=event.parsed("duration", v.parse_duration),
        room=v.one_line(event.text("room")),
        track=v.one_line(event.text("track")),
        kind=v.one_line(event.text("type")),
        abstract=v.block(event.text("abstract")),
        description=v.block(event.text("description")),
        language=v.one_line(event.text("language")),
        url=v.absolute(event.text("url"), base),
        speakers=tuple(_person(p) for p in event.objects("persons")),
        links=_links(event, base),
        other_ids=tuple(i for i in ids if i),
        line=event.line,
    )


def _person(person: Obj) -> Person:
    name = person.text("public_name") or person.text("name") or person.text("full_public_name")
    if not (name and name.strip()):
        raise person.error("missing 'public_name' (or 'name')")
    return Person(
        name=v.one_line(name) or "",
        bio=v.block(person.text("biography")),
        id=person.text("code") or person.text("guid") or person.text("id"),
    )


def _links(event: Obj, base: str | None) -> tuple[SessionLink, ...]:
    found = []
    for key in ("links", "attachments"):
        for item in event.objects(key):
            made = v.link(item.text("url") or item.text("href"), item.text("title"), base)
            if made is not None:
                found.append(made)
    return tuple(found)


def looks_like(data: Any) -> bool:
    """A decoded JSON value that is a C3VOC schedule (has ``schedule.conference``)."""
    return isinstance(data, dict) and isinstance(data.get("schedule"), dict)
