"""Findings as the editor shows them: LSP diagnostics (exact ranges, code, severity, a link to the rule's
explanation) and hover text (the rule's why and examples, as `copylint rule CODE` gives them)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, Sequence

from lsprotocol import types

from ..explain import inline_code, rule_markdown
from ..model import Finding, Severity
from ..rule import Rule
from .positions import PositionMap

SOURCE = "copylint"
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# LanguageTool's public rule pages; copylint itself never fetches them.
LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/{rule}?lang=en"


def rule_href(finding: Finding, rules: Mapping[str, Rule]) -> str | None:
    """Where the rule is explained: its rule file (description, source, examples), or LanguageTool's page."""
    rule = rules.get(finding.code)
    if rule is not None:
        return Path(rule.path).resolve().as_uri()
    if finding.code.startswith("LT:"):
        return LANGUAGETOOL_RULE_PAGE.format(rule=finding.code[3:])
    return None


def to_diagnostic(finding: Finding, positions: PositionMap, rules: Mapping[str, Rule]) -> types.Diagnostic:
    href = rule_href(finding, rules)
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        data={"name": finding.name, "start": finding.start, "end": finding.end},
    )


def hover_markdown(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    """Each finding under the cursor: its message and fix, then why the rule exists and its examples."""
    parts = []
    for f in findings:
        lines = [f"**{f.code}** {_escape(f.message)}"]
        if f.suggestions:
            lines.append("Suggested: " + ", ".join(inline_code(s) for s in f.suggestions[:5]))
        rule = rules.get(f.code)
        if rule is not None:
            lines += ["", rule_markdown(rule)]
        elif f.code.startswith("LT:"):
            data = dict(f.data)
            lines += ["", f"LanguageTool rule {inline_code(f.code[3:])} (category {data.get('languagetool_category', '?')})."]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


def _escape(text: str) -> str:
    """Text shown as itself in Markdown (a message quotes the article)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)
