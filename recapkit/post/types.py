"""What :func:`recapkit.load_post` returns: a post's text, front matter, body tokens, images and links.

Types only; the reading lives in :mod:`recapkit.post.load`, which never calls up. Positions are 0-based and
file-absolute (``line`` counts from the first line of the file, BOM excluded); offsets are
character offsets into :attr:`Post.text`.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import define, field, frozen

from recapkit._text import LineIndex
from recapkit.post.recap_source import RecapSource, find_sources, sidecar_candidates
from recapkit.post.recap_source import recap_block as recap_block  # re-exported (its old home)
from recapkit.post.recap_source import recap_prefix as recap_prefix

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.token import Token


class FrontMatterFormat(enum.StrEnum):
    """How the front matter is written: ``---`` YAML, ``+++`` TOML or a JSON object."""

    YAML = "yaml"
    TOML = "toml"
    JSON = "json"


class PlainScalar(str):
    """Text written as a plain (unquoted) YAML scalar, e.g. a date in the SSG's own format.

    The text must be something YAML reads back as intended: ``2024-05-18 14:00:00`` (a
    timestamp) or Jekyll's ``2024-05-18 14:00:00 +0800`` (a string Jekyll parses itself). It
    lives here, not beside the dumper, so the generators can make one without importing PyYAML.
    """

    __slots__ = ()


@frozen
class Span:
    """``text[start:end]`` of :attr:`Post.text`."""

    start: int
    end: int


@frozen
class Location:
    """A 0-based line and column."""

    line: int
    column: int


@frozen
class FrontMatterError:
    """Why the front matter could not be parsed, at the parser's position (file-absolute)."""

    message: str
    line: int
    column: int


@frozen
class RawScalar:
    """A top-level YAML value as the writer wrote it: generators read dates from the text (and
    some read quoted and unquoted text differently), not from what PyYAML made of it."""

    text: str
    quoted: bool


@frozen
class FrontMatter:
    """A post's front matter block: where it is, what it says, and where each top-level key is."""

    format: FrontMatterFormat
    span: Span
    """The whole block, delimiters included."""
    content_span: Span
    """The text between the delimiters (for JSON: the object itself)."""
    data: Mapping[str, Any]
    """Parsed values; empty when :attr:`error` is set."""
    key_locations: Mapping[str, Location]
    """Top-level key -> where the key is written."""
    error: FrontMatterError | None = None
    opening_delimiter_missing: bool = False
    """Front matter lines, then ``---``, with no opening ``---`` (a form Hexo reads)."""
    scalars: Mapping[str, RawScalar] = field(factory=dict)
    """YAML: each top-level scalar value as written (TOML and JSON say it by their types)."""


class ImageKind(enum.StrEnum):
    """The syntax an image was written in."""

    MARKDOWN = "markdown"  # ![alt](src)
    MARKDOWN_REFERENCE = "markdown-reference"  # ![alt][ref] with [ref]: src
    HTML = "html"  # <img src alt>
    HUGO_SHORTCODE = "hugo-shortcode"  # {{< figure src= alt= >}}, {{< img ... >}}
    HEXO_TAG = "hexo-tag"  # {% asset_img x.png title %}, {% img /x.png %}
    FRONT_MATTER = "front-matter"  # cover:, image:, images:, featured_image:, photos:


@frozen
class ImageRef:
    """One image of a post, in any syntax, with the position of the whole syntax (0-based)."""

    src: str
    alt: str | None
    """None when the syntax has no alt at all (``<img src=x>``, a shortcode without ``alt``)."""
    kind: ImageKind
    line: int
    column: int
    end_line: int
    end_column: int
    key: str | None = None
    """The front matter key, for :attr:`ImageKind.FRONT_MATTER` (``extra.cover`` under Zola's
    ``[extra]``)."""
    title: str | None = None
    """The title text (Markdown ``"title"``, HTML ``title``, Hexo's title, Hugo's title or
    caption). A browser names an image by its title when alt is absent."""


class LinkKind(enum.StrEnum):
    """The syntax a link was written in."""

    MARKDOWN = "markdown"
    MARKDOWN_REFERENCE = "markdown-reference"
    AUTOLINK = "autolink"
    HTML = "html"


@frozen
class LinkRef:
    """One link of a post (not an image), with the position of the whole syntax (0-based)."""

    url: str
    text: str
    kind: LinkKind
    line: int
    column: int
    end_line: int
    end_column: int


class LoadProblemKind(enum.StrEnum):
    """Why a file could not be read as a post."""

    EMPTY = "empty"
    BINARY = "binary"
    NOT_UTF8 = "not-utf8"
    TOO_LARGE = "too-large"
    UNREADABLE = "unreadable"


@frozen
class LoadProblem:
    """Why a file could not be read as a post; the post then has no text to check."""

    kind: LoadProblemKind
    message: str
    line: int = 0
    column: int = 0


@frozen
class CodeMap:
    """Where a post's code is, decided once when it is read: every rule that must skip code
    (a ``#comment`` that is no heading, a ``TODO(recapkit)`` quoted in a sample, a suppression
    comment shown as an example) asks this one map.

    Code is a fenced or indented code block, an SSG code-block tag pair (``{% highlight %}``,
    ``{{< highlight >}}``: code to the reader, a paragraph to Markdown) or a code span.
    """

    lines: frozenset[int] = frozenset()
    """0-based lines inside code blocks and SSG code-block tags."""
    tag_lines: frozenset[int] = frozenset()
    """The part of :attr:`lines` that SSG code-block tags make code."""
    spans: tuple[tuple[int, int], ...] = ()
    """``[start, end)`` character offsets of the code spans, sorted."""

    def line_is_code(self, line: int) -> bool:
        return line in self.lines

    def in_code(self, offset: int, line: int) -> bool:
        """Whether the character at *offset* (on 0-based *line*) is code."""
        if line in self.lines:
            return True
        index = bisect.bisect_right(self.spans, (offset, _AFTER)) - 1
        return index >= 0 and self.spans[index][0] <= offset < self.spans[index][1]


