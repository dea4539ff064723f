"""rejected-term: words and phrases a style sheet bans (the config's `reject` list, Vale's reject.txt)."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..model import Finding
from ..phrases import PhraseMatcher
from .base import Kind


class RejectedTerm(Kind):
    """Keys: terms (the rule's own list). The config's `reject` list, given when the kind is built, extends it.
    Every occurrence, any case, on word boundaries, is flagged; there is no automatic fix."""

    NAME = "rejected-term"
    KEYS = {"terms": list}
    SHARED = ("reject",)

    def __init__(self, rule, reject: Iterable[str] = ()) -> None:
        super().__init__(rule)
        terms = dict.fromkeys(t.strip() for t in (*rule.params.get("terms", ()), *reject) if t.strip())
        self.matcher = PhraseMatcher({t: t for t in terms})

    def check(self, doc: Document) -> Iterable[Finding]:
        if not self.matcher.may_match(doc.words, doc.folded):
            return
        for _, block in self.blocks(doc):
            for start, end, term in self.matcher.finditer(block.text):
                yield self.finding(doc, block, start, end, term=term)
