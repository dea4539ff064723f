"""The language server end to end: a real client talks to `python -m copylint lsp` over stdio."""
from __future__ import annotations

import ast
import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .test_languagetool_integration import engine  # noqa: F401 (a real server, started if needed)
from .lsp_client import (
    SERVER, apply_edits, codes, edits_of, open_doc, replace_all, send_edits, start, utf16_position, wait_for,
)

SPUN = "The vote was held in purchase to."


async def _session(lsp_client: LanguageClient, root=None):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # the test client has no handler of its own
        lsp_client.registrations.extend(params.registrations)

    if root is not None:
        await start(lsp_client, root.as_uri())
    yield
    try:
        await asyncio.wait_for(lsp_client.shutdown_session(), 30)
    finally:  # a test that failed before `initialize` leaves a server that would wait for it forever
        server = lsp_client._server
        if server is not None and server.returncode is None:
            server.kill()


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    """A server of the test's own, initialized by the test (settings, workspace)."""
    async for _ in _session(lsp_client):
        yield


@pytest_lsp.fixture(config=SERVER, scope="module")
async def shared(lsp_client: LanguageClient, tmp_path_factory):
    """One server for the tests that need no settings of their own (each opens its own files)."""
    async for _ in _session(lsp_client, tmp_path_factory.mktemp("workspace")):
        yield


SHARED = pytest.mark.asyncio(loop_scope="module")


def _uri(tmp_path, name: str) -> str:
    return (tmp_path / name).as_uri()


async def _actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic, only=None) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))
    return list(result or [])


@pytest.mark.asyncio
async def test_initialize_advertises_features(client: LanguageClient, tmp_path) -> None:
    result = await start(client, tmp_path.as_uri())
    caps = result.capabilities
    assert result.server_info.name == "copylint"
    assert caps.hover_provider
    assert list(caps.execute_command_provider.commands) == ["copylint.addToVocabulary"]
    assert set(caps.code_action_provider.code_action_kinds) == {"quickfix", "source.fixAll.copylint"}
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    await client.text_document_hover_async(types.HoverParams(  # a round trip: `initialized` has been handled
        text_document=types.TextDocumentIdentifier(uri=(tmp_path / "x.txt").as_uri()), position=types.Position(0, 0)))
    watched = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert [w["globPattern"] for w in watched[0].register_options["watchers"]] == ["**/copylint.toml", "**/pyproject.toml"]


@SHARED
async def test_diagnostics_with_exact_utf16_ranges_emoji_combining_marks_and_crlf(shared: LanguageClient, tmp_path) -> None:
    client = shared
    # An astral emoji (two UTF-16 units), a decomposed é (two code points), CRLF line ends.
    text = "Cafe\u0301 news 😀🇰🇿\r\n\r\nOn Tuesday 😀 the vote was held in purchase to by forces of security.\r\n"
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, text)
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    by_code = {str(d.code): d for d in diagnostics}
    for code, phrase in (("CL401", "in purchase to"), ("CL402", "forces of security")):
        at = text.index(phrase)
        d = by_code[code]
        assert d.range == types.Range(start=utf16_position(text, at), end=utf16_position(text, at + len(phrase)))
        assert d.range.start.line == 2
        assert d.source == "copylint"
        assert d.severity == types.DiagnosticSeverity.Warning
        assert d.code_description.href.startswith("file://") and d.code_description.href.endswith(".toml")
    # The emoji before the phrase shifts it by two UTF-16 units but one code point.
    cl401 = by_code["CL401"].range.start.character
    assert cl401 == len("On Tuesday 😀 the vote was held ".encode("utf-16-le")) // 2 == 32


