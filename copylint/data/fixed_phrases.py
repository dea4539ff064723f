"""Fixed multiword expressions and the swaps of their words real text never shows, indexed by one-slot skeletons."""
from __future__ import annotations

import json
from functools import lru_cache
from itertools import accumulate, compress, islice
from pathlib import Path
from typing import NamedTuple
from zlib import crc32

from .spin_lexicon import _columns

DATA_FILE = Path(__file__).with_name("fixed_phrases.json")
GOVERNORS_FILE = Path(__file__).with_name("fixed_phrases_governors.tsv")
FORMAT = 5

# The windows a swapped word may sit in, (length, position): the table gives each swap word a mask of them.
WINDOWS = tuple((n, i) for n in range(2, 7) for i in range(n))
_BIT = {place: bit for bit, place in enumerate(WINDOWS)}
# Closed classes: in a fixed phrase a spinner (or a careless rewrite) swaps one for another of its class.
PREPOSITIONS = tuple("""of in on at by for from to with into onto over under about above below across after before behind
    between among around against along during through within without upon towards toward beyond beside
    throughout""".split())
DETERMINERS = tuple("a an the this that these those his her its their our my your some any no every each".split())
TWO_SLOT_LENGTH = 5  # an expression this long may have two words swapped
_GATED = 500  # windows opening in one run from which the neighbour gate pays for itself
_MOD = (1 << 61) - 1  # a skeleton's key is a polynomial hash of its words' CRC-32s, the open slot counting 0
_BASE = 0x5DEECE66D1F3B


class Slot(NamedTuple):
    phrase: tuple[str, ...]  # the expression's words
    slot: int  # the word a swap replaces
    swaps: str  # the words a swap puts there that real text never shows, space-separated
    articles: int  # how many counted news articles show the expression
    alone: bool  # a discourse phrase: read only as a whole run between punctuation marks
    second: int = -1  # a long expression with two words swapped: the other one's place ...
    second_swaps: str = ""  # ... and what may stand there


def word_hash(word: str) -> int:
    return crc32(word.encode("utf-8")) + 1


def phrase_hash(words: list[str]) -> int:
    """The polynomial hash of a phrase's words (the build stores it with each expression: loading skips it)."""
    total = 0
    for w in words:
        total = (total * _BASE + word_hash(w)) % _MOD
    return total


def skeletons(expressions: list) -> dict[str, dict[str, list[list[int]]]]:
    """The skeleton index of the expressions (rows of the data file), as the data file ships it: for "index" (one
    slot open) and "pairs" (two, in long expressions), by length, the keys and, beside each, the entry's code
    (row << 6 | slot << 3 | second slot + 1), the entries of one key together in the order the rows give."""
    out: dict[str, dict[str, list[list[int]]]] = {"index": {}, "pairs": {}}
    groups: dict[str, dict[int, dict[int, list[int]]]] = {"index": {}, "pairs": {}}
    for row, (phrase, _, slots, _, total) in enumerate(expressions):
        words = phrase.split()
        n = len(words)
        places = []
        for slot in slots:  # the order the row gives
            i = int(slot)
            places.append((i, word_hash(words[i]) * pow(_BASE, n - 1 - i, _MOD)))
            groups["index"].setdefault(n, {}).setdefault((total - places[-1][1]) % _MOD, []).append(row << 6 | i << 3)
        if n >= TWO_SLOT_LENGTH:
            places.sort()
            for a, (i, share) in enumerate(places):
                for j, other in places[a + 1:]:
                    key = (total - share - other) % _MOD
                    groups["pairs"].setdefault(n, {}).setdefault(key, []).append(row << 6 | i << 3 | j + 1)
    for name, tables in groups.items():
        for n in sorted(tables):
            table = tables[n]
            out[name][str(n)] = [[k for k, codes in table.items() for _ in codes], [c for codes in table.values() for c in codes]]
    return out


class Skeletons:
    """One length's skeleton keys -> their entries (Slots), made on first use."""

    def __init__(self, rows: list, keys: list[int], codes: list[int]) -> None:
        self._rows, self._keys, self._codes = rows, keys, codes
        self._first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))  # key -> where its entries start
        self._made: dict[int, list[Slot]] = {}

    def get(self, key: int, default: tuple = ()) -> list[Slot] | tuple:
        made = self._made.get(key)
        if made is None:
            at = self._first.get(key)
            if at is None:
                return default
            made = self._made[key] = []
            keys, end = self._keys, len(self._keys)
            while at < end and keys[at] == key:
                made.append(self._entry(self._codes[at]))
                at += 1
        return made

    def entries(self) -> list[Slot]:
        """Every entry, made afresh and not kept (a whole-table pass must not fill the lazy cache)."""
        return [self._entry(code) for code in self._codes]

    def _entry(self, code: int) -> Slot:
        phrase, articles, slots, alone, _ = self._rows[code >> 6]
        i, j = code >> 3 & 7, (code & 7) - 1
        return Slot(tuple(phrase.split()), i, f" {slots[str(i)]} ", articles, bool(alone), j,
                    f" {slots[str(j)]} " if j >= 0 else "")


