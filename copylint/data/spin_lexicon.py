"""The spin lexicon: spun phrases one thesaurus swap from a firm collocation, shipped compact, loaded lazily."""
from __future__ import annotations

import json
import mmap
import sys
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from array import array
from bisect import bisect_left
from itertools import repeat
from operator import itemgetter
from zlib import adler32, crc32

# The windows a swapped word may sit in: (its position, the phrase's length); a spin word's mask says which.
WINDOWS = ((0, 2), (1, 2), (0, 3), (1, 3), (2, 3), (0, 4), (1, 4), (2, 4), (3, 4))
WINDOW_SETS = tuple(tuple(w for bit, w in enumerate(WINDOWS) if mask >> bit & 1) for mask in range(1 << len(WINDOWS)))

LEXICON_FILE = Path(__file__).with_name("spin_lexicon.bin")
FORMAT = 7

# A word (letters with inner apostrophes), a possessive 's on its own, or a number; hyphens separate words.
TOKEN = re.compile(r"'s\b|[^\W\d_]+(?:'(?!s\b)[^\W\d_]+)*|\d+(?:[.,]\d+)*")
# What ends a phrase: punctuation other than hyphens and apostrophes, or a blank line.
_BREAK = re.compile(r"[^\w\s'’‐‑-]+|\n[ \t]*\n")


class Token(NamedTuple):
    word: str  # lower-cased, straight apostrophes
    start: int
    end: int
    capital: bool  # written with a capital first letter


