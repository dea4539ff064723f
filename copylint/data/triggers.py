"""Trigger words: whether a document may hold one of some words, from doc.words, and never a wrong "no"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Iterable

import regex

from ..document import Document


def exact_words(doc: Document) -> bool:
    """True when doc.words is a faithful guide for case-insensitive regexes and word-boundary phrase matching.

    doc.words lower-cases with str.lower() and splits on \\w runs. A case-insensitive regex folds fully
    ('ſ' is 's', 'ﬁ' is 'fi'), and a phrase matcher's word boundary ignores combining marks and joiners
    that \\w counts as word characters; prose with such characters gets no shortcut."""
    return doc.memo("facts:exact-words", lambda: _exact(doc.prose))


def may_contain(doc: Document, words: AbstractSet[str]) -> bool:
    """Whether the document may contain one of `words` (lower-case, whole words or parts of hyphenated ones)."""
    return not doc.words.isdisjoint(words) or not exact_words(doc)


def phrase_words(phrase: str) -> frozenset[str]:
    """The lower-cased words of a phrase, as doc.words holds them ('Jet A-1' -> jet, a, 1)."""
    from ..phrases import fold

    return frozenset(regex.findall(r"\w+", fold(phrase)))


class Phrases:
    """Phrases indexed by one of their words, to tell in a few set operations which of them a document may
    hold: those all of whose words doc.words holds."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(dict.fromkeys(phrases))
        self.by_key: dict[str, list[tuple[frozenset[str], str]]] = {}
        self.always: list[str] = []  # phrases without a word: doc.words says nothing of them
        for phrase in self.phrases:
            words = phrase_words(phrase)
            if words:
                key = max(sorted(words), key=len)  # the longest word: the likeliest to be missing
                self.by_key.setdefault(key, []).append((words, phrase))
            else:
                self.always.append(phrase)
        self.keys = frozenset(self.by_key)
        self.order = {phrase: i for i, phrase in enumerate(self.phrases)}

    def candidates(self, doc: Document) -> tuple[str, ...]:
        """The phrases the document may hold, in table order (every one when its words are no faithful guide)."""
        words = doc.words
        found = {phrase for key in words & self.keys for group, phrase in self.by_key[key] if group <= words}
        if not exact_words(doc):
            return self.phrases
        found.update(self.always)
        return tuple(sorted(found, key=self.order.__getitem__))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _exact(prose: str) -> bool:
    if prose.isascii():
        return True
    return not any(_odd(c) for c in set(_NON_ASCII.findall(prose)))


@lru_cache(maxsize=4096)
def _odd(c: str) -> bool:
    """A character \\w counts as a word character but str.isalnum() does not (a mark, a joiner, 'Ⓐ'), one
    that folds unlike it lower-cases ('ſ'), or a Turkic i (a case-insensitive pattern's 'i' matches 'İ' and
    its 'I' matches 'ı', though neither lower-cases to 'i')."""
    return c in "İı" or c.lower() != c.casefold() or (not c.isalnum() and _WORD_CHAR.match(c) is not None)


_WORD_CHAR = regex.compile(r"\w")