class FixedPhrases:
    """Expressions by length and skeleton key: a window of n words matches a skeleton when its hash, less its
    slot word's share, equals the key (then its words are compared)."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"fixed phrases format {data.get('format')!r}, expected {FORMAT}")
        self.sources: dict = data["sources"]
        self.powers = [pow(_BASE, k, _MOD) for k in range(8)]
        self.rows: list = data["expressions"]
        # the skeleton keys come with the data (skeletons() builds them): loading indexes them in C, and a key's
        # entries are made when a window first meets it
        self.index: dict[int, Skeletons] = {}
        self.pairs: dict[int, Skeletons] = {}  # two-slot skeletons of the long expressions
        for name, table in (("index", self.index), ("pairs", self.pairs)):
            if not isinstance(data.get(name), dict):
                raise ValueError(f"fixed phrases: damaged file, no {name}")
            for n, (keys, codes) in data[name].items():
                if len(keys) != len(codes) or not keys or max(codes) >> 6 >= len(self.rows):
                    raise ValueError(f"fixed phrases: damaged {name} for length {n}")
                table[int(n)] = Skeletons(self.rows, keys, codes)
        self.vocab: set[str] = set(" ".join(row[0] for row in self.rows).split())  # the expressions' words
        self.windows: dict[str, int] = data["windows"]  # swap word -> mask of its WINDOWS
        self._window_sets: dict[int, tuple[tuple[int, int], ...]] = {}

    def matches(self, words: list[str], whole: bool = True) -> list[tuple[int, Slot]]:
        """(start, slot) for every window of words (a run between punctuation marks, or a piece of a very long run
        when not whole) that is an expression with one word swapped as the data says; a discourse phrase only as the
        whole run. Only a word some expression may have swapped in opens a window, and only when the window's other
        words all occur in expressions."""
        out: list[tuple[int, Slot]] = []
        vocab, windows, powers = self.vocab, self.windows, self.powers
        count = len(words)
        masks = list(map(windows.get, words))
        opening = list(compress(range(count), masks))
        if not opening:
            return out
        if len(opening) > _GATED:  # a window's first swapped word has, in its expression, a fixed neighbour (or
            left, right = self._neighbours()  # the second swapped word); the sets cost a cold start ~50 ms: long runs only
            pairs = list(map(hash, zip(words, islice(words, 1, None))))
            after = list(map(right.__contains__, pairs))
            before = list(map(left.__contains__, pairs))
            opening = [pos for pos in opening if pos < count - 1 and after[pos] or pos and before[pos - 1]]
        # per-word work in C (map, accumulate): a list of lines holds millions of words between two punctuation marks
        inside = list(accumulate(map(vocab.__contains__, words), initial=0))
        hashes: list[int] = []
        prefix: list[int] = []
        for pos in opening:
            w, mask = words[pos], masks[pos]
            own = w not in vocab
            places = self._window_sets.get(mask)
            if places is None:
                places = self._window_sets[mask] = tuple(place for bit, place in enumerate(WINDOWS) if mask >> bit & 1)
            for n, i in places:
                p = pos - i
                if p < 0 or p + n > count:
                    continue
                extra = n - (inside[p + n] - inside[p]) - own  # the window's other words that no expression holds
                if extra > 1 or extra and n < TWO_SLOT_LENGTH:
                    continue
                if not hashes:
                    known = {x: word_hash(x) for x in set(words)}
                    hashes = list(map(known.__getitem__, words))
                    prefix = list(accumulate(hashes, lambda a, h: (a * _BASE + h) % _MOD, initial=0))
                total = (prefix[p + n] - prefix[p] * powers[n]) % _MOD - hashes[pos] * powers[n - 1 - i]
                window = words[p:p + n]
                if not extra:
                    for entry in self.index[n].get(total % _MOD, ()):
                        if entry.slot == i and f" {w} " in entry.swaps and (not entry.alone or whole and n == count) \
                                and all(a == b for k, (a, b) in enumerate(zip(window, entry.phrase)) if k != i):
                            out.append((p, entry))
                if n < TWO_SLOT_LENGTH or n not in self.pairs:
                    continue
                for j in range(i + 1, n):  # a second swapped word after this one
                    x = window[j]
                    if not windows.get(x, 0) >> _BIT[(n, j)] & 1 or extra - (x not in vocab):
                        continue
                    for entry in self.pairs[n].get((total - hashes[p + j] * powers[n - 1 - j]) % _MOD, ()):
                        if entry.slot == i and entry.second == j and f" {w} " in entry.swaps \
                                and f" {x} " in entry.second_swaps and (not entry.alone or whole and n == count) \
                                and all(a == b for k, (a, b) in enumerate(zip(window, entry.phrase)) if k not in (i, j)):
                            out.append((p, entry))
        return out

    @lru_cache(maxsize=1)
    def _neighbours(self) -> tuple[frozenset, frozenset]:
        """The hashes of the (left word, swap) and (swap, right word) pairs of every first swapped slot: a window opens
        only on a word whose left or right neighbour is one its expression has there (a hash collision only opens a
        window that is then read in full; ints take half the memory of the pairs)."""
        left: set[int] = set()
        right: set[int] = set()
        entries = [e for table in (*self.index.values(), *self.pairs.values()) for e in table.entries()]
        for e in entries:
            i, phrase = e.slot, e.phrase
            nexts = e.second_swaps.split() if e.second == i + 1 else [phrase[i + 1]] if i + 1 < len(phrase) else []
            for s in e.swaps.split():
                if i:
                    left.add(hash((phrase[i - 1], s)))
                right.update(hash((s, t)) for t in nexts)
        return frozenset(left), frozenset(right)


@lru_cache(maxsize=1)
def governors() -> dict[str, str]:
    """Words -> the prepositions they govern, space-separated, commonest first ("thinking": "about of to ..."), read
    once."""
    words, prepositions = _columns(GOVERNORS_FILE, 2)
    return dict(zip(words, prepositions))


@lru_cache(maxsize=1)
def fixed_phrases() -> FixedPhrases:
    """The shipped table (read once per process)."""
    with open(DATA_FILE, encoding="utf-8") as handle:
        return FixedPhrases(json.load(handle))
