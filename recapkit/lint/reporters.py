"""Output formats of ``recapkit lint``: name -> function(report, stream).

Positions are shown 1-based; an end column is exclusive (the column after the last character),
as SARIF and GitHub expect. Paths are shown as the user gave them (relative paths stay
relative to the current directory). What a report holds is :mod:`recapkit.lint.report`; the CI
services' own formats (GitLab Code Quality, reviewdog, a step summary) are in
:mod:`recapkit.lint.report_formats`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from recapkit.__about__ import __version__
from recapkit._text import lazy_pattern, printable
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.report import (
    INFORMATION_URI,
    Report,
    Reporter,
    RuleInfo,
    counts,
    plural,
    rule_infos,
    source_text,
    summary_line,
)
from recapkit.lint.report_formats import gitlab, markdown, rdjson
from recapkit.lint.report_formats.json_text import write_json

__all__ = [
    "FORMATS",
    "REPORTERS",
    "Report",
    "Reporter",
    "RuleInfo",
    "counts",
    "printable",
    "rule_infos",
    "write_report",
]

FORMATS = (
    "text",
    "concise",
    "full",
    "json",
    "github",
    "sarif",
    "junit",
    "gitlab",
    "rdjson",
    "markdown",
)
"""``text`` is ``concise`` (one line per finding); ``full`` adds each finding's source line."""


def _end(d: Diagnostic) -> tuple[int | None, int | None]:
    end_line = d.end_line + 1 if d.end_line is not None else None
    end_column = d.end_column + 1 if d.end_column is not None else None
    return end_line, end_column


# --- text ------------------------------------------------------------------------------------------

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def text(report: Report, stream: IO[str]) -> None:
    """``path:line:col: CODE [*] message`` (``[*]``: ``--fix`` repairs it; a warning or info
    finding names its severity after the code), then a summary; ``--statistics``: counts per
    rule instead; ``full``: each finding's source line under it."""
    if report.statistics:
        _statistics(report, stream)
    else:
        lines = _SourceLines(report.texts) if report.source else None
        for d in report.diagnostics:
            stream.write(_text_line(report, d) + "\n")
            if lines is not None:
                stream.write(lines.context(d))
    if report.show_fixes:
        _fix_list(report, stream)
    if not report.quiet:
        for line in report.sites:
            stream.write(f"Site: {printable(line)}\n")
        if report.statistics:
            with_data, from_text = report.recaps
            stream.write(
                f"Recaps: {plural(with_data + from_text, 'post')} read as "
                f"{'a recap' if with_data + from_text == 1 else 'recaps'} "
                f"({with_data} with recap data, {from_text} from their text)\n"
            )
        stream.write(summary_line(report) + "\n")


def _text_line(report: Report, d: Diagnostic) -> str:
    import click

    where = f"{printable(str(d.path))}:{d.line + 1}:{d.column + 1}:"
    code = d.code
    if report.color:
        where = click.style(where, bold=True)
        code = click.style(code, fg=_COLORS.get(d.severity, "red"), bold=True)
    level = "" if d.severity is Severity.ERROR else f" ({d.severity.value})"
    mark = " [*]" if d.fixable_with(unsafe=report.unsafe_fixes) else ""
    return f"{where} {code}{level}{mark} {printable(d.message)}"


def _statistics(report: Report, stream: IO[str]) -> None:
    names = {d.code: d.name for d in report.diagnostics}
    fixable = Counter(
        d.code for d in report.diagnostics if d.fixable_with(unsafe=report.unsafe_fixes)
    )
    for code, count in Counter(d.code for d in report.diagnostics).most_common():
        mark = "[*] " if fixable[code] else "    "
        can = f" ({fixable[code]} fixable)" if 0 < fixable[code] < count else ""
        stream.write(f"{count:>6}  {code}  {mark}{names[code]}{can}\n")


def _fix_list(report: Report, stream: IO[str]) -> None:
    """``--show-fixes``: what ``--fix`` changed, or (without it) what it would change."""
    if report.fixes:
        stream.write(f"Fixed {plural(len(report.fixes), 'problem')}:\n")
        shown: Sequence[Diagnostic] = report.fixes
    else:
        shown = [d for d in report.diagnostics if d.fixable_with(unsafe=report.unsafe_fixes)]
        if shown:
            stream.write("Fixes available (--fix):\n")
    for d in shown:
        what = d.fix.description if d.fix is not None else ""
        stream.write(f"  {printable(str(d.path))}:{d.line + 1}:{d.column + 1}: {d.code} {what}\n")


class _SourceLines:
    """Each finding's line of its post, read once per file, with a marker under the span."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._files = {path: text.splitlines() for path, text in texts.items()}

    def context(self, d: Diagnostic) -> str:
        lines = self._lines(str(d.path))
        if not 0 <= d.line < len(lines):
            return "\n"
        text = lines[d.line].expandtabs(4)
        end = d.end_column if d.end_line == d.line and d.end_column is not None else len(text)
        gutter = str(d.line + 1)
        marker = " " * _width(text[: d.column]) + "^" * max(1, _width(text[d.column : end]))
        pad = " " * len(gutter)
        return f"{pad} |\n{gutter} | {printable(text)}\n{pad} | {marker}\n\n"

    def _lines(self, path: str) -> list[str]:
        if path not in self._files:
            self._files[path] = (source_text(path, {}) or "").splitlines()
        return self._files[path]


def _width(text: str) -> int:
    """Terminal columns of *text*: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# --- json ------------------------------------------------------------------------------------------


