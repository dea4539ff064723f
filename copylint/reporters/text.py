"""Human-readable text: path:line:col: CODE [severity] message, the source line with a caret span, the fix."""
from __future__ import annotations

from typing import Sequence

from ..model import Finding
from .context import ReportContext

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET, _GREEN = "\033[1m", "\033[2m", "\033[0m", "\033[32m"
WINDOW = 140  # characters of a long line shown around a finding
_LONG_LINE = 160


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    out: list[str] = []
    paint = (lambda code, s: f"{code}{s}{_RESET}") if ctx.color else (lambda code, s: s)
    for f in findings:
        source = ctx.sources.get(f.path, "")
        line, col = ctx.position(f.path, f.start)
        sev = f.severity.value
        out.append(f"{paint(_BOLD, f'{f.path}:{line}:{col}:')} {paint(_COLORS[sev], f.code)} [{sev}] {f.message}")
        if source:
            text, caret_col, width = snippet(source, ctx.index(f.path).line_span(source, line), f.start, f.end)
            out.append(f"    {text}")
            out.append(f"    {' ' * caret_col}{paint(_COLORS[sev], '^' * width)}")
        label = describe_fix(f, source)
        if label:
            how = f" [{f.fix.applicability.value} fix]" if f.fix is not None else ""
            out.append(f"    {paint(_GREEN, 'fix:')} {label}{paint(_DIM, how)}")
    return "\n".join(out) + ("\n" if out else "")


def snippet(source: str, line_span: tuple[int, int], start: int, end: int) -> tuple[str, int, int]:
    """(the finding's line, or a window of a long one; where the caret starts in it; the caret's width). The caret
    never runs past the text shown: a finding that goes on beyond it is marked to the end of what is shown."""
    line_start, line_end = line_span
    text = source[line_start:line_end].expandtabs(1)
    col = start - line_start
    width = max(1, min(end, line_end) - start)
    if len(text) > _LONG_LINE:  # show a window around long lines
        lo = max(0, col - 60)
        shown = text[lo:lo + WINDOW]
        text = ("…" if lo else "") + shown + ("…" if lo + WINDOW < len(text) else "")
        col = col - lo + (1 if lo else 0)
        width = min(width, (1 if lo else 0) + len(shown) - col)
    return text, col, max(1, min(width, len(text) - col))


def describe_fix(f: Finding, source: str = "") -> str:
    """The fix in words, from its edits ("→ 'the'", "delete 'Related Articles'"); a suggestion when there is no fix."""
    suggestions = f.suggestions
    if f.fix is None:
        return _with_others(f"→ {suggestions[0]!r}", suggestions) if suggestions else ""
    edits = f.fix.edits
    if all(not e.content.strip() for e in edits):
        removed = " … ".join(_short(source[e.start:e.end]) for e in edits if source[e.start:e.end].strip())
        return f"delete {removed!r}" if removed else "delete"
    if len(edits) == 1 and suggestions and suggestions[0] == edits[0].content:
        return _with_others(f"→ {suggestions[0]!r}", suggestions)
    return "→ " + ", ".join(repr(_short(e.content)) for e in edits if e.content.strip())


def _with_others(label: str, suggestions: Sequence[str]) -> str:
    if len(suggestions) > 1:
        label += " (or " + ", ".join(repr(s) for s in suggestions[1:4]) + ")"
    return label


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary(findings: Sequence[Finding], files: int, fixable: int) -> str:
    if not findings:
        return f"No problems in {files} file{'s' if files != 1 else ''}."
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    parts = ", ".join(f"{n} {sev}" for sev, n in sorted(counts.items()))
    tail = f"; {fixable} fixable with --fix" if fixable else ""
    return f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}{tail}."
