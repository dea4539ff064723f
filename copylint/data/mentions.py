"""The mention reader: every way news prose attaches a place to a country, division, compass part, capital
status, neighbour or rank ("X in northern Y", "X, a port in Y", "the Y city of X", "Y's X", "X, Y", "X (Y)",
"X, 40 km north of Z"), as Mention records the geography rules judge against the gazetteer."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Iterator

import regex

from ..registry import LazyPattern, lazy_pattern

# A capitalised word: "Guinea-Bissau", "N'Djamena", "Stoke-on-Trent"; never swallows a possessive 's.
_LETTERS = r"\p{Lu}(?:[\p{L}\p{M}]|-(?=\p{L})|['’](?!s\b)(?=\p{L}))*"
_INITIALS = r"(?:\p{Lu}\.){2,}(?!\p{L})"
# A possessive: "Kenya's", and "the Philippines'" (a name ending in s takes the apostrophe alone).
_POSS = r"(?:['’]s|(?<=s)['’])"
_WORD = rf"(?:{_INITIALS}|{_LETTERS})"
_PARTICLE = (r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|los|las|el|al|es|en|of|upon|am|im|an|der|den|van|von|"
             r"sur|d['’])")
_SAINT = r"(?:(?:St|Ste|Mt|Ft)\.?\s)"
# A name is read in full: "Santiago de los Caballeros", "Ras al-Khaimah", "Sharm el-Sheikh".
NAME = rf"(?:{_SAINT}?{_WORD}(?:\s(?:{_PARTICLE}\s){{0,2}}(?:(?:al|el)-)?{_WORD}){{0,4}})"

# "northern", "north-western", "far eastern", "central"; "east-central" is read (so it is not taken for
# something else) but never judged (see compass.parse).
COMPASS_ADJ = (r"(?:(?i:far[- ]|extreme\s+)?(?i:(?:north|south)(?:[- ]?(?:east|west))?ern|(?:east|west)ern|"
               r"(?:north|south|east|west)[- ]central|central|mid-?western|south-?central|north-?central))")
COMPASS_NOUN = (r"(?:(?:far[- ]|extreme\s+|deep\s+(?=south))?(?:(?i:north|south)|north|south)(?:[- ]?(?:east|west))?|"
                r"(?:far[- ]|extreme\s+)?(?:(?i:east|west)|east|west)|centre|center|heart)")
DIRECTION = r"(?:north|south)(?:[- ]?(?:east|west))?|east|west"
PLACE_NOUN = (r"(?:city|town|village|port|province|state|region|district|county|municipality|island|resort|"
              r"enclave|oblast|capital|border\s+town|border\s+city|port\s+city|oil\s+town|mining\s+town|"
              r"industrial\s+city|market\s+town|coastal\s+city|coastal\s+town|seaside\s+town|hub|settlement|"
              r"commune|suburb|harbour|harbor|community|municipality|locality|hamlet|stronghold|outpost)")
# A compass noun used as an adjective, as British copy does ("in north-east Nigeria", "in west Kenya"): lower case
# only, so that "South Africa" and "East Timor" stay names.
_COMPASS_WORD = r"(?:far[- ])?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?=\s+\p{Lu})"
# Words that may stand between "in" and the country without changing where it is ("in neighbouring Chad").
_IN_ADJ = (r"(?:neighbou?ring|nearby|landlocked|mainland|rural|coastal|war-torn|conflict-hit|quake-hit|"
           r"flood-hit|drought-hit|crisis-hit|oil-rich|tiny|vast|impoverished)")
# Verbs and participles between a place and "in" ("X, which lies in", "X is located in").
_LOCATED = (r"(?:(?:which|that)\s+(?:is|lies|sits|was)\s+(?:(?:located|situated)\s+)?|(?:is|lies|sits|was)\s+"
            r"(?:(?:located|situated|nestled)\s+)?|(?:located|situated|nestled|lying|based)\s+)")
# What follows "in" or "on": where in Y the place lies.
_LOCATOR = (
    # the north of Y / the far north-east of Y / the northern part of Y
    rf"(?:(?P<the>the\s+)(?:(?P<comp>{COMPASS_NOUN})|(?P<comp>{COMPASS_ADJ})\s+(?:part|parts|region|regions|"
    rf"corner|tip|edge|end|reaches|half|third|side|border|frontier|bank|highlands|lowlands))\s+of\s+(?:the\s+)?"
    # ... of Y's Z province: the part of the division Z
    rf"(?:(?P<owner>{NAME}){_POSS}\s+(?={NAME}\s+(?i:state|province|region|governorate|oblast)\b))?(?P<y>{NAME}|(?<=the\s)(?:country|nation))(?!['’]s|[\p{{L}}\p{{M}}])"
    # the (north-east) coast of Y / the northern shore of Y
    rf"|(?P<the>the\s+)(?:(?P<comp>{COMPASS_ADJ})\s+|(?P<comp>{COMPASS_NOUN})\s+|(?:\p{{Lu}}\p{{L}}+\s+){{1,2}})?"
    rf"(?:coast|coastline|shore|shores|seaboard)\s+of\s+(?:the\s+)?(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME}|(?<=the\s)(?:country|nation))(?!['’]s|[\p{{L}}\p{{M}}])"
    # Y's southern province of Z: the division
    rf"|(?P<owner>{NAME}){_POSS}\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<dnoun>(?:state|province|region)\s+of\s+)(?P<y>{NAME})(?!['’]s|[\p{{L}}\p{{M}}])"
    # Y's north / Y's far east / Y's northern region
    rf"|(?P<the>the\s+)?(?P<y>{NAME}|(?<=the\s)(?:country|nation)){_POSS}\s+(?:(?P<comp>{COMPASS_NOUN})\b|(?P<comp>{COMPASS_ADJ})\s+"
    rf"(?:part|parts|region|regions|corner|tip|edge|reaches|half|third|provinces?|states?|border|coast|"
    rf"frontier|areas?|districts?)\b)"
    # (southern) Y's (southern) Z state: the division
    rf"|(?:(?P<ocomp>{COMPASS_ADJ})\s+)?(?P<owner>{NAME}){_POSS}\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})(?=\s+(?i:state|province|region|governorate|oblast)\b)"
    # (the) (northern | neighbouring) (state of) Y
    rf"|(?P<the>the\s+)?(?:(?P<comp>{COMPASS_ADJ}|{_COMPASS_WORD})\s+|{_IN_ADJ}\s+)?"
    rf"(?:(?P<owner>{NAME})\s+(?=(?:state|province|region)\s+of\s))?(?P<dnoun>(?:state|province|region|canton|"
    rf"prefecture|governorate|oblast|voivodeship|department|emirate)\s+of\s+)?"
    rf"(?P<y>{NAME})(?P<poss>{_POSS})?)")

# "a mining centre": a centre is a place only after a word that says what the town lives by (a "research centre"
# or "a centre" may be a building).
_CENTRE = (r"(?<=\b(?:trading|trade|commercial|industrial|mining|market|administrative|regional|provincial|tourist|"
           r"textile|manufacturing|farming|agricultural|fishing|transport|railway|rail|urban|pilgrimage|oil|steel|"
           r"coal|cotton|shipping|optics|technology|tech|electronics|software|automotive|car|chemical|petrochemical|"
           r"logistics|banking|financial|finance|tourism|resort|wine|tea|coffee|cocoa|sugar|timber|fruit|grain|"
           r"livestock|cattle|leather|silk|carpet|ceramics|pottery|printing|engineering|aerospace|shipbuilding|"
           r"fashion|cultural|religious|district|county)\s)(?:centre|center)")
# "a town of 50,000 (people)", "a city of about two million inhabitants": how many live there.
_PEOPLE = (r"of\s+(?:(?:some|about|around|roughly|nearly|almost|approximately|more\s+than|over|just\s+over|under|"
           r"fewer\s+than|less\s+than|barely|only)\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
           r"ten|a\s+few|several)(?:\s*m\b|\s+(?:million|thousand|hundred))?(?:\s+(?:people|inhabitants|residents|souls))?")
_RELATING = r"(?:sister|twin|partner|rival|namesake|host|home|birth|neighbou?ring|former|old|of|and|or|in|the|a|an)"
# Words that say a phrase after a list is said of each name in it ("A and X, both in Y", "two Kenyan towns").
_MANY = r"(?:both|all|two|three|four|five)"
# The forms, each matched at the end of a run of capitalised words (X; Y for "noun" and "poss").
_TAILS = {
    # X in (northern) Y, X, in the north of Y, X is located in Y's east, A and X, both in Y
    "in": rf"(?:\s+(?:city|town|port|district|area|county|municipality|region|province|state|governorate))?"
          rf"(?:,\s+(?:both|all)\s+|,?\s+|\s*[—–(]\s*|\s+-\s+){_LOCATED}?(?:(?:just\s+)?across\s+the\s+border\s+)?(?P<prep>in|on|at|along|off|(?:deep\s+|well\s+)?(?:in|inside|within))\s+"
          rf"{_LOCATOR}",
    # X, a (small) port (city) in (northern) Y / X, a town on Y's coast
    "appos": rf"(?:,\s+|\s*[—–(]\s*|\s+(?:is|was|remains)\s+)(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:(?P<comp>{COMPASS_ADJ})\s+"
             rf"(?:[\w-]+\s+)?)?(?P<noun>{PLACE_NOUN}|{_CENTRE})\s+(?:{_PEOPLE}\s+)?(?:{_LOCATED})?(?:in|on|"
             rf"(?<=(?:largest|biggest|second|third|main|chief|principal|port|coastal|border|market|industrial|"
             rf"commercial|economic|trading|trade|financial|transport|mining|farming)\s+"
             rf"(?:city|port|town|hub|centre|center)\s+)of)\s+{_LOCATOR}",
    # X, an oasis town in Y province / X, the trade and farming hub in Y state: any short description, when
    # Y is named with its division noun (a person described so is ruled out by the description's last word)
    "appos-any": rf",\s+(?:a|an|the)\s+(?P<desc>(?:(?!(?:of|in|on|at|for|from|by|to|with|who|which|that)\b)[a-z][\w-]*\s+)"
                 rf"{{0,3}}?[a-z][\w-]*)\s+in\s+(?:the\s+)?(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})"
                 rf"(?=\s+(?:province|state|region|governorate|county|district|oblast|prefecture)\b)",
    # X, a (northern) Y city / X, the Kenyan port
    "appos-adj": rf"(?:,\s+|\s*[—–(]\s*)(?:(?:a|an|the)\s+|{_MANY}\s+(?=[^,;.()]*\b(?:cities|towns|ports|villages)\b))"
                 rf"(?:(?!(?:of|in|on|and|or|with|for|from|by|to)\b)[a-z][\w-]*\s+){{0,2}}?"
                 rf"(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})\s+(?:[a-z][\w-]*\s+)?(?P<noun>{PLACE_NOUN}|cities|towns|ports|villages)\b"
                 rf"(?!\s+of\s+(?!(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?\d))",
    # X, Y's northern port (city) / X, Y's southernmost town
    "appos-poss": rf"(?:,\s+|\s*[—–(]\s*)(?:one\s+of\s+)?(?:the\s+)?(?P<y>{NAME}){_POSS}\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<comp>{COMPASS_ADJ}|"
                  rf"(?:north|south|east|west)ernmost)\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>city|cities|town|towns|port|ports|"
                  rf"capital|village|villages|harbour|harbor)\b",
    # X, northern Y's main port / X is southern Y's biggest city
    "comp-poss": rf"(?:,\s+|\s+(?:is|was|remains)\s+)(?P<comp>{COMPASS_ADJ})\s+(?P<y>{NAME}){_POSS}\s+"
                 rf"(?:[\w-]+\s+){{0,3}}?(?P<noun>{PLACE_NOUN})\b",
    # X, Kenya's second city, lies in the north of the country
    "in-appos": rf",\s+[^,.;()\n]{{2,40}}?,\s+{_LOCATED}(?P<prep>in|on)\s+{_LOCATOR}",
    # X, Y   (a dateline or "in Lyon, France")
    "comma": rf",\s+(?P<the>the\s+)?(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})(?:\s+(?:state|province|region|governorate))?",
    # X (Y) / X (southern Y)
    "paren": rf"\s+\((?P<the>the\s+)?(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})(?:\s+(?:state|province|region|governorate))?\)",
    # [the (southern)] Y city of X / Y port city X
    # (words that say what the town is like may stand between: "the Brazilian river port of X"; never one that
    # relates it to another place: "the Japanese sister city of X")
    "noun": rf"\s+(?:(?:(?!{_RELATING}\b)[a-z][\w-]*\s+){{1,3}}?(?=(?:city|town|port|village|resort|island|harbou?r|"
            rf"hamlet|settlement|hub|suburb|enclave|district|province|state|region)\b))?(?P<noun>{PLACE_NOUN})(?:\s+city)?(?:\s+of\s+|,\s+|\s+)(?P<x>{NAME})",
    # [in] Y's (northern) (city of) X
    "poss": rf"{_POSS}\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?:(?:\p{{Lu}}\p{{L}}+\s+){{1,2}}(?=(?:[a-z-]+\s+)?(?:port|city|town)\s))?"
            rf"(?:(?:[a-z-]+\s+){{0,2}}?(?:city|town|port|hub|village|"
            rf"region|province|state)\s+(?:of\s+)?)?(?P<x>{NAME})",
    # X, (some) 40 km (to the) north of Y / X, just south of Y / X lies north-east of Y
    "bearing": rf"(?:,\s+(?:which\s+(?:is|lies|sits)\s+)?|\s+(?:is|lies|sits|was)\s+)(?:(?:located|situated)\s+)?(?:(?:about|around|some|roughly|nearly|almost|just|approximately|"
               rf"over|more\s+than|less\s+than|only)\s+)?(?:(?P<dist>\d[\d,.]*\s*(?:km|kilomet(?:re|er)s|miles|mi))\s+"
               rf"(?:\(\d[\d,.]*\s*(?:km|miles)\)\s+)?)?(?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+of\s+"
               rf"(?:the\s+(?:(?:country|nation){_POSS}\s+)?(?P<capital>capital)(?:\s+city)?(?:,?\s+(?P<y>{NAME}))?|"
               rf"(?:the\s+(?:city|town|port|village)\s+of\s+)?(?P<y>{NAME}))",
}
# Before a run, what the "noun" form needs ("the (southern) "), and the prepositions "comma" and "poss" need.
# ("the north Indian city of X": a lower-case compass noun as an adjective, as British copy writes it)
_THE_BEFORE = (rf"(?:\b(?i:the)\s+(?:(?!(?:of|and|or|in|on|at|to|for|from|by|with)\b)[a-z][\w-]*\s+){{0,2}}?"
               rf"(?:(?P<comp>{COMPASS_ADJ}|(?:far-)?(?:(?:north|south)(?:-(?:east|west))?|east|west))\s+)?|"
               rf"\bin\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?)$")
LOC_PREP = (r"(?:in|at|near|from|into|outside|around|across|throughout|towards?|via|to|of|hit|struck|rocked|"
            r"visited|reached|left|fled|(?:city|town|village|port|suburb|district)\s+of)")
_PREP_BEFORE = rf"\b(?P<pre>{LOC_PREP})\s+$"
_STRONG_PREPS = frozenset(("in", "near", "outside", "around", "across", "throughout", "into", "from", "of", "to",
                           "at", "visited"))
# After "X, Y": a list ("Kabul, Pakistan and India") or a longer name means Y is not X's country.
_LIST_AFTER = r"\s*(?:,\s*(?:and\s+|or\s+)?\p{Lu}|(?:and|or|&)\s+\p{Lu}|\s*/)"
# "X, Y" must end there: punctuation, the line's end, or a word that starts a phrase ("in Lyon, France, on
# Monday"), not a verb ("in Paris, Ireland face ...").
_END_AFTER = (r"\s*(?:[,.;:!?()\]—–\"”’'-]|$|(?:on|in|at|last|this|earlier|since|for|where|when|and|or|but|"
              r"before|after|during|until|with|near|from|to|is|was|has|had|where|said|says)\b)")
_LIST_BEFORE = rf"(?:{NAME}),\s*$"
# What the regex module's \s matches (Unicode White_Space).
SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                  "\u200a\u2028\u2029\u202f\u205f\u3000")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A place X said to lie in Y (a country, a division or a demonym), maybe in a compass part of it; for
    "bearing", X said to lie in direction `compass` of the place Y."""

    pattern: str
    x: Span
    y: Span
    compass: Span | None
    the: Span | None  # an article before Y or before the compass word ("in the western US")
    noun: str = ""
    head: Span | None = None  # for "in-list": the place the phrase follows ("Lamu" in "Malindi and Lamu in Y")
    dist: Span | None = None  # for "bearing": the distance given ("40 km")
    owner: Span | None = None  # "in India's Punjab province": the country a division Y is said to be in
    owner_compass: Span | None = None  # "in southern India's Punjab state": where in that country

    @property
    def y_is_adjective(self) -> bool:
        return self.pattern in ("noun", "appos-adj")


