"""line: whole lines that belong to the web page, not the article (furniture), by phrase, prefix or pattern."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import regex

from ..document import Document, distinct_lines
from ..errors import RuleError
from ..model import Finding
from ..registry import compile_regex
from .base import Kind, line_removal

_VERBOSE = regex.compile(r"\(\?[a-zA-Z]*x")


def _grouped(pattern: str) -> str:
    """The pattern as one alternative of an alternation (a verbose one's closing bracket on its own line, out of
    reach of a trailing # comment)."""
    return f"(?:{pattern}\n)" if _VERBOSE.search(pattern) else f"(?:{pattern})"


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
        sources = p.get("patterns", [])
        # each pattern on its own too: a user rule's bad pattern is an error naming its index, at load
        self.patterns = [compile_regex(rule, f"patterns[{i}]", x) for i, x in enumerate(sources)]
        # one alternation asked once per line: dozens of patterns each asked (and each gated on its literals) cost
        # more per line than the one regex does
        self.pattern = compile_regex(rule, "patterns", "|".join(map(_grouped, sources))) if sources else None
        self._alone = _ALONE  # lines still to ask each pattern on its own (_matched)
        self.max_words = p.get("max_words", 12)
        # Whole-line phrases and prefixes are short: a long line can only match a pattern.
        longest = max([len(x) for x in p.get("lines", [])] + [len(x) for x in p.get("prefixes", [])] + [0])
        self.max_phrase_line = longest + 8 * self.max_words + 16 if p.get("prefixes") else longest + 16

    def matches(self, line: str, key: str | None = None, words: int | None = None) -> bool:
        """Whether a trimmed line is furniture; key (normalize_line) and words (its word count) when already known."""
        if len(line) > self.max_phrase_line:
            return self.pattern is not None and self._matched(line.strip())
        if key is None:
            key = normalize_line(line)
        if not key:
            return False
        if key in self.lines:
            return True
        if self.prefixes and (len(key.split()) if words is None else words) <= self.max_words \
                and _prefix_key(line).startswith(self.prefixes):
            return True
        return self.pattern is not None and self._matched(line.strip())

    def _matched(self, line: str) -> bool:
        """Whether a pattern matches at the line's start. The first _ALONE lines ask each pattern on its own: each is
        compiled only when a line holds its literals, so a short run compiles a few small patterns, not the one
        alternation (compiling it is most of a one-article run); later lines ask the alternation once."""
        if self._alone:
            self._alone -= 1
            return any(p.match(line) is not None for p in self.patterns)
        return self.pattern.match(line) is not None

    @classmethod
    def prepare(cls, doc: Document, kinds: Sequence[Kind]) -> None:
        """One pass over the document's lines for every line rule (each line trimmed and normalized once, each
        distinct short line judged once); check() and summarize() read the result."""
        found: dict[int, list[tuple[int, int, int]]] = {id(k): [] for k in kinds}
        judged: dict[tuple[int, ...], dict[str, tuple[int, ...]]] = {}
        longest = max(k.max_phrase_line for k in kinds)
        for index, block in enumerate(doc.blocks):
            active = [k for k in kinds if k.in_scope(block)]
            if not active:
                continue
            seen = judged.setdefault(tuple(id(k) for k in active), {})
            verdicts = None
            if block.text.count("\n") >= _MANY_LINES:
                # many lines (a file of short lines): each distinct line judged first, and the lines walked only
                # when one of them is furniture
                verdicts = _verdicts(active, distinct_lines(block.text), longest, seen)
                if not any(verdicts.values()):
                    continue
            start = 0
            for raw in block.text.split("\n"):
                trimmed = raw.rstrip(" \t\r")
                line = trimmed.lstrip(" \t\ufeff")
                if line:
                    hits = seen.get(line) if verdicts is None else verdicts[line]
                    if hits is None:
                        hits = _judge(active, line, longest)
                        if len(line) <= _REMEMBERED and len(seen) < _REMEMBERED_LINES:
                            seen[line] = hits
                    first = start + len(trimmed) - len(line)
                    for i in hits:
                        found[id(active[i])].append((index, first, first + len(line)))
                start += len(raw) + 1
        for kind in kinds:
            doc.put(("line", id(kind)), found[id(kind)])

    def check(self, doc: Document) -> Iterable[Finding]:
        return () if self.rule.params.get("defer_to") else self._lines(doc)

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        return self.deferred(self._lines(doc), findings) if self.rule.params.get("defer_to") else ()

    def _lines(self, doc: Document) -> Iterator[Finding]:
        found = doc.take(("line", id(self)))
        if found is None:  # not prepared by the engine (a rule checked on its own)
            type(self).prepare(doc, [self])
            found = doc.take(("line", id(self)))
        for index, start, end in found:
            block = doc.blocks[index]
            yield self.finding(doc, block, start, end, "", edits=(line_removal(doc, block, start, end),))


_REMEMBERED = 80  # lines up to this long are judged once per document (page furniture repeats; prose rarely does)
_REMEMBERED_LINES = 100_000


_ALONE = 1_000  # lines a line rule asks its patterns about one by one before it compiles their alternation

_MANY_LINES = 256  # a block of more lines is first judged by its distinct lines (_verdicts)


def _verdicts(kinds: Sequence[Line], raws: set[str], longest: int,
              seen: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """_judge of each distinct non-blank line of raws, trimmed as Line.prepare trims them (seen: the verdicts
    remembered so far, which this adds to)."""
    out: dict[str, tuple[int, ...]] = {}
    for raw in raws:
        line = raw.rstrip(" \t\r").lstrip(" \t\ufeff")
        if line and line not in out:
            hits = seen.get(line)
            if hits is None:
                hits = _judge(kinds, line, longest)
                if len(line) <= _REMEMBERED and len(seen) < _REMEMBERED_LINES:
                    seen[line] = hits
            out[line] = hits
    return out


def _judge(kinds: Sequence[Line], line: str, longest: int) -> tuple[int, ...]:
    """Indexes of the kinds that take the trimmed line as furniture."""
    if len(line) > longest:
        return tuple(i for i, k in enumerate(kinds) if k.matches(line))
    key = normalize_line(line)
    words = len(key.split())
    return tuple(i for i, k in enumerate(kinds) if k.matches(line, key, words))
