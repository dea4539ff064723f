"""What the name kinds share: whether a position opens a sentence."""
from __future__ import annotations


_SENTENCE_END = ".!?\"“”‘’:—–\n"


def _at_sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END