def _written_once(pattern: str, calls: int | None = None) -> regex.Pattern:
    """lazy_pattern(pattern), compiled with NAME and COMPASS_ADJ written once each and called where the pattern
    repeats them (up to eleven times: the regex module's compiling, in Python, grows with the text); the gate of
    required literals is the pattern's as written. A call backtracks like the text it stands for (the regex
    module's calls are not atomic): same matches. With `calls`, only for that many matches (_Staged)."""
    parts = {"_name": NAME, "_compass": COMPASS_ADJ}
    compact = pattern
    for group, part in parts.items():
        compact = compact.replace(part, f"(?&{group})")
    defined = "".join(f"(?P<{group}>{part})" for group, part in parts.items())
    build = partial(regex.compile, f"(?(DEFINE){defined}){compact}")
    if calls is not None:
        build = partial(_Staged, build, partial(regex.compile, pattern), calls)
    return LazyPattern(pattern, 0, build)


class _Staged:
    """A pattern matched first in its written-once form (cheap to compile, dearer to match), and after `calls`
    matches as written: a one-article run compiles only the first, a long run soon matches at full speed."""

    def __init__(self, first, written, calls: int) -> None:
        self._pattern = first()
        self._written = written
        self._left = calls

    def match(self, string: str, *args, **kwargs) -> regex.Match | None:
        if self._left:
            self._left -= 1
            if not self._left:
                self._pattern = self._written()
        return self._pattern.match(string, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)


# Matches of "in" in its written-once form before it is compiled as written (each costs ~8 µs more than as written;
# compiling it as written costs ~13 ms more, and a news article asks ~17: about 90 articles)
_IN_STAGED = 1500


@lru_cache(maxsize=None)
def _compiled() -> dict[str, regex.Pattern]:
    # (the appositive forms: they fail on their first words at most runs, so their calls cost less than their
    # compiling; "in" reads its locator at most runs, where the calls cost more than they save in a long run)
    found = {f"tail:{k}": _written_once(v) if k in ("appos", "in-appos") else
             _written_once(v, _IN_STAGED) if k == "in" else lazy_pattern(v) for k, v in _TAILS.items()}
    found.update({
        "run": lazy_pattern(r"(?=\p{Lu})" + NAME), "the-before": lazy_pattern(_THE_BEFORE),
        "prep-before": lazy_pattern(_PREP_BEFORE), "comp-before": lazy_pattern(rf"(?P<comp>{COMPASS_ADJ})\s+$"), "list-after": lazy_pattern(_LIST_AFTER),
        "end-after": lazy_pattern(_END_AFTER, regex.M), "list-before": lazy_pattern(_LIST_BEFORE),
    })
    return found


