"""learned_line: a line the furniture classifier learned from real pages (copylint.data.furniture_model) scores high."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..data.furniture_model import MAX_WORDS, MIN_WORDS, load
from ..document import Document
from ..model import Finding
from ..rule import Rule
from .base import Kind, line_removal


class LearnedLine(Kind):
    """Keys: defer_to (codes of rules that already report such lines: a line one of them flags is not reported
    again). A line of MIN_WORDS..MAX_WORDS words is reported when the shipped model's score reaches its threshold."""

    NAME = "learned_line"
    KEYS = {"defer_to": list}

    @classmethod
    def requires(cls, rule: Rule) -> tuple[str, ...]:
        return tuple(rule.params.get("defer_to", ()))

    def check(self, doc: Document) -> Iterable[Finding]:
        return () if self.rule.params.get("defer_to") else self._lines(doc)

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        return self.deferred(self._lines(doc), findings) if self.rule.params.get("defer_to") else ()

    def _lines(self, doc: Document) -> Iterator[Finding]:
        model = None
        for _, block in self.blocks(doc):
            for start, end in block.lines():
                line = block.text[start:end]
                stripped = line.strip()
                if not MIN_WORDS <= len(stripped.split()) <= MAX_WORDS:
                    continue
                model = model or load()
                if model.score(stripped) >= model.threshold:
                    first = start + len(line) - len(line.lstrip())
                    last = first + len(stripped)
                    yield self.finding(doc, block, first, last, "", edits=(line_removal(doc, block, first, last),))
