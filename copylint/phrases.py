"""PhraseMatcher: one Aho-Corasick automaton over many phrases, matched on word boundaries, case-insensitively."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Generic, Iterable, Iterator, Mapping, TypeVar

import ahocorasick

T = TypeVar("T")
# The pieces of words Document.words always holds (its tokenizer's \w runs, split at hyphens and apostrophes).
_WORD_PART = re.compile(r"\w+")
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


def phrase_words(phrase: str) -> frozenset[str]:
    """The lower-cased word pieces of a phrase, all of which Document.words holds wherever the phrase occurs on
    word boundaries ('Jet A-1' -> jet, a, 1)."""
    return frozenset(_WORD_PART.findall(fold(phrase)))


class WordIndex:
    """Phrases under their longest word piece (the likeliest to be missing), to tell in a few set operations which
    of them a text may hold: those all of whose pieces its Document.words holds."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(dict.fromkeys(phrases))
        self._by_key: dict[str, list[tuple[frozenset[str], str]]] = {}
        always = []
        for phrase in self.phrases:
            words = phrase_words(phrase)
            if words:
                self._by_key.setdefault(max(sorted(words), key=len), []).append((words, phrase))
            else:
                always.append(phrase)
        self.always = tuple(always)  # phrases without a word: the words say nothing of them
        self._keys = frozenset(self._by_key)
        self._order = {phrase: i for i, phrase in enumerate(self.phrases)}

    def possible(self, words: AbstractSet[str]) -> Iterator[str]:
        """The phrases with a word, all of whose pieces `words` holds (in no particular order)."""
        for key in self._keys & words:
            for needed, phrase in self._by_key[key]:
                if needed <= words:
                    yield phrase

    def candidates(self, words: AbstractSet[str]) -> tuple[str, ...]:
        """Every phrase a text with these words may hold (the possible ones and those without a word), in order."""
        return tuple(sorted({*self.possible(words), *self.always}, key=self._order.__getitem__))


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
        # A document whose words hold no phrase's pieces, or whose folded text holds none of those phrases, is not
        # scanned.
        self._index = WordIndex(fold(phrase) for phrase in table)

    def may_match(self, words: frozenset[str], folded: str | None = None) -> bool:
        """False when no phrase can occur in a text whose Document.words are `words` and, if given, whose folded
        prose is `folded` (then the scan can be skipped)."""
        if self._index.always:
            return True
        return any(folded is None or key in folded for key in self._index.possible(words))

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
