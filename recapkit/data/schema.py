"""The JSON Schema (draft 2020-12) of recap data files, generated from the attrs model.

Walking :mod:`recapkit.data.model` means the schema cannot drift from what the loader accepts.
What JSON Schema cannot express (alt text that is a file name, end before start, duplicate
talk titles, a real IANA zone) is left to ``recapkit validate``. Dates are described as
strings because editors see YAML and TOML dates as text.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Union, get_args, get_origin

import attrs

from recapkit.data import checks, model
from recapkit.data.convert import SCHEMA_KEY  # also resolves the model's postponed annotations
from recapkit.data.dates import MAX_DURATION_MINUTES
from recapkit.data.hooks import kebab

# One-line descriptions of the data-file fields (editor hover text), keyed ``Class.field`` by the
# model's Python names; a test checks that every attrs field of every model class has one, and
# docs/data-format.md says the same at more length.
CLASS_DOCS = {
    "Recap": "A recap post: its metadata, the event it covers, the talks and what to take home.",
    "Event": "The meetup or conference the recap covers.",
    "Talk": "One talk (or panel, or workshop session) of the event.",
    "Speaker": "A person who gave a talk: a name, or else at least an affiliation or a role.",
    "Takeaway": "Something a reader should take home from a talk.",
    "Highlight": "A keyword or trend of the event, with an optional note.",
    "Link": "A link with an optional title.",
    "EventLink": "A link of the whole event: slides collection, recordings, agenda, album, website.",
    "Photo": "A photo with alt text that describes it.",
}

FIELD_DOCS = {
    "Recap.title": "Title of the recap post, one line.",
    "Recap.date": "Publication date of the post: 2025-03-01, or a date-time with offset.",
    "Recap.event": "The event the recap covers.",
    "Recap.authors": "Names of the post's authors.",
    "Recap.lang": "BCP 47 language tag of the post, e.g. zh-CN or en (default en).",
    "Recap.tags": "Tags of the post.",
    "Recap.categories": "Categories of the post.",
    "Recap.slug": "URL slug of the post: one path segment, no spaces.",
    "Recap.draft": "true while the post must not be published.",
    "Recap.cover": "Cover image: an http(s) URL or a path inside the site (/images/x.jpg).",
    "Recap.cover_alt": "What the cover image shows, for readers who cannot see it (not a file name).",
    "Recap.lead": "Opening paragraph shown before the talks.",
    "Recap.highlights": "Keywords and trends of the event.",
    "Recap.talks": "The talks, in programme order; titles must be unique.",
    "Recap.summary": "Closing summary of the post.",
    "Recap.extra": "Free data for custom templates; recapkit never interprets it.",
    "Event.name": "Name of the event, one line.",
    "Event.kind": "meetup, conference, workshop, online or other (default meetup).",
    "Event.start": "First day (2025-03-01) or start time (2025-03-01T14:00:00+08:00).",
    "Event.end": "Last day or end time; not before start.",
    "Event.timezone": "IANA time zone such as Asia/Shanghai; naive times are read in it.",
    "Event.city": "City where the event took place.",
    "Event.venue": "Venue name (and address).",
    "Event.online_url": "http(s) URL of the live stream or online room.",
    "Event.organizers": "Organizing groups or people.",
    "Event.sponsors": "Sponsors.",
    "Event.url": "Event page: http(s) URL or a path inside the site.",
    "Event.attendance": "Number of attendees (0 or more).",
    "Event.tags": "Topics of the event.",
    "Event.tracks": "Names of the tracks of a multi-track event.",
    "Event.overview": "Overview of the programme (Markdown), e.g. a numbered list of the talks.",
    "Event.links": "Links of the whole event: slides collection, recordings, agenda, photo album.",
    "Event.photos": "Photos of the event as a whole (group photo, venue).",
    "Event.extra": "Free data for custom templates; recapkit never interprets it.",
    "Talk.title": "Title of the talk, one line.",
    "Talk.speakers": "Who gave the talk.",
    "Talk.kind": "keynote, talk, panel, lightning, workshop or break (default talk).",
    "Talk.day": "Day of the talk at a multi-day event (2025-03-02); agrees with a date-time start.",
    "Talk.track": "Track the talk belongs to (see event.tracks).",
    "Talk.room": "Room where the talk took place.",
    "Talk.start": "Start time: 14:00 (quoted in YAML) or a full date-time.",
    "Talk.duration": "Length: minutes (45) or text such as 1h30m, 45m, PT45M.",
    "Talk.abstract": "The talk's abstract as announced.",
    "Talk.summary": "The recap's summary of the talk (Markdown).",
    "Talk.takeaways": "What to take home from the talk.",
    "Talk.slides": "Slides: http(s) URL or a path inside the site.",
    "Talk.video": "Recording: http(s) URL or a path inside the site.",
    "Talk.links": "Further links (repositories, articles).",
    "Talk.photos": "Photos of the talk.",
    "Talk.tags": "Topics of the talk.",
    "Talk.id": "The programme's id of the talk (pretalx, frab, Sessionize), for cross-checks.",
    "Talk.extra": "Free data for custom templates; recapkit never interprets it.",
    "Speaker.name": "The speaker's name, one line; leave it out when only affiliation or role is known.",
    "Speaker.affiliation": "Company, project or group the speaker represents.",
    "Speaker.role": "Job title or role.",
    "Speaker.url": "Home page: http(s) URL or a path inside the site.",
    "Speaker.handles": "Accounts by platform, e.g. github: alice, x: alice_dev, weibo: 爱丽丝.",
    "Takeaway.text": "The takeaway itself.",
    "Takeaway.kind": "insight, action, resource, quote or opinion (default insight).",
    "Takeaway.links": "Links that back the takeaway up.",
    "Highlight.term": "The keyword or trend, one line.",
    "Highlight.note": "A short note about it.",
    "Link.url": "http(s) URL or a path inside the site.",
    "EventLink.url": "http(s) URL or a path inside the site.",
    "EventLink.kind": "slides, recordings, agenda, album, website or other (default other).",
    "EventLink.title": "Text to show for the link.",
    "Link.title": "Text to show for the link.",
    "Photo.src": "The image: http(s) URL or a path inside the site (/images/x.jpg).",
    "Photo.alt": "What the photo shows, for readers who cannot see it (not a file name).",
    "Photo.caption": "Caption shown under the photo.",
    "Photo.credit": "Who took the photo.",
    "Photo.license": "License of the photo, e.g. CC BY 4.0.",
    "Photo.source": "Where a reused photo was taken from: http(s) URL or a path inside the site.",
}

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
_TEXT = {"type": "string", "pattern": r"\S"}
_DATE = (
    r"^\d{4}([-/.])\d{1,2}\1\d{1,2}"
    r"([Tt ]+\d{1,2}:\d{2}(:\d{2}([.,]\d{1,9})?)?\s*([Zz]|UTC|GMT|[+-]\d{2}(:?\d{2})?)?)?$"
)
_DAY = r"^\d{4}([-/.])\d{1,2}\1\d{1,2}$"
_TIME = r"^\d{1,2}:\d{2}(:\d{2}([.,]\d{1,9})?)?$"
_DURATION = r"^(\d+|(\d+\s*[hH])?\s*(\d+\s*[mM]([iI][nN])?)?|[Pp][Tt](\d+H)?(\d+M)?(\d+S)?)$"
_NOT_BREAK = r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_ONE_LINE = rf"^{_NOT_BREAK}*\S{_NOT_BREAK}*$"
_URL = r"^(https?://[^/?#\s]+.*|(?!//)(?![A-Za-z][A-Za-z0-9+.-]*:)\S+)$"

# Validators of the model that JSON Schema can express, by identity.
_BY_VALIDATOR: dict[Any, dict[str, Any]] = {
    checks.url: {"type": "string", "pattern": _URL},
    checks.http_url: {"type": "string", "pattern": r"^https?://[^/?#\s]+"},
    checks.lang: {"type": "string", "pattern": checks.BCP47.pattern},
    checks.slug: {
        "type": "string",
        "pattern": checks.SLUG.pattern,
        "not": {"pattern": r"^\."},  # "." and ".." too; a hidden folder is never linted
    },
    checks.nonblank_items: {"type": "array", "items": _TEXT},
    checks.one_line: {"type": "string", "pattern": _ONE_LINE},
}
_BY_FIELD: dict[str, dict[str, Any]] = {
    "Event.attendance": {"type": "integer", "minimum": 0},
    "Event.timezone": {"type": "string", "pattern": r"^[A-Za-z0-9_+\-/]+$"},
    "Speaker.handles": {"type": "object", "additionalProperties": {"type": "string"}},
    "Talk.duration": {
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": MAX_DURATION_MINUTES},
            {"type": "string", "pattern": _DURATION},
        ]
    },
    "Recap.extra": {"type": "object"},
    "Event.extra": {"type": "object"},
    "Talk.extra": {"type": "object"},
}


def _type_schema(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    args = get_args(type_)
    if get_origin(type_) in (Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        if type_ == model.DateOrDateTime or set(rest) == {date, datetime}:
            return {"type": "string", "pattern": _DATE}
        if set(rest) == {datetime, time}:
            return {"type": "string", "anyOf": [{"pattern": _TIME}, {"pattern": _DATE}]}
        return _type_schema(rest[0], defs)
    if get_origin(type_) is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if get_origin(type_) is Mapping:
        return {"type": "object"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [member.value for member in type_]}
    if attrs.has(type_):
        _add_class(type_, defs)
        return {"$ref": f"#/$defs/{type_.__name__}"}
    return _SCALARS[type_]


_SCALARS: dict[Any, dict[str, Any]] = {
    str: _TEXT,
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    timedelta: {"type": "integer"},
    date: {"type": "string", "pattern": _DAY},
}
# JSON Schema's own way to say "at least one of these keys".
_AT_LEAST_ONE = {"Speaker": ("name", "affiliation", "role")}


def _field_schema(
    cls: type[Any], attribute: attrs.Attribute[Any], defs: dict[str, Any]
) -> dict[str, Any]:
    key = f"{cls.__name__}.{attribute.name}"
    schema = dict(
        _BY_FIELD.get(key)
        or _BY_VALIDATOR.get(attribute.validator)
        or _type_schema(attribute.type, defs)
    )
    if attribute.default is None:  # an empty optional value (``key:`` in YAML) is accepted
        schema = {"anyOf": [schema, {"type": "null"}]}
    if key in FIELD_DOCS:
        schema["description"] = FIELD_DOCS[key]
    return schema


def _add_class(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve the name first: classes refer to each other
    fields = attrs.fields(cls)
    defs[cls.__name__] = {
        "type": "object",
        "description": CLASS_DOCS.get(cls.__name__, ""),
        "properties": {kebab(a.name): _field_schema(cls, a, defs) for a in fields},
        "required": [kebab(a.name) for a in fields if a.default is attrs.NOTHING],
        "additionalProperties": False,
    }
    if cls.__name__ in _AT_LEAST_ONE:
        defs[cls.__name__]["anyOf"] = [{"required": [k]} for k in _AT_LEAST_ONE[cls.__name__]]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a recap data file, as a JSON-ready dict."""
    defs: dict[str, Any] = {}
    _add_class(model.Recap, defs)
    defs["Recap"]["properties"][SCHEMA_KEY] = {
        "type": "string",
        "description": "URL or path of this JSON Schema, for editors; recapkit ignores it.",
    }
    return {
        "$schema": SCHEMA_URI,
        "title": "recapkit recap data file",
        "description": CLASS_DOCS["Recap"],
        "$ref": "#/$defs/Recap",
        "$defs": dict(sorted(defs.items())),
    }