@SHARED
async def test_quick_fix_applied_then_diagnostics_update(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    text = f"Intro 🎉 line.\r\n\r\n{SPUN}\r\n"
    open_doc(client, uri, text)
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    spun = next(d for d in diagnostics if d.code == "CL401")
    found = await _actions(client, uri, spun)
    fix = next(a for a in found if a.title.startswith("CL401:"))
    assert fix.title == "CL401: replace 'in purchase to' with 'in order to'"
    assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
    text = send_edits(client, uri, text, edits_of(fix, uri), version=2)
    assert text == "Intro 🎉 line.\r\n\r\nThe vote was held in order to.\r\n"
    await wait_for(client, uri, lambda d: "CL401" not in codes(d))


@SHARED
async def test_unsafe_fix_is_labelled_and_not_preferred(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, "The talks ended.\n\nAP Photo/Jane Doe Police stand guard on Monday.\n")
    diagnostics = await wait_for(client, uri, lambda d: "CL202" in codes(d))
    found = await _actions(client, uri, next(d for d in diagnostics if d.code == "CL202"))
    fix = next(a for a in found if a.title.startswith("CL202:"))
    assert fix.title.endswith("(unsafe: check the result)")
    assert not fix.is_preferred


@SHARED
async def test_disable_for_line_and_file_write_directives(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    text = f"First line.\n{SPUN}\n"
    open_doc(client, uri, text)
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    found = await _actions(client, uri, next(d for d in diagnostics if d.code == "CL401"))
    line = next(a for a in found if a.title == "Disable CL401 for this line")
    whole = next(a for a in found if a.title == "Disable CL401 for this file")
    assert apply_edits(text, edits_of(whole, uri)) == f"<!-- copylint: disable=CL401 -->\nFirst line.\n{SPUN}\n"
    text = send_edits(client, uri, text, edits_of(line, uri), version=2)
    assert text == f"First line.\n<!-- copylint: disable-next-line=CL401 -->\n{SPUN}\n"
    diagnostics = await wait_for(client, uri, lambda d: "CL401" not in codes(d))
    assert "CL902" not in codes(diagnostics) and "CL901" not in codes(diagnostics)


@SHARED
async def test_markdown_disable_line_keeps_the_paragraph(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.md")
    text = f"# Vote\n\nA wrapped paragraph\n{SPUN}\n"
    open_doc(client, uri, text, "markdown")
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    found = await _actions(client, uri, next(d for d in diagnostics if d.code == "CL401"))
    line = next(a for a in found if a.title == "Disable CL401 for this line")
    text = send_edits(client, uri, text, edits_of(line, uri), version=2)
    assert text == f"# Vote\n\nA wrapped paragraph <!-- copylint: disable-next-line=CL401 -->\n{SPUN}\n"
    await wait_for(client, uri, lambda d: "CL401" not in codes(d))


@SHARED
async def test_fix_all_safe_fixes(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    text = "The vote was held in purchase to by forces of security.\n\nRelated Articles\n"
    open_doc(client, uri, text)
    diagnostics = await wait_for(client, uri, lambda d: {"CL401", "CL402", "CL201"} <= set(codes(d)))
    found = await _actions(client, uri, diagnostics[0], only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in found] == ["source.fixAll.copylint"]
    text = send_edits(client, uri, text, edits_of(found[0], uri), version=2)
    assert text == "The vote was held in order to by security forces.\n"
    await wait_for(client, uri, lambda d: not d)


@SHARED
async def test_hover_explains_the_rule(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, SPUN + "\n")
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    d = next(d for d in diagnostics if d.code == "CL401")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start))
    assert hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    assert value.startswith("**CL401** Garbled phrasing")
    assert "**CL401 spun-phrase** (phrasing, kind substitution" in value
    assert "synonym" in value.lower() and "- bad: `" in value and "- good: `" in value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1)))
    assert nothing is None


@SHARED
async def test_markdown_and_html_documents(shared: LanguageClient, tmp_path) -> None:
    client = shared
    md, html = _uri(tmp_path, "a.md"), _uri(tmp_path, "b.html")
    md_text = "# Title\n\n```\nin purchase to\n```\n\nThe vote was held *in purchase to*.\n"
    html_text = "<!DOCTYPE html><html><body><p>The vote was held in purchase to.</p><pre>in purchase to</pre></body></html>"
    open_doc(client, md, md_text, "markdown")
    open_doc(client, html, html_text, "html")
    for uri, text, at in ((md, md_text, md_text.rindex("in purchase to")), (html, html_text, html_text.index("in purchase to"))):
        diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
        spun = [d for d in diagnostics if d.code == "CL401"]
        assert len(spun) == 1  # code blocks are not prose
        assert spun[0].range.start == utf16_position(text, at)


@SHARED
async def test_rapid_edits_end_with_the_last_text(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, "Start.\n")
    await wait_for(client, uri)
    text = "Start.\n"
    for version, word in enumerate("The vote was held in purchase to .".split(), start=2):
        text = text + word + " "
        replace_all(client, uri, text, version)
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    d = next(d for d in diagnostics if d.code == "CL401")
    assert d.range.start == utf16_position(text, text.index("in purchase to"))


