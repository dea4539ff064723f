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


@lru_cache(maxsize=65536)  # the same names come up again and again, in a document and across documents
def name_key(name: str) -> str:
    """'Port-au-Prince', 'Port au Prince' and 'portauprince' share the key 'portauprince' ('St Ives' that of 'Saint Ives');
    non-Latin names give ''."""
    if "t" in name:
        name = _ABBREVIATED.sub(lambda m: _FULL[m.group(1)], name)
    if name.isascii():  # nothing to fold; lower() is casefold() and [a-z0-9] is isalnum() in ASCII
        return _NOT_ALNUM.sub("", name.lower())
    folded = fold(name).casefold()
    key = "".join(c for c in folded if c.isalnum())
    return key if key.isascii() else ""
