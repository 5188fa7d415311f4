"""The RK104 fix: rewrite one front matter string value into a flow list, touching nothing else.

``tags:  gdg event summary  # comment`` becomes ``tags:  [gdg, event, summary]  # comment``:
only the value's characters are replaced. The edit is offered only when re-parsing the edited
front matter gives exactly the old data with that one key turned into the list, so a fix can
never change another key, drop a comment's meaning or break the block.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Edit
from recapkit.post.types import FrontMatterFormat

if TYPE_CHECKING:
    from recapkit.post.types import Post

Items = list[str] | list[list[str]]
"""What a fixed value becomes: a list of words, or Hexo's list of one-word lists."""

_SEPARATORS = re.compile(r"[\s,，、]+")


# A YAML flow item that stays a plain string: starts with a letter, digit-free first char,
# no flow or comment indicators inside. Anything else is double-quoted.
_plain_item = lazy_pattern(r"[^\W\d_][\w.+\-/]*", re.UNICODE)


_YAML_WORDS = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
)  # YAML 1.1 reads these as booleans or null
_SEPARATOR_AFTER_KEY = {
    FrontMatterFormat.YAML: re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s:]+)[ \t]*:[ \t]*"""),
    FrontMatterFormat.TOML: re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s=]+)[ \t]*=[ \t]*"""),
    FrontMatterFormat.JSON: re.compile(r"""(?P<key>"(?:[^"\\]|\\.)*")[ \t]*:[ \t]*"""),
}


def split_items(value: str) -> list[str]:
    """The words of a space- or comma-separated string."""
    return [item for item in _SEPARATORS.split(value) if item]


def flow_list_edit(post: Post, key: str, items: Items) -> Edit | None:
    """An edit that turns top-level *key*'s one-line string value into a flow list of *items*."""
    front_matter = post.front_matter
    if front_matter is None or front_matter.error is not None or not items:
        return None
    location = front_matter.key_locations.get(key)
    if location is None:
        return None
    start, text = post.lines.offset(location.line), post.lines.line_text(location.line)
    match = _SEPARATOR_AFTER_KEY[front_matter.format].match(text, location.column)
    if match is None:
        return None
    return _edit_at(post, (key,), items, start, text, match.end())


def nested_flow_list_edit(
    post: Post, path: tuple[str, str], items: Items, line: int, column: int
) -> Edit | None:
    """The same for a value inside a table (Zola's ``[taxonomies] tags = "a b"``).

    *line*/*column* is where the value itself starts, as the data layer located it.
    """
    front_matter = post.front_matter
    if front_matter is None or front_matter.error is not None or not items:
        return None
    start, text = post.lines.offset(line), post.lines.line_text(line)
    return _edit_at(post, path, items, start, text, column)


def _edit_at(
    post: Post, path: tuple[str, ...], items: Items, start: int, text: str, value_start: int
) -> Edit | None:
    assert post.front_matter is not None
    fmt = post.front_matter.format
    span = _value_span(text, value_start, fmt)
    if span is None:
        return None
    edit = Edit(start + span[0], start + span[1], _render(items, fmt))
    return edit if _verified(post, path, items, edit) else None


def _value_span(text: str, value_start: int, fmt: FrontMatterFormat) -> tuple[int, int] | None:
    """Offsets in the line *text* of the scalar value that starts at *value_start*."""
    rest = text[value_start:]
    if not rest:
        return None  # the value is on the next lines: not a one-line scalar
    if rest[0] in "\"'":
        close = rest.find(rest[0], 1)
        if close == -1:
            return None
        return value_start, value_start + close + 1
    comment = re.search(r"[ \t]#", rest) if fmt is not FrontMatterFormat.JSON else None
    body = rest[: comment.start()] if comment else rest
    if fmt is FrontMatterFormat.JSON:
        body = body.rstrip().removesuffix(",")
    return value_start, value_start + len(body.rstrip())


def _render(items: Items, fmt: FrontMatterFormat) -> str:
    """A flow list; an item that is itself a list (Hexo's ``[[a], [b]]``) is written nested."""
    written = [
        _render(item, fmt)
        if isinstance(item, list)
        else _yaml_item(item)
        if fmt is FrontMatterFormat.YAML
        else json.dumps(item, ensure_ascii=False)
        for item in items
    ]
    return "[" + ", ".join(written) + "]"


def _yaml_item(item: str) -> str:
    if _plain_item().fullmatch(item) and item.lower() not in _YAML_WORDS:
        return item
    return json.dumps(item, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _verified(post: Post, path: tuple[str, ...], items: Items, edit: Edit) -> bool:
    """Re-read the edited post's front matter: only *path* may change, into exactly *items*."""
    from recapkit.post.front_matter import read_front_matter  # the loader's own parser, same types

    front_matter = post.front_matter
    assert front_matter is not None
    content = front_matter.content_span
    if not content.start <= edit.start <= edit.end <= content.end:
        return False
    new_text = post.text[: edit.start] + edit.replacement + post.text[edit.end :]
    try:
        edited, _body_start = read_front_matter(new_text)
    except Exception:  # any parser failure means: no fix, never a crash
        return False
    if edited is None or edited.error is not None or edited.format is not front_matter.format:
        return False
    return dict(edited.data) == _replaced(front_matter.data, path, items)


def _replaced(data: Mapping[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """A copy of *data* with the value at *path* (a key, or a table's key) set to *value*."""
    copy = dict(data)
    head, *rest = path
    if rest:
        inner = copy.get(head)
        copy[head] = _replaced(inner if isinstance(inner, Mapping) else {}, tuple(rest), value)
    else:
        copy[head] = value
    return copy
