"""How the JSON output formats are laid out: one finding per line.

``json.dump(..., indent=2)`` encodes in pure Python (the C encoder takes no indent), about three
times slower than the C encoder: on a run with thousands of findings that was a tenth of a cached
run. So the outer objects and lists are laid out by hand, two spaces a level, and each element of
a list, a finding, is encoded in one piece by the C encoder, on a line of its own: as easy to
read, and to ``grep``, as the fully indented form. SARIF nests its results one level deeper (in its
one run): the run, under ``runs``, is laid out like the document (see ``expand``).
"""

from __future__ import annotations

import json
from typing import IO, Any

_INDENT = "  "
_compact = json.JSONEncoder(ensure_ascii=False).encode
"""One encoder for every value: ``json.dumps`` with an argument builds a new one per call, which
cost as much as encoding a finding."""


def write_json(document: Any, stream: IO[str], *, expand: frozenset[str] = frozenset()) -> None:
    """*document* as JSON (UTF-8 text, not ``\\u`` escapes) to *stream*, with a final newline:
    objects are laid out a key per line, lists an element per line, and everything inside a
    list's element on that line; but the elements of a list under a key of *expand* are laid
    out like the document (SARIF's ``runs``: one run holding every result)."""
    _Writer(stream, expand).write(document, 0)
    stream.write("\n")


class _Writer:
    def __init__(self, stream: IO[str], expand: frozenset[str]) -> None:
        self.stream = stream
        self.expand = expand

    def write(self, value: Any, depth: int, expanded: bool = False) -> None:
        stream, inner = self.stream, _INDENT * (depth + 1)
        if isinstance(value, dict) and value:
            stream.write("{\n")
            last = len(value) - 1
            for index, (key, item) in enumerate(value.items()):
                stream.write(f"{inner}{_compact(str(key))}: ")
                self.write(item, depth + 1, key in self.expand)
                stream.write(",\n" if index < last else "\n")
            stream.write(_INDENT * depth + "}")
        elif isinstance(value, list) and value and expanded:
            stream.write("[\n")
            for index, item in enumerate(value):
                stream.write(",\n" + inner if index else inner)
                self.write(item, depth + 1)
            stream.write("\n" + _INDENT * depth + "]")
        elif isinstance(value, list) and value:
            rows = [inner + _compact(item) for item in value]
            stream.write("[\n" + ",\n".join(rows) + "\n" + _INDENT * depth + "]")
        else:
            stream.write(_compact(value))
