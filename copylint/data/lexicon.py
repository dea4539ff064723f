"""The spin lexicon: spun phrases one thesaurus swap from a firm collocation, shipped compact, loaded lazily."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

try:  # the built-in module: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

LEXICON_FILE = Path(__file__).with_name("spin_lexicon.bin")
FORMAT = 3

# A word (letters with inner apostrophes) or a number; hyphens and apostrophe-s split words into tokens.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_JOINERS = frozenset(" \t\n-‐‑")


class Token(NamedTuple):
    word: str  # lower-cased, straight apostrophes
    start: int
    end: int
    capital: bool  # written with a capital first letter
    hyphen: bool  # joined to the token before it by a hyphen


def segments(text: str) -> Iterator[list[Token]]:
    """Runs of tokens that no punctuation separates (a phrase never spans one), possessive 's split off."""
    run: list[Token] = []
    last_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[last_end:m.start()]
        if run and (len(gap) > 3 or not set(gap) <= _JOINERS or gap.count("\n") > 1):
            yield run
            run = []
        word = m.group().lower().replace("’", "'")
        start, end = m.start(), m.end()
        hyphen = bool(run) and any(h in gap for h in "-‐‑")
        if word.endswith("'s") and len(word) > 2:
            run.append(Token(word[:-2], start, end - 2, text[start].isupper(), hyphen))
            run.append(Token("'s", end - 2, end, False, False))
        else:
            run.append(Token(word, start, end, text[start].isupper(), hyphen))
        last_end = end
    if run:
        yield run


def phrase_key(phrase: str) -> int:
    """A stable 40-bit key for a lower-cased phrase (words joined by single spaces)."""
    return int.from_bytes(blake2b(phrase.encode("utf-8"), digest_size=5).digest(), "little")


def confidence_step(confidence: float) -> int:
    """Confidence (nats, from 2.0) in six bits: steps of 0.1 up to 8.3."""
    return max(0, min(63, round((confidence - 2.0) * 10)))


class Entry(NamedTuple):
    slot: int  # which word of the phrase was swapped (0 for an inversion)
    original: str  # the collocation's word for it (an inversion: its modifier)
    confidence: float  # nats: how much firmer the collocation is than the phrase found
    name: bool  # the collocation is a name: only a capitalised phrase counts
    inverted: bool  # "<head> of <modifier>" for the compound "<modifier> <head>"


class Lexicon:
    """Spun phrases a thesaurus swap (or an inversion) away from a firm collocation, under 64-bit keys: words that
    can be the swapped word (a fast gate), sorted keys, packed values and the table of original words."""

    def __init__(self, blob: bytes) -> None:
        """blob: one line of JSON (format, meta, words, spin_words, count), then count 5-byte keys in ascending
        order, then count 3-byte values."""
        newline = blob.find(b"\n")
        header = json.loads(blob[:newline]) if newline > 0 else {}
        if header.get("format") != FORMAT:
            raise ValueError(f"spin lexicon format {header.get('format')!r}, expected {FORMAT}")
        self.meta: dict = header["meta"]
        self.words = header["words"].split("|")
        self.spin_words = frozenset(header["spin_words"].split())
        self.duration_nouns = frozenset(header["duration_nouns"].split())  # "a period of two weeks" is English
        self._classes: dict[str, str] = header["classes"]  # WordNet classes the rules name -> their nouns
        count = header["count"]
        body = memoryview(blob)[newline + 1:]
        if len(body) != 8 * count:
            raise ValueError(f"spin lexicon: {len(body)} bytes of entries, expected {8 * count}")
        self._keys = body[: 5 * count]  # 5 bytes per key, ascending
        self._values = body[5 * count:]  # 3 bytes per value
        self._count = count

    def nouns_of(self, name: str) -> frozenset[str]:
        """The nouns (singular and plural) under a WordNet class the build was asked for ("weapon")."""
        return frozenset(self._classes.get(name, "").split())

    def _key(self, i: int) -> int:
        return int.from_bytes(self._keys[5 * i: 5 * i + 5], "little")

    def entries(self, phrase: str) -> list[Entry]:
        """The entries for a lower-cased phrase (usually none)."""
        key = phrase_key(phrase)
        lo, hi = 0, self._count
        while lo < hi:  # binary search over the packed keys
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        found = []
        while lo < self._count and self._key(lo) == key:
            v = int.from_bytes(self._values[3 * lo: 3 * lo + 3], "little")
            found.append(Entry((v >> 8) & 3, self.words[v >> 10], 2.0 + (v & 63) / 10, bool(v & 128), bool(v & 64)))
            lo += 1
        return found


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (read once per process)."""
    with open(LEXICON_FILE, "rb") as handle:
        return Lexicon(handle.read())
