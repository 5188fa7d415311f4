"""``--output-format gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

GitLab reads a JSON array of issues, each with ``description``, ``check_name``, ``fingerprint``,
``severity`` (``info``, ``minor``, ``major``, ``critical``, ``blocker``) and
``location: {path, lines: {begin}}``, the path relative to the repository root (GitLab's
"Code Quality report format", doc/ci/testing/code_quality.md). GitLab shows issues with one
fingerprint as one, and a merge request lists as new the issues whose fingerprint the target
branch's report lacks: so the fingerprint leaves the line out (a finding stays the same finding
when lines are added above it) and counts identical findings in a file instead.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import IO, Any

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.report import Report
from recapkit.lint.report_formats.json_text import write_json

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""Ours on GitLab's scale; ``critical`` and ``blocker`` are left for what stops a release."""


def report(report: Report, stream: IO[str]) -> None:
    """The JSON array, one issue per finding, in the report's order."""
    paths = _RepositoryPaths(os.environ.get("CI_PROJECT_DIR"))
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in report.diagnostics:
        path = paths.relative(d.path)
        key = (path, d.code, d.message)
        seen[key] += 1
        issues.append(_issue(d, path, fingerprint(*key, seen[key])))
    write_json(issues, stream)


def fingerprint(path: str, code: str, message: str, occurrence: int) -> str:
    """The same for the same finding across runs: the *occurrence*-th finding of *code* with
    *message* in *path*, wherever its line is."""
    data = "\0".join((path, code, message, str(occurrence)))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _issue(d: Diagnostic, path: str, print_: str) -> dict[str, Any]:
    end = d.end_line if d.end_line is not None else d.line
    return {
        "type": "issue",
        "description": f"{d.code} {d.message}",
        "check_name": d.code,
        "fingerprint": print_,
        "severity": SEVERITIES.get(d.severity, "major"),
        "location": {"path": path, "lines": {"begin": d.line + 1, "end": end + 1}},
    }


class _RepositoryPaths:
    """Paths relative to the repository root, as GitLab links them to the merge request's files:
    the root is ``$CI_PROJECT_DIR`` in a GitLab job, else the nearest folder above the file that
    holds ``.git``, else the current folder; a file outside the root keeps the path it was shown
    under."""

    def __init__(self, project_dir: str | None) -> None:
        self._project = Path(project_dir).resolve() if project_dir else None
        self._roots: dict[Path, Path | None] = {}
        self._relative: dict[str, str] = {}
        """Shown path -> its path from the root: a file's findings resolve it once (a resolve
        is a system call per folder of the path, and was four fifths of the report)."""

    def relative(self, shown: str) -> str:
        known = self._relative.get(shown)
        if known is None:
            known = self._relative[shown] = self._from_root(shown)
        return known

    def _from_root(self, shown: str) -> str:
        path = Path(shown).resolve()
        root = self._project if self._project is not None else self._root(path.parent)
        root = root if root is not None else Path.cwd().resolve()
        if root is not None and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
        return Path(shown).as_posix().removeprefix("./")

    def _root(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            has_git = (folder / ".git").exists()
            parent = folder.parent
            self._roots[folder] = (
                folder if has_git else None if parent == folder else self._root(parent)
            )
        return self._roots[folder]
