"""One talk's section read into a :class:`~recapkit.data.model.Talk`: its speaker and meta lines,
slides and video, takeaways, links, photos; every other block stays in the talk's summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs
from attrs import define, field

from recapkit.data.model import Link, Photo, Speaker, Takeaway, Talk, TalkKind
from recapkit.importing.blocks import Block, Kind, field_text, heading_markdown
from recapkit.importing.byline import read_byline
from recapkit.importing.inline import Anchor, anchors, only_anchors, plain, split_label
from recapkit.importing.links import media_of
from recapkit.importing.notes import Note, short
from recapkit.importing.quotes import read_quote
from recapkit.importing.speakers import speaker_line
from recapkit.importing.talk_parts import (
    CLOCK,
    LENGTH,
    caption,
    clock,
    day_and_clock,
    length,
    link_item,
    link_of,
    takeaway,
)
from recapkit.importing.vocabulary import (
    ABSTRACT_LABELS,
    KIND_LABELS,
    KIND_WORDS,
    LINKS_LABELS,
    PHOTOS_HEADINGS,
    ROOM_LABELS,
    TAKEAWAYS_HEADINGS,
    TIME_LABELS,
    TODO_MARK,
    TRACK_LABELS,
    words,
)


@define
class TalkReader:
    """Collects one talk while its blocks are fed in order (:meth:`feed`)."""

    title: str
    line: int
    day: date | None = None
    """The day of the heading above the talk, unless its own time line names one."""
    speakers: list[Speaker] = field(factory=list)
    text: list[str] = field(factory=list)
    takeaways: list[Takeaway] = field(factory=list)
    links: list[Link] = field(factory=list)
    photos: list[Photo] = field(factory=list)
    notes: list[Note] = field(factory=list)
    fields: dict[str, str] = field(factory=dict)
    mode: str = "text"
    _photo_line: bool = False
    _fed: int = 0

    def feed(self, block: Block) -> None:
        after_photo, self._photo_line = self._photo_line, False
        first, self._fed = not self._fed, self._fed + 1
        if TODO_MARK in block.source and block.kind is not Kind.HEADING:
            return
        if first and block.kind is Kind.PARAGRAPH and self._byline(block.source):
            return
        if block.kind is Kind.HEADING:
            self._heading(block)
        elif block.kind is Kind.LIST:
            self._list(block)
        elif block.kind is Kind.PARAGRAPH:
            if after_photo and self._caption(block):
                return
            self._paragraph(block)
        elif quote := read_quote(
            block.source, self.speakers, in_takeaways=self.mode == "takeaways"
        ):
            self.takeaways.append(quote)
        else:
            self.keep(block.source)

    def _byline(self, source: str) -> bool:
        """The one line under the heading in the ``notes`` layout: format, speakers, time..."""
        found = read_byline(source)
        if found is None or (found.time and not self._time(found.time, dry=True)):
            return False
        self.speakers.extend(found.speakers)
        if found.time:
            self._time(found.time)
        places = {"kind": found.kind, "track": found.track, "room": found.room}
        self.fields.update({k: v for k, v in places.items() if v})
        return True

    def keep(self, source: str) -> None:
        self.text.append(source)

    def _heading(self, block: Block) -> None:
        name = words(plain(block.source))
        if name in TAKEAWAYS_HEADINGS:
            self.mode = "takeaways"
        elif name in PHOTOS_HEADINGS:
            self.mode = "photos"
        elif name in LINKS_LABELS:
            self.mode = "links"
        else:
            self.mode = "text"
            self.keep(heading_markdown(block))

    def _list(self, block: Block) -> None:
        if self.mode == "takeaways":
            self.takeaways.extend(found for item in block.items if (found := takeaway(item)))
        elif self.mode == "links" and all(link_item(i) for i in block.items):
            self.links.extend(link for i in block.items if (link := link_item(i)))
            self.mode = "text"
        elif not self.text and self._meta(block.items[0].source, block.items[0].line, dry=True):
            self._meta_list(block)
        else:
            self._media_in_prose(block.source)
            self.keep(block.source)

    def _meta_list(self, block: Block) -> None:
        """The talk's meta lines, and what follows them in the same list: a summary that opens
        with a ``-`` list joins the meta list above it (CommonMark merges the two)."""
        for item in block.items:
            if not self._meta(item.source, item.line):
                lines = block.source.split("\n")[item.line - block.line :]
                self.keep("\n".join(lines))
                return

    def _paragraph(self, block: Block) -> None:
        source = block.source
        labelled = split_label(source)
        if labelled and words(labelled[0]) in LINKS_LABELS and not labelled[1].strip():
            self.mode = "links"  # "**相关链接**：" introduces the list that follows
            return
        if labelled and words(labelled[0]) in TAKEAWAYS_HEADINGS and not labelled[1].strip():
            self.mode = "takeaways"  # "**收获**：" (the notes layout) introduces them
            return
        if labelled and labelled[0] in ABSTRACT_LABELS and "abstract" not in self.fields:
            self.fields["abstract"] = labelled[1].strip()
            return
        if only_anchors(source) and self._media_line(source, block.line):
            return
        lines = source.split("\n")
        if len(lines) > 1 and all(
            self._meta(line, block.line + i, dry=True) for i, line in enumerate(lines)
        ):
            for i, line in enumerate(lines):
                self._meta(line, block.line + i)
            return
        if (
            len(lines) == 1
            and (not self.text or _explicit(source))
            and self._meta(source, block.line)
        ):
            return
        self._media_in_prose(source)
        self.keep(source)

    def _media_in_prose(self, source: str) -> None:
        """Slides and a video linked from prose, told by host or link text; the prose stays."""
        for anchor in anchors(source):
            kind = None if anchor.image else media_of(anchor.url, anchor.text)
            if kind is not None and kind.value not in self.fields and link_of(anchor):
                self.fields[kind.value] = anchor.url

    def read_line(self, source: str, line: int) -> bool:
        """Read one labelled line (speakers, time, track, room, slides, video); False when it
        is none of these (the caller keeps it). A line of links only (``[幻灯](url)``) is read
        as slides, video and links."""
        if only_anchors(source) and not any(a.image for a in anchors(source)):
            return self._media_line(source, line)
        return self._meta(source, line)

    def _meta(self, source: str, line: int, *, dry: bool = False) -> bool:
        """Read a ``label: value`` line (speakers, track, room, time, slides, video)."""
        found = speaker_line(source)
        if found is not None:
            if not found.speakers:
                if not dry:
                    why = "speaker without a name (a company?), kept in the talk"
                    self.notes.append(Note(line, short(plain(source)), why))
                return False
            if not dry:
                self.speakers.extend(s for s in found.speakers if s.name not in self._names())
                for kept in found.kept:
                    self.keep(source)
                    self.notes.append(Note(line, kept, "not a person's name, kept in the talk"))
                    break
            return True
        labelled = split_label(source)
        if labelled is None:
            return False
        label, rest = labelled
        if label in KIND_LABELS and plain(rest).strip().lower() in KIND_WORDS:
            if not dry:
                self.fields["kind"] = KIND_WORDS[plain(rest).strip().lower()]
            return True
        if label in TRACK_LABELS | ROOM_LABELS and rest.strip():
            if not dry:
                self.fields["track" if label in TRACK_LABELS else "room"] = plain(rest)
            return True
        if label in TIME_LABELS:
            if not dry and not self._time(plain(rest)):
                self.keep(source)
                self.notes.append(
                    Note(line, short(plain(rest)), "talk time not read, kept in the talk")
                )
            return True
        if media_of("", label) is not None and len(anchors(rest)) == 1:
            return dry or self._media_line(rest, line, label=label)
        return False

    def _time(self, text: str, *, dry: bool = False) -> bool:
        """``13:40 · 40 min`` / ``13:40 · 1 小时 30 分钟``: the talk's start and duration;
        ``12 September 2025, 09:30`` / ``2025年9月12日 09:30``: its day and start."""
        found: dict[str, str] = {}
        for part in (p.strip() for p in text.split("·")):
            length = LENGTH.match(part)
            day = day_and_clock(part) if not found else None
            if day is not None:
                found["day"] = day[0].isoformat()
                found.update({"start": day[1]} if day[1] else {})
            elif CLOCK.match(part) and "start" not in found:
                found["start"] = part
            elif length and (length.group("h") or length.group("m")) and "duration" not in found:
                found["duration"] = part
            else:
                return False
        if not dry:
            self.fields.update(found)
        return True

    def _media_line(self, source: str, line: int, *, label: str = "") -> bool:
        found = anchors(source)
        if any(a.image for a in found):
            return self._photos(found, line)
        links = [link_of(a) for a in found]
        if None in links:
            return False
        for anchor, link in zip(found, links, strict=True):
            kind = media_of(anchor.url, label or anchor.text)
            if kind is not None and self.fields.get(kind.value, anchor.url) == anchor.url:
                self.fields[kind.value] = anchor.url  # (the prose may have named it already)
            elif link is not None:
                self.links.append(link)
        return True

    def _photos(self, found: Sequence[Anchor], line: int) -> bool:
        photos = []
        for anchor in found:
            try:
                photos.append(Photo(src=anchor.url, alt=anchor.text))
            except ValueError as exc:
                self.notes.append(Note(line, short(anchor.url), f"image kept in the text: {exc}"))
                return False
        self.photos.extend(photos)
        self._photo_line = True
        return True

    def _caption(self, block: Block) -> bool:
        """``*caption · 摄影：credit（license）*`` right after a photo."""
        changes = caption(block.source)
        if changes is None:
            return False
        self.photos[-1] = attrs.evolve(self.photos[-1], **changes)
        return True

    def _names(self) -> set[str]:
        return {s.name for s in self.speakers if s.name is not None}

    def merge(self, other: TalkReader) -> None:
        """Take in a later section with the same title: its text, speakers, takeaways, links
        and photos (a second slides or video link becomes a link), so nothing of it is lost."""
        self.keep("\n\n".join(other.text))
        self.speakers.extend(s for s in other.speakers if s not in self.speakers)
        self.takeaways.extend(other.takeaways)
        self.photos.extend(p for p in other.photos if p not in self.photos)
        for key, value in other.fields.items():
            if self.fields.setdefault(key, value) != value and key in ("slides", "video"):
                self.links.append(Link(url=value, title=key))
        self.links.extend(link for link in other.links if link not in self.links)

    def talk(self) -> Talk:
        summary = field_text("\n\n".join(t for t in self.text if t.strip())) or None
        return Talk(
            title=self.title,
            kind=TalkKind(self.fields.get("kind", "talk")),
            speakers=tuple(self.speakers),
            day=date.fromisoformat(self.fields["day"]) if "day" in self.fields else self.day,
            track=self.fields.get("track"),
            room=self.fields.get("room"),
            start=clock(self.fields.get("start")),
            duration=length(self.fields.get("duration")),
            abstract=self.fields.get("abstract") or None,
            summary=summary,
            takeaways=tuple(self.takeaways),
            slides=self.fields.get("slides"),
            video=self.fields.get("video"),
            links=tuple(self.links),
            photos=tuple(self.photos),
        )


def _explicit(source: str) -> bool:
    """A labelled line that names speakers or slides/video wherever it stands in a talk."""
    if speaker_line(source) is not None:
        return True
    labelled = split_label(source)
    return labelled is not None and (
        media_of("", labelled[0]) is not None or labelled[0] in TIME_LABELS
    )
