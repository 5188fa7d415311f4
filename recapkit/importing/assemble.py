"""A post read into a :class:`~recapkit.data.model.Recap`: the blocks walked once, each placed in
the lead, the event facts, a talk, the highlights or the summary; what fits nowhere is kept as
text and reported as a :class:`Note`."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from attrs import define, field, frozen

from recapkit.data.model import Event, Highlight, Recap, Talk
from recapkit.errors import RecapkitError
from recapkit.importing import facts as fm
from recapkit.importing.blocks import Block, Kind, field_text, heading_markdown, read_blocks
from recapkit.importing.byline import heading_day
from recapkit.importing.event import counts_talks, is_facts, read_facts
from recapkit.importing.event_line import event_line_facts, read_event_line
from recapkit.importing.highlights import highlights
from recapkit.importing.inline import plain
from recapkit.importing.notes import Note, short
from recapkit.importing.overview import find_overview, item_title, matches
from recapkit.importing.programme import Programme, programme_talks
from recapkit.importing.sections import Part, part_of, strip_number, talk_level
from recapkit.importing.talk import TalkReader
from recapkit.importing.talk_list import finish_talks
from recapkit.importing.vocabulary import EVENT_WORDS, TODO_MARK
from recapkit.post.language import text_language
from recapkit.post.types import Post
from recapkit.ssg.base import Site, SiteDetectionError

_MORE = ("<!--more-->", "<!-- more -->")
# A heading that starts with the talk's time: "08:45 - 09:30 布展", "~ 11:27 Title".
_TIMED_TITLE = re.compile(
    r"^[~～\s]*(?P<start>(?:[01]?\d|2[0-3]):[0-5]\d)(?:\s*[-~～–]\s*\d{1,2}:\d{2})?\s+(?P<title>\S.*)$"
)


class PostImportError(RecapkitError):
    """A post cannot become a recap: no title, no date, or not a readable post (exit 2)."""


@frozen
class Imported:
    """What :func:`recapkit.import_post` read: the recap, and what it could not place."""

    recap: Recap
    unplaced: tuple[Note, ...] = ()
    listed: int = 0
    """How many of the talks the post's opening list names."""