_AFTER = 2**62


@frozen
class Body:
    """What parsing a post's Markdown body finds (see :attr:`Post.parse_body`)."""

    tokens: list[Token] = field(factory=list)
    images: tuple[ImageRef, ...] = ()
    links: tuple[LinkRef, ...] = ()
    code: CodeMap = field(factory=CodeMap)


_NO_BODY = Body()


@define(slots=False)
class Post:
    """A post as read from disk. Immutable by convention; ``tokens`` is markdown-it-py's list.

    The body is parsed lazily, once: reading :attr:`tokens`, :attr:`images`, :attr:`links` or
    :attr:`code` parses it; the front matter, :attr:`text` and :attr:`lines` never do.
    """

    path: Path
    text: str
    """The file decoded as UTF-8, BOM removed, line endings untouched."""
    has_bom: bool = False
    newline: str = "\n"
    """The file's dominant line ending (``\\n`` or ``\\r\\n``), for edits that add lines."""
    front_matter: FrontMatter | None = None
    body_start: int = 0
    """Offset of the first body character (after the front matter)."""
    problem: LoadProblem | None = None
    parse_body: Callable[[Post], Body] | None = field(default=None, repr=False, eq=False)
    """How to parse the body, called the first time :attr:`tokens`, :attr:`images`,
    :attr:`links` or :attr:`code` is asked for (never, when a run's rules need only the front
    matter or the lines); None: the post has no body to parse."""

    @cached_property
    def _body(self) -> Body:
        return _NO_BODY if self.parse_body is None else self.parse_body(self)

    @property
    def body_parsed(self) -> bool:
        """Whether the Markdown body has been parsed yet (it is parsed once, on first use)."""
        return "_body" in self.__dict__

    @property
    def tokens(self) -> list[Token]:
        """markdown-it-py block tokens of the body with ``map`` lines file-absolute."""
        return self._body.tokens

    @property
    def images(self) -> tuple[ImageRef, ...]:
        """Every image of the post (front matter and body), in file order."""
        return self._body.images

    @property
    def links(self) -> tuple[LinkRef, ...]:
        """Every link of the body (not an image), in file order."""
        return self._body.links

    @property
    def code(self) -> CodeMap:
        """Where the code is (see :class:`CodeMap`)."""
        return self._body.code

    @cached_property
    def lines(self) -> LineIndex:
        """Offsets <-> lines and columns of :attr:`text`."""
        return LineIndex(self.text)

    @property
    def line_starts(self) -> Sequence[int]:
        """Offsets where each line starts (a line ends at ``\\n``; ``\\r\\n`` counts once)."""
        return self.lines.starts

    def location(self, offset: int) -> Location:
        """The 0-based line and column of a character offset."""
        return Location(*self.lines.position(offset))

    def offset(self, line: int, column: int = 0) -> int:
        """The character offset of a 0-based line and column."""
        return self.lines.offset(line, column)

    def in_code(self, offset: int) -> bool:
        """Whether the character at *offset* is code (see :class:`CodeMap`)."""
        return self.code.in_code(offset, self.lines.position(offset)[0])

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def data(self) -> Mapping[str, Any]:
        """The front matter data, or an empty mapping when there is none (or it failed to parse)."""
        return self.front_matter.data if self.front_matter else {}

    data_folder_files: tuple[Path, ...] = ()
    """Where this post's file in the site's data folder may be (``<data>/recaps/<name>.yaml``,
    ...), in the order tried; handed down by the site layer, empty without a site."""
    data_folder_named: bool = False
    """Whether the front matter named that file (``recap_data:``), which then outranks the
    sidecar (see :mod:`recapkit.post.recap_source`)."""

    @cached_property
    def recap_sources(self) -> tuple[RecapSource, ...]:
        """Every place holding this post's recap data, the one :attr:`recap` reads first."""
        if self.problem is not None:
            return ()
        return find_sources(
            self.path, self.data, self.data_folder_files, named=self.data_folder_named
        )

    @property
    def recap_source(self) -> RecapSource | None:
        """Where :attr:`recap` comes from (None: the post carries no recap data)."""
        return self.recap_sources[0] if self.recap_sources else None

    @property
    def recap_candidates(self) -> tuple[Path, ...]:
        """Every file that would give this post recap data if it existed (sidecars, then the
        data folder's): what a cache of its findings depends on."""
        return sidecar_candidates(self.path) + self.data_folder_files

    @cached_property
    def recap(self) -> Recap | None:
        """The typed recap of the post, from the first place that holds it: the front matter
        block (``recap:``; ``[extra.recap]`` in Zola), the data-folder file ``recap_data:``
        names, the sidecar ``<stem>.recap.yaml``, or the site's data folder
        (:mod:`recapkit.post.recap_source`).

        None when the post has none; raises :class:`recapkit.RecapDataError` when the block is
        invalid and :class:`recapkit.DataFileError` (positioned in that file) when a data file
        is.
        """
        source = self.recap_source
        if source is None:
            return None
        if source.path is not None:
            from recapkit.data.files import load_recap  # the model is heavy for lint-only runs

            return load_recap(source.path)
        from recapkit.data.convert import structure_recap

        return structure_recap(recap_block(self.data))
