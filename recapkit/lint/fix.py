"""``--fix`` and ``--diff``: apply safe fixes as minimal text edits and write atomically.

Edits index into ``Post.text`` (the file decoded as UTF-8, BOM removed, line endings as they
are), so re-encoding and re-adding the BOM gives back every byte the edits do not touch. Before
touching a file we check that this round trip is exact; a file whose decoded text would not
re-encode to the same bytes is never written. Overlapping fixes are deferred to the next pass
(each pass re-lints the new text), at most :data:`MAX_PASSES` passes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from recapkit._read import read_limited
from recapkit.lint.diagnostics import Diagnostic, Edit
from recapkit.lint.engine import MAX_BYTES

if TYPE_CHECKING:
    from recapkit.lint.discover import Target
    from recapkit.lint.engine import FileResult, Linter

MAX_PASSES = 4
BOM = "\ufeff"


@frozen
class FixOutcome:
    """What fixing one file did: its text before and after, and its findings afterwards."""

    path: Path
    original: bytes
    fixed: bytes
    applied: int
    result: FileResult
    fixes: tuple[Diagnostic, ...] = ()
    """The findings whose fixes were applied, in the order applied."""

    @property
    def changed(self) -> bool:
        return self.original != self.fixed


def apply_fixes(
    text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False
) -> tuple[str, list[Diagnostic]]:
    """*text* with every safe fix (every fix, when *unsafe*) that overlaps no other applied;
    returns the text and the findings whose fixes were applied."""
    taken: list[Edit] = []
    applied: list[Diagnostic] = []
    fixable = [d for d in diagnostics if d.fixable_with(unsafe=unsafe) and d.fix and d.fix.edits]
    for diagnostic in sorted(fixable, key=lambda d: min(e.start for e in d.fix.edits)):  # type: ignore[union-attr]
        edits = diagnostic.fix.edits  # type: ignore[union-attr]
        if any(e.end > len(text) for e in edits) or _overlaps(edits, taken):
            continue
        taken.extend(edits)
        applied.append(diagnostic)
    for edit in sorted(taken, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, applied


def _overlaps(edits: Iterable[Edit], taken: list[Edit]) -> bool:
    # Two insertions at one offset conflict too: their order would be arbitrary.
    edits = list(edits)
    pairs = [(a, b) for a in edits for b in [*taken, *[e for e in edits if e is not a]]]
    return any((a.start < b.end and b.start < a.end) or a.start == b.start for a, b in pairs)


def encode(post: Any, text: str) -> bytes:
    """The bytes of *text* as *post*'s file stores it (its BOM kept)."""
    return ((BOM if post.has_bom else "") + text).encode("utf-8")


def fix_file(linter: Linter, result: FileResult, *, unsafe: bool = False) -> FixOutcome | None:
    """Fix one linted file in memory (unsafe fixes too when *unsafe*), re-linting after each
    pass; None when it cannot be fixed safely (unreadable, or its text would not round-trip to
    the same bytes)."""
    try:
        original = read_limited(result.target.real, MAX_BYTES)
    except OSError:
        return None
    return fix_bytes(linter, result.target, original, unsafe=unsafe)


def fix_bytes(
    linter: Linter, target: Target, original: bytes, *, unsafe: bool = False
) -> FixOutcome | None:
    """Fix *original*, the bytes of *target* (read from it, or given: a text from an editor),
    in memory, as :func:`fix_file` does."""
    post = linter.load(target, original)
    if post.problem is not None or encode(post, post.text) != original:
        return None
    text, applied = post.text, []
    for _ in range(MAX_PASSES):
        current = linter.lint_post(target, post)
        new_text, fixes = apply_fixes(text, current.diagnostics, unsafe=unsafe)
        if not fixes or new_text == text:
            break
        applied += fixes
        text = new_text
        post = linter.load(target, encode(post, text))
    else:
        current = linter.lint_post(target, post)
    fixed = encode(post, text)
    return FixOutcome(target.path, original, fixed, len(applied), current, tuple(applied))


def unified_diff(outcome: FixOutcome) -> str:
    """A ``git diff``-style unified diff of one fixed file (``\\ No newline at end of file`` kept)."""
    before = outcome.original.decode("utf-8-sig").splitlines(keepends=True)
    after = outcome.fixed.decode("utf-8-sig").splitlines(keepends=True)
    name = Path(outcome.path).as_posix()
    # Which fix made which change, and whether it was a safe one (`patch` skips these lines).
    lines = [
        f"# {d.code} {d.line + 1}:{d.column + 1} {d.fix.description} ({d.fix.applicability})\n"
        for d in outcome.fixes
        if d.fix is not None
    ]
    for line in difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}"):
        lines.append(line)
        if not line.endswith("\n"):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)
