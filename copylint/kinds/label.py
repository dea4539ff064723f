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
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


class Label(Kind):
    """Keys: max_words; neighbours (regexes: an adjacent line matching one marks the label as an orphan)."""

    NAME = "label"
    KEYS = {"max_words": int, "neighbours": list}
    DEFAULT_SCOPES = frozenset({"paragraph", "caption"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.max_words = rule.params.get("max_words", 6)
        self.neighbours = [compile_regex(rule, f"neighbours[{i}]", x) for i, x in enumerate(rule.params.get("neighbours", []))]

    def check(self, doc: Document) -> Iterable[Finding]:
        # A label line is an orphan when it repeats in the body or sits next to a caption/credit line (in
        # its own paragraph or the next); a lone title-case line could be a subheading, so it is left alone.
        lines = [(block, start, end) for _, block in self.blocks(doc) for start, end in block.lines()
                 if block.text[start:end].strip()]
        counts: dict[str, int] = {}
        for block, start, end in lines:
            key = block.text[start:end].strip().lower()
            counts[key] = counts.get(key, 0) + 1
        for i, (block, start, end) in enumerate(lines):
            line = block.text[start:end]
            if not is_title_case_label(line, self.max_words) or (block is doc.blocks[0] and start == 0):
                continue  # the headline is never an orphan label
            near = [b.text[s:e].strip() for j, (b, s, e) in enumerate(lines[max(0, i - 1) : i + 2], max(0, i - 1)) if j != i]
            if counts[line.strip().lower()] > 1 or any(p.match(n) for p in self.neighbours for n in near):
                s = start + len(line) - len(line.lstrip())
                e = start + len(line.rstrip())
                yield self.finding(doc, block, s, e, "", edits=(line_removal(doc, block, s, e),))
