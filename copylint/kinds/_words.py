"""Small English word helpers shared by the phrasing kinds: plurals, a/an, function-word sets."""
from __future__ import annotations

import regex

_IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "person": "people", "child": "children", "chief": "chiefs",
    "staff": "staff", "police": "police", "personnel": "personnel", "crisis": "crises", "series": "series",
    "media": "media", "aircraft": "aircraft", "spokesman": "spokesmen", "spokeswoman": "spokeswomen",
    "chairman": "chairmen", "fisherman": "fishermen", "gunman": "gunmen", "headquarters": "headquarters",
}

# Words that may follow a noun phrase without extending it: conjunctions, prepositions, auxiliaries, relatives.
CLAUSE_WORDS = frozenset(
    """and or but nor so yet who whom whose which that where when while as than
    is are was were be been being has have had do does did will would shall should can could may might must
    in on at from to with for by of into onto across after before during near inside outside throughout
    over under until since around against among between without within beyond along toward towards
    said say says told also not about because although though despite amid via per like regarding concerning
    if then once again""".split()
)

# Irregular past tenses: a noun phrase followed by one of these has ended ("workers of oil began a strike").
PAST_VERBS = frozenset(
    """began fled fell rose came went took gave made met left got held kept led ran saw sent set shot stood struck
    threw told won wrote broke brought built caught chose drove fought found hid hit hurt knew lost paid put quit
    sold spent spoke stole swore thought understood woke wore became bore sought stuck sank swam tore withdrew
    overran overtook undertook forbade""".split()
)

DETERMINERS = frozenset(
    """the a an this that these those his her its their our my your some any many several each every
    no all both few most""".split()
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

NEXT_WORD_RE = regex.compile(r"\s*([\p{L}\p{N}][\p{L}\p{N}'’]*)?(-)?")


def first_part(word: str) -> str:
    """The first piece of a hyphenated or possessive word ("cease-fire" -> "cease"), as doc.words splits it."""
    return word.replace("-", " ").replace("'", " ").split()[0]


def last_part(word: str) -> str:
    """The last piece of a hyphenated or possessive word ("cease-fire" -> "fire"), as doc.words splits it."""
    return word.replace("-", " ").replace("'", " ").split()[-1]


def plural(noun: str) -> str:
    """The regular plural of a singular English noun (enough for news compound heads)."""
    lower = noun.lower()
    last = lower.rsplit(" ", 1)[-1]
    if last in _IRREGULAR_PLURALS:
        return noun[: len(noun) - len(last)] + _IRREGULAR_PLURALS[last]
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def indefinite_article(word: str) -> str:
    """'a' or 'an' before word, by sound for numbers ("an 8-day", "an 11-week", "a 100-day")."""
    w = word.lower().lstrip()
    if not w:
        return "a"
    if w[0].isdigit():
        digits = regex.match(r"\d+", w).group()
        if digits.startswith("8"):
            return "an"
        if digits in ("11", "18"):
            return "an"
        return "a"
    if w.startswith(("eu", "uni", "use", "one", "once")):
        return "a"
    if w.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    return "an" if w[0] in "aeiou" else "a"


def next_word(text: str, end: int) -> tuple[str | None, bool]:
    """The word right after text[end:] (skipping spaces only) and whether the match is glued to a hyphen."""
    if end < len(text) and text[end] in "-‐‑":
        return None, True
    if end < len(text) and text[end] in "'’" and text[end + 1 : end + 2].lower() == "s":
        return "'s", False
    m = NEXT_WORD_RE.match(text, end)
    if m is None or m.group(1) is None or (m.start(1) > end and "\n" in text[end:m.start(1)]):
        return None, False
    return m.group(1), False


def ends_phrase(text: str, end: int) -> bool:
    """True when the noun phrase ending at text[end] cannot go on: punctuation, line end or a clause word."""
    word, hyphen = next_word(text, end)
    if hyphen or word == "'s":
        return False
    if word is None:
        return True
    lower = word.lower()
    return lower in CLAUSE_WORDS or lower in PAST_VERBS or (lower.endswith("ed") and len(lower) >= 4)
