"""Read a post: its front matter, Markdown tokens, images, links and code, with file positions.

:func:`load_post` never raises because of what a file contains: an empty, binary,
non-UTF-8, oversized or unreadable file gives a :class:`~recapkit.post.types.Post` whose
``problem`` says why (and whose text is empty). Which template tags show images or hold code
depends on the site's generator: callers pass its :class:`~recapkit.post.ssg_tags.TagSyntax`
(``recapkit.load_post`` finds it for them). See ``docs/posts.md``.
"""

from __future__ import annotations

import codecs
import gc
import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit._read import NotRegularFile, TooLarge, read_limited
from recapkit._text import lone_surrogate
from recapkit.post.front_matter import handler_for, read_front_matter
from recapkit.post.front_matter_images import front_matter_images
from recapkit.post.parsers import body_parser
from recapkit.post.ssg_tags import TagSyntax, code_tag_lines
from recapkit.post.types import (
    Body,
    CodeMap,
    FrontMatterFormat,
    LoadProblem,
    LoadProblemKind,
    Post,
)

if TYPE_CHECKING:
    import frontmatter

__all__ = ["DEFAULT_MAX_BYTES", "load_post", "parse_post", "to_frontmatter"]

DEFAULT_MAX_BYTES = 5 * 2**20
_NO_TAGS = TagSyntax()
_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def load_post(
    path: str | os.PathLike[str],
    *,
    syntax: TagSyntax = _NO_TAGS,
    image_keys: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Read and parse the post at *path* (see :func:`parse_post`)."""
    file = Path(path)
    try:
        data = read_limited(file, max_bytes)
    except TooLarge as exc:
        return _too_large(file, exc.size, max_bytes)
    except NotRegularFile as exc:
        return _problem(file, LoadProblemKind.UNREADABLE, str(exc))
    except OSError as exc:
        return _problem(
            file, LoadProblemKind.UNREADABLE, f"cannot read file: {exc.strerror or exc}"
        )
    return parse_post(data, file, syntax=syntax, image_keys=image_keys, max_bytes=max_bytes)


def parse_post(
    source: str | bytes | frontmatter.Post,
    path: str | os.PathLike[str] = "<string>",
    *,
    syntax: TagSyntax = _NO_TAGS,
    image_keys: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Parse a post's content: the file's bytes, its decoded text, or a python-frontmatter
    ``Post`` (written out with recapkit's handler for its format first).

    *syntax* names the template tags that show images or hold code; *image_keys* the front
    matter keys whose values are images.
    """
    file = Path(path)
    if not isinstance(source, str | bytes):
        try:
            source = _frontmatter_text(source)
        except UnicodeEncodeError:  # the YAML emitter refuses a lone surrogate in a value
            message = "front matter holds a lone surrogate: not encodable text"
            return _problem(file, LoadProblemKind.BINARY, message)
    if isinstance(source, bytes):
        decoded = _decode(file, source, max_bytes)
        if isinstance(decoded, Post):
            return decoded
        text, has_bom = decoded
    else:
        has_bom = source.startswith("\ufeff")
        text = source[1:] if has_bom else source
        if len(text) * 4 > max_bytes and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            return _too_large(file, len(text.encode("utf-8", "surrogatepass")), max_bytes)
        problem = _text_problem(file, text)
        if problem is not None:
            return problem
    front_matter, body_start = read_front_matter(text)
    return Post(
        path=file,
        text=text,
        has_bom=has_bom,
        newline="\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n",
        front_matter=front_matter,
        body_start=body_start,
        parse_body=partial(_parse_body, syntax, tuple(image_keys)),
    )


def _parse_body(syntax: TagSyntax, image_keys: Sequence[str], post: Post) -> Body:
    """The body's tokens, images, links and code map (:attr:`Post.parse_body`)."""
    # A post is thousands of small acyclic objects (tokens); the cyclic GC would rescan every
    # post still alive each time (40% of a corpus run). Pause it while building one body.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _body(post, syntax, image_keys)
    finally:
        if paused:
            gc.enable()


def _body(post: Post, syntax: TagSyntax, image_keys: Sequence[str]) -> Body:
    # Imported here: a run whose rules never ask for the body imports no Markdown parser.
    from recapkit.post.markdown import Extraction, markdown_source

    text, body_start, lines = post.text, post.body_start, post.lines
    source = markdown_source(text, body_start, lines.position(body_start)[0])
    tokens = body_parser()(source)
    found = Extraction(lines, source.split("\n"))
    found.walk(tokens, lines.starts)
    found.tag_images(body_start, syntax, lines)
    tag_lines = frozenset(code_tag_lines(text, body_start, syntax, lines))
    code = CodeMap(
        lines=frozenset(found.code_lines) | tag_lines,
        tag_lines=tag_lines,
        spans=tuple(sorted((lines.offset(*a), lines.offset(*b)) for a, b in found.code_spans)),
    )
    images = found.images
    links = found.links
    if tag_lines:  # an image or link in a {% highlight %} sample is code, not content
        images = [ref for ref in images if ref.line not in tag_lines]
        links = [ref for ref in links if ref.line not in tag_lines]
    if post.front_matter is not None:
        images = front_matter_images(post.front_matter, image_keys, lines) + images
    return Body(
        tokens=tokens,
        images=tuple(sorted(images, key=lambda ref: (ref.line, ref.column))),
        links=tuple(sorted(links, key=lambda ref: (ref.line, ref.column))),
        code=code,
    )


def _frontmatter_text(post: frontmatter.Post) -> str:
    import frontmatter as python_frontmatter

    handler = post.handler or handler_for(FrontMatterFormat.YAML)
    text: str = python_frontmatter.dumps(post, handler=handler)
    return text


def to_frontmatter(post: Post) -> frontmatter.Post:
    """*post* as a python-frontmatter ``Post`` (its metadata and body) whose handler is
    recapkit's for the post's format: ``frontmatter.dumps()`` of it writes the front matter the
    way recapkit does (keys in order, dates as given, the final newline kept)."""
    import frontmatter as python_frontmatter

    fmt = post.front_matter.format if post.front_matter else FrontMatterFormat.YAML
    return python_frontmatter.Post(post.body, handler_for(fmt), **dict(post.data))


def _decode(file: Path, data: bytes, max_bytes: int) -> tuple[str, bool] | Post:
    if len(data) > max_bytes:
        return _too_large(file, len(data), max_bytes)
    if data.startswith(_UTF16_32_BOMS):
        return _problem(
            file, LoadProblemKind.NOT_UTF8, "file is UTF-16 or UTF-32; save it as UTF-8"
        )
    has_bom = data.startswith(codecs.BOM_UTF8)
    if has_bom:
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(data, nul)
        return _problem(
            file, LoadProblemKind.BINARY, "file contains NUL bytes: not a text file", line, column
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        message = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        return _problem(file, LoadProblemKind.NOT_UTF8, message, line, column)
    problem = _text_problem(file, text)
    return problem if problem is not None else (text, has_bom)


def _text_problem(file: Path, text: str) -> Post | None:
    if not text.strip():
        return _problem(file, LoadProblemKind.EMPTY, "file is empty")
    nul = text.find("\x00")
    if nul != -1:
        line = text.count("\n", 0, nul)
        column = nul - (text.rfind("\n", 0, nul) + 1)
        return _problem(
            file,
            LoadProblemKind.BINARY,
            "file contains NUL characters: not a text file",
            line,
            column,
        )
    surrogate = lone_surrogate(text)
    if surrogate is not None:  # only text handed over as str can hold one: bytes decode strictly
        line = text.count("\n", 0, surrogate)
        column = surrogate - (text.rfind("\n", 0, surrogate) + 1)
        message = f"text holds U+{ord(text[surrogate]):04X}, a lone surrogate: not encodable text"
        return _problem(file, LoadProblemKind.BINARY, message, line, column)
    return None


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and (character) column of byte *index*; the prefix before it decodes cleanly."""
    line = data.count(b"\n", 0, index)
    line_start = data.rfind(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", "replace"))
    return line, column


def _too_large(file: Path, size: int, max_bytes: int) -> Post:
    message = f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for a post"
    return _problem(file, LoadProblemKind.TOO_LARGE, message)


def _problem(
    file: Path, kind: LoadProblemKind, message: str, line: int = 0, column: int = 0
) -> Post:
    return Post(path=file, text="", problem=LoadProblem(kind, message, line, column))