def _span(m: regex.Match, group: str) -> Span | None:
    if group not in m.re.groupindex or m.group(group) is None:
        return None
    return Span(m.group(group), m.start(group), m.end(group))


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every candidate mention in a block of text; the caller decides which names are places and countries."""
    if " by " not in text:
        return tuple(_mentions(text))
    credits = [m.span() for m in _CREDIT.finditer(text)]
    return tuple(m for m in _mentions(text) if not any(s <= m.x.start < e or s <= m.y.start < e for s, e in credits))


# A wire credit line ("Reporting by A in Lagos and B in Abuja; Editing by C"): people in places, no place placed.
_CREDIT = regex.compile(r"(?i:\b(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|"
                        r"production|produced|written|edited)\s+by)\b[^\n]*")


def document_mentions(doc) -> "_DocumentMentions":
    """The document's mentions, block by block (.of(block text)), shared by the rules that read them."""
    return doc.memo("facts:mentions", lambda: _DocumentMentions())


class _DocumentMentions:
    def __init__(self) -> None:
        self.found: dict[str, tuple[Mention, ...]] = {}

    def of(self, text: str) -> tuple[Mention, ...]:
        found = self.found.get(text)
        if found is None:
            found = self.found[text] = find_mentions(text)
        return found


# The auxiliaries and modals (closed-class words the lexicon's word classes leave out).
_AUXILIARY = frozenset("is are was were has have had will would can could may might must shall should does do did "
                       "remains".split())
_NAME_REST = regex.compile(rf"(?:\s(?:{_PARTICLE}\s){{0,3}}(?:(?:al|el)-)?{_WORD})*")
_NEXT_WORDS = regex.compile(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")


def opens_clause(text: str, end: int) -> bool:
    """Whether the name ending at `end`, read in full (its particles and further capitalised words), is followed
    by a finite verb or auxiliary, maybe after one adverb ("..., and Vietnam (later) joined"): the subject of a
    new clause, not one more item of a list or an appositive before it."""
    from .lexicon import word_classes

    end = _NAME_REST.match(text, end).end()
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    classes = word_classes()
    for n, word in enumerate(w for w in m.groups() if w):
        tags = classes.of(word)
        if word in _AUXILIARY or "VBZ" in tags or "VBD" in tags:
            return True
        if n or "RB" not in tags:
            return False
    return False


def space_after(text: str, pos: int) -> int:
    """The end of the white space (regex \\s) starting at pos."""
    n = len(text)
    while pos < n and text[pos] in SPACE:
        pos += 1
    return pos


def space_before(text: str, pos: int) -> int:
    """The start of the white space (regex \\s) ending at pos."""
    while pos > 0 and text[pos - 1] in SPACE:
        pos -= 1
    return pos


def token_before(text: str, pos: int) -> tuple[str, int]:
    """The run of non-space characters ending at the white space before pos ('' if none), and its start."""
    end = space_before(text, pos)
    if end == pos:
        return "", pos
    start = end
    while start > 0 and text[start - 1] not in SPACE:
        start -= 1
    return text[start:end], start


def _at_line_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _at_sentence_start(text: str, pos: int) -> bool:
    i = space_before(text, pos)
    return i == 0 or text[i - 1] in ".!?\"“”:\n(—–"


_LEADING = ("The ", "THE ", "In ", "At ", "From ", "On ", "For ", "To ", "Near ", "Across ", "Inside ", "Outside ")


def _strip_the(text: str, start: int, end: int) -> int:
    """A run led by a capitalised 'The' or preposition (a sentence start) names what follows it."""
    for word in _LEADING:
        if text.startswith(word, start) and end - start > len(word):
            return start + len(word)
    return start


_FAR_BEARING = (rf"\b(?:(?P<dist>\d[\d,.]*\s*(?:km|kilomet(?:re|er)s|miles|mi))\s+(?:\(\d[\d,.]*\s*(?:km|miles)\)\s+)?)?"
                rf"(?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+of\s+(?:the\s+(?:(?:country|nation){_POSS}\s+)?(?P<y>capital)\b"
                rf"(?!\s+of|,?\s+\p{{Lu}})|(?:the\s+(?:city|town|port|village)\s+of\s+)?(?P<y>{NAME}))")


def _mentions(text: str) -> Iterator[Mention]:
    rx = _compiled()
    seen: set[tuple[int, int]] = set()
    read: set = set()  # where the compass words read so far end
    found_in: list[Mention] = []
    runs = [m.span() for m in rx["run"].finditer(text)]
    for start, end in runs:
        nxt = text[end:end + 1]
        if nxt not in (",", " ", "'", "’", "(", "\n", "\u00a0"):
            continue
        after = text[end:end + 90].replace("\n", " ").replace("\u00a0", " ")
        for pattern in _TAILS:
            if not _may_follow(pattern, after):
                continue
            found = _try(text, rx, pattern, start, end)
            if found is not None and found.owner is not None:  # the division, and the country it is said to be in
                seen.add((found.x.start, found.owner.start))
                yield Mention(found.pattern, found.x, found.owner, found.owner_compass, None,
                              "" if found.noun == "division-of" else found.noun)
            if found is not None and (found.x.start, found.y.start) not in seen:
                seen.add((found.x.start, found.y.start))
                if pattern in ("in", "appos"):
                    found_in.append(found)
                if found.compass is not None:  # ("bearing": which place it was read for)
                    read.add((found.x.start, found.compass.end) if pattern == "bearing" else found.compass.end)
                yield found
    yield from _listed(text, runs, list(found_in))
    if ", " in text:
        yield from _reversed(text)
    if " of " in text:
        yield from _far_bearings(text, runs, read)
    yield from _own_country(text, runs, read)


_OWN_NOUN = PLACE_NOUN.replace("province|state|region|district|county|municipality|island|", "")
_OWN = (rf"\b(?i:the)\s+(?P<comp>{COMPASS_ADJ})\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{_OWN_NOUN})(?:\s+city)?\s+(?:of\s+)?$")


_OWN_AFTER = (rf",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}?(?P<comp>{COMPASS_ADJ})\s+(?:[a-z-]+\s+){{0,2}}?"
              rf"(?P<noun>{_OWN_NOUN})\b(?!\s+(?:of|in|on|at|near|to|and|or|for|from|with)\b|['’-])")
_OWN_DIVISION = (rf"\b(?i:the)\s+(?P<comp>{COMPASS_ADJ})\s+(?:state|province|region|governorate|oblast|prefecture|"
                 rf"department)\s+of\s+$")


def _own_country(text: str, runs: list[tuple[int, int]], read: set = frozenset()) -> Iterator[Mention]:
    """'the southern port city of X': a compass word with no country named (the article's own); 'the northern
    state of Y': the compass word places the division Y in its country (x and y both Y, noun 'division-of')."""
    if "ern " not in text and "central" not in text:
        return
    if "own" not in _COMPILED_EXTRA:
        _COMPILED_EXTRA["own"] = lazy_pattern(_OWN)
        _COMPILED_EXTRA["own-division"] = lazy_pattern(_OWN_DIVISION)
        _COMPILED_EXTRA["own-after"] = lazy_pattern(_OWN_AFTER)
    for s, e in runs:
        m = _COMPILED_EXTRA["own-after"].match(text, e) if text.startswith(",", e) else None
        if m is not None and m.end("comp") not in read:  # "X, a northern port, ...": of the article's country
            noun = _span(m, "noun")
            yield Mention("noun-own", Span(text[s:e], s, e), Span("country", noun.start, noun.end),
                          _span(m, "comp"), None, noun.text)
            continue
        m = _COMPILED_EXTRA["own"].search(text, max(0, s - 70), s)
        if m is not None:
            noun = _span(m, "noun")
            yield Mention("noun-own", Span(text[s:e], s, e), Span("country", noun.start, noun.end),
                          _span(m, "comp"), None, noun.text)
            continue
        m = _COMPILED_EXTRA["own-division"].search(text, max(0, s - 50), s)
        if m is not None and m.end("comp") not in read:  # (not when a place's phrase read it: "X, in the ...")
            yield Mention("division-own", Span(text[s:e], s, e), Span(text[s:e], s, e), _span(m, "comp"), None,
                          "division-of")


# ("in Y, and the city of X ...": after a conjunction X opens a new clause, placed nowhere)
_REVERSED = (rf"\b(?:[Ii]n|[Oo]n|[Aa]t)\s+{_LOCATOR},\s+(?!(?:and|or|but|while|whereas)\b)(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?:city|town|port|village|"
             rf"capital|hub)\s+(?:of\s+)?(?P<x>{NAME})")


def _reversed(text: str) -> Iterator[Mention]:
    """'On the north-east coast of Y, the port city of X ...': the place after its placement."""
    if "reversed" not in _COMPILED_EXTRA:
        _COMPILED_EXTRA["reversed"] = lazy_pattern(_REVERSED)
    for m in _COMPILED_EXTRA["reversed"].finditer(text):
        yield Mention("in", _span(m, "x"), _span(m, "y"), _span(m, "comp"), _span(m, "the"))


def _listed(text: str, runs: list[tuple[int, int]], mentions: list[Mention]) -> Iterator[Mention]:
    """'Mombasa, Malindi and Lamu in northern Tanzania': the names listed before X share its placement."""
    starts = {s: e for s, e in runs}
    ends = sorted(runs, key=lambda r: r[1])
    for m in mentions:
        pos = m.x.start
        # "A and X, both in Y": the phrase is said of each (no head that the phrase might belong to alone)
        head = None if _BOTH.match(text, m.x.end) else m.x
        while True:
            sep = regex.search(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$", text[max(0, pos - 8):pos])
            if sep is None:
                break
            end = pos - len(sep.group())
            prev = next((r for r in reversed(ends) if r[1] == end), None)
            if prev is None or prev[0] not in starts or _placed_person(text, prev[0], ends):
                break
            yield Mention("in-list", Span(text[prev[0]:prev[1]], prev[0], prev[1]), m.y, m.compass, m.the, m.noun,
                          head)
            pos = prev[0]


_BOTH = regex.compile(rf"(?:,\s+|\s*[—–(]\s*){_MANY}\s+(?:(?:in|on)\s|[^,;.()]*\b(?:cities|towns|ports|villages)\b)")


def _placed_person(text: str, start: int, ends: list[tuple[int, int]]) -> bool:
    """Whether the name at start is placed by its own "in" after a name inside a sentence ("A in Jos and B in
    Lagos"): the list is of people, each in a place, and the places are not listed together."""
    before = regex.search(r"\s+(?:in|at)\s+$", text[max(0, start - 8):start])
    if before is None:
        return False
    end = start - len(before.group())
    run = next((r for r in reversed(ends) if r[1] == end), None)
    if run is None:
        return False
    if regex.search(r"(?:^|[.!?:;\n\"“‘(]\s*)$", text[max(0, run[0] - 4):run[0]]) is None:
        return True
    from .lexicon import word_classes  # opening a sentence: a name, unless one common word ("Fighting in Goma")

    return " " in text[run[0]:run[1]] or not word_classes().of(text[run[0]:run[1]].casefold())


_IN_WORDS = (" in ", " on ", " at ", " along ", " off ")
_NOUN_WORDS = ("city", "town", "village", "port", "province", "state", "region", "district", "county", "capital",
               "municipality", "island", "resort", "enclave", "oblast", "hub", "settlement", "commune", "suburb",
               "harbo", "community", "locality", "hamlet", "stronghold", "outpost")


_IN_RX = re.compile(r" (?:in|on|at|along|off|inside|within) ")
_NOUN_RX = re.compile("|".join(_NOUN_WORDS))


def _may_follow(pattern: str, after: str) -> bool:
    """Whether a tail may match the text after a name (a cheap test on the strings each tail needs)."""
    first = after.lstrip(" ")[:1]
    first = "," if first in "—–(" and first else first  # an appositive in dashes or brackets reads like one in commas
    if pattern == "in":
        return _IN_RX.search(after) is not None
    if pattern == "appos":
        return (first == "," or after.startswith((" is ", " was ", " remains "))) and (
            " in " in after or " on " in after or " of " in after)
    if pattern in ("appos-adj", "comma"):
        return first == ","
    if pattern == "appos-any":
        return first == "," and " in " in after
    if pattern == "appos-poss":
        return first == "," and ("'s " in after or "’s " in after or "s' " in after or "s’ " in after)
    if pattern == "comp-poss":
        return ("'s " in after or "’s " in after) and ("ern " in after or "central " in after)
    if pattern == "in-appos":
        return first == "," and _IN_RX.search(after) is not None
    if pattern == "paren":
        return "(" in after[:3]
    if pattern == "noun":
        return _NOUN_RX.search(after, 0, 40) is not None
    if pattern == "poss":
        return after.startswith(("'s", "’s"))
    if pattern == "bearing":
        return " of " in after and ("north" in after or "south" in after or "east" in after or "west" in after)
    return True


def _far_bearings(text: str, runs: list[tuple[int, int]], read: set[int]) -> Iterator[Mention]:
    """'X ... (some 40 km) south of Y' where X is not next to the phrase: one mention for each of the (up to
    three) names before it in its sentence, nearest first (the judge takes the first that is a town)."""
    if "far-bearing" not in _COMPILED_EXTRA:
        _COMPILED_EXTRA["far-bearing"] = lazy_pattern(_FAR_BEARING)
    for m in _COMPILED_EXTRA["far-bearing"].finditer(text):
        if m.end("dir") in read:
            continue  # read already as the compass word of a nearer form
        stop = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), -1) + 1
        # at most eight words between (the town, the kind of place and the distance: "X, a port city some
        # 40 km south of Y"); further off, the name is seldom what the phrase places
        before = [(s, e) for s, e in runs if stop <= s and e <= m.start() and text.count(" ", e, m.start()) <= 8][-3:]
        noun = "capital" if m.group("y") == "capital" else ""
        for s, e in reversed(before):
            if (s, m.end("dir")) not in read:
                yield Mention("bearing-far", Span(text[s:e], s, e), _span(m, "y"), _span(m, "dir"), None, noun,
                              dist=_span(m, "dist"))


