"""The language server: recapkit's findings while a writer types, its safe fixes as code actions.

Each text is linted by :func:`recapkit.lint.pipeline.lint_text` as the file its URI names, so an
editor shows what ``recapkit lint`` would say of that file once saved: same configuration, same
site and generator, same suppressions and severities (remote checks stay off: no network on
every keystroke). A change is linted once the writer pauses (:data:`DEBOUNCE`); opening and
saving lint at once. Lints run one at a time in a worker thread, in the order asked, so the
server keeps answering while one runs and a later text's findings are never overwritten by an
earlier one's.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from attrs import frozen
from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from recapkit.__about__ import __version__
from recapkit.errors import RecapkitError
from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.pipeline import LintOutcome, LintRequest, Mode, lint_text
from recapkit.lint.remote.flags import RemoteFlags
from recapkit.server import convert
from recapkit.server.positions import UTF16, Positions

DEBOUNCE = 0.3
"""Seconds without a change before a changed text is linted."""

Found = list[tuple[Diagnostic, types.Diagnostic]]


@frozen
class Snapshot:
    """One linted text of a document: its findings as recapkit and as the client see them, and
    what the run had to say (a note, or why nothing could be checked)."""

    version: int | None
    text: str
    found: Found
    notes: tuple[str, ...] = ()
    refused: types.Diagnostic | None = None
    """A configuration the CLI would refuse, shown at the top of the post: the writer sees why
    nothing else is checked."""

    @property
    def shown(self) -> list[types.Diagnostic]:
        refused = [self.refused] if self.refused is not None else []
        return refused + [shown for _, shown in self.found]


class RecapkitServer(LanguageServer):
    """A pygls server with recapkit's state: the last linted text of each document, and the
    lint each document is waiting for."""

    def __init__(self, delay: float = DEBOUNCE) -> None:
        super().__init__("recapkit", __version__)
        self.delay = delay
        self.snapshots: dict[str, Snapshot] = {}
        self.waiting: dict[str, asyncio.Task[None]] = {}
        self.fixes: dict[str, tuple[str, str]] = {}
        """Per document, its last text asked to be fixed and that text fixed."""
        self.lints = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recapkit-lint")

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (pygls chooses it at ``initialize``)."""
        chosen = self.workspace.position_encoding or UTF16
        return str(chosen.value if isinstance(chosen, enum.Enum) else chosen)

    async def lint_now(self, uri: str, *, log: bool = False) -> Snapshot | None:
        """Lint the document's current text and publish its findings (None: not open); *log*:
        send the run's notes to the client's log too (on open, not on every change)."""
        self._cancel(uri)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        snapshot = await loop.run_in_executor(self.lints, self._check, uri, text, version)
        if uri not in self.workspace.text_documents:  # closed meanwhile: nothing to show
            return snapshot
        self.snapshots[uri] = snapshot
        for note in snapshot.notes if log else ():
            message = types.LogMessageParams(type=types.MessageType.Info, message=note)
            self.window_log_message(message)
        self._publish(uri, snapshot.shown, version)
        return snapshot

    def lint_later(self, uri: str) -> None:
        """Lint the document once no change has come for :attr:`delay` seconds."""
        self._cancel(uri)
        self.waiting[uri] = asyncio.create_task(self._after_pause(uri))

    async def current(self, uri: str) -> Snapshot | None:
        """The findings of the document's current text: the last lint's when the text has not
        changed since, else a new lint's (a code action must edit the text the client has)."""
        snapshot = self.snapshots.get(uri)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        if snapshot is not None and snapshot.text == document.source:
            return snapshot
        return await self.lint_now(uri)

    async def fixed(self, uri: str, text: str) -> str:
        """*text* with every safe fix applied, as ``recapkit lint --fix`` would write it (kept
        for the text: an editor asks for code actions at every move of the cursor)."""
        known = self.fixes.get(uri)
        if known is not None and known[0] == text:
            return known[1]
        loop = asyncio.get_running_loop()
        fixed = await loop.run_in_executor(self.lints, _fixed, uri, text)
        self.fixes[uri] = (text, fixed)
        return fixed

    def forget(self, uri: str) -> None:
        """The document was closed: stop waiting for it and clear its findings in the client
        (the file on disk is ``recapkit lint``'s business again)."""
        self._cancel(uri)
        self.snapshots.pop(uri, None)
        self.fixes.pop(uri, None)
        self._publish(uri, [], None)

    def document(self, uri: str, version: int | None) -> convert.Document:
        """How to address an edit of *uri* computed on its text of *version*."""
        versioned = get_capability(
            self.client_capabilities, "workspace.workspace_edit.document_changes", False
        )
        return convert.Document(uri, version, self.encoding, versioned=bool(versioned))

    def _check(self, uri: str, text: str, version: int | None) -> Snapshot:
        """Lint *text* (in the lint thread)."""
        try:
            outcome = _lint(uri, text, Mode.CHECK)
        except RecapkitError as exc:
            return Snapshot(version, text, [], refused=_refused(str(exc)))
        positions = Positions(text, self.encoding)
        found = [(d, convert.lsp_diagnostic(d, positions)) for d in outcome.result.diagnostics]
        return Snapshot(version, text, found, outcome.notes)

    async def _after_pause(self, uri: str) -> None:
        await asyncio.sleep(self.delay)
        self.waiting.pop(uri, None)
        await self.lint_now(uri)

    def _cancel(self, uri: str) -> None:
        task = self.waiting.pop(uri, None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()

    def _publish(self, uri: str, shown: Sequence[types.Diagnostic], version: int | None) -> None:
        params = types.PublishDiagnosticsParams(uri=uri, diagnostics=list(shown), version=version)
        self.text_document_publish_diagnostics(params)


def _path(uri: str) -> Path | None:
    """The file a URI names (None: an unsaved buffer, linted as a generic post)."""
    path = to_fs_path(uri)
    return Path(path) if path else None


def _lint(uri: str, text: str, mode: Mode) -> LintOutcome:
    request = LintRequest(mode=mode, use_cache=False, remote=RemoteFlags(offline=True))
    return lint_text(request, text, _path(uri))


def _fixed(uri: str, text: str) -> str:
    try:
        fixed = _lint(uri, text, Mode.FIX).fixed_text
    except RecapkitError:
        return text
    return text if fixed is None else fixed.decode("utf-8")


def _refused(message: str) -> types.Diagnostic:
    top = types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=1, character=0)
    )
    error = types.DiagnosticSeverity.Error
    return types.Diagnostic(range=top, message=message, severity=error, source=convert.SOURCE)


