"""Test helpers for the language server: a pytest-lsp client running `python -m copylint lsp` as a subprocess,
waiting for diagnostics, and LSP text edits applied the way an editor does (UTF-16 positions)."""
from __future__ import annotations

import asyncio
import re
import sys
from typing import Callable, Sequence

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "copylint", "lsp"])
NO_LT = {"languagetool": {"enabled": False}}
TIMEOUT = 60.0


def utf16_offset(text: str, position: types.Position) -> int:
    """Code-point offset of an LSP position (UTF-16 columns; lines end at \\n, \\r\\n or \\r)."""
    lines = re.split(r"(?<=\r\n)|(?<=\n)|(?<=\r)(?!\n)", text)
    offset = sum(len(line) for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line.rstrip("\r\n")):
        if units >= position.character:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + len(line.rstrip("\r\n"))


def utf16_position(text: str, offset: int) -> types.Position:
    before = text[:offset]
    line = len(re.findall(r"\r\n|\r|\n", before))
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return types.Position(line=line, character=len(before[start:].encode("utf-16-le")) // 2)


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    spans = sorted(((utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    assert edit is not None, action.title
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(edit.changes[uri])


async def start(client: LanguageClient, root_uri: str | None, options: dict | None = NO_LT,
                spec: str = "visual-studio-code") -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(spec), root_uri=root_uri, initialization_options=options,
        workspace_folders=[types.WorkspaceFolder(uri=root_uri, name="ws")] if root_uri else None))


async def wait_for(client: LanguageClient, uri: str,
                   until: Callable[[Sequence[types.Diagnostic]], bool] = lambda d: True,
                   timeout: float = TIMEOUT) -> list[types.Diagnostic]:
    """The uri's diagnostics once a publication satisfies `until`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if uri in client.diagnostics and until(client.diagnostics[uri]):
            return list(client.diagnostics[uri])
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise AssertionError(f"no matching diagnostics for {uri}; last: {client.diagnostics.get(uri)}")
        try:
            await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), remaining)
        except asyncio.TimeoutError:
            pass


def codes(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def open_doc(client: LanguageClient, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id=language, version=version, text=text)))


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def send_edits(client: LanguageClient, uri: str, old: str, edits: Sequence[types.TextEdit], version: int) -> str:
    """Send edits as incremental changes (last in the text first, so earlier ranges stay valid); returns the text."""
    text = old
    changes = []
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        changes.append(types.TextDocumentContentChangePartial(range=e.range, text=e.new_text))
        text = apply_edits(text, [e])
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes))
    return text
