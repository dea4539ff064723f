"""Whole-document views of doc.prose shared by the phrasing kinds (computed once per document with doc.memo), and
patterns compiled on first use (a cold run compiles only what its document needs)."""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Callable

import regex

from ..document import Document


def locate(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """(block index, offset in its text) of the prose span start:end, or None when it crosses a block edge."""
    starts = doc.block_starts
    index = bisect_right(starts, start) - 1
    offset = start - starts[index]
    if end - starts[index] > len(doc.blocks[index].text):
        return None
    return index, offset


def lowered(doc: Document) -> str:
    """doc.prose lower-cased character by character (same length, so offsets hold; nothing else is folded)."""

    def compute() -> str:
        text = doc.prose
        if text.isascii():
            return doc.folded  # the same string, shared with the rules that fold the prose
        low = text.lower()
        return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    return doc.memo("prose.lowered", compute)


def spaced(doc: Document) -> str:
    """doc.prose with every run of whitespace as one space: a cheap test that a phrase occurs at all."""
    return doc.memo("prose.spaced", lambda: " ".join(doc.prose.split()))



def lazy(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern]:
    """A function returning pattern compiled (once, on the first call)."""
    return cache(lambda: regex.compile(pattern, flags))