_COMPILED_EXTRA: dict[str, regex.Pattern] = {}


# A word before a name that makes it an organisation or a title, not a place ("water firm Suez"), or a place of
# the past that a modern town may share a name with ("ancient Memphis").
_NOT_PLACE_BEFORE = frozenset("""a an firm company group giant maker operator brand club team side bank carrier
    airline insurer retailer lender label band film movie song album novel book show series magazine newspaper
    paper channel ship vessel tanker horse player striker manager coach mr mrs ms dr president minister
    ancient biblical medieval mediaeval classical pharaonic""".split())
# A word after a name that makes it part of a facility's or a thing's name ("Lusaka's Independence stadium").
_NOT_PLACE_AFTER = frozenset("""stadium airport hospital university college school street road avenue square
    park bridge hotel club station prison camp market mosque church cathedral temple palace tower centre center
    arena hall theatre theater museum gallery company group bank fc united city's""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())


def _placelike(text: str, span: Span) -> bool:
    """Whether a name may be a place where it stands (not a month, a firm, a title or part of a facility)."""
    if span.text.casefold() in _CALENDAR:
        return False
    word, _ = token_before(text, span.start)
    if word.casefold().strip("(\"“'‘") in _NOT_PLACE_BEFORE:
        return False
    club = regex.search(r"(?i)\b(?:fans|supporters|players|manager|coach|captain|striker|owners?|squad)\s+of\s+\S+$",
                        text[max(0, span.start - 40):span.end])
    if club is not None:
        return False  # "fans of Liverpool": a club
    after = space_after(text, span.end)
    if after > span.end:
        nxt = text[after:after + 12].split(" ", 1)[0].casefold().rstrip(".,;:")
        if nxt in _NOT_PLACE_AFTER:
            return False
    return True


def _try(text: str, rx, pattern: str, start: int, end: int) -> Mention | None:
    found = _read(text, rx, pattern, start, end)
    if found is None or not _placelike(text, found.x) or \
            _is_world_region(text[_strip_the(text, found.x.start, found.x.end):found.x.end]):
        return None
    return found


def _is_world_region(name: str) -> bool:
    """Whether a name is a continent's or a part of one ("In Asia, India ...": never a town in a country)."""
    from . import subregions

    return name.casefold() in SCOPES or subregions.named(name) is not None


# A sea or coast named between a country's adjective and a place noun ("the Russian Black Sea port of X").
_SEA_TAIL = regex.compile(r"\s+(?:(?:\p{Lu}\p{L}+\s+)?(?:Sea|Ocean|Gulf|Coast|Riviera)|Baltic|Pacific|Atlantic|"
                          r"Mediterranean|Adriatic|Aegean|Caspian|Caribbean|Arctic)$")
# The last word of a description of a person ("a farmer", "an activist", "the governor", "a resident").
_PERSON_WORD = regex.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|men|women|people|official|chief|head|mp|son|"
                             r"daughter|wife|husband|mother|father|child|girl|boy|friend|colleague|rival|ally|"
                             r"native|national|citizen|voter|victim|survivor|candidate|nominee|lawmaker|legislator|"
                             r"deputy|envoy|aide|staff|team|club|side|group|firm|company|brand|party|family)s?$", regex.I)


def _read(text: str, rx, pattern: str, start: int, end: int) -> Mention | None:
    m = rx[f"tail:{pattern}"].match(text, end)
    if m is None:
        return None
    run = Span(text[start:end], start, end)
    if pattern == "appos-any":
        if _PERSON_WORD.search(m.group("desc").split()[-1]):
            return None  # "X, a farmer in Y province": a person
        return Mention("appos", run, _span(m, "y"), _span(m, "comp"), None, m.group("desc").split()[-1])
    if pattern == "noun":
        start = _strip_the(text, start, end)
        sea = _SEA_TAIL.search(text, start, end)
        if sea is not None and sea.start() > start:  # "the Saudi Red Sea port of X": the adjective before the sea
            end = sea.start()
        before = rx["the-before"].search(text, max(0, start - 40), start)
        if before is None:
            return None
        y = Span(text[start:end], start, end)
        return Mention(pattern, _span(m, "x"), y, _span(before, "comp"), None, " ".join(m.group("noun").split()))
    if pattern == "poss":
        run_start, start = start, _strip_the(text, start, end)
        ahead = rx["comp-before"].search(text, max(0, start - 30), start) if start == run_start else None
        before = rx["prep-before"].search(text, max(0, start - 30), ahead.start() if ahead else start)
        if start > run_start and text[run_start:start].strip().lower() in _STRONG_PREPS:
            pass  # "In Spain's Lyon" opening a sentence
        elif (before is None or before.group("pre").lower() not in _STRONG_PREPS) and not (
                _at_sentence_start(text, run_start) and m.group("x") != m.group(0)[2:].strip()):
            return None  # "Spain's Lyon" after a preposition, or "Kenya's coastal city of X" opening a sentence
        # "in southern Iraq's Mosul": the compass word before the country places the town
        return Mention(pattern, _span(m, "x"), Span(text[start:end], start, end),
                       _span(m, "comp") or (_span(ahead, "comp") if ahead else None), None)
    if pattern == "comma":
        if not (rx["prep-before"].search(text, max(0, start - 30), start) or _at_line_start(text, start)
                or _at_sentence_start(text, start)):
            return None
        if rx["list-after"].match(text, m.end()) or not rx["end-after"].match(text, m.end()) \
                or text.startswith(("'s", "’s"), m.end()):
            return None
        before = space_before(text, start)
        if before > 0 and text[before - 1] == "," and rx["list-before"].search(text, 0, start):
            return None
    if pattern == "paren" and not rx["prep-before"].search(text, max(0, start - 30), start):
        return None
    if "prep" in m.re.groupindex and m.group("prep") in ("on", "along") and m.group("the") \
            and m.end("the") == m.start("y") and m.group("comp") is None \
            and not text.startswith(("'s", "’s"), m.end("y")):
        return None  # "X, on the Mississippi": a river (a country or division is "in" the, never "on")
    compass = _span(m, "comp") if "comp" in m.re.groupindex else None
    noun = " ".join(m.group("noun").split()) if "noun" in m.re.groupindex and m.group("noun") else ""
    if "dnoun" in m.re.groupindex and m.group("dnoun"):
        noun = "division-of"  # "in the southern province of Y": the compass word places Y in its country
    if pattern == "bearing":
        compass = _span(m, "dir")
        if m.group("capital") and m.group("y") is None:  # "south of the capital": the article's capital
            return Mention(pattern, run, _span(m, "capital"), compass, None, "capital", dist=_span(m, "dist"))
        return Mention(pattern, run, _span(m, "y"), compass, _span(m, "the"), "", dist=_span(m, "dist"))
    y = _span(m, "y")
    if "owner" in m.re.groupindex and m.group("owner"):
        return Mention(pattern, run, y, compass, _span(m, "the"), noun, owner=_span(m, "owner"),
                       owner_compass=_span(m, "ocomp"))
    if compass is not None and compass.text[:1].isupper() and y is not None and compass.end < y.start \
            and not text[compass.end:y.start].strip() and _COMPASS_NAMES.get(y.text.casefold()) and \
            compass.text.casefold() in _COMPASS_NAMES[y.text.casefold()]:
        # "Northern Ireland", "Western Australia", "Central African Republic": a capital makes it a name
        y, compass = Span(text[compass.start:y.end], compass.start, y.end), None
    return Mention(pattern, run, y, compass, _span(m, "the"), noun)


