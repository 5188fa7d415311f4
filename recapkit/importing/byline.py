"""The one-line byline of a talk in the ``notes`` layout, ``闪电演讲 · 王磊（示例支付） · 13:40 ·
40 分钟 · 专场 · 会场``: the talk's format, speakers, day and time, length, track and room, joined
by `` · `` (rendering/templates/_common/macros.md.j2 ``byline``); and the day headings that group
the talks of several days (``## Day 2 · Saturday, 13 September 2025``, ``## 第 2 天``)."""

from __future__ import annotations

import re
from datetime import date

from attrs import frozen

from recapkit.data.model import Speaker
from recapkit.importing.inline import anchors, plain
from recapkit.importing.speakers import people, strict_name
from recapkit.importing.talk_parts import day_and_clock, is_time_part
from recapkit.importing.vocabulary import KIND_WORDS

DAY_HEADING = re.compile(
    r"^(?:day\s*\d{1,2}|第\s*[\d一二三四五六七八九十]{1,3}\s*天)(?:\s*(?:·|:|：|-|–|—)\s*\S.*)?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s*|[（(]周[一二三四五六日天][)）]$",
    re.IGNORECASE,
)
_SENTENCE_END = ("。", ".", "!", "！", "?", "？", ":", "：", "…")
_IN_PARENS = re.compile(r"[（(][^()（）]*[)）]")


@frozen
class Byline:
    """What a byline says; ``time`` is its day, time and length as a time line gives them."""

    kind: str | None = None
    speakers: tuple[Speaker, ...] = ()
    time: str | None = None
    track: str | None = None
    room: str | None = None


def telling(byline: Byline | None) -> bool:
    """Whether *byline* says it is one: a time or a format, several speakers, or one with an
    affiliation, role or link. A lone short word (``志愿者``) under a heading may be anything."""
    if byline is None:
        return False
    detailed = any(s.name is None or s.affiliation or s.role or s.url for s in byline.speakers)
    return bool(byline.time or byline.kind or len(byline.speakers) > 1 or detailed)


def read_byline(source: str) -> Byline | None:
    """The byline *source* is (one line of Markdown), or None when it is not one.

    Without a time, a byline is only the format and one list of people whose names look like
    names (``Ann Lee``, ``王磊``, ``（示例云）``): a track or a room cannot be told from a name there.
    """
    text = source.strip()
    if not text or "\n" in text or plain(text).endswith(_SENTENCE_END):
        return None
    if any(a.image for a in anchors(text)):  # a photo: its alt text is no name
        return None
    parts = [p.strip() for p in text.split(" · ")]
    kind = KIND_WORDS.get(plain(parts[0]).lower())
    if kind is not None:
        parts = parts[1:]
    timed = [i for i, part in enumerate(parts) if is_time_part(plain(part))]
    if timed and (timed != list(range(timed[0], timed[-1] + 1)) or len(timed) > 2):
        return None
    first, last = (timed[0], timed[-1] + 1) if timed else (len(parts), len(parts))
    who, rest = parts[:first], parts[last:]
    if len(who) > 1 or len(rest) > 2:
        return None
    speakers = _speakers(who[0], strict=not timed) if who else ()
    if speakers is None or not (kind or speakers or timed):
        return None
    places = [plain(p) for p in rest] + [None, None]
    time = " · ".join(plain(p) for p in parts[first:last]) or None
    return Byline(kind, speakers, time, places[0], places[1])


def _speakers(source: str, *, strict: bool) -> tuple[Speaker, ...] | None:
    text = plain(source)
    outside = _IN_PARENS.sub("", text)
    chinese = "、" in outside or ("," not in outside and bool(re.search(r"[\u4e00-\u9fff]", text)))
    found = people(source, plural=True, chinese=chinese)
    if not found.speakers or found.kept:
        return None
    if strict and not all(s.name is None or strict_name(s.name) for s in found.speakers):
        return None
    return found.speakers


def heading_day(heading: str) -> date | None:
    """The date a day heading names (``Day 2 · Saturday, 13 September 2025``,
    ``第 2 天 · 2025年9月13日（周六）``), or None."""
    if not DAY_HEADING.match(heading) or " · " not in heading:
        return None
    found = day_and_clock(_WEEKDAY.sub("", heading.split(" · ", 1)[1].strip()))
    return found[0] if found and found[1] is None else None
