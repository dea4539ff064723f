"""The copylint language server (pygls): diagnostics on open, change and save, code actions, hovers, workspace
configuration. Built-in rules run on their own thread as soon as the text changes (a change that arrives
mid-check makes the check start again on the newest text); LanguageTool runs on another thread after the text
has been quiet for a moment, so typing never waits for it, and its last answer is carried across edits."""
from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..engines.languagetool import merge
from ..errors import CopylintError
from ..formats import EXTENSIONS, format_for_path
from ..model import Applicability, Finding
from ..registry import load_rules
from ..rule import Rule
from . import actions
from .changes import carry, single_edit
from .diagnostics import hover_markdown, to_diagnostic
from .positions import PositionMap
from .settings import SECTION, Settings, parse_settings
from .vocabulary import add_word
from .workspace import CONFIG_NAMES, Linters, Target

log = logging.getLogger(__name__)
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "plain", "text": "plain"}
# After LanguageTool was found unreachable, how long the server waits before trying to connect again.
LANGUAGETOOL_RETRY = 60.0


class Worker:
    """One daemon thread running submitted calls in order: a hung LanguageTool request never holds up exit."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def submit(self, fn: Callable, *args) -> asyncio.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._jobs.put((future, fn, args))
        return asyncio.wrap_future(future)

    def _run(self) -> None:
        while True:
            future, fn, args = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the awaiting coroutine
                future.set_exception(exc)


@dataclass
class Checked:
    """Findings on one text of a document."""

    version: int | None
    source: str
    findings: tuple[Finding, ...]


@dataclass
class DocState:
    builtin: Checked | None = None  # the latest built-in check
    languagetool: Checked | None = None  # the latest LanguageTool answer (LT: findings only), maybe on older text
    published: Checked | None = None
    builtin_task: asyncio.Task | None = None
    lt_timer: asyncio.TimerHandle | None = None
    lt_task: asyncio.Task | None = None
    lt_again: bool = False
    waiters: list[asyncio.Future] = field(default_factory=list)


class CopylintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copylint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linters = Linters(self.notify_problem)
        self.docs: dict[str, DocState] = {}
        self._builtin_worker = Worker("copylint-builtin")
        self._lt_worker = Worker("copylint-languagetool")
        self._told: set[str] = set()
        self._lt_down_until = 0.0
        self._lt_slow_told = False
        self._rules: dict[str, Rule] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- notifications --------------------------------------------------------------------------------
    def notify_problem(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Show a message once per session (callable from the lint threads)."""
        loop = self._loop
        if loop is not None and threading.current_thread() is not threading.main_thread():
            loop.call_soon_threadsafe(self._show_once, message, kind)
        else:
            self._show_once(message, kind)

    def _show_once(self, message: str, kind: types.MessageType) -> None:
        if message in self._told:
            return
        self._told.add(message)
        log.info("%s", message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"copylint: {message}"))

    @property
    def rules(self) -> Mapping[str, Rule]:
        """Every rule by code, for explanations (built-in packs; a workspace's own rule-dirs are added per target)."""
        if self._rules is None:
            self._rules = {r.code: r for r in load_rules()}
        return self._rules

    def rules_for(self, target: Target) -> Mapping[str, Rule]:
        linter = self.linters.builtin(target)
        return {r.code: r for r in linter.all_rules}

    # -- documents ------------------------------------------------------------------------------------
    def describe(self, uri: str) -> tuple[Path, str]:
        """The document's file path and input format."""
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or uri)
        fmt = EXTENSIONS.get(path.suffix.lower()) or LANGUAGE_FORMATS.get(document.language_id or "", None)
        return path, fmt or format_for_path(str(path))

    def current(self, uri: str) -> tuple[int | None, str]:
        document = self.workspace.get_text_document(uri)
        return document.version, document.source

    def changed(self, uri: str) -> None:
        """The text changed (or opened, or saved): check it now, and with LanguageTool once it is quiet."""
        self._loop = asyncio.get_running_loop()
        state = self.docs.setdefault(uri, DocState())
        if state.builtin_task is None or state.builtin_task.done():
            state.builtin_task = asyncio.ensure_future(self._check_builtin(uri))
        self._schedule_languagetool(uri, state)

    def closed(self, uri: str) -> None:
        state = self.docs.pop(uri, None)
        if state is not None:
            if state.lt_timer is not None:
                state.lt_timer.cancel()
            for waiter in state.waiters:
                if not waiter.done():
                    waiter.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def recheck_all(self) -> None:
        for uri, state in self.docs.items():
            state.languagetool = None
            self.changed(uri)

    async def findings_now(self, uri: str) -> Checked | None:
        """The published findings once they are for the document's current text (None if it closes)."""
        while uri in self.docs:
            state = self.docs[uri]
            version, source = self.current(uri)
            if state.published is not None and state.published.version == version and state.published.source == source:
                return state.published
            waiter = asyncio.get_running_loop().create_future()
            state.waiters.append(waiter)
            if state.builtin_task is None or state.builtin_task.done():
                self.changed(uri)
            try:
                await waiter
            except asyncio.CancelledError:
                return None
        return None

    # -- built-in rules -------------------------------------------------------------------------------
    async def _check_builtin(self, uri: str) -> None:
        while uri in self.docs:
            version, source = self.current(uri)
            path, fmt = self.describe(uri)
            try:
                findings = await self._builtin_worker.submit(self._lint_builtin, path, source, fmt)
            except Exception as exc:  # a bug must not end the session: say it once, publish no findings
                log.exception("built-in check failed")
                self.notify_problem(f"checking {path.name} failed: {exc}")
                findings = []
            state = self.docs.get(uri)
            if state is None:
                return
            if self.current(uri) != (version, source):
                continue  # typed meanwhile: check the newest text, publish nothing stale
            state.builtin = Checked(version, source, tuple(findings))
            self._publish(uri, state)
            return

    def _lint_builtin(self, path: Path, source: str, fmt: str) -> list[Finding]:
        target = self.linters.target(path)
        return self.linters.builtin(target).lint_source(target.name, source, fmt)

    # -- LanguageTool ---------------------------------------------------------------------------------
    def _schedule_languagetool(self, uri: str, state: DocState) -> None:
        if state.lt_timer is not None:
            state.lt_timer.cancel()
        if self.linters.settings.languagetool is False or time.monotonic() < self._lt_down_until:
            return
        state.lt_timer = asyncio.get_running_loop().call_later(self.linters.settings.debounce,
                                                               self._start_languagetool, uri)

    def _start_languagetool(self, uri: str) -> None:
        state = self.docs.get(uri)
        if state is None:
            return
        state.lt_timer = None
        if state.lt_task is not None and not state.lt_task.done():
            state.lt_again = True
            return
        state.lt_task = asyncio.ensure_future(self._check_languagetool(uri))

    async def _check_languagetool(self, uri: str) -> None:
        version, source = self.current(uri)
        path, fmt = self.describe(uri)
        loop = asyncio.get_running_loop()
        slow = loop.call_later(self.linters.settings.slow_after, self._languagetool_slow)
        try:
            findings = await self._lt_worker.submit(self._lint_full, path, source, fmt)
        except Exception as exc:
            log.exception("LanguageTool check failed")
            self.notify_problem(f"LanguageTool check failed ({exc}); built-in rules still run", types.MessageType.Warning)
            findings = None
        finally:
            slow.cancel()
        state = self.docs.get(uri)
        if state is None:
            return
        if findings is not None:
            self._lt_slow_told = False
            self._told = {m for m in self._told if "LanguageTool" not in m}  # a later outage is told again
            own = [f for f in findings if not f.code.startswith("LT:")]
            state.languagetool = Checked(version, source, tuple(f for f in findings if f.code.startswith("LT:")))
            if self.current(uri) == (version, source):
                state.builtin = Checked(version, source, tuple(own))
            self._publish(uri, state)
        if state.lt_again:
            state.lt_again = False
            self._start_languagetool(uri)

    def _lint_full(self, path: Path, source: str, fmt: str) -> list[Finding] | None:
        """Every rule with LanguageTool (on the LanguageTool thread), or None when it is off or unreachable."""
        target = self.linters.target(path)
        linter = self.linters.full(target)
        if linter is None:
            return None
        if linter.languagetool is None:
            self._languagetool_down(linter.warnings[0] if linter.warnings else "LanguageTool is not available")
            return None
        findings = linter.lint_source(target.name, source, fmt)
        if linter.languagetool.warning:  # it stopped answering during this check
            self._languagetool_down(linter.languagetool.warning)
        return findings

    def _languagetool_down(self, message: str) -> None:
        """One notification per outage; built-in rules go on alone until the retry."""
        self._lt_down_until = time.monotonic() + LANGUAGETOOL_RETRY
        self.linters.drop_languagetool()
        self.notify_problem(f"{message} (trying again in {LANGUAGETOOL_RETRY:.0f} s)", types.MessageType.Warning)

    def _languagetool_slow(self) -> None:
        if not self._lt_slow_told:
            self._lt_slow_told = True
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning,
                message=(f"copylint: LanguageTool has not answered in {self.linters.settings.slow_after:g} s; "
                         "built-in rules still run, its findings follow when it answers")))

    # -- publishing -----------------------------------------------------------------------------------
    def _publish(self, uri: str, state: DocState) -> None:
        checked = state.builtin
        if checked is None:
            return
        findings = list(checked.findings)
        lt = state.languagetool
        if lt is not None and lt.findings:
            # Carried one published text to the next, so each step spans one edit, not all since the answer.
            carried = carry(lt.findings, lt.source, checked.source)
            state.languagetool = Checked(lt.version, checked.source, tuple(carried))
            findings = merge(findings, carried)
            findings.sort(key=lambda f: f.sort_key)
        state.published = Checked(checked.version, checked.source, tuple(findings))
        path, _ = self.describe(uri)
        rules = self.rules_for(self.linters.target(path))
        positions = PositionMap(checked.source, self.workspace.position_encoding)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=checked.version,
            diagnostics=[to_diagnostic(f, positions, rules) for f in findings]))
        waiters, state.waiters = state.waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    # -- requests -------------------------------------------------------------------------------------
    def buffer(self, uri: str, checked: Checked) -> actions.Buffer:
        caps = self.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        _, fmt = self.describe(uri)
        return actions.Buffer(uri, checked.version, checked.source,
                              PositionMap(checked.source, self.workspace.position_encoding), fmt, versioned)

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = await self.findings_now(uri)
        if checked is None:
            return []
        buffer = self.buffer(uri, checked)
        only = params.context.only
        wanted = (lambda kind: True) if not only else (
            lambda kind: any(kind == o or kind.startswith(f"{o}.") for o in only))
        out: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix):
            lo = buffer.positions.offset(params.range.start)
            hi = buffer.positions.offset(params.range.end)
            path, _ = self.describe(uri)
            rules = self.rules_for(self.linters.target(path))
            for f in checked.findings:
                if f.start <= hi and lo <= f.end:
                    out.extend(actions.finding_actions(buffer, f, to_diagnostic(f, buffer.positions, rules)))
        safe = sum(1 for f in checked.findings if f.fix is not None and f.fix.applicability is Applicability.SAFE)
        if safe and wanted(actions.FIX_ALL):
            path, fmt = self.describe(uri)
            fixed = await self._builtin_worker.submit(self._fix_all, path, checked.source, fmt)
            action = actions.fix_all_action(buffer, single_edit(checked.source, fixed), safe)
            if action is not None:
                out.append(action)
        return out

    def _fix_all(self, path: Path, source: str, fmt: str) -> str:
        target = self.linters.target(path)
        fixed, _ = self.linters.builtin(target).fix_source(target.name, source, fmt)
        return fixed

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        checked = await self.findings_now(uri)
        if checked is None:
            return None
        positions = PositionMap(checked.source, self.workspace.position_encoding)
        at = positions.offset(params.position)
        under = [f for f in checked.findings if f.start <= at < f.end or f.start == f.end == at]
        if not under:
            return None
        path, _ = self.describe(uri)
        text = hover_markdown(under, self.rules_for(self.linters.target(path)))
        first = min(under, key=lambda f: f.end - f.start)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=positions.range(first.start, first.end))

    def add_to_vocabulary(self, uri: str, word: str) -> str:
        path, _ = self.describe(uri)
        target = self.linters.target(path)
        folder = self._workspace_folder(path)
        written = add_word(word, target.config_path, folder)
        self.linters.invalidate()
        self.recheck_all()
        return str(written)

    def _workspace_folder(self, path: Path) -> Path:
        """The workspace folder holding path (where a new copylint.toml goes), else the file's folder."""
        best: Path | None = None
        for folder in self.workspace.folders.values():
            root = Path(to_fs_path(folder.uri) or "")
            if path.is_relative_to(root) and (best is None or len(root.parts) > len(best.parts)):
                best = root
        if best is None and self.workspace.root_path:
            root = Path(self.workspace.root_path)
            best = root if path.is_relative_to(root) else None
        return best or path.parent

    # -- settings ---------------------------------------------------------------------------------------
    def apply_settings(self, data: Any) -> None:
        settings, problems = parse_settings(data)
        for problem in problems:
            self.notify_problem(problem, types.MessageType.Warning)
        if settings != self.linters.settings:
            self._lt_down_until = 0.0
            self.linters.invalidate(settings)
            self.recheck_all()

    async def pull_settings(self) -> None:
        caps = self.client_capabilities.workspace
        if not (caps and caps.configuration):
            return
        try:
            result = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)]))
        except Exception as exc:  # a client that advertises but fails: keep the settings we have
            log.warning("workspace/configuration failed: %s", exc)
            return
        if result and result[0] is not None:
            self.apply_settings(result[0])

    def config_changed(self) -> None:
        self.linters.invalidate()
        self.recheck_all()


