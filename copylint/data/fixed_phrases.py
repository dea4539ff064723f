"""Fixed multiword expressions and the swaps of their words real text never shows, indexed by one-slot skeletons."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from zlib import crc32

DATA_FILE = Path(__file__).with_name("fixed_phrases.json")
FORMAT = 2

_MOD = (1 << 61) - 1  # a skeleton's key is a polynomial hash of its words' CRC-32s, the open slot counting 0
_BASE = 0x5DEECE66D1F3B


class Slot(NamedTuple):
    phrase: tuple[str, ...]  # the expression's words
    slot: int  # the word a swap replaces
    swaps: str  # the words a swap puts there that real text never shows, space-separated
    articles: int  # how many counted news articles show the expression
    alone: bool  # a discourse phrase: read only as a whole run between punctuation marks


def word_hash(word: str) -> int:
    return crc32(word.encode("utf-8")) + 1


class FixedPhrases:
    """Expressions by length and skeleton key: a window of n words matches a skeleton when its hash, less its
    slot word's share, equals the key (then its words are compared)."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"fixed phrases format {data.get('format')!r}, expected {FORMAT}")
        self.sources: dict = data["sources"]
        self.powers = [pow(_BASE, k, _MOD) for k in range(8)]
        self.index: dict[int, dict[int, list[Slot]]] = {}
        for phrase, articles, slots, alone in data["expressions"]:
            words = tuple(phrase.split())
            n = len(words)
            hashes = [word_hash(w) for w in words]
            total = sum(h * self.powers[n - 1 - j] for j, h in enumerate(hashes)) % _MOD
            table = self.index.setdefault(n, {})
            for slot, swapped in slots.items():
                i = int(slot)
                key = (total - hashes[i] * self.powers[n - 1 - i]) % _MOD
                table.setdefault(key, []).append(Slot(words, i, f" {swapped} ", articles, bool(alone)))

    def matches(self, words: list[str]) -> list[tuple[int, Slot]]:
        """(start, slot) for every window of words (a run between punctuation marks) that is an expression with one
        word swapped as the data says; a discourse phrase only as the whole run."""
        out: list[tuple[int, Slot]] = []
        hashes = [word_hash(w) for w in words]
        prefix = [0]
        for h in hashes:
            prefix.append((prefix[-1] * _BASE + h) % _MOD)
        powers = self.powers
        for n, table in self.index.items():
            shift = powers[n]
            for p in range(len(words) - n + 1):
                total = (prefix[p + n] - prefix[p] * shift) % _MOD
                for i in range(n):
                    found = table.get((total - hashes[p + i] * powers[n - 1 - i]) % _MOD)
                    if found:
                        window = words[p:p + n]
                        for entry in found:
                            if entry.slot == i and f" {window[i]} " in entry.swaps \
                                    and (not entry.alone or n == len(words)) \
                                    and all(a == b for j, (a, b) in enumerate(zip(window, entry.phrase)) if j != i):
                                out.append((p, entry))
        return out


@lru_cache(maxsize=1)
def fixed_phrases() -> FixedPhrases:
    """The shipped table (read once per process)."""
    with open(DATA_FILE, encoding="utf-8") as handle:
        return FixedPhrases(json.load(handle))
