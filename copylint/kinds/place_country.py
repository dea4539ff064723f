"""place-country: a town said to lie in a country or first-level division where no place of that name lies."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..document import Document, ProseBlock
from ..model import Finding
from ._geography import (_area_name, _BIG_TOWN, _country_code, _DIVISION_AFTER, _divisions, _gaz, GeoKind, _key, non_place_names,
                         place_name, _trim)
from .base import match_case
from ..data.mentions import NAME, border_list_patterns


# The place nouns of "the <adjective> <noun> of X" that name a first-level division or an island.
_DIVISION_WORDS = frozenset(("island", "state", "province", "region", "prefecture", "oblast", "governorate"))
_OWNER_OF = re.compile(r"\s+(?:state|province|region|territory)\s+of\s")


class PlaceCountry(GeoKind):
    """A town said to lie in a country or first-level division (state, province) where no place of that name
    lies."""

    NAME = "place-country"

    def finding(self, *args, **values) -> Finding:
        values.setdefault("source", "GeoNames")
        return super().finding(*args, **values)

    def check(self, doc: Document) -> Iterable[Finding]:
        g = None
        for block, m in self.located(doc):
            if m.pattern in ("bearing", "bearing-far"):
                continue
            g = g or _gaz()
            head = _FEATURE_BEFORE.search(block.text, max(0, m.x.start - 12), m.x.start)
            start = m.x.start if head is None else head.start()
            if (head is not None or _FEATURE_OPENS.match(m.x.text)) and \
                    _named_feature(g, block.text, start, block.text[start:m.x.start] + m.x.text) is not None:
                # "Lake Victoria in Kenya": the lake, not a town called Victoria
                found = self._feature(doc, block, g, m, start) if m.pattern in ("in", "comma", "paren") else None
            else:
                found = self._judge(doc, block, g, m)
                if found is None and m.pattern in ("in", "comma", "paren"):
                    found = self._feature(doc, block, g, m, m.x.start)
            if found is not None:
                yield found
        if _FEATURE_HINT.search(doc.prose):
            for block in self.prose(doc):
                for m in _feature_claims().finditer(block.text):
                    g = g or _gaz()
                    yield from self._feature_countries(doc, block, g, m)

    def _feature(self, doc, block, g, m, start: int) -> Finding | None:
        """'Lake Tanganyika in Kenya', 'the Mekong River in Brazil': a river, lake or mountain of the features
        table placed in a country (or a division of one) it does not touch (its name from start on)."""
        x, y = block.text[start:m.x.start] + _trim(m.x.text), _trim(m.y.text)
        f = _named_feature(g, block.text, start, x)
        if f is None or m.compass is not None and m.compass.start < m.x.start:
            return None
        codes = set(g.country_of_demonym(y) if m.y_is_adjective else g.countries_named(y))
        if not codes and not m.y_is_adjective:
            codes = {d.partition(".")[0] for d in _divisions(g, y)}
        if len(codes) != 1 or codes & f.countries or g.is_historic(y) or _key(y) in non_place_names(doc):
            return None
        return self.finding(doc, block, min(start, m.y.start), max(m.x.end, m.y.start + len(y)), None,
                            place=f.name, claimed=y, source="Britannica", actual=_country_list(g, f))

    def _feature_countries(self, doc, block, g, m) -> Iterator[Finding]:
        """'the Danube, which flows through Spain', 'Lake Titicaca, on the border of Peru and Chile', 'Mount
        Everest, shared by Nepal and India': each country named that the feature does not touch."""
        f = _named_feature(g, block.text, m.start("x"), m.group("x"), verb=bool(m.group("flows")))
        if f is None:
            return
        listed, separator = border_list_patterns()
        pos = m.end()
        while True:
            item = listed.match(block.text, pos)
            if item is None:
                return
            z = _trim(item.group("z"))
            codes = set(g.countries_named(z))
            if len(codes) == 1 and not codes & f.countries and not g.is_historic(z):
                yield self.finding(doc, block, item.start("z"), item.start("z") + len(z), None, place=f.name,
                                   claimed=z, source="Britannica", actual=_country_list(g, f))
            sep = separator.match(block.text, item.end())
            if sep is None:
                return
            pos = sep.end()

    def _judge(self, doc: Document, block: ProseBlock, g, m) -> Finding | None:
        from ..data import subregions

        if m.y_is_adjective and subregions.of_adjective(_trim(m.y.text)):
            return None  # "the Gulf state of Qatar": a part of a continent (the compass rule's), not a province
        if m.pattern == "noun" and m.noun in _DIVISION_NOUNS and _country_code(g, _trim(m.x.text)) and \
                not g.country_of_demonym(_trim(m.y.text)) and not g.countries_named(_trim(m.y.text)):
            return self._division(doc, block, g, m.y, m.x, m)  # "the Tigray region of Eritrea"
        if m.pattern == "noun" and m.noun.split()[-1] in _DIVISION_WORDS:
            found = self._island(doc, block, g, m)
            if found is not None:
                return found or None
        xs = place_name(g, m.x, doc, block)
        if xs is None:
            if m.pattern in ("in", "poss") and _DIVISION_AFTER.match(block.text, m.x.end):
                return self._division(doc, block, g, m.x, m.y, m)  # "Eritrea's Tigray region"
            return None
        x, y = xs.text, _trim(m.y.text)
        if g.countries_named(x) or g.country_of_demonym(x):
            return None
        if m.pattern == "appos-poss" and m.noun.startswith(("port", "harbo")) and _landlocked(g, y):
            return None  # "Mombasa, Uganda's main port": the sea port a landlocked country uses
        if m.y_is_adjective:
            from ..data import regions as division_data

            codes = g.country_of_demonym(y) or g.countries_named(y)
            regions: tuple[str, ...] = ()
            named = division_data.division_of_adjective(y)
            divisions = tuple(d for d in division_data.divisions_named(named[1]) if d.startswith(named[0] + ".")) \
                if named else () if codes else _divisions(g, y)
            if named:
                codes = ()
        else:
            codes, regions = g.countries_named(y), g.regions_named(y)
            divisions = _divisions(g, y, x)
            if not codes and _OWNER_OF.match(block.text, m.y.end) and g.country_of_demonym(y):
                codes, divisions = g.country_of_demonym(y), ()  # "in the Australian state of X": the country
        if not codes and not divisions:
            return None if m.y_is_adjective else self._second_level(doc, block, g, m, xs, y)
        if not codes and _PHYSICAL.search(block.text, min(m.x.end, m.y.start), m.y.start):
            return None  # "on the coast of Crimea", "on the X peninsula": a physical region, not the division of its name
        readings = g.readings(x)
        if not codes and not any(r.partition(".")[0] == d.partition(".")[0] for r in readings for d in divisions):
            return None  # a division of a country the town is not in: another meaning of the name
        places = g.places(x)
        if _fits(g, readings, codes, regions, divisions) and not _only_hamlets(g, places, codes, divisions, m):
            return None
        if m.head is not None and _fits(g, g.readings(m.head.text), codes, regions, divisions):
            return None  # "Tokyo and Pusan in South Korea": the place after the list fits, so the phrase is its own
        if _key(x) in non_place_names(doc):  # the dearest test last
            return None
        top = places[0]
        rivals = [p for p in places if p.country != top.country and p.population * 3 >= top.population]
        as_division = bool(divisions) and not codes
        y_end = m.y.start + len(y)
        compass = m.compass.text if m.compass is not None and m.pattern in ("in", "in-list", "noun", "appos", "appos-adj") \
            and m.compass.start < m.y.start and not block.text[m.compass.end:m.y.start].strip() else None
        if compass is not None or m.the is not None and m.the.start < m.y.start and \
                not block.text[m.the.end:m.y.start].strip():
            start = min(s.start for s in (m.the, m.compass, m.y) if s is not None and s.start <= m.y.start)
        else:
            start = m.y.start
        choices = []
        for place in [top, *rivals][:3]:
            choices.append(self._phrase(doc, g, place, compass, m, _claimed_division(place, as_division, divisions),
                                        divisions))
        actual = ", ".join(_where(g, p, _claimed_division(p, as_division, divisions), divisions)
                           for p in [top, *rivals][:3])
        original = block.text[start:y_end]
        suggestions = [match_case(original, c) for c in choices]
        claim_start, claim_end = min(start, xs.start), max(y_end, xs.end)
        if m.pattern == "paren" and block.text.startswith(")", claim_end):
            claim_end += 1
        if rivals:  # no single fix: the suggestions name the candidates
            return self.finding(doc, block, claim_start, claim_end, None, suggestions=suggestions, place=x,
                                claimed=_country_said(g, y), actual=actual)
        return self.claim_finding(doc, block, claim_start, claim_end, (start, y_end), suggestions[:1], place=x,
                                  claimed=_country_said(g, y), actual=actual)

    def _second_level(self, doc, block, g, m, xs, y: str) -> Finding | None:
        """'X, in Negros Occidental' (a province, department or county below the first level): flagged when the
        town and the division lie in one country but in different first-level divisions, and no place of the
        town's name lies in the division's."""
        from ..data import regions

        homes = regions.second_level_homes(y)
        if not homes or any(p.population >= 15_000 for p in g.places(y)):
            return None  # no such division, or a town of that name is meant
        places = g.places(xs.text)
        if not places or places[0].population < 15_000 or _PHYSICAL.search(block.text, min(m.x.end, m.y.start),
                                                                           m.y.start):
            return None
        countries = {h.partition(".")[0] for h in homes}
        readings = g.readings(xs.text)
        if places[0].country not in countries or any(r in homes or r.endswith(".*") for r in readings):
            return None
        if _key(xs.text) in non_place_names(doc):
            return None
        actual = _area_name(g, f"{places[0].country}.{places[0].admin1}")
        return self.finding(doc, block, min(xs.start, m.y.start), max(xs.end, m.y.start + len(y)), None,
                            place=xs.text, claimed=y, actual=actual)

    def _island(self, doc, block, g, m) -> Finding | bool | None:
        """'the Spanish island of Crete', 'the Indian state of Sindh': a first-level division (Crete, Sicily, Bali,
        Jeju, Tasmania; a state, province or region) judged by its country; None when the name is no division's
        (judged as a town)."""
        from ..data import regions

        name, y = _trim(m.x.text), _trim(m.y.text)
        named = regions.divisions_named(name)
        homes = {d.partition(".")[0] for d in named}
        codes = g.country_of_demonym(y) or g.countries_named(y)
        if not homes or not codes:
            return None
        if homes & set(codes) or any(g.fits(d, codes) or g.fits(f"{d.partition('.')[0]}.", codes) for d in named) \
                or _key(name) in non_place_names(doc):  # (annexed and disputed land counts for both sides)
            return False
        # "the Belgian province of Luxembourg": a division (of any level) or place of that name in the country
        if any(r.partition(".")[0] in codes for r in (*g.readings(name), *regions.second_level_homes(name))):
            return False
        if len(homes) != 1:
            return False
        home = homes.pop()
        actual = g.demonym(home) if g.country_of_demonym(y) else g.display(home).removeprefix("the ")
        if not actual:
            return False
        return self.claim_finding(doc, block, m.y.start, m.x.end, (m.y.start, m.y.start + len(y)),
                                  [match_case(y, actual)], place=name, claimed=_country_said(g, y),
                                  actual=g.display(home).removeprefix("the "))

    def _division(self, doc, block, g, x, y, m) -> Finding | None:
        """A first-level division said to lie in a country it is not in ("the Tigray region of Eritrea")."""
        from ..data import regions

        name, country = _trim(x.text), _trim(y.text)
        cc = _country_code(g, country)
        if cc is None or g.places(name) or g.countries_named(name) or _key(name) in non_place_names(doc):
            return None
        homes = {d.partition(".")[0] for d in regions.divisions_named(name)}
        if not homes or len(homes) > 1 or any(g.fits(f"{h}.", (cc,)) for h in homes):
            return None
        if any(r.partition(".")[0] == cc or g.fits(r, (cc,)) for r in g.readings(name)):
            return None
        home = homes.pop()
        start, end = min(x.start, y.start), max(x.end, y.start + len(country))
        actual = g.display(home).removeprefix("the ")
        return self.claim_finding(doc, block, start, end, (y.start, y.start + len(country)),
                                  [match_case(country, actual)], place=name, claimed=country, actual=actual)

    def _phrase(self, doc: Document, g, place, compass: str | None, m, as_division: bool,
                divisions: tuple[str, ...]) -> str:
        from ..data import compass as cp

        if m.y_is_adjective:
            name = g.demonym(place.country)
        elif as_division:
            name = _where(g, place, as_division, divisions)
        else:
            name = g.display(place.country)
        if compass is None:
            return name
        direction = cp.parse(compass)
        pos = cp.locate(g, place, place.country)
        if direction is not None and pos is not None and cp.contradicts(direction, pos):
            compass = cp.word_for(cp.along(direction, pos), compass, self.hyphenated(doc))
        if name.startswith("the "):
            return f"the {compass} {name[4:]}"
        return f"{compass} {name}"


