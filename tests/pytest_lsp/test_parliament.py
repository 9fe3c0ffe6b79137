"""The parliament example end to end, through a real LSP client (pytest-lsp) driving the
release binary with VS Code's and Neovim's client capabilities."""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import shutil
from typing import Union

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

HERE = pathlib.Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "parliament"
BINARY = os.environ.get("COPYDESK_BIN", str(HERE.parents[1] / "target" / "release" / "copydesk"))
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())["draft-with-errors.md"]
TIMEOUT = 10


def register_capability(client: LanguageClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def unregister_capability(client: LanguageClient, params: types.UnregistrationParams) -> None:
    gone = {u.id for u in params.unregisterations}
    client.registrations = [r for r in client.registrations if r.id not in gone]


def code_action_or_command(client: LanguageClient):
    """Tells a code action from a command as VS Code and Neovim do (a command's `command` is a
    string). lsprotocol 2025.0 reads any object with a `command` field as a Command, which
    loses the edit of a code action that also runs a command after it."""
    converter = client.protocol._converter

    def structure(obj, _):
        kind = types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)


def make_client() -> LanguageClient:
    """pytest-lsp's client, accepting dynamic registrations as VS Code and Neovim do."""
    client = make_test_lsp_client()
    code_action_or_command(client)
    client.registrations = []
    client.feature(types.CLIENT_REGISTER_CAPABILITY)(register_capability)
    client.feature(types.CLIENT_UNREGISTER_CAPABILITY)(unregister_capability)
    return client


@pytest.fixture
def newsroom(tmp_path: pathlib.Path) -> pathlib.Path:
    """A workspace folder: copydesk.json, the registry, and the draft with planted errors."""
    (tmp_path / "registry").mkdir()
    shutil.copy(FIXTURES / "registry.json", tmp_path / "registry" / "parliament.json")
    (tmp_path / "copydesk.json").write_text('{"registries": ["registry/parliament.json"]}')
    (tmp_path / "drafts").mkdir()
    shutil.copy(FIXTURES / "draft-with-errors.md", tmp_path / "drafts" / "visit.md")
    return tmp_path


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BINARY, "--stdio"], client_factory=make_client),
    params=["visual-studio-code", "neovim"],
)
async def client(lsp_client: LanguageClient, request, newsroom: pathlib.Path):
    root = newsroom.as_uri()
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=root,
            workspace_folders=[types.WorkspaceFolder(uri=root, name="newsroom")],
        )
    )
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    lsp_client.server_capabilities = result.capabilities
    yield
    await lsp_client.shutdown_session()


def offset(text: str, pos: types.Position, encoding: str) -> int:
    """The string index of an LSP position, counted in the negotiated encoding."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line.rstrip("\r\n")):
        width = {"utf-8": len(ch.encode()), "utf-32": 1}.get(encoding, len(ch.encode("utf-16-le")) // 2)
        if units + width > pos.character:
            return start + i
        units += width
    return start + len(line.rstrip("\r\n"))


def covered(text: str, rng: types.Range, encoding: str) -> str:
    return text[offset(text, rng.start, encoding) : offset(text, rng.end, encoding)]


async def diagnostics_where(client: LanguageClient, uri: str, pred, pushed: bool = False) -> list[types.Diagnostic]:
    """Waits until the diagnostics for `uri` satisfy `pred`: pulled when the server offers pull
    diagnostics (it then pushes none for drafts, so clients don't show them twice), else as
    published. `pushed` waits for published ones regardless (a registry file's problems)."""

    async def pulled():
        while True:
            report = await client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            if pred(report.items):
                return list(report.items)
            await asyncio.sleep(0.05)

    async def published():
        while not (uri in client.diagnostics and pred(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics[uri])

    pulls = client.server_capabilities.diagnostic_provider is not None and not pushed
    return await asyncio.wait_for(pulled() if pulls else published(), TIMEOUT)


async def message_where(client: LanguageClient, pred) -> None:
    """Waits until the client has been shown a message satisfying `pred`."""

    async def settle():
        while not any(pred(m) for m in client.messages):
            await asyncio.sleep(0.05)

    await asyncio.wait_for(settle(), TIMEOUT)


def open_draft(client: LanguageClient, newsroom: pathlib.Path) -> tuple[str, str]:
    path = newsroom / "drafts" / "visit.md"
    text = path.read_text()
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    return uri, text


def expected_lines(item) -> list[int]:
    return item["line"] if isinstance(item["line"], list) else [item["line"]]


async def test_diagnostics_match_the_example(client: LanguageClient, newsroom):
    uri, text = open_draft(client, newsroom)
    diags = await diagnostics_where(client, uri, lambda d: len(d) > 0)
    for d in diags:
        assert d.source == "copydesk"
        if d.severity <= types.DiagnosticSeverity.Warning:
            assert any(
                d.code == e["code"] and d.range.start.line in expected_lines(e) for e in EXPECTED
            ), f"unexpected {d.code} on line {d.range.start.line}: {d.message}"
    for e in (e for e in EXPECTED if e["code"] == "name-misspelling"):
        match = [d for d in diags if d.code == e["code"] and d.range.start.line == e["line"]]
        assert match, f"missing {e}"
        assert covered(text, match[0].range, client.encoding) == e["text"]
        assert match[0].data["entity"] == e["entity"]


async def test_hover_on_zhao_shows_his_role_on_the_story_date(client: LanguageClient, newsroom):
    uri, text = open_draft(client, newsroom)
    line = next(i for i, l in enumerate(text.splitlines()) if l.startswith("Zhao, vice chairman"))
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=1),
        )
    )
    card = hover.contents.value
    assert "**Zhao Leji**" in card
    assert "On the story's date (26 August 2025)" in card
    assert "chairman of the Standing Committee of the National People's Congress since 10 March 2023" in card


