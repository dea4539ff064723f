"""label: orphan label lines in the body (gallery titles, photo headings) — short, title case, no end punctuation."""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..document import Document, ProseBlock, distinct_lines
from ..registry import compile_regex
from ..model import Finding
from .base import Kind, line_removal

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&.-]*")
_MEMO_LINES = 100_000  # distinct lines whose verdict is remembered per document
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
        if not self._any_label(doc):
            return
        verdicts: dict[str, bool] = {}  # per distinct short line: page furniture repeats, a file of lines too
        labels: list[tuple[str, ProseBlock, int, int]] = []
        captioned: set[str] = set()
        first = doc.blocks[0] if doc.blocks else None
        before = current = None
        for after in self._lines(doc):
            if current is not None:
                self._judge(before, current, after, first, verdicts, labels, captioned)
            before, current = current, after
        if current is not None:
            self._judge(before, current, None, first, verdicts, labels, captioned)
        for key, block, start, end in labels:
            if key in captioned:
                line = block.text[start:end]
                s = start + len(line) - len(line.lstrip())
                e = start + len(line.rstrip())
                yield self.finding(doc, block, s, e, "", edits=(line_removal(doc, block, s, e),))

    def _any_label(self, doc: Document) -> bool:
        """Whether any line of the checked blocks is a title-case label: each distinct line judged once, with no
        walk over the lines (a file of a million short lines has a few hundred distinct ones)."""
        distinct = set().union(*(distinct_lines(block.text) for _, block in self.blocks(doc)))
        return any(is_title_case_label(line, self.max_words) for line in {line.strip() for line in distinct} if line)

    def _lines(self, doc: Document) -> Iterator[tuple[ProseBlock, int, int, str]]:
        """(block, start, end, stripped text) of each non-blank line of the checked blocks."""
        for _, block in self.blocks(doc):
            text = block.text
            for start, end in block.lines():
                stripped = text[start:end].strip()
                if stripped:
                    yield block, start, end, stripped

    def _judge(self, before, current, after, first, verdicts: dict[str, bool],
               labels: list[tuple[str, ProseBlock, int, int]], captioned: set[str]) -> None:
        """Record the current line if it is a label, and its key as captioned when a neighbour is a credit line."""
        block, start, end, stripped = current
        verdict = verdicts.get(stripped)
        if verdict is None:
            verdict = is_title_case_label(stripped, self.max_words)
            if len(verdicts) < _MEMO_LINES and len(stripped) <= 70:
                verdicts[stripped] = verdict
        if not verdict or (block is first and start == 0):
            return  # the headline is never an orphan label
        if any(p.match(stripped) for p in self.neighbours):
            return  # a credit line ('Getty Images') is a credit, not a label
        key = stripped.lower()
        labels.append((key, block, start, end))
        near = [n[3] for n in (before, after) if n is not None]
        if any(p.match(n) for p in self.neighbours for n in near):
            captioned.add(key)
