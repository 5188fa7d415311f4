"""Which headings are talks: the level whose sections show the most talk signals (a speaker,
slides or a video, an item of the opening list, a number, a time, 《》), else the shallowest level
with two sections; and which headings name the recap's other parts."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from recapkit.importing.blocks import Block, Kind
from recapkit.importing.byline import DAY_HEADING, read_byline, telling
from recapkit.importing.inline import anchors, plain, split_label
from recapkit.importing.links import may_link_media, media_of
from recapkit.importing.overview import matches
from recapkit.importing.speakers import heading_speakers, speaker_line
from recapkit.importing.vocabulary import (
    CONTAINER_HEADINGS,
    EVENT_HEADINGS,
    HIGHLIGHTS_HEADINGS,
    LINKS_LABELS,
    NOT_TALK_HEADINGS,
    PHOTOS_HEADINGS,
    SUMMARY_HEADINGS,
    TAKEAWAYS_HEADINGS,
    words,
)

# "1. ", "1、", "第一场：", "Talk 2: ", "Session 3 - ": a programme's numbering, not the title.
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}[.)、]|第[一二三四五六七八九十\d]+[场个位讲][:：、.]?"
    r"|(?:talk|session|议题|分享)\s*\d{1,2}\s*(?:[:：.]|\s-\s))\s*",
    re.IGNORECASE,
)
_TIMED = re.compile(r"^[~～\s]*\d{1,2}[:：]\d{2}")
_QUOTED = re.compile(r"^《.+》")


class Part(enum.StrEnum):
    """What a heading opens."""

    TALK = "talk"
    EVENT = "event"
    SUMMARY = "summary"
    HIGHLIGHTS = "highlights"
    TALKS = "talks"  # "## Talks" above the talks' own headings: no text of its own
    OTHER = "other"  # photos, links, takeaways of the whole event: kept as text


def part_of(heading: Block) -> Part:
    # "相关阅读 | Related Reading": a bilingual heading is read by its first language
    name = words(plain(heading.source).split(" | ")[0])
    if name in EVENT_HEADINGS:
        return Part.EVENT
    if name in SUMMARY_HEADINGS:
        return Part.SUMMARY
    if name in HIGHLIGHTS_HEADINGS:
        return Part.HIGHLIGHTS
    if name in CONTAINER_HEADINGS or DAY_HEADING.match(plain(heading.source)):
        return Part.TALKS  # "## Day 2 · Saturday, 13 September 2025": the day's talks follow
    if name in PHOTOS_HEADINGS | LINKS_LABELS | TAKEAWAYS_HEADINGS | NOT_TALK_HEADINGS:
        return Part.OTHER
    if plain(heading.source).rstrip().endswith((":", "：")):  # "应邀讲师:", "AM:": a label
        return Part.OTHER
    return Part.TALK


def strip_number(source: str) -> str:
    """A heading's source without a leading ``1.``/``第一场`` (an escaped ``1\\.`` is kept)."""
    return _NUMBERED.sub("", source, count=1) or source


def talk_level(
    blocks: Sequence[Block], overview: Sequence[str], *, trusted: bool = False
) -> int | None:
    """The heading level of the talks, or None when no level holds one.

    Sections without a single talk signal are talks only when *trusted* (the post's facts
    count its talks): otherwise they are the chapters of a prose recap.
    """
    levels: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.kind is Kind.HEADING and part_of(block) is Part.TALK:
            levels.setdefault(block.level, []).append(index)
    if list(levels) == [1] and len(levels[1]) == 1:
        return None  # the post's own title
    if len(levels.get(1, [])) == 1:
        del levels[1]  # one h1 is the post's title; several are its sections
    if not levels:
        return None
    scores = {
        lvl: sum(signals(blocks, i, overview) for i in found) for lvl, found in levels.items()
    }
    best = max(scores.values())
    if best >= 2:  # one link to slides in one section of an essay is no programme
        return min(lvl for lvl, score in scores.items() if score == best)
    if not trusted:
        return None
    several = [lvl for lvl, found in levels.items() if len(found) >= 2]
    return min(several or levels)


def signals(blocks: Sequence[Block], index: int, overview: Sequence[str]) -> int:
    """How many signs say the section at *index* is a talk (0 to 4)."""
    heading = blocks[index]
    title = plain(heading.source)
    count = int(
        bool(_NUMBERED.match(heading.source) or _TIMED.match(title) or _QUOTED.match(title))
    )
    count += int(heading_speakers(title) is not None)
    count += int(any(matches(item, title) for item in overview))
    body = section_blocks(blocks, index)
    firsts = [b for b in body[:4] if b.kind is not Kind.HEADING]
    lines = [i.source for b in firsts for i in b.items] + [
        b.source.split("\n")[0] for b in firsts if b.kind is Kind.PARAGRAPH
    ]
    byline = (
        body[0].kind is Kind.PARAGRAPH and telling(read_byline(body[0].source)) if body else False
    )
    count += int(any(speaker_line(line) for line in lines) or byline)
    count += int(any(_links_media(b.source) for b in body))
    count += int(any(_closing(b) for b in body))
    return count


def _links_media(source: str) -> bool:
    """Whether *source* links slides or a video (parsed only when its text may)."""
    if not may_link_media(source):
        return False
    return any(media_of(a.url, a.text) for a in anchors(source) if not a.image)


def _closing(block: Block) -> bool:
    """A sub-heading (or a ``**收获**：`` line) that sums up or lists takeaways: the section
    reports on a talk."""
    if block.kind is Kind.PARAGRAPH:
        labelled = split_label(block.source)
        return labelled is not None and not labelled[1] and words(labelled[0]) in TAKEAWAYS_HEADINGS
    return (
        block.kind is Kind.HEADING
        and words(plain(block.source)) in SUMMARY_HEADINGS | TAKEAWAYS_HEADINGS
    )


def section_blocks(blocks: Sequence[Block], index: int) -> list[Block]:
    """The blocks under the heading at *index*, up to the next heading of its level or above."""
    level = blocks[index].level
    found = []
    for block in blocks[index + 1 :]:
        if block.kind is Kind.HEADING and block.level <= level:
            break
        found.append(block)
    return found
