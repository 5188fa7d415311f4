"""frab's ``schedule.xml`` (the C3VOC schema, https://github.com/voc/schedule/tree/master/validator/xsd).

``<schedule><conference><title/><start/><end/><time_zone_name/><base_url/></conference>
<day index date><room name><event id guid><date/><start/><duration/><room/><title/><track/>
<type/><language/><abstract/><description/><url/><persons><person id>NAME</person></persons>
<links><link href>TITLE</link></links><attachments><attachment href>TITLE</attachment>...``.
Older files have no ``<date>`` in an event: its day's date and ``<start>`` in the conference's
zone stand in. Parsed with defusedxml: entity expansion and external references are refused.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from recapkit.data.dates import zone_named
from recapkit.schedules import _values as v
from recapkit.schedules.model import Person, Programme, ScheduleError, Session, SessionLink


class _LineBuilder(TreeBuilder):
    """A tree builder that notes the line each element starts on (ElementTree keeps none)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Element, int] = {}
        self.expat: Any = None

    def start(self, tag: Any, attrs: dict[Any, Any]) -> Element:
        element = super().start(tag, attrs)
        self.lines[element] = self.expat.CurrentLineNumber
        return element


class _Reader:
    """Field access on the parsed tree, with path and line in every error."""

    def __init__(self, file: str, lines: dict[Element, int]) -> None:
        self.file = file
        self.lines = lines

    def error(self, element: Element, path: str, message: str) -> ScheduleError:
        return ScheduleError(self.file, f"{path}: {message}", self.lines.get(element))

    def text(self, element: Element, tag: str) -> str | None:
        child = element.find(tag)
        return None if child is None or child.text is None else child.text

    def required(self, element: Element, path: str, tag: str) -> str:
        value = self.text(element, tag)
        if value is None or not value.strip():
            raise self.error(element, path, f"missing <{tag}>")
        return value

    def parsed(self, element: Element, path: str, text: str | None, parse: Any) -> Any:
        if text is None or not text.strip():
            return None
        try:
            return parse(text)
        except ValueError as exc:
            raise self.error(element, path, str(exc)) from None


def parse(data: bytes, file: str) -> Programme:
    builder = _LineBuilder()
    parser = safe_xml.XMLParser(target=builder)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, column = exc.position
        raise ScheduleError(
            file, f"invalid XML: {str(exc).split(':')[0]} (column {column + 1})", line
        ) from None
    except LookupError:  # an encoding="..." Python does not know
        raise ScheduleError(file, "invalid XML: the declared encoding is unknown", 1) from None
    except DefusedXmlException:
        line = builder.expat.CurrentLineNumber
        raise ScheduleError(
            file, "refused XML: entities are not expanded, nor external ones read", line
        ) from None
    reader = _Reader(file, builder.lines)
    if root.tag != "schedule":
        raise reader.error(root, f"<{root.tag}>", "a frab schedule's root element is <schedule>")
    conference = root.find("conference")
    if conference is None:
        raise reader.error(root, "schedule", "missing <conference>")
    return _programme(reader, root, conference)


def _programme(reader: _Reader, root: Element, conference: Element) -> Programme:
    path = "schedule.conference"
    zone_name = reader.text(conference, "time_zone_name")
    base = reader.text(root, "base_url") or reader.text(conference, "base_url")
    sessions = []
    for day_index, day in enumerate(root.findall("day")):
        for room in day.findall("room"):
            for index, event in enumerate(room.findall("event")):
                where = f"schedule.day[{day_index}].room[{json.dumps(room.get('name', ''))}].event[{index}]"
                sessions.append(_session(reader, event, where, day, zone_name, base))
    return Programme(
        format="frab",
        source=reader.file,
        sessions=tuple(sessions),
        name=v.one_line(reader.required(conference, path, "title")),
        start=reader.parsed(conference, path, reader.text(conference, "start"), v.parse_date),
        end=reader.parsed(conference, path, reader.text(conference, "end"), v.parse_date),
        timezone=zone_name,
        url=v.absolute(reader.text(conference, "url") or base, None),
    )


def _session(
    reader: _Reader, event: Element, path: str, day: Element, zone: str | None, base: str | None
) -> Session:
    ident = event.get("id") or event.get("guid")
    if not ident:
        raise reader.error(event, path, "an <event> needs an id or guid attribute")
    start = _start(reader, event, path, day, zone)
    ids = (event.get("guid"), reader.text(event, "slug"))
    return Session(
        id=ident,
        title=v.one_line(reader.required(event, path, "title")) or "",
        day=reader.parsed(day, path, day.get("date"), v.parse_date) or start.date(),
        start=start,
        duration=reader.parsed(event, path, reader.text(event, "duration"), v.parse_duration),
        room=v.one_line(reader.text(event, "room")),
        track=v.one_line(reader.text(event, "track")),
        kind=v.one_line(reader.text(event, "type")),
        abstract=v.block(reader.text(event, "abstract")),
        description=v.block(reader.text(event, "description")),
        language=v.one_line(reader.text(event, "language")),
        url=v.absolute(reader.text(event, "url"), base),
        speakers=tuple(
            Person(name=name, id=person.get("id"))
            for person in event.iterfind("persons/person")
            if (name := v.one_line(person.text))
        ),
        links=_links(event, base),
        other_ids=tuple(i for i in ids if i),
        line=reader.lines.get(event),
    )


def _start(reader: _Reader, event: Element, path: str, day: Element, zone: str | None) -> datetime:
    stamp = reader.text(event, "date")
    if stamp is not None and stamp.strip():
        value: datetime = reader.parsed(event, path, stamp, v.parse_datetime)
        return value
    day_date = reader.parsed(day, path, day.get("date"), v.parse_date)
    clock = reader.parsed(event, path, reader.text(event, "start"), time.fromisoformat)
    if day_date is None or clock is None:
        raise reader.error(event, path, "missing <date> (or its day's date and <start>)")
    tzinfo = zone_named(zone) if zone else None
    if zone and tzinfo is None:
        raise reader.error(event, path, f"unknown time_zone_name {zone!r}")
    # A frab day runs past midnight (its `start`/`end` say so): a 01:00 slot of a day that
    # starts at 09:00 is on the next calendar date.
    day_start = (
        reader.parsed(day, path, day.get("start"), v.parse_datetime) if day.get("start") else None
    )
    if day_start is not None and clock < day_start.time().replace(tzinfo=None):
        day_date += timedelta(days=1)
    return datetime.combine(day_date, clock, tzinfo)


def _links(event: Element, base: str | None) -> tuple[SessionLink, ...]:
    found = []
    for element in (*event.iterfind("links/link"), *event.iterfind("attachments/attachment")):
        made = v.link(element.get("href"), element.text, base)
        if made is not None:
            found.append(made)
    return tuple(found)
