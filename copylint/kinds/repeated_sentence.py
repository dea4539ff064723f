"""repeated-sentence (document level): a sentence repeated verbatim."""
from __future__ import annotations

import collections
from itertools import compress
from typing import Iterable

from ..document import Document
from ..model import Applicability, Finding
from ._echo import _prose_chunks, _words
from .base import PROSE_SCOPES, Kind


# Every byte but a-z and 0-9: what is left of a lower-cased sentence is fixed by its _normal key, so two
# sentences with the same key have the same residue (and most sentences' residues are unique).
_NOT_ALNUM = bytes(b for b in range(256) if not (48 <= b <= 57 or 97 <= b <= 122))


def _residue(text: str) -> bytes:
    return text.lower().encode("utf-8", "ignore").translate(None, _NOT_ALNUM)


def _normal(text: str) -> str:
    return " ".join(w for _, _, w in _words(text))


class RepeatedSentence(Kind):
    """Keys: min_words (shortest sentence compared, default 6). A sentence that repeats one of the same or the
    previous paragraph verbatim (ignoring case and punctuation) is flagged; the fix deletes the repeat. Copies
    further apart are a page's pattern (a Q&A page asking each guest the same question), and so are list items."""

    NAME = "repeated-sentence"
    KEYS = {"min_words": int}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        # Sentences are counted by their text, then by residue per distinct text: most have a residue of their own.
        counts: collections.Counter[str] = collections.Counter()
        for _, _, _, texts in _prose_chunks(doc, scopes):
            counts.update(texts)
        residues = list(map(_residue, counts))
        if len(set(residues)) == len(residues) and sum(counts.values()) == len(counts):
            return  # no two sentences can have the same key
        by_residue: collections.Counter[bytes] = collections.Counter()
        for residue, count in zip(residues, counts.values()):
            by_residue[residue] += count
        min_words = self.rule.params.get("min_words", 6)
        keys: dict[str, str] = {}  # the _normal key of each text that may be a repeat
        for text, residue in zip(counts, residues):
            if by_residue[residue] < 2:
                continue
            key = _normal(text)
            # "I think they treat waiters best in ..." introducing a list item is a refrain, not a paste error.
            if key.count(" ") + 1 >= min_words and not text.rstrip().endswith(("...", "…", ":")):
                keys[text] = key
        if not keys:
            return
        last_block: dict[str, int] = {}
        for blocks, starts, ends, texts in _prose_chunks(doc, scopes):
            for i in compress(range(len(texts)), map(keys.__contains__, texts)):
                index = blocks[i]
                if doc.blocks[index].scope == "list":
                    continue
                key = keys[texts[i]]
                if key in last_block and index - last_block[key] <= 1:
                    yield self.finding(doc, doc.blocks[index], starts[i], ends[i], "",
                                       applicability=Applicability.UNSAFE)
                last_block[key] = index
