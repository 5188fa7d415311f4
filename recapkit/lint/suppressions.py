"""Inline suppressions: ``<!-- recapkit-disable ... -->`` comments and markdownlint's equivalents.

Forms (codes or names, space or comma separated; none means every rule)::

    <!-- recapkit-disable-next-line RK201 -->
    <!-- recapkit-disable-line RK202 -->          (the comment's own line)
    <!-- recapkit-disable RK201 image-alt-filename --> ... <!-- recapkit-enable -->
    <!-- recapkit-disable-file -->                 (anywhere in the file)
    tags: a b  # recapkit-disable-line RK104       (a YAML/TOML comment in the front matter)

Only real comments count: one quoted in a fenced or indented code block, a code span or an SSG
code-block tag (``{% highlight %}``) is an example, not an instruction (:func:`post_suppressions`).

markdownlint's comments keep working for the rules with a markdownlint equivalent
(:data:`MARKDOWNLINT_EQUIVALENTS`): a bare ``<!-- markdownlint-disable -->`` silences only those,
never recapkit's front matter or image-file rules, which markdownlint does not have.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit._text import lazy_pattern
from recapkit.lint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from recapkit.post.types import Post

# markdownlint rule -> recapkit code; both the MDxxx id and its alias are accepted.
MARKDOWNLINT_EQUIVALENTS: Mapping[str, str] = {
    "MD018": "RK301",
    "NO-MISSING-SPACE-ATX": "RK301",
    "MD042": "RK302",
    "NO-EMPTY-LINKS": "RK302",
    "MD045": "RK201",
    "NO-ALT-TEXT": "RK201",
}
_MARKDOWNLINT_CODES = frozenset(MARKDOWNLINT_EQUIVALENTS.values())


_html_comment = lazy_pattern(
    r"<!--\s*(recapkit|markdownlint)-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)"
    r"\b([^>]*?)\s*-->"
)


_hash_comment = lazy_pattern(r"#\s*recapkit-(disable-next-line|disable-line)\b([^\n]*)")


_SEPARATORS = re.compile(r"[\s,]+")
ALL = "*"


@frozen
class _State:
    """Which codes are off from one line on: ``everything`` minus ``except_`` plus ``codes``."""

    everything: bool = False
    codes: frozenset[str] = frozenset()
    except_: frozenset[str] = frozenset()

    def silences(self, code: str) -> bool:
        return (self.everything and code not in self.except_) or code in self.codes


@frozen
class Suppressions:
    """The suppressions of one file; :meth:`silences` answers for one diagnostic."""

    file_codes: frozenset[str] = frozenset()
    line_codes: Mapping[int, frozenset[str]] = {}
    range_lines: tuple[int, ...] = ()
    range_states: tuple[_State, ...] = ()

    def silences(self, diagnostic: Diagnostic) -> bool:
        code = diagnostic.code
        if ALL in self.file_codes or code in self.file_codes:
            return True
        on_line = self.line_codes.get(diagnostic.line)
        if on_line and (ALL in on_line or code in on_line):
            return True
        index = bisect.bisect_right(self.range_lines, diagnostic.line) - 1
        return index >= 0 and self.range_states[index].silences(code)

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        return [d for d in diagnostics if not self.silences(d)]

    def to_data(self) -> list[Any]:
        """Plain JSON data (for the lint cache); :meth:`from_data` reads it back."""
        states = [[s.everything, sorted(s.codes), sorted(s.except_)] for s in self.range_states]
        lines = [[line, sorted(codes)] for line, codes in self.line_codes.items()]
        return [sorted(self.file_codes), lines, list(self.range_lines), states]

    @classmethod
    def from_data(cls, data: Any) -> Suppressions:
        if not data:
            return NONE
        if data == _NO_DATA:
            return NONE  # a file without suppressions: most of a cached run's entries
        file_codes, lines, range_lines, states = data
        return cls(
            file_codes=frozenset(file_codes),
            line_codes={int(line): frozenset(codes) for line, codes in lines},
            range_lines=tuple(range_lines),
            range_states=tuple(_State(bool(e), frozenset(c), frozenset(x)) for e, c, x in states),
        )


NONE = Suppressions()
_NO_DATA = NONE.to_data()


def post_suppressions(post: Post, *, names: Mapping[str, str] | None = None) -> Suppressions:
    """The suppressions of a loaded post: its real comments, not those quoted in code."""
    text = post.text
    if "recapkit-" not in text and "markdownlint-" not in text:
        return NONE
    fm = post.front_matter
    return parse_suppressions(
        text,
        names=names,
        front_matter_end=fm.span.end if fm else 0,
        in_code=post.in_code,
    )


def parse_suppressions(
    text: str,
    *,
    names: Mapping[str, str] | None = None,
    front_matter_end: int = 0,
    in_code: Callable[[int], bool] | None = None,
) -> Suppressions:
    """Read every suppression comment of *text*.

    *names* maps upper-cased rule names to codes (``IMAGE-MISSING-ALT`` -> ``RK201``) so comments
    may name rules either way; *front_matter_end* is the offset where the front matter ends
    (``#`` comments count only before it, where they are YAML/TOML comments, not headings);
    *in_code* tells whether an offset lies in code, where a comment is only quoted.
    """
    if "recapkit-" not in text and "markdownlint-" not in text:
        return NONE  # the common case: no comment to look for, no regex run
    names = names or {}
    builder = _Builder(text)
    for match in _html_comment().finditer(text):
        if in_code is not None and in_code(match.start()):
            continue
        tool, action, arguments = match.groups()
        codes = _codes(arguments, tool, names)
        builder.add(action, codes, match.start(), markdownlint=tool == "markdownlint")
    if front_matter_end:
        for match in _hash_comment().finditer(text, 0, front_matter_end):
            action, arguments = match.groups()
            builder.add(action, _codes(arguments, "recapkit", names), match.start())
    return builder.build()


def _codes(arguments: str, tool: str, names: Mapping[str, str]) -> frozenset[str]:
    words = [w.upper() for w in _SEPARATORS.split(arguments.strip()) if w]
    if tool == "markdownlint":
        if not words:
            return _MARKDOWNLINT_CODES
        return frozenset(
            MARKDOWNLINT_EQUIVALENTS[w] for w in words if w in MARKDOWNLINT_EQUIVALENTS
        )
    if not words:
        return frozenset({ALL})
    return frozenset(names.get(word, word) for word in words)


class _Builder:
    def __init__(self, text: str) -> None:
        self._text = text
        self._file: set[str] = set()
        self._lines: dict[int, set[str]] = {}
        self._events: list[tuple[int, int, bool, frozenset[str]]] = []

    def add(
        self, action: str, codes: frozenset[str], offset: int, *, markdownlint: bool = False
    ) -> None:
        if not codes:
            return  # markdownlint rules recapkit has no equivalent for
        line = self._text.count("\n", 0, offset)
        if action == "disable-file":
            self._file |= codes
        elif action == "disable-line":
            self._lines.setdefault(line, set()).update(codes)
        elif action == "disable-next-line":
            self._lines.setdefault(line + 1, set()).update(codes)
        elif action in ("disable", "enable"):
            self._events.append((line, offset, action == "disable", codes))
        # enable-file (markdownlint) only undoes a config-level disable, which recapkit does not read

    def build(self) -> Suppressions:
        lines: list[int] = []
        states: list[_State] = []
        state = _State()
        for line, _offset, disable, codes in sorted(self._events, key=lambda e: e[1]):
            state = _apply(state, disable, codes)
            if lines and lines[-1] == line:
                states[-1] = state  # several comments on one line: the last one wins
            else:
                lines.append(line)
                states.append(state)
        return Suppressions(
            file_codes=frozenset(self._file),
            line_codes={line: frozenset(codes) for line, codes in self._lines.items()},
            range_lines=tuple(lines),
            range_states=tuple(states),
        )


def _apply(state: _State, disable: bool, codes: frozenset[str]) -> _State:
    if ALL in codes:
        return _State(everything=True) if disable else _State()
    if disable:
        return _State(state.everything, state.codes | codes, state.except_ - codes)
    if state.everything:
        return _State(True, state.codes - codes, state.except_ | codes)
    return _State(False, state.codes - codes, state.except_)