# Names that open with a compass word ("Northern Ireland"): the last word, and the compass words it takes.
_COMPASS_NAMES = {"ireland": {"northern"}, "australia": {"western"}, "territory": {"northern"},
                  "cape": {"western", "eastern", "northern"}, "sahara": {"western"}, "province": {
                      "northern", "southern", "eastern", "western", "central"}, "region": {
                      "northern", "southern", "eastern", "western", "central"}, "equatoria": {
                      "central", "eastern", "western"}, "visayas": {"central", "eastern", "western"},
                  "darfur": {"northern", "southern", "eastern", "western", "central"}, "kordofan": {
                      "northern", "southern", "western"}, "macedonia": {"central", "western", "eastern"},
                  "anatolia": {"central", "eastern"}, "java": {"central", "eastern", "western"},
                  "african republic": {"central"}, "samoa": {"western"}, "bahr el ghazal": {"northern", "western"}}


def name_runs(text: str) -> Iterator[regex.Match]:
    """Maximal runs of capitalised words (with particles), for telling a place from part of a longer name."""
    return _compiled()["run"].finditer(text)


def name_run_texts(text: str) -> list[str]:
    """The texts of name_runs(text), in one call."""
    return _compiled()["run"].findall(text)


def capitalised_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of name_runs(text)."""
    for m in name_runs(text):
        yield m.span()


# --- capitals, borders and ranks (compiled on first use) --------------------------------------------------
_SEAT = r"(?:(?:state|provincial|regional|national)\s+)?capital(?:\s+city)?"
# Words before "capital" that leave it the seat of government ("Nigeria's bustling capital"), and those that do
# not ("commercial capital", "former capital"), which no claim reads through.
_NOT_SEAT = (r"(?:commercial|economic|financial|business|cultural|former|old|ancient|historic|historical|"
             r"administrative|legislative|judicial|constitutional|spiritual|religious|tourist|tourism|de|facto|"
             r"declared|proclaimed|self-declared|summer|winter|royal|imperial|colonial|new|future|interim|"
             r"provisional|temporary|wartime|second|shopping|fashion|music|film|art|arts|media|tech|"
             r"technology|industrial|oil|gold|coffee|diamond|murder|party|rebel|state|provincial|regional|"
             r"county|district|municipal|divisional)\b")
_SEAT_WORDS = rf"(?:(?!{_NOT_SEAT})[a-z][\w-]*\s+){{0,2}}?"
_CAPITAL = (
    # X, (the) capital of Y / X is the capital of Y / X, which is the capital of Y
    rf"(?P<x>{NAME})(?:,\s+(?:(?:which|that)\s+(?:is|serves\s+as)\s+)?|\s*[—–(]\s*|\s+(?:is|remains|serves\s+as|has\s+been)\s+"
    rf"(?:now\s+|also\s+|still\s+)?)(?:the\s+)?{_SEAT}(?:\s+and\s+(?:largest|biggest|main)\s+city)?\s+of\s+(?:the\s+)?(?:(?:\p{{Lu}}\p{{L}}*\s+|(?:{COMPASS_ADJ}|"
    rf"autonomous|federal|semi-autonomous|restive|neighbouring|neighboring)\s+)?"
    rf"(?:state|province|region|territory|community|voivodeship|department|governorate|oblast|prefecture|county|"
    rf"canton|emirate)\s+of\s+)?(?P<y>{NAME})(?!['’]s)",
    # the capital of Y, X / the capital of Y is X
    rf"\b(?i:the)\s+{_SEAT}\s+of\s+(?:the\s+)?(?P<y>{NAME})(?:,\s+|\s+is\s+)(?P<x>{NAME})",
    # Y's capital, X / Y's capital city of X / Y's capital is X / Y state's capital, X
    rf"(?P<y>{NAME})(?:\s+(?P<ynoun>state|province|region))?{_POSS}\s+{_SEAT}(?:,\s+|\s+(?:is\s+|of\s+)?)(?P<x>{NAME})",
    # X, Y's capital / X is Y's capital
    rf"(?P<x>{NAME})(?:,\s+(?:(?:which|that)\s+(?:is|remains|serves\s+as)\s+)?|\s*[—–(]\s*|\s+(?:is|remains|serves\s+as)\s+)"
    rf"(?:now\s+|also\s+|still\s+)?(?:the\s+(?=[^,;.]*?s['’]\s))?(?P<y>{NAME}){_POSS}\s+{_SEAT_WORDS}{_SEAT}\b(?!\s+of)",
    # the Australian capital, X
    rf"\b(?i:the)\s+(?P<adj>{NAME})\s+{_SEAT}(?:,\s+|\s+(?:of\s+)?)(?P<x>{NAME})",
    # X, the Australian capital
    rf"(?P<x>{NAME})(?:,\s+|\s+is\s+)the\s+{_SEAT_WORDS}(?P<adj>{NAME})\s+{_SEAT}\b(?!['’]s|\s+of)",
    # the (country's) capital, X  /  X, the (nation's) capital  (the country: the article's own)
    rf"\b(?i:the)\s+(?:(?P<own>country|nation){_POSS}\s+)?capital(?:\s+city)?,?\s+(?P<x>{NAME})",
    rf"(?P<x>{NAME}),\s+the\s+(?:(?P<own>country|nation){_POSS}\s+)?capital(?:\s+city)?\b(?!['’]s|\s+of|\s+\p{{Lu}})",
    rf"(?P<x>{NAME})(?:,\s+which\s+is|\s+is|\s+remains)\s+(?:still\s+|now\s+)?the\s+(?:(?P<own>country|nation){_POSS}\s+)?capital"
    rf"(?:\s+city)?\b(?!['’]s|\s+of|\s+\p{{Lu}}|\s+(?:until|since|before|from|in\s+\d))",
    # X, the provincial capital / the state capital, X  (the division: one named nearby with that noun)
    rf"(?P<x>{NAME}),\s+the\s+(?P<divcap>state|provincial|regional|departmental)\s+capital\b(?!['’]s|\s+of|\s+\p{{Lu}})",
    rf"\b(?i:the)\s+(?P<divcap>state|provincial|regional|departmental)\s+capital,\s+(?P<x>{NAME})",
)
# What after a capital claim makes it about a subdivision or about the past.
_CAPITAL_AFTER_SKIP = (
    r"\s*(?:province|state|region|district|territory|county|oblast|governorate|prefecture|department|"
    r"until|before|since|from|between|at\s+the\s+time|in\s+\d{4}|during|under|then)\b")

DIRECTION = (r"(?:north|south)(?:[- ]?(?:east|west))?|east|west")
_DIVISION_NOUN = (r"(?:state|province|region|territory|department|county|prefecture|governorate|oblast|district|"
                  r"emirate|canton)")
_BORDER = (
    rf"(?P<y>{NAME})(?:\s+(?:{_DIVISION_NOUN}|division)(?=,|\s+(?:borders|neighbou?rs|is|shares|has)\b))?"
    rf"(?:,\s+which|\s*[(—–]\s*which|,\s+(?:a|an|the)\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:{_DIVISION_NOUN}|country|nation|kingdom|"
    rf"republic)\s+(?:that|which)|"
    # Y, the region's biggest economy, which borders Z: an appositive between (not a name: "A, B, which")
    rf",\s+(?:(?:the|a|an|one|its)\s+|\p{{Lu}}[\p{{L}}.]*(?:\s+\p{{Lu}}[\p{{L}}.]*)?{_POSS}\s+)[^,;.()\n]{{2,60}}?,\s+(?:which|that)|"
    rf"(?=,\s+bordering|,\s+bordered))?\s*(?:borders|bordered|neighbou?rs|touches|abuts|"
    rf"(?:is|are|was)\s+(?:adjacent\s+to|hemmed\s+in\s+by)|"
    rf"(?:is|are|was)\s+(?:(?:landlocked|wedged|sandwiched)\s+and\s+)?(?:(?:almost|nearly|all\s+but|[a-z]+ly)\s+){{0,2}}(?:bordered|flanked|bounded|surrounded)(?:\s+(?:to|on)\s+the\s+(?:{DIRECTION}))?\s+by|"
    rf",\s+bordering|,\s+bordered(?:\s+(?:to|on)\s+the\s+(?:{DIRECTION}))?\s+by|"
    rf",\s+(?:(?:landlocked|wedged|sandwiched)\s+and\s+)?(?:(?:almost|nearly|all\s+but|[a-z]+ly)\s+){{0,2}}(?:surrounded|flanked|hemmed\s+in)\s+by|"
    rf"shares\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}(?:borders?|frontiers?)\s+with|"
    rf"has\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}(?:borders?|frontiers?)\s+with|"
    # Y has five neighbours: A, B ... / Y, whose neighbours include A
    rf"has\s+(?:[\w-]+\s+){{0,2}}neighbou?rs(?:\s*:|\s*[—–]|,?\s+(?:including|namely|among\s+them))|"
    rf",\s+whose\s+(?:[\w-]+\s+){{0,2}}neighbou?rs\s+(?:include|includes|are))\s+"
    # ... nine countries, including A, B and C / ... five countries: A, B ...
    rf"(?:(?:[\w-]+\s+){{0,2}}(?:countries|nations|states)(?:\s*,\s*|\s+)(?:including|such\s+as|namely|among\s+them)"
    rf"(?:\s*,)?\s+|(?:[\w-]+\s+){{0,2}}(?:countries|nations|states)\s*:\s*)?")
_NEIGHBOUR_WORD = r"neighbou?rs?"
_NEAR_WORDS = (r"(?:only|two|three|four|five|six|seven|eight|nine|ten|\d+|land|closest|nearest|immediate|"
               r"smaller|larger|bigger|giant|powerful|tiny|small|large|fellow|key|main|biggest|largest)")
# Other ways copy says two countries border each other (each names Y and Z; d: a side, comp: its adjective).
_NEIGHBOURS = (
    # Y's (northern) neighbour(s)(,) Z  /  Y and its (western) neighbour Z
    rf"(?P<y>{NAME})(?:{_POSS}|\s+and\s+its)\s+(?:{_NEAR_WORDS}\s+)*(?:(?P<comp>{COMPASS_ADJ})\s+)?(?:{_NEAR_WORDS}\s+)*"
    rf"(?:neighbou?ring\s+(?:countries|nations|states)|{_NEIGHBOUR_WORD})(?:\s+(?P<d2>to\s+the\s+(?:{DIRECTION})))?(?:,?\s+|\s*[—–:]\s*)(?:such\s+as\s+|including\s+|include\s+|included\s+|"
    rf"are\s+|were\s+)?(?:the\s+)?(?P<z>{NAME})",
    # Z, Y's (northern) neighbour
    rf"(?P<z>{NAME})(?:,\s+|\s+(?:is|was|remains)\s+)(?:the\s+|one\s+of\s+(?=\p{{Lu}}[^,;.]*{_POSS}\s+[^,;.]*neighbou?rs\b))?(?P<y>{NAME}){_POSS}\s+"
    rf"(?:{_NEAR_WORDS}\s+)*(?:(?P<comp>{COMPASS_ADJ})\s+)?(?:{_NEAR_WORDS}\s+)*neighbou?rs?\b(?:\s+(?P<d2>to\s+the\s+(?:{DIRECTION})))?",
    # Z, a (landlocked) neighbour of Y / Z is the western neighbour of Y
    # (either name may be the wrong one: the finding spans both)
    rf"(?P<y>{NAME})(?:,\s+|\s+(?:is|was|remains)\s+)(?:a|an|the)\s+(?:(?!(?:of|and|or)\b)[\p{{Ll}}-]+\s+){{0,2}}?"
    rf"neighbou?r\s+(?:of|to)\s+(?:the\s+)?(?P<z>{NAME})(?P<both>)(?P<loose>)(?!['’]s|[\p{{L}}\p{{M}}])",
    # the Kenyan border with Z / the Kenya border with Z
    rf"\b(?i:the)\s+(?P<y>\p{{Lu}}\p{{L}}+(?:\s\p{{Lu}}\p{{L}}+)?)\s+(?:border|frontier)\s+with\s+(?:the\s+)?(?P<z>{NAME})",
    # Z (lies) on Y's western border / the border from Y into Z
    rf"(?P<z>{NAME}),?\s+(?:which\s+)?(?:lies\s+|sits\s+)?(?:on|along)\s+(?P<y>{NAME}){_POSS}\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?"
    rf"(?:border|frontier)\b",
    rf"\b(?:border|frontier)\s+from\s+(?:the\s+)?(?P<y>{NAME})\s+(?:into|to)\s+(?:the\s+)?(?P<z>{NAME})",
    # the Y-Z border / frontier
    rf"\b(?i:the)\s+(?P<y>{_WORD}(?:\s{_WORD})?)\s?[-–]\s?(?P<z>{_WORD}(?:\s{_WORD})?)\s+(?:border|frontier)\b",
    # the border between Y and Z / Y's border with Z
    rf"\b(?:border|frontier)(?:\s+(?:crossings?|posts?|checkpoints?|fence|wall))?\s+between\s+(?:the\s+)?(?P<y>{NAME})\s+"
    rf"and\s+(?:the\s+)?(?P<z>{NAME})",
    rf"(?P<y>{NAME}){_POSS}\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?:\d[\d,.]*[\s-]?(?:km|kilomet(?:re|er)s?|miles?)(?:[\s-]long)?\s+|"
    rf"\(\d[\d,.]*[\s-]?(?:km|miles?)\)\s+)?(?:(?:land|long|shared|porous|common)\s+)?(?:border|frontier)s?"
    rf"(?:\s+(?:crossings?|posts?|checkpoints?|fence|wall))?,?\s+"
    rf"with\s+(?:the\s+)?(?P<z>{NAME})",
    # Y and Z share a (long, porous) border / Z lies just across the border from Y
    rf"(?P<y>{NAME})\s+and\s+(?:the\s+)?(?P<z>{NAME}),?\s+(?:which\s+)?(?:share|shared)\s+(?:a\s+|an\s+)?"
    rf"(?:(?!(?:maritime|sea|water|river|lake|marine)\b)[\w,-]+\s+){{0,3}}?(?:land\s+)?(?:border|frontier)\b",
    rf"(?P<z>{NAME}),?\s+(?:which\s+)?(?:lies|sits|is)\s+(?:just\s+)?across\s+the\s+(?:border|frontier)\s+from\s+"
    rf"(?:the\s+)?(?P<y>{NAME})",
    # its (long) border with Z / the country's 400km frontier with Z  (Y: as for "neighbouring Z")
    rf"\b(?:its|[Tt]he\s+(?:country|nation){_POSS})\s+(?:(?:\d[\d,.]*[\s-]?(?:km|kilomet(?:re|er)s?|miles?)(?:[\s-]long)?|"
    rf"land|long|shared|porous|common|mountainous|{COMPASS_ADJ})\s+){{0,2}}(?:border|frontier)s?\s+with\s+(?:the\s+)?(?P<z>{NAME})(?P<strict>)",
    # (into|to|in) neighbouring Z  (Y: the country named last before it in the sentence)
    rf"\bneighbou?ring\s+(?:(?:state|province|prefecture|region|county|district|territory)\s+of\s+)?(?P<z>{NAME})",
    # Y, which lies between Z and W / Y is sandwiched between Z and W
    rf"(?P<y>{NAME}),?\s+(?:which\s+)?(?:lies|sits|is|was)?\s*(?:(?:sandwiched|wedged|squeezed|located|situated|nestled|"
    rf"landlocked)\s+)?"
    rf"between\s+(?:the\s+)?(?P<z>{NAME})(?:\s+and\s+(?:the\s+)?(?P<z2>{NAME})|(?=\s*,\s*\p{{Lu}}))",
)


@dataclass(frozen=True, slots=True)
class NeighbourClaim:
    """Y and Z said to share a border (Y None: the country last named before Z in its sentence), maybe with
    the side Z lies on (a compass adjective: "Y's northern neighbour Z")."""

    y: Span | None
    z: Span
    compass: Span | None
    start: int | None = None  # where a finding on Z starts when it must span both names
    loose: bool | None = None  # whether sea neighbours and close shores fit the form ("Z, a neighbour of Y": yes;
    # "its border with Z": no); None: as its Y says (named: no; "neighbouring Z", the one named before: yes)


# Words one of the forms above needs (a cheap test before the patterns run).
NEIGHBOUR_HINTS = ("eighbo", "border", "frontier", "between")


@lru_cache(maxsize=None)
def _neighbour_patterns() -> tuple[regex.Pattern, ...]:
    return tuple(lazy_pattern(p) for p in _NEIGHBOURS)


def neighbour_claims(text: str) -> Iterator[NeighbourClaim]:
    """Every two-country border claim but the verb forms ("Y borders Z": border_pattern)."""
    if not any(w in text for w in NEIGHBOUR_HINTS):
        return
    seen: set[int] = set()
    item, separator = border_list_patterns()
    for n, rx in enumerate(_neighbour_patterns()):
        for m in rx.finditer(text, overlapped=True):
            z = _span(m, "z")
            if z.start in seen:
                continue
            seen.add(z.start)
            compass = _span(m, "comp")
            if "d2" in m.re.groupindex and m.group("d2"):
                compass = Span(m.group("d2").split()[-1], m.end("d2") - len(m.group("d2").split()[-1]), m.end("d2"))
            both = "both" in m.re.groupindex and m.group("both") is not None
            loose = True if "loose" in m.re.groupindex and m.group("loose") is not None else \
                False if "strict" in m.re.groupindex and m.group("strict") is not None else None
            yield NeighbourClaim(_span(m, "y"), z, compass, m.start("y") if both else None, loose)
            if "z2" in m.re.groupindex and m.group("z2") and m.start("z2") not in seen:
                seen.add(m.start("z2"))
                yield NeighbourClaim(_span(m, "y"), _span(m, "z2"), None)
            if n != 0 and not (m.end() == m.end("z") and ("border" in m.group() or "between" in m.group())):
                continue
            pos = m.end("z")  # a list: "Austria's neighbours Germany, Italy and Hungary", "Y's borders with A and B"
            while True:
                sep = separator.match(text, pos)
                nxt = item.match(text, sep.end()) if sep else None
                if nxt is None:
                    break
                z = _span(nxt, "z")
                if text.startswith(("'s", "’s"), z.end):
                    break  # "Y's border with Z, W's border with V": W is the next claim's Y
                if z.start not in seen:
                    seen.add(z.start)
                    yield NeighbourClaim(_span(m, "y"), z, None)
                pos = nxt.end()
_BORDER_ITEM = (rf"(?:the\s+)?(?:(?:\p{{Lu}}\p{{L}}+\s+)?{_DIVISION_NOUN}s?\s+of\s+(?:the\s+)?)?(?P<z>{NAME})(?:\s+(?P<dir>(?:to|on|in)\s+(?:the|its)\s+(?P<d>{DIRECTION}))"
                rf"(?!\s+and\s+(?:the\s+)?(?:{DIRECTION}))|\s+(?:to|on|in)\s+(?:the|its)\s+(?:{DIRECTION})\s+and\s+"
                rf"(?:the\s+)?(?:{DIRECTION}))?")
_BORDER_SEP = (rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:to|on)\s+the\s+(?:{DIRECTION})\s+by\s+|by\s+)?")

ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORD = r"(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
SCOPES = {"world": None, "globe": None, "planet": None, "earth": None, "africa": "AF", "europe": "EU",
          "asia": "AS", "south america": "SA", "north america": "NA", "oceania": "OC", "latin america": None}
_SUPER = (r"(?P<what>(?i:largest|biggest|most[\s-]populous|most[\s-]populated|smallest|least[\s-]populous|"
          r"longest|highest|tallest))")
_RANK_NOUN = (r"(?P<noun>country|nation|city|town|metropolis|state|province|region|county|territory|governorate|"
              r"prefecture|river|mountain|peak|island|lake|port|"
              r"urban\s+(?:centre|center|area)|conurbation)")
# "(the) (Y's|world's) (second-)largest country (in Africa) (by area)"
# "the largest of the lower 48 states", "the third-largest state in the contiguous US": the US without Alaska and
# Hawaii (scope 'contiguous')
_CONTIGUOUS = r"(?:lower\s+48|48\s+contiguous|contiguous\s+48|48\s+mainland|contiguous\s+(?:US|U\.S\.|United\s+States))"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_RANK_PHRASE = (
    # the smallest of Japan's four main islands / the larger of the country's two main islands
    rf"(?:(?i:the)\s+)?(?:(?P<ord>{_ORD})(?P<sep>[\s-]))?(?P<what>largest|biggest|smallest|larger|bigger|smaller)\s+of\s+"
    rf"(?:the\s+)?(?P<scope1>(?<=the\s)(?:country|nation)|{NAME}){_POSS}\s+(?P<among>{_COUNT})\s+"
    rf"(?:(?:main|major|principal|big|largest|biggest)\s+)?(?P<noun>island)s\b|"
    rf"(?:(?i:the)\s+)?(?:(?P<ord>{_ORD})(?P<sep>[\s-]))?{_SUPER}\s+(?:(?P<noun>state)\s+in|of)\s+the\s+"
    rf"(?P<scope2>{_CONTIGUOUS})(?:\s+(?:US\s+|U\.S\.\s+|American\s+)?states)?"
    rf"(?:,?\s+by\s+(?P<by>area|land\s+area|size|territory|population))?|"
    rf"(?:(?i:the)\s+)?(?:(?P<scope1>(?i:world)|(?<=[Tt]he\s)(?:country|nation|continent|state|province|region)|Arab\s+world|{NAME}){_POSS}\s+)?"
    rf"(?:(?:capital(?:\s+city)?|(?:commercial|economic|financial|industrial)\s+(?:hub|capital|centre|center)|"
    rf"(?:largest|biggest)|most\s+populous)\s+and\s+)?(?:(?P<ord>{_ORD})(?P<sep>[\s-]))?{_SUPER}\s+"
    rf"(?:(?P<scope0>(?:South\s+|North\s+|West\s+|East\s+|Central\s+)?\p{{Lu}}[\p{{L}}.]*)\s+)?(?P<fresh>freshwater\s+)?"
    rf"(?:(?P<group>landlocked)\s+(?=(?:country|nation)\b))?{_RANK_NOUN}\b(?:s\b)?"
    rf"(?:\s+(?:in|of|on)\s+(?:the\s+)?(?P<scope2>world|globe|planet|earth|continent|country|Arab\s+world|{NAME}))?"
    rf"(?:,?\s+by\s+(?P<by>area|land\s+area|landmass|size|territory|surface\s+area|population|length|height)"
    rf"(?:\s+(?:in|of|on)\s+(?:the\s+)?(?P<scope3>world|globe|planet|earth|continent|Arab\s+world|{NAME}))?)?")
# "Y has the world's third-largest population", "Y, with Africa's largest land area"
_HAS_RANK = (rf"(?:,\s+(?:which\s+)?|\s+)(?:has|had|have|boasts|with)\s+(?P<rank>(?:(?i:the)\s+)?(?:(?P<scope1>(?i:world)|{NAME}){_POSS}\s+)?"
             rf"(?:(?P<ord>{_ORD})(?P<sep>[\s-]))?(?P<what>largest|biggest|smallest)\s+(?P<by>population|land\s+area|area|"
             rf"territory|landmass)(?:\s+(?:in|of|on)\s+(?:the\s+)?(?P<scope2>world|globe|planet|continent|{NAME}))?)")
# Y, RANK / Y is (now) RANK / Y (RANK) / Y — RANK ; RANK, Y
_RANK_AFTER = (rf"(?:,\s+(?:which\s+is\s+)?|\s*[—–(]\s*|\s+-\s+|\s+(?:is|remains|ranks\s+as|is\s+ranked\s+as|stands\s+as)\s+"
               rf"(?:now\s+|still\s+|also\s+)?)(?P<rank>{_RANK_PHRASE})")
_RANK_BEFORE = rf"(?P<rank>{_RANK_PHRASE})(?:,\s+|\s+(?:is|remains)\s+)(?:the\s+)?(?P<y>{NAME})"


# "Kenya is larger than Nigeria", "Peru, which is bigger than Brazil", "more populous than Japan"
_COMPARE = (rf"(?P<a>{NAME})(?:,\s+(?:which\s+is\s+)?|\s+(?:is|was|remains)\s+)(?:(?:now|still|also|slightly|much|"
            rf"far|nearly|almost|about|roughly)\s+)?(?:(?P<times>twice|three\s+times|four\s+times|\d+\s+times)\s+(?:as\s+)?)?"
            rf"(?P<what>larger|bigger|smaller|more\s+populous|less\s+populous|more\s+populated|as\s+large|as\s+big|"
            rf"the\s+size)(?:\s+(?:than|as|of))\s+(?:the\s+)?(?P<b>{NAME})(?:\s+by\s+(?P<by>area|population))?")


@dataclass(frozen=True, slots=True)
class Comparison:
    """'Kenya is larger than Nigeria': two countries compared by area or population."""

    a: Span
    b: Span
    what: str
    times: str | None
    by: str | None
    start: int
    end: int


def comparisons(text: str) -> Iterator[Comparison]:
    if " than " not in text and " as " not in text and " size " not in text:
        return
    if "compare" not in _COMPILED_EXTRA:
        _COMPILED_EXTRA["compare"] = lazy_pattern(_COMPARE)
    for m in _COMPILED_EXTRA["compare"].finditer(text):
        yield Comparison(_span(m, "a"), _span(m, "b"), " ".join(m.group("what").split()), m.group("times"),
                         m.group("by"), m.start(), m.end())


@dataclass(frozen=True, slots=True)
class RankClaim:
    """'Y, Europe's third-largest country (by area)': a size rank given a place or country."""

    subject: Span
    flag: Span  # what a fix rewrites: the ordinal, else the superlative
    ordinal: int
    what: str  # the superlative, folded: 'largest', 'most populous', 'smallest', 'longest' ...
    noun: str
    scope: str | None  # 'world', 'Africa', 'Brazil', 'the continent', 'the country' ... as written
    by: str | None
    start: int = 0  # the rank phrase ("South America's largest country by area")
    end: int = 0
    freshwater: bool = False
    among: int = 0  # "the smallest of Japan's four main islands": ranked among that many of the largest
    group: str | None = None  # "the largest landlocked country": ranked among the countries of that kind


