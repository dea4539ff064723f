"""label: orphan label lines in the body (gallery titles, photo headings) — short, title case, no end punctuation."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..registry import compile_regex
from ..model import Finding
from .base import Kind, line_removal

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&.-]*")
_SMALL = frozenset("a an and as at but by for from in of on or the to vs with".split())


def is_title_case_label(line: str, max_words: int) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?,;:\"”’)]…" or len(stripped) > 70:
        return False
    words = _WORD.findall(stripped)
    if not 1 <= len(words) <= max_words or len(words) != len(stripped.split()):
        return False
    significant = [w for w in words if w.lower() not in _SMALL]
    # A label names something: at least one capitalised word (a count, a price or a date alone is not one).
    return (any(w[0].isupper() for w in significant)
            and all(w[0].isupper() or w[0].isdigit() for w in significant))


class Label(Kind):
    """Keys: max_words; neighbours (regexes: an adjacent line matching one marks the label as an orphan); defer_to
    (codes of rules that already report such lines: a label line one of them flags is not reported twice)."""

    NAME = "label"
    KEYS = {"max_words": int, "neighbours": list, "defer_to": list}
    DEFAULT_SCOPES = frozenset({"paragraph", "caption"})
    DOCUMENT_LEVEL = True

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.max_words = rule.params.get("max_words", 6)
        self.neighbours = [compile_regex(rule, f"neighbours[{i}]", x) for i, x in enumerate(rule.params.get("neighbours", []))]

    @classmethod
    def requires(cls, rule) -> tuple[str, ...]:
        return tuple(rule.params.get("defer_to", ()))

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        return self.deferred(self._labels(doc), findings)

    def _labels(self, doc: Document) -> Iterable[Finding]:
        # A label line is an orphan when it sits next to a caption/credit line (in its own paragraph or the next),
        # or repeats a label that does. A lone title-case line may be a subheading, and one that merely repeats may
        # be a section heading, a schedule slot ("Lunch") or a speaker's name: those are left alone.
        lines = [(block, start, end) for _, block in self.blocks(doc) for start, end in block.lines()
                 if block.text[start:end].strip()]
        labels: dict[int, str] = {}
        captioned: set[str] = set()
        for i, (block, start, end) in enumerate(lines):
            line = block.text[start:end]
            if not is_title_case_label(line, self.max_words) or (block is doc.blocks[0] and start == 0):
                continue  # the headline is never an orphan label
            if any(p.match(line.strip()) for p in self.neighbours):
                continue  # a credit line ('Getty Images') is a credit, not a label
            key = labels[i] = line.strip().lower()
            near = [b.text[s:e].strip() for j, (b, s, e) in enumerate(lines[max(0, i - 1) : i + 2], max(0, i - 1)) if j != i]
            if any(p.match(n) for p in self.neighbours for n in near):
                captioned.add(key)
        for i, key in labels.items():
            if key in captioned:
                block, start, end = lines[i]
                line = block.text[start:end]
                s = start + len(line) - len(line.lstrip())
                e = start + len(line.rstrip())
                yield self.finding(doc, block, s, e, "", edits=(line_removal(doc, block, s, e),))
