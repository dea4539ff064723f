"""JSON (the contract in DESIGN.md: an array, one object per finding) and JSON Lines (one object per line)."""
from __future__ import annotations

import json
from typing import Any, Sequence

from ..model import Finding
from .context import ReportContext


def finding_dict(f: Finding, ctx: ReportContext) -> dict[str, Any]:
    line, column = ctx.position(f.path, f.start)
    end_line, end_column = ctx.position(f.path, f.end)
    out: dict[str, Any] = {
        "path": f.path, "code": f.code, "name": f.name, "severity": f.severity.value, "message": f.message,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "start": f.start, "end": f.end, "text": f.text, "suggestions": list(f.suggestions),
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in f.fix.edits],
        },
    }
    if f.data:
        out["data"] = dict(f.data)
    return out


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    return json.dumps([finding_dict(f, ctx) for f in findings], ensure_ascii=False, indent=2) + "\n"


def report_lines(findings: Sequence[Finding], ctx: ReportContext) -> str:
    return "".join(json.dumps(finding_dict(f, ctx), ensure_ascii=False) + "\n" for f in findings)
