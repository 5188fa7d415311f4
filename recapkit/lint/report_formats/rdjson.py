"""``--output-format rdjson``: reviewdog's Diagnostic Format, the ``DiagnosticResult`` message as
JSON (``reviewdog -f=rdjson``), from reviewdog's ``proto/rdf/reviewdog.proto``.

Lines and columns are 1-based and a range's end is exclusive, as in recapkit's other formats, but
a column counts UTF-8 *bytes* ("Column number, starting at 1 (byte count in UTF-8)"): in
``## 中文`` the column after 中 is 7, not 5. A fix ``--fix`` would apply becomes a suggestion
(one replacement from its first edit to its last), which reviewdog offers on the pull request.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from recapkit._text import LineIndex
from recapkit.lint.diagnostics import Diagnostic, Fix, Severity
from recapkit.lint.report import INFORMATION_URI, Report, rule_url, source_text
from recapkit.lint.report_formats.json_text import write_json

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def report(report: Report, stream: IO[str]) -> None:
    """``{"source": {...}, "diagnostics": [...]}``."""
    texts = _Texts(report.texts)
    document = {
        "source": {"name": "recapkit", "url": INFORMATION_URI},
        "diagnostics": [_diagnostic(d, texts, report.unsafe_fixes) for d in report.diagnostics],
    }
    write_json(document, stream)


def _diagnostic(d: Diagnostic, texts: _Texts, unsafe: bool) -> dict[str, Any]:
    index = texts.index(d.path)
    start = _position(index, d.line, d.column)
    where: dict[str, Any] = {"start": start}
    if d.end_line is not None and d.end_column is not None:
        where["end"] = _position(index, d.end_line, d.end_column)
    entry: dict[str, Any] = {
        "message": d.message,
        "location": {"path": Path(d.path).as_posix(), "range": where},
        "severity": SEVERITIES.get(d.severity, "ERROR"),
        "code": {"value": d.code, "url": rule_url(d.code, d.name)},
    }
    if d.fix is not None and d.fixable_with(unsafe=unsafe) and index is not None:
        entry["suggestions"] = [_suggestion(d.fix, index)]
    return entry


def _suggestion(fix: Fix, index: LineIndex) -> dict[str, Any]:
    """The fix as one replacement: the text between its edits stays as it is."""
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    first, last = edits[0].start, edits[-1].end
    parts, at = [], first
    for edit in edits:
        parts += [index.text[at : edit.start], edit.replacement]
        at = edit.end
    start, end = index.position(first), index.position(last)
    return {
        "range": {"start": _position(index, *start), "end": _position(index, *end)},
        "text": "".join(parts),
    }


def _position(index: LineIndex | None, line: int, column: int) -> dict[str, int]:
    """A 0-based line and character column as reviewdog's 1-based line and UTF-8 byte column
    (the character column when the text cannot be read)."""
    if index is None or line >= index.line_count():
        return {"line": line + 1, "column": column + 1}
    start = index.starts[line]
    before = index.text[start : start + column]
    return {"line": line + 1, "column": len(before.encode("utf-8", "surrogatepass")) + 1}


class _Texts:
    """Each file's text, read once, as the line index positions are converted with."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._indexes: dict[str, LineIndex | None] = {}

    def index(self, path: str) -> LineIndex | None:
        if path not in self._indexes:
            text = source_text(path, self._texts)
            self._indexes[path] = LineIndex(text) if text is not None else None
        return self._indexes[path]