def _country_said(g, y: str) -> str:
    """The country a claim names: the country of a demonym ("the Dutch city of X" claims the Netherlands)."""
    codes = () if g.countries_named(y) else g.country_of_demonym(y)
    return g.display(codes[0]) if len(codes) == 1 else y


def _claimed_division(place, as_division: bool, divisions: tuple[str, ...]) -> bool:
    """Whether to name the place's division (a division of its country was claimed: "Miami, Georgia")."""
    return as_division or any(d.startswith(place.country + ".") for d in divisions)


# Within one country a city of 100,000 is what a division claim means when the division holds only villages of
# that name (15,000 or fewer people).
_BIG_DIVISION_TOWN = 100_000


def _only_hamlets(g, places, codes, divisions, m) -> bool:
    """'Kandahar in Pakistan': the name fits the country only through villages (under 15,000 people) while a
    big town of that name lies elsewhere; the same for a division of the big town's own country outside the US
    ("Kochi in Tamil Nadu"; a US state's namesake towns are common: "Berlin, New Hampshire")."""
    if m.pattern not in ("in", "appos", "comma", "paren", "noun", "appos-adj") or divisions and codes:
        return False  # (a name that is a country's and a state's, Georgia: either reading will do)
    if divisions:
        top = places[0]
        if top.population < _BIG_DIVISION_TOWN or top.country == "US" or m.noun in _DIVISION_NOUNS:
            return False
        if not any(d.startswith(top.country + ".") for d in divisions):
            return False
        if any(f"{p.country}.{p.admin1}" in divisions for p in places):
            return False  # a town of 15,000+ of that name lies in the division
        return not any(r.endswith(".*") and r.partition(".")[0] == top.country and _divisions(g, m.x.text)
                       and set(_divisions(g, m.x.text)) & set(divisions) for r in g.readings(m.x.text))
    if not codes:
        return False
    top = places[0]
    if top.population < _BIG_TOWN or g.fits(f"{top.country}.{top.admin1}", codes) or m.noun in _DIVISION_NOUNS:
        return False
    if any(r.endswith(".*") and g.fits(r, codes) for r in g.readings(m.x.text)):
        return False  # a state or province of that name ("the Australian state of Victoria")
    return not any(g.fits(f"{p.country}.{p.admin1}", codes) for p in places)


