"""Run compiled rule kinds over a Document and return findings in a deterministic order."""
from __future__ import annotations

from typing import Iterable, Sequence

from .document import Document
from .kinds import KINDS
from .kinds.base import Kind
from .model import Finding
from .rule import Rule


def build_kinds(rules: Iterable[Rule]) -> list[Kind]:
    """Compile each rule into its kind (regexes and automata are built here, once)."""
    return [KINDS[rule.kind](rule) for rule in rules]


def lint(doc: Document, kinds: Sequence[Kind]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for kind in kinds:
        for finding in kind.check(doc):
            key = (finding.code, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    findings.sort(key=lambda f: f.sort_key)
    return findings