def create_server(delay: float = DEBOUNCE) -> RecapkitServer:
    """A server with recapkit's features registered (not started)."""
    server = RecapkitServer(delay)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: RecapkitServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint_now(params.text_document.uri, log=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: RecapkitServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: RecapkitServer, params: types.DidSaveTextDocumentParams) -> None:
        await ls.lint_now(params.text_document.uri)  # an image added beside the post, say

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: RecapkitServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    kinds = [types.CodeActionKind.QuickFix, convert.FIX_ALL]
    options = types.CodeActionOptions(code_action_kinds=kinds)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    async def code_action(
        ls: RecapkitServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return await _code_actions(ls, params)

    return server


async def _code_actions(
    ls: RecapkitServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """A quick fix per safe fix of a finding in the range; "Fix all" with them, or alone when
    the client asks for ``source.fixAll`` (fix on save)."""
    uri = params.text_document.uri
    snapshot = await ls.current(uri)
    if snapshot is None:
        return None
    only = params.context.only
    document = ls.document(uri, snapshot.version)
    positions = Positions(snapshot.text, ls.encoding)
    actions: list[types.CodeAction] = []
    if _wanted(only, types.CodeActionKind.QuickFix):
        for diagnostic, shown in convert.diagnostics_in(snapshot.found, params.range):
            action = convert.fix_action(diagnostic, shown, positions, document)
            if action is not None:
                actions.append(action)
    fixable = any(d.fixable_with() for d, _ in snapshot.found)
    asked = only is not None and _wanted(only, convert.FIX_ALL)
    if fixable and (asked or (only is None and actions)):
        fixed = await ls.fixed(uri, snapshot.text)
        if fixed != snapshot.text:
            actions.append(convert.fix_all_action(snapshot.text, fixed, document))
    return actions or None


def _wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether the client's ``only`` filter admits *kind* (``source`` admits
    ``source.fixAll.recapkit``)."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)
