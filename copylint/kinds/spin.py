"""spin-score (document level): spun and inverted phrases per 1,000 words; one finding above the threshold."""
from __future__ import annotations

import dataclasses
from typing import Iterable

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind

DEFAULT_THRESHOLD = 3.0  # spun phrases per 1,000 words; clean news scores about 0.0, the spun seed about 7


def spin_score(phrases: int, words: int) -> float:
    """Spun phrases per 1,000 words, rounded to one decimal (0.0 for an empty document)."""
    return round(1000.0 * phrases / words, 1) if words else 0.0


class SpinScore(Kind):
    """Keys: count (codes of the rules whose findings are spun phrases), threshold (default per 1,000 words,
    overridden by the document context's "spin_threshold"), min_phrases (fewest phrases that can raise it)."""

    NAME = "spin-score"
    KEYS = {"count": list, "threshold": float, "min_phrases": int}
    REQUIRED = ("count",)
    DOCUMENT_LEVEL = True

    @classmethod
    def validate(cls, rule) -> None:
        if not rule.params["count"] or not all(isinstance(c, str) for c in rule.params["count"]):
            raise RuleError(rule.path, "count", "must list the codes of the rules to count")

    @classmethod
    def requires(cls, rule) -> tuple[str, ...]:
        return tuple(rule.params["count"])

    def counts(self, finding: Finding) -> bool:
        return finding.code in self.rule.params["count"]

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        """Counts the spun phrases found by the counted rules (run for this even when not selected)."""
        threshold = doc.context.get("spin_threshold")
        threshold = float(threshold) if threshold is not None else self.rule.params.get("threshold", DEFAULT_THRESHOLD)
        phrases = sorted({(f.start, f.end): f for f in findings if self.counts(f)}.values(), key=lambda f: f.start)
        if not phrases or len(phrases) < self.rule.params.get("min_phrases", 3):
            return
        score = spin_score(len(phrases), doc.word_count)
        if score <= threshold:
            return
        first = phrases[0]
        finding = self.source_finding(doc, first.start, first.end, None, score=f"{score:.1f}", count=len(phrases),
                                      words=doc.word_count, threshold=f"{threshold:.1f}")
        yield dataclasses.replace(finding, data=(("spin_score", score), ("spun_phrases", len(phrases)),
                                                 ("words", doc.word_count), ("threshold", threshold)))
