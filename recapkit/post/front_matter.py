"""Find a post's front matter block, through python-frontmatter's handler API.

Each format is a handler in python-frontmatter's sense (``detect``, ``split``, ``load``,
``export``, ``format``), so blog tooling that already uses ``frontmatter.loads(text,
handler=...)`` or ``frontmatter.dumps(post)`` gets recapkit's reading and writing. Our handlers
guard the package's known defects: TOML goes through the standard library's ``tomllib`` and
``tomli-w`` (the package's own TOML handler needs the unmaintained ``toml`` and otherwise fails
silently), YAML through the one safe loader of :mod:`recapkit._yaml` (positions, duplicate
keys, YAML 1.1 traps), export keeps key order and dates as written, and ``format`` keeps the
final newline. recapkit itself also needs what ``split`` drops: where the block and each key
are (:meth:`FrontMatterHandler.read`).

Formats: YAML between ``---`` lines, TOML between ``+++`` lines, a JSON object, and YAML lines
closed by ``---`` without an opening one (:class:`OpenlessYAMLHandler`, a form Hexo reads).
A BOM is removed before any handler sees the text (:mod:`recapkit.post.load`), since
python-frontmatter would otherwise miss the block. Nothing here raises for file content: a
block that fails to parse gives a :class:`~recapkit.post.types.FrontMatter` with ``error`` set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
from frontmatter.default_handlers import BaseHandler

from recapkit.errors import RecapkitError
from recapkit.post.front_matter_dump import dump_json, dump_toml, dump_yaml
from recapkit.post.front_matter_parse import DUPLICATE_KEY, JSON_TOKEN, parse_block
from recapkit.post.types import FrontMatter, FrontMatterError, FrontMatterFormat, Span

Found = tuple[FrontMatter | None, int]
"""A front matter block (or None) and the offset where the body starts."""


class FrontMatterSyntaxError(RecapkitError, ValueError):
    """Raised by a handler's ``load`` (the python-frontmatter API) for a block that does not parse."""


class FrontMatterHandler(BaseHandler):
    """A python-frontmatter handler that also finds where its block and keys are."""

    format_: ClassVar[FrontMatterFormat]
    OPEN: ClassVar[re.Pattern[str]]

    def detect(self, text: str) -> bool:
        return self.OPEN.match(text) is not None

    def read(self, text: str) -> Found:
        """The block at the start of *text* with positions, and where the body starts."""
        raise NotImplementedError

    def split(self, text: str) -> tuple[str, str]:
        front_matter, body_start = self.read(text)
        if front_matter is None:
            raise ValueError("no front matter")
        content = front_matter.content_span
        return text[content.start : content.end], text[body_start:]

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        front_matter = parse_block(fm, self.format_, Span(0, len(fm)), Span(0, len(fm)))
        if front_matter.error is not None:
            error = front_matter.error
            raise FrontMatterSyntaxError(f"{error.line + 1}:{error.column + 1}: {error.message}")
        return dict(front_matter.data)

    def export(self, metadata: Mapping[str, Any], **kwargs: object) -> str:
        raise NotImplementedError

    def format(self, post: Any, **kwargs: object) -> str:
        """The whole post: the block with its delimiters, then the content as it is."""
        block = self.export(post.metadata)
        opening = f"{self.START_DELIMITER}\n" if self.START_DELIMITER else ""
        closing = f"{self.END_DELIMITER}\n" if self.END_DELIMITER else "\n"
        return f"{opening}{block}{closing}{post.content}"


class _DelimitedHandler(FrontMatterHandler):
    CLOSE: ClassVar[re.Pattern[str]]

    def read(self, text: str) -> Found:
        match = self.OPEN.match(text)
        if match is None:
            return None, 0
        content_start = match.end()
        close = self.CLOSE.search(text, content_start)
        if close is None:
            # An opening fence that is never closed: report it rather than read the post as Markdown.
            error = FrontMatterError("front matter is opened on line 1 but never closed", 0, 0)
            empty = Span(content_start, content_start)
            return FrontMatter(self.format_, Span(0, content_start), empty, {}, {}, error), (
                content_start
            )
        content = Span(content_start, close.start())
        return parse_block(text, self.format_, Span(0, close.end()), content), close.end()


