"""substitution: a phrase table (phrase -> replacement) matched in one automaton, fixed case-preservingly."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..phrases import PhraseMatcher
from .base import Kind, match_case


class Substitution(Kind):
    """Keys: swap (table of phrase = replacement; a replacement may list alternatives separated by '|')."""

    NAME = "substitution"
    KEYS = {"swap": dict, "case_sensitive": bool}
    REQUIRED = ("swap",)

    @classmethod
    def validate(cls, rule) -> None:
        for phrase, replacement in rule.params["swap"].items():
            if not isinstance(replacement, str):
                raise RuleError(rule.path, f"swap.{phrase}", "replacement must be a string")
            if not phrase.strip():
                raise RuleError(rule.path, "swap", "empty phrase")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.matcher = PhraseMatcher(rule.params["swap"], rule.params.get("case_sensitive", False))

    def check(self, doc: Document) -> Iterable[Finding]:
        if not self.matcher.may_match(doc.words, doc.folded):
            return
        for _, block in self.blocks(doc):
            text = block.text
            for start, end, replacement in self.matcher.finditer(text):
                found = text[start:end]
                options = [match_case(found, r.strip()) for r in replacement.split("|")]
                yield self.finding(doc, block, start, end, options[0], suggestions=options)