def json_report(report: Report, stream: IO[str]) -> None:
    """``{"version": 1, "diagnostics": [...], "summary": {...}}``."""
    rows = []
    for d in report.diagnostics:
        end_line, end_column = _end(d)
        rows.append(
            {
                "path": d.path,
                "line": d.line + 1,
                "column": d.column + 1,
                "end_line": end_line,
                "end_column": end_column,
                "code": d.code,
                "name": d.name,
                "severity": str(d.severity),
                "message": d.message,
                "fixable": d.fixable,
                "fix_applicability": str(d.fix.applicability) if d.fix else None,
            }
        )
    write_json({"version": 1, "diagnostics": rows, "summary": counts(report)}, stream)


# --- GitHub Actions workflow commands --------------------------------------------------------------

_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report, stream: IO[str]) -> None:
    """``::error file=...,line=...,col=...,title=...::message`` lines GitHub turns into annotations."""
    for d in report.diagnostics:
        props = [
            f"file={_escape_property(Path(d.path).as_posix())}",
            f"line={d.line + 1}",
            f"col={d.column + 1}",
        ]
        end_line, end_column = _end(d)
        if end_line is not None:
            props.append(f"endLine={end_line}")
        if end_column is not None and end_line == d.line + 1:
            props.append(f"endColumn={end_column}")  # GitHub ignores a column range across lines
        props.append(f"title={_escape_property(f'{d.code} {d.name}')}")
        level = _GITHUB_LEVELS.get(d.severity, "error")
        # The message repeats the place: GitHub shows only 10 annotations per step and prints
        # the rest in the log as bare messages (ruff does the same).
        where = f"{Path(d.path).as_posix()}:{d.line + 1}:{d.column + 1}:"
        message = _escape_data(printable(f"{where} {d.code} {d.message}", lines=True))
        stream.write(f"::{level} {','.join(props)}::{message}\n")
    if not report.quiet:
        for line in report.sites:
            stream.write(f"Site: {printable(line)}\n")
        stream.write(summary_line(report) + "\n")


# --- SARIF 2.1.0 -----------------------------------------------------------------------------------

_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def sarif(report: Report, stream: IO[str]) -> None:
    """A SARIF 2.1.0 log with one run (GitHub code scanning, GitLab, Azure DevOps read it)."""
    rules = list(report.rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    artifacts = {path: _artifact(path) for path in {d.path for d in report.diagnostics}}
    run = {
        "tool": {
            "driver": {
                "name": "recapkit",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [{"executionSuccessful": True}],
        "results": [_sarif_result(d, index, artifacts[d.path]) for d in report.diagnostics],
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    # One result per line, as the JSON format has it: json.dump's indent encodes in pure
    # Python: almost half of a cached run with 6,000 findings.
    write_json(document, stream, expand=frozenset({"runs"}))


def _sarif_rule(rule: RuleInfo) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": _SARIF_LEVELS.get(rule.severity, "error")},
    }
    if rule.documentation:
        entry["fullDescription"] = {"text": rule.documentation.split("\n\n")[0]}
        entry["help"] = {"text": rule.documentation, "markdown": rule.documentation}
    return entry


def _artifact(path_text: str) -> dict[str, str]:
    """The SARIF artifact location of the file *path_text* (made once per file and shared by
    its results: a path object per finding was a tenth of a SARIF report)."""
    path = Path(path_text)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def _sarif_result(
    d: Diagnostic, index: Mapping[str, int], location: dict[str, str]
) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": d.line + 1, "startColumn": d.column + 1}
    end_line, end_column = _end(d)
    if end_line is not None:
        region["endLine"] = end_line
    if end_column is not None:
        region["endColumn"] = end_column
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _SARIF_LEVELS.get(d.severity, "error"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


# --- JUnit XML ------------------------------------------------------------------------------------


# XML 1.0 cannot hold most control characters, even escaped: drop them rather than write a file
# that GitLab or Jenkins then refuses to parse.
_not_xml = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _not_xml().sub("", text)


def junit(report: Report, stream: IO[str]) -> None:
    """JUnit XML: a test suite per file, a failing test case per finding, a passing one per clean file
    (the shape GitLab's ``artifacts:reports:junit`` and Jenkins' junit step read)."""
    from xml.etree import ElementTree as ET

    by_path: dict[str, list[Diagnostic]] = {_xml(path): [] for path in report.files}
    for d in report.diagnostics:
        by_path.setdefault(_xml(d.path), []).append(d)
    failures = len(report.diagnostics)
    root = ET.Element(
        "testsuites", name="recapkit", tests=str(sum(max(1, len(v)) for v in by_path.values()))
    )
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", f"{report.elapsed:.3f}")
    for path, found in by_path.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(found))),
            failures=str(len(found)),
            errors="0",
            skipped="0",
        )
        if not found:
            ET.SubElement(suite, "testcase", name="recapkit lint", classname=path, file=path)
        for d in found:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {d.line + 1}:{d.column + 1}",
                classname=path,
                file=path,
                line=str(d.line + 1),
            )
            failure = ET.SubElement(case, "failure", message=_xml(d.message), type=d.code)
            failure.text = _xml(f"{d.path}:{d.line + 1}:{d.column + 1}: {d.code} {d.message}")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "concise": text,
    "full": text,  # with Report.source set by the command
    "json": json_report,
    "github": github,
    "sarif": sarif,
    "junit": junit,
    "gitlab": gitlab.report,
    "rdjson": rdjson.report,
    "markdown": markdown.report,
}


def write_report(name: str, report: Report, stream: IO[str]) -> None:
    REPORTERS[name](report, stream)
