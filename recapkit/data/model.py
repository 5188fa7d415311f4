"""The typed model of a recap: frozen attrs classes, invariants as validators, no I/O.

Field names are Python names; data files spell multi-word keys in kebab case
(``online_url`` is ``online-url``), which :mod:`recapkit.data.convert` maps.
Collections are tuples so that instances stay immutable; ``Recap.extra`` and
``Speaker.handles`` hold free-form mappings.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from attrs import field, frozen

from recapkit.data.dates import MAX_DURATION_MINUTES
from recapkit.data.text_checks import alt_looks_like_filename, is_http_url, is_site_path

DateOrDateTime = date | datetime
"""An event day (``date``) or an instant (``datetime``, normally with a timezone)."""


class EventKind(enum.StrEnum):
    """What kind of event a recap covers (``kind:`` in a data file); ``meetup`` by default."""

    MEETUP = "meetup"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    ONLINE = "online"
    OTHER = "other"


class TakeawayKind(enum.StrEnum):
    """What a takeaway is: an insight (the default), an action to take, a resource to read,
    a quote from the speaker or the writer's own opinion; templates may group by it."""

    INSIGHT = "insight"
    ACTION = "action"
    RESOURCE = "resource"
    QUOTE = "quote"
    OPINION = "opinion"


# --- validators (each raises ValueError with a message a writer can act on) ----------------


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _optional_non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} must not be empty (leave it out instead)")


