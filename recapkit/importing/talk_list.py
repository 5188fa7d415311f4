"""The talks of a post, finished: speakers from a heading's tail where no line named them, repeated
titles merged, and the opening list's items that no section covers added as talks of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from recapkit._text import lazy_pattern
from recapkit.data.model import Talk
from recapkit.importing.notes import Note, short
from recapkit.importing.overview import matches
from recapkit.importing.speakers import heading_speakers, speaker_line
from recapkit.importing.talk import TalkReader


def finish_talks(
    sections: Sequence[TalkReader], listed: Sequence[tuple[int, str]]
) -> tuple[list[Talk], list[Note]]:
    """The talks of the *sections* (one per title: a repeated title is merged into the first)
    and of the items of the opening list (line, title) that no section matches; with the notes."""
    notes: list[Note] = []
    readers: list[TalkReader] = []
    for reader in sections:
        if not reader.speakers and (split := heading_speakers(reader.title)):
            reader.title, found = split[0], split[1]
            reader.speakers.extend(found.speakers)
        same = next((r for r in readers if r.title.casefold() == reader.title.casefold()), None)
        if same is not None:
            same.merge(reader)
            notes.append(
                Note(
                    reader.line,
                    short(reader.title),
                    "repeats an earlier talk's title, merged into it",
                )
            )
            continue
        readers.append(reader)
    for line, title in listed:
        if title and not any(matches(title, r.title) for r in readers):
            readers.append(_from_item(line, title, notes))
    talks = []
    for reader in readers:
        notes.extend(reader.notes)
        talks.append(reader.talk())
    return talks, notes


_item_speaker = lazy_pattern(
    r"\s*[（(](?P<line>(?:嘉宾|讲师|分享人|讲者|speakers?|by)\s*[:：]?\s*[^()（）]+)[)）]$",
    re.I,
)


def _from_item(line: int, title: str, notes: list[Note]) -> TalkReader:
    reader = TalkReader(title=title, line=line)
    labelled = _item_speaker().search(title)
    found = speaker_line(labelled.group("line")) if labelled else None
    if labelled and found and found.speakers and not found.kept:
        reader.title = title[: labelled.start()].strip()
        reader.speakers.extend(found.speakers)
    elif split := heading_speakers(title):
        reader.title = split[0]
        reader.speakers.extend(split[1].speakers)
    notes.append(Note(line, short(title), "talk from the opening list, with no section of its own"))
    return reader
