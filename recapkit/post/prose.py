"""Where a post's prose is: the text a reader reads, as exact pieces of :attr:`Post.text`.

Style rules about words and punctuation (the RK6 CJK rules) must never touch what is not prose:
code spans and blocks, link and image destinations, HTML, shortcodes and template tags, URLs,
front matter keys. Rather than guess that from the raw text, the pieces are the ``text`` tokens
markdown-it made when the post was read, each found again in its block's source and kept only
when the file holds exactly that text there (an escape or an entity changes a token's text:
such a token is left out, so a position is never approximate). Front matter values
(``title``, ``description``) and image alt text are prose too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.post.markdown import InlineMap, markdown_source
from recapkit.post.token import Token
from recapkit.post.types import ImageKind, Post

# Text that reads as prose to Markdown but is not prose to a reader: a URL, an email address, a
# template tag or shortcode (`{{< figure >}}`, `{% asset_img %}`, `{{ site.url }}`), a Chinese
# site's registration number (`沪ICP备11037377号-56`, `京公网安备 11010502030143号`: shown as
# issued, not spaced like words). Linear on any line: a tag's scan stops at the next brace, an
# address starts only where a run of its characters does, and a URL always matches once begun.
_not_prose = lazy_pattern(
    r"[\u4e00-\u9fff]{1,3}ICP[备证]\d{1,12}号(?:-\d{1,4})?"
    r"|[\u4e00-\u9fff]{1,3}公网安备 ?\d{1,20}号"
    r"|(?:https?|ftp)://[^\s<>\"'\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]{1,2000}"
    r"|\bwww\.[^\s<>\"'\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]{1,2000}"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
    r"|\{\{[^{}\n]{0,2000}\}\}|\{%[^{}\n]{0,2000}%\}|\{#[^{}\n]{0,2000}#\}"
)


# Text without any of these holds none of the above (most prose): no need to search it.
_NOT_PROSE_HINTS = ("://", "www.", "@", "{", "ICP", "公网安备")
_NESTING = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_FRONT_MATTER_PROSE = ("title", "description")


@frozen
class Piece:
    """``text[start:end]`` of :attr:`Post.text`: prose, with how it joins the piece before it."""

    start: int
    end: int
    joined: bool = False
    """Only inline markup (emphasis delimiters, a link's brackets and destination) separates it
    from the previous piece: a reader sees the two as one run of text."""
    depth: int = 0
    """How deep in emphasis and links it is."""
    floor: int = 0
    """The shallowest depth between the previous piece and this one: equal to the previous
    piece's depth, the markup between them only opens (a space belongs before it); equal to
    this piece's, it only closes (a space goes after it); below both, it closes and opens."""
    across_link: bool = False
    """The markup between it and the previous piece is a link's edge (``[`` or ``](url)``)."""
    closing: int | None = None
    """How many characters of emphasis delimiters close right after the previous piece, before
    any opens (``**`` in ``**中***Go*``); None when a link closes there too."""


def prose_pieces(post: Post, front_matter_keys: Sequence[str] = _FRONT_MATTER_PROSE) -> list[Piece]:
    """Every prose piece of *post* in file order: front matter values, body text, alt text."""
    pieces = list(_front_matter(post, front_matter_keys))
    if post.tokens:
        body_line = post.location(post.body_start).line
        source = markdown_source(post.text, post.body_start, body_line).split("\n")
        pieces += _body(post, source)
    pieces += _alts(post)
    return sorted(pieces, key=lambda piece: piece.start)


def _body(post: Post, source: Sequence[str]) -> Iterator[Piece]:
    cursors: dict[int, int] = {}
    in_table = False
    for token in post.tokens:
        if token.type == "table_open":
            in_table = True
        elif token.type == "table_close":
            in_table = False
        elif token.type == "inline" and token.children and token.map:
            if token.map[0] in post.code.lines:  # a paragraph inside {% highlight %} is code
                continue
            where = InlineMap(_first_text_line(token, source), source, in_table, cursors)
            yield from _inline(post, token, where)


def _first_text_line(token: Token, source: Sequence[str]) -> Token:
    """*token*, or a copy whose map starts at its first line with text: markdown-it strips a
    paragraph's content with Python's ``str.strip``, which takes lines of ideographic spaces
    (U+3000, a Chinese paragraph indent) with it, so the content starts lines later."""
    assert token.map is not None
    first, end = token.map
    while first < end - 1 and first < len(source) and not source[first].strip():
        first += 1
    if first == token.map[0]:
        return token
    moved = copy.copy(token)
    moved.map = [first, end]
    return moved


def _inline(post: Post, token: Token, where: InlineMap) -> Iterator[Piece]:
    """The text children of one inline token, located in the file."""
    content = token.content
    cursor, depth, joined, across, autolink, link_end = 0, 0, False, False, False, 0
    floor, opened = 0, False
    closed: int | None = 0  # characters of emphasis closed since the last text (see Piece)
    for child in token.children or []:
        kind = child.type
        span = child.meta.get("span")
        if kind == "text" and not child.content:
            continue  # markdown-it leaves empty text tokens between delimiters
        if kind == "text" and not autolink:
            found = content.find(child.content, cursor)
            if found < 0:
                joined = False
                continue
            cursor = found + len(child.content)
            in_file = _file_span(post, where, content, found, cursor)
            if in_file is None:  # text left out: what follows does not touch what came before
                joined = False
                continue
            for piece in _split(post, in_file):
                yield Piece(
                    piece[0],
                    piece[1],
                    joined and piece[2],
                    depth,
                    floor,
                    across and piece[2],
                    closed,
                )
                joined, across, floor, closed, opened = True, False, depth, 0, False
            continue
        if kind in _NESTING or kind in ("link_open", "link_close"):
            opening = kind.endswith("_open")
            depth += 1 if opening else -1
            floor = min(floor, depth)
            closed = _closed(closed, child, opening=opening, after_opening=opened)
            opened = opened or opening
            across = across or kind.startswith("link")
            if kind == "link_open" and span is not None:
                autolink = child.markup == "autolink"
                cursor = max(cursor, span[0] + 1)
                link_end = span[1]
            elif kind == "link_close":
                cursor = max(cursor, link_end)
                autolink = False
            continue
        joined = False  # code, HTML, an image, a line break: the run of text ends
        if span is not None:
            cursor = max(cursor, span[1])


def _closed(closed: int | None, token: Token, *, opening: bool, after_opening: bool) -> int | None:
    """:attr:`Piece.closing` after *token*, given what it was: emphasis closing before anything
    opens adds its delimiters; a link's edge makes it unknown."""
    if closed is None or opening or after_opening:
        return closed
    return closed + len(token.markup) if token.type in _NESTING else None


def _file_span(
    post: Post, where: InlineMap, content: str, start: int, end: int
) -> tuple[int, int] | None:
    """File offsets of ``content[start:end]`` (on one line), or None unless the file holds
    exactly that text there."""
    line, column = where.position(start)
    offset = post.offset(line, column) if line < post.lines.line_count() else -1
    if offset < 0 or post.text[offset : offset + end - start] != content[start:end]:
        return None
    return offset, offset + end - start


def _split(post: Post, span: tuple[int, int]) -> Iterator[tuple[int, int, bool]]:
    """*span* without URLs and template tags: (start, end, joined to what came before)."""
    start, end = span
    joined = True
    text = post.text[start:end]
    if not any(hint in text for hint in _NOT_PROSE_HINTS):
        yield start, end, joined
        return
    for match in _not_prose().finditer(post.text, start, end):
        if match.start() > start:
            yield start, match.start(), joined
        start, joined = match.end(), False
    if start < end:
        yield start, end, joined


def _front_matter(post: Post, keys: Sequence[str]) -> Iterator[Piece]:
    """The values of *keys*, where the key's line holds the value exactly as parsed."""
    front = post.front_matter
    if front is None:
        return
    for key in keys:
        value = front.data.get(key)
        where = front.key_locations.get(key)
        if not isinstance(value, str) or not value or where is None or "\n" in value:
            continue
        line_start = post.offset(where.line, where.column + len(key))
        line_end = post.lines.line_end(where.line)
        found = post.text.find(value, line_start, line_end)
        if found >= 0 and post.text.find(value, found + 1, line_end) < 0:
            for start, end, _joined in _split(post, (found, found + len(value))):
                yield Piece(start, end)


def _alts(post: Post) -> Iterator[Piece]:
    """The alt text of Markdown and HTML images, where the syntax holds it verbatim."""
    for image in post.images:
        if not image.alt or image.kind is ImageKind.FRONT_MATTER:
            continue
        start = post.offset(image.line, image.column)
        end = post.offset(image.end_line, image.end_column)
        raw = post.text[start:end]
        if image.kind in (ImageKind.MARKDOWN, ImageKind.MARKDOWN_REFERENCE):
            at = 2 if raw.startswith("![" + image.alt) else -1
        else:
            attribute = re.search(r"""\balt\s*=\s*["']?""", raw, re.IGNORECASE)
            at = attribute.end() if attribute and raw.startswith(image.alt, attribute.end()) else -1
        if at >= 0:
            for piece_start, piece_end, _joined in _split(
                post, (start + at, start + at + len(image.alt))
            ):
                yield Piece(piece_start, piece_end)
