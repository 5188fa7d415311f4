"""The front matter half of ``render --update``: minimal text edits of the keys recapkit writes.

A key recapkit writes (title, date, the generator's keys, the recap data) whose value in the
fresh render differs from the post's gets the fresh render's text for that one entry; every
other byte of the block stays (the writer's keys, comments, order, quoting). A key the post does
not have is not added, and a key the fresh render does not write is not removed: the writer
may have removed or added it on purpose. Values are compared parsed, so a date or a string
written another way but meaning the same is left alone.

YAML: an entry is a top-level key with its lines (comment lines after it stay). TOML: an
entry is one ``key = value`` in its table (Zola's ``[extra]`` keeps the writer's own keys),
and the recap data (``[recap]`` or ``[extra.recap]`` with its sub-tables) is one entry.
JSON front matter is left as it is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from recapkit.post.front_matter import read_front_matter
from recapkit.post.types import FrontMatter, FrontMatterFormat

Path_ = tuple[str | int, ...]
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_TOML_HEADER = re.compile(rf"^[ \t]*(\[\[?)[ \t]*(?P<name>{_DOTTED})[ \t]*\]\]?[ \t]*(?:#.*)?$")
_TOML_KEY = re.compile(rf"^[ \t]*(?P<key>{_DOTTED})[ \t]*=")
_MISSING = object()


@frozen
class Entry:
    """Where one entry is in a text: ``text[start:end]`` (its lines, the last line break included)."""

    start: int
    end: int


def update_front_matter(old: str, new: str) -> tuple[str, list[str]]:
    """*old* (a post, BOM removed) with the front matter entries of *new* (a fresh render)
    whose values differ; and notes on what could not be updated."""
    old_fm, _ = read_front_matter(old)
    new_fm, _ = read_front_matter(new)
    if old_fm is None or new_fm is None:
        return old, ["the post has no front matter: left as it is"]
    if old_fm.error is not None:
        return old, [f"the front matter does not parse ({old_fm.error.message}): left as it is"]
    if old_fm.format is not new_fm.format or old_fm.format is FrontMatterFormat.JSON:
        return old, [f"{old_fm.format} front matter is not updated: left as it is"]
    prefix = _recap_prefix(new_fm.data)
    old_entries = _entries(old, old_fm, prefix)
    new_entries = _entries(new, new_fm, prefix)
    newline = "\r\n" if "\r\n" in old[old_fm.span.start : old_fm.span.end] else "\n"
    edits: list[tuple[int, int, str]] = []
    for path, fresh in new_entries.items():
        current = old_entries.get(path)
        if current is None or _lookup(old_fm.data, path) == _lookup(new_fm.data, path):
            continue
        text = new[fresh.start : fresh.end].replace("\r\n", "\n")
        edits.append((current.start, current.end, text.replace("\n", newline)))
    for start, end, text in sorted(edits, reverse=True):
        old = old[:start] + text + old[end:]
    return old, []


def _recap_prefix(data: Mapping[str, Any]) -> Path_:
    extra = data.get("extra")
    if "recap" not in data and isinstance(extra, Mapping) and "recap" in extra:
        return ("extra", "recap")
    return ("recap",)


def _lookup(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (LookupError, TypeError):
            return _MISSING
    return data


def _entries(text: str, fm: FrontMatter, prefix: Path_) -> dict[Path_, Entry]:
    start, end = fm.content_span.start, fm.content_span.end
    if fm.format is FrontMatterFormat.TOML:
        return _toml_entries(text, start, end, prefix)
    return _yaml_entries(text, fm, start, end)


def _line_starts(text: str, start: int, end: int) -> list[int]:
    starts, offset = [], start
    while offset < end:
        starts.append(offset)
        newline = text.find("\n", offset, end)
        offset = end if newline < 0 else newline + 1
    return starts


def _trim(text: str, start: int, end: int) -> Entry:
    """The entry without the blank and comment lines at its end (they belong to what follows)."""
    lines = _line_starts(text, start, end)
    while len(lines) > 1:
        last = text[lines[-1] : end].strip()
        if last and not last.startswith("#"):
            break
        end = lines.pop()
    return Entry(start, end)


def _yaml_entries(text: str, fm: FrontMatter, start: int, end: int) -> dict[Path_, Entry]:
    starts = _line_starts(text, 0, end)
    first_line = text.count("\n", 0, start)
    found = sorted((loc.line, key) for key, loc in fm.key_locations.items())
    entries: dict[Path_, Entry] = {}
    for index, (line, key) in enumerate(found):
        if line < first_line or line >= len(starts):
            continue
        stop = starts[found[index + 1][0]] if index + 1 < len(found) else end
        entries[(key,)] = _trim(text, starts[line], stop)
    return entries


def _toml_entries(text: str, start: int, end: int, prefix: Path_) -> dict[Path_, Entry]:
    """Each ``key = value`` by its full path; the recap tables as one entry at *prefix*, up to
    the next table or key outside them (when the writer has not put one in their midst)."""
    items = list(_toml_items(text, start, end))
    entries = {path: entry for path, entry, header in items if not header}
    inside = [i for i, (path, _, _) in enumerate(items) if path[: len(prefix)] == prefix]
    for path in [path for path in entries if path[: len(prefix)] == prefix]:
        del entries[path]
    if inside and inside[-1] - inside[0] + 1 == len(inside):
        after = inside[-1] + 1
        stop = items[after][1].start if after < len(items) else end
        entries[prefix] = _trim(text, items[inside[0]][1].start, stop)
    return entries


def _toml_items(text: str, start: int, end: int) -> Any:
    """(full path, entry, is a table header) of each header and key of a TOML block."""
    lines = _line_starts(text, start, end)
    table: Path_ = ()
    arrays: dict[Path_, int] = {}
    index = 0
    while index < len(lines):
        line_end = lines[index + 1] if index + 1 < len(lines) else end
        line = text[lines[index] : line_end]
        if (header := _TOML_HEADER.match(line.rstrip("\r\n"))) is not None:
            table = _dotted(header["name"])
            if header.group(1) == "[[":
                arrays[table] = arrays.get(table, -1) + 1
                table = (*table, arrays[table])
            yield table, Entry(lines[index], line_end), True
            index += 1
        elif (key := _TOML_KEY.match(line)) is not None:
            last = _value_end(text, lines, index, end)
            stop = lines[last + 1] if last + 1 < len(lines) else end
            yield (*table, *_dotted(key["key"])), Entry(lines[index], stop), False
            index = last + 1
        else:
            index += 1


def _value_end(text: str, lines: list[int], index: int, end: int) -> int:
    """The last line of the value that starts on line *index* (a multi-line array or string)."""
    for last in range(index, len(lines)):
        stop = lines[last + 1] if last + 1 < len(lines) else end
        try:
            tomllib.loads(text[lines[index] : stop])
        except tomllib.TOMLDecodeError:
            continue
        return last
    return index


def _dotted(name: str) -> tuple[str, ...]:
    """The parts of a dotted TOML key (quoted parts unescaped, as TOML reads them)."""
    try:
        tree: Any = tomllib.loads(f"{name} = 0")
    except tomllib.TOMLDecodeError:
        return (name,)
    parts: list[str] = []
    while isinstance(tree, dict) and len(tree) == 1:
        key = next(iter(tree))
        parts.append(key)
        tree = tree[key]
    return tuple(parts)
