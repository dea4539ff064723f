"""capital: a city called the capital of a country whose capital it is not."""
from __future__ import annotations

import re
from typing import Iterable

import regex

from ..data.compass import distance_km
from ..data.mentions import NAME, capital_patterns, gapped_clause, opens_clause
from ..document import Document
from ..model import Finding
from ._geography import (_country_code, _divisions, division_named_before, _gaz, GeoKind, _key, non_place_names,
                         recent_country, _trim)


class Capital(GeoKind):
    """'Sydney, the capital of Australia': the named city is not that country's capital."""

    NAME = "capital"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "capital" not in doc.prose:  # every claim names a capital
            return
        g = None
        for block in self.prose(doc):
            text = block.text
            if "capital" not in text:
                continue
            seen: set[int] = set()
            claims, skip = capital_patterns()
            for rx in claims:
                for m in rx.finditer(text):
                    after = skip.match(text, m.end())
                    if after is not None and "y" in m.re.groupindex and m.group("y") and \
                            _DIVISION_WORD.match(text, m.end()):
                        g = g or _gaz()
                        if regions_named_any(g, m.group("y")):
                            after = None  # "the capital of Kaduna state": a division's capital, judged as one
                    if m.start("x") in seen or after is not None or _past(text, m.start()):
                        continue
                    if m.start("x") > m.start() and text[:m.start("x")].rstrip().endswith(",") and \
                            (opens_clause(text, m.end("x")) or gapped_clause(text, m.start(), m.end("x"))):
                        continue  # "the capital of Y, X ... is" / "A is the capital of Y, X the largest city": no appositive
                    seen.add(m.start("x"))
                    g = g or _gaz()
                    found = self._judge(doc, block, g, m)
                    if found is not None:
                        yield found

    def _judge(self, doc, block, g, m) -> Finding | None:
        from ..data import regions

        text = block.text
        adjective = m.group("adj") is not None if "adj" in m.re.groupindex else False
        x = _sentence_tail(text, m.start("x"), m.group("x"))
        if "divcap" in m.re.groupindex:
            return self._division_own(doc, block, g, m, x)
        if "y" not in m.re.groupindex and "adj" not in m.re.groupindex:
            return self._own(doc, block, g, m, x)
        y = _trim(m.group("adj") if adjective else m.group("y"))
        if not g.readings(x) or g.countries_named(x):
            return None
        big = bool(g.places(x)) and g.places(x)[0].population >= 100_000
        if not big and _key(x) in non_place_names(doc):
            return None  # a big town called a capital is a place, whatever longer names hold its name
        x_start = m.end("x") - len(x)
        division = regions.division_of_adjective(y) if adjective or not (
            g.countries_named(y) or regions.divisions_named(y)) else None
        if division is not None:
            adjective, y = False, division[1]  # "the Scottish capital": of Scotland, not of Britain
        by_noun = "ynoun" in m.re.groupindex and m.group("ynoun") is not None  # "Mexico state's capital": a division
        cc = None if division is not None or by_noun else _country_code(g, y, adjective=adjective)
        claim = (x_start if m.start() == m.start("x") else m.start(), m.end())
        if cc is not None and _key(y) in _FORMER_NAMES:
            return None  # "Rangoon, the capital of Burma": a claim in the past, in the past's names
        if cc is not None:
            if g.is_capital(x, cc) or not g.capital(cc):
                return None
            return self.claim_finding(doc, block, *claim, (x_start, m.end("x")), [g.capital(cc)], place=x,
                                      country=g.display(cc).removeprefix("the "), capital=g.capital(cc))
        # A state or province: its capital when the table knows it, and only when no country of that name
        # has x for its capital ("Tbilisi, the capital of Georgia").
        if not by_noun and any(g.is_capital(x, c) for c in g.countries_named(y)) or g.is_historic(y):
            return None
        if adjective and g.country_of_demonym(y):
            return None
        homes = {d.partition(".")[0] for d in (*_divisions(g, y), *regions.divisions_named(y), *g.regions_named(y))}
        known = [(c, caps) for c in sorted(homes | {"US"}) if (caps := regions.division_capitals(c, y))]
        if not known:
            return self._seat(doc, block, g, claim, x, x_start, m.end("x"), y)
        if len(known) != 1 or any(_key(x) == _key(c) for c in known[0][1]):
            return None
        capital = known[0][1][0]
        return self.claim_finding(doc, block, *claim, (x_start, m.end("x")), [capital], place=x, country=y,
                                  capital=capital)


    def _seat(self, doc, block, g, claim, x: str, x_start: int, x_end: int, y: str) -> Finding | None:
        """'X, the capital of Y province' for a division the table lacks: its seat in GeoNames (PPLA), judged
        only when one division of that name lies in X's country and no reading of X is within 15 km of the
        seat (a seat written in another spelling is the same place)."""
        from ..data import regions

        places = g.places(x)
        homes = {p.country for p in places}
        divisions = {d for d in (*_divisions(g, y, x), *regions.divisions_named(y)) if d.partition(".")[0] in homes}
        found = {d: rows for d in divisions if (rows := regions.seats(d))}
        if len(found) != 1:
            return None
        rows = next(iter(found.values()))
        if any(_key(x) == _key(name) for name, _, _ in rows) or \
                any(distance_km((p.lat, p.lon), (lat, lon)) <= _SAME_PLACE_KM for p in places for _, lat, lon in rows):
            return None
        capital = rows[0][0]
        return self.claim_finding(doc, block, *claim, (x_start, x_end), [capital], place=x, country=y,
                                  capital=capital)

    def _division_own(self, doc, block, g, m, x: str) -> Finding | None:
        """'Zaria, the state capital': the capital of the division named with that noun nearest before it in
        the paragraph (or after it in its sentence: "Kaduna State" for "state", "the province of Y" for
        "provincial"), judged only when that is a first-level division X lies in, and X is not its seat."""
        from ..data import regions

        noun = {"state": "state", "provincial": "province", "regional": "region", "departmental": "department"}[
            m.group("divcap").casefold()]
        text = block.text
        places = [p for p in g.places(x) if p.population >= 15_000]
        if not places or _key(x) in non_place_names(doc):
            return None
        named = regex.compile(rf"(?P<a>{NAME})\s+(?i:{noun})\b|\b(?i:the\s+{noun}\s+of)\s+(?P<b>{NAME})")
        end = text.find(".", m.end())
        found = [(n.start(), n.group("a") or n.group("b")) for n in named.finditer(text, 0, len(text) if end < 0 else end)]
        found = [f for f in found if not m.start("x") <= f[0] < m.end()]
        homes = {(p.country, p.admin1) for p in places}
        if found:
            before = [f for f in found if f[0] < m.start()]
            _, name = before[-1] if before else found[0]
            divisions = [d for d in regions.divisions_named(name) if tuple(d.split(".", 1)) in homes]
        elif noun == "state":  # "Floods hit Texas. In Dallas, the state capital, ...": the one of X's divisions
            # named before (states are first-level divisions; a province or region may be a second-level one)
            divisions, name = division_named_before(doc, block, m.start(), homes)
        else:
            return None
        if len(divisions) != 1 or not (rows := regions.seats(divisions[0])):
            return None
        if any(_key(x) == _key(seat) for seat, _, _ in rows) or \
                any(distance_km((p.lat, p.lon), (lat, lon)) <= _SAME_PLACE_KM for p in places for _, lat, lon in rows):
            return None
        capital = rows[0][0]
        x_start = m.end("x") - len(x)
        return self.finding(doc, block, x_start, m.end("x"), capital, place=x, country=name, capital=capital)

    def _own(self, doc, block, g, m, x: str) -> Finding | None:
        """'the capital, X': the capital of the article's own country (the one it names most, and at least
        twice as often as any other), judged only when X lies in that country."""
        cc = recent_country(doc, block, m.start(), g)
        if cc is None or not g.capital(cc) or g.is_capital(x, cc) or g.countries_named(x):
            return None
        places = g.places(x)
        if not places or places[0].country != cc or _key(x) in non_place_names(doc) or \
                _division_seat(doc, block, m.end(), places[0], x):
            return None
        x_start = m.end("x") - len(x)
        return self.finding(doc, block, x_start, m.end("x"), g.capital(cc), place=x,
                            country=g.display(cc).removeprefix("the "), capital=g.capital(cc))


