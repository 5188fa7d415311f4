"""The RK104 fix: rewrite one front matter string value into a flow list, touching nothing else.

``tags:  gdg event summary  # comment`` becomes ``tags:  [gdg, event, summary]  # comment``:
only the value's characters are replaced. The edit is offered only when re-parsing the edited
front matter gives exactly the old data with that one key turned into the list, so a fix can
never change another key, drop a comment's meaning or break the block.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from recapkit.diagnostics import Edit
from recapkit.post import FrontMatterFormat
from recapkit.rules.where import line_text

if TYPE_CHECKING:
    from recapkit.post import Post

_SEPARATORS = re.compile(r"[\s,，、]+")
# A YAML flow item that stays a plain string: starts with a letter, digit-free first char,
# no flow or comment indicators inside. Anything else is double-quoted.
_PLAIN_ITEM = re.compile(r"[^\W\d_][\w.+\-/]*", re.UNICODE)
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


def flow_list_edit(post: Post, key: str, items: list[str]) -> Edit | None:
    """An edit that turns *key*'s one-line string value into a flow list of *items*, or None."""
    front_matter = post.front_matter
    if front_matter is None or front_matter.error is not None or not items:
        return None
    location = front_matter.key_locations.get(key)
    if location is None:
        return None
    span = _value_span(post, location.line, location.column, front_matter.format)
    if span is None:
        return None
    edit = Edit(span[0], span[1], _render(items, front_matter.format))
    return edit if _verified(post, key, items, edit) else None


def _value_span(
    post: Post, line: int, column: int, fmt: FrontMatterFormat
) -> tuple[int, int] | None:
    """Offsets of the scalar value written after ``key:`` / ``key =`` on the key's line."""
    start, text = line_text(post, line)
    match = _SEPARATOR_AFTER_KEY[fmt].match(text, column)
    if match is None:
        return None
    value_start = match.end()
    rest = text[value_start:]
    if not rest:
        return None  # the value is on the next lines: not a one-line scalar
    if rest[0] in "\"'":
        close = rest.find(rest[0], 1)
        if close == -1:
            return None
        value_end = value_start + close + 1
    else:
        comment = re.search(r"[ \t]#", rest) if fmt is not FrontMatterFormat.JSON else None
        body = rest[: comment.start()] if comment else rest
        if fmt is FrontMatterFormat.JSON:
            body = body.rstrip().removesuffix(",")
        value_end = value_start + len(body.rstrip())
    return start + value_start, start + value_end


def _render(items: list[str], fmt: FrontMatterFormat) -> str:
    if fmt is FrontMatterFormat.YAML:
        return "[" + ", ".join(_yaml_item(item) for item in items) + "]"
    return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"


def _yaml_item(item: str) -> str:
    if _PLAIN_ITEM.fullmatch(item) and item.lower() not in _YAML_WORDS:
        return item
    return json.dumps(item, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _verified(post: Post, key: str, items: list[str], edit: Edit) -> bool:
    """Re-read the edited post's front matter: only *key* may change, and into exactly *items*."""
    from recapkit.front_matter import read_front_matter  # the loader's own parser, same types

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
    expected = dict(front_matter.data)
    expected[key] = items
    return dict(edited.data) == expected
