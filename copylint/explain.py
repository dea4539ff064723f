"""A rule's explanation (what it flags, why, data source, examples) as `copylint rule CODE` text or as Markdown."""
from __future__ import annotations

from .rule import Rule


def rule_summary(rule: Rule) -> str:
    """One line: family, kind, severity, fix and whether the rule is on by default."""
    return (f"{rule.family}, kind {rule.kind}, severity {rule.severity.value}, "
            f"fix {rule.fix.value if rule.fix else 'none'}, {'on' if rule.default else 'off'} by default")


def rule_why(rule: Rule) -> str:
    """The rule's explanation: its description, else its message template."""
    return (rule.description or rule.message).strip()


def rule_text(rule: Rule) -> str:
    """What `copylint rule CODE` prints."""
    lines = [f"{rule.code} {rule.name}  ({rule_summary(rule)})", "", rule_why(rule)]
    if rule.source:
        lines += ["", f"Data source: {rule.source}"]
    lines += ["", "Examples:"]
    for ex in rule.examples:
        if ex.bad is not None:
            fix = f"  → {ex.correction!r}" if ex.correction is not None else ""
            lines.append(f"  bad:  {ex.bad}{fix}")
        else:
            lines.append(f"  good: {ex.good}")
    return "\n".join(lines) + "\n"


def rule_markdown(rule: Rule) -> str:
    """The same explanation as Markdown (editor hovers); example text is set as code so nothing in it renders."""
    lines = [f"**{rule.code} {rule.name}** ({rule_summary(rule)})", "", rule_why(rule)]
    if rule.source:
        lines += ["", f"*Data source:* {rule.source}"]
    examples = []
    for ex in rule.examples:
        if ex.bad is not None:
            fix = f" → {inline_code(ex.correction)}" if ex.correction is not None else ""
            examples.append(f"- bad: {inline_code(ex.bad)}{fix}")
        else:
            examples.append(f"- good: {inline_code(ex.good or '')}")
    if examples:
        lines += ["", "*Examples:*", *examples]
    return "\n".join(lines)


def inline_code(text: str) -> str:
    """Inline Markdown code that survives backticks in the text."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