@lru_cache(maxsize=None)
def _rank_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    return (lazy_pattern(_RANK_AFTER), lazy_pattern(_RANK_BEFORE), lazy_pattern(r"(?=\p{Lu})" + NAME),
            lazy_pattern(_HAS_RANK))


def rank_claims(text: str) -> Iterator[RankClaim]:
    """Every rank claim in a block: after a name ('Y, the largest ...', 'Y is the ...') or before one
    ('Africa's largest country, Algeria')."""
    after, before, run, has = _rank_patterns()
    if not any(w in text for w in ("largest", "biggest", "populous", "populated", "smallest", "longest",
                                   "highest", "tallest", "Largest", "Biggest", "second city", "third city", "larger",
                                   "smaller", "bigger")):
        return
    seen: set[int] = set()
    for r in run.finditer(text):
        m = after.match(text, r.end())
        if m is not None and r.start() not in seen:
            seen.add(r.start())
            claim = _rank_claim(m, Span(r.group(), r.start(), r.end()))
            if claim is not None:
                yield claim
        m = has.match(text, r.end()) if " has " in text or " with " in text or " had " in text or "boasts" in text \
            else None
        if m is not None and r.start() not in seen:
            seen.add(r.start())
            claim = _rank_claim(m, Span(r.group(), r.start(), r.end()))
            if claim is not None:
                yield claim
    for m in before.finditer(text):
        if gapped_clause(text, m.start(), m.end("y")):
            continue  # "A is the largest state by area, B the most populous": B, in a gapped clause, is not ranked
        if m.start("y") not in seen:
            seen.add(m.start("y"))
            claim = _rank_claim(m, _span(m, "y"))
            if claim is not None:
                yield claim
    if " city" in text and ("second" in text or "third" in text):
        yield from _second_cities(text, seen)


