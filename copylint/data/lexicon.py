"""The lexical tables in copylint/data/lexicon/ (word counts, spelling pairs, word classes, loanwords, web words), loaded on first use."""
from __future__ import annotations

import bisect
import functools
import gzip
from functools import lru_cache
from importlib import resources
from typing import Mapping

_FOLDER = "lexicon"


def _text(name: str) -> str:
    data = resources.files(__package__).joinpath(_FOLDER, name).read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


@lru_cache(maxsize=1)
def word_frequencies() -> Mapping[str, float]:
    """Lower-case English word -> log10 of its count in the Google Books n-grams (symspellpy's 82,765 words)."""
    out: dict[str, float] = {}
    for line in _text("words.tsv.gz").splitlines():
        word, _, value = line.partition("\t")
        out[word] = float(value)
    return out


@lru_cache(maxsize=1)
def spelling_variants() -> tuple[tuple[str, str, str], ...]:
    """(American, British, family) spellings of one word form, neither a word of the other variety; the family (the
    American lemma) is shared by a word's inflections ("organized", "organizes": "organize")."""
    return tuple(tuple(line.split("\t")) for line in _text("variants.tsv").splitlines() if line.count("\t") == 2)


@lru_cache(maxsize=1)
def loanwords() -> frozenset[str]:
    """Lower-case words English text borrows from other languages ("robusta", "matcha"), which no English list has."""
    return frozenset(_text("loanwords.txt.gz").split())


@lru_cache(maxsize=1)
def web_words() -> frozenset[str]:
    """Lower-case words English web and book text uses that the word-count list lacks ("dilbit", "vacay", "virial",
    and common misspellings such as "recieve"): a word outside both lists is one no one else writes."""
    return frozenset(_text("webwords.txt.gz").split())


class WordClasses:
    """Which forms a word can be (wordclasses.tsv.gz): VB verb base, VBZ 3rd singular, VBD past, VBN participle,
    VBG -ing, NN singular noun, NNS plural noun (a mass noun is both), JJ adjective, RB adverb; and a form's lemma.
    A word's row is found by bisection in the sorted rows and read when first asked for: a document asks about
    a few hundred words, and reading all 60,000 rows up front was a good part of a cold start."""

    def __init__(self, rows: str) -> None:
        self._rows = [row for row in rows.split("\n") if row]
        self._read: dict[str, tuple[frozenset[str], str] | None] = {}
        self._interned: dict[str, frozenset[str]] = {}
        self._plurals: dict[str, str] | None = None
        if self._rows != sorted(self._rows):  # (the shipped table is sorted) no bisection: every row read now
            self._read = {word: (self.tags[word], self.lemma.get(word, "")) for word in self.tags}
            self._rows = []

    def _entry(self, word: str) -> tuple[frozenset[str], str] | None:
        """(tags, lemma or "") of the word as written in the table, or None."""
        entry = self._read.get(word, _UNREAD)
        if entry is _UNREAD:
            key = word + "\t"
            rows = self._rows
            i = bisect.bisect_left(rows, key)
            entry = None
            while i < len(rows) and rows[i].startswith(key):  # (the last row of a word, as a dict would keep)
                _, tags, lemma = rows[i].split("\t")
                interned = self._interned.get(tags)
                if interned is None:
                    interned = self._interned[tags] = frozenset(tags.split())
                entry = (interned, lemma)
                i += 1
            self._read[word] = entry
        return entry

    @functools.cached_property
    def tags(self) -> dict[str, frozenset[str]]:
        """Every word of the table -> its classes (a later row of a word wins)."""
        out: dict[str, frozenset[str]] = {}
        interned = self._interned
        for row in self._rows:
            word, tags, _ = row.split("\t")
            found = interned.get(tags)
            if found is None:
                found = interned[tags] = frozenset(tags.split())
            out[word] = found
        return out

    @functools.cached_property
    def lemma(self) -> dict[str, str]:
        """Every word of the table that has a lemma -> its lemma."""
        return {word: lemma for word, _, lemma in map(_fields, self._rows) if lemma}

    def of(self, word: str) -> frozenset[str]:
        entry = self._entry(word.lower())
        return entry[0] if entry is not None else frozenset()

    def lemma_of(self, word: str) -> str | None:
        entry = self._entry(word.lower())
        return entry[1] or None if entry is not None else None

    def plural_of(self, noun: str) -> str | None:
        """The plural of a countable noun ("thing" -> "things")."""
        if self._plurals is None:
            self._plurals = {lemma: form for form, lemma in self.lemma.items() if "NNS" in self.tags[form]}
        return self._plurals.get(noun.lower())


_UNREAD = object()


def _fields(row: str) -> list[str]:
    return row.split("\t")


@lru_cache(maxsize=1)
def word_classes() -> WordClasses:
    return WordClasses(_text("wordclasses.tsv.gz"))
