"""PhraseMatcher: one Aho-Corasick automaton over many phrases, matched on word boundaries, case-insensitively."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Generic, Iterator, Mapping, TypeVar

import ahocorasick

T = TypeVar("T")
# Words as Document.words holds them: each token and its hyphen/apostrophe parts (the same tokenizer).
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_FOLDS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))


@lru_cache(maxsize=64)  # every matcher folds the same block texts: fold each once
def fold(text: str) -> str:
    """Lower-case text without changing its length (so offsets stay valid); curly apostrophes become straight."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not lowered.isascii():  # str.replace only where needed: far faster than str.translate over every char
        for curly, straight in _FOLDS:
            if curly in lowered:
                lowered = lowered.replace(curly, straight)
    return lowered


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def word_parts(phrase: str) -> frozenset[str]:
    """The pieces of a folded phrase that Document.words holds whenever the phrase occurs on word boundaries:
    hyphenated and possessive words split into their parts."""
    return frozenset(p for w in _WORD_RE.findall(phrase) for p in w.replace("-", " ").replace("'", " ").split())


class PhraseMatcher(Generic[T]):
    """Find every table phrase in a text, longest first where matches overlap, never inside a word."""

    def __init__(self, table: Mapping[str, T], case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        self._automaton = ahocorasick.Automaton()
        for phrase, value in table.items():
            key = phrase if case_sensitive else fold(phrase)
            self._automaton.add_word(key, (len(key), value))
        self._empty = len(table) == 0
        if not self._empty:
            self._automaton.make_automaton()
        # Each phrase (folded) and its parts under its longest part: a document whose words hold no phrase's parts,
        # or whose folded text holds none of those phrases, is not scanned.
        self._by_trigger: dict[str, list[tuple[frozenset[str], str]]] = {}
        self._unfilterable = False
        for phrase in table:
            key = fold(phrase)
            parts = word_parts(key)
            if not parts:
                self._unfilterable = True
                continue
            self._by_trigger.setdefault(max(sorted(parts), key=len), []).append((parts, key))
        self._triggers = frozenset(self._by_trigger)

    def may_match(self, words: frozenset[str], folded: str | None = None) -> bool:
        """False when no phrase can occur in a text whose Document.words are `words` and, if given, whose folded
        prose is `folded` (then the scan can be skipped)."""
        if self._unfilterable:
            return True
        for trigger in self._triggers & words:
            for parts, key in self._by_trigger[trigger]:
                if parts <= words and (folded is None or key in folded):
                    return True
        return False

    def finditer(self, text: str) -> Iterator[tuple[int, int, T]]:
        """(start, end, value) of non-overlapping matches, leftmost-longest."""
        if self._empty:
            return
        haystack = text if self.case_sensitive else fold(text)
        candidates = []
        n = len(haystack)
        for end_index, (length, value) in self._automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
            first, last = haystack[start], haystack[end - 1]
            if _is_word_char(first) and start > 0 and _is_word_char(haystack[start - 1]):
                continue
            if _is_word_char(last) and end < n and _is_word_char(haystack[end]):
                continue
            candidates.append((start, -end, value))
        candidates.sort(key=lambda c: (c[0], c[1]))
        last_end = -1
        for start, neg_end, value in candidates:
            if start >= last_end:
                last_end = -neg_end
                yield start, -neg_end, value
