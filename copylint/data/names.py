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
