"""A programme written as a list: ``- 15:15 Title`` items, each with its slides, video or speaker
on nested lines (``+ 幻灯: [x](url)``, ``+ 讲师: 老高``). The items that name slides, a video or a
speaker are talks; openings, breaks and the end stay in the recap's text."""

from __future__ import annotations

import re
import textwrap

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.importing.blocks import Block, Kind
from recapkit.importing.inline import plain
from recapkit.importing.talk import TalkReader

_timed_item = lazy_pattern(
    r"^[~～\s]*(?P<start>(?:[01]?\d|2[0-3]):[0-5]\d)(?:\s*[-~～–]\s*(?:\d{1,2}:\d{2})?)?[~～\s]*"
    r"(?P<title>\S.*)$"
)


_BULLET = re.compile(r"^[-*+]\s+(?P<text>\S.*)$")


@frozen
class Programme:
    """The talks of one list, and the list's other items as they were written."""

    talks: tuple[TalkReader, ...]
    rest: str


def programme_talks(block: Block) -> Programme | None:
    """The talks of a timed list; None when it is no list or none of its items is a talk.

    A programme is often cut into several lists by the photos between its items: the caller
    decides on the whole post."""
    if block.kind is not Kind.LIST:
        return None
    lines = block.source.split("\n")
    starts = [item.line - block.line for item in block.items] + [len(lines)]
    talks, rest = [], []
    for index, item in enumerate(block.items):
        reader = _talk(item.source, item.line)
        if reader is None:
            rest.extend(lines[starts[index] : starts[index + 1]])
        else:
            talks.append(reader)
    return Programme(tuple(talks), "\n".join(rest).strip("\n")) if talks else None


def _talk(source: str, line: int) -> TalkReader | None:
    first, _, nested = source.partition("\n")
    timed = _timed_item().match(first)
    if timed is None:
        return None
    title = " ".join(plain(timed.group("title")).split()).rstrip(":：").strip()
    reader = TalkReader(title=title, line=line)  # "继续下半程分享:" leads into what follows
    kept = []
    for offset, text in enumerate(textwrap.dedent(nested).split("\n"), start=1):
        bullet = _BULLET.match(text)
        if bullet is None or not reader.read_line(bullet.group("text"), line + offset):
            kept.append(text)
    named = reader.speakers or "slides" in reader.fields or "video" in reader.fields
    if not (reader.title and named):
        return None
    reader.fields["start"] = timed.group("start")
    reader.text = ["\n".join(kept).strip("\n")] if "".join(kept).strip() else []
    return reader
