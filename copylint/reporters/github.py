"""GitHub Actions workflow-command annotations (::warning file=…,line=…,col=…::message)."""
from __future__ import annotations

from typing import Sequence

from ..model import Finding
from .context import ReportContext

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    lines = []
    for f in findings:
        line, col = ctx.position(f.path, f.start)
        end_line, end_col = ctx.position(f.path, f.end)
        fix = f" Suggested: {f.suggestions[0]!r}." if f.suggestions else ""
        lines.append(
            f"::{_LEVEL[f.severity.value]} file={_escape(f.path, True)},line={line},col={col},"
            f"endLine={end_line},endColumn={end_col},title={_escape(f.code + ' ' + f.name, True)}::"
            f"{_escape(f.message + fix)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
