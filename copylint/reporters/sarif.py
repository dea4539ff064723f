"""SARIF 2.1.0: one run, the rules that fired, results with regions and fixes."""
from __future__ import annotations

import json
from typing import Any, Sequence

from .. import __version__
from ..model import Finding
from .context import ReportContext

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(ctx: ReportContext, path: str, start: int, end: int) -> dict[str, Any]:
    line, col = ctx.position(path, start)
    end_line, end_col = ctx.position(path, end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
            "charOffset": start, "charLength": end - start}


def first_sentence(text: str, limit: int = 120) -> str:
    """The description's first sentence, cut at a word to `limit` characters (SARIF's shortDescription is one line)."""
    import re

    m = re.search(r"[.!?](?=\s+[A-Z(\"“]|$)", text)
    sentence = text[: m.end()] if m else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    rule_ids: list[str] = []
    rules: list[dict[str, Any]] = []
    for f in findings:
        if f.code in rule_ids:
            continue
        rule_ids.append(f.code)
        meta = ctx.rules.get(f.code)
        description = " ".join(meta.description.split()) if meta is not None and meta.description else ""
        entry: dict[str, Any] = {"id": f.code, "name": f.name,
                                 "shortDescription": {"text": first_sentence(description) or f.name.replace("-", " ")}}
        if description:
            entry["fullDescription"] = {"text": description}
        if meta is not None:
            entry["defaultConfiguration"] = {"level": _LEVEL[meta.severity.value]}
        rules.append(entry)
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_ids.index(f.code),
            "level": _LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path},
                                                "region": _region(ctx, f.path, f.start, f.end)}}],
        }
        if f.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"{f.fix.applicability.value} fix"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": f.path},
                    "replacements": [{"deletedRegion": _region(ctx, f.path, e.start, e.end),
                                      "insertedContent": {"text": e.content}} for e in f.fix.edits],
                }],
            }]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "copylint", "version": __version__,
                                      "rules": rules}},
                  "columnKind": "unicodeCodePoints",
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
