"""Trigger words: whether a document may hold one of some words, from doc.words, and never a wrong "no"."""
from __future__ import annotations

from typing import AbstractSet

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


def _exact(prose: str) -> bool:
    if prose.isascii():
        return True
    return not any(_odd(c) for c in set(prose) if c > "\x7f")


def _odd(c: str) -> bool:
    """A character \\w counts as a word character but str.isalnum() does not (a mark, a joiner, 'Ⓐ'), or
    one that folds unlike it lower-cases."""
    return c.lower() != c.casefold() or (not c.isalnum() and regex.match(r"\w", c) is not None)
