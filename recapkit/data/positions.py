"""Map a field path (``talks[2].speakers[0].name``) to a 0-based line and column in a text.

Works on whole data files and on front matter blocks alike, for YAML, TOML and JSON. The
parsers that build the data (PyYAML's constructor, ``tomllib``, ``json``) keep no positions,
so YAML is re-composed into nodes (which carry marks) and TOML/JSON are scanned by the small
position-only scanner below. It is forgiving: whatever it cannot follow yields the nearest
ancestor found so far, and a text it cannot read at all yields ``(0, 0)``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence

import yaml
from attrs import define, field

from recapkit import _yaml as yamlsafe
from recapkit._text import lazy_pattern

PathPart = str | int


@define
class _Pos:
    """Where a value starts and where its key starts (same place for array items)."""

    offset: int
    key_offset: int
    children: dict[PathPart, _Pos] = field(factory=dict)


class Locator:
    """Positions of the values in one text; build once, ask many times."""

    def __init__(self, text: str, fmt: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._yaml: yaml.Node | None = None
        self._yaml_lines = yamlsafe.YamlLines(text) if fmt in ("yaml", "yml") else None
        self._tree: _Pos | None = None
        try:
            if fmt in ("yaml", "yml"):
                self._yaml = yamlsafe.compose(text)
            else:
                self._tree = _Scanner(text, toml=fmt == "toml").document()
        except (yamlsafe.YamlProblem, _ScanError, RecursionError, IndexError):
            pass

    def find(self, path: Sequence[PathPart], *, at_key: bool = False) -> tuple[int, int]:
        """0-based (line, column) of the value at *path*, or of its key when *at_key*."""
        if self._yaml is not None and self._yaml_lines is not None:
            return self._yaml_lines.position(*_find_yaml(self._yaml, path, at_key))
        node, found = self._tree, True
        for part in path:
            if node is None or part not in node.children:
                found = False
                break
            node = node.children[part]
        if node is None:
            return 0, 0
        offset = node.key_offset if at_key and found else node.offset
        line = bisect.bisect_right(self._starts, offset) - 1
        return line, offset - self._starts[line]

    def scalar(self, path: Sequence[PathPart]) -> str | None:
        """A bare (unquoted) scalar exactly as written at *path* (``No``, ``010``, TOML and JSON
        ``1.10``), else None."""
        if self._tree is not None:
            return self._bare_token(path)
        node = self._yaml
        for part in path:
            child = _yaml_child(node, part) if node is not None else None
            if child is None:
                return None
            node = child[1]
        if isinstance(node, yaml.ScalarNode) and not node.style:
            return str(node.value)
        return None

    def _bare_token(self, path: Sequence[PathPart]) -> str | None:
        tree = self._tree
        for part in path:
            tree = tree.children.get(part) if tree is not None else None
        match = _bare().match(self._text, tree.offset) if tree is not None else None
        return match.group() if match else None


# A TOML or JSON number, boolean or date as written (quoted text starts with a quote: no match).
_bare = lazy_pattern(r"[-+0-9A-Za-z_.:]+")


def locate(text: str, fmt: str, path: Sequence[PathPart]) -> tuple[int, int]:
    """0-based line and column of the value at *path* in *text* (``yaml``, ``toml`` or ``json``),
    or of the nearest ancestor that exists; ``(0, 0)`` when nothing matches."""
    return Locator(text, fmt).find(path)


def repeated_json_keys(text: str) -> list[tuple[str, int, int, int]] | None:
    """(key, line, column, line of its first occurrence) of every key a JSON object repeats,
    0-based, or None when the text cannot be scanned."""
    scanner = _Scanner(text, toml=False)
    try:
        scanner.document()
    except (_ScanError, RecursionError, IndexError):
        return None
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    found = []
    for key, offset, first in scanner.repeated:
        line = bisect.bisect_right(starts, offset) - 1
        found.append((key, line, offset - starts[line], bisect.bisect_right(starts, first) - 1))
    return found


def _find_yaml(root: yaml.Node, path: Sequence[PathPart], at_key: bool) -> tuple[int, int]:
    node, key_node = root, root
    for part in path:
        child = _yaml_child(node, part)
        if child is None:
            return node.start_mark.line, node.start_mark.column
        key_node, node = child
    target = key_node if at_key else node
    return target.start_mark.line, target.start_mark.column


def _yaml_child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], node.value[part]
    return None


class _ScanError(Exception):
    pass


_bare_key = lazy_pattern(r"[A-Za-z0-9_-]+")


_scalar_end = lazy_pattern(r"[,\]}\n#]")


_STRING = {
    '"""': re.compile(r'"""(?:[^\\]|\\.)*?"{3,5}', re.S),
    "'''": re.compile(r"'''.*?'{3,5}", re.S),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}


class _Scanner:
    """Positions of keys and values in TOML or JSON; values are skipped, not interpreted."""

    def __init__(self, text: str, *, toml: bool) -> None:
        self.text, self.toml, self.i = text, toml, 0
        self.repeated: list[tuple[str, int, int]] = []
        """JSON keys written twice in one object: (key, its offset, the first one's offset)."""

    def document(self) -> _Pos:
        start = self.space()  # the document "starts" at its first key, after comments
        root = _Pos(start, start)
        if not self.toml:
            return self.value(start)
        table = root
        while self.space() < len(self.text):
            if self.text.startswith("[[", self.i):
                table = self.header(root, "]]")
            elif self.text[self.i] == "[":
                table = self.header(root, "]")
            else:
                self.pair(table, "=")
        return root

    def space(self) -> int:
        """Skip whitespace, newlines and comments."""
        while self.i < len(self.text):
            char = self.text[self.i]
            if char == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            elif char in " \t\r\n\ufeff":
                self.i += 1
            else:
                break
        return self.i

    def key(self) -> list[tuple[str, int]]:
        parts = []
        while True:
            self.inline_space()
            start = self.i
            char = self.text[self.i : self.i + 1]
            if char in ('"', "'"):
                match = _STRING[char].match(self.text, self.i)
                if match is None:
                    raise _ScanError
                parts.append((_unquote(match.group()), start))
                self.i = match.end()
            else:
                match = _bare_key().match(self.text, self.i)
                if match is None:
                    raise _ScanError
                parts.append((match.group(), start))
                self.i = match.end()
            self.inline_space()
            if not (self.toml and self.text.startswith(".", self.i)):
                return parts
            self.i += 1

    def inline_space(self) -> None:
        while self.text[self.i : self.i + 1] in (" ", "\t"):
            self.i += 1

    def header(self, root: _Pos, close: str) -> _Pos:
        self.i += len(close)
        parts = self.key()
        if not self.text.startswith(close, self.i):
            raise _ScanError
        self.i += len(close)
        node = root
        for name, offset in parts[:-1]:
            node = _last(node.children.setdefault(name, _Pos(offset, offset)))
        name, offset = parts[-1]
        if close == "]]":
            array = node.children.setdefault(name, _Pos(offset, offset))
            item = _Pos(offset, offset)
            array.children[len(array.children)] = item
            return item
        return node.children.setdefault(name, _Pos(offset, offset))

    def pair(self, table: _Pos, separator: str) -> None:
        parts = self.key()
        if not self.text.startswith(separator, self.i):
            raise _ScanError
        self.i += 1
        node = table
        for name, offset in parts[:-1]:
            node = node.children.setdefault(name, _Pos(offset, offset))
        self.inline_space()
        name, offset = parts[-1]
        value = self.value(offset)
        first = node.children.get(name)
        if first is not None and not self.toml:  # TOML refuses them itself
            self.repeated.append((name, offset, first.key_offset))
        node.children[name] = value

    def value(self, key_offset: int) -> _Pos:
        start = self.i
        char = self.text[self.i : self.i + 1]
        if char in ("[", "{"):
            return self.collection(_Pos(start, key_offset), "]" if char == "[" else "}")
        for opener in ('"""', "'''", '"', "'"):
            if self.text.startswith(opener, self.i):
                match = _STRING[opener].match(self.text, self.i)
                if match is None:
                    raise _ScanError
                self.i = match.end()
                return _Pos(start, key_offset)
        match = _scalar_end().search(self.text, self.i)
        self.i = match.start() if match else len(self.text)
        if self.i == start:
            raise _ScanError
        return _Pos(start, key_offset)

    def collection(self, node: _Pos, close: str) -> _Pos:
        self.i += 1
        index = 0
        while self.space() < len(self.text) and self.text[self.i] != close:
            if close == "]":
                node.children[index] = self.value(self.i)
                index += 1
            else:
                self.pair(node, "=" if self.toml else ":")
            self.space()
            if self.text[self.i : self.i + 1] == ",":
                self.i += 1
        self.i += 1
        return node


def _unquote(quoted: str) -> str:
    if quoted.startswith("'"):
        return quoted[1:-1]
    try:
        value = json.loads(quoted)
    except ValueError:  # a TOML-only escape such as \U0001F600: good enough for matching
        return quoted[1:-1]
    return str(value)


def _last(node: _Pos) -> _Pos:
    """``[a.b]`` under an array of tables ``[[a]]`` refers to its last element."""
    if node.children and all(isinstance(k, int) for k in node.children):
        return node.children[len(node.children) - 1]
    return node
