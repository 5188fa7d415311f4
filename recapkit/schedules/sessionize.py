"""Sessionize's "All data" JSON export (API/Embed, https://sessionize.com/playground).

``{"sessions": [{"id", "title", "description", "startsAt", "endsAt", "isServiceSession",
"speakers": [speaker id], "categoryItems": [item id], "roomId", "recordingUrl"}],
"speakers": [{"id", "fullName", "firstName", "lastName", "tagLine", "bio",
"questionAnswers": [{"questionId", "answerValue"}]}], "categories": [{"id", "title",
"items": [{"id", "name"}]}], "rooms": [{"id", "name"}], "questions": [{"id", "question"}]}``.

Its times are the event's local wall-clock time without a zone, and the export names neither the
conference nor its zone: sessions keep naive times unless ``--timezone`` says which zone they are in.
"""

from __future__ import annotations

import re
from typing import Any

from recapkit.schedules import _values as v
from recapkit.schedules._json import Obj
from recapkit.schedules.model import Person, Programme, Session

# Category titles as organisers name them; Sessionize's defaults are "Track" and "Session format".
_TRACK = re.compile(r"track|topic|分会场|专场|主题", re.I)
_KIND = re.compile(r"format|type|形式|类型", re.I)
_COMPANY = re.compile(r"company|organi[sz]ation|employer|公司|单位", re.I)


def looks_like(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("sessions"), list) and "speakers" in data


def parse(data: Any, file: str) -> Programme:
    root = Obj(data, "", file)
    rooms = {r.required("id"): v.one_line(r.text("name")) for r in root.objects("rooms")}
    categories = _categories(root)
    companies = _company_questions(root)
    speakers = {s.required("id"): _person(s, companies) for s in root.objects("speakers")}
    sessions = tuple(
        _session(s, rooms, categories, speakers) for s in root.objects("sessions", required=True)
    )
    return Programme(format="sessionize", source=file, sessions=sessions)


def _categories(root: Obj) -> dict[str, tuple[str, str]]:
    """Category item id -> ("track" | "kind" | "other", the item's name)."""
    found = {}
    for category in root.objects("categories"):
        title = category.text("title") or ""
        role = "track" if _TRACK.search(title) else "kind" if _KIND.search(title) else "other"
        for item in category.objects("items"):
            found[item.required("id")] = (role, v.one_line(item.text("name")) or "")
    return found


def _company_questions(root: Obj) -> set[str]:
    return {
        q.required("id")
        for q in root.objects("questions")
        if _COMPANY.search(q.text("question") or "")
    }


def _person(speaker: Obj, companies: set[str]) -> Person:
    name = speaker.text("fullName") or " ".join(
        part for part in (speaker.text("firstName"), speaker.text("lastName")) if part
    )
    if not name.strip():
        raise speaker.error("missing 'fullName' (or 'firstName' and 'lastName')")
    company = next(
        (
            a.text("answerValue")
            for a in speaker.objects("questionAnswers")
            if a.text("questionId") in companies
        ),
        None,
    )
    return Person(
        name=v.one_line(name) or "",
        affiliation=v.one_line(company),
        tagline=v.one_line(speaker.text("tagLine")),
        bio=v.block(speaker.text("bio")),
        id=speaker.required("id"),
    )


def _session(
    session: Obj,
    rooms: dict[str, str | None],
    categories: dict[str, tuple[str, str]],
    speakers: dict[str, Person],
) -> Session:
    start = session.parsed("startsAt", v.parse_datetime)
    end = session.parsed("endsAt", v.parse_datetime)
    picked = [categories[str(i)] for i in session.items("categoryItems") if str(i) in categories]
    kind = next((name for role, name in picked if role == "kind"), None)
    if kind is None and session.data.get("isServiceSession") is True:
        kind = "service"
    return Session(
        id=session.required("id"),
        title=v.one_line(session.required("title")) or "",
        day=start.date() if start else None,
        start=start,
        duration=v.span(start, end),
        room=rooms.get(session.text("roomId") or ""),
        track=next((name for role, name in picked if role == "track"), None),
        kind=kind,
        description=v.block(session.text("description")),
        speakers=tuple(_speaker(session, speakers, str(i)) for i in session.items("speakers")),
        links=tuple(
            link
            for link in (v.link(session.text("recordingUrl"), "Recording"),)
            if link is not None
        ),
        line=session.line,
    )


def _speaker(session: Obj, speakers: dict[str, Person], ident: str) -> Person:
    if ident not in speakers:
        raise session.error(f"speaker {ident!r} is not in the file's 'speakers'")
    return speakers[ident]
