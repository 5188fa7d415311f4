"""``--output-format markdown``: a summary for a GitHub Actions job page (``$GITHUB_STEP_SUMMARY``)
or any other place that shows GitHub-flavoured Markdown.

A heading, the counts by severity, a table of the rules found (each linked to its documentation)
and a table of findings per file. Every text from a post or a file name is escaped: ASCII
punctuation gets a backslash (so ``|`` cannot end a cell, ``<`` cannot open HTML, ``![`` cannot
load an image, ``&`` cannot start an entity) and control characters, newlines among them, are
written as ``\\n``-style escapes (a newline would end the table row). GitHub refuses a step summary
over 1 MiB as a whole, so the findings stop before :data:`LIMIT` bytes and a last line says how
many were left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import IO

from recapkit._text import printable
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.report import Report, plural, rule_url, summary_line

LIMIT = 1_000_000
"""Bytes of UTF-8 the summary may take: under GitHub's 1 MiB (1,048,576) per step, with room
left for what other commands of the step write to the same file."""
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_ROOM_FOR_THE_NOTE = 400


def escape(text: str) -> str:
    """*text* shown as it is, in a table cell or a heading (CommonMark: any ASCII punctuation
    may be backslash-escaped, and GFM tables take ``\\|`` as a literal pipe)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", printable(text))


def report(report: Report, stream: IO[str], *, limit: int = LIMIT) -> None:
    """The summary; the findings table stops before *limit* bytes."""
    head = "".join(_head(report))
    stream.write(head)
    budget = limit - len(head.encode("utf-8")) - _ROOM_FOR_THE_NOTE
    shown = 0
    for row in _findings(report.diagnostics):
        size = len(row.encode("utf-8", "surrogatepass"))
        if size > budget:
            break
        stream.write(row)
        budget -= size
        shown += 1
    left = report.diagnostics[shown:]
    if left:
        stream.write(_left_out(left, len(report.diagnostics)))


def _head(report: Report) -> Iterator[str]:
    yield "## recapkit lint\n\n"
    yield escape(summary_line(report)) + "\n"
    if not report.diagnostics:
        return
    by_severity = Counter(str(d.severity) for d in report.diagnostics)
    yield "\n| Severity | Findings |\n|:--|--:|\n"
    for severity in ("error", "warning", "info"):
        if by_severity[severity]:
            yield f"| {severity} | {by_severity[severity]} |\n"
    yield "\n### Rules\n\n| Rule | Severity | Findings | Fixable with `--fix` |\n|:--|:--|--:|--:|\n"
    by_code = sorted(report.diagnostics, key=lambda d: d.code)
    for _, group in groupby(by_code, key=lambda d: d.code):
        found = list(group)
        fixable = sum(1 for d in found if d.fixable_with(unsafe=report.unsafe_fixes))
        severities = ", ".join(sorted({str(d.severity) for d in found}))
        yield f"| {_rule_link(found[0], named=True)} | {severities} | {len(found)} | {fixable} |\n"


def _findings(diagnostics: Sequence[Diagnostic]) -> Iterator[str]:
    """A table row per finding, the first of a file under the file's heading (so a heading is
    never left without a row when the summary is cut)."""
    heading = "\n### Findings\n"
    for path, group in groupby(diagnostics, key=lambda d: d.path):
        heading += (
            f"\n#### {escape(path)}\n\n| Line | Rule | Severity | Message |\n|--:|:--|:--|:--|\n"
        )
        for d in group:
            place = f"{d.line + 1}:{d.column + 1}"
            yield f"{heading}| {place} | {_rule_link(d)} | {d.severity} | {escape(d.message)} |\n"
            heading = ""


def _rule_link(d: Diagnostic, *, named: bool = False) -> str:
    text = f"{d.code} {d.name}" if named else d.code
    return f"[{escape(text)}]({rule_url(d.code, d.name)})"


def _left_out(left: Sequence[Diagnostic], total: int) -> str:
    files = plural(len({d.path for d in left}), "file")
    return (
        f"\n**{len(left)} of {total} findings (in {files}) are left out:** GitHub takes at most "
        "1 MiB of summary per step. `recapkit lint` lists them all in the job log "
        "(`--output-format json` for a file).\n"
    )