# "RANK, B" where B opens a gapped clause: B followed by its own superlative, or a copula's complement then ", B the
# ..." (B's own predicate noun), so the rank before B is the copula subject's, not B's.
_GAPPED_BEFORE = regex.compile(r"\b(?i:is|was|are|were|remains|remained|became|becomes|ranks\s+as)\s+$")
_GAPPED_AFTER = regex.compile(rf"\s+(?:(?i:the)\s+)?(?:{_ORD}[\s-])?(?:(?i:largest|biggest|smallest|most|least|"
                              rf"second|third|fourth|fifth|next)\b|{_ORD}\b)")
_GAPPED_DET = regex.compile(r"\s+(?:the|an?|its|their|his|her)\s")


def gapped_clause(text: str, phrase_start: int, name_end: int) -> bool:
    """Whether the name ending at name_end, after "PHRASE, " (a rank or a capital), opens a gapped clause and so
    is not the phrase's appositive: it is followed by its own superlative ("..., B the most populous"), or the
    phrase is a copula's complement and the name is followed by its own predicate noun ("A is the capital of Y,
    B its largest city")."""
    if _GAPPED_AFTER.match(text, name_end):
        return True
    return bool(_GAPPED_BEFORE.search(text[max(0, phrase_start - 20):phrase_start])) and \
        _GAPPED_DET.match(text, name_end) is not None


