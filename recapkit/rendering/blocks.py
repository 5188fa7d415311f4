"""Generated blocks: the parts of a post recapkit owns, between two HTML comments.

A template writes ``<!-- recapkit:begin ID -->`` and ``<!-- recapkit:end ID -->`` on lines of
their own around what it generates from data (the ``generated`` macro of
``_common/macros.md.j2``); :func:`seal` then writes into each begin marker the hash of the
block's content as rendered: ``<!-- recapkit:begin facts hash=1a2b3c4d -->``. A block whose
content no longer has that hash was edited by the writer. HTML comments show on no page
(HTML blocks in CommonMark and marked; kramdown needs the blank line the templates write before
an end marker), so the markers stay in the post for the next ``render --update``
(:mod:`recapkit.rendering.update`).

The hash ignores line endings (CRLF or LF), spaces at line ends and blank lines at the block's
edges, so an editor or git that changes those does not make a block look edited.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

from attrs import frozen

from recapkit.errors import RecapkitError

_ID = r"[A-Za-z0-9][A-Za-z0-9_.:-]*"
BEGIN = re.compile(rf"^<!-- recapkit:begin (?P<id>{_ID})(?: hash=(?P<hash>[0-9a-f]+))? -->[ \t]*$")
END = re.compile(rf"^<!-- recapkit:end (?P<id>{_ID}) -->[ \t]*$")
ANY_MARKER = re.compile(r"^<!-- recapkit:(?:begin|end) ")
"""Any line that is meant as a marker (well-formed or not): the importer skips these."""
HASH_LENGTH = 8
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_FENCE_CHARS = re.compile(r"`{3}|~{3}")
_CANDIDATE = re.compile(r"^<!-- recapkit:", re.M)


class BlockSyntaxError(RecapkitError):
    """The markers of a post do not pair up (a begin without its end, nested, repeated ids)."""


@frozen
class GeneratedBlock:
    """One generated block of a text: its id, its recorded hash and where it is.

    Offsets index the text: ``start`` is the begin marker line's first character, ``end`` the
    character after the end marker line's line break (or the text's end); ``content`` spans
    the lines between the markers, line breaks included."""

    id: str
    hash: str | None
    start: int
    end: int
    content_start: int
    content_end: int
    line: int
    """0-based line of the begin marker."""

    def content(self, text: str) -> str:
        return text[self.content_start : self.content_end]

    def edited(self, text: str) -> bool:
        """Whether the content differs from what was rendered (no hash recorded: not known, so no)."""
        return self.hash is not None and content_hash(self.content(text)) != self.hash


def content_hash(content: str) -> str:
    """The short hash of a block's content: CRLF read as LF, spaces at line ends and blank lines
    at either end ignored (an editor's clean-up is no edit)."""
    normal = "\n".join(line.rstrip() for line in content.splitlines()).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _marker_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(0-based line number, offset, line without its line break) of each line of *text* that
    may be a marker and is not inside a fenced code block (a post about recapkit shows markers
    in code): only lines starting ``<!-- recapkit:`` are read, which keeps this pass cheap
    (every render seals its body)."""
    code = _fenced_lines(text)
    number, last = 0, 0
    for match in _CANDIDATE.finditer(text):
        offset = match.start()
        number += text.count("\n", last, offset)
        last = offset
        if number not in code:
            yield number, offset, text[offset : _after_line(text, offset)].rstrip("\r\n")


def _fenced_lines(text: str) -> set[int]:
    """The 0-based lines inside fenced code blocks, as CommonMark reads *text*: fences in list
    items and quotes too, and one left open at a list item's end closes there."""
    if not _FENCE_CHARS.search(text):
        return set()
    from recapkit.post.parsers import body_parser  # only posts that show code pay for parsing

    inside: set[int] = set()
    for token in body_parser()(text):
        if token.type == "fence" and token.map:
            inside.update(range(token.map[0] + 1, token.map[1]))
    return inside


def find_blocks(text: str) -> list[GeneratedBlock]:
    """The generated blocks of *text* in order; :class:`BlockSyntaxError` when markers do not pair."""
    found: list[GeneratedBlock] = []
    open_: tuple[re.Match[str], int, int, int] | None = None  # begin match, line, offset, after
    for number, offset, line in _marker_lines(text):
        if (begin := BEGIN.match(line)) is not None:
            if open_ is not None:
                _fail(number, f"begin of {begin['id']!r} inside block {open_[0]['id']!r}")
            open_ = (begin, number, offset, _after_line(text, offset))
        elif (end := END.match(line)) is not None:
            if open_ is None or open_[0]["id"] != end["id"]:
                _fail(number, f"end of {end['id']!r} without its begin")
            begin, first, start, content_start = open_  # type: ignore[misc]
            after = _after_line(text, offset)
            found.append(
                GeneratedBlock(
                    begin["id"], begin["hash"], start, after, content_start, offset, first
                )
            )
            open_ = None
    if open_ is not None:
        _fail(open_[1], f"block {open_[0]['id']!r} has no end marker")
    _check_unique(found)
    return found


def _after_line(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _check_unique(blocks: list[GeneratedBlock]) -> None:
    seen: set[str] = set()
    for block in blocks:
        if block.id in seen:
            _fail(block.line, f"block {block.id!r} appears twice")
        seen.add(block.id)


def _fail(line: int, message: str) -> None:
    raise BlockSyntaxError(f"line {line + 1}: {message}")


def seal(text: str) -> str:
    """*text* (a rendered body) with each begin marker carrying its block's hash, and repeated
    ids made unique (``talk-x``, ``talk-x-2``: two talks of one programme id)."""
    text = _unique_ids(text)
    out: list[str] = []
    last = 0
    for block in find_blocks(text):
        marker = f"<!-- recapkit:begin {block.id} hash={content_hash(block.content(text))} -->"
        out += [text[last : block.start], marker]
        last = block.start + len(text[block.start :].split("\n", 1)[0].rstrip("\r"))
    return "".join([*out, text[last:]])


def _unique_ids(text: str) -> str:
    counts: dict[str, int] = {}

    def rename(match: re.Match[str]) -> str:
        kind, block_id = match["kind"], match["id"]
        if kind == "begin":
            counts[block_id] = counts.get(block_id, 0) + 1
        n = counts.get(block_id, 1)
        suffix = f"-{n}" if n > 1 else ""
        return f"<!-- recapkit:{kind} {block_id}{suffix}"

    pattern = re.compile(rf"^<!-- recapkit:(?P<kind>begin|end) (?P<id>{_ID})(?= )", re.M)
    return pattern.sub(rename, text)


def block_key(talk: Any, index: int) -> str:
    """The key of a talk's blocks (a Jinja filter): its programme id made safe, else *index*
    (1-based), so a talk keeps its blocks when the programme's order changes."""
    given = getattr(talk, "id", None)
    safe = _UNSAFE.sub("-", str(given)).strip("-.") if given else ""
    return safe or str(index)
