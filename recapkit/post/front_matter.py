"""Find and parse a post's front matter: YAML ``---``, TOML ``+++``, JSON ``{...}`` and Hexo's form.

We split the file ourselves instead of through python-frontmatter's handlers because every
result needs file positions (the block's span, each key's line:col, the parser's error
position mapped from the block to the file), which its ``split`` -> ``(str, str)`` API drops;
it would also need the legacy ``toml`` package. TOML goes through stdlib :mod:`tomllib`,
YAML through PyYAML's C loader (with the pure-Python one as fallback).

Nothing here raises for file content: a block that fails to parse gives a
:class:`~recapkit.post.types.FrontMatter` with ``error`` set and empty ``data``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from recapkit._yaml import check_graph, describe_error
from recapkit.post.types import (
    FrontMatter,
    FrontMatterError,
    FrontMatterFormat,
    Location,
    Span,
)

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PostYAMLLoader(_Loader):  # type: ignore[valid-type,misc]  # CSafeLoader is a runtime alias
    """The safe loader, except that an impossible date or an unreadably long number stays text.

    PyYAML turns ``date: 2016-02-30`` into a bare ``ValueError`` with no position; Hugo and
    Jekyll keep such a value as a string, and the date rule reports it with a clear message.
    """


def _timestamp_or_text(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return node.value


def _int_or_text(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    # Past 4,300 digits Python refuses to read (or later print) an int: keep the text.
    try:
        value = SafeConstructor.construct_yaml_int(loader, node)
        str(value)
    except ValueError:
        return node.value
    return value


_PostYAMLLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_PostYAMLLoader.add_constructor("tag:yaml.org,2002:int", _int_or_text)

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"

# Delimiter lines. `[ \t]*` allows trailing blanks (Jekyll and Hexo do); `\r?` keeps CRLF files.
_YAML_OPEN = re.compile(r"-{3,}[ \t]*\r?\n")
_YAML_CLOSE = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
_TOML_OPEN = re.compile(r"\+{3,}[ \t]*\r?\n")
_TOML_CLOSE = re.compile(r"^\+{3,}[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
_JSON_OPEN = re.compile(r"\{\s*[\"}]")
_DASH_LINE = re.compile(r"^-{3,}[ \t]*(?:\r?\n|\r?\Z)", re.MULTILINE)
# Hexo's form (no opening `---`): every line before the first `---` must look like YAML
# front matter: `key: value`, an indented continuation, a `- item`, or blank.
_HEXO_FIRST_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n|\r?\Z)")
_HEXO_LINE = re.compile(r"(?:[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?|[ \t].*|-(?:[ \t].*)?|)\r?")
_HEXO_MAX_LINES = 200

_TOML_ERROR_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_KEY = re.compile(
    r"""^[ \t]*(?:\[\[?[ \t]*(?P<table>[\w-]+|"[^"\n]*"|'[^'\n]*')"""
    r"""|(?P<key>[\w-]+|"[^"\n]*"|'[^'\n]*')[ \t]*[.=])""",
    re.MULTILINE,
)
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"[ \t\r\n]*(:)?|[{}\[\]]')


def read_front_matter(text: str) -> tuple[FrontMatter | None, int]:
    """The front matter at the start of *text* (BOM already removed) and the body's offset."""
    if text.startswith("-"):
        match = _YAML_OPEN.match(text)
        if match:
            return _delimited(text, match.end(), _YAML_CLOSE, FrontMatterFormat.YAML)
    elif text.startswith("+"):
        match = _TOML_OPEN.match(text)
        if match:
            return _delimited(text, match.end(), _TOML_CLOSE, FrontMatterFormat.TOML)
    elif text.startswith("{"):
        if _JSON_OPEN.match(text):
            return _json_block(text)
    elif _HEXO_FIRST_LINE.match(text):
        return _hexo_block(text)
    return None, 0


def _delimited(
    text: str, content_start: int, closing: re.Pattern[str], fmt: FrontMatterFormat
) -> tuple[FrontMatter, int]:
    close = closing.search(text, content_start)
    if close is None:
        # An opening fence that is never closed: report it rather than read the post as Markdown.
        first_line_end = content_start
        error = FrontMatterError("front matter is opened on line 1 but never closed", 0, 0)
        span = Span(0, first_line_end)
        return FrontMatter(fmt, span, Span(first_line_end, first_line_end), {}, {}, error), (
            first_line_end
        )
    content = Span(content_start, close.start())
    front_matter = _parse(text, fmt, Span(0, close.end()), content)
    return front_matter, close.end()


def _hexo_block(text: str) -> tuple[FrontMatter | None, int]:
    close = _DASH_LINE.search(text)
    if close is None:
        return None, 0
    head = text[: close.start()]
    lines = head.split("\n")
    if len(lines) > _HEXO_MAX_LINES + 1 or not all(_HEXO_LINE.fullmatch(x) for x in lines):
        return None, 0
    front_matter = _parse(
        text, FrontMatterFormat.YAML, Span(0, close.end()), Span(0, close.start())
    )
    # Conservative: only a clean mapping counts; anything else is Markdown with a setext heading.
    # A mapping whose only fault is a repeated key is still one (and Hexo refuses to build it).
    error = front_matter.error
    if (error is not None and not error.message.startswith(DUPLICATE_KEY)) or (
        error is None and not front_matter.data
    ):
        return None, 0
    return _evolve_hexo(front_matter), close.end()


def _evolve_hexo(front_matter: FrontMatter) -> FrontMatter:
    return FrontMatter(
        front_matter.format,
        front_matter.span,
        front_matter.content_span,
        front_matter.data,
        front_matter.key_locations,
        front_matter.error,
        opening_delimiter_missing=True,
    )


def _json_block(text: str) -> tuple[FrontMatter, int]:
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        end = _json_object_end(text)
    # The body starts on the line after the closing brace (Hugo ignores the rest of that line).
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end + 1
    front_matter = _parse(text, FrontMatterFormat.JSON, Span(0, line_end), Span(0, end))
    return front_matter, line_end


def _json_object_end(text: str) -> int:
    """Where the object opened at offset 0 closes (brace matching outside strings), else the end."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


def _parse(text: str, fmt: FrontMatterFormat, span: Span, content: Span) -> FrontMatter:
    source = text[content.start : content.end]
    first_line = text.count("\n", 0, content.start)
    parser = _PARSERS[fmt]
    data, locations, error = parser(source, first_line)
    if error is not None:
        line, column, message = error
        last_line = text.count("\n", 0, max(span.end - 1, 0))
        located = FrontMatterError(message, min(first_line + line, last_line), max(column, 0))
        return FrontMatter(fmt, span, content, {}, {}, located)
    absolute = {key: Location(first_line + loc.line, loc.column) for key, loc in locations.items()}
    return FrontMatter(fmt, span, content, data, absolute)


_Parsed = tuple[dict[str, Any], dict[str, Location], tuple[int, int, str] | None]


def _parse_yaml(source: str, first_line: int = 0) -> _Parsed:
    loader = _PostYAMLLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, None
        refused = _refused_graph(node, first_line)
        if refused is not None:
            return {}, {}, refused
        locations = _yaml_key_locations(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        return {}, {}, describe_error(exc, source)
    except yaml.reader.ReaderError as exc:
        return {}, {}, _reader_error(source, exc)
    except Exception as exc:  # PyYAML raises bare ValueError/RecursionError on odd input too
        return {}, {}, (0, 0, f"cannot read YAML front matter: {exc}")
    finally:
        loader.dispose()
    if not isinstance(data, Mapping):
        return {}, {}, (0, 0, _not_a_mapping(data))
    return {str(key): value for key, value in data.items()}, locations, None


DUPLICATE_KEY = "duplicate key "


def _refused_graph(node: yaml.Node, first_line: int) -> tuple[int, int, str] | None:
    """The first duplicate key (at any depth: go-yaml v3 and js-yaml refuse every one), or a
    recursive alias or alias bomb, found by the data layer's own check (:mod:`recapkit._yaml`).

    *first_line* is where the block starts in the file, for the message's "first on line"."""
    fatal, duplicates = check_graph(node)
    if fatal:
        return fatal[0]
    if not duplicates:
        return None
    first = min(duplicates, key=lambda duplicate: (duplicate.line, duplicate.column))
    where = first_line + first.first_line + 1
    message = f"{DUPLICATE_KEY}`{first.key}` (first on line {where}); Hugo and Hexo refuse it"
    return first.line, first.column, message


def _yaml_key_locations(node: yaml.Node) -> dict[str, Location]:
    """Top-level keys -> where they are written; keys such as ``no:`` or ``1:`` stay text."""
    locations: dict[str, Location] = {}
    if not isinstance(node, yaml.MappingNode):
        return locations
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
            continue
        # YAML 1.1 reads `no:`, `on:` or `2019:` as bool/int keys; front matter keys are names.
        key_node.tag = _STR_TAG
        mark = key_node.start_mark
        locations[key_node.value] = Location(mark.line, mark.column)
    return locations


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
        return {}, {}, _toml_error(str(exc), source)
    except (ValueError, RecursionError) as exc:
        return {}, {}, (0, 0, f"cannot read TOML front matter: {exc}")
    return data, _toml_key_locations(source, data), None


def _toml_error(message: str, source: str) -> tuple[int, int, str]:
    found = _TOML_ERROR_AT.search(message)
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
        return {}, {}, (exc.lineno - 1, exc.colno - 1, exc.msg)
    except (ValueError, RecursionError) as exc:
        return {}, {}, (0, 0, f"cannot read JSON front matter: {exc}")
    if not isinstance(data, dict):
        return {}, {}, (0, 0, _not_a_mapping(data))
    return data, _json_key_locations(source, data), None


def _json_key_locations(source: str, data: Mapping[str, Any]) -> dict[str, Location]:
    locations: dict[str, Location] = {}
    depth = 0
    for match in _JSON_TOKEN.finditer(source):
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
