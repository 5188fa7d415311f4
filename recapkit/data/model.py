"""The typed model of a recap: frozen attrs classes, invariants as validators, no I/O.

Field names are Python names; data files spell multi-word keys in kebab case
(``online_url`` is ``online-url``), which :mod:`recapkit.data.convert` maps.
Every field is type-checked at construction (:mod:`recapkit.data.strict`): sequences become
tuples and mappings deep-frozen :class:`~recapkit.data.frozen.FrozenDict` s, so every instance
is valid, hashable and ``attrs.evolve``-able. A tuple field grows with
``attrs.evolve(recap, talks=[*recap.talks, talk])`` (``recap.talks + [talk]`` is Python's
own tuple-plus-list TypeError; ``recap.talks + (talk,)`` works).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
from attrs import field, frozen

from recapkit.data import checks
from recapkit.data.checks import (
    LINE_BREAK,
    MAX_SLUG_BYTES,
    DateOrDateTime,
    check_order,
    repeated_titles,
)
from recapkit.data.dates import MAX_DURATION_MINUTES
from recapkit.data.frozen import FrozenDict
from recapkit.data.kinds import EventKind, EventLinkKind, TakeawayKind, TalkKind
from recapkit.data.strict import strict_fields

__all__ = [
    "LINE_BREAK",
    "MAX_SLUG_BYTES",
    "DateOrDateTime",
    "Event",
    "EventKind",
    "EventLink",
    "EventLinkKind",
    "FrozenDict",
    "Highlight",
    "Link",
    "Photo",
    "Recap",
    "Speaker",
    "Takeaway",
    "TakeawayKind",
    "Talk",
    "TalkKind",
    "check_order",
    "repeated_titles",
]


def _free() -> FrozenDict:
    return FrozenDict()


@frozen(field_transformer=strict_fields)
class Link:
    """A link with an optional title: slides, a video, a reference."""

    url: str = field(validator=checks.url)
    title: str | None = field(default=None, validator=checks.optional_non_empty)


@frozen(field_transformer=strict_fields)
class EventLink:
    """A link that belongs to the whole event: its slides collection, recordings playlist,
    agenda, photo album, website, or another page (``kind`` says which; default ``other``)."""

    url: str = field(validator=checks.url)
    kind: EventLinkKind = EventLinkKind.OTHER
    title: str | None = field(default=None, validator=checks.optional_non_empty)


@frozen(field_transformer=strict_fields)
class Photo:
    """A photo in a recap. ``alt`` is required and must describe the picture, not name its file.

    A reused photo says where it was taken from (``source``), who took it (``credit``) and
    under which licence (``license``)."""

    src: str = field(validator=checks.url)
    alt: str = field(validator=checks.alt_text)
    caption: str | None = field(default=None, validator=checks.optional_non_empty)
    credit: str | None = field(default=None, validator=checks.optional_non_empty)
    license: str | None = field(default=None, validator=checks.optional_non_empty)
    source: str | None = field(default=None, validator=checks.url)


SPEAKER_NEEDS = "a speaker needs a name, or else an affiliation or a role"


@frozen(field_transformer=strict_fields)
class Speaker:
    """A person who gave a talk: a one-line name, where they work, their role and accounts.

    Recaps often know a speaker only as "someone from Grab" or "腾讯云的同学": then ``name``
    stays None and ``affiliation`` (or ``role``) says who it was. One of the three is required.
    """

    name: str | None = field(default=None, validator=checks.optional_one_line)
    affiliation: str | None = field(default=None, validator=checks.optional_non_empty)
    role: str | None = field(default=None, validator=checks.optional_non_empty)
    url: str | None = field(default=None, validator=checks.url)
    handles: Mapping[str, str] = field(factory=_free)
    """Accounts by platform, e.g. ``{"github": "alice", "x": "alice_dev", "weibo": "爱丽丝"}``."""

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.affiliation is None and self.role is None:
            raise ValueError(SPEAKER_NEEDS)

    @property
    def label(self) -> str:
        """What to print for the speaker: the name, else the affiliation, else the role.
        Templates add their language's words around a nameless speaker ("someone from")."""
        return self.name or self.affiliation or self.role or ""

    @property
    def details(self) -> tuple[str, ...]:
        """Affiliation and role, minus the one :attr:`label` already shows."""
        return tuple(v for v in (self.affiliation, self.role) if v is not None and v != self.label)


