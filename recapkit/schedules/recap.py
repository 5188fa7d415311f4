"""Mapping a programme and the chosen sessions onto the recap model.

:func:`talk_from_session` is the one place a session becomes a :class:`~recapkit.data.model.Talk`;
the session's id is kept as ``Talk.id`` so that a post can be checked against its programme;
what the model has no place for (the session's language, speakers' bios) stays in the
:class:`~recapkit.schedules.model.Session`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from recapkit.data.dates import MAX_DURATION_MINUTES
from recapkit.data.model import (
    Event,
    EventKind,
    Link,
    Recap,
    Speaker,
    Talk,
    TalkKind,
    repeated_titles,
)
from recapkit.errors import UsageError
from recapkit.schedules.model import Programme, ScheduleError, Session

_PROGRAMME_PAGE = {"zh": "议程页面", "en": "Programme"}

# The programmes' own words for a slot (pretalx submission types, frab `type`, Sessionize's
# "Session format"), lower-cased with `_`/`-` as spaces; any other word is a talk.
_KINDS = {
    "keynote": TalkKind.KEYNOTE,
    "opening keynote": TalkKind.KEYNOTE,
    "closing keynote": TalkKind.KEYNOTE,
    "主题演讲": TalkKind.KEYNOTE,
    "lightning": TalkKind.LIGHTNING,
    "lightning talk": TalkKind.LIGHTNING,
    "lightning talks": TalkKind.LIGHTNING,
    "闪电演讲": TalkKind.LIGHTNING,
    "panel": TalkKind.PANEL,
    "panel discussion": TalkKind.PANEL,
    "podium": TalkKind.PANEL,
    "圆桌": TalkKind.PANEL,
    "workshop": TalkKind.WORKSHOP,
    "tutorial": TalkKind.WORKSHOP,
    "hands on": TalkKind.WORKSHOP,
    "工作坊": TalkKind.WORKSHOP,
    "break": TalkKind.BREAK,
    "coffee break": TalkKind.BREAK,
    "lunch": TalkKind.BREAK,
    "pause": TalkKind.BREAK,
    "service": TalkKind.BREAK,
}


def talk_kind(word: str | None) -> TalkKind:
    """The :class:`TalkKind` a programme's word for a slot means (``Lightning Talk``,
    ``lightning_talk``, ``Workshop``, ...); a talk when the word is unknown or missing."""
    if not word:
        return TalkKind.TALK
    key = " ".join(word.replace("_", " ").replace("-", " ").lower().split())
    return _KINDS.get(key, TalkKind.TALK)


def talk_from_session(session: Session, lang: str = "en") -> Talk:
    """The talk of *session*: title, speakers, track, room, start, duration, abstract and links
    (the first slides and video links in their own fields, the programme page first in links,
    titled in *lang*)."""
    slides = next((link.url for link in session.links if link.kind == "slides"), None)
    video = next((link.url for link in session.links if link.kind == "video"), None)
    page = _PROGRAMME_PAGE.get(lang.split("-")[0], _PROGRAMME_PAGE["en"])
    others = [Link(url=session.url, title=page)] if session.url else []
    others += [
        Link(url=link.url, title=link.title)
        for link in session.links
        if link.url not in (slides, video)
    ]
    return Talk(
        title=session.title,
        id=session.id,
        kind=talk_kind(session.kind),
        # A date-time start names its day; a bare clock time needs the programme's day.
        day=session.day if not isinstance(session.start, datetime) else None,
        speakers=tuple(
            Speaker(name=p.name, affiliation=p.affiliation, role=p.tagline)
            for p in session.speakers
        ),
        track=session.track,
        room=session.room,
        start=session.start,
        duration=session.duration if _fits(session.duration) else None,
        abstract=session.abstract or session.description,
        slides=slides,
        video=video,
        links=tuple({link.url: link for link in others}.values()),
    )


def _fits(duration: timedelta | None) -> bool:
    """Whether the model takes *duration* (whole minutes, at most a day's worth)."""
    if duration is None:
        return False
    limit = timedelta(minutes=MAX_DURATION_MINUTES)
    return timedelta(0) < duration <= limit and not duration % timedelta(minutes=1)


def event_from_programme(programme: Programme, sessions: Sequence[Session], name: str) -> Event:
    """The conference as an :class:`Event` named *name*; its dates are the programme's, else
    the first and last day of *sessions*."""
    days = [s.day for s in sessions if s.day is not None]
    return Event(
        name=name,
        kind=EventKind.CONFERENCE,
        start=programme.start or (min(days) if days else None),
        end=programme.end or (max(days) if days else None),
        timezone=programme.timezone,
        city=programme.city,
        venue=programme.venue,
        url=programme.url,
        tracks=tuple(dict.fromkeys(s.track for s in sessions if s.track)),
    )


def recap_from_schedule(
    programme: Programme,
    sessions: Sequence[Session],
    *,
    title: str,
    lang: str = "en",
    post_date: date | datetime | None = None,
    event_name: str | None = None,
) -> Recap:
    """A draft recap titled *title* of the conference in *programme* with a talk per session.

    :raises UsageError: two sessions share a title (a recap's talks need distinct titles;
        pick with ``--talk``/``--day``), or no name for the event is known.
    :raises ScheduleError: the model refuses what the programme says (its end before its start).
    """
    name = event_name or programme.name
    if not name:
        raise UsageError(f"{programme.source} does not name the conference; give the recap a TITLE")
    repeats = repeated_titles([s.title for s in sessions])
    if repeats:
        raise UsageError(
            f"two chosen sessions share a title ({repeats[0].replace('talks', 'sessions')}); "
            "pick sessions with --talk ID or --day"
        )
    try:
        return Recap(
            title=title,
            date=post_date or datetime.now().astimezone().replace(microsecond=0),
            event=event_from_programme(programme, sessions, name),
            lang=lang,
            draft=True,
            talks=tuple(talk_from_session(s, lang) for s in sessions),
        )
    except ValueError as exc:  # what the model refuses (a conference ending before it starts)
        raise ScheduleError(programme.source, f"cannot be made into a recap: {exc}") from None