_PHYSICAL = re.compile(r"\b(?:coast|coasts|coastline|shore|shores|seaboard|peninsula|tip|cape)\b", re.I)
_DIVISION_NOUNS = frozenset(("state", "province", "region", "district", "county", "oblast", "island"))


def _fits(g, readings: tuple[str, ...], codes: tuple[str, ...], regions: tuple[str, ...],
          divisions: tuple[str, ...] = ()) -> bool:
    for reading in readings:
        if codes and g.fits(reading, codes):
            return True
        if reading in divisions:
            return True
        cc = reading.partition(".")[0]
        for region in regions:
            if "." not in region and cc == region and not divisions:
                return True
    return False


def _where(g, place, as_division: bool, divisions: tuple[str, ...] = ()) -> str:
    """Where a place is, said as the claim said it: its division when a division was claimed in its country."""
    from ..data import regions

    if as_division:
        if place.country == "US":
            return g.us_state(place.admin1)
        if any(d.startswith(place.country + ".") for d in divisions):
            return regions.division_name(f"{place.country}.{place.admin1}")
    return g.display(place.country).removeprefix("the ")


def _landlocked(g, name: str) -> bool:
    from ..data import country_facts

    codes = g.countries_named(name)
    return len(codes) == 1 and bool(country_facts.landlocked(codes[0]))


