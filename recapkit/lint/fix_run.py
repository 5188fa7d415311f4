"""``--fix`` and ``--diff`` over a whole run: which files have fixes, whether each may be
written, the writes, and what they repaired.

Imported only when fixes are asked for: a plain lint run never loads it (nor
:mod:`recapkit.lint.fix`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import attrs

from recapkit import atomic
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.discover import Target
from recapkit.lint.engine import FileResult, Linter, LintResult
from recapkit.lint.fix import fix_file, unified_diff


def fixable_files(result: LintResult, unsafe: bool) -> list[FileResult]:
    """The files of *result* with a finding ``--fix`` repairs (unsafe ones too when *unsafe*)."""
    return [f for f in result.files if any(d.fixable_with(unsafe=unsafe) for d in f.diagnostics)]


def apply_fixes(
    linter: Linter, result: LintResult, notes: list[str], *, unsafe: bool
) -> LintResult:
    """Apply the safe fixes (and the unsafe ones when asked), write each changed file
    atomically, and re-lint it; a file that must not be written keeps its findings and gets a
    note in *notes* saying why."""
    replaced: dict[Path, FileResult] = {}
    fixed = 0
    repairs: list[Diagnostic] = []
    for file in fixable_files(result, unsafe):
        refusal = unwritable(file.target)
        if refusal is not None:
            notes.append(f"{file.target.path}: not fixed: {refusal}")
            continue
        outcome = fix_file(linter, file, unsafe=unsafe)
        if outcome is None or not outcome.changed:
            continue
        atomic.write_bytes(file.target.real, outcome.fixed)
        replaced[file.target.real] = outcome.result
        fixed += outcome.applied
        repairs += repaired(file, outcome.result, unsafe)
    files = tuple(replaced.get(f.target.real, f) for f in result.files)
    return attrs.evolve(result, files=files, fixed=fixed, fixes=tuple(repairs))


def diffs(linter: Linter, result: LintResult, *, unsafe: bool) -> tuple[tuple[str, ...], int]:
    """What ``--fix`` would change, one unified diff per file, and how many findings it repairs."""
    found: list[str] = []
    applied = 0
    for file in fixable_files(result, unsafe):
        outcome = fix_file(linter, file, unsafe=unsafe)
        if outcome is None or not outcome.changed:
            continue
        found.append(unified_diff(outcome))
        applied += outcome.applied
    return tuple(found), applied


def repaired(before: FileResult, after: FileResult, unsafe: bool) -> list[Diagnostic]:
    """The fixable findings of *before* that the fixed file no longer has."""
    left = {(d.code, d.message) for d in after.diagnostics}
    return [
        d
        for d in before.diagnostics
        if d.fixable_with(unsafe=unsafe) and (d.code, d.message) not in left
    ]


def unwritable(target: Target) -> str | None:
    """Why --fix must not write *target* (None: it may).

    The write replaces the file by a rename, which needs no permission on the file itself, so
    its mode is checked here: a read-only file stays read-only, even for root.
    """
    if target.outside is not None:
        return f"it is a link to {target.real}, outside the site ({target.outside})"
    try:
        mode = target.real.stat().st_mode
    except OSError as exc:
        return f"cannot stat it: {exc.strerror or exc}"
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return f"it is read-only (mode {stat.S_IMODE(mode):04o})"
    if not os.access(target.real, os.W_OK):
        return "no permission to write it"
    return None
