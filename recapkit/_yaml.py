"""The one way recapkit reads YAML: untrusted text, safely, with positions.

Data files, front matter and site configs all come through here: the C loader when available,
bounded nesting and alias expansion, YAML 1.1 traps described in a writer's words, duplicate
keys found at any depth. :class:`Loader` is strict (data files: a number too long for Python is a
positioned problem); :class:`TolerantLoader` keeps what a generator would keep as text (front
matter and site configs: an impossible date or an endless number stays a string).

PyYAML builds an alias bomb ("billion laughs") cheaply because aliases share objects, but
anything that walks the result afterwards (the converter, a dumper, ``==``) expands it;
so the node graph is measured before it is constructed. libyaml's composer recurses on the
C stack and crashes on very deep flow nesting (``[[[[...``), so that is checked first.
Duplicate mapping keys, which PyYAML silently resolves to the last one, are reported.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml
from attrs import frozen

from recapkit._text import LineIndex, lazy_pattern, lone_surrogate
from recapkit.errors import RecapkitError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_Base):  # type: ignore[misc,valid-type]  # the C loader's base is chosen at run time
    """The safe loader (C when available) that keeps impossible dates as text.

    PyYAML raises a bare ValueError for ``2025-02-30`` and loses the position; as text, the
    converter reports it at its field together with every other problem.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return str(node.value)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """An int, or a positioned problem for one too long for Python to read or print.

    ``int()`` refuses decimal text past ``sys.get_int_max_str_digits()`` (4300 digits) with a
    bare ValueError; a long ``0x...`` literal reads fine but cannot be printed later. Either
    way, no recap field needs such a number.
    """
    try:
        value = loader.construct_yaml_int(node)
        str(value)  # raises the same ValueError when the value is too long to print
    except ValueError:
        mark = node.start_mark
        message = (
            f"this number has more than {sys.get_int_max_str_digits()} digits;"
            " no recap field takes one (quote it if it is text)"
        )
        raise YamlProblem([(mark.line, mark.column, message)]) from None
    return value


Loader.add_constructor("tag:yaml.org,2002:int", _int)


class TolerantLoader(Loader):
    """:class:`Loader`, except that a number too long to read or print stays text.

    Hugo and Jekyll keep such a front matter value as a string; the rules then judge it with the
    key it belongs to, as they judge ``date: 2016-02-30``.
    """


def _int_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        value = loader.construct_yaml_int(node)
        str(value)  # past 4,300 digits Python refuses to print an int it could read
    except ValueError:
        return str(node.value)
    return value


TolerantLoader.add_constructor("tag:yaml.org,2002:int", _int_or_text)

MAX_FLOW_DEPTH = 500
"""Deeper ``[``/``{`` nesting than this is refused before libyaml sees it."""
MAX_EXPANSION = 200_000
"""How many nodes aliases may add to a document on top of the nodes actually written."""


