"""What the echo kinds share: the words of a sentence and the checked sentences read in chunks."""
from __future__ import annotations

from array import array
from itertools import compress
from operator import getitem
from typing import Iterator

import regex

from ..document import Document


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(text)]


_CHUNK = 4_096  # sentences sliced at a time


def _prose_chunks(doc: Document, scopes: frozenset[str]) -> Iterator[tuple[array, array, array, list[str]]]:
    """(blocks, starts, ends, texts) of the sentences of the checked blocks, a few thousand at a time across blocks
    (a file of short lines holds millions of sentences, an article thousands of short blocks)."""
    sentences = doc.sentences
    texts_of = [b.text if b.scope in scopes else None for b in doc.blocks]
    checked = [t is not None for t in texts_of]
    every = all(checked)
    for lo in range(0, len(sentences), _CHUNK):
        hi = min(len(sentences), lo + _CHUNK)
        blocks, starts, ends = sentences.blocks[lo:hi], sentences.starts[lo:hi], sentences.ends[lo:hi]
        if not every:
            keep = list(map(checked.__getitem__, blocks))
            if not any(keep):
                continue
            blocks, starts, ends = (array("l", compress(column, keep)) for column in (blocks, starts, ends))
        yield blocks, starts, ends, list(map(getitem, map(texts_of.__getitem__, blocks), map(slice, starts, ends)))
