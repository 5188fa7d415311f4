"""``recapkit server`` end to end: a real client session over stdio (pytest-lsp), with the real
rules on a Hugo site: initialize, didOpen, didChange, didSave, didClose, publishDiagnostics and
codeAction, as an editor drives them."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")  # the `test` extra brings it (and pygls)

from lsprotocol import types  # noqa: E402  (after the skip: pygls brings lsprotocol)
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.files import write  # noqa: E402

ROOT = Path(__file__).parents[2]
SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "recapkit", "server"],
    server_env={**os.environ, "PYTHONPATH": str(ROOT)},
)
PUBLISHED = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
POST = "---\ntitle: Gopher meetup\ndate: 2025-03-01\n---\n\n##Title\n\n😀 ![the room](room.jpg)\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A Hugo site whose recapkit.toml selects two rules; the post is not saved yet."""
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path / "recapkit.toml", 'select = ["RK301", "RK203"]\n')
    return tmp_path / "content" / "posts" / "meetup" / "index.md"


async def _session(client: LanguageClient, editor: str) -> AsyncIterator[None]:
    """A session with the capabilities a real editor declares (recorded by pytest-lsp)."""
    capabilities = pytest_lsp.client_capabilities(editor)
    await client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """VS Code: UTF-16 positions, versioned workspace edits."""
    async for _ in _session(lsp_client, "visual-studio-code"):
        yield


@pytest_lsp.fixture(config=SERVER)
async def neovim(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """Neovim 0.11: prefers UTF-8 positions, takes plain workspace edits."""
    async for _ in _session(lsp_client, "neovim@v0.11.0"):
        yield


def _open(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    whole = types.TextDocumentContentChangeWholeDocument(text=text)
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
    params = types.DidChangeTextDocumentParams(text_document=document, content_changes=[whole])
    client.text_document_did_change(params)


def _summary(diagnostics: Sequence[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity)
        for d in diagnostics
    ]


@pytest.mark.asyncio
async def test_findings_are_published_as_the_writer_types_and_cleared_on_close(
    client: LanguageClient, site: Path
) -> None:
    uri = _open(client, site, POST)
    published = await client.wait_for_notification(PUBLISHED)
    assert published.uri == uri and published.version == 1
    heading, image = published.diagnostics
    error = types.DiagnosticSeverity.Error
    # `😀 ![the room](room.jpg)`: the image starts after the emoji, 3 UTF-16 units in.
    assert _summary(published.diagnostics) == [
        ("RK301", 5, 0, len("##Title"), error),
        ("RK203", 7, 3, 3 + len("![the room](room.jpg)"), error),
    ]
    assert heading.source == "recapkit"
    assert heading.message.startswith("no space after the #s: `##Title`")
    assert heading.code_description is not None
    assert heading.code_description.href.endswith("docs/rules.md#rk301-heading-missing-space")
    assert "room.jpg not found" in image.message  # looked for beside the post's own path

    # As an editor sends a keystroke: the one character typed, where it was typed.
    after_hashes = types.Position(line=5, character=2)
    typed = types.TextDocumentContentChangePartial(
        range=types.Range(start=after_hashes, end=after_hashes), text=" "
    )
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=2)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=document, content_changes=[typed])
    )
    published = await client.wait_for_notification(PUBLISHED)
    assert (published.version, _summary(published.diagnostics)[0][0]) == (2, "RK203")

    write(site.parent / "room.jpg", b"\xff\xd8")  # the writer adds the photo, then saves
    document = types.TextDocumentIdentifier(uri=uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=document))
    assert not (await client.wait_for_notification(PUBLISHED)).diagnostics

    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=document))
    assert not (await client.wait_for_notification(PUBLISHED)).diagnostics


@pytest.mark.asyncio
async def test_quick_changes_end_in_the_findings_of_the_last_text(
    client: LanguageClient, site: Path
) -> None:
    write(site.parent / "room.jpg", b"\xff\xd8")
    uri = _open(client, site, POST)
    await client.wait_for_notification(PUBLISHED)
    for version, heading in enumerate(["# Title", "#Title", "###Title"], start=2):
        _change(client, uri, version, POST.replace("##Title", heading))
    published = await client.wait_for_notification(PUBLISHED)
    assert published.version == 4
    assert published.diagnostics[0].message.startswith("no space after the #s: `###Title`")


