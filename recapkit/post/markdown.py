"""A post's body as the parsers see it, and every image and link of its tokens with its position.

Either parser (:mod:`recapkit.post.parsers`) gives block tokens a ``map`` (lines) and the
tokens of images, links, raw HTML and code spans ``meta["span"]``: where they start and end in
their block's inline source. :class:`Extraction` maps that back to the file line by line.
Shortcodes and template tags are not Markdown: the site generator's
:class:`~recapkit.post.ssg_tags.TagSyntax` finds them, and code blocks and code spans are
skipped.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from recapkit._text import LineIndex
from recapkit.post.inline_text import plain_text
from recapkit.post.ssg_tags import TagSyntax, tag_images
from recapkit.post.types import ImageKind, ImageRef, LinkKind, LinkRef

if TYPE_CHECKING:
    from recapkit.post.token import Token

Position = tuple[int, int]

_NBSP = "\u00a0"
# Jekyll writes `![x]({{ site.baseurl }}/img/x.png)`: Liquid runs before Markdown there, but
# CommonMark stops a destination at the first space. Inside `](`/`]: ` we hide the spaces
# of such an expression (same length, so positions hold) and put them back in the src.
# Jekyll's `{% post_url 2021-06-28-x %}` (a link to another post) is treated alike.
_EXPRESSION = r"(?:\{\{[^{}\n]{1,80}\}\}|\{%-?\s*post_url\s[^{}%\n]{1,80}%\})"
_LIQUID_DESTINATION = re.compile(r"(?:(?<=\]\()|(?<=\]\(<)|(?<=\]:[ \t]))" + _EXPRESSION + "+")
_LIQUID = re.compile(_EXPRESSION)

_HTML_TAG = re.compile(r"""<(img|a)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def markdown_source(text: str, body_start: int, body_line: int) -> str:
    """The body as markdown-it should see it: front matter lines blank, same lines and columns.

    A lone ``\\r`` would be a line break to markdown-it but not to us, so it becomes a space.
    """
    body = text[body_start:]
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", " ")
    if "{{" in body:
        body = _LIQUID_DESTINATION.sub(lambda m: m.group().replace(" ", _NBSP), body)
    return "\n" * body_line + body


class Extraction:
    """Images, links and code spans found while walking the tokens (0-based file positions)."""

    def __init__(self, lines: LineIndex, source_lines: Sequence[str]) -> None:
        self.text = lines.text
        self.lines = source_lines
        self.locate = lines.position
        self.images: list[ImageRef] = []
        self.links: list[LinkRef] = []
        self.code_spans: list[tuple[Position, Position]] = []
        self.code_lines: set[int] = set()

    def walk(self, tokens: Sequence[Token], line_starts: Sequence[int]) -> None:
        """Collect the images, links and code of the block *tokens*."""
        cursors: dict[int, int] = {}
        in_table = False
        for token in tokens:
            kind = token.type
            if kind == "inline" and token.children and token.map:
                self._inline(token, in_table, cursors)
            elif kind in ("fence", "code_block") and token.map:
                self.code_lines.update(range(token.map[0], token.map[1]))
            elif kind == "html_block" and token.map:
                start = line_starts[token.map[0]]
                end = (
                    line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(self.text)
                )
                self._html(self.text[start:end], start)
            elif kind == "table_open":
                in_table = True
            elif kind == "table_close":
                in_table = False

    def _inline(self, token: Token, in_table: bool, cursors: dict[int, int]) -> None:
        children = token.children or []
        if not any("span" in child.meta for child in children):
            return
        where = InlineMap(token, self.lines, in_table, cursors)
        link_texts: dict[int, str] | None = None
        for index, child in enumerate(children):
            span = child.meta.get("span")
            if span is None:
                continue
            start, end = where.position(span[0]), where.position(span[1])
            raw = token.content[span[0] : span[1]]
            if child.type == "image":
                self.images.append(_markdown_image(child, raw, start, end))
            elif child.type == "link_open":
                self.links.append(_markdown_link(children, index, raw, start, end))
            elif child.type == "code_inline":
                self.code_spans.append((start, end))
            elif child.type == "html_inline" and raw[:2].lower() in ("<a", "<i"):
                if link_texts is None and _is_a_open(raw):
                    link_texts = _html_link_texts(children)
                text = link_texts.get(index) if link_texts is not None else None
                self._html_tag(raw, start, end, text)

    def _html(self, block: str, offset: int) -> None:
        comments = [m.span() for m in _HTML_COMMENT.finditer(block)] if "<!--" in block else []
        for match in _HTML_TAG.finditer(block):
            if any(a <= match.start() < b for a, b in comments):
                continue
            text = None
            if match.group(1).lower() == "a":
                # Bounded: a block of unclosed <a> tags must not cost quadratic time.
                close = _HTML_A_CLOSE.search(block, match.end(), match.end() + 2000)
                text = _TAGS.sub("", block[match.end() : close.start()]) if close else ""
            start = self.locate(offset + match.start())
            end = self.locate(offset + match.end())
            self._html_tag(match.group(), start, end, text)

    def _html_tag(self, raw: str, start: Position, end: Position, text: str | None) -> None:
        match = _HTML_TAG.match(raw)
        if match is None:
            return
        attributes = _html_attrs(match.group(2))
        if match.group(1).lower() == "img":
            src = attributes.get("src", attributes.get("data-src", ""))
            ref = ImageRef(src, attributes.get("alt"), ImageKind.HTML, *start, *end)
            self.images.append(_titled(ref, attributes.get("title")))
        elif "href" in attributes:
            link_text = html.unescape(text or "").strip()
            self.links.append(LinkRef(attributes["href"], link_text, LinkKind.HTML, *start, *end))

    def tag_images(self, body_start: int, syntax: TagSyntax, lines: LineIndex) -> None:
        """The images of the generator's shortcodes and tags (``{{< figure >}}``, ...)."""
        html_images = {(ref.line, ref.column) for ref in self.images if ref.kind is ImageKind.HTML}
        for match, ref in tag_images(self.text, body_start, syntax, lines):
            start = self.locate(match.start())
            if start[0] in self.code_lines or self._in_code_span(start):
                continue
            if ref is not None:
                self.images.append(ref)
            # `{{<img src="x">}}` also reads as inline HTML `<img src="x">`: keep the shortcode.
            inner = self.locate(match.start() + 2)
            if inner in html_images:
                self.images = [
                    i
                    for i in self.images
                    if not (i.kind is ImageKind.HTML and (i.line, i.column) == inner)
                ]

    def _in_code_span(self, where: Position) -> bool:
        return any(a <= where < b for a, b in self.code_spans)