@frozen(field_transformer=strict_fields)
class Takeaway:
    """One thing to take home from a talk (Markdown), of a :class:`TakeawayKind`, with links."""

    text: str = field(validator=checks.non_empty)
    kind: TakeawayKind = TakeawayKind.INSIGHT
    links: tuple[Link, ...] = ()


@frozen(field_transformer=strict_fields)
class Highlight:
    """A keyword or trend of the event, with an optional note."""

    term: str = field(validator=checks.one_line)
    note: str | None = field(default=None, validator=checks.optional_non_empty)


@frozen(field_transformer=strict_fields)
class Talk:
    """A slot of the programme: a one-line title, its kind, speakers, when and where, what it
    said (``abstract`` as announced, ``summary`` as the writer heard it), takeaways and media.

    ``day`` places the talk of a multi-day event (it must agree with a date-time ``start``;
    :attr:`held_on` gives either); ``id`` is the programme's own id (pretalx, frab, Sessionize),
    kept so that a post can be cross-checked against the programme."""

    title: str = field(validator=checks.one_line)
    speakers: tuple[Speaker, ...] = ()
    kind: TalkKind = TalkKind.TALK
    day: date | None = None
    track: str | None = field(default=None, validator=checks.optional_non_empty)
    room: str | None = field(default=None, validator=checks.optional_non_empty)
    start: datetime | time | None = None
    duration: timedelta | None = field(default=None)
    abstract: str | None = field(default=None, validator=checks.optional_non_empty)
    summary: str | None = field(default=None, validator=checks.optional_non_empty)
    takeaways: tuple[Takeaway, ...] = ()
    slides: str | None = field(default=None, validator=checks.url)
    video: str | None = field(default=None, validator=checks.url)
    links: tuple[Link, ...] = ()
    photos: tuple[Photo, ...] = ()
    tags: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    id: str | None = field(default=None, validator=checks.optional_one_line)
    extra: Mapping[str, Any] = field(factory=_free)
    """Free data for custom templates; recapkit never interprets it."""

    @duration.validator
    def _check_duration(self, _attribute: attrs.Attribute[Any], value: timedelta | None) -> None:
        if value is None:
            return
        if value <= timedelta(0):
            raise ValueError("duration must be positive")
        if value > timedelta(minutes=MAX_DURATION_MINUTES):
            raise ValueError(f"duration must be at most {MAX_DURATION_MINUTES} minutes")
        if value % timedelta(minutes=1):
            raise ValueError("duration must be a whole number of minutes")

    def __attrs_post_init__(self) -> None:
        problem = day_conflict(self.day, self.start)
        if problem:
            raise ValueError(problem)

    @property
    def held_on(self) -> date | None:
        """The day of the talk: ``day``, else the date of a date-time ``start``, else None."""
        if self.day is not None:
            return self.day
        return self.start.date() if isinstance(self.start, datetime) else None


def day_conflict(day: date | None, start: datetime | time | None) -> str | None:
    """Why a talk's *day* disagrees with its date-time *start*, or None."""
    if day is None or not isinstance(start, datetime) or start.date() == day:
        return None
    return f"day {day.isoformat()} is not the day of start ({start.date().isoformat()})"