_SAME_PLACE_KM = 15
_DIVISION_WORD = re.compile(r"\s*(?:state|province|region|territory|governorate|oblast|prefecture)\b", re.I)


def _division_seat(doc, block, pos: int, place, name: str) -> bool:
    """Whether a place is the capital of the first-level division it lies in, and the article names that division
    (under a name other than the place's own) before a bare "the capital": it may then mean the division's ("In
    Saskatchewan, ... Regina, the capital"; "the state of which Graz is the capital")."""
    from ..data import regions

    named, division = division_named_before(doc, block, pos, {(place.country, place.admin1)})
    key = _key(name)
    if not named or _key(division) == key:
        return False
    return any(_key(seat) == key for seat, _lat, _lon in regions.seats(named[0])) or \
        any(cc == place.country for cc, _division in regions.capital_divisions(name))


def regions_named_any(g, name: str) -> bool:
    """Whether a name is a first-level division's anywhere (a state, province or region)."""
    from ..data import regions

    return bool(regions.divisions_named(_trim(name)) or g.regions_named(_trim(name))
                or regions.division_of_adjective(_trim(name)))


# Former names of countries still in use (copylint.data.countries.ALIASES): a capital claim that uses one is
# about the past.
_FORMER_NAMES = frozenset(_key(n.replace("_", " ")) for n in """Burma Ceylon Zaire Swaziland Siam Persia Rhodesia
    Dahomey Upper_Volta Kampuchea Bechuanaland Basutoland Nyasaland Tanganyika Gold_Coast East_Pakistan
    Moldavia""".split())  # (split first: "East_Pakistan" is one name, and "Pakistan" none)


def _past(text: str, start: int) -> bool:
    """Whether the words just before a claim put it in the past ('the former capital', 'once the capital')."""
    before = text[max(0, start - 30):start].casefold()
    return any(w in before for w in ("former", "formerly", "once", "old ", "ex-", "then-", "historic"))


def _sentence_tail(text: str, start: int, name: str) -> str:
    """At a sentence start, 'In Canberra' names Canberra: drop a capitalised first word that is not part of it."""
    before = text[:start].rstrip()
    words = name.split()
    if len(words) > 1 and (not before or before[-1] in ".!?\"“”:\n"):
        from ..data.gazetteer import gazetteer

        if not gazetteer().readings(name):
            return " ".join(words[1:])
    return name