def apply(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(text, e.range.start, encoding)] + e.new_text + text[offset(text, e.range.end, encoding) :]
    return text


async def actions_on(client: LanguageClient, uri: str, finding: types.Diagnostic):
    """The code actions the server offers on one finding, as an editor asks for them."""
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )


async def test_fixing_a_misspelled_name_clears_its_diagnostic(client: LanguageClient, newsroom):
    uri, text = open_draft(client, newsroom)
    diags = await diagnostics_where(client, uri, lambda d: len(d) > 0)
    (zhao,) = [d for d in diags if d.code == "name-misspelling" and "Zhao Leiji" in d.message]
    actions = await actions_on(client, uri, zhao)
    (fix,) = [a for a in actions if a.title == 'Change to "Zhao Leji"']
    assert fix.is_preferred
    if fix.edit is None:
        fix = await client.code_action_resolve_async(fix)
    if fix.edit.document_changes:
        (change,) = fix.edit.document_changes
        assert change.text_document.version == 1
        edits = change.edits
    else:
        edits = fix.edit.changes[uri]
    fixed = apply(text, edits, client.encoding)
    assert "China's top legislator Zhao Leji on Monday" in fixed
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
            ],
        )
    )
    after = await diagnostics_where(client, uri, lambda d: not any("Zhao Leiji" in x.message for x in d))
    assert any("Volodine" in d.message for d in after)


async def test_a_broken_registry_is_reported_on_the_file(client: LanguageClient, newsroom):
    uri, _ = open_draft(client, newsroom)
    await diagnostics_where(client, uri, lambda d: len(d) > 0)
    registry = newsroom / "registry" / "parliament.json"
    registry.write_text(registry.read_text().replace('"family_name"', '"famliy_name"', 1))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=registry.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    if client.capabilities.workspace.did_change_watched_files.dynamic_registration:
        assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]
    problems = await diagnostics_where(client, registry.as_uri(), lambda d: len(d) > 0, pushed=True)
    assert "famliy_name" in problems[0].message
    assert problems[0].range.start.line == 7
    # The message may come just after the file's diagnostics.
    await message_where(client, lambda m: "parliament.json:8:" in m.message)
    still = await diagnostics_where(client, uri, lambda d: len(d) > 0)
    assert any("Zhao Leiji" in d.message for d in still)


def edits_of(edit: types.WorkspaceEdit, uri: str) -> tuple[list[types.TextEdit], int | None]:
    """The edits of a workspace edit to `uri`, and the version they target (None: any)."""
    if edit.document_changes:
        (change,) = edit.document_changes
        assert change.text_document.uri == uri
        return list(change.edits), change.text_document.version
    return list(edit.changes[uri]), None


def append_line(client: LanguageClient, uri: str, text: str, line: str, version: int) -> types.Position:
    """Types `line` at the end of the draft; returns the position after it."""
    end = types.Position(line=len(text.splitlines()), character=0)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=end, end=end), text=line)],
        )
    )
    return types.Position(line=end.line, character=len(line))


async def test_completion_offers_the_title_holder(client: LanguageClient, newsroom):
    assert client.server_capabilities.completion_provider is not None
    uri, text = open_draft(client, newsroom)
    await diagnostics_where(client, uri, lambda d: len(d) > 0)
    at = append_line(client, uri, text, "Russian State Duma Chairman Vyach", 2)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    first = result.items[0]
    assert first.label == "Vyacheslav Volodin"
    assert first.detail == "chairman of the State Duma"
    assert first.text_edit.new_text == "Vyacheslav Volodin"
    assert first.text_edit.range.start.character == len("Russian State Duma Chairman ")


