"""The ``notes`` layout's line about the event, ``[Gopher Night](url) · 18 May 2024, 19:00 ·
Hall 1, Shanghai · [Online](url)``: the event's name (linked to its page), when, where, and its
online link, joined by `` · `` (rendering/templates/_common/macros.md.j2 ``event_line``)."""

from __future__ import annotations

import re
from typing import Any

from recapkit.data.model import Event
from recapkit.importing.inline import anchors, only_anchors, plain, split_label
from recapkit.importing.vocabulary import EVENT_FACTS

_SENTENCE_END = ("。", ".", "!", "！", "?", "？", ":", "：", "…", "；", ";")
# What a date or a time looks like: "18 May 2024", "2024年5月18日", "19:00".
_WHEN = re.compile(r"\d{4}|\d{1,2}:\d{2}|\d月|\d日")


def read_event_line(source: str) -> tuple[dict[str, Any], str | None] | None:
    """The Event fields of an event line, and its time text (not read: no date is guessed from
    a line); None when *source* is not such a line."""
    text = source.strip()
    if not text or "\n" in text or len(text) > 300 or plain(text).endswith(_SENTENCE_END):
        return None
    if split_label(text) is not None or any(a.image for a in anchors(text)) or "{%" in text:
        return None
    parts = [p.strip() for p in text.split(" · ")]
    if len(parts) == 1:
        return None  # a name alone, linked or not, is any short line of a lead
    name = _name(parts[0])
    if name is None:
        return None
    facts, when = dict(name), None
    for part in parts[1:]:
        link = anchors(part)
        if (
            only_anchors(part)
            and len(link) == 1
            and EVENT_FACTS.get(link[0].text.casefold()) == "online"
        ):
            facts["online_url"] = link[0].url
        elif _WHEN.search(plain(part)) and when is None and "venue" not in facts:
            when = plain(part)
        elif "online_url" not in facts and plain(part):  # a place may hold " · " itself
            facts["venue"] = " · ".join(filter(None, (facts.get("venue"), plain(part))))
        else:
            return None
    return facts, when


def _name(part: str) -> dict[str, str] | None:
    found = anchors(part)
    if only_anchors(part) and len(found) == 1 and found[0].text:
        return {"name": found[0].text, "url": found[0].url}
    if found or _WHEN.fullmatch(plain(part)) or not plain(part):
        return None
    return {"name": plain(part)}


def event_line_facts(source: str) -> tuple[dict[str, Any], str | None] | None:
    """:func:`read_event_line`, when what it read makes a valid Event (one-line name, URLs)."""
    found = read_event_line(source)
    if found is None:
        return None
    try:
        Event(**{"name": "-", **found[0]})
    except ValueError:  # not an event's facts after all (a name across lines, a bad URL)
        return None
    return found