@define
class _Walk:
    talk_level: int | None
    overview: list[str]
    lead: list[str] = field(factory=list)
    summary: list[str] = field(factory=list)
    highlights: list[Highlight] = field(factory=list)
    facts: dict[str, Any] = field(factory=dict)
    unplaced_facts: list[str] = field(factory=list)
    talks: list[TalkReader] = field(factory=list)
    programme: list[tuple[list[str], int, Programme]] = field(factory=list)
    """Timed lists read as talks: where their text is kept, and their talks."""
    notes: list[Note] = field(factory=list)
    part: Part = Part.OTHER
    current: TalkReader | None = None
    day: date | None = None
    """The day its heading names, for the talks under it (the notes layout)."""
    after_more: bool = False
    line_fixed: bool = False
    event_line: tuple[int, Block] | None = None
    """The lead's paragraph that may be the event's line (the notes layout): where, which."""

    def region(self) -> list[str]:
        """Where recap-level text goes: the lead before the first talk, else the summary."""
        return self.lead if not self.talks and self.part is not Part.SUMMARY else self.summary

    def feed(self, block: Block) -> None:
        if block.kind is Kind.OTHER and block.source.strip() in _MORE:
            self.after_more = True
            return
        if block.kind is Kind.HEADING and self._heading(block):
            return
        if self.current is not None:
            self.current.feed(block)
        elif TODO_MARK not in block.source:
            self._recap_block(block)

    def finish_programme(self) -> None:
        """The talks of the timed lists, when there are two or more and no section is a talk."""
        found = [talk for _, _, programme in self.programme for talk in programme.talks]
        if self.talks or len(found) < 2:
            return
        for region, index, programme in self.programme:
            region[index] = programme.rest  # the list's talks are talks now
        self.talks = found

    def _heading(self, block: Block) -> bool:
        """Handle a heading that opens a talk or a part of the recap; False for a sub-heading."""
        part, level = part_of(block), self.talk_level
        if level is not None and block.level > level and (self.current or part is Part.TALK):
            return False  # a talk's sub-heading, or one inside a part: text
        if part is Part.TALK and block.level == level:
            self._start_talk(block)
            return True
        self.current = None
        self.day = heading_day(plain(block.source)) if part is Part.TALKS else None
        if part in (Part.EVENT, Part.SUMMARY, Part.HIGHLIGHTS):
            self.part = part
            return True
        if part is Part.TALKS:  # the talks' own headings follow
            self.part = Part.OTHER
            return True
        self.part = Part.OTHER
        self.region().append(_heading_text(block))
        if self.talks:
            self.notes.append(
                Note(block.line, short(plain(block.source)), "section kept in the summary")
            )
        return True

    def _start_talk(self, block: Block) -> None:
        title = " ".join(plain(strip_number(block.source)).split())
        timed = _TIMED_TITLE.match(title)
        if timed and timed.group("title"):  # "~ 11:27  赖勇浩 论 Python": a programme's line
            title = timed.group("title")
        if not title:  # an empty heading, or one that is only an image: no talk to name
            self.current = None
            self.region().append(_heading_text(block))
            return
        self.current = TalkReader(title=title, line=block.line, day=self.day)
        if timed and timed.group("title"):
            self.current.fields["start"] = timed.group("start")
        self.talks.append(self.current)
        self.part = Part.TALK

    def _recap_block(self, block: Block) -> None:
        if block.kind is Kind.LIST and is_facts(block, in_event=self.part is Part.EVENT):
            self.unplaced_facts.extend(read_facts(block, self.facts, self.notes))
            return
        if self.talk_level is None and (programme := programme_talks(block)):
            region = self.region()
            self.programme.append((region, len(region), programme))
            region.append(block.source)  # until the whole post shows it is a programme
            return
        if block.kind is Kind.LIST and self.part is not Part.SUMMARY:
            found = highlights(block)
            if found is not None and (self.part is Part.HIGHLIGHTS or len(found) >= 2):
                self.highlights.extend(found)
                return
        if block.kind is Kind.PARAGRAPH and self.region() is self.lead and not self.line_fixed:
            line = read_event_line(block.source)
            self.event_line = (len(self.lead), block) if line is not None else None
            self.line_fixed = self.after_more  # after the more mark: its first paragraph only
        self.region().append(_heading_text(block) if block.kind is Kind.HEADING else block.source)

    def take_event_line(self) -> None:
        """The event's name, page, place and online link from the line about it that opens a
        post without a facts list (the notes layout): the paragraph right after the more mark,
        else the lead's last one."""
        if self.facts or self.unplaced_facts or self.event_line is None:
            return
        index, block = self.event_line
        last = self.line_fixed or index == len(self.lead) - 1
        found = event_line_facts(block.source) if last else None
        if found is None:
            return
        self.lead[index] = ""
        self.facts.update(found[0])
        if found[1]:
            self.unplaced_facts.append(found[1])
            why = "event time not read, kept in extra.unplaced"
            self.notes.append(Note(block.line, short(found[1]), why))


def _heading_text(block: Block) -> str:
    return heading_markdown(block)


def read_recap(post: Post) -> Imported:
    """Read *post*'s text (as :func:`recapkit.load_post` gives it) into a recap."""
    if post.problem is not None:
        raise PostImportError(f"{post.path}: {post.problem.message}")
    blocks = read_blocks(post)
    overview_at = find_overview(blocks)
    overview_items = blocks[overview_at].items if overview_at is not None else ()
    overview = [item_title(i.source) for i in overview_items]
    walk = _Walk(talk_level(blocks, overview, trusted=counts_talks(blocks)), overview)
    title = _title(post, blocks)
    for index, block in enumerate(blocks):
        if index == overview_at:
            continue
        if block.kind is Kind.HEADING and block.level == 1 and plain(block.source) == title:
            continue
        walk.feed(block)
    walk.finish_programme()
    walk.take_event_line()
    items = [(item.line, name) for item, name in zip(overview_items, overview, strict=True)]
    in_list = sum(any(matches(name, r.title) for name in overview) for r in walk.talks)
    talks, notes = finish_talks(walk.talks, items)
    recap = _recap(post, title, walk, talks)
    return Imported(recap, tuple(sorted(walk.notes + notes, key=lambda n: n.line)), in_list)


