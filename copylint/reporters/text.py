"""Human-readable text: path:line:col: CODE [severity] message, the source line with a caret span, the fix."""
from __future__ import annotations

from typing import Sequence

from ..model import Finding
from .context import ReportContext

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET, _GREEN = "\033[1m", "\033[2m", "\033[0m", "\033[32m"


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    out: list[str] = []
    paint = (lambda code, s: f"{code}{s}{_RESET}") if ctx.color else (lambda code, s: s)
    for f in findings:
        source = ctx.sources.get(f.path, "")
        line, col = ctx.position(f.path, f.start)
        sev = f.severity.value
        out.append(f"{paint(_BOLD, f'{f.path}:{line}:{col}:')} {paint(_COLORS[sev], f.code)} [{sev}] {f.message}")
        start, end = ctx.index(f.path).line_span(source, line)
        text = source[start:end].expandtabs(1)
        width = max(1, min(f.end, end) - f.start)
        if len(text) > 160:  # show a window around long lines
            lo = max(0, col - 1 - 60)
            text, col = ("…" + text[lo : lo + 140] + "…"), col - lo + 1
            width = min(width, 140)
        out.append(f"    {text}")
        out.append(f"    {' ' * (col - 1)}{paint(_COLORS[sev], '^' * width)}")
        if f.suggestions or f.fix is not None:
            suggestion = f.suggestions[0] if f.suggestions else ""
            label = "delete" if f.fix is not None and not suggestion else f"→ {suggestion!r}"
            if len(f.suggestions) > 1:
                label += " (or " + ", ".join(repr(s) for s in f.suggestions[1:4]) + ")"
            how = f" [{f.fix.applicability.value} fix]" if f.fix is not None else ""
            out.append(f"    {paint(_GREEN, 'fix:')} {label}{paint(_DIM, how)}")
    return "\n".join(out) + ("\n" if out else "")


def summary(findings: Sequence[Finding], files: int, fixable: int) -> str:
    if not findings:
        return f"No problems in {files} file{'s' if files != 1 else ''}."
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    parts = ", ".join(f"{n} {sev}" for sev, n in sorted(counts.items()))
    tail = f"; {fixable} fixable with --fix" if fixable else ""
    return f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}{tail}."
