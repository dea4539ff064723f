"""The lexical tables in copylint/data/lexicon/ (word counts, spelling pairs, word classes, loanwords, web words), loaded on first use."""
from __future__ import annotations

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
    VBG -ing, NN singular noun, NNS plural noun (a mass noun is both), JJ adjective, RB adverb; and a form's lemma."""

    def __init__(self, rows: str) -> None:
        self.tags: dict[str, frozenset[str]] = {}
        self.lemma: dict[str, str] = {}
        self._plurals: dict[str, str] | None = None
        interned: dict[str, frozenset[str]] = {}
        for line in rows.splitlines():
            word, tags, lemma = line.split("\t")
            self.tags[word] = interned.setdefault(tags, frozenset(tags.split()))
            if lemma:
                self.lemma[word] = lemma

    def of(self, word: str) -> frozenset[str]:
        return self.tags.get(word.lower(), frozenset())

    def lemma_of(self, word: str) -> str | None:
        return self.lemma.get(word.lower())

    def plural_of(self, noun: str) -> str | None:
        """The plural of a countable noun ("thing" -> "things")."""
        if self._plurals is None:
            self._plurals = {lemma: form for form, lemma in self.lemma.items() if "NNS" in self.tags[form]}
        return self._plurals.get(noun.lower())


@lru_cache(maxsize=1)
def word_classes() -> WordClasses:
    return WordClasses(_text("wordclasses.tsv.gz"))