# The words that make a name a river's, a lake's or a mountain's ("Lake Tanganyika", "the Mekong River").
_FEATURE_WORD = regex.compile(r"\b(?:Lake|Lakes|Lough|Loch|Mount|Mt|Mountain|River|Peak|Sea)\b")
_KINDS = ("lake", "mountain", "river")
_FEATURE_BEFORE = regex.compile(r"\b(?:Lake|Lough|Loch|Mount|Mt\.?|River)\s+$")
_FEATURE_OPENS = regex.compile(r"(?:[Tt]he\s+)?(?:Lake|Lough|Loch|Mount|Mt\.?|River)\s")


def _named_feature(g, text: str, start: int, name: str, verb: bool = False):
    """The river, lake or mountain a name stands for when the text says it is one: a kind word in the name
    ("Lake Victoria", "the Danube River"), or a river's own name after "the" that names no place ("the
    Danube", when verb says it flows); None otherwise."""
    from ..data import features

    the = name[:4].casefold() == "the " or text[max(0, start - 4):start].casefold() == "the "
    worded = _FEATURE_WORD.search(name) is not None or text.startswith((" River", " river"), start + len(name))
    name = _trim(name)
    if not worded and not (verb and the and not g.is_known(name)):
        return None
    for kind in _KINDS:
        f = features.feature(name, kind)
        if f is not None:
            return f
    return None


def _country_list(g, f) -> str:
    names = sorted(g.display(c).removeprefix("the ") for c in f.countries if g.country(c))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_FEATURE_HINT = regex.compile(r"\b(?:flows|runs|winds|border|shared\s+by)\b")


@lru_cache(maxsize=1)
def _feature_claims() -> regex.Pattern:
    """'X flows through A, B and C', 'X, on the border of A and B', 'X, shared by A and B' (the list starts at the
    match's end)."""
    return regex.compile(
        rf"(?P<x>{NAME})(?:\s+[Rr]iver)?,?\s+(?:which\s+|that\s+)?(?:(?P<flows>(?:flows|runs|winds|passes|meanders)\s+"
        rf"(?:through|across))|(?:(?:lies|sits|is|straddles|stands)\s+)?(?:on|along|astride|straddling)\s+the\s+"
        rf"border\s+(?:between|of)|(?:is\s+)?shared\s+by|(?:lies|sits|is)\s+between)\s+")