class InlineMap:
    """Maps offsets in an inline token's content to file positions.

    The content is the block's lines with indentation, list and quote markers removed, one
    content line per source line, so each content line is found again in its source line.
    Table cells share a line: a per-line cursor keeps identical cells apart.
    """

    def __init__(
        self, token: Token, lines: Sequence[str], in_table: bool, cursors: dict[int, int]
    ) -> None:
        assert token.map is not None
        content = token.content
        self.first = token.map[0]
        self.offsets = [0]
        self.bases: list[int] = []
        parts = content.split("\n")
        for number, part in enumerate(parts):
            if number:
                self.offsets.append(self.offsets[-1] + len(parts[number - 1]) + 1)
            line_no = self.first + number
            line = lines[line_no] if line_no < len(lines) else ""
            while number == 0 and part and not line.strip() and line_no + 1 < len(lines):
                # A line of Unicode spaces only (U+3000) opens a paragraph (CommonMark's blank
                # lines are spaces and tabs), but markdown-it trims it off the content.
                self.first = line_no = line_no + 1
                line = lines[line_no]
            if in_table:
                base = line.find(part, cursors.get(line_no, 0)) if part else -1
                if base >= 0:
                    cursors[line_no] = base + len(part)
            else:
                base = line.rfind(part) if part else -1
            if base < 0:  # tabs expanded by markdown-it: fall back to the first non-blank
                base = len(line) - len(line.lstrip())
            self.bases.append(base)

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self.offsets, offset) - 1
        return self.first + index, self.bases[index] + offset - self.offsets[index]


def _markdown_image(token: Token, raw: str, start: Position, end: Position) -> ImageRef:
    src = _restore_liquid(str(token.attrs.get("src", "")))
    kind = ImageKind.MARKDOWN if raw.endswith(")") else ImageKind.MARKDOWN_REFERENCE
    ref = ImageRef(src, plain_text(token.children or []), kind, *start, *end)
    title = token.attrs.get("title")
    return _titled(ref, str(title) if title else None)


def _markdown_link(
    children: Sequence[Token], index: int, raw: str, start: Position, end: Position
) -> LinkRef:
    token = children[index]
    url = _restore_liquid(str(token.attrs.get("href", "")))
    depth, inner = 0, []
    for child in children[index + 1 :]:
        if child.type == "link_close" and depth == 0:
            break
        depth += child.nesting if child.type in ("link_open", "link_close") else 0
        inner.append(child)
    if token.markup == "autolink":
        kind = LinkKind.AUTOLINK
    else:
        kind = LinkKind.MARKDOWN if raw.endswith(")") else LinkKind.MARKDOWN_REFERENCE
    return LinkRef(url, plain_text(inner), kind, *start, *end)


def _titled(ref: ImageRef, title: str | None) -> ImageRef:
    return attrs.evolve(ref, title=title) if title else ref


def _is_a_open(raw: str) -> bool:
    return raw[:3].lower() in ("<a ", "<a\t", "<a\n", "<a>")


def _html_link_texts(children: Sequence[Token]) -> dict[int, str]:
    """Index of each inline ``<a ...>`` -> the text up to its ``</a>`` (one linear pass)."""
    texts: dict[int, str] = {}
    open_at: int | None = None
    inner: list[Token] = []
    for index, child in enumerate(children):
        if child.type == "html_inline" and (
            _is_a_open(child.content) or child.content[:3].lower() == "</a"
        ):
            if open_at is not None:
                texts[open_at] = plain_text(inner)
            open_at = index if _is_a_open(child.content) else None
            inner = []
        elif open_at is not None:
            inner.append(child)
    if open_at is not None:
        texts[open_at] = plain_text(inner)
    return texts


def _restore_liquid(src: str) -> str:
    if _NBSP not in src:
        return src
    return _LIQUID.sub(lambda m: m.group().replace(_NBSP, " "), src.replace("{{\u00a0", "{{ "))


def _html_attrs(source: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _HTML_ATTR.finditer(source):
        name = match.group(1).lower()
        if name in attrs:
            continue  # browsers keep the first of duplicate attributes
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs[name] = html.unescape(value)
    return attrs
