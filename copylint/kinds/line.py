"""line: whole lines that belong to the web page, not the article (furniture), by phrase, prefix or pattern."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..registry import compile_regex
from .base import Kind, line_removal

_STRIP = regex.compile(r"^[\s•·▪►»›\-–—*|#]+|[\s.:!|»›>→…]+$")
_BULLETS = regex.compile(r"^[\s•·▪►»›\-–—*|#]+")
_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=4096)  # every line rule asks for the same lines
def normalize_line(line: str) -> str:
    """Lower-case, curly quotes straightened, bullets and trailing punctuation dropped, spaces folded."""
    line = line.replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", _STRIP.sub("", line)).lower()


@lru_cache(maxsize=4096)
def _prefix_key(line: str) -> str:
    """Prefixes keep their own punctuation ('More:' must not match 'More power to…')."""
    line = line.replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", _BULLETS.sub("", line)).lower().rstrip()


class Line(Kind):
    """Keys: lines (whole-line phrases), prefixes (line starts), patterns (regexes matched at line start), max_words;
    defer_to (codes of rules that already report such lines: a line one of them flags is not reported again)."""

    NAME = "line"
    KEYS = {"lines": list, "prefixes": list, "patterns": list, "max_words": int, "defer_to": list}

    @classmethod
    def requires(cls, rule) -> tuple[str, ...]:
        return tuple(rule.params.get("defer_to", ()))

    @classmethod
    def validate(cls, rule) -> None:
        if not any(k in rule.params for k in ("lines", "prefixes", "patterns")):
            raise RuleError(rule.path, "lines", "give at least one of 'lines', 'prefixes' or 'patterns'")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.lines = frozenset(normalize_line(x) for x in p.get("lines", []))
        self.prefixes = tuple(_prefix_key(x) for x in p.get("prefixes", []))
        self.patterns = [compile_regex(rule, f"patterns[{i}]", x) for i, x in enumerate(p.get("patterns", []))]
        self.max_words = p.get("max_words", 12)
        # Whole-line phrases and prefixes are short: a long line can only match a pattern.
        longest = max([len(x) for x in p.get("lines", [])] + [len(x) for x in p.get("prefixes", [])] + [0])
        self.max_phrase_line = longest + 8 * self.max_words + 16 if p.get("prefixes") else longest + 16

    def matches(self, line: str) -> bool:
        if len(line) > self.max_phrase_line:
            stripped = line.strip()
            return any(p.match(stripped) for p in self.patterns)
        key = normalize_line(line)
        if not key:
            return False
        if key in self.lines:
            return True
        if self.prefixes and len(key.split()) <= self.max_words and _prefix_key(line).startswith(self.prefixes):
            return True
        stripped = line.strip()
        return any(p.match(stripped) for p in self.patterns)

    def check(self, doc: Document) -> Iterable[Finding]:
        return () if self.rule.params.get("defer_to") else self._lines(doc)

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        return self.deferred(self._lines(doc), findings) if self.rule.params.get("defer_to") else ()

    def _lines(self, doc: Document) -> Iterator[Finding]:
        for _, block in self.blocks(doc):
            text = block.text
            for start, end in block.lines():
                while end > start and text[end - 1] in " \t\r":
                    end -= 1
                while start < end and text[start] in " \t\ufeff":
                    start += 1
                if end > start and self.matches(text[start:end]):
                    yield self.finding(doc, block, start, end, "", edits=(line_removal(doc, block, start, end),))
