"""recapkit's findings and fixes in the Language Server Protocol's terms (lsprotocol types).

A finding becomes a ``Diagnostic`` with its rule's code, a link to the rule's page and source
``recapkit``; a safe fix becomes a quick fix whose edits are the fix's own minimal edits, and the
fixed text of a whole post one edit that spans only what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen
from lsprotocol import types

from recapkit.lint import report
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.server.positions import Positions

SOURCE = "recapkit"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
"""``source.fixAll.recapkit``: what an editor runs on save when told to fix all on save."""

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def rule_url(diagnostic: Diagnostic) -> str:
    """The rule's section of the rules page, as every report format links it."""
    return report.rule_url(diagnostic.code, diagnostic.name)


def lsp_range(diagnostic: Diagnostic, positions: Positions) -> types.Range:
    """Where *diagnostic* is; without an end, to the end of its line (at least one character is
    marked, or the editor shows the finding at a point that is easy to miss)."""
    end_line = diagnostic.end_line if diagnostic.end_line is not None else diagnostic.line
    end_column = diagnostic.end_column
    if end_column is None:
        end_column = max(positions.line_end(end_line), diagnostic.column + 1)
    return types.Range(
        start=_position(positions.at(diagnostic.line, diagnostic.column)),
        end=_position(positions.at(end_line, end_column)),
    )


def lsp_diagnostic(diagnostic: Diagnostic, positions: Positions) -> types.Diagnostic:
    """*diagnostic* as the client shows it."""
    return types.Diagnostic(
        range=lsp_range(diagnostic, positions),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_url(diagnostic)),
        source=SOURCE,
    )


def fix_action(
    diagnostic: Diagnostic, shown: types.Diagnostic, positions: Positions, document: Document
) -> types.CodeAction | None:
    """The quick fix of *diagnostic* (*shown* is how the client shows it), or None when it has
    no safe fix."""
    if diagnostic.fix is None or not diagnostic.fix.safe:
        return None
    edits = [
        types.TextEdit(
            range=types.Range(
                start=_position(positions.at_offset(edit.start)),
                end=_position(positions.at_offset(edit.end)),
            ),
            new_text=edit.replacement,
        )
        for edit in diagnostic.fix.edits
    ]
    return types.CodeAction(
        title=f"Fix {diagnostic.code}: {diagnostic.fix.description}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        edit=document.edit(edits),
        is_preferred=True,
    )


def fix_all_action(before: str, after: str, document: Document) -> types.CodeAction:
    """The "Fix all" action: one edit from the first changed character to the last, so the
    editor keeps the cursor where it is and the undo step small."""
    start = _common_prefix(before, after)
    end = _common_prefix(before[start:][::-1], after[start:][::-1])
    positions = Positions(before, document.encoding)
    edit = types.TextEdit(
        range=types.Range(
            start=_position(_plain(positions, start)),
            end=_position(_plain(positions, len(before) - end)),
        ),
        new_text=after[start : len(after) - end],
    )
    return types.CodeAction(
        title="Fix all safe recapkit problems", kind=FIX_ALL, edit=document.edit([edit])
    )


@frozen
class Document:
    """The document an edit is for: its URI, the version the edit was computed on, and how the
    client wants a workspace edit (versioned ``documentChanges`` when it supports them, so an
    edit for an older text is refused rather than applied in the wrong place)."""

    uri: str
    version: int | None
    encoding: str
    versioned: bool = False

    def edit(self, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
        if not self.versioned:
            return types.WorkspaceEdit(changes={self.uri: list(edits)})
        identifier = types.OptionalVersionedTextDocumentIdentifier(
            uri=self.uri, version=self.version
        )
        change = types.TextDocumentEdit(text_document=identifier, edits=list(edits))
        return types.WorkspaceEdit(document_changes=[change])


def diagnostics_in(
    found: Iterable[tuple[Diagnostic, types.Diagnostic]], where: types.Range
) -> list[tuple[Diagnostic, types.Diagnostic]]:
    """The findings whose ranges touch *where*."""
    return [(d, shown) for d, shown in found if overlaps(shown.range, where)]


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (touching counts: a cursor at a finding's end)."""
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def _position(where: tuple[int, int]) -> types.Position:
    return types.Position(line=where[0], character=where[1])


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _plain(positions: Positions, offset: int) -> tuple[int, int]:
    """The client's position of an offset into the client's own text (a BOM counted, unlike
    the offsets of recapkit's edits)."""
    return positions.at_offset(offset - positions.shift)