@pytest.mark.asyncio
async def test_workspace_config_applies_and_reloads_on_change(client: LanguageClient, tmp_path) -> None:
    config = tmp_path / "copylint.toml"
    config.write_text('ignore = ["CL401"]\n', encoding="utf-8")
    await start(client, tmp_path.as_uri())
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, f"{SPUN} It was done by forces of security.\n")
    diagnostics = await wait_for(client, uri, lambda d: "CL402" in codes(d))
    assert "CL401" not in codes(diagnostics)
    config.write_text('ignore = ["CL402"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    diagnostics = await wait_for(client, uri, lambda d: "CL401" in codes(d))
    assert "CL402" not in codes(diagnostics)


@pytest.mark.asyncio
async def test_broken_config_is_reported_once_and_defaults_apply(client: LanguageClient, tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text("ignore = [\n", encoding="utf-8")
    await start(client, tmp_path.as_uri())
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, SPUN + "\n")
    await wait_for(client, uri, lambda d: "CL401" in codes(d))
    replace_all(client, uri, SPUN + " Again.\n", 2)
    await wait_for(client, uri, lambda d: "CL401" in codes(d))
    errors = [m for m in client.messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and "copylint.toml: not valid TOML" in errors[0].message


@pytest.mark.asyncio
async def test_absent_languagetool_degrades_with_one_notification(client: LanguageClient, tmp_path) -> None:
    options = {"languagetool": {"enabled": True, "url": "http://127.0.0.1:9", "debounce": 0}}
    await start(client, tmp_path.as_uri(), options)
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, SPUN + "\n")
    await wait_for(client, uri, lambda d: "CL401" in codes(d))
    for version in range(2, 5):
        replace_all(client, uri, SPUN + " More." * version + "\n", version)
        await wait_for(client, uri, lambda d: "CL401" in codes(d))
    await client.text_document_hover_async(types.HoverParams(  # a round trip, so any pending message has arrived
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    for _ in range(50):
        if client.messages:
            break
        await asyncio.sleep(0.1)
    warnings = [m.message for m in client.messages if "LanguageTool" in m.message]
    assert len(warnings) == 1, warnings
    assert "not reachable at http://127.0.0.1:9" in warnings[0] and "built-in rules still run" in warnings[0]


@pytest.mark.asyncio
async def test_slow_languagetool_never_blocks_typing_and_is_reported_once(client: LanguageClient, tmp_path) -> None:
    import socket

    listener = socket.socket()  # accepts connections and never answers: a hung LanguageTool
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    try:
        options = {"languagetool": {"url": f"http://127.0.0.1:{port}", "debounce": 0, "slowAfter": 300}}
        await start(client, tmp_path.as_uri(), options)
        uri = _uri(tmp_path, "story.txt")
        open_doc(client, uri, SPUN + "\n")
        await wait_for(client, uri, lambda d: "CL401" in codes(d))
        for version in range(2, 6):
            replace_all(client, uri, f"Take {version}. " + SPUN + " It was done by forces of security.\n", version)
            await wait_for(client, uri, lambda d: {"CL401", "CL402"} <= set(codes(d)), timeout=10)
            await asyncio.sleep(0.2)
        for _ in range(30):
            if any("has not answered" in m.message for m in client.messages):
                break
            await asyncio.sleep(0.1)
        slow = [m.message for m in client.messages if "has not answered" in m.message]
        assert len(slow) == 1 and "built-in rules still run" in slow[0]
    finally:
        listener.close()


@pytest.mark.asyncio
async def test_bad_settings_are_reported_and_ignored(client: LanguageClient, tmp_path) -> None:
    await start(client, tmp_path.as_uri(), {"languagetool": {"enabled": "yes", "colour": 1}})
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, SPUN + "\n")
    await wait_for(client, uri, lambda d: "CL401" in codes(d))
    problems = sorted(m.message for m in client.messages if m.type == types.MessageType.Warning)
    assert problems == ["copylint: copylint settings: 'languagetool.enabled' must be a bool",
                        "copylint: copylint settings: unknown key 'languagetool.colour'"]


@SHARED
async def test_closing_clears_diagnostics(shared: LanguageClient, tmp_path) -> None:
    client = shared
    uri = _uri(tmp_path, "story.txt")
    open_doc(client, uri, SPUN + "\n")
    await wait_for(client, uri, lambda d: "CL401" in codes(d))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_for(client, uri, lambda d: not d)


@pytest.mark.languagetool
@pytest.mark.asyncio
async def test_languagetool_findings_and_add_word_to_vocabulary(client: LanguageClient, tmp_path, engine) -> None:
    await start(client, tmp_path.as_uri(), {"languagetool": {"url": engine.url, "debounce": 50}})
    uri = _uri(tmp_path, "story.txt")
    text = "The council met on Tuesday and the comittee agreed to it.\n"
    open_doc(client, uri, text)
    diagnostics = await wait_for(client, uri, lambda d: any(str(c).startswith("LT:MORFOLOGIK") for c in codes(d)))
    typo = next(d for d in diagnostics if str(d.code).startswith("LT:MORFOLOGIK"))
    assert typo.range.start == utf16_position(text, text.index("comittee"))
    assert typo.code_description.href.startswith("https://community.languagetool.org/rule/show/MORFOLOGIK")
    found = await _actions(client, uri, typo)
    add = next(a for a in found if a.title == "Add 'comittee' to the copylint vocabulary")
    # pytest-lsp's typed client reads a CodeAction that carries a command as a bare Command whose `command` is the
    # nested object's repr; VS Code and Neovim tell the two apart by the type of `command`.
    command = add.command if isinstance(add, types.CodeAction) else ast.literal_eval(add.command)
    command = command if isinstance(command, dict) else {"command": command.command, "arguments": command.arguments}
    assert command["command"] == "copylint.addToVocabulary"
    written = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=command["command"], arguments=command["arguments"]))
    assert written == str(tmp_path / "copylint.toml")
    assert (tmp_path / "copylint.toml").read_text(encoding="utf-8") == 'vocabulary = ["comittee"]\n'
    await wait_for(client, uri, lambda d: not any(str(c).startswith("LT:") for c in codes(d)))