# "Birmingham, Britain's second city", "Kenya's second city, Nairobi": a rank by size without the superlative.
_SECOND_CITY = (rf"(?P<x>{NAME})(?:,\s+|\s+(?:is|remains)\s+)(?P<rank>(?:the\s+)?(?P<scope>(?<=the\s)(?:country|nation)|{NAME}){_POSS}\s+"
                rf"(?P<ord>second|third)\s+city)\b(?!\s+(?:of|in|to|after|behind)\b)",
                rf"(?P<rank>(?P<scope>{NAME}){_POSS}\s+(?P<ord>second|third)\s+city),\s+(?P<x>{NAME})")


def _second_cities(text: str, seen: set[int]) -> Iterator[RankClaim]:
    if "second-city" not in _COMPILED_EXTRA:
        _COMPILED_EXTRA["second-city"] = tuple(lazy_pattern(p) for p in _SECOND_CITY)
    for rx in _COMPILED_EXTRA["second-city"]:
        for m in rx.finditer(text):
            if m.start("x") in seen:
                continue
            seen.add(m.start("x"))
            yield RankClaim(_span(m, "x"), _span(m, "ord"), ORDINALS[m.group("ord")], "largest", "city",
                            m.group("scope"), None, m.start("rank"), m.end("rank"))


# After a rank phrase, words that narrow it to a group the reader did not take in ("largest country of the
# former Soviet Union", "largest country by area in Central Asia", "largest country after Russia").
_RANK_QUALIFIED = regex.compile(r"\s+(?!(?:and|but|with|which|that|where|while|whose|is|was|has|had|to|for|"
                                r"said|says|since|when|as|at|it|its|their|his|her)\b|(?:after|behind)\s+(?:the\s+)?\p{Lu})"
                                r"\p{Ll}")


def _rank_claim(m: regex.Match, subject: Span) -> RankClaim | None:
    if _RANK_QUALIFIED.match(m.string, m.end("rank")) or m.string.startswith(("'s ", "’s "), m.end("rank")):
        return None  # "the largest city in Y's Z province": the scope is Z, which the phrase did not take in
    ordinal = m.group("ord")
    n = 1 if ordinal is None else ORDINALS.get(ordinal.casefold()) or int(ordinal[:-2])
    flag = _span(m, "ord") or _span(m, "what")
    scope = next((m.group(g) for g in ("scope1", "scope2", "scope3", "scope0") if g in m.re.groupindex and m.group(g)),
                 None)
    what = " ".join(m.group("what").casefold().replace("-", " ").split())
    noun = (m.group("noun") or "state").casefold() if "noun" in m.re.groupindex else "country"
    if noun.startswith("urban") or noun == "conurbation":
        noun = "city"
    fresh = bool(m.group("fresh")) if "fresh" in m.re.groupindex else False
    among = m.group("among") if "among" in m.re.groupindex else None
    if among:
        among = int(among) if among.isdigit() else _COUNTS.index(among) + 2
        what = {"larger": "largest", "bigger": "biggest", "smaller": "smallest"}.get(what, what)
    group = m.group("group") if "group" in m.re.groupindex else None
    return RankClaim(subject, flag, n, what, noun, scope, m.group("by") if "by" in m.re.groupindex else None,
                     m.start("rank"), m.end("rank"), fresh, among or 0, group and group.casefold())


_COUNTS = "two three four five six seven eight nine ten".split()


@lru_cache(maxsize=None)
def capital_patterns() -> tuple[tuple[regex.Pattern, ...], regex.Pattern]:
    """The capital claims (a group 'y' names the country or division, 'adj' gives its adjective) and the skip words."""
    return tuple(lazy_pattern(p) for p in _CAPITAL), lazy_pattern(_CAPITAL_AFTER_SKIP, regex.I)


@lru_cache(maxsize=None)
def border_pattern() -> regex.Pattern:
    """A border claim ("Y borders", "Y shares a border with")."""
    return lazy_pattern(_BORDER)


# X(,) (a town) near / on / along the border(s) with (or of) Z / near the Zian border
_NEAR_BORDER = (rf"(?P<x>{NAME}),?\s+(?:(?:a|an)\s+(?:[\p{{L}}-]+\s+){{0,3}}?|(?:which\s+|that\s+)?(?:lies|sits|is|stands)\s+"
                rf"(?:just\s+|right\s+)?)?(?P<at>near|close\s+to|on|along|at|by)\s+"
                rf"(?:the|its)\s+(?:(?:(?:[\p{{L}}-]+\s+)?(?:border|frontier)s?\s+(?:with|of)\s+(?:the\s+)?(?P<z>{NAME}))|"
                rf"(?P<z>\p{{Lu}}\p{{L}}+)\s+(?:border|frontier)\b)")


@lru_cache(maxsize=None)
def near_border_pattern() -> regex.Pattern:
    """A place said to lie near a border ("X, near the border with Z")."""
    return lazy_pattern(_NEAR_BORDER)


# The neighbours listed before the country they border: "A, B and C (all) border Y", "countries bordering Y
# include A, B and C" (group 'y' names the country; the list starts at group 'z' or at the match's end).
_BORDERED = (
    rf"(?<![\p{{L}}\p{{M}}-])(?=\p{{Lu}})(?:the\s+)?(?P<z>{NAME})(?=(?:\s*,\s*(?:the\s+)?{NAME})*,?\s+and\s+(?:the\s+)?{NAME}(?:,\s+(?:both|all)\s+of\s+(?:which|them)\s+|\s+"
    rf"(?:all\s+|both\s+|also\s+)?)(?:border|neighbou?r)\s+(?:the\s+)?(?P<y>{NAME}))",
    rf"\b(?i:countries|nations|states)\s+(?:that\s+)?(?:border(?:ing)?|neighbou?r(?:ing)?)\s+(?:the\s+)?(?P<y>{NAME})"
    rf"\s+(?:include|includes|included|are|were)\s+",
)


@lru_cache(maxsize=None)
def bordered_patterns() -> tuple[regex.Pattern, ...]:
    """The neighbours listed before or after a phrase naming the country they border (see _BORDERED)."""
    return tuple(lazy_pattern(p) for p in _BORDERED)


@lru_cache(maxsize=None)
def border_list_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """One listed neighbour, and the separator between neighbours."""
    return regex.compile(_BORDER_ITEM), regex.compile(_BORDER_SEP)



# --- parts of continents ("Kenya, a West African nation", "the Gulf state of Qatar", "Ghana, in East Africa") ---
_REGION_NOUN = (r"(?:country|nation|state|kingdom|emirate|republic|monarchy|democracy|island\s+nation|island\s+state|"
                r"archipelago|sultanate)")
_REGION_TOWN = r"(?:city|port|capital|town|port\s+city|coastal\s+city|hub)"


@dataclass(frozen=True, slots=True)
class RegionClaim:
    """A country or town X said to lie in a part of a continent (`region`: its name or adjective as written)."""

    x: Span
    region: Span
    town: bool  # the noun is a town's ("the West African port of X"): X is a town, judged by its country


@lru_cache(maxsize=None)
def _region_patterns() -> tuple[regex.Pattern, ...]:
    from . import subregions

    adjective = "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in subregions.adjectives())
    adjective = rf"(?P<region>(?<![\p{{L}}-])(?:{adjective})(?!\s+Republic)(?![\p{{L}}-]))"
    name = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in subregions.names())
    name = rf"(?:the\s+)?(?P<region>(?:{name})(?![\p{{L}}-]))"
    # a lower-case word may stand between ("a small West African country"), never a coast ("Gulf coast city")
    gap = r"(?:(?!coast)[a-z-]+\s+)?"
    return tuple(lazy_pattern(p) for p in (
        # X, a (small) West African country / X, the Gulf state
        rf"(?P<x>{NAME}),\s+(?:a|an|the|another|one\s+of\s+the)\s+{gap}{adjective}\s+{gap}(?:(?P<noun>{_REGION_NOUN})|"
        rf"(?P<town>{_REGION_TOWN}))s?\b",
        # the West African nation of X / the East African port city of X
        rf"\b(?i:the)\s+{gap}{adjective}\s+{gap}(?:(?P<noun>{_REGION_NOUN})|(?P<town>{_REGION_TOWN}))\s+of\s+(?P<x>{NAME})",
        # X, (a country) in West Africa / X is in the Horn of Africa / X, which lies in Central Asia
        rf"(?P<x>{NAME})(?:,\s+(?:a|an)\s+{gap}(?P<noun>{_REGION_NOUN})\s+|,\s+(?:which\s+)?(?:is\s+|lies\s+)?|\s+(?:is|lies)\s+)"
        rf"(?:(?:located|situated)\s+)?in\s+{name}(?![\p{{L}}-]|['’]s|\s+(?:region|coast))",
    ))


def region_claims(text: str) -> Iterator[RegionClaim]:
    """Every placement of a country or town in a part of a continent."""
    if not any(w in text for w in _REGION_HINTS):
        return
    seen: set[int] = set()
    for n, rx in enumerate(_region_patterns()):
        for m in rx.finditer(text):
            x = _span(m, "x")
            if x.start in seen:
                continue
            seen.add(x.start)
            yield RegionClaim(x, _span(m, "region"), m.group("town") is not None if "town" in m.re.groupindex else False)


_REGION_HINTS = ("Africa", "Asia", "Europe", "Gulf", "Middle East", "Mideast", "Levant", "Maghreb", "Sahel",
                 "Scandinavia", "Nordic", "Baltic", "Balkan", "America", "Caribbean")
