"""Read a post: its front matter, Markdown tokens, images and links, with file positions.

:func:`load_post` never raises because of what a file contains: an empty, binary,
non-UTF-8, oversized or unreadable file gives a :class:`~recapkit.post.types.Post` whose
``problem`` says why (and whose text is empty). See ``docs/posts.md``.
"""

from __future__ import annotations

import bisect
import codecs
import gc
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from recapkit.post.front_matter import read_front_matter
from recapkit.post.front_matter_images import DEFAULT_IMAGE_KEYS, front_matter_images
from recapkit.post.markdown import Extraction, markdown_source, parse_tokens
from recapkit.post.types import ImageKind, LoadProblem, LoadProblemKind, Post

__all__ = ["DEFAULT_IMAGE_KEYS", "DEFAULT_MAX_BYTES", "load_post", "parse_post"]

DEFAULT_MAX_BYTES = 5 * 2**20
_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def load_post(
    path: str | os.PathLike[str],
    *,
    image_keys: Sequence[str] = DEFAULT_IMAGE_KEYS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Read and parse the post at *path* (see :func:`parse_post`)."""
    file = Path(path)
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            return _problem(file, LoadProblemKind.UNREADABLE, "not a regular file")
        if info.st_size > max_bytes:
            return _too_large(file, info.st_size, max_bytes)
        with file.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _problem(
            file, LoadProblemKind.UNREADABLE, f"cannot read file: {exc.strerror or exc}"
        )
    return parse_post(data, file, image_keys=image_keys, max_bytes=max_bytes)


def parse_post(
    source: str | bytes,
    path: str | os.PathLike[str] = "<string>",
    *,
    image_keys: Sequence[str] = DEFAULT_IMAGE_KEYS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Post:
    """Parse a post's content; *source* is the file's bytes or its decoded text."""
    file = Path(path)
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
    return _parse_text(file, text, has_bom, image_keys)


def _parse_text(file: Path, text: str, has_bom: bool, image_keys: Sequence[str]) -> Post:
    # A post is thousands of small acyclic objects (tokens); the cyclic GC would rescan every
    # post still alive each time (40% of a corpus run). Pause it while building one post.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build(file, text, has_bom, image_keys)
    finally:
        if paused:
            gc.enable()


def _build(file: Path, text: str, has_bom: bool, image_keys: Sequence[str]) -> Post:
    front_matter, body_start = read_front_matter(text)
    line_starts = _line_starts(text)
    locate = _locator(line_starts)
    body_line = bisect.bisect_right(line_starts, body_start) - 1
    source = markdown_source(text, body_start, body_line)
    tokens = parse_tokens(source)
    found = Extraction(text, source.split("\n"), locate)
    found.walk(tokens, line_starts)
    found.shortcodes(body_start)
    images = found.images
    if front_matter is not None:

        def offset_of(line: int, column: int) -> int:
            return line_starts[line] + column

        images = front_matter_images(text, front_matter, image_keys, offset_of, locate) + images
    post = Post(
        path=file,
        text=text,
        has_bom=has_bom,
        newline="\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n",
        front_matter=front_matter,
        body_start=body_start,
        tokens=tokens,
        images=tuple(sorted(images, key=lambda ref: (ref.line, ref.column))),
        links=tuple(sorted(found.links, key=lambda ref: (ref.line, ref.column))),
    )
    # Post.line_starts is a cached_property: hand it the list we already built.
    post.__dict__["line_starts"] = line_starts
    code_lines = post.template_code_lines
    if code_lines:  # an image or link in a {% highlight %} sample is code, not content
        post.images = tuple(
            ref
            for ref in post.images
            if ref.kind is ImageKind.FRONT_MATTER or ref.line not in code_lines
        )
        post.links = tuple(ref for ref in post.links if ref.line not in code_lines)
    return post


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _locator(line_starts: list[int]) -> Callable[[int], tuple[int, int]]:
    def locate(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset) - 1
        return line, offset - line_starts[line]

    return locate


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
