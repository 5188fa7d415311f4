"""Parse a front matter block's text in its format, keeping where each key is written.

The block finders in :mod:`recapkit.post.front_matter` hand each parser the text between the
delimiters and where it starts in the file; :func:`parse_block` returns a
:class:`~recapkit.post.types.FrontMatter` with file-absolute key positions, or with ``error`` set
(at the parser's own position) and empty data. Nothing here raises for file content.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import yaml
from attrs import field, frozen

from recapkit import _yaml
from recapkit._text import lazy_pattern
from recapkit.data.unencodable import surrogate_problems
from recapkit.post.types import (
    FrontMatter,
    FrontMatterError,
    FrontMatterFormat,
    Location,
    RawScalar,
    Span,
)

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


_toml_error_at = lazy_pattern(r"\s*\(at line (\d+), column (\d+)\)")


_TOML_KEY = re.compile(
    r"""^[ \t]*(?:\[\[?[ \t]*(?P<table>[\w-]+|"[^"\n]*"|'[^'\n]*')"""
    r"""|(?P<key>[\w-]+|"[^"\n]*"|'[^'\n]*')[ \t]*[.=])""",
    re.MULTILINE,
)
JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"[ \t\r\n]*(:)?|[{}\[\]]')
DUPLICATE_KEY = "duplicate key "


def parse_block(text: str, fmt: FrontMatterFormat, span: Span, content: Span) -> FrontMatter:
    """The front matter of *text* whose block is *span* and whose content is *content*."""
    source = text[content.start : content.end]
    first_line = text.count("\n", 0, content.start)
    parser = _PARSERS[fmt]
    parsed = parser(source, first_line)
    if parsed.error is not None:
        line, column, message = parsed.error
        last_line = text.count("\n", 0, max(span.end - 1, 0))
        located = FrontMatterError(message, min(first_line + line, last_line), max(column, 0))
        return FrontMatter(fmt, span, content, {}, {}, located)
    absolute = {
        key: Location(first_line + loc.line, loc.column) for key, loc in parsed.locations.items()
    }
    return FrontMatter(fmt, span, content, parsed.data, absolute, scalars=parsed.scalars)


@frozen
class _Parsed:
    data: dict[str, Any] = field(factory=dict)
    locations: dict[str, Location] = field(factory=dict)
    error: tuple[int, int, str] | None = None
    scalars: dict[str, RawScalar] = field(factory=dict)


def _failed(error: tuple[int, int, str]) -> _Parsed:
    return _Parsed(error=error)


def _parse_yaml(source: str, first_line: int = 0) -> _Parsed:
    loader = _yaml.TolerantLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return _Parsed()
        refused = _refused_graph(node, first_line)
        if refused is not None:
            return _failed(refused)
        locations, scalars = _yaml_keys(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        return _failed(_yaml.describe_error(exc, source))
    except yaml.reader.ReaderError as exc:
        return _failed(_reader_error(source, exc))
    except Exception as exc:  # PyYAML raises bare ValueError/RecursionError on odd input too
        return _failed((0, 0, f"cannot read YAML front matter: {exc}"))
    finally:
        loader.dispose()
    if not isinstance(data, Mapping):
        return _failed((0, 0, _not_a_mapping(data)))
    return _Parsed({str(key): value for key, value in data.items()}, locations, None, scalars)


def _refused_graph(node: yaml.Node, first_line: int) -> tuple[int, int, str] | None:
    """The first duplicate key (at any depth: go-yaml v3 and js-yaml refuse every one), or a
    recursive alias or alias bomb, found by the data layer's own check (:mod:`recapkit._yaml`).

    *first_line* is where the block starts in the file, for the message's "first on line"."""
    fatal, duplicates = _yaml.check_graph(node)
    if fatal:
        return fatal[0]
    if not duplicates:
        return None
    first = min(duplicates, key=lambda duplicate: (duplicate.line, duplicate.column))
    where = first_line + first.first_line + 1
    message = f"{DUPLICATE_KEY}`{first.key}` (first on line {where}); Hugo and Hexo refuse it"
    return first.line, first.column, message


def _yaml_keys(node: yaml.Node) -> tuple[dict[str, Location], dict[str, RawScalar]]:
    """Top-level keys -> where they are written, and each scalar value as written; keys such as
    ``no:`` or ``1:`` stay text."""
    locations: dict[str, Location] = {}
    scalars: dict[str, RawScalar] = {}
    if not isinstance(node, yaml.MappingNode):
        return locations, scalars
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
            continue
        # YAML 1.1 reads `no:`, `on:` or `2019:` as bool/int keys; front matter keys are names.
        key_node.tag = _STR_TAG
        mark = key_node.start_mark
        locations[key_node.value] = Location(mark.line, mark.column)
        if isinstance(value_node, yaml.ScalarNode):
            scalars[key_node.value] = RawScalar(value_node.value, bool(value_node.style))
    return locations, scalars


def _reader_error(source: str, exc: yaml.reader.ReaderError) -> tuple[int, int, str]:
    position = min(max(exc.position, 0), len(source))
    line = source.count("\n", 0, position)
    column = position - (source.rfind("\n", 0, position) + 1)
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return line, column, f"character U+{code:04X} is not allowed in YAML (a control character)"


def _parse_toml(source: str, _first_line: int = 0) -> _Parsed:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return _failed(_toml_error(str(exc), source))
    except (ValueError, RecursionError) as exc:
        return _failed((0, 0, f"cannot read TOML front matter: {exc}"))
    return _Parsed(data, _toml_key_locations(source, data))


def _toml_error(message: str, source: str) -> tuple[int, int, str]:
    found = _toml_error_at().search(message)
    if found:
        text = message[: found.start()] + message[found.end() :]
        return int(found.group(1)) - 1, int(found.group(2)) - 1, text
    # "(at end of document)": point at the last line of the block.
    return max(source.count("\n") - 1, 0), 0, message.replace(" (at end of document)", "")


def _toml_key_locations(source: str, data: Mapping[str, Any]) -> dict[str, Location]:
    locations: dict[str, Location] = {}
    in_table = False
    for match in _TOML_KEY.finditer(source):
        table = match.group("table")
        raw = table if table is not None else match.group("key")
        if table is not None:
            in_table = True
        elif in_table:
            continue  # a key inside [table] is not top-level
        key = raw[1:-1] if raw[0] in "\"'" else raw
        if key in data and key not in locations:
            line = source.count("\n", 0, match.start())
            # A table's location is its `[` header; a key's is the key itself.
            at = source.index("[", match.start()) if table is not None else match.start("key")
            column = at - (source.rfind("\n", 0, match.start()) + 1)
            locations[key] = Location(line, column)
    return locations


def _parse_json(source: str, _first_line: int = 0) -> _Parsed:
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        return _failed((exc.lineno - 1, exc.colno - 1, exc.msg))
    except (ValueError, RecursionError) as exc:
        return _failed((0, 0, f"cannot read JSON front matter: {exc}"))
    if not isinstance(data, dict):
        return _failed((0, 0, _not_a_mapping(data)))
    if surrogate_problems(data):
        return _failed(_lone_surrogate_error(source))
    return _Parsed(data, _json_key_locations(source, data))


# JSON's \ud800-\udfff escapes are meant in pairs; Python's json module keeps a lone one as a
# str that no file, terminal or report can encode (Hugo turns it into U+FFFD).
_lone_escape = lazy_pattern(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _lone_surrogate_error(source: str) -> tuple[int, int, str]:
    match = _lone_escape().search(source)
    offset = match.start() if match else 0
    escape = match.group() if match else "\\ud800"
    line = source.count("\n", 0, offset)
    column = offset - (source.rfind("\n", 0, offset) + 1)
    return (
        line,
        column,
        (
            f"{escape} is half of a UTF-16 surrogate pair: no text can hold it alone "
            "(write the character itself, or both halves of the pair)"
        ),
    )


def _json_key_locations(source: str, data: Mapping[str, Any]) -> dict[str, Location]:
    locations: dict[str, Location] = {}
    depth = 0
    for match in JSON_TOKEN.finditer(source):
        token = match.group()
        if token in ("{", "["):
            depth += 1
        elif token in ("}", "]"):
            depth -= 1
        elif depth == 1 and match.group(1):
            try:
                key = json.loads(token[: token.rindex('"') + 1])
            except ValueError:
                continue
            if key in data:
                line = source.count("\n", 0, match.start())
                column = match.start() - (source.rfind("\n", 0, match.start()) + 1)
                locations[key] = Location(line, column)
    return locations


def _not_a_mapping(data: object) -> str:
    return f"front matter must be a mapping of keys to values, not {type(data).__name__}"


_PARSERS = {
    FrontMatterFormat.YAML: _parse_yaml,
    FrontMatterFormat.TOML: _parse_toml,
    FrontMatterFormat.JSON: _parse_json,
}
