"""The model's closed vocabularies: what kind of event, talk, takeaway and event link.

Each is a ``StrEnum`` whose values are what a data file writes (``kind: panel``); the model's
constructors also take the exact value string, and refuse any other text with the valid values.
"""

from __future__ import annotations

import enum


class EventKind(enum.StrEnum):
    """What kind of event a recap covers (``kind:`` in a data file); ``meetup`` by default."""

    MEETUP = "meetup"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    ONLINE = "online"
    OTHER = "other"


class TalkKind(enum.StrEnum):
    """What a programme slot is; ``talk`` by default. A ``break`` (lunch, coffee) needs no
    speakers or takeaways; templates may render keynotes, panels and lightning talks apart."""

    KEYNOTE = "keynote"
    TALK = "talk"
    PANEL = "panel"
    LIGHTNING = "lightning"
    WORKSHOP = "workshop"
    BREAK = "break"


class TakeawayKind(enum.StrEnum):
    """What a takeaway is: an insight (the default), an action to take, a resource to read,
    a quote from the speaker or the writer's own opinion; templates may group by it."""

    INSIGHT = "insight"
    ACTION = "action"
    RESOURCE = "resource"
    QUOTE = "quote"
    OPINION = "opinion"


class EventLinkKind(enum.StrEnum):
    """What an event-level link points to: the collection of all slides, the recordings
    playlist, the agenda, the photo album, the event's website, or something else (default)."""

    SLIDES = "slides"
    RECORDINGS = "recordings"
    AGENDA = "agenda"
    ALBUM = "album"
    WEBSITE = "website"
    OTHER = "other"
