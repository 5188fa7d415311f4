"""The small pieces of a talk's section: a takeaway with its trailing links, a link, a time of
day, a day, a length."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from recapkit.data.dates import MAX_DURATION_MINUTES, parse_time_text
from recapkit.data.model import Link, Takeaway
from recapkit.importing.blocks import Item, field_text
from recapkit.importing.inline import Anchor, anchors, only_anchors, plain

# A takeaway's links as the form layout writes them: "text（[t](u)）" or "text ([t](u))".
_TRAILING_LINK = re.compile(r"\s?[（(]\[(?:[^\]\\]|\\.)*\]\((?:[^()\\\s]|\\.)*\)[)）]$")
CLOCK = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d$")
# A talk's day as the built-in layouts write it, with its start: "12 September 2025, 09:30",
# "2025年9月12日 09:30" (rendering/dates.py human_date).
_MONTHS = "january february march april may june july august september october november december"
_DAY_EN = re.compile(
    r"^(?P<d>\d{1,2}) (?P<month>[A-Za-z]+) (?P<y>\d{4})(?:,\s*(?P<clock>\d{1,2}:\d{2}))?$"
)
_DAY_ZH = re.compile(
    r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:\s*(?P<clock>\d{1,2}:\d{2}))?$"
)
_CREDIT = re.compile(
    r"^(?:摄影|photo|图|credit)\s*[:：]\s*(?P<who>.+?)(?:\s*[（(](?P<license>[^()（）]+)[)）])?$",
    re.I,
)
LENGTH = re.compile(r"^(?:(?P<h>\d+)\s*(?:h|小时))?\s*(?:(?P<m>\d+)\s*(?:min|分钟))?$")


def takeaway(item: Item) -> Takeaway | None:
    """The takeaway an item of a takeaways list says; None for an empty item (``-`` alone)."""
    text, links = trailing_links(item.source, keep_text=True)
    return Takeaway(text=field_text(text), links=links) if text.strip() else None


def trailing_links(text: str, *, keep_text: bool = False) -> tuple[str, tuple[Link, ...]]:
    """*text* without the links in parentheses at its end (``（[t](u)）``), and those links;
    with *keep_text*, a text that is nothing but links keeps its first one."""
    links = list[Link]()
    while match := _TRAILING_LINK.search(text):
        found = anchors(match.group().strip()[1:-1])
        if len(found) != 1:
            break
        link = link_of(found[0])
        if link is None or (keep_text and not text[: match.start()].strip()):
            break
        links.insert(0, link)
        text = text[: match.start()]
    return text, tuple(links)


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


def day_and_clock(text: str) -> tuple[date, str | None] | None:
    """``12 September 2025, 09:30`` / ``2025年9月12日 09:30`` (the time optional) as the day
    and the clock text; None for anything else."""
    match = _DAY_EN.match(text) or _DAY_ZH.match(text)
    if match is None:
        return None
    found = match.groupdict()
    name = (found.get("month") or "").lower()
    if found.get("m") is None and name not in _MONTHS.split():
        return None
    month = int(found["m"]) if found.get("m") else _MONTHS.split().index(name) + 1
    try:
        day = date(int(found["y"]), month, int(found["d"]))
    except ValueError:
        return None
    return day, found.get("clock")


def is_time_part(text: str) -> bool:
    """A part of a talk's time line: a clock time, a day (with its time), or a length."""
    length = LENGTH.match(text)
    return bool(
        CLOCK.match(text)
        or day_and_clock(text)
        or (length and (length.group("h") or length.group("m")))
    )


def caption(source: str) -> dict[str, str] | None:
    """The caption, credit and licence of a photo's caption line, ``*caption · 摄影：credit
    （license）*``; None when *source* is no such line."""
    source = source.strip()
    if not (len(source) > 2 and source[0] == source[-1] == "*" and source[1] != "*"):
        return None
    changes: dict[str, str] = {}
    for part in (p.strip() for p in plain(source).split(" · ")):
        credit = _CREDIT.match(part)
        if credit:
            changes["credit"] = credit.group("who")
            if credit.group("license"):
                changes["license"] = credit.group("license")
        elif "caption" not in changes and part:
            changes["caption"] = part
    return changes
