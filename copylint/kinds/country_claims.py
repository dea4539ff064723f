"""country-fact: a currency or an official language given to a country that does not use it ("the Swiss euro",
"Japan's currency, the yuan", "Spanish-speaking Brazil", "French, the official language of Mozambique")."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..document import Document
from ..model import Finding
from ..registry import lazy_pattern
from .base import Kind

_WORD = r"\p{L}[\p{L}'’-]*"


@lru_cache(maxsize=None)
def _patterns() -> dict[str, list]:
    from ..data.mentions import NAME

    c = rf"(?P<c>{NAME})"
    money = r"(?P<m>[\p{L}]+)"
    lang = r"(?P<l>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)"
    langs = rf"{lang}(?P<more>(?:\s*,\s*|\s+and\s+|\s+or\s+)\p{{Lu}}\p{{Ll}}+)*"
    return {
        "currency": [lazy_pattern(p) for p in (
            # the Swiss euro / Kenyan shillings / the Japanese yuan
            rf"(?<![\p{{L}}-]){c}\s+(?!(?:and|or)\b){money}\b",
            # Kenya's rand / Ghana's naira
            rf"(?<![\p{{L}}-]){c}['’]s\s+{money}\b",
            # Japan's (national) currency(,) (is) the yuan / the currency of Japan, the yuan
            rf"{c}['’]s\s+(?:national\s+|official\s+|local\s+)?currency,?\s+(?:is\s+)?(?:the\s+)?{money}\b",
            rf"\b(?i:the)\s+(?:national\s+|official\s+)?currency\s+of\s+(?:the\s+)?{c},?\s+(?:is\s+)?(?:the\s+)?{money}\b",
            rf"\b(?i:the)\s+{money},\s+(?:the\s+)?{c}['’]s\s+(?:national\s+|official\s+)?currency\b",
            rf"{c},?\s+whose\s+currency\s+is\s+(?:the\s+)?{money}\b",
            # in Switzerland, where the euro is used / is the currency / is legal tender
            rf"{c},\s+where\s+(?:the\s+)?{money}\s+is\s+(?:used|the\s+(?:national\s+|official\s+|local\s+)?currency|"
            rf"legal\s+tender)\b",
            # Denmark, which uses the euro / Denmark adopted the euro (in 1999)
            rf"{c}(?:,\s+[^,;.]{{1,60}},)?,?\s+(?:which\s+|that\s+)?(?:uses|used|adopted|(?:has|have|had)\s+(?:adopted|used|"
            rf"been\s+using)|switched\s+to|pays\s+in|trades\s+in|prices\s+goods\s+in)\s+(?:the\s+)?(?:(?P<m>single\s+currency)|"
            rf"{money})\b(?!\s+(?:zone|area|bonds?|debt|loans?|contracts?))",
            # the national currency, the dinar / the country's currency is the rand: the country of the story
            rf"\b(?i:the)\s+(?P<c>national|local|(?:country|nation)['’]s)\s+currency,?\s+(?:is\s+)?(?:the\s+)?{money}\b",
        )],
        "sea": [lazy_pattern(p) for p in (
            # landlocked Kenya / Kenya, a landlocked country / Kenya is landlocked
            rf"\b(?i:landlocked)\s+{c}",
            rf"{c},?\s+(?:which\s+is\s+|is\s+|a\s+|an\s+)(?:a\s+)?(?:\w+\s+)?landlocked\b",
        )],
        "language": [lazy_pattern(p) for p in (
            # Spanish-speaking Brazil / Brazil, a Spanish-speaking country / Brazil, Africa's largest French-speaking nation
            rf"\b{lang}-speaking\s+(?:the\s+)?{c}",
            rf"{c},\s+(?:(?:a|an|the|another)\s+|\p{{Lu}}\p{{L}}+['’]s\s+|the\s+world['’]s\s+)(?:[a-z-]+\s+){{0,2}}?{lang}-speaking\s+"
            rf"(?:country|nation|state|kingdom|republic|democracy|island)\b",
            # in Brazil, where people speak Spanish
            rf"{c},\s+where\s+(?:most\s+)?(?:people|residents|locals|citizens|the\s+people)\s+speak\s+{lang}\b",
            # the official language(s) of Brazil(,| is| are) Spanish
            rf"\b(?i:the)\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+)?official\s+languages?\s+(?:of|in)\s+(?:the\s+)?{c}"
            rf"(?:,\s+|\s+(?:is|are|was)\s+)(?:both\s+)?{langs}",
            # Brazil's official language(s)(,| is) Spanish
            rf"{c}['’]s\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+|two\s+|three\s+|four\s+|\d+\s+)?official\s+(?:languages?|tongue)(?:,\s+|\s+(?:is|are)\s+)"
            rf"(?:both\s+)?{langs}",
            rf"\b(?i:the)\s+official\s+languages?\s+in\s+{c}\s+(?:is|are)\s+{langs}",
            # Spanish is (the|an|one of the) official language(s) of Brazil / Spanish, (which is) the official language of Brazil
            rf"\b{langs}(?:,\s+(?:which\s+(?:is|are)\s+)?|\s+(?:is|are|was|remains)\s+)(?:the|an|one\s+of\s+the|also\s+an?|"
            rf"both)\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+)?official\s+(?:languages?|tongue)\s+(?:of|in)\s+"
            rf"(?:the\s+)?{c}",
            # Spanish is Brazil's (sole) official language
            rf"\b{langs}\s+(?:is|are|remains)\s+{c}['’]s\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+)?official\s+"
            rf"(?:languages?|tongue)",
            # Spanish, Brazil's (only) official language
            rf"\b{lang},\s+(?:the\s+)?{c}['’]s\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+)?official\s+(?:language|tongue)\b",
            # in Brazil, where Spanish is the official language
            rf"{c},\s+where\s+{lang}\s+is\s+(?:the|an)\s+official\s+language",
            # Brazil, whose (only) official language is Spanish
            rf"{c},?\s+whose\s+(?P<sole>sole\s+|only\s+|single\s+)?(?:main\s+)?official\s+(?:languages?|tongue)\s+(?:is|are)\s+"
            rf"(?:both\s+)?{langs}",
        )],
    }


class CountryFact(Kind):
    """No keys: the facts are data (copylint.data.country_facts: official languages by constitution, currencies
    from GeoNames and ISO 4217, each country's former currencies). Reads a currency given a country ("the Swiss
    euro", "Japan's currency, the yuan", "the yen, China's currency") and an official language given a country
    ("Spanish-speaking Brazil", "the official language of Mozambique is French", "Dutch, Belgium's official
    language"); a currency the country used before (the French franc) or any official language passes."""

    NAME = "country-fact"

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        money = "currency" in prose or _has_currency_word(prose)
        language = "official language" in prose or "-speaking" in prose or " speak " in prose
        if not (money or language or "andlocked" in prose):
            return
        g = None
        if money and _AMOUNT.search(prose):
            from ..data.gazetteer import gazetteer

            g = gazetteer()
            yield from self._amounts(doc, g)
        for _, block in self.blocks(doc):
            text = block.text
            for which, patterns in _patterns().items():
                if which == "currency" and not (money and ("currency" in text or _has_currency_word(text))):
                    continue
                if which == "language" and not (language and ("official language" in text or "-speaking" in text
                                                               or " speak " in text)):
                    continue
                if which == "sea" and "andlocked" not in text:
                    continue
                seen: set[int] = set()
                lowered = text.casefold()
                for n, rx in enumerate(patterns):
                    if which == "currency" and _CURRENCY_FORM_NEEDS[n] and not any(
                            w in lowered for w in _CURRENCY_FORM_NEEDS[n]):
                        continue
                    for m in _matches(rx, text, which == "currency" and n < 2):
                        if m.start("c") in seen:
                            continue
                        if g is None:
                            from ..data.gazetteer import gazetteer

                            g = gazetteer()
                        found = list(getattr(self, f"_{which}")(doc, block, g, m))
                        if found:
                            seen.add(m.start("c"))
                        yield from found

    @staticmethod
    def _country(g, name: str) -> str | None:
        from ._geography import _trim

        name = _trim(name)
        if g.is_historic(name):
            return None
        codes = g.countries_named(name) or g.country_of_demonym(name)
        if not codes or g.regions_named(name) and not g.country_of_demonym(name):
            return None
        return codes[0] if len(set(codes)) == 1 or name.casefold() == "korean" else None

    def _currency(self, doc, block, g, m) -> Iterator[Finding]:
        from ..data import country_facts as facts

        said = " ".join(m.group("m").split()).casefold()
        word = "euro" if said == "single currency" else facts.currency_word(m.group("m"))
        if word is None:
            return
        name = m.group("c")
        words = name.split()
        # "the US dollar": a demonym or a country right before the currency; a longer run names something else
        if len(words) > 3:
            return
        if name[:1].islower():  # "the national currency, the dinar": the country the story is about there
            from ._geography import recent_country

            cc = recent_country(doc, block, m.start(), g)
            name = g.display(cc).removeprefix("the ") if cc else name
        else:
            cc = self._country(g, name)
        if cc is None:
            return
        demonym = bool(g.country_of_demonym(name)) and not g.countries_named(name)
        if m.re.pattern.startswith("(?<![") and "['’]s" in m.re.pattern and (word in _ENGLISH or len(words) > 1
                                                                          or m.group("m")[:1].isupper()):
            return  # "Spain's real test", "Egypt's pound" is judged only after a demonym or "currency";
            # "Argentina's Cordoba province" names a place
        if m.re.pattern.startswith("(?<![") and word in _ENGLISH and not _money_context(block.text, m) and \
                not (demonym and word not in _VERBS):
            return  # "Spain won", "a Brazilian won the race", "Egypt's real test": words of English first
        if m.group("m")[:1].isupper() and g.places(m.group("m")):
            return  # "the Bolivian Sucre court": a town's name, not the currency
        allowed = facts.currencies(cc)
        former = word in facts.former_currencies(cc)
        if former and allowed and word not in allowed and _PRESENT_CURRENCY.search(m.group()):
            current = facts.currency_display(cc)  # "Ecuador's currency is the sucre": a former one, said as today's
            yield self.finding(doc, block, m.start("m"), m.end("m"), None,
                               fact=f"the {word} is a former currency of {g.display(cc).removeprefix('the ')}; today "
                                    f"it is the {current.lower() if current else '?'}",
                               source="GeoNames country info (currency) and ISO 4217")
            return
        if not allowed or word in allowed or former:
            return
        if word == "dollar" and name.upper() in ("US", "U.S."):
            return
        country = g.display(cc).removeprefix("the ")
        current = facts.currency_display(cc)
        yield self.finding(doc, block, m.start("m"), m.end("m"), None,
                           fact=f"{country}'s currency is the {current.lower() if current else '?'}",
                           source="GeoNames country info (currency) and ISO 4217")

    def _amounts(self, doc: Document, g) -> Iterator[Finding]:
        """A sum in a currency no country named in the article uses, where the article is about one country
        (main_country) that does not use it either: "prices rose to 500 rupees" in a story about Kenya. The
        dollar, the euro and the words of English (pound, won ...) pass: copy quotes them anywhere."""
        from ..data import country_facts as facts
        from ._geography import main_country

        cc = None
        for _, block in self.blocks(doc):
            for m in _AMOUNT.finditer(block.text):
                word = facts.currency_word(m.group("m"))
                if word is None or word in _ANYWHERE or word in _ENGLISH and (
                        word in _VERBS or not _SCALED.search(m.group())
                        or block.text[max(0, m.start() - 2):m.start()].strip()[-1:] in tuple("$€£¥")):
                    continue  # ("5 billion rand": a sum; not "the $4 trillion mark")
                if not m.group()[:1].isdigit() and m.group("m").casefold() == word:
                    continue  # "in rupees", "millions of shillings": the plural, a sum in that currency
                cc = cc or main_country(doc, g) or ""
                if not cc:
                    return
                if word in facts.currencies(cc) or word in facts.former_currencies(cc):
                    continue
                if _named_user(doc, g, word):
                    continue
                country = g.display(cc).removeprefix("the ")
                current = facts.currency_display(cc)
                yield self.finding(doc, block, m.start("m"), m.end("m"), None,
                                   fact=f"the article is about {country}, whose currency is the "
                                        f"{current.lower() if current else '?'}",
                                   source="GeoNames country info (currency) and ISO 4217")

    def _sea(self, doc, block, g, m) -> Iterator[Finding]:
        from ..data import country_facts as facts

        cc = self._country(g, m.group("c"))
        if cc is None or facts.landlocked(cc) or not g.neighbours(cc) and cc not in facts.country_codes():
            return
        country = g.display(cc).removeprefix("the ")
        yield self.finding(doc, block, m.start(), m.end(), None, fact=f"{country} is not landlocked: it has a coast",
                           source="CIA World Factbook, Coastline")

    def _language(self, doc, block, g, m) -> Iterator[Finding]:
        from ..data import country_facts as facts
        from ..data.names import name_key

        cc = self._country(g, m.group("c"))
        if cc is None:
            return
        official = facts.official_languages(cc)
        if official is None:
            return
        spans = [m.span("l")]
        if "more" in m.re.groupindex and m.captures("more"):
            for s, e in m.spans("more"):
                piece = m.string[s:e]
                word = regex.search(r"\p{Lu}\p{Ll}+$", piece)
                spans.append((s + word.start(), e))
        sole = "sole" in m.re.groupindex and m.group("sole") and len(spans) == 1 and len(official) > 1
        for s, e in spans:
            language = m.string[s:e]
            if sole and name_key(language) in official and facts.is_language(language):
                country = g.display(cc).removeprefix("the ")
                yield self.finding(doc, block, m.start("sole"), m.end("sole") - 1, None,
                                   fact=f"{country} has more than one official language",
                                   source="CIA World Factbook, Languages (official status)")
                continue
            if not facts.is_language(language) or name_key(language) in official:
                continue
            country = g.display(cc).removeprefix("the ")
            yield self.finding(doc, block, s, e, None, fact=f"{language} is not an official language of {country}",
                               source="CIA World Factbook, Languages (official status)")


# A figure in a currency with no country before it: "500 rupees", "2.5 million shillings", "a 500-rupee fine",
# "paid in rupees".
_AMOUNT = regex.compile(r"(?:(?<![\p{L}\d.,])\d[\d,.]*(?:\s+(?:million|billion|trillion|thousand|bn|m))?[\s-]+"
                        r"|\b(?:in|of|millions\s+of|billions\s+of|thousands\s+of)\s+)(?P<m>\p{Ll}+)\b")
_SCALED = regex.compile(r"\d\s+(?:million|billion|trillion|bn)\s")
# Currencies copy quotes in any country's story.
_ANYWHERE = frozenset(("dollar", "euro", "franc", "yuan", "yen"))


def _named_user(doc: Document, g, word: str) -> bool:
    """Whether the article names (or uses the adjective of) a country whose currency, now or before, the word is."""
    from ..data import country_facts as facts
    from ..data.mentions import capitalised_runs

    def users() -> frozenset[str]:
        found = set()
        for block in doc.blocks:
            for start, end in capitalised_runs(block.text):
                run = block.text[start:end]
                for name in {run, *run.split()}:
                    found.update(g.countries_named(name) or g.country_of_demonym(name))
        return frozenset(found)

    named = doc.memo("facts:countries-named", users)
    return any(word in facts.currencies(c) or word in facts.former_currencies(c) for c in named)


# Currency words that are ordinary English words too: judged only after "the", a figure or a currency sign,
# or in the plural ("the South Korean won", "50,000 Korean won", "Brazilian reals").
_ENGLISH = frozenset("won real mark pound rand sol som colon kip dong lev leu dram lari".split())
_VERBS = frozenset(("won", "mark", "pound"))  # after a nationality noun too: "a Korean won the race"


def _money_context(text: str, m) -> bool:
    before = text[max(0, m.start("c") - 20):m.start("c")].rstrip().casefold()
    plural = m.group("m").casefold().endswith("s") and m.group("m").casefold() not in ("lats", "litas")
    return plural and m.group("m").casefold() != "marks" or before.endswith("the") \
        or bool(regex.search(r"[\d$€£¥]\s*(?:million|billion|bn|m)?$", before))


# What each currency form (by number) needs in the block, one string of (the first is tried at currency words).
_CURRENCY_FORM_NEEDS = ((), (), ("currency",), ("currency",), ("currency",), ("currency",), ("where",),
                        ("use", "adopt", "switched", "pays in", "trades in", "prices goods", "using"), ("currency",))


# A currency stated as the country's in the present tense ("Ecuador's currency is the sucre", "whose currency is").
_PRESENT_CURRENCY = regex.compile(r"\bcurrency,?\s+is\b|\bwhose\s+currency\s+is\b|\bcurrency\s+of\s+.{1,40}?\s+is\b")


def _matches(rx, text: str, before_currency: bool):
    """rx's matches (overlapping); for the form led by a name before a currency word, tried only just before each
    currency word (scanning every capitalised name is the dear part)."""
    if not before_currency:
        yield from rx.finditer(text, overlapped=True)
        return
    for start, end in _currency_spans(text):
        for m in rx.finditer(text, max(0, start - 60), end, overlapped=True):
            if m.start("m") == start:
                yield m


def _currency_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans _CURRENCY_RX finds: each is a whole word (a run of word characters, being set off by \\b on both
    sides), so a word of plain ASCII letters is looked up in currency_words(); only a word with other characters
    (an accent, a letter that folds to an ASCII one) needs the pattern, whose compiling costs a cold run more
    than the whole rule."""
    from ..data.country_facts import currency_words

    if _CURRENCY_RX.asked > _LOOKUPS:  # a long run: the compiled pattern scans faster
        yield from (m.span() for m in _CURRENCY_RX.finditer(text))
        return
    _CURRENCY_RX.asked += 1
    words = currency_words()
    for run in _WORD_RUN.finditer(text):
        word = run.group()
        if word.lower() in words if word.isascii() else _CURRENCY_RX.fullmatch(text, run.start(), run.end()):
            yield run.span()


_LOOKUPS = 500  # blocks whose currency words are looked up one by one before the pattern is compiled


def _currency_rx():
    from ..data.country_facts import currency_words

    accents = {"a": "[aáàâã]", "e": "[eéèê]", "i": "[iíï]", "o": "[oóôõ]", "u": "[uúü]"}  # "bolívar", "colón"
    words = ("".join(accents.get(ch, regex.escape(ch)) for ch in w) for w in sorted(currency_words(), key=len, reverse=True))
    return regex.compile(r"(?i)\b(?:" + "|".join(words) + r")\b")


class _LazyRx:
    def __init__(self, build) -> None:
        self.build, self.rx, self.asked = build, None, 0

    def _compiled(self):
        if self.rx is None:
            self.rx = self.build()
        return self.rx

    def fullmatch(self, text: str, pos: int, endpos: int):
        return self._compiled().fullmatch(text, pos, endpos)

    def finditer(self, text: str):
        return self._compiled().finditer(text)


_WORD_RUN = regex.compile(r"\w+")


_CURRENCY_RX = _LazyRx(_currency_rx)


def _has_currency_word(text: str) -> bool:
    """Whether a currency word may stand in the text (a cheap test on the folded prose)."""
    from ..data.country_facts import currency_words

    words = set(_WORDS.findall(text.casefold()))
    if not text.isascii():  # "bolívar"
        from ..data.names import fold

        # fold() works character by character, and keeps ASCII characters other than letters as they are: the
        # words of the folded text are those of its folded runs of letters and non-ASCII characters, and a run of
        # ASCII letters gave its words above
        for run in _LETTER_RUNS.findall(text):
            if not run.isascii():
                words.update(_WORDS.findall(fold(run).casefold()))
    return not currency_words().isdisjoint(words)


_WORDS = regex.compile(r"[a-z]+")
_LETTER_RUNS = regex.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f]+")