def _apply(text: str, edit: types.WorkspaceEdit) -> str:
    """*text* with the edits of a (versioned) workspace edit applied, positions in UTF-16."""
    assert edit.document_changes is not None
    (change,) = edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        line = lines[position.line].encode("utf-16-le")[: 2 * position.character]
        return sum(map(len, lines[: position.line])) + len(line.decode("utf-16-le"))

    edits = sorted(change.edits, key=lambda e: offset(e.range.start), reverse=True)
    for e in edits:
        assert isinstance(e, types.TextEdit)
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


async def _actions(
    client: LanguageClient, uri: str, where: types.Range, only: list[str] | None = None
) -> list[types.CodeAction]:
    context = types.CodeActionContext(diagnostics=[], only=only)
    document = types.TextDocumentIdentifier(uri=uri)
    params = types.CodeActionParams(text_document=document, range=where, context=context)
    found = await client.text_document_code_action_async(params)
    assert found is not None
    return [a for a in found if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_a_code_action_fixes_the_heading_and_fix_all_fixes_the_post(
    client: LanguageClient, site: Path
) -> None:
    text = POST + "\n###Takeaways\n"
    uri = _open(client, site, text)
    published = await client.wait_for_notification(PUBLISHED)
    heading = published.diagnostics[0]

    actions = await _actions(client, uri, heading.range)
    assert [(a.title, a.kind) for a in actions] == [
        ("Fix RK301: insert a space after the #s", types.CodeActionKind.QuickFix),
        ("Fix all safe recapkit problems", "source.fixAll.recapkit"),
    ]
    quick, fix_all = actions
    assert list(quick.diagnostics or ()) == [heading] and quick.is_preferred
    assert quick.edit is not None and fix_all.edit is not None
    assert _apply(text, quick.edit) == text.replace("##Title", "## Title", 1)
    assert _apply(text, fix_all.edit) == (POST.replace("##Title", "## Title") + "\n### Takeaways\n")
    (change,) = fix_all.edit.document_changes or []
    assert isinstance(change, types.TextDocumentEdit) and change.text_document.version == 1

    # Fix on save asks for source.fixAll only; a line with nothing fixable gets no quick fix.
    elsewhere = types.Range(start=types.Position(line=1, character=0), end=heading.range.start)
    assert [a.title for a in await _actions(client, uri, elsewhere, ["source.fixAll"])] == [
        "Fix all safe recapkit problems"
    ]
    assert (
        await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(
                    start=types.Position(line=1, character=0),
                    end=types.Position(line=1, character=3),
                ),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        is None
    )


@pytest.mark.asyncio
async def test_positions_and_edits_follow_what_the_client_supports(
    neovim: LanguageClient, site: Path
) -> None:
    uri = _open(neovim, site, POST)
    published = await neovim.wait_for_notification(PUBLISHED)
    heading, image = published.diagnostics
    assert (image.range.start.line, image.range.start.character) == (7, 5)  # 😀 is 4 bytes
    quick, _ = await _actions(neovim, uri, heading.range)
    assert quick.edit is not None and quick.edit.document_changes is None
    (insert,) = (quick.edit.changes or {})[uri]
    assert (insert.range.start.line, insert.range.start.character, insert.new_text) == (5, 2, " ")


@pytest.mark.asyncio
async def test_a_broken_config_is_shown_at_the_top_of_the_post(
    client: LanguageClient, site: Path
) -> None:
    write(site.parents[3] / "recapkit.toml", "select = [\n")
    _open(client, site, POST)
    published = await client.wait_for_notification(PUBLISHED)
    (problem,) = published.diagnostics
    assert problem.range.start.line == 0 and problem.source == "recapkit"
    assert problem.message.endswith(
        "recapkit.toml: invalid TOML: Invalid value (at end of document)"
    )


@pytest.mark.asyncio
async def test_an_unsaved_buffer_is_checked_as_a_generic_post(client: LanguageClient) -> None:
    uri = "untitled:Untitled-1"
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=POST)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    published = await client.wait_for_notification(PUBLISHED)
    assert "RK301" in [d.code for d in published.diagnostics]
    assert any("<stdin>: checked as a generic post" in m.message for m in client.log_messages)
