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
    """Every kind's findings, then the document-level summaries (which read those findings), deduplicated, sorted."""
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()

    def add(new: Iterable[Finding]) -> None:
        for finding in new:
            key = (finding.code, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)

    for kind in kinds:
        add(kind.check(doc))
    for kind in kinds:
        add(kind.summarize(doc, tuple(findings)))
    findings.sort(key=lambda f: f.sort_key)
    return findings