def fold(text: str) -> str:
    """Lower-cased, curly apostrophes straightened, the same length (offsets hold)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("’", "'")


def segment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the runs of text that no punctuation separates: a phrase never spans two."""
    start = 0
    for m in _BREAK.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def tokens(text: str, folded: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end] (folded is fold(text))."""
    return [Token(m.group(), m.start(), m.end(), text[m.start()].isupper())
            for m in TOKEN.finditer(folded, start, end)]


def segments(text: str) -> Iterator[list[Token]]:
    """The tokens of each run of text that no punctuation separates."""
    folded = fold(text)
    for start, end in segment_spans(text):
        found = tokens(text, folded, start, end)
        if found:
            yield found


PAIRS_FILE = Path(__file__).with_name("spin_lexicon_pairs.bin")
PAIRS_FORMAT = 1
PAIR_BITS = 1 << 23  # the bitmap of attested swapped pairs, 1 MB

BUCKETS = 1 << 16  # keys are found by their top 16 bits, then by bisection
PHRASE_BITS = 1 << 23  # a bitmap of the entries' phrases (by CRC-32), 1 MB: most windows stop there (a tenth pass)


def phrase_key(phrase: str) -> int:
    """A stable 64-bit key for a lower-cased phrase (words joined by single spaces): CRC-32 and Adler-32."""
    raw = phrase.encode("utf-8")
    return (crc32(raw) << 32) | adler32(raw)


def confidence_step(confidence: float) -> int:
    """Confidence (nats, from 2.0) in six bits: steps of 0.1 up to 8.3."""
    return max(0, min(63, round((confidence - 2.0) * 10)))


class Entry(NamedTuple):
    slot: int  # which word of the phrase was swapped (0 for an inversion)
    original: str  # the collocation's word for it (an inversion: its modifier)
    confidence: float  # nats: how much firmer the collocation is than the phrase found
    name: bool  # the collocation is a name: only a capitalised phrase counts
    inverted: bool  # "<head> of <modifier>" for the compound "<modifier> <head>"
    whole: bool = False  # both words swapped: original is the whole collocation
    derived: bool = False  # the swapped word is another derivation of the original's stem ("economical")
    loose: bool = False  # only the loose Moby thesaurus offers the swap


class Lexicon:
    """Spun phrases a thesaurus swap (or an inversion) away from a firm collocation, under 64-bit keys: words that
    can be the swapped word (a fast gate), sorted keys, packed values and the table of original words."""

    def __init__(self, blob: bytes) -> None:
        """blob: one line of JSON (format, meta, words, spin_words, count, ...), then bits 16-47 of count
        64-bit phrase keys (ascending within each bucket of equal top 16 bits), count 32-bit values, the 65,537
        bucket starts and the phrase bitmap; little-endian."""
        newline = blob.find(b"\n")
        header = json.loads(blob[:newline]) if newline > 0 else {}
        if header.get("format") != FORMAT:
            raise ValueError(f"spin lexicon format {header.get('format')!r}, expected {FORMAT}")
        self.meta: dict = header["meta"]
        self.words = header["words"].split("|")
        # The words an entry swaps (each followed in the file by the mask of its windows, WINDOW_SETS[mask]): a window
        # holding none is no entry.
        self.spin_words = frozenset(header["spin_words"].split()[::2])
        self.duration_nouns = frozenset(header["duration_nouns"].split())  # "a period of two weeks" is English
        self._classes: dict[str, str] = header["classes"]  # WordNet classes the rules name -> their nouns
        count = header["count"]
        body = memoryview(blob)[newline + 1:]
        expected = 8 * count + 4 * (BUCKETS + 1) + PHRASE_BITS // 8
        if len(body) != expected:
            raise ValueError(f"spin lexicon: {len(body)} bytes of entries, expected {expected}")
        # Bits 16-47 of each key (its bucket holds the top 16), the values and the bucket starts: read in place
        # (the file is mapped, and a lookup reads a few pages), copied only where the machine is big-endian.
        tables = [body[: 4 * count], body[4 * count: 8 * count], body[8 * count: 8 * count + 4 * (BUCKETS + 1)]]
        if sys.byteorder == "little":
            self._keys, self._values, self._starts = (t.cast("I") for t in tables)
        else:  # pragma: no cover
            self._keys, self._values, self._starts = (array("I", t.tobytes()) for t in tables)
            for table in (self._keys, self._values, self._starts):
                table.byteswap()
        self.phrase_bitmap = body[8 * count + 4 * (BUCKETS + 1):]  # bit crc32(phrase) % PHRASE_BITS
        if self._starts[-1] != count:
            raise ValueError("spin lexicon: damaged key index")



    def nouns_of(self, name: str) -> frozenset[str]:
        """The nouns (singular and plural) under a WordNet class the build was asked for ("weapon")."""
        return frozenset(self._classes.get(name, "").split())

    def maybe(self, raw: bytes) -> bool:
        """False when no entry has this phrase (UTF-8): the bitmap has no bit for its CRC-32 (most windows)."""
        bit = crc32(raw) & (PHRASE_BITS - 1)
        return self.phrase_bitmap[bit >> 3] >> (bit & 7) & 1 == 1

    def entries(self, phrase: str | bytes) -> list[Entry]:
        """The entries for a lower-cased phrase (usually none)."""
        raw = phrase.encode("utf-8") if isinstance(phrase, str) else phrase
        key = (crc32(raw) << 32) | adler32(raw)
        keys, low = self._keys, (key >> 16) & 0xFFFFFFFF
        bucket = key >> 48
        end = self._starts[bucket + 1]
        i = bisect_left(keys, low, self._starts[bucket], end)
        found = []
        while i < end and keys[i] == low:  # 48 bits of key checked: the bucket's 16 and these 32
            v = self._values[i]
            found.append(Entry((v >> 8) & 3, self.words[v >> 12], 2.0 + (v & 63) / 10, bool(v & 128), bool(v & 64),
                               False, bool(v & 1024), bool(v & 2048)))
            i += 1
        return found


class PairLexicon:
    """Two-slot swaps: firm two-word collocations, the reverse thesaurus (a word -> the collocation words it is a
    synonym of, every sense) and a bitmap of the swapped pairs real text shows (see build_spin_lexicon.build_pairs)."""

    def __init__(self, blob: bytes) -> None:
        newline = blob.find(b"\n")
        header = json.loads(blob[:newline]) if newline > 0 else {}
        if header.get("format") != PAIRS_FORMAT:
            raise ValueError(f"spin pair lexicon format {header.get('format')!r}, expected {PAIRS_FORMAT}")
        self.words = header["words"].split("|")  # sorted: a word's id is found by bisection
        n, targets, pairs = len(self.words), header["targets"], header["pairs"]
        body = memoryview(blob)[newline + 1:]
        expected = 4 * (n + 1) + 2 * targets + 5 * pairs + PAIR_BITS // 8
        if len(body) != expected:
            raise ValueError(f"spin pair lexicon: {len(body)} bytes, expected {expected}")
        self._starts, self._targets, self._keys = array("I"), array("H"), array("I")
        self._starts.frombytes(body[: 4 * (n + 1)])
        at = 4 * (n + 1)
        self._targets.frombytes(body[at: at + 2 * targets])
        at += 2 * targets
        self._keys.frombytes(body[at: at + 4 * pairs])  # sorted (first id << 16 | second id)
        if sys.byteorder != "little":  # pragma: no cover
            for table in (self._starts, self._targets, self._keys):
                table.byteswap()
        self._steps = body[at + 4 * pairs: at + 5 * pairs]  # a confidence step for each key
        self._swappable: dict[str, bool] = {}
        self.bitmap = body[at + 5 * pairs:]

    def synonym_of(self, word: str) -> array | tuple:
        """The ids of the collocation words this word is a thesaurus synonym of."""
        i = bisect_left(self.words, word)
        if i == len(self.words) or self.words[i] != word:
            return ()
        return self._targets[self._starts[i]: self._starts[i + 1]]

    def swappable(self, word: str) -> bool:
        """Whether the word is a thesaurus synonym of some collocation word (remembered: text repeats its words)."""
        known = self._swappable.get(word)
        if known is None:
            if len(self._swappable) >= 500_000:  # a text of endless distinct tokens: keep memory bounded
                self._swappable.clear()
            known = self._swappable[word] = bool(self.synonym_of(word))
        return known

    def attested(self, phrase: str) -> bool:
        bit = crc32(phrase.encode("utf-8")) & (PAIR_BITS - 1)
        return self.bitmap[bit >> 3] >> (bit & 7) & 1 == 1

    def collocations(self, first: str, second: str) -> list[tuple[str, float]]:
        """The firm collocations (phrase, confidence) that "first second" is a two-slot thesaurus swap of, unless
        real text shows that pair (usually none)."""
        xs = self.synonym_of(first)
        if not xs:
            return []
        ys = self.synonym_of(second)
        if not ys or self.attested(f"{first} {second}"):
            return []
        found = []
        keys, yset = self._keys, set(ys)
        for x in xs:
            i, end = bisect_left(keys, x << 16), bisect_left(keys, (x + 1) << 16)
            for j in range(i, end):
                y = keys[j] & 0xFFFF
                if y in yset:
                    found.append((f"{self.words[x]} {self.words[y]}", 2.0 + self._steps[j] / 10))
        return found


FREQUENT_FILE = Path(__file__).with_name("frequent_bigrams.tsv")


@lru_cache(maxsize=1)
def frequent_bigrams() -> dict[str, int]:
    """English's most frequent collocations of two content words -> their Google Books count (read once)."""
    phrases, counts = _columns(FREQUENT_FILE, 2)
    return dict(zip(phrases, map(int, counts)))