@frozen(field_transformer=strict_fields)
class Event:
    """The event a recap covers: a one-line name, kind, when (dates or instants) and where,
    with the event's own photos, links (slides collection, recordings, agenda, album) and an
    ``overview`` (Markdown: the numbered programme overview many recaps open with)."""

    name: str = field(validator=checks.one_line)
    kind: EventKind = EventKind.MEETUP
    start: DateOrDateTime | None = None
    end: DateOrDateTime | None = None
    timezone: str | None = field(default=None, validator=checks.timezone_name)
    """IANA name (``Asia/Shanghai``); naive times in the data file are read in this zone."""
    city: str | None = field(default=None, validator=checks.optional_non_empty)
    venue: str | None = field(default=None, validator=checks.optional_non_empty)
    online_url: str | None = field(default=None, validator=checks.http_url)
    organizers: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    sponsors: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    url: str | None = field(default=None, validator=checks.url)
    attendance: int | None = field(default=None)
    tags: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    tracks: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    overview: str | None = field(default=None, validator=checks.optional_non_empty)
    links: tuple[EventLink, ...] = ()
    photos: tuple[Photo, ...] = ()
    extra: Mapping[str, Any] = field(factory=_free)
    """Free data for custom templates; recapkit never interprets it."""

    @attendance.validator
    def _check_attendance(self, _attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value < 0:
            raise ValueError("attendance must not be negative")

    def __attrs_post_init__(self) -> None:
        problem = check_order(self.start, self.end)
        if problem:
            raise ValueError(problem)

    @property
    def days(self) -> tuple[date, ...]:
        """Every day from start to end (one day without an end; none without a start)."""
        if self.start is None:
            return ()
        first = _day(self.start)
        last = _day(self.end) if self.end is not None else first
        return tuple(first + timedelta(days=n) for n in range((last - first).days + 1))


def _day(value: DateOrDateTime) -> date:
    return value.date() if isinstance(value, datetime) else value


def days_outside(event: Event, talks: tuple[Talk, ...]) -> list[str]:
    """One message per talk whose ``day`` is not a day of *event* (when the event has a start).

    Only a ``day`` given is checked: one derived from a date-time start may be in another zone."""
    days = event.days
    return [
        f"talks[{index}].day {talk.day.isoformat()} is not a day of the event"
        f" ({days[0].isoformat()} to {days[-1].isoformat()})"
        for index, talk in enumerate(talks)
        if days and talk.day is not None and talk.day not in days
    ]


@frozen(field_transformer=strict_fields)
class Recap:
    """A recap post: its own metadata, the event it covers, the talks and what to take home.

    ``talks`` is a tuple: add one with ``attrs.evolve(recap, talks=[*recap.talks, talk])``."""

    title: str = field(validator=checks.one_line)
    date: DateOrDateTime
    event: Event
    authors: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    lang: str = field(default="en", validator=checks.lang)
    tags: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    categories: tuple[str, ...] = field(default=(), validator=checks.nonblank_items)
    slug: str | None = field(default=None, validator=checks.slug)
    draft: bool = False
    cover: str | None = field(default=None, validator=checks.url)
    cover_alt: str | None = field(default=None, validator=checks.alt_text)
    lead: str | None = field(default=None, validator=checks.optional_non_empty)
    highlights: tuple[Highlight, ...] = ()
    talks: tuple[Talk, ...] = field(default=())
    summary: str | None = field(default=None, validator=checks.optional_non_empty)
    extra: Mapping[str, Any] = field(factory=_free)
    """Free data for custom templates; recapkit never interprets it."""

    @talks.validator
    def _unique_titles(self, _attribute: attrs.Attribute[Any], talks: tuple[Talk, ...]) -> None:
        repeats = repeated_titles([talk.title for talk in talks])
        if repeats:
            raise ValueError(repeats[0])

    def __attrs_post_init__(self) -> None:
        if self.cover_alt is not None and self.cover is None:
            raise ValueError("cover_alt describes the cover: set cover too, or leave cover_alt out")
        outside = days_outside(self.event, self.talks)
        if outside:
            raise ValueError(outside[0])

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Every speaker of every talk, first appearance first, de-duplicated by name.

        Nameless speakers (known by affiliation or role only) are each kept: two "someone
        from Grab" in two talks may be two people."""
        unique: dict[object, Speaker] = {}
        for talk in self.talks:
            for speaker in talk.speakers:
                unique.setdefault(speaker.name if speaker.name is not None else object(), speaker)
        return tuple(unique.values())