# Line breaks as str.splitlines() sees them; each would also end a Markdown heading or line.
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _one_line(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Names and titles: non-empty and one line (they become headings, list items, titles)."""
    _non_empty(_inst, attribute, value)
    if LINE_BREAK.search(value):
        raise ValueError(
            f"{attribute.name} must be one line, without line breaks "
            "(multi-line text belongs in a summary, abstract or lead)"
        )


# A site path never starts with a host name; `github.com/x` or `www.x.org` lost its https://.
_HOST_LIKE = re.compile(
    r"^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|cn|edu|gov|info|me|co)/)",
    re.IGNORECASE,
)


def _url(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if _HOST_LIKE.match(value):
        raise ValueError(
            f"{attribute.name} looks like a web address without its scheme: write https://{value}"
        )
    if not (is_http_url(value) or is_site_path(value)):
        raise ValueError(
            f"{attribute.name} must be an http(s) URL or a path inside the site, got {value!r}"
        )


def _http_url(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_http_url(value):
        raise ValueError(f"{attribute.name} must be an http(s) URL, got {value!r}")


def _timezone_name(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{attribute.name} must be an IANA time zone such as 'Asia/Shanghai', got {value!r}"
        ) from None


def _each(
    check: Callable[[str], bool], what: str
) -> Callable[[object, attrs.Attribute[Any], tuple[str, ...]], None]:
    def validate(_inst: object, attribute: attrs.Attribute[Any], values: tuple[str, ...]) -> None:
        for index, value in enumerate(values):
            if not check(value):
                raise ValueError(f"{attribute.name}[{index}] {what}, got {value!r}")

    return validate


_nonblank_items = _each(lambda s: bool(s.strip()), "must not be empty")

# BCP 47 in the shape blogs use: language, optional script, optional region (zh, zh-CN, zh-Hans-CN, en-US).
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?$")


def _lang(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _BCP47.match(value):
        raise ValueError(
            f"{attribute.name} must be a BCP 47 language tag such as 'zh-CN' or 'en', got {value!r}"
        )


_SLUG = re.compile(r"^[^\s/\\?#%]+$")


MAX_SLUG_BYTES = 200
"""A slug becomes a file or folder name, and file systems cap those at 255 bytes."""


def _slug(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not _SLUG.match(value) or value in (".", ".."):
        raise ValueError(
            f"{attribute.name} must be one path segment without spaces, '/', '?', '#' or '%', got {value!r}"
        )
    # A leading dot makes a hidden file or folder: SSGs and `recapkit lint` skip those.
    if value.startswith("."):
        raise ValueError(
            f"{attribute.name} must not start with '.' (that hides the post), got {value!r}"
        )
    if len(value.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        raise ValueError(
            f"{attribute.name} must be at most {MAX_SLUG_BYTES} bytes in UTF-8 (file names are limited)"
        )


def _comparable(value: DateOrDateTime) -> DateOrDateTime:
    return value.date() if isinstance(value, datetime) else value


def check_order(start: DateOrDateTime | None, end: DateOrDateTime | None) -> str | None:
    """Why *end* cannot follow *start*, or None when the order is fine."""
    if start is None or end is None:
        return None
    if isinstance(start, datetime) and isinstance(end, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            return "start and end must both have a timezone or both have none"
        return "end must not be before start" if end < start else None
    return "end must not be before start" if _comparable(end) < _comparable(start) else None


def repeated_titles(titles: Sequence[str | None]) -> list[str]:
    """One message per talk title that repeats an earlier one (case and outer spaces ignored).

    ``None`` stands for a talk whose title is missing or not text: it repeats nothing.
    """
    seen: dict[str, int] = {}
    messages = []
    for index, title in enumerate(titles):
        if title is None:
            continue
        key = title.strip().casefold()
        if key in seen:
            messages.append(f"talks[{index}].title {title!r} repeats talks[{seen[key]}].title")
        else:
            seen[key] = index
    return messages


# --- the classes --------------------------------------------------------------------------


@frozen
class Link:
    """A link with an optional title: slides, a video, a reference."""

    url: str = field(validator=_url)
    title: str | None = field(default=None, validator=_optional_non_empty)


@frozen
class Photo:
    """A photo in a recap. ``alt`` is required and must describe the picture, not name its file."""

    src: str = field(validator=_url)
    alt: str = field()
    caption: str | None = field(default=None, validator=_optional_non_empty)
    credit: str | None = field(default=None, validator=_optional_non_empty)
    license: str | None = field(default=None, validator=_optional_non_empty)

    @alt.validator
    def _check_alt(self, attribute: attrs.Attribute[Any], value: str) -> None:
        _non_empty(self, attribute, value)
        if alt_looks_like_filename(value):
            raise ValueError(f"alt must describe the photo, not name its file: {value!r}")


@frozen
class Speaker:
    """A person who gave a talk: a one-line name, where they work, their role and accounts."""

    name: str = field(validator=_one_line)
    affiliation: str | None = field(default=None, validator=_optional_non_empty)
    role: str | None = field(default=None, validator=_optional_non_empty)
    url: str | None = field(default=None, validator=_url)
    handles: Mapping[str, str] = field(factory=dict)
    """Accounts by platform, e.g. ``{"github": "alice", "x": "alice_dev", "weibo": "爱丽丝"}``."""


@frozen
class Takeaway:
    """One thing to take home from a talk (Markdown), of a :class:`TakeawayKind`, with links."""

    text: str = field(validator=_non_empty)
    kind: TakeawayKind = TakeawayKind.INSIGHT
    links: tuple[Link, ...] = ()


@frozen
class Highlight:
    """A keyword or trend of the event, with an optional note."""

    term: str = field(validator=_one_line)
    note: str | None = field(default=None, validator=_optional_non_empty)


@frozen
class Talk:
    """A talk of the event: a one-line title, speakers, when and where, what it said
    (``abstract`` as announced, ``summary`` as the writer heard it), takeaways and media."""

    title: str = field(validator=_one_line)
    speakers: tuple[Speaker, ...] = ()
    track: str | None = field(default=None, validator=_optional_non_empty)
    room: str | None = field(default=None, validator=_optional_non_empty)
    start: datetime | time | None = None
    duration: timedelta | None = field(default=None)
    abstract: str | None = field(default=None, validator=_optional_non_empty)
    summary: str | None = field(default=None, validator=_optional_non_empty)
    takeaways: tuple[Takeaway, ...] = ()
    slides: str | None = field(default=None, validator=_url)
    video: str | None = field(default=None, validator=_url)
    links: tuple[Link, ...] = ()
    photos: tuple[Photo, ...] = ()
    tags: tuple[str, ...] = field(default=(), validator=_nonblank_items)

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


@frozen
class Event:
    """The event a recap covers: a one-line name, kind, when (dates or instants) and where."""

    name: str = field(validator=_one_line)
    kind: EventKind = EventKind.MEETUP
    start: DateOrDateTime | None = None
    end: DateOrDateTime | None = None
    timezone: str | None = field(default=None, validator=_timezone_name)
    """IANA name (``Asia/Shanghai``); naive times in the data file are read in this zone."""
    city: str | None = field(default=None, validator=_optional_non_empty)
    venue: str | None = field(default=None, validator=_optional_non_empty)
    online_url: str | None = field(default=None, validator=_http_url)
    organizers: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    sponsors: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    url: str | None = field(default=None, validator=_url)
    attendance: int | None = field(default=None)
    tags: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    tracks: tuple[str, ...] = field(default=(), validator=_nonblank_items)

    @attendance.validator
    def _check_attendance(self, _attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value < 0:
            raise ValueError("attendance must not be negative")

    def __attrs_post_init__(self) -> None:
        problem = check_order(self.start, self.end)
        if problem:
            raise ValueError(problem)


@frozen
class Recap:
    """A recap post: its own metadata, the event it covers, the talks and what to take home."""

    title: str = field(validator=_one_line)
    date: DateOrDateTime
    event: Event
    authors: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    lang: str = field(default="en", validator=_lang)
    tags: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    categories: tuple[str, ...] = field(default=(), validator=_nonblank_items)
    slug: str | None = field(default=None, validator=_slug)
    draft: bool = False
    cover: str | None = field(default=None, validator=_url)
    lead: str | None = field(default=None, validator=_optional_non_empty)
    highlights: tuple[Highlight, ...] = ()
    talks: tuple[Talk, ...] = field(default=())
    summary: str | None = field(default=None, validator=_optional_non_empty)
    extra: Mapping[str, Any] = field(factory=dict)
    """Free data for custom templates; recapkit never interprets it."""

    @talks.validator
    def _unique_titles(self, _attribute: attrs.Attribute[Any], talks: tuple[Talk, ...]) -> None:
        repeats = repeated_titles([talk.title for talk in talks])
        if repeats:
            raise ValueError(repeats[0])

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Every speaker of every talk, first appearance first, de-duplicated by name."""
        unique: dict[str, Speaker] = {}
        for talk in self.talks:
            for speaker in talk.speakers:
                unique.setdefault(speaker.name, speaker)
        return tuple(unique.values())
