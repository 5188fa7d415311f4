"""The small pieces of a talk's section: a takeaway with its trailing links, a link, a time of
day, a length."""

from __future__ import annotations

import re
from datetime import time, timedelta

from recapkit.data.dates import MAX_DURATION_MINUTES, parse_time_text
from recapkit.data.model import Link, Takeaway
from recapkit.importing.blocks import Item
from recapkit.importing.inline import Anchor, anchors, only_anchors

# A takeaway's links as the form layout writes them: "text（[t](u)）" or "text ([t](u))".
_TRAILING_LINK = re.compile(r"\s?[（(]\[(?:[^\]\\]|\\.)*\]\((?:[^()\\\s]|\\.)*\)[)）]$")
CLOCK = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d$")
LENGTH = re.compile(r"^(?:(?P<h>\d+)\s*(?:h|小时))?\s*(?:(?P<m>\d+)\s*(?:min|分钟))?$")


def takeaway(item: Item) -> Takeaway:
    text, links = item.source, list[Link]()
    while match := _TRAILING_LINK.search(text):
        found = anchors(match.group().strip()[1:-1])
        if len(found) != 1:
            break
        link = link_of(found[0])
        if link is None or not text[: match.start()].strip():
            break
        links.insert(0, link)
        text = text[: match.start()]
    return Takeaway(text=text.strip(), links=tuple(links))


def link_item(item: Item) -> Link | None:
    found = anchors(item.source)
    if len(found) != 1 or not only_anchors(item.source) or found[0].image:
        return None
    return link_of(found[0])


def link_of(anchor: Anchor) -> Link | None:
    """*anchor* as a Link (its text as the title unless it repeats the URL); None when the
    destination is no web address or site path."""
    try:
        return Link(
            url=anchor.url, title=anchor.text if anchor.text not in ("", anchor.url) else None
        )
    except ValueError:
        return None


def clock(text: str | None) -> time | None:
    """A time of day (the heading's or the time line's); None for what no clock shows (54:11)."""
    if not text or not CLOCK.match(text):
        return None
    return parse_time_text(text)


def length(text: str | None) -> timedelta | None:
    match = LENGTH.match(text or "")
    if not match:
        return None
    minutes = int(match.group("h") or 0) * 60 + int(match.group("m") or 0)
    return timedelta(minutes=minutes) if 0 < minutes <= MAX_DURATION_MINUTES else None
