"""Name keys: fold a place or person name to lowercase ASCII letters and digits so spellings compare equal."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "ħ": "h"})


def fold(name: str) -> str:
    """Strip accents and special letters: 'Łódź' -> 'Lodz' (case kept)."""
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c))


_ABBREVIATED = re.compile(r"\b(St|Ste|Mt|Ft)\b\.?")
_FULL = {"St": "Saint", "Ste": "Sainte", "Mt": "Mount", "Ft": "Fort"}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_ACCENTS = re.compile("[\u0300-\u036f]+")  # the combining accents NFKD leaves on Latin letters
_NOT_WORD = re.compile(r"[\W_]+")  # for str patterns \w is isalnum() or '_'
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=65536)  # the same names come up again and again, in a document and across documents
def name_key(name: str) -> str:
    """'Port-au-Prince', 'Port au Prince' and 'portauprince' share the key 'portauprince' ('St Ives' that of 'Saint Ives');
    non-Latin names give ''."""
    if "St" in name or "Mt" in name or "Ft" in name:
        name = _ABBREVIATED.sub(lambda m: _FULL[m.group(1)], name)
    if name.isascii():  # nothing to fold; lower() is casefold() and [a-z0-9] is isalnum() in ASCII
        return _NOT_ALNUM.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    plain = _ACCENTS.sub("", decomposed)
    if plain.isascii():  # 'Łódź': only accents were not ASCII, and fold() drops them
        return _NOT_ALNUM.sub("", plain.lower())
    for c in _NON_ASCII.findall(plain):  # a letter of another script makes the key '' ('Москва')
        if not unicodedata.combining(c) and any(f.isalnum() and not f.isascii() for f in c.casefold()):
            return ""
    key = _NOT_WORD.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)).casefold())
    return key if key.isascii() else ""


# A lower-case word as the name rules read the prose (with or without hyphens inside).
_LOWER_WORD = {True: r"\b\p{Ll}[\p{Ll}'’-]*\b", False: r"\b\p{Ll}[\p{Ll}'’]*\b"}


def has_lower_word(doc, word: str, hyphens: bool) -> bool:
    """Whether `word` is, lower-cased, one of {w.lower() for w in regex.findall(_LOWER_WORD[hyphens], doc.prose)}
    (an ordinary word the document also writes in lower case, so a capital on it marks a sentence start).

    Found without reading the whole prose: no such word spans a character outside [\\w'’-], so the findall
    is the union of the findalls of the runs of those characters, and only runs where `word` occurs count."""
    return doc.memo("names:lower-words", lambda: _LowerWords(doc.prose)).has(word, hyphens)


class _LowerWords:
    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.lowered = prose.lower()
        self.answers: dict[tuple[str, bool], bool] = {}

    def has(self, word: str, hyphens: bool) -> bool:
        found = self.answers.get((word, hyphens))
        if found is None:
            found = self.answers[(word, hyphens)] = self._has(word, hyphens)
        return found

    def _has(self, word: str, hyphens: bool) -> bool:
        prose, lowered = self.prose, self.lowered
        before, after, pattern = _lower_word_patterns(hyphens)
        if len(lowered) != len(prose) or not word:  # offsets would not line up: read it all
            return word in {w.lower() for w in pattern.findall(prose)}
        pos = lowered.find(word)
        while pos != -1:
            start = before.match(prose, 0, pos).start()  # the run of [\w'’-] around the word
            end = after.match(prose, pos + len(word)).end()
            if word in {w.lower() for w in pattern.findall(prose, start, end)}:
                return True
            pos = lowered.find(word, end)
        return False


@lru_cache(maxsize=None)
def _lower_word_patterns(hyphens: bool):
    import regex

    return regex.compile(r"(?r)[\w'’-]*"), regex.compile(r"[\w'’-]*"), regex.compile(_LOWER_WORD[hyphens])
