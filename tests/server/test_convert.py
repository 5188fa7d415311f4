"""recapkit's findings and fixes as LSP values: ranges, links, and the edits of the fix actions."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol")  # the `server` extra

from lsprotocol import types

from recapkit.lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from recapkit.server import convert
from recapkit.server.positions import UTF16, Positions

TEXT = "\ufeff😀 ##Title\n"


def _finding(fix: Fix | None = None) -> Diagnostic:
    return Diagnostic(
        "a.md", 0, 2, "RK301", "heading-missing-space", "no space", Severity.WARNING, fix=fix
    )


def test_a_finding_without_an_end_is_marked_to_the_end_of_its_line() -> None:
    shown = convert.lsp_diagnostic(_finding(), Positions(TEXT, UTF16))
    # BOM (1) + 😀 (2) + space (1): recapkit's column 2 is the client's 4.
    assert (shown.range.start.character, shown.range.end.character) == (4, 11)
    assert shown.severity == types.DiagnosticSeverity.Warning
    assert shown.code == "RK301" and shown.source == "recapkit"
    assert shown.code_description is not None
    assert shown.code_description.href == (
        "https://github.com/recapkit/recapkit/blob/main/docs/rules.md#rk301-heading-missing-space"
    )


def test_an_unsafe_fix_is_no_quick_fix() -> None:
    unsafe = Fix((Edit(4, 4, " "),), "insert a space", Applicability.UNSAFE)
    document = convert.Document("file:///a.md", 1, UTF16)
    positions = Positions(TEXT, UTF16)
    shown = convert.lsp_diagnostic(_finding(), positions)
    assert convert.fix_action(_finding(unsafe), shown, positions, document) is None


def test_a_client_without_versioned_edits_gets_plain_changes() -> None:
    document = convert.Document("file:///a.md", 3, UTF16)
    action = convert.fix_all_action(TEXT, TEXT.replace("##", "## "), document)
    assert action.edit is not None and action.edit.document_changes is None
    (edit,) = (action.edit.changes or {})["file:///a.md"]
    # Only what changed is replaced: an insertion after the emoji's hashes.
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (6, 6, " ")
