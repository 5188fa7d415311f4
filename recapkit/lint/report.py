"""What every output format of ``recapkit lint`` is given: the :class:`Report`, its rules'
metadata, the counts of its summary, and links to the rules' documentation.

The formats themselves live in :mod:`recapkit.lint.reporters` (name -> function) and
:mod:`recapkit.lint.report_formats`; both read only what is here, so neither imports the other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from attrs import field, frozen

from recapkit.lint.diagnostics import Diagnostic, Severity

INFORMATION_URI = "https://pypi.org/project/recapkit/"
RULES_PAGE = "https://github.com/recapkit/recapkit/blob/main/docs/rules.md"
"""The generated rules page (docs/rules.md); each rule is a section of it."""


@frozen
class RuleInfo:
    """What reporters say about a rule (SARIF's rule metadata)."""

    code: str
    name: str
    summary: str
    severity: Severity
    documentation: str = ""


@frozen
class Report:
    """Everything a reporter shows."""

    diagnostics: Sequence[Diagnostic]
    """Sorted by path, line, column and code."""
    files: Sequence[str]
    """Every file linted (JUnit lists clean files as passing tests)."""
    rules: Sequence[RuleInfo] = ()
    fixed: int = 0
    elapsed: float = 0.0
    statistics: bool = False
    quiet: bool = False
    color: bool = False
    unsafe_fixes: bool = False
    """Whether ``--unsafe-fixes`` was given: unsafe fixes then count as fixable."""
    summary_extra: Mapping[str, Any] = field(factory=dict)
    sites: Sequence[str] = ()
    """One line per site: its root, the generator that read it, its config and file count."""
    source: bool = False
    """Show each finding's line of the post under it, marked (``--output-format full``)."""
    show_fixes: bool = False
    """List the fixes: the ones ``--fix`` applied (:attr:`fixes`), else the ones available."""
    fixes: Sequence[Diagnostic] = ()
    """The findings ``--fix`` repaired in this run."""
    texts: Mapping[str, str] = field(factory=dict)
    recaps: tuple[int, int] = (0, 0)
    """Posts read as recaps: with recap data, and from their text (``--statistics`` shows them)."""
    """Posts linted from memory (``recapkit lint -``), by the path they are shown under: ``full``
    shows their lines, not those of the file on disk."""


Reporter = Callable[[Report, IO[str]], None]


def rule_infos(rules: Sequence[Any]) -> list[RuleInfo]:
    """RuleInfo of rule instances or classes (anything with code, name, summary, ...)."""
    infos = []
    for rule in rules:
        doc = rule.documentation() if hasattr(rule, "documentation") else ""
        summary = getattr(rule, "summary", "") or (doc.splitlines()[0] if doc else rule.name)
        infos.append(RuleInfo(rule.code, rule.name, summary, Severity(rule.default_severity), doc))
    return sorted(infos, key=lambda r: r.code)


def rule_url(code: str, name: str) -> str:
    """The rule's section of the rules page (its heading is ``RK301 heading-missing-space``)."""
    return f"{RULES_PAGE}#{code.lower()}-{name}"


def counts(report: Report) -> dict[str, Any]:
    """The JSON ``summary``: totals per severity and per rule."""
    by_severity = Counter(str(d.severity) for d in report.diagnostics)
    return {
        "files": len(report.files),
        "files_with_findings": len({d.path for d in report.diagnostics}),
        "diagnostics": len(report.diagnostics),
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "info": by_severity.get("info", 0),
        "fixable": sum(1 for d in report.diagnostics if d.fixable_with(unsafe=report.unsafe_fixes)),
        "unsafe_fixable": sum(
            1
            for d in report.diagnostics
            if d.fixable and not d.fixable_with(unsafe=report.unsafe_fixes)
        ),
        "fixed": report.fixed,
        "by_rule": dict(sorted(Counter(d.code for d in report.diagnostics).items())),
        **report.summary_extra,
    }


def summary_line(report: Report) -> str:
    """``Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with --fix.``"""
    total = len(report.diagnostics)
    fixed = f"; fixed {report.fixed}" if report.fixed else ""
    if total == 0:
        return f"All checks passed ({plural(len(report.files), 'file')}{fixed})."
    c = counts(report)
    parts = [plural(c["errors"], "error"), plural(c["warnings"], "warning"), f"{c['info']} info"]
    kinds = ", ".join(p for p in parts if not p.startswith("0 "))
    fixable = f"; {c['fixable']} fixable with --fix" if c["fixable"] else ""
    if c["unsafe_fixable"]:
        fixable += f" ({c['unsafe_fixable']} more with --unsafe-fixes)"
    files = plural(c["files_with_findings"], "file")
    return f"Found {plural(total, 'problem')} ({kinds}) in {files}{fixable}{fixed}."


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def source_text(path: str, texts: Mapping[str, str]) -> str | None:
    """The text the findings of *path* are positioned in: the post as linted from memory, else
    the file decoded as the linter decodes it (UTF-8, BOM removed); None if it cannot be read."""
    if path in texts:
        return texts[path]
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return data.decode("utf-8", "replace").removeprefix("\ufeff")
