"""Trigger words: whether a document may hold one of some words, from doc.words, and never a wrong "no"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet

import regex

from ..document import Document
from ..phrases import WordIndex


def exact_words(doc: Document) -> bool:
    """True when doc.words is a faithful guide for case-insensitive regexes and word-boundary phrase matching.

    doc.words lower-cases with str.lower() and splits on \\w runs. A case-insensitive regex folds fully
    ('ſ' is 's', 'ﬁ' is 'fi'), and a phrase matcher's word boundary ignores combining marks and joiners
    that \\w counts as word characters; prose with such characters gets no shortcut."""
    return doc.memo("facts:exact-words", lambda: _exact(doc.prose))


def may_contain(doc: Document, words: AbstractSet[str]) -> bool:
    """Whether the document may contain one of `words` (lower-case, whole words or parts of hyphenated ones)."""
    return not doc.words.isdisjoint(words) or not exact_words(doc)


def phrase_candidates(doc: Document, index: WordIndex) -> tuple[str, ...]:
    """The index's phrases the document may hold, in table order (every one when its words are no faithful guide)."""
    if not exact_words(doc):
        return index.phrases
    return index.candidates(doc.words)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _exact(prose: str) -> bool:
    if prose.isascii():
        return True
    return not any(_odd(c) for c in set(_NON_ASCII.findall(prose)))


@lru_cache(maxsize=4096)
def _odd(c: str) -> bool:
    """A character the regex module's \\w and str.isalnum() disagree on (a mark, a joiner, 'Ⓐ'; '²', which
    glues onto a word in doc.words though a pattern's \\b sees an edge), one that folds unlike it lower-cases
    ('ſ'), or a Turkic i (a case-insensitive pattern's 'i' matches 'İ' and its 'I' matches 'ı', though neither
    lower-cases to 'i')."""
    return c in "İı" or c.lower() != c.casefold() or c.isalnum() != (_WORD_CHAR.match(c) is not None)


_WORD_CHAR = regex.compile(r"\w")
