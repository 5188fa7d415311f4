"""The talks of a post's recap data paired with the sections of its body (RK403's reading).

A data talk is *found* when a heading spells its title (as the importer reads a heading: without
its number, its time, a speaker after a dash); else it is paired, in the same place between the
found talks, with a section the importer reads as a talk and whose title is alike (*renamed*);
else it is *missing*. Sections the importer reads as talks with speakers that no data talk
claims are *extra*.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from attrs import define, field, frozen

from recapkit.data.model import Talk
from recapkit.importing.blocks import Block, Kind, read_blocks
from recapkit.importing.inline import plain
from recapkit.importing.overview import key as letters
from recapkit.importing.sections import section_blocks, strip_number
from recapkit.importing.speakers import heading_speakers
from recapkit.post.types import Post

_TIME_FIRST = re.compile(r"^[~～\s]*(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[-~～–]\s*\d{1,2}:\d{2})?\s+")
# Jekyll and Hexo print a `{{` of the data as `{% raw %}{{{% endraw %}` (ssg.base.raw_wrapped).
_RAW = re.compile(r"\{% (?:end)?raw %\}")
ALIKE = 0.5
"""How alike (difflib's ratio of the letters and digits) a heading and a title must be to be
one talk renamed, when the place alone does not tell."""


@frozen
class Heading:
    """A heading of the body: its line, its title as read, and the text of its section."""

    line: int
    title: str
    keys: frozenset[str]
    section: tuple[Block, ...]


@frozen
class Section:
    """A data talk's section: its heading, and the talk the importer read there (if any)."""

    heading: Heading
    read: Talk | None


@define
class Pairing:
    found: dict[int, Section] = field(factory=dict)
    """Data talk index → its section, its heading spelling its title."""
    renamed: dict[int, Section] = field(factory=dict)
    missing: list[int] = field(factory=list)
    extra: list[Section] = field(factory=list)


def headings(post: Post) -> list[Heading]:
    """Every heading of *post*'s body with the spellings of its title and its section."""
    blocks = read_blocks(post)
    found = []
    for index, block in enumerate(blocks):
        if block.kind is Kind.HEADING:
            titles = _titles(block.source)
            keys = frozenset(k for k in map(key, titles) if k)
            found.append(
                Heading(block.line, titles[-1], keys, tuple(section_blocks(blocks, index)))
            )
    return found


def listed(post: Post, before: int) -> frozenset[str]:
    """The keys of the items of the lists above line *before* (where the first talk's section
    starts): a talk named in the post's opening list of talks, or under its agenda heading, is
    shown, if without a section of its own (``recapkit import`` reads it so). A takeaway or
    another list inside a talk's section that happens to read like a talk's title is not."""
    from recapkit.importing.overview import item_title

    items = (
        i for b in read_blocks(post) if b.kind is Kind.LIST and b.line < before for i in b.items
    )
    return frozenset(k for k in (key(item_title(i.source)) for i in items) if k)


def _titles(source: str) -> list[str]:
    """A heading's title as written, then as the importer reads a talk's (the last one)."""
    titles = [plain(source)]
    if "{%" in source:
        source = _RAW.sub("", source)
    title = " ".join(plain(strip_number(source)).split())
    titles.append(title)
    timed = _TIME_FIRST.sub("", title, count=1)
    if timed != title and timed:
        titles.append(title := timed)
    if split := heading_speakers(title):
        titles.append(split[0])
    return titles


def pair(data: Sequence[Talk], body: Sequence[Heading], read: Sequence[Talk]) -> Pairing:
    """The data talks paired with the body's headings; *read*: the talks the importer read."""
    result = Pairing()
    used: set[int] = set()
    for index, talk in enumerate(data):
        wanted = key(talk.title)
        at = next((i for i, h in enumerate(body) if i not in used and wanted in h.keys), None)
        if at is not None:
            used.add(at)
            result.found[index] = Section(body[at], _read_at(body[at], read))
    talks = [(i, h, _read_at(h, read)) for i, h in enumerate(body) if i not in used]
    candidates: list[tuple[int, Heading, Talk | None]] = [c for c in talks if c[2] is not None]
    lost = [i for i in range(len(data)) if i not in result.found]
    for index in lost:
        chosen = _renamed(data, index, result, candidates, lost)
        if chosen is None:
            result.missing.append(index)
            continue
        candidates.remove(chosen)
        result.renamed[index] = Section(chosen[1], chosen[2])
    result.extra = [Section(h, t) for _, h, t in candidates if t is not None and t.speakers]
    return result


def _read_at(heading: Heading, read: Sequence[Talk]) -> Talk | None:
    return next((t for t in read if key(t.title) in heading.keys), None)


def _renamed(
    data: Sequence[Talk],
    index: int,
    result: Pairing,
    candidates: Sequence[tuple[int, Heading, Talk | None]],
    lost: Sequence[int],
) -> tuple[int, Heading, Talk | None] | None:
    """The section, between the sections of the found talks around *index*, that is the data
    talk *index* under another title: alike, or the one unclaimed section of its place."""
    before = _before(result, index)
    after = min((s.heading.line for i, s in result.found.items() if i > index), default=2**31)
    here = [c for c in candidates if before < c[1].line < after]
    talk = data[index]
    scored = sorted(here, key=lambda c: -_alike(talk.title, c[1].title))
    for each in scored:
        if _alike(talk.title, each[1].title) >= ALIKE or _same_speaker(talk, each[2]):
            return each
    alone = sum(1 for i in lost if _before(result, i) == before) == 1
    return here[0] if alone and len(here) == 1 else None


def _before(result: Pairing, index: int) -> int:
    """The heading line of the last found talk before data talk *index* (-1: none)."""
    return max((s.heading.line for i, s in result.found.items() if i < index), default=-1)


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, key(a), key(b)).ratio()


def _same_speaker(talk: Talk, read: Talk | None) -> bool:
    if read is None:
        return False
    names = {normal(s.label) for s in talk.speakers if s.label}
    return any(normal(s.label) in names for s in read.speakers if s.label)


def key(title: str) -> str:
    """What two spellings of a title share (the importer's key); a title of punctuation
    only is its own key."""
    return letters(title) or normal(title)


def normal(name: str) -> str:
    """A name as compared: spaces collapsed, casefolded."""
    return " ".join(_RAW.sub("", name).split()).casefold()