def build_server() -> CopylintServer:
    server = CopylintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: CopylintServer, params: types.InitializeParams) -> None:
        if params.initialization_options is not None:
            settings, problems = parse_settings(params.initialization_options)
            for problem in problems:
                ls.notify_problem(problem, types.MessageType.Warning)
            ls.linters.invalidate(settings)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CopylintServer, params: types.InitializedParams) -> None:
        ls._loop = asyncio.get_running_loop()
        caps = ls.client_capabilities.workspace
        watched = caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration
        if watched:
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                    id="copylint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=options)]))
            except Exception as exc:
                log.warning("could not watch config files: %s", exc)
        await ls.pull_settings()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CopylintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopylintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            ls.config_changed()
        elif params.text_document.uri in ls.docs:
            ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopylintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: CopylintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(to_fs_path(c.uri) or "").name in CONFIG_NAMES for c in params.changes):
            ls.config_changed()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: CopylintServer, params: types.DidChangeConfigurationParams) -> None:
        if isinstance(params.settings, dict) and SECTION in params.settings:
            ls.apply_settings(params.settings)
        else:
            await ls.pull_settings()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
    async def code_action(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: CopylintServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.hover(params)

    @server.command(actions.ADD_WORD_COMMAND)
    def add_to_vocabulary(ls: CopylintServer, uri: str, word: str) -> str | None:
        try:
            written = ls.add_to_vocabulary(uri, word)
        except CopylintError as exc:
            ls.notify_problem(str(exc))
            return None
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info,
                                                       message=f"copylint: added {word!r} to {written}"))
        return written

    return server
