"""Code actions: each fix as a quick fix (safe ones preferred, unsafe ones labelled), fix all safe fixes, disable a
rule for a line or the file (writing the inline directive), add a word to the vocabulary."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import regex
from lsprotocol import types

from ..directives import parse_directives
from ..engines.languagetool import is_spelling
from ..model import Applicability, Edit, Finding
from .positions import PositionMap

FIX_ALL = "source.fixAll.copylint"
ADD_WORD_COMMAND = "copylint.addToVocabulary"
_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                              regex.DOTALL | regex.MULTILINE)
_MAX_QUOTED = 40


@dataclass(frozen=True)
class Buffer:
    """The document the actions edit: its text at one version, and how to address it."""

    uri: str
    version: int | None
    source: str
    positions: PositionMap
    fmt: str
    versioned_edits: bool  # the client takes documentChanges (edits refused if the buffer changed meanwhile)

    def workspace_edit(self, edits: Iterable[Edit]) -> types.WorkspaceEdit:
        text_edits = [types.TextEdit(range=self.positions.range(e.start, e.end), new_text=e.content) for e in edits]
        if self.versioned_edits:
            identifier = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier,
                                                                                edits=text_edits)])
        return types.WorkspaceEdit(changes={self.uri: text_edits})


def finding_actions(buffer: Buffer, finding: Finding, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    """The quick fixes for one finding."""
    actions = []
    for edits, label, preferred in _fixes(buffer.source, finding):
        actions.append(types.CodeAction(
            title=f"{finding.code}: {_describe(buffer.source, edits)}{label}",
            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=preferred or None,
            edit=buffer.workspace_edit(edits)))
    data = dict(finding.data)
    if finding.code.startswith("LT:") and is_spelling(str(data.get("languagetool_rule", finding.code[3:])),
                                                      str(data.get("languagetool_issue_type", ""))):
        actions.append(types.CodeAction(
            title=f"Add {_quote(finding.text)} to the copylint vocabulary", kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            command=types.Command(title="Add to vocabulary", command=ADD_WORD_COMMAND,
                                  arguments=[buffer.uri, finding.text])))
    for whole_file in (False, True):
        edit = directive_edit(buffer.source, buffer.positions, buffer.fmt, finding.code, finding.start, whole_file)
        actions.append(types.CodeAction(
            title=f"Disable {finding.code} for this {'file' if whole_file else 'line'}",
            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=buffer.workspace_edit([edit])))
    return actions


def fix_all_action(buffer: Buffer, edit: Edit | None, count: int) -> types.CodeAction | None:
    """One action applying every safe fix (computed by re-linting until stable: Linter.fix_source)."""
    if edit is None:
        return None
    return types.CodeAction(title=f"Fix all safe copylint fixes in this file ({count})", kind=FIX_ALL,
                            edit=buffer.workspace_edit([edit]))


def _fixes(source: str, finding: Finding) -> list[tuple[tuple[Edit, ...], str, bool]]:
    """(edits, title suffix, preferred) for the finding's fix and its other suggestions."""
    fix = finding.fix
    if fix is None:
        return []
    label = {Applicability.SAFE: "", Applicability.UNSAFE: " (unsafe: check the result)",
             Applicability.DISPLAY_ONLY: " (suggestion: check before applying)"}[fix.applicability]
    out = [(fix.edits, label, fix.applicability is Applicability.SAFE)]
    # Alternatives (LanguageTool gives several) when the fix simply replaces the finding's text with the first.
    if (len(fix.edits) == 1 and (fix.edits[0].start, fix.edits[0].end) == (finding.start, finding.end)
            and finding.suggestions and fix.edits[0].content == finding.suggestions[0]):
        alt_label = label if fix.applicability is not Applicability.SAFE else " (suggestion: check before applying)"
        out += [((Edit(finding.start, finding.end, s),), alt_label, False) for s in finding.suggestions[1:5]]
    return out


def _describe(source: str, edits: Sequence[Edit]) -> str:
    if len(edits) != 1:
        return f"apply {len(edits)} edits"
    e = edits[0]
    old = source[e.start:e.end]
    if not e.content:
        return f"delete {_quote(old)}"
    if not old:
        return f"insert {_quote(e.content)}"
    return f"replace {_quote(old)} with {_quote(e.content)}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= _MAX_QUOTED else text[:_MAX_QUOTED - 1] + '…'}'"


# -- inline directives ----------------------------------------------------------------------------------
def directive_edit(source: str, positions: PositionMap, fmt: str, code: str, offset: int, whole_file: bool) -> Edit:
    """The edit that disables code for the line holding offset (or for the whole file): the project's inline
    directive, added to an existing one where it stands, else on a line of its own."""
    newline = "\r\n" if "\r\n" in source else ("\r" if "\r" in source and "\n" not in source else "\n")
    directives, _ = parse_directives(source)
    if whole_file:
        front = _FRONT_MATTER.match(source) if fmt == "markdown" else None
        at = front.end() if front else (1 if source.startswith("\ufeff") else 0)
        for d in directives:
            if d.action == "disable" and d.start == at:
                return _extend(d, code)
        return Edit(at, at, f"<!-- copylint: disable={code} -->{newline}")
    line = positions.line_of(offset)
    for d in directives:
        if d.action == "disable-next-line" and line > 0 and positions.line_of(d.end) == line - 1:
            return _extend(d, code)
    start = positions.line_start(line)
    indent = regex.match(r"[ \t]*", source[start:]).group()
    if fmt == "markdown" and line > 0:
        previous_start = positions.line_start(line - 1)
        previous = source[previous_start:start].rstrip("\r\n")
        if previous.strip():
            # A comment on a line of its own would end a Markdown paragraph; at the end of the line before, it
            # stays invisible inline HTML and still names the next line.
            end = previous_start + len(previous)
            return Edit(end, end, f" <!-- copylint: disable-next-line={code} -->")
    return Edit(start, start, f"{indent}<!-- copylint: disable-next-line={code} -->{newline}")


def _extend(directive, code: str) -> Edit:
    codes = directive.codes if code in directive.codes else (*directive.codes, code)
    return Edit(directive.start, directive.end, f"<!-- copylint: {directive.action}={','.join(codes)} -->")