def import_post(
    path: str | os.PathLike[str], *, site: Site | None = None, from_text: bool = False
) -> Imported:
    """The recap data of the post at *path*, read as its site's generator reads it.

    A post that carries recap data (``recap:`` in its front matter) gives that data, unless
    *from_text*: then its text is read like any other post's. Raises :class:`PostImportError`
    for a post without a title or a date, or one that cannot be read.
    """
    from recapkit.ssg.posts import load_post
    from recapkit.ssg.site import find_site

    file = Path(path)
    if site is None:
        try:
            site = find_site(file.absolute().parent)
        except SiteDetectionError:
            site = None  # two generators claim the folder: read the tags of every one
    post = load_post(file, site=site, find_data_folder=False)  # the site was looked for
    if not from_text and post.recap_source is not None:
        return _carried(post)
    return read_recap(post)


def _carried(post: Post) -> Imported:
    from recapkit.errors import RecapkitError

    source = post.recap_source
    assert source is not None
    try:
        recap = post.recap
    except RecapkitError as exc:
        raise PostImportError(f"{post.path}: its recap data is invalid: {exc}") from None
    assert recap is not None
    why = "read from the post's recap data, not its text (--from-text reads the text)"
    if source.path is None:
        places = post.front_matter.key_locations if post.front_matter else {}
        where = places.get("recap") or places.get("extra")
        note = Note(where.line if where else 0, "recap:", why)
    else:
        why = f"read from {source.describe()}, not the post's text (--from-text reads the text)"
        note = Note(0, str(source.path), why)
    return Imported(recap, (note,), listed=len(recap.talks))


def is_recap(imported: Imported) -> bool:
    """Whether the post reads as a recap: two talks or more, and either two of them name a
    speaker or are items of the opening list, or the title says it is about an event or a
    recap (大会, meetup, 回顾, recap...).

    Numbered headings, slides and videos alone do not make a recap: tutorials have them too."""
    talks = imported.recap.talks
    if len(talks) < 2:
        return False
    named = sum(bool(t.speakers) for t in talks)
    return max(named, imported.listed) >= 2 or bool(EVENT_WORDS.search(imported.recap.title))


def _title(post: Post, blocks: Sequence[Block]) -> str:
    title = post.data.get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    h1 = [b for b in blocks if b.kind is Kind.HEADING and b.level == 1]
    if len(h1) == 1:
        return plain(h1[0].source)
    raise PostImportError(
        f"{post.path}: the post has no title (no title: key, no single # heading)"
    )


def _recap(post: Post, title: str, walk: _Walk, talks: list[Talk]) -> Recap:
    data = fm.flattened(post.data)
    date = fm.post_date(data, post.path)
    if date is None:
        raise PostImportError(
            f"{post.path}: the post has no date (no date: key, no date in the file name)"
        )
    event = _event(data, walk, title)
    extra: dict[str, Any] = {}
    if walk.unplaced_facts:
        extra["unplaced"] = walk.unplaced_facts
    if links := fm.extra_links(data):
        extra["links"] = links
    return Recap(
        title=title,
        date=date,
        event=event,
        authors=fm.names(data.get("authors", data.get("author"))),
        lang=_lang(post),
        tags=fm.names(data.get("tags")),
        categories=fm.names(data.get("categories")),
        slug=fm.slug(data),
        draft=data.get("draft") is True,
        cover=fm.cover(data),
        lead=_joined(walk.lead),
        highlights=tuple(walk.highlights),
        talks=tuple(talks),
        summary=_joined(walk.summary),
        extra=extra,
    )


def _event(data: Mapping[str, Any], walk: _Walk, title: str) -> Event:
    facts = {**fm.event_facts(data), **{k: v for k, v in walk.facts.items() if v is not None}}
    name = facts.pop("name", None)
    if not name:
        name = title
        walk.notes.append(Note(0, short(title), "no event name in the post: the title stands in"))
    return Event(name=name, **facts)


def _lang(post: Post) -> str:
    for key in ("lang", "language"):
        value = post.data.get(key)
        if isinstance(value, str) and fm.valid_for_recap("lang", value):
            return value
    return text_language(post.body) or "en"


def _joined(parts: list[str]) -> str | None:
    return field_text("\n\n".join(p for p in parts if p.strip())) or None