OFFICE_FILE = Path(__file__).with_name("office_nouns.tsv")
FREQUENCY_FILE = Path(__file__).with_name("word_frequencies.tsv")
KINDS_FILE = Path(__file__).with_name("institution_kinds.tsv")
RARE_CB = 600  # a word the frequency table leaves out counts as this rare (Zipf 3)


@lru_cache(maxsize=1)
def institution_kinds() -> frozenset[str]:
    """Kinds of institution ("elementary school"): WordNet noun.group lemmas written in lower case only, read once."""
    return frozenset(_columns(KINDS_FILE, 1)[0])


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """The spin lexicon's words -> their wordfreq centibels (Zipf = 9 - cb / 100; smaller is commoner), read once."""
    out: dict[str, int] = {}
    for cb, words in zip(*_columns(FREQUENCY_FILE, 2)):
        out.update(dict.fromkeys(words.split(), int(cb)))
    return out


@lru_cache(maxsize=1)
def office_nouns() -> frozenset[str]:
    """Nouns whose commonest sense is an office or its holder ("minister", "prosecutors"), read once."""
    singulars, plurals = _columns(OFFICE_FILE, 2)
    return frozenset(singulars + plurals)


NAME_FILE = Path(__file__).with_name("name_swaps.tsv")


class NameSwaps(NamedTuple):
    first_words: frozenset[str]  # the first words of the swapped phrases (a window starting with none is no entry)
    names: dict[str, str]  # "universe health organization" -> "World Health Organization"


def _columns(path: Path, width: int) -> list[list[str]]:
    """The columns of a table of tab-separated rows (after its comment lines), split in C; a row with another
    number of fields (a damaged file) is refused."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    body = re.sub(r"\A(?:#.*\n)*", "", text, count=1)
    rows = body.count("\n")
    fields = body.replace("\n", "\t\n\t").split("\t")  # each row's fields, then "\n" on its own
    if len(fields) != (width + 1) * rows + 1 or fields[width::width + 1].count("\n") != rows:
        raise ValueError(f"{path.name}: damaged, expected {width} tab-separated fields a line")
    del fields[-1]  # what follows the last row's "\n"
    return [fields[k::width + 1] for k in range(width)]


def _first_words(phrases: list[str]) -> frozenset[str]:
    return frozenset(map(itemgetter(0), map(str.partition, phrases, repeat(" "))))  # in C: no call per phrase


@lru_cache(maxsize=1)
def name_swaps() -> NameSwaps:
    """Institution names with a word or two swapped for a thesaurus synonym (read once)."""
    phrases, names = _columns(NAME_FILE, 2)
    return NameSwaps(_first_words(phrases), dict(zip(phrases, names)))


DERIVED_FILE = Path(__file__).with_name("derived_swaps.tsv")


class DerivedSwaps(NamedTuple):
    first_words: frozenset[str]  # the traded words (a pair whose first word is none of them is no entry)
    pairs: dict[str, tuple[str, float]]  # "law advice" -> ("legal", confidence)


@lru_cache(maxsize=1)
def derived_swaps() -> DerivedSwaps:
    """Frequent adjective-noun collocations with the adjective traded for another word of its stem (read once)."""
    phrases, originals, confidences, _ = _columns(DERIVED_FILE, 4)
    return DerivedSwaps(_first_words(phrases), dict(zip(phrases, zip(originals, map(float, confidences)))))


@lru_cache(maxsize=1)
def pair_lexicon() -> PairLexicon:
    """The shipped pair lexicon (read once per process)."""
    with open(PAIRS_FILE, "rb") as handle:
        return PairLexicon(handle.read())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (read once per process)."""
    with open(LEXICON_FILE, "rb") as handle:
        return Lexicon(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