async def test_outline_definition_and_references(client: LanguageClient, newsroom):
    caps = client.server_capabilities
    assert caps.document_symbol_provider and caps.definition_provider and caps.references_provider
    uri, text = open_draft(client, newsroom)
    await diagnostics_where(client, uri, lambda d: len(d) > 0)
    doc = types.TextDocumentIdentifier(uri=uri)
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    names = [s.name for s in outline]
    assert names[0] == "Zhao Leji" and "Vyacheslav Volodin" in names
    assert outline[0].detail.startswith("chairman of")
    zhao_mentions = outline[0].children
    line = next(i for i, l in enumerate(text.splitlines()) if l.startswith("Zhao, vice chairman"))
    at = types.Position(line=line, character=1)
    registry = newsroom / "registry" / "parliament.json"
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=at)
    )
    location = found[0] if isinstance(found, list) else found
    assert location.uri == registry.as_uri()
    registry_lines = registry.read_text().splitlines()
    assert registry_lines[location.range.start.line + 1].strip() == '"id": "zhao-leji",'
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc, position=at, context=types.ReferenceContext(include_declaration=False)
        )
    )
    assert [r.range for r in refs] == [m.range for m in zhao_mentions]
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="vyach"))
    assert symbols[0].name == "Vyacheslav Volodin"
    assert symbols[0].location.uri == registry.as_uri()


async def test_accepting_a_spelling_edits_the_registry_and_clears_the_finding(client: LanguageClient, newsroom):
    uri, text = open_draft(client, newsroom)
    diags = await diagnostics_where(client, uri, lambda d: len(d) > 0)
    (zhao,) = [d for d in diags if d.code == "name-misspelling" and "Zhao Leiji" in d.message]
    actions = await actions_on(client, uri, zhao)
    (accept,) = [a for a in actions if a.title == "Accept 'Zhao Leiji' as a spelling of Zhao Leji"]
    registry = newsroom / "registry" / "parliament.json"
    edits, version = edits_of(accept.edit, registry.as_uri())
    assert version is None, "computed from the file on disk"
    edited = apply(registry.read_text(), edits, client.encoding)
    assert json.loads(edited)["entities"][0]["aliases"] == ["Zhao Leiji"]
    registry.write_text(edited)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=registry.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    after = await diagnostics_where(client, uri, lambda d: not any("Zhao Leiji" in x.message for x in d))
    assert any("Volodine" in d.message for d in after)


async def test_adding_a_name_targets_the_open_registry_and_unsaved_problems_show(client: LanguageClient, newsroom):
    uri, text = open_draft(client, newsroom)
    await diagnostics_where(client, uri, lambda d: len(d) > 0)
    at = append_line(client, uri, text, "Ann Lee-Smith agreed.", 2)
    registry = newsroom / "registry" / "parliament.json"
    source = registry.read_text()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=registry.as_uri(), language_id="json", version=4, text=source)
        )
    )
    await diagnostics_where(client, uri, lambda d: len(d) > 0)
    cursor = types.Position(line=at.line, character=2)
    title = "Add 'Ann Lee-Smith' to the registry (parliament.json)"
    # Code actions answer from the latest finished analysis and never wait for a newer one
    # (here, the re-check the registry's opening starts), so ask again, as an editor's lightbulb
    # does when diagnostics change.
    for _ in range(100):
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=cursor, end=cursor),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        if any(a.title == title for a in actions):
            break
        await asyncio.sleep(0.05)
    (add,) = [a for a in actions if a.title == title]
    if client.capabilities.window.show_document:
        # Once applied, the editor is asked to show the new entity's name.
        assert add.command.command == "copydesk.showEntity"
    edits, version = edits_of(add.edit, registry.as_uri())
    if client.capabilities.workspace.workspace_edit.document_changes:
        assert version == 4
    added = json.loads(apply(source, edits, client.encoding))["entities"][-1]
    assert added == {"id": "ann-lee-smith", "kind": "person", "name": "Ann Lee-Smith", "roles": []}
    # An unsaved typo in the open registry is reported at once, without saving.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=registry.as_uri(), version=5),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=source.replace('"variants"', '"variantz"', 1))],
        )
    )
    problems = await diagnostics_where(client, registry.as_uri(), lambda d: len(d) > 0, pushed=True)
    assert "variantz" in problems[0].message