class YamlProblem(RecapkitError):
    """A YAML document that cannot be used; ``problems`` holds (line, column, message), 0-based."""

    def __init__(self, problems: list[tuple[int, int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _line, _col, message in problems))


# YAML 1.1 also ends a line at a lone CR, NEL, LS and PS; editors and recapkit count LF only.
_extra_break = lazy_pattern("\r(?!\n)|[\x85\u2028\u2029]")


_yaml_break = lazy_pattern("\r\n|[\n\r\x85\u2028\u2029]")


class YamlLines:
    """libyaml's (line, column) of one text, as recapkit counts them (lines end at LF).

    The same in all but texts holding a lone CR, NEL, LS or PS, where libyaml's line numbers
    run ahead of the editor's."""

    def __init__(self, text: str) -> None:
        self._index = LineIndex(text) if _extra_break().search(text) else None
        self._starts = [0, *(m.end() for m in _yaml_break().finditer(text))] if self._index else []

    def position(self, line: int, column: int) -> tuple[int, int]:
        if self._index is None or line >= len(self._starts):
            return line, column
        return self._index.position(min(self._starts[line] + column, len(self._index.text)))

    def problems(self, problems: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return [(*self.position(line, column), message) for line, column, message in problems]

    def duplicate(self, key: DuplicateKey) -> DuplicateKey:
        line, column = self.position(key.line, key.column)
        return DuplicateKey(key.key, line, column, self.position(key.first_line, 0)[0])


def _flow_depth_line(text: str) -> int | None:
    """The line where ``[``/``{`` nesting first exceeds the limit (quotes skipped roughly)."""
    depth, line, quote = 0, 0, ""
    for char in text:
        if char == "\n":
            line += 1
        elif quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def syntax_problem(exc: yaml.YAMLError, text: str = "") -> tuple[int, int, str]:
    """(line, column, message) of a PyYAML error in a data file; see :func:`describe_error`."""
    line, column, detail = describe_error(exc, text)
    return line, column, f"YAML syntax error: {detail}"


# A key followed by a full-width colon, as Chinese input methods type it: `title：Go 夜读`.
_full_width_key = lazy_pattern(r"^[ \t]*(?:- )?[^\s:#'\"：][^:\n]*?：")


def describe_error(exc: yaml.YAMLError, text: str = "") -> tuple[int, int, str]:
    """(line, column, what is wrong and how to fix it) of a PyYAML error in *text*.

    The data files and the front matter reader share it. *text* lets it look at the source:
    libyaml names neither a tab nor a full-width colon, and reports both lines away from them.
    """
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        return _reader_problem(exc.character, text)
    line, column, message = _describe(exc, text)
    line, column = YamlLines(text).position(line, column)
    lines = text.split("\n")
    if text and line >= len(lines):  # libyaml's end of a text without a final newline
        line, column = len(lines) - 1, len(lines[-1])
    return line, column, message


def _describe(exc: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = f"{context + ', ' if context else ''}{problem}"
    context_mark = getattr(exc, "context_mark", None)
    if context and "quoted scalar" in context and context_mark is not None:
        if "end of stream" in problem or "document indicator" in problem:
            # The end of the file is where libyaml gave up; the quote that never closes is the news.
            return context_mark.line, context_mark.column, "this quoted text is never closed"
        escape = _escape_problem(problem, mark or context_mark, text)
        if escape is not None:
            return escape
    if mark is None:
        return 0, 0, detail
    if "mapping values are not allowed" in problem or "could not find expected ':'" in problem:
        full_width = _full_width_colon_line(text, mark.line)
        if full_width is not None:
            return (
                full_width,
                text.split("\n")[full_width].index("："),
                (
                    "the key ends with a full-width colon '：'; YAML needs an ASCII colon and a "
                    "space (': ')"
                ),
            )
    explained = _misindented_key(text, mark.line, problem) or _glued_key(text, mark.line, problem)
    if explained is not None:
        return explained
    if "mapping values are not allowed" in problem:
        detail += " (quote text that contains ': ')"
    elif "found character '\\t'" in problem or _char_at(text, mark) == "\t":
        detail += " (indent with spaces, not tabs)"
    return mark.line, mark.column, detail


_key_line = lazy_pattern(r"^( *)([^\s:#'\"\-][^:]*?):(?: |$)")


_GLUED_KEY = re.compile(r"^( *)([A-Za-z_][\w-]*):(?=[^\s/:])")


def _misindented_key(text: str, line: int, problem: str) -> tuple[int, int, str] | None:
    """A key that is not lined up with the keys above it (``  name:`` then `` city:``)."""
    if "expected key" not in problem and "expected <block end>" not in problem:
        return None
    lines = text.split("\n")
    if not 0 < line < len(lines):
        return None
    here = _key_line().match(lines[line])
    above = next((n for n in range(line - 1, -1, -1) if lines[n].strip()), None)
    sibling = _key_line().match(lines[above]) if above is not None else None
    if here is None or sibling is None or above is None:
        return None
    indent, wanted = len(here[1]), len(sibling[1])
    if indent == wanted:
        return None
    message = (
        f"`{here[2]}:` is indented {_spaces(indent)} but `{sibling[2]}:` on line {above + 1} "
        f"above it {_spaces(wanted)}: keys of one mapping must line up (indent `{here[2]}:` "
        f"like the key it belongs with)"
    )
    return line, indent, message


def _glued_key(text: str, line: int, problem: str) -> tuple[int, int, str] | None:
    """``title:x``: without a space after the colon the line is text, not a key, and libyaml
    only complains at the next key, a line below."""
    if "mapping values are not allowed" not in problem and "expected key" not in problem:
        return None
    lines = text.split("\n")
    for number in range(min(line, len(lines) - 1), max(line - 3, -1), -1):
        glued = _GLUED_KEY.match(lines[number])
        if glued is not None and ": " not in lines[number]:
            key = glued[2]
            value = lines[number][glued.end() :].strip()
            message = (
                f"`{key}:{value}` has no space after the colon, so YAML reads the line as text, "
                f"not a key: write `{key}: {value}`"
            )
            return number, glued.end() - 1, message
    return None


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _reader_problem(code: int, text: str) -> tuple[int, int, str]:
    """A character YAML allows nowhere (U+0001, ESC, U+FFFE), where it first is: the reader
    has no mark, and libyaml's position counts bytes, not characters."""
    offset = text.find(chr(code))
    line, column = LineIndex(text).position(offset) if offset >= 0 else (0, 0)
    kind = "a control character" if code < 0x20 or 0x7F <= code <= 0x9F else "a non-character"
    escape = f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
    message = (
        f"U+{code:04X} ({kind}) is not allowed in YAML; delete it, or write {escape} "
        "inside double quotes"
    )
    return line, column, message


# What a backslash starts in double quotes, as far as an error needs to show it.
_escape = lazy_pattern(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.?)")


_surrogate_pair = lazy_pattern(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)


_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_LITERALLY = "write \\\\ for a backslash, or use single quotes"


def _escape_problem(problem: str, mark: yaml.Mark, text: str) -> tuple[int, int, str] | None:
    """A bad escape in double quotes, at its backslash (libyaml points past it)."""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    start = line.rfind("\\", 0, mark.column + 1)
    if start < 0:  # no source to look at
        return None
    if "invalid Unicode" in problem:
        message = describe_code_escape(line, start)
    else:
        escape = _escape().match(line, start)
        written = escape.group() if escape else "\\"
        digits = _HEX_DIGITS.get(written[1:2])
        known = (
            f"starts an escape of {digits} hex digits" if digits else "is not an escape YAML knows"
        )
        message = f"{written} {known}; {_LITERALLY}"
    return (mark.line, start, message) if message else None


def describe_code_escape(line: str, start: int) -> str | None:
    """What is wrong with the ``\\u``/``\\U`` escape at *start* of *line*, which a parser
    refused as no character (YAML and TOML alike): a UTF-16 surrogate, as JSON writes them
    (``\\ud800``, ``\\ud83d\\ude00``), or a code past U+10FFFF."""
    pair = _surrogate_pair().match(line, start)
    if pair is not None:
        code = 0x10000 + ((int(pair[1], 16) - 0xD800) << 10) + int(pair[2], 16) - 0xDC00
        return (
            f"{pair.group()} is a UTF-16 surrogate pair, which YAML and TOML do not read: write "
            f"the character itself or \\U{code:08X}"
        )
    escape = _escape().match(line, start)
    written = escape.group() if escape else ""
    if re.fullmatch(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", written):
        return (
            f"{written} is a lone UTF-16 surrogate, not a character (UTF-8 cannot encode it): "
            "write the character itself"
        )
    if len(written) == 10:
        return f"{written} is past the last Unicode character, U+10FFFF"
    return None


def _full_width_colon_line(text: str, last: int) -> int | None:
    """The line at or just above *last* (libyaml stops a line or two later) whose key ends
    with '：' instead of ':'; never further up, where a '：' is most likely in prose."""
    lines = text.split("\n")
    for number in range(min(last, len(lines) - 1), max(last - 3, -1), -1):
        if _full_width_key().match(lines[number]):
            return number
    return None


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n")
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


@frozen
class DuplicateKey:
    """A mapping key written twice; lines are 0-based, relative to the parsed text."""

    key: str
    line: int
    column: int
    first_line: int

    def problem(self) -> tuple[int, int, str]:
        """The data-file wording, at the second key."""
        message = (
            f"duplicate key {self.key!r} (first on line {self.first_line + 1}); "
            "the later value would silently win"
        )
        return self.line, self.column, message


def check_graph(root: yaml.Node) -> tuple[list[tuple[int, int, str]], list[DuplicateKey]]:
    """(a recursive alias or an alias bomb, every duplicate key) of a composed document.

    Iterative, because the graph may be deep and the point is not to expand it. The front
    matter reader uses it too: Hugo and Hexo refuse duplicate keys."""
    duplicates: list[DuplicateKey] = []
    return _walk_graph(root, duplicates), duplicates


def _walk_graph(root: yaml.Node, problems: list[DuplicateKey]) -> list[tuple[int, int, str]]:
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    active: set[int] = set()
    while stack:
        node, done = stack.pop()
        if done:
            active.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if id(node) in sizes:
            continue
        if id(node) in active:
            mark = node.start_mark
            return [(mark.line, mark.column, "an alias refers to its own anchor (recursive data)")]
        active.add(id(node))
        stack.append((node, True))
        problems.extend(_duplicate_keys(node))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    distinct = len(sizes)
    if sizes[id(root)] > distinct + MAX_EXPANSION:
        mark = root.start_mark
        return [(mark.line, mark.column, "aliases expand to too much data (a YAML alias bomb?)")]
    return []


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: yaml.Node) -> list[DuplicateKey]:
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: dict[str, int] = {}
    found = []
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
            continue
        if key.value in seen:
            mark = key.start_mark
            found.append(DuplicateKey(key.value, mark.line, mark.column, seen[key.value]))
        else:
            seen[key.value] = key.start_mark.line
    return found


def compose(text: str) -> yaml.Node | None:
    """The node tree of a single-document YAML text (positions kept), or None if empty."""
    deep = _flow_depth_line(text)
    if deep is not None:
        raise YamlProblem([(deep, 0, f"nesting deeper than {MAX_FLOW_DEPTH} levels")])
    unencodable = lone_surrogate(text)
    if unencodable is not None:  # libyaml would raise UnicodeEncodeError encoding the text
        line, column = LineIndex(text).position(unencodable)
        code = f"\\u{ord(text[unencodable]):04x}"
        message = f"the text holds {code}, a lone UTF-16 surrogate that UTF-8 cannot encode"
        raise YamlProblem([(line, column, message)])
    loader = Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.YAMLError as exc:
        raise YamlProblem([syntax_problem(exc, text)]) from None
    finally:
        loader.dispose()


def construct(node: yaml.Node, loader_class: type[Loader] = Loader) -> Any:
    """The Python value of a composed (and checked) node."""
    loader = loader_class("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load(text: str, duplicates: list[tuple[int, int, str]] | None = None) -> Any:
    """Parse one YAML document safely, or raise :class:`YamlProblem` with positions.

    Duplicate keys are raised too, unless a *duplicates* list is given to collect them
    (the caller then reports them along with the problems it finds in the data)."""
    node = compose(text)
    if node is None:
        return None
    lines = YamlLines(text)
    fatal, repeated = check_graph(node)
    found = [lines.duplicate(duplicate).problem() for duplicate in repeated]
    if fatal or (found and duplicates is None):
        raise YamlProblem(lines.problems(fatal) or found)
    if duplicates is not None:
        duplicates.extend(found)
    loader = Loader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise YamlProblem([syntax_problem(exc, text)]) from None
    except YamlProblem as exc:  # a number too long, at libyaml's line
        raise YamlProblem(lines.problems(exc.problems)) from None
    finally:
        loader.dispose()


def load_tolerant(text: str) -> Any:
    """One YAML document read as a generator reads its config or front matter: duplicate keys
    keep the last value, an impossible date or an endless number stays text. Raises
    :class:`YamlProblem` only for what cannot be read at all (syntax, alias bombs, recursion)."""
    node = compose(text)
    if node is None:
        return None
    fatal, _duplicates = check_graph(node)
    if fatal:
        raise YamlProblem(YamlLines(text).problems(fatal))
    try:
        return construct(node, TolerantLoader)
    except yaml.YAMLError as exc:
        raise YamlProblem([syntax_problem(exc, text)]) from None
