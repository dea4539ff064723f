"""spin-score (document level): spun and inverted phrases per 1,000 words; one finding above the threshold."""
from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

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

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self._counted: list[Kind] | None = None

    def _counted_kinds(self) -> Sequence[Kind]:
        # Built on first use: the counted rules are ordinary rule files, compiled by their own kinds.
        if self._counted is None:
            from ..registry import load_rules
            from . import KINDS

            codes = set(self.rule.params["count"])
            self._counted = [KINDS[r.kind](r) for r in load_rules() if r.code in codes and r.code != self.rule.code]
        return self._counted

    def phrases(self, doc: Document) -> list[Finding]:
        """The spun phrases of doc (findings of the counted rules), in source order."""
        found = {(f.start, f.end): f for kind in self._counted_kinds() for f in kind.check(doc)}
        return sorted(found.values(), key=lambda f: f.start)

    def check(self, doc: Document) -> Iterable[Finding]:
        threshold = doc.context.get("spin_threshold")
        threshold = float(threshold) if threshold is not None else self.rule.params.get("threshold", DEFAULT_THRESHOLD)
        phrases = self.phrases(doc)
        score = spin_score(len(phrases), doc.word_count)
        if not phrases or len(phrases) < self.rule.params.get("min_phrases", 3) or score <= threshold:
            return
        first = phrases[0]
        finding = self.source_finding(doc, first.start, first.end, None, score=f"{score:.1f}", count=len(phrases),
                                      words=doc.word_count, threshold=f"{threshold:.1f}")
        yield dataclasses.replace(finding, data=(("spin_score", score), ("spun_phrases", len(phrases)),
                                                 ("words", doc.word_count), ("threshold", threshold)))
