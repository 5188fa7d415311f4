"""A post body as a flat list of top-level blocks (headings, paragraphs, lists, the rest),
each with its 0-based file lines and its Markdown source, read from the tokens
:func:`recapkit.load_post` made once."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from attrs import frozen

from recapkit.post.types import Post

# `##Title` is a paragraph to CommonMark (MD018) but a heading to its writer.
_NO_SPACE_HEADING = re.compile(r"^(#{2,6})(?=[^#\s])(.+)$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?P<gap>[ \t]+|$)")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
# The markers of recapkit's generated blocks (recapkit.rendering.blocks): not the writer's text.
_MARKER = re.compile(r"^<!-- recapkit:(?:begin|end) [^\n]*-->\s*$")


_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def field_text(text: str) -> str:
    """*text* as a Markdown field of the recap: blank lines at its edges and spaces at its end
    dropped, but not the first line's indent (four spaces there make a code block)."""
    return _LEADING_BLANK_LINES.sub("", text).rstrip()


class Kind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"
    OTHER = "other"  # code, HTML, quotes, tables, rules: kept as written


@frozen
class Item:
    """One list item: its first line and its Markdown without the marker (dedented)."""

    line: int
    source: str


@frozen
class Block:
    kind: Kind
    line: int
    """0-based first line in the file."""
    source: str
    """The block's Markdown (a heading's: its inline text only)."""
    level: int = 0
    """A heading's level."""
    ordered: bool = False
    items: tuple[Item, ...] = ()


def read_blocks(post: Post) -> list[Block]:
    """The top-level blocks of *post*'s body, in order."""
    lines = [line.rstrip("\r") for line in post.text.split("\n")]
    found: list[Block] = []
    tokens = post.tokens
    for index, token in enumerate(tokens):
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        if token.type == "html_block" and _MARKER.match(token.content):
            continue
        start, end = token.map
        source = "\n".join(lines[start:end]).strip("\n")
        if token.type == "heading_open":
            found.append(_heading(int(token.tag[1]), start, lines[start : end or start + 1]))
        elif token.type == "paragraph_open":
            found.extend(_paragraph(start, lines[start:end]))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = _items(tokens[index + 1 :], lines)
            ordered = token.type == "ordered_list_open"
            found.append(Block(Kind.LIST, start, source, ordered=ordered, items=items))
        else:
            found.append(Block(Kind.OTHER, start, source))
    return found


def _heading(level: int, line: int, raw: Sequence[str]) -> Block:
    if len(raw) > 1 or not _ATX.match(raw[0]):  # setext: text lines, then the underline
        text = " ".join(part.strip() for part in raw[:-1])
    else:
        text = _ATX_CLOSE.sub("", _ATX.sub("", raw[0], count=1)).strip()
    return Block(Kind.HEADING, line, text, level=level)


def _paragraph(line: int, raw: Sequence[str]) -> list[Block]:
    """A paragraph; one whose first line is ``##Title`` is that heading, then the rest."""
    match = _NO_SPACE_HEADING.match(raw[0])
    if match is None:
        return [Block(Kind.PARAGRAPH, line, "\n".join(raw).strip("\n"))]
    heading = Block(Kind.HEADING, line, match.group(2).strip(), level=len(match.group(1)))
    rest = "\n".join(raw[1:]).strip("\n")
    return [heading, Block(Kind.PARAGRAPH, line + 1, rest)] if rest else [heading]


def _items(tokens: Sequence[object], lines: Sequence[str]) -> tuple[Item, ...]:
    items: list[Item] = []
    for token in tokens:
        level, kind, where = (getattr(token, name) for name in ("level", "type", "map"))
        if level == 0:  # the list's own closing token
            break
        if kind == "list_item_open" and level == 1 and where is not None:
            items.append(_item(where[0], lines[where[0] : where[1]]))
    return tuple(items)


def _item(line: int, raw: Sequence[str]) -> Item:
    marker = _LIST_MARKER.match(raw[0])
    width = marker.end() if marker else 0
    if marker and len(marker["gap"]) > 4:  # CommonMark: one space, then an indented code block
        width = marker.start("gap") + 1
    rest = [_dedent(text, width) for text in raw[1:]]
    return Item(line, "\n".join([raw[0][width:], *rest]).strip("\n"))


def _dedent(text: str, width: int) -> str:
    spaces = len(text) - len(text.lstrip(" "))
    return text[min(spaces, width) :]


def heading_markdown(block: Block) -> str:
    """A heading kept inside a text (a talk's summary, the lead): at level 3 or deeper, since a
    rendered post gives level 2 to the talks and the recap's parts. Idempotent, so a kept heading
    keeps its level through ``render`` and ``import`` again."""
    return "#" * max(3, block.level) + " " + block.source