class YAMLHandler(_DelimitedHandler):
    """YAML between ``---`` lines (the closing one may be ``...``)."""

    format_ = FrontMatterFormat.YAML
    # `[ \t]*` allows trailing blanks (Jekyll and Hexo do); `\r?` keeps CRLF files.
    FM_BOUNDARY = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)
    OPEN = re.compile(r"-{3,}[ \t]*\r?\n")
    CLOSE = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "---"

    def export(self, metadata: Mapping[str, Any], **kwargs: object) -> str:
        return dump_yaml(metadata)


class TOMLHandler(_DelimitedHandler):
    """TOML between ``+++`` lines, read with ``tomllib`` and written with ``tomli-w``."""

    format_ = FrontMatterFormat.TOML
    FM_BOUNDARY = re.compile(r"^\+{3,}[ \t]*\r?$", re.MULTILINE)
    OPEN = re.compile(r"\+{3,}[ \t]*\r?\n")
    CLOSE = re.compile(r"^\+{3,}[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def export(self, metadata: Mapping[str, Any], **kwargs: object) -> str:
        return dump_toml(metadata)


class JSONHandler(FrontMatterHandler):
    """A JSON object at the top of the file; the body starts on the line after its last brace."""

    format_ = FrontMatterFormat.JSON
    FM_BOUNDARY = re.compile(r"^(?:{|})$", re.MULTILINE)
    OPEN = re.compile(r"\{\s*[\"}]")
    START_DELIMITER = END_DELIMITER = ""

    def read(self, text: str) -> Found:
        if not self.detect(text):
            return None, 0
        try:
            _, end = json.JSONDecoder().raw_decode(text)
        except (ValueError, RecursionError):
            end = _json_object_end(text)
        # Hugo ignores the rest of the closing brace's line.
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end + 1
        return parse_block(text, self.format_, Span(0, line_end), Span(0, end)), line_end

    def export(self, metadata: Mapping[str, Any], **kwargs: object) -> str:
        return dump_json(metadata)


def _json_object_end(text: str) -> int:
    """Where the object opened at offset 0 closes (brace matching outside strings), else the end."""
    depth = 0
    for match in JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


class OpenlessYAMLHandler(YAMLHandler):
    """YAML lines closed by ``---`` with no opening ``---``, as Hexo reads a post.

    Conservative: every line before the first ``---`` must look like front matter (``key:
    value``, an indented continuation, a ``- item`` or blank) and the block must be a clean
    mapping; anything else is Markdown with a setext heading.
    """

    OPEN = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n|\r?\Z)")
    _CLOSE = re.compile(r"^-{3,}[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
    _LINE = re.compile(r"(?:[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?|[ \t].*|-(?:[ \t].*)?|)\r?")
    _MAX_LINES = 200
    START_DELIMITER = ""

    def read(self, text: str) -> Found:
        close = self._CLOSE.search(text) if self.detect(text) else None
        if close is None:
            return None, 0
        lines = text[: close.start()].split("\n")
        if len(lines) > self._MAX_LINES + 1 or not all(self._LINE.fullmatch(x) for x in lines):
            return None, 0
        found = parse_block(text, self.format_, Span(0, close.end()), Span(0, close.start()))
        # A mapping whose only fault is a repeated key is still one (and Hexo refuses to build it).
        error = found.error
        if (error is not None and not error.message.startswith(DUPLICATE_KEY)) or (
            error is None and not found.data
        ):
            return None, 0
        return _openless(found), close.end()


def _openless(found: FrontMatter) -> FrontMatter:
    return attrs.evolve(found, opening_delimiter_missing=True)


HANDLERS: tuple[FrontMatterHandler, ...] = (
    YAMLHandler(),
    TOMLHandler(),
    JSONHandler(),
    OpenlessYAMLHandler(),
)
"""Every handler, in the order a post's first characters are tried against them."""


def handler_for(fmt: FrontMatterFormat) -> FrontMatterHandler:
    """The handler that writes *fmt* (the delimited one for YAML)."""
    return next(handler for handler in HANDLERS if handler.format_ is fmt)


def read_front_matter(text: str) -> Found:
    """The front matter at the start of *text* (BOM already removed) and the body's offset."""
    for handler in HANDLERS:
        if handler.detect(text):
            return handler.read(text)
    return None, 0
