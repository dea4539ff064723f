"""Geography kinds: place vs country, compass direction, capitals, borders and size ranks, judged by the gazetteer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..data.mentions import (SCOPES, border_list_patterns, border_pattern, capital_patterns, capitalised_runs,
                             document_mentions, opens_clause)
from ..data.names import has_lower_word, name_key
from ..document import Document, ProseBlock
from ..model import Finding
from .base import Kind, match_case

if TYPE_CHECKING:
    from ..data.mentions import Mention, Span

_PROSE = frozenset({"paragraph", "list", "quote", "caption", "heading", "title"})
_TRAILING = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())
_STARTERS = frozenset("""the a an in at on for as when while after before if it this that these those he she they we i
    there yesterday today but and or so then meanwhile however earlier later last next some many most much more
    such both all each every""".split())
_RANK_WORDS = ("largest", "biggest", "populous", "populated", "smallest", "longest", "highest", "tallest", "Largest",
               "Biggest", "Longest", "Highest", "Tallest", "larger", "bigger", "smaller", "the size", "second city",
               "third city")


def _gaz():
    from ..data.gazetteer import gazetteer  # loaded only when a geography rule runs

    return gazetteer()


def _key(text: str) -> str:
    return name_key(text)


def _trim(text: str) -> str:
    """Drop trailing weekday and month names a capitalised run picked up ('France Tuesday' -> 'France')."""
    words = text.split()
    while len(words) > 1 and (words[-1].casefold() in _TRAILING or words[-1].islower()):
        words.pop()
    return " ".join(words)


def non_place_names(doc: Document) -> frozenset[str]:
    """Keys of names the document also uses inside a longer capitalised name ('Lewis Hamilton', 'Paris Club'):
    such a name may be a person, club or company, so it is never judged as a place."""
    return doc.memo("facts:non-place-names", lambda: _non_place_names(doc))


def _non_place_names(doc: Document) -> frozenset[str]:
    keys: set[str] = set()
    for block in doc.blocks:
        text = block.text
        for start, end in capitalised_runs(text):
            words = text[start:end].split()
            if len(words) > 1 and _after_sentence_end(text, start):
                first = words[0].lower()
                if first in _STARTERS or has_lower_word(doc, first, hyphens=False) or words[1] == "of":
                    words = words[1:]  # an ordinary word capitalised only because a sentence starts there
                    while words and words[0].islower():
                        words = words[1:]  # and the particle after it ("Residents of Multan")
            if len(words) < 2:
                continue
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    rest = words[:i] + words[j:]
                    if j - i < len(words) and not all(w.casefold() in _PLACE_WORDS for w in rest):
                        keys.add(_key(" ".join(words[i:j])))
    return frozenset(keys)


# Words that make a longer name out of a place's without making it a person's or a firm's ("Kandahar Airport",
# "Greater Manchester", "University of Lagos"): the place inside is still a place.
_PLACE_WORDS = frozenset("""airport university province region state city county district stadium port bay river lake
    valley square street road avenue hospital international central north south east west northern southern eastern
    western upper lower greater new old mosque bridge station harbour harbor island islands mountains hills of the de
    la governorate oblast prefecture municipality metropolitan area basin delta coast peninsula""".split())


def _after_sentence_end(text: str, start: int) -> bool:
    """Nothing but white space before start, or white space after sentence-ending or opening punctuation."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in ".!?\"“”‘’:—–-(\n"


class GeoKind(Kind):
    """Common ground for the gazetteer kinds: prose blocks only, and a lazily loaded gazetteer."""

    DEFAULT_SCOPES = _PROSE

    def prose(self, doc: Document) -> Iterator[ProseBlock]:
        for _, block in self.blocks(doc):
            yield block

    def located(self, doc: Document) -> list[tuple[ProseBlock, Mention]]:
        """Each 'X in Y' mention of the prose with its block, capitals excepted (the capital kind judges
        those): one shared pass per document and set of scopes."""
        scopes = self.rule.scopes if self.rule.scopes is not None else self.DEFAULT_SCOPES
        return doc.memo(("facts:located", scopes), lambda: self._located(doc))

    def _located(self, doc: Document) -> list[tuple[ProseBlock, Mention]]:
        mentions = document_mentions(doc)
        return [(block, m) for block in self.prose(doc) for m in mentions.of(block.text)
                if m.noun != "capital" or m.pattern.startswith("bearing")]

    def claim_finding(self, doc: Document, block: ProseBlock, start: int, end: int, part: tuple[int, int],
                      replacements: list[str], **values) -> Finding:
        """A finding on a whole claim (text[start:end]: the place and what it is said to be), whose fix rewrites
        only its wrong part (text[part]); one suggestion per replacement, the fix only when there is one."""
        text = block.text
        whole = [text[start:part[0]] + r + text[part[1]:end] for r in replacements]
        return self.finding(doc, block, start, end, whole[0] if len(whole) == 1 else None, suggestions=whole,
                            **values)

    @staticmethod
    def hyphenated(doc: Document) -> bool:
        """Whether the document writes compound compass words with a hyphen ('north-east')."""
        import regex

        text = doc.prose
        with_h = len(regex.findall(r"(?i)\b(?:north|south)-(?:east|west)", text))
        without = len(regex.findall(r"(?i)\b(?:north|south)(?:east|west)", text))
        return with_h >= without


def _country_code(g, name: str, adjective: bool = False) -> str | None:
    """The single current country a name (or adjective) stands for, else None (unknown, historic, or a region too)."""
    if g.is_historic(name):
        return None
    codes = g.country_of_demonym(name) if adjective else ()
    codes = codes or g.countries_named(name)
    if len(codes) != 1 or (not adjective and g.regions_named(name) and not _own_name(g, name)):
        return None
    return codes[0]


def place_name(g, span: "Span", doc: Document | None = None, block: ProseBlock | None = None) -> "Span | None":
    """The place a run of capitalised words names: the run itself, or its longest tail the gazetteer knows as a
    town of 15,000+ ('Residents of Multan' -> 'Multan', 'In Lyon' -> 'Lyon'); a single word that opens a
    sentence and that the document also writes in lower case ('Much of ...') is no place."""
    from ..data.mentions import Span

    text = span.text
    if g.places(text):
        if doc is not None and block is not None and " " not in text and _after_sentence_end(block.text, span.start):
            if text.lower() in _STARTERS or has_lower_word(doc, text.lower(), hyphens=False):
                return None
            if not block.text.startswith(",", span.end) and g.places(text)[0].population < 100_000:
                return None  # "Police in France": a small town's name opening a sentence is likely a word
        return span
    pos = text.find(" ")
    while pos != -1:
        rest = text[pos + 1:]
        if rest[:1].isupper() and g.places(rest):
            return Span(rest, span.start + pos + 1, span.end)
        pos = text.find(" ", pos + 1)
    return None


def _divisions(g, y: str, x: str | None = None) -> tuple[str, ...]:
    """First-level divisions ('CC.admin1') a name stands for: US states and every country's states/provinces;
    when the name is also a town's, only divisions in that town's country ('Manchester' is a Jamaican parish
    too, but "in Manchester" means the English city), unless the place x said to lie in y is in a country of
    one of the divisions and in none of the towns' ("Hamilton, Ontario": the province, not the Californian city)."""
    from ..data import regions

    found = {r for r in g.regions_named(y) if "." in r}
    found.update(regions.divisions_named(y))
    towns = {p.country for p in g.places(y) if p.population >= 100_000}
    if towns:
        homes = {p.country for p in g.places(x)} if x else set()  # towns of 15,000+: the place's likely countries
        if homes & {d.partition(".")[0] for d in found} and not homes & towns:
            return tuple(sorted(d for d in found if d.partition(".")[0] in homes))
        found = {d for d in found if d.partition(".")[0] in towns}
    return tuple(sorted(found))


class PlaceCountry(GeoKind):
    """A town said to lie in a country or first-level division (state, province) where no place of that name
    lies."""

    NAME = "place-country"

    def check(self, doc: Document) -> Iterable[Finding]:
        g = None
        for block, m in self.located(doc):
            if m.pattern in ("bearing", "bearing-far"):
                continue
            g = g or _gaz()
            found = self._judge(doc, block, g, m)
            if found is not None:
                yield found

    def _judge(self, doc: Document, block: ProseBlock, g, m) -> Finding | None:
        from ..data import subregions

        if m.y_is_adjective and subregions.of_adjective(_trim(m.y.text)):
            return None  # "the Gulf state of Qatar": a part of a continent (the compass rule's), not a province
        if m.pattern == "noun" and m.noun in _DIVISION_NOUNS and _country_code(g, _trim(m.x.text)) and \
                not g.country_of_demonym(_trim(m.y.text)) and not g.countries_named(_trim(m.y.text)):
            return self._division(doc, block, g, m.y, m.x, m)  # "the Tigray region of Eritrea"
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
        if not codes and not divisions:
            return None
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
                                claimed=y, actual=actual)
        return self.claim_finding(doc, block, claim_start, claim_end, (start, y_end), suggestions[:1], place=x,
                                  claimed=y, actual=actual)

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


def _claimed_division(place, as_division: bool, divisions: tuple[str, ...]) -> bool:
    """Whether to name the place's division (a division of its country was claimed: "Miami, Georgia")."""
    return as_division or any(d.startswith(place.country + ".") for d in divisions)


# A town this big is seldom a person's or a firm's name, and a village that shares its name is seldom meant.
_BIG_TOWN = 300_000
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
_DIVISION_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast|prefecture)\b")


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


class Compass(GeoKind):
    """'Mosul in southern Iraq': the place lies in another part of the country or division; 'Mosul, north of
    Basra': the place lies another way from the other."""

    NAME = "compass"

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data import compass as cp

        yield from self._regions(doc)
        g = None
        judged: set[int] = set()
        for block, m in self.located(doc):
            if m.compass is None:
                g = g or _gaz()
                m = _split_compass(m, g)  # "in West Texas", "in Southern California"
                if m is None:
                    continue
            direction = cp.parse(m.compass.text)
            if direction is None:
                continue
            g = g or _gaz()
            if m.pattern in ("bearing", "bearing-far"):
                if m.compass.start in judged:
                    continue
                found = self._bearing(doc, block, g, cp, m, direction)
                if found is not None:
                    judged.add(m.compass.start)
                    if found is not False:
                        yield found
                continue
            if m.compass.start > m.y.start and not _compass_places_x(block.text, m) or m.pattern == "in-list":
                continue  # (a list's places are judged by the one the phrase follows)
            found = self._division(doc, block, g, cp, m, direction)
            if found is not None:
                if found is not False:
                    yield found
                continue
            found = self._placed_division(doc, block, g, cp, m, direction)
            if found is not None:
                if found is not False:
                    yield found
                continue
            xs = place_name(g, m.x, doc, block)
            if xs is None:
                continue
            x = xs.text
            y = _trim(m.y.text)
            if m.pattern == "noun-own":  # "the southern city of X, Y": the country named right after
                y = next((_trim(o.y.text) for b, o in self.located(doc) if b is block and o.x.start == m.x.start
                          and o.pattern in ("comma", "paren") and o.compass is None), y)
            if y in ("country", "nation"):  # "in the north of the country": the one named last
                cc = recent_country(doc, block, m.y.start, g)
                if cc is None or not any(p.country == cc for p in g.places(x)):
                    continue
                y = g.display(cc)
            cc = _country_code(g, y, adjective=m.y_is_adjective)
            if cc is None and g.is_historic(y):  # "in eastern Congo": the one of its states the town is in
                states = {p.country for p in g.places(x)} & set(g.countries_named(y) or g.country_of_demonym(y))
                cc = states.pop() if len(states) == 1 else None
            area = cc
            if cc is None:
                cc, area = _compass_area(g, x, y)
                if area != cc and _division_lies(g, cp, area, direction):
                    cc = area = None
            if cc is None:
                divisions = _divisions(g, y)
                if len(divisions) == 1 and not g.countries_named(y) and not _division_lies(g, cp, divisions[0],
                                                                                             direction):
                    area, cc = divisions[0], divisions[0].partition(".")[0]
            if cc is None:
                continue
            inside = [p for p in g.places(x) if p.country == cc and (area == cc or f"{cc}.{p.admin1}" == area)]
            others = [r for r in g.readings(x) if r.startswith(cc + ".") and not r.endswith(".*")
                      and (area == cc or r == area)]
            inside.sort(key=lambda p: -p.population)
            if inside and inside[0].population >= _BIG_TOWN and all(p.population * 20 < inside[0].population
                                                                    for p in inside[1:]):
                inside, others = inside[:1], []  # a city of 300,000+ is the one meant, not a village of its name
            if not inside or len(others) > len(inside):
                continue  # a smaller place or a region of that name may be the one meant
            positions = [cp.locate(g, p, area) for p in inside]
            if any(pos is None or not cp.contradicts(direction, pos) for pos in positions):
                # 'on India's west coast': a coast is judged across the country where the town lies
                coast = area == cc and not (direction.ns and direction.ew) and not direction.central and \
                    _COAST.search(block.text, m.compass.end, m.compass.end + 30)
                positions = [cp.across(g, p, cc) for p in inside] if coast else [None]
                if any(pos is None or not cp.contradicts(direction, pos) for pos in positions):
                    continue
            if _key(x) in non_place_names(doc) or _division_fits(g, cp, x, cc, direction):  # the dearest test last
                continue
            actual = cp.word_for(cp.along(direction, positions[0]), m.compass.text, self.hyphenated(doc))
            where = g.display(cc).removeprefix("the ") if area == cc else _area_name(g, area)
            part = cp.word_for(cp.along(direction, positions[0]), "northern", self.hyphenated(doc))
            yield self.claim_finding(doc, block, *_claim_span(m, xs), (m.compass.start, m.compass.end), [actual],
                                     place=x, actual=actual, match=m.compass.text,
                                     detail=f"lies in the {part} part of {where}, not the '{m.compass.text}' part")

    def _regions(self, doc: Document) -> Iterator[Finding]:
        """'Kenya, a West African nation', 'the Gulf state of Oman', 'Ghana, in East Africa': a country (or a
        town's country) that no account counts in that part of its continent."""
        from ..data import subregions
        from ..data.mentions import region_claims

        g = None
        for block in self.prose(doc):
            for claim in region_claims(block.text):
                region = subregions.named(claim.region.text) or subregions.of_adjective(claim.region.text)
                if region is None:
                    continue
                g = g or _gaz()
                name = _trim(claim.x.text)
                for word in ("The ", "In "):
                    name = name.removeprefix(word)
                codes = () if g.is_historic(name) else g.countries_named(name)
                if not codes and claim.town:
                    top = _dominant(g, name)
                    codes = (top.country,) if top is not None and top.population >= 100_000 else ()
                if not codes or any(region.holds(c) for c in codes) or _key(name) in non_place_names(doc):
                    continue
                if claim.town and region.name in _SEA_REGIONS:
                    continue  # "the Baltic port of Gdansk", "a Gulf port": on that sea, not in those states
                if not claim.town and g.regions_named(name) and not _own_name(g, name):
                    continue  # "Georgia": a US state too
                home = next((r.name for r in subregions.containing(codes[0])), None)
                where = g.display(codes[0]).removeprefix("the ")
                detail = (f"is not in {region.name}" + (f": {where} is in {home}" if home and where != name else
                                                         f" but in {home}" if home else ""))
                start = min(claim.x.start, claim.region.start)
                end = max(claim.x.end, claim.region.end)
                yield self.finding(doc, block, start, end, None, place=name, detail=detail)

    def _division(self, doc, block, g, cp, m, direction):
        """'in the eastern state of Kerala', 'the southern Indian state of Kerala': the compass word places a
        division in its country, judged by the median of its places. False: a division claim, not judged."""
        from ..data import regions

        if m.noun == "division-of":
            division, country = m.y, None
        elif m.pattern == "noun" and m.noun in ("state", "province", "region"):
            division, country = m.x, _country_code(g, _trim(m.y.text), adjective=True)
        else:
            return None
        codes = [d for d in _divisions(g, _trim(division.text)) if country is None or d.startswith(country + ".")]
        if len(codes) != 1:
            return False
        cc = codes[0].partition(".")[0]
        middle = regions.centre(codes[0])
        pos = regions.spread_of(*middle, cc) if middle else None
        if pos is None or not cp.contradicts(direction, pos):
            return False
        actual = cp.word_for(cp.along(direction, pos), m.compass.text, self.hyphenated(doc))
        name = _trim(division.text)
        return self.finding(doc, block, m.compass.start, m.compass.end, actual, place=name, actual=actual,
                            detail=f"lies in the {actual} part of {g.display(cc).removeprefix('the ')}, not the "
                                   f"'{m.compass.text}' part")

    def _placed_division(self, doc, block, g, cp, m, direction):
        """'Bavaria in northern Germany', 'Kerala, in the north of India': a first-level division (no town of
        that name) placed in a part of its country, judged by the median of its places like a town. None: not
        a division; False: a division in that part."""
        from ..data import regions

        if m.pattern not in ("in", "appos", "comma", "paren") or m.compass.start > m.y.start and m.pattern not in ("in", "appos"):
            return None
        name = _trim(m.x.text)
        for word in ("The ", "In "):
            name = name.removeprefix(word)
        cc = _country_code(g, _trim(m.y.text))
        if cc is None or g.places(name) or _key(name) in non_place_names(doc):
            return None
        codes = [d for d in _divisions(g, name) if d.startswith(cc + ".")]
        if not codes or g.countries_named(name):
            return None
        middles = [regions.centre(code) for code in codes]  # (Papua: the province and the ones split from it)
        spots = [regions.spread_of(*middle, cc) if middle else None for middle in middles]
        if any(pos is None or not cp.contradicts(direction, pos) for pos in spots):
            return False
        pos = spots[0]
        actual = cp.word_for(cp.along(direction, pos), m.compass.text, self.hyphenated(doc))
        part = cp.word_for(cp.along(direction, pos), "northern", self.hyphenated(doc))
        start = m.x.end - len(name)
        xs = type(m.x)(name, start, m.x.end)
        return self.claim_finding(doc, block, *_claim_span(m, xs), (m.compass.start, m.compass.end), [actual],
                                  place=name, actual=actual, match=m.compass.text,
                                  detail=f"lies in the {part} part of {g.display(cc).removeprefix('the ')}, not "
                                         f"the '{m.compass.text}' part")

    def _distance(self, doc, block, m, xs, y: str, km: float):
        """'X, 400 km north of Y': the distance given against the straight line between them. A road is longer
        than the line (up to two and a half times, with 20 km to spare), never much shorter (six tenths, 10
        km): outside that band, flagged. False: judged and right (or no distance given)."""
        claimed = _claimed_km(m.dist.text) if m.dist is not None else None
        if claimed is None or 0.6 * km - 10 <= claimed <= 2.5 * km + 20:
            return False
        miles = "mi" in m.dist.text.casefold() and "km" not in m.dist.text.casefold()
        real = f"{km / 1.609344:,.0f} miles" if miles else f"{km:,.0f} km"
        return self.finding(doc, block, m.dist.start, m.dist.end, None, place=xs.text, actual=real,
                            match=m.dist.text, detail=f"lies about {real} from {y} in a straight line, not "
                                                      f"{m.dist.text}")

    def _bearing(self, doc, block, g, cp, m, direction) -> Finding | None:
        """'X, 40 km north of Y': the bearing from Y to X against the direction said (both unambiguous towns)."""
        xs = place_name(g, m.x, doc, block)
        if direction.central or xs is None or g.countries_named(m.y.text) or g.countries_named(xs.text):
            return None
        y = m.y.text
        if m.noun == "capital":  # "south of the capital": of the country named last
            own = recent_country(doc, block, m.x.start, g)
            y = g.capital(own) if own else ""
            if not y:
                return False
        if (g.regions_named(xs.text) or _divisions(g, xs.text)) and block.text[:xs.start].rstrip().endswith(","):
            return None  # "X, Texas, 50 miles north of Y": the town comes before its state
        b = _dominant(g, y)
        a = _dominant(g, xs.text)
        if a is None and b is not None:  # a shared name: the one in Y's country, when there is one
            same = [p for p in g.places(xs.text) if p.country == b.country]
            a = same[0] if len(same) == 1 else None
        if a is None or b is None:
            return None
        if m.pattern == "bearing-far" and (a.country != b.country or cp.distance_km((a.lat, a.lon), (b.lat, b.lon)) > 1500):
            return None  # a name further off: judged only when both towns lie in one country
        if _key(xs.text) in non_place_names(doc) or _key(m.y.text) in non_place_names(doc):
            return None
        km = cp.distance_km((b.lat, b.lon), (a.lat, a.lon))
        if km < 15:
            return False
        said = cp.POINTS[cp.point_name(direction)]
        real = cp.bearing((b.lat, b.lon), (a.lat, a.lon))
        if cp.angle_between(said, real) <= 100:
            return self._distance(doc, block, m, xs, y, km)
        actual = cp.point_of(real, cardinal=not (direction.ns and direction.ew))
        word = m.compass.text
        if "-" not in word and "-" in actual:
            actual = actual.replace("-", "") if not self.hyphenated(doc) else actual
        actual = actual[0].upper() + actual[1:] if word[:1].isupper() else actual
        return self.claim_finding(doc, block, *_claim_span(m, xs), (m.compass.start, m.compass.end), [actual],
                                  place=xs.text, actual=actual, match=word,
                                  detail=f"lies {actual} of {y} (about {km:.0f} km), not '{word}'")


_COAST = re.compile(r"\A\s*(?:coast|coastline|seaboard|shore)")
# Parts of continents named after a sea: a port "on" them may belong to any coastal country.
_SEA_REGIONS = frozenset(("Baltic states", "Gulf", "Caribbean"))


def _landlocked(g, name: str) -> bool:
    from ..data import country_facts

    codes = g.countries_named(name)
    return len(codes) == 1 and bool(country_facts.landlocked(codes[0]))


def _own_name(g, name: str) -> bool:
    """Whether a name that is also a region's is its country's own (Mexico, Belize: the state or district lies
    in that country), not a region elsewhere (Georgia, Niger State) or a part of a country (Scotland)."""
    codes = g.countries_named(name)
    if len(codes) != 1 or _key(g.display(codes[0]).removeprefix("the ")) != _key(name):
        return False
    return all(r.partition(".")[0] == codes[0] for r in g.regions_named(name))


def _division_fits(g, cp, name: str, cc: str, direction) -> bool:
    """Whether a division of that name in the country lies in that part ("Washington in the north-western US":
    the state, not the city)."""
    from ..data import regions

    for code in _divisions(g, name):
        middle = regions.centre(code) if code.startswith(cc + ".") else None
        pos = regions.spread_of(*middle, cc) if middle else None
        if pos is not None and not cp.contradicts(direction, pos):
            return True
    return False


def _compass_places_x(text: str, m) -> bool:
    """Whether a compass word after the area still places X ("Y's southern city of X", "X, a city in Y's
    south"), not a division named after it ("Y's southern state of X")."""
    if m.pattern in ("in", "noun-own", "appos", "appos-poss", "in-appos"):
        return True
    return m.pattern == "poss" and not _DIVISION_AFTER.match(text, m.compass.end)


def _compass_area(g, x: str, y: str) -> tuple[str | None, str | None]:
    """(country, area) for a name that is both a country's and a division's or region's ("Mexico", the state;
    "Mali", a town in Guinea; "Scotland", a part of the UK; "Florida", a US state and an Uruguayan department):
    the country when the name is its own and X lies there; the one division of that name X lies in."""
    codes = g.countries_named(y)
    if len(codes) == 1 and not g.is_historic(y) and _key(g.display(codes[0]).removeprefix("the ")) == _key(y):
        if any(p.country == codes[0] for p in g.places(x)):
            return codes[0], codes[0]
    homes = {f"{p.country}.{p.admin1}" for p in g.places(x)}
    divisions = [d for d in _divisions(g, y) if d in homes]
    if len(divisions) == 1 and (not codes or codes == (divisions[0].partition(".")[0],)
                                or not any(p.country in codes for p in g.places(x))):
        return divisions[0].partition(".")[0], divisions[0]
    return None, None


_DISTANCE = re.compile(r"([\d,.]*\d)\s*(km|kilomet(?:re|er)s|miles|mi)\Z")


def _claimed_km(text: str) -> float | None:
    m = _DISTANCE.match(text)
    if m is None:
        return None
    try:
        value = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    return value * (1.609344 if m.group(2).startswith("mi") else 1.0)


def _claim_span(m, xs) -> tuple[int, int]:
    """The claim a compass finding marks: from the place to the compass word or the area, whichever ends later
    (and from the area's adjective when it comes first: "the southern Iraqi city of Basra")."""
    start = min(xs.start, m.compass.start, m.y.start if m.y.start >= 0 else m.compass.start)
    end = max(xs.end, m.compass.end, m.y.end)
    if end - start > 120:  # a bearing read far off: the compass phrase alone
        return m.compass.start, max(m.compass.end, m.y.end)
    return start, end


def _split_compass(m, g):
    """'X in West Texas', 'the East Texas city of X': a capitalised compass word before a division or a country
    that does not make a name with it (West Virginia, South Africa and North Korea do) read as a compass word."""
    from dataclasses import replace

    from ..data.mentions import Span

    first, _, rest = m.y.text.partition(" ")
    if not rest or first.casefold() not in _COMPASS_FIRST or m.pattern not in ("in", "appos", "noun", "comma"):
        return None
    whole = _trim(m.y.text)
    if g.countries_named(whole) or g.country_of_demonym(whole) or _divisions(g, whole) or g.places(whole) \
            or g.regions_named(whole) or not (_divisions(g, rest) or g.countries_named(rest)
                                              or g.country_of_demonym(rest)):
        return None
    start = m.y.start + len(first) + 1
    return replace(m, compass=Span(first, m.y.start, m.y.start + len(first)), y=Span(rest, start, m.y.end))


_COMPASS_FIRST = frozenset("north south east west northern southern eastern western central".split())
# Federations whose states copy divides by compass ("West Texas", "southern Queensland") whatever part of the
# country the state lies in.
_PARTED_STATES = ("US.", "AU.", "CA.")


def _division_lies(g, cp, division: str, direction) -> bool:
    """Whether a division itself lies in that part of its country ("southern Andalusia" may just say that
    Andalusia is in the south of Spain); never for the states of _PARTED_STATES."""
    from ..data import regions

    if division.startswith(_PARTED_STATES):
        return False
    middle = regions.centre(division)
    pos = regions.spread_of(*middle, division.partition(".")[0]) if middle else None
    if pos is None:
        return True
    inverse = cp.Direction({"north": "south", "south": "north"}.get(direction.ns, ""),
                           {"east": "west", "west": "east"}.get(direction.ew, ""), direction.central)
    return direction.central or cp.contradicts(inverse, pos)


def _dominant(g, name: str):
    """The town a name means when one place of that name clearly dominates (3 times the next's population)."""
    places = g.places(name)
    if not places:
        return None
    top = places[0]
    if any(p.population * 3 >= top.population for p in places[1:]):
        return None
    return top


def _area_name(g, area: str) -> str:
    from ..data import regions

    cc, _, admin1 = area.partition(".")
    return g.us_state(admin1) if cc == "US" else regions.division_name(area)


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
                            opens_clause(text, m.end("x")):
                        continue  # "the capital of Y, X ... is": X opens a new clause, it is no appositive
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
        if "y" not in m.re.groupindex and "adj" not in m.re.groupindex:
            return self._own(doc, block, g, m, x)
        y = _trim(m.group("adj") if adjective else m.group("y"))
        if not g.readings(x) or g.countries_named(x):
            return None
        big = bool(g.places(x)) and g.places(x)[0].population >= 100_000
        if not big and _key(x) in non_place_names(doc):
            return None  # a big town called a capital is a place, whatever longer names hold its name
        x_start = m.end("x") - len(x)
        division = regions.division_of_adjective(y) if adjective else None
        if division is not None:
            adjective, y = False, division[1]  # "the Scottish capital": of Scotland, not of Britain
        cc = None if division is not None else _country_code(g, y, adjective=adjective)
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
        if any(g.is_capital(x, c) for c in g.countries_named(y)) or g.is_historic(y):
            return None
        if adjective and g.country_of_demonym(y):
            return None
        homes = {d.partition(".")[0] for d in (*_divisions(g, y), *regions.divisions_named(y), *g.regions_named(y))}
        known = [(c, caps) for c in sorted(homes | {"US"}) if (caps := regions.division_capitals(c, y))]
        if len(known) != 1 or any(_key(x) == _key(c) for c in known[0][1]):
            return None
        capital = known[0][1][0]
        return self.claim_finding(doc, block, *claim, (x_start, m.end("x")), [capital], place=x, country=y,
                                  capital=capital)


    def _own(self, doc, block, g, m, x: str) -> Finding | None:
        """'the capital, X': the capital of the article's own country (the one it names most, and at least
        twice as often as any other), judged only when X lies in that country."""
        cc = recent_country(doc, block, m.start(), g)
        if cc is None or not g.capital(cc) or g.is_capital(x, cc) or g.countries_named(x):
            return None
        places = g.places(x)
        if not places or places[0].country != cc or _key(x) in non_place_names(doc):
            return None
        x_start = m.end("x") - len(x)
        return self.finding(doc, block, x_start, m.end("x"), g.capital(cc), place=x,
                            country=g.display(cc).removeprefix("the "), capital=g.capital(cc))


_DIVISION_WORD = re.compile(r"\s*(?:state|province|region|territory|governorate|oblast|prefecture)\b", re.I)


def regions_named_any(g, name: str) -> bool:
    """Whether a name is a first-level division's anywhere (a state, province or region)."""
    from ..data import regions

    return bool(regions.divisions_named(_trim(name)) or g.regions_named(_trim(name)))


def recent_country(doc: Document, block: ProseBlock, pos: int, g) -> str | None:
    """The country 'the country' or 'the capital' at pos refers to: the last one named before it in its
    paragraph or the two before, else the article's own (main_country)."""
    index = next((i for i, b in enumerate(doc.blocks) if b is block), None)
    texts = [(block.text, pos)]
    if index is not None:
        texts += [(doc.blocks[i].text, len(doc.blocks[i].text)) for i in range(index - 1, max(index - 3, -1), -1)]
    for text, end in texts:
        found = _countries_before(g, text, end, whole=True)
        if found:
            return found[-1]
    return main_country(doc, g)


def main_country(doc: Document, g) -> str | None:
    """The country an article is about: named (or its adjective used) most, at least three times and twice
    as often as any other."""
    def compute() -> str | None:
        from collections import Counter

        counts: Counter[str] = Counter()
        for block in doc.blocks:
            for start, end in capitalised_runs(block.text):
                run = _trim(block.text[start:end])
                for name in (run, run.split()[-1]) if " " in run else (run,):
                    codes = () if g.is_historic(name) else g.countries_named(name) or g.country_of_demonym(name)
                    if len(codes) == 1:
                        counts[codes[0]] += 1
                        break
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    return doc.memo("facts:main-country", compute)


# Former names of countries still in use (copylint.data.countries.ALIASES): a capital claim that uses one is
# about the past.
_FORMER_NAMES = frozenset(_key(n) for n in """Burma Ceylon Zaire Swaziland Siam Persia Rhodesia Dahomey Upper_Volta
    Kampuchea Bechuanaland Basutoland Nyasaland Tanganyika Gold_Coast East_Pakistan Moldavia""".replace("_", " ").split())


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


_THE_COUNTRY_BORDERS = re.compile(r"\b[Tt]he\s+(?:country|nation),?\s+(?:which\s+)?(?:borders|shares\s+(?:a\s+)?"
                                  r"(?:land\s+)?borders?\s+with)\s+")


class Neighbour(GeoKind):
    """'France borders Portugal' (it does not), or a neighbour put on the wrong side."""

    NAME = "neighbour"

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data import compass as cp
        from ..data.mentions import near_border_pattern, neighbour_claims

        prose = doc.prose
        if "border" not in prose and "eighbo" not in prose and "frontier" not in prose and "between" not in prose:
            return
        g = None
        for block in self.prose(doc):
            text = block.text
            seen: set[int] = set()
            for m in border_pattern().finditer(text) if "border" in text else ():
                g = g or _gaz()
                cc = _country_of_run(g, m.group("y")) or _division_of_run(g, m.group("y"))
                if cc is not None:
                    yield from self._listed(doc, block, g, cp, cc, m.end(), seen)
            for m in _THE_COUNTRY_BORDERS.finditer(text) if "border" in text else ():
                # "the country, which borders A and B": the one country the paragraph named before it (else the
                # last one an earlier paragraph named, if that is the article's own); two named, and "the country"
                # may be either
                g = g or _gaz()
                named = set(_countries_before(g, text, m.start(), whole=True))
                cc = named.pop() if len(named) == 1 else None if named else _last_named_is_main(doc, block, g)
                if cc is not None:
                    yield from self._listed(doc, block, g, cp, cc, m.end(), seen)
            for m in near_border_pattern().finditer(text) if "border" in text or "frontier" in text else ():
                seen.add(m.start("z"))
                g = g or _gaz()
                found = self._near_border(doc, block, g, cp, m)
                if found is not None:
                    yield found
            for claim in neighbour_claims(text):
                if claim.z.start in seen:
                    continue
                g = g or _gaz()
                found = self._claim(doc, block, g, cp, claim)
                if found is not None:
                    yield found

    def _claim(self, doc, block, g, cp, claim) -> Finding | None:
        z = _trim(claim.z.text)
        other = _country_of_run(g, z)
        if claim.y is not None and (other is None or _country_of_run(g, claim.y.text) is None):
            y = _country_of_run(g, claim.y.text) or _division_of_run(g, claim.y.text)
            other = other or (_division_of_run(g, z, near=y) if y else None)
            if y is not None and other is not None and ("." in y or "." in other) and y != other:
                return self._divisions(doc, block, g, y, other, claim.z.start, z)
            return None
        if other is None:
            return None
        if claim.y is None:
            # "neighbouring Z": next to the country named last before it in the sentence; judged only when no
            # country named before it there, nor the article's own country, borders Z.
            named = _countries_before(g, block.text, claim.z.start)
            own = main_country(doc, g)
            anchors = [*named, *([own] if own else [])]
            if not named or any(a == other or other in g.neighbours(a) or a in g.neighbours(other)
                                for a in anchors):
                return None
            cc, loose = named[-1], True  # islands and close shores count
        else:
            cc, loose = _country_of_run(g, claim.y.text), False
        if cc is None or cc == other:
            return None
        country = g.display(cc).removeprefix("the ")
        if other not in g.neighbours(cc) and cc not in g.neighbours(other):
            if loose and (not g.neighbours(cc) or not g.neighbours(other)):
                return None
            if _gap_km(g, cp, cc, other) > _gap_limit(g, cc, other, loose) and not _sea_between(g, cp, cc, other):
                return self.finding(doc, block, claim.z.start, claim.z.start + len(z), None,
                                    country=country, other=z, actual="does not border it")
            return None
        if claim.compass is None:
            return None
        direction = cp.parse(claim.compass.text)
        real = _border_bearing(g, cp, cc, other)
        if direction is None or direction.central or real is None:
            return None
        if cp.angle_between(cp.POINTS[cp.point_name(direction)], real) <= 100:
            return None
        actual = cp.point_of(real, cardinal=not (direction.ns and direction.ew))
        word = cp.word_for(cp.parse(actual.replace("-", "")) or direction, claim.compass.text, self.hyphenated(doc))
        return self.finding(doc, block, claim.compass.start, claim.compass.end, word, country=country, other=z,
                            actual=f"lies to the {actual}")

    def _listed(self, doc, block, g, cp, cc: str, pos: int, seen: set[int]) -> Iterator[Finding]:
        """The neighbours listed from pos on ("A, B and C"), each judged against cc (a country or division)."""
        text = block.text
        listed, separator = border_list_patterns()
        while True:
            item = listed.match(text, pos)
            if item is None:
                break
            z = _trim(item.group("z"))
            seen.add(item.start("z"))
            other = _country_of_run(g, z) or _division_of_run(g, z, near=cc)
            if other is not None and other != cc:
                if "." in cc or "." in other:
                    found = self._divisions(doc, block, g, cc, other, item.start("z"), z)
                    yield from (found,) if found is not None else ()
                else:
                    yield from self._judge(doc, block, g, cp, cc, other, item, z)
            sep = separator.match(text, item.end())
            if sep is None:
                break
            pos = sep.end()

    def _near_border(self, doc, block, g, cp, m) -> Finding | None:
        """'X, near the border with Z': a country or division X must border Z; a town X must lie in a country that
        borders Z (or in Z's neighbour) and within 400 km of one of Z's towns (1-degree cells)."""
        z = _trim(m.group("z"))
        other = _country_of_run(g, z)
        if other is None:
            return None
        start = m.start("z")
        x = _trim(m.group("x"))
        cc = _country_of_run(g, x)
        if cc is not None:
            if cc == other or other in g.neighbours(cc) or cc in g.neighbours(other):
                return None
            if _gap_km(g, cp, cc, other) > _gap_limit(g, cc, other) and not _sea_between(g, cp, cc, other):
                return self.finding(doc, block, start, start + len(z), None, country=g.display(cc).removeprefix("the "),
                                    other=z, actual="does not border it")
            return None
        from ..data.mentions import Span

        span = place_name(g, Span(m.group("x"), m.start("x"), m.end("x")), doc, block)
        town = _dominant(g, span.text) if span is not None else None
        if town is None or town.population < 50_000:
            division = _division_of_run(g, x)  # (a town's name first: most divisions are named after their seat)
            return self._divisions(doc, block, g, division, other, start, z) if division is not None else None
        if town.country == other or not g.cells(other):
            return None
        if any(r.partition(".")[0] == other or other in g.neighbours(r.partition(".")[0])
               for r in g.readings(span.text) if r.partition(".")[0] != town.country):
            return None  # a homonym in Z or next to it may be the one meant
        km = min(cp.distance_km((town.lat, town.lon), (la + 0.5, lo + 0.5)) for la, lo in g.cells(other))
        if km <= 400:
            return None
        return self.finding(doc, block, start, start + len(z), None, country=span.text, other=z,
                            actual=f"lies about {round(km, -2):.0f} km from it (its nearest towns)")

    def _divisions(self, doc, block, g, a: str, b: str, start: int, z: str) -> Finding | None:
        """A border claim with a first-level division on one side (a division or country on the other): flagged
        when the division map keeps them apart and a third division's towns lie all along the line between."""
        from ..data import borders

        if "." not in a:
            a, b = b, a
        if not borders.known(a) or ("." in b and not borders.known(b)) or borders.may_border(a, b):
            return None
        if "." in b and borders.may_border(b, a):
            return None
        if not borders.separated(g, a, b):
            return None
        name = _area_name(g, a)
        return self.finding(doc, block, start, start + len(z), None, country=name, other=z,
                            actual="does not border it")

    def _judge(self, doc, block, g, cp, cc, other, item, z) -> Iterator[Finding]:
        country = g.display(cc).removeprefix("the ")
        if other not in g.neighbours(cc) and cc not in g.neighbours(other):
            if _gap_km(g, cp, cc, other) > _gap_limit(g, cc, other) and not _sea_between(g, cp, cc, other):
                yield self.finding(doc, block, item.start("z"), item.start("z") + len(z), None,
                                   country=country, other=z, actual="does not border it")
            return
        if item.group("d") is None:
            return
        said = item.group("d").casefold().replace(" ", "-")
        said = {"northeast": "north-east", "northwest": "north-west", "southeast": "south-east",
                "southwest": "south-west"}.get(said, said)
        real = _border_bearing(g, cp, cc, other)
        if real is None or cp.angle_between(cp.POINTS[said], real) <= 100:
            return
        actual = cp.point_of(real, cardinal="-" not in said)
        word = item.group("d")
        if "-" not in word and "-" in actual and (" " in word or len(word) > 5):
            actual = actual.replace("-", "")
        yield self.finding(doc, block, item.start("d"), item.end("d"), actual, country=country, other=z,
                           actual=f"lies to the {actual}")


def _division_of_run(g, run: str, near: str | None = None) -> str | None:
    """The one first-level division ('MX.26') a run of capitalised words names ('Sonora', 'Sonora State', 'the
    Punjab province' when near names Pakistan or one of its divisions), not a country's name; None when the
    name is a country's or stands for several divisions."""
    from ..data import regions

    words = [w for w in _trim(run).split() if w.casefold() not in regions.GENERIC]
    name = " ".join(words)
    if not name or g.countries_named(name) or g.country_of_demonym(name):
        return None
    found = _divisions(g, name)
    if near is not None and len(found) > 1:
        cc = near.partition(".")[0]
        found = tuple(d for d in found if d.partition(".")[0] == cc) or found
    return found[0] if len(found) == 1 else None


def _last_named_is_main(doc: Document, block, g) -> str | None:
    """The article's own country when no paragraph before this block names another one last, else None."""
    main = main_country(doc, g)
    index = next((i for i, b in enumerate(doc.blocks) if b is block), 0)
    for earlier in reversed(doc.blocks[:index]):
        named = _countries_before(g, earlier.text, len(earlier.text), whole=True)
        if named:
            return main if named[-1] == main else None
    return main


def _countries_before(g, text: str, pos: int, whole: bool = False) -> list[str]:
    """The countries named (or given by their adjective) before pos in the same sentence (whole: in the
    text), in order."""
    start = 0 if whole else max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    found = []
    for s, e in capitalised_runs(text[start:pos]):
        run = _trim(text[start + s:start + e])
        for name in (run, run.split()[-1]):
            code = _current_country(g, name)
            if code is not None:
                found.append(code)
                break
    return found


def _country_of_run(g, run: str) -> str | None:
    """The country a run of capitalised words ends with ('Landlocked Paraguay' -> PY), not a region's name."""
    words = _trim(run).split()
    for i in range(len(words)):
        name = " ".join(words[i:])
        if g.regions_named(name):
            return None
        code = _current_country(g, name)
        if code is not None:
            return code
    return None


def _current_country(g, name: str) -> str | None:
    """The country a name or adjective stands for; a name a split left to several ('Sudan') means the
    state that kept it (GeoNames' own country of that name)."""
    codes = g.countries_named(name) or g.country_of_demonym(name)
    if len(codes) == 1 and not g.is_historic(name):
        return codes[0]
    own = [c for c in codes if name_key(g.display(c).removeprefix("the ")) == name_key(name)]
    return own[0] if len(own) == 1 else None


def _gap_limit(g, a: str, b: str, loose: bool = False) -> float:
    """How far apart (between their towns' 1-degree cells, whose centres stand 70-110 km apart when next to each
    other) two countries said to border must be for the claim to be flagged. Both with land borders: 90 km
    (GeoNames lists every land border; towns in touching cells across a strait — Britain and France — still
    pass); "neighbouring", or an island state: 250 and 400 km (sea neighbours are called neighbours)."""
    if not (g.neighbours(a) and g.neighbours(b)):
        return 400.0
    return 250.0 if loose else 90.0


def _sea_between(g, cp, a: str, b: str) -> bool:
    """Whether only sea lies between two countries' nearest towns (within 250 km): no third country's towns in
    the 1-degree cells along the line between them (Denmark and Sweden; not Poland and Hungary)."""
    cells_a, cells_b = g.cells(a), g.cells(b)
    best = None
    for la, lo in cells_a:
        for lb, lob in cells_b:
            if abs(la - lb) > 4 or abs(lo - lob) > 4:
                continue
            d = cp.distance_km((la + 0.5, lo + 0.5), (lb + 0.5, lob + 0.5))
            if best is None or d < best[0]:
                best = (d, (la, lo), (lb, lob))
    if best is None or best[0] > 250:
        return False
    (la, lo), (lb, lob) = best[1], best[2]
    others = _cell_owners(g)
    for step in range(0, 11):
        t = step / 10
        cell = (int((la + 0.5 + t * (lb - la)) // 1), int((lo + 0.5 + t * (lob - lo)) // 1))
        if others.get(cell, frozenset()) - {a, b}:
            return False
    return True


def _cell_owners(g) -> dict[tuple[int, int], frozenset[str]]:
    """1-degree cell -> the countries with towns of 15,000+ in it (built once)."""
    global _OWNERS
    if _OWNERS is None:
        owners: dict[tuple[int, int], set[str]] = {}
        from ..data.country_facts import country_codes

        for code in country_codes():
            for cell in g.cells(code):
                owners.setdefault(cell, set()).add(code)
        _OWNERS = {k: frozenset(v) for k, v in owners.items()}
    return _OWNERS


_OWNERS: dict[tuple[int, int], frozenset[str]] | None = None


def _gap_km(g, cp, a: str, b: str) -> float:
    """Roughly how far apart two countries' cities come (1-degree cells)."""
    cells_a, cells_b = g.cells(a), g.cells(b)
    if not cells_a or not cells_b:
        return 0.0
    best = float("inf")
    for la, lo in cells_a:
        for lb, lob in cells_b:
            if abs(la - lb) > 12 or best < 200:
                continue
            best = min(best, cp.distance_km((la + 0.5, lo + 0.5), (lb + 0.5, lob + 0.5)))
    return best if best != float("inf") else 10_000.0


def _border_bearing(g, cp, a: str, b: str) -> float | None:
    """Bearing from a's centre to b's cities near a (its side of the border), or to b's centre."""
    centre = g.centre(a)
    if centre is None:
        return None
    cells_a = g.cells(a)
    near = [(la, lo) for la, lo in g.cells(b) if any(abs(la - x) <= 3 and abs(lo - y) <= 3 for x, y in cells_a)]
    if near:
        target = (sum(c[0] for c in near) / len(near) + 0.5, sum(c[1] for c in near) / len(near) + 0.5)
    else:
        target = g.centre(b)
    return cp.bearing(centre, target) if target else None


class Rank(GeoKind):
    """'Brazil is the third-largest country', 'Bolivia, South America's largest country', 'Lyon, the largest
    city in France': the rank by area or population, within one place of the data."""

    NAME = "rank"

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data.mentions import comparisons, rank_claims

        if not any(word in doc.prose for word in _RANK_WORDS):
            return
        g = None
        for block in self.prose(doc):
            for comparison in comparisons(block.text):
                g = g or _gaz()
                found = self._compare(doc, block, g, comparison)
                if found is not None:
                    yield found
            for claim in rank_claims(block.text):
                g = g or _gaz()
                if claim.noun in ("country", "nation"):
                    found = self._country(doc, block, g, claim)
                elif claim.noun in ("city", "town", "metropolis", "port"):
                    found = self._town(doc, block, g, claim)
                elif claim.noun in ("river", "mountain", "peak", "lake"):
                    found = self._feature(doc, block, g, claim)
                elif claim.noun == "state":
                    found = self._state(doc, block, g, claim)
                else:
                    found = None
                if found is not None:
                    yield found

    def _country(self, doc, block, g, claim) -> Finding | None:
        cc = _country_code(g, _trim(claim.subject.text))
        if cc is None or claim.what in ("longest", "highest", "tallest"):
            return None
        from ..data import subregions

        region = subregions.named(claim.scope) if claim.scope else None
        if region is not None:
            return self._in_region(doc, block, g, claim, cc, region)
        if claim.scope and " ".join(claim.scope.casefold().split()) == "continent":
            continent = g.country(cc).continent
        else:
            understood, continent, country = self._scope(g, claim)
            if not understood or country is not None:
                return None  # a group the data cannot rank (the EU, the Arab world, the region)
            if continent is not None and g.country(cc).continent != continent:
                return None
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        smallest = claim.what in ("smallest", "least populous")
        rank = self._rank(g, cc, by_population, continent, smallest)
        if rank is None or rank == claim.ordinal or abs(rank - claim.ordinal) <= 1 and \
                _close(g, cc, claim.ordinal, by_population, continent, smallest):
            return None
        measure = "population" if by_population else "area"
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit())
        scope = "in the world" if continent is None else f"in {_CONTINENTS[continent]}"
        order = "smallest" if smallest else ("most populous" if by_population else "largest")
        return self._flag(doc, block, claim, word, f"{g.display(cc).removeprefix('the ')} is the {word} "
                          f"{order} country {scope} by {measure} in GeoNames' country data")

    def _in_region(self, doc, block, g, claim, cc: str, region) -> Finding | None:
        """'Honduras, Central America's largest country': the rank among the region's members, judged against
        both its narrow and its wide membership (an account may count either)."""
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        smallest = claim.what in ("smallest", "least populous")
        if cc not in region.members and cc not in region.also or claim.what in ("longest", "highest", "tallest"):
            return None

        def measure(code: str) -> float:
            country = g.country(code)
            return (country.population if by_population else country.area) if country else 0

        ranks = []
        for members in (region.members, region.members | region.also):
            if cc not in members:
                continue
            ordered = sorted((c for c in members if measure(c)), key=measure, reverse=not smallest)
            if cc in ordered:
                ranks.append(ordered.index(cc) + 1)
        if not ranks or claim.ordinal in ranks or min(ranks) <= claim.ordinal <= max(ranks):
            return None
        if cc in region.members:
            ordered = sorted((c for c in region.members if measure(c)), key=measure, reverse=not smallest)
        rank = ranks[0]
        order = "smallest" if smallest else ("most populous" if by_population else "largest")
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit())
        first = g.display(ordered[0]).removeprefix("the ")
        return self._flag(doc, block, claim, word, f"{g.display(cc).removeprefix('the ')} is the {word} {order} "
                          f"country in {region.name} by {'population' if by_population else 'area'} in GeoNames' "
                          f"country data (the first is {first})")

    def _compare(self, doc, block, g, c) -> Finding | None:
        """'Kenya is larger than Nigeria': both countries' areas (or populations) in GeoNames, flagged only when
        the data says the opposite by more than 10% (or a stated multiple is off by more than a third)."""
        a, b = _country_code(g, _trim(c.a.text)), _country_code(g, _trim(c.b.text))
        if a is None or b is None or a == b:
            return None
        by_population = "popul" in c.what or (c.by or "") == "population"
        ca, cb = g.country(a), g.country(b)
        va, vb = (ca.population, cb.population) if by_population else (ca.area, cb.area)
        if not va or not vb:
            return None
        ratio = va / vb
        measure = "population" if by_population else "area"
        if c.times:
            times = {"twice": 2.0, "three times": 3.0, "four times": 4.0}.get(" ".join(c.times.split()).casefold())
            times = times or float(c.times.split()[0])
            wrong = not (times / 1.5 <= ratio <= times * 1.5)
        elif c.what in ("as large", "as big", "the size"):
            wrong = not (1 / 1.5 <= ratio <= 1.5)
        elif c.what.startswith(("smaller", "less")):
            wrong = ratio > 1.1
        else:
            wrong = ratio < 1 / 1.1
        if not wrong:
            return None
        detail = (f"{g.display(a).removeprefix('the ')} has {ratio:.2g} times the {measure} of "
                  f"{g.display(b).removeprefix('the ')} in GeoNames' country data")
        return self.finding(doc, block, c.start, c.end, None, detail=detail, match=c.what)

    def _scope(self, g, claim, doc=None, block=None) -> tuple[bool, str | None, str | None]:
        """(understood, continent, country) of a claim's scope: the world, a continent (or its adjective), a
        country (or its adjective), or "the country" (the one named last, for a town)."""
        if not claim.scope:
            return True, None, None
        where = " ".join(claim.scope.casefold().split())
        if where in ("country", "nation") and doc is not None:
            cc = recent_country(doc, block, claim.subject.start, g)
            return cc is not None, None, cc
        if where in SCOPES:
            return where != "latin america", SCOPES[where], None
        if where in _CONTINENT_ADJECTIVES:
            return True, _CONTINENT_ADJECTIVES[where], None
        cc = _country_code(g, _trim(claim.scope), adjective=True) or _country_code(g, _trim(claim.scope))
        return (cc is not None), None, cc

    def _feature(self, doc, block, g, claim) -> Finding | None:
        from ..data import features

        kind = {"peak": "mountain"}.get(claim.noun, claim.noun)
        measure = {"river": ("longest",), "mountain": ("highest", "tallest"), "lake": ("largest", "biggest")}[kind]
        if claim.what not in measure:
            return None
        f = features.feature(claim.subject.text, kind)
        understood, continent, cc = self._scope(g, claim)
        if f is None or not understood:
            return None
        rank = features.rank_of(f, continent, cc, claim.freshwater)
        if rank == claim.ordinal or rank is None and claim.freshwater:
            return None
        where = "the world" if continent is None and cc is None else _CONTINENTS.get(continent or "", "") or \
            g.display(cc).removeprefix("the ")
        first = features.first_in(kind, continent, cc)
        if rank is None:
            detail = f"{f.name} is not in {where}"
            word = None
        else:
            word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit())
            detail = f"{f.name} is the {word} {claim.what} {kind} in {where} (the first is {first})"
        return self._flag(doc, block, claim, word, detail)

    def _state(self, doc, block, g, claim) -> Finding | None:
        from ..data import features

        understood, continent, cc = self._scope(g, claim)
        subject = _trim(claim.subject.text)
        if not understood or cc is None or not any(d.startswith(cc + ".") for d in _divisions(g, subject)):
            return None
        if cc != "US":
            return self._division(doc, block, claim, cc, subject)
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        smallest = claim.what in ("smallest", "least populous")
        if claim.what not in ("largest", "biggest", "most populous", "most populated", "smallest", "least populous"):
            return None
        rank = features.state_rank(_trim(claim.subject.text), by_population, smallest)
        if rank == claim.ordinal or rank is None and claim.ordinal > 3:
            return None
        measure = "population" if by_population else "area"
        order = "smallest" if smallest else ("most populous" if by_population else "largest")
        said = "not among the first ten" if rank is None else f"the {_ordinal(rank, False)} {order}"
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit()) if rank is not None else None
        return self._flag(doc, block, claim, word, f"{_trim(claim.subject.text)} is {said} US state by {measure} "
                          "(U.S. Census Bureau)")

    def _division(self, doc, block, claim, cc: str, subject: str) -> Finding | None:
        """'Queensland, Australia's largest state': a first-level division's rank in its country."""
        from ..data import features, regions

        if claim.what not in ("largest", "biggest", "most populous", "most populated") or claim.ordinal > 3:
            return None
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        names = [subject, *(regions.division_name(d) for d in regions.divisions_named(subject))]
        found = [features.division_rank(cc, n, by_population) for n in names]
        found = [f for f in found if f is not None]
        if not found or any(f[0] == claim.ordinal for f in found):
            return None
        rank, first = min(found, key=lambda f: f[0] or 99)
        if rank is None and claim.ordinal > 1:
            return None
        measure = "population" if by_population else "area"
        said = f"the {_ordinal(rank, False)}" if rank is not None else "not among the"
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit()) if rank is not None else None
        return self._flag(doc, block, claim, word, f"{subject} is {said} largest by {measure} in its country "
                          f"(the first is {first})")

    @staticmethod
    def _rank(g, cc: str, by_population: bool, continent: str | None, smallest: bool) -> int | None:
        rank = g.population_rank(cc, continent) if by_population else g.area_rank(cc, continent)
        if rank is None or not smallest:
            return rank
        total = 0
        while g.nth_by(total + 1, "population" if by_population else "area", continent) is not None:
            total += 1
        return total - rank + 1

    def _town(self, doc, block, g, claim) -> Finding | None:
        from ..data import ranks

        if claim.what not in ("largest", "biggest", "most populous", "most populated") or not claim.scope:
            return None
        if claim.ordinal > 5:
            return None
        if (claim.by or "population").casefold() != "population":
            return None
        subject = place_name(g, claim.subject)
        if subject is None or _key(subject.text) in non_place_names(doc):
            return None
        scope = " ".join(claim.scope.split())
        if scope.casefold() in ("country", "nation"):
            understood, _, cc = self._scope(g, claim, doc, block)
            scope = g.display(cc) if cc else scope
        areas = self._areas(g, subject.text, scope)
        if len(areas) != 1:  # (none: the place-country rule judges a town of another country)
            return None
        area = areas[0]
        rank, pop, leader = ranks.town_rank(g, subject.text, area)
        if rank == claim.ordinal:
            return None
        # The data's populations are of city proper (and some of a district): only a clear gap counts. Said
        # to be the largest, the town must be under half the largest's size; said to be Nth, see _ordinal_wrong.
        if claim.ordinal == 1:
            claimed_pop = ranks.nth_population(area, 1)
            if claimed_pop is None or pop is None or pop * 2 > claimed_pop:
                return None
        elif pop is None or not _ordinal_wrong(ranks, area, pop, rank, claim.ordinal):
            return None
        where = g.display(area).removeprefix("the ") if "." not in area else _area_name(g, area)
        said = ("not among the largest" if rank is None else "the largest" if rank == 1
                else f"the {_ordinal(rank, False)} largest")
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit()) if rank is not None else None
        return self._flag(doc, block, claim, word, f"{subject.text} is {said} city in {where} by population in "
                          f"GeoNames (the largest is {leader})")

    @staticmethod
    def _areas(g, town: str, scope: str) -> list[str]:
        """The country or division ('FR', 'US.TX') a scope names, when the town lies in it."""
        if scope.casefold() in ("the country", "country"):
            top = _dominant(g, town)
            return [top.country] if top is not None else []
        readings = g.readings(town)
        found = [d for d in _divisions(g, scope) if d in readings]
        if found:
            return found
        codes = [c for c in g.countries_named(scope) if not g.is_historic(scope)]
        return [c for c in codes if any(g.fits(r, (c,)) for r in readings)]

    def _flag(self, doc, block, claim, word: str | None, detail: str) -> Finding:
        start, end = claim.flag.start, claim.flag.end
        replacement = None
        is_ordinal = " ".join(claim.flag.text.casefold().replace("-", " ").split()) != claim.what
        if word is not None and word not in ("first", "1st"):
            replacement = word if is_ordinal else f"{word}-{claim.flag.text}"
        whole = (min(claim.subject.start, claim.start), max(claim.subject.end, claim.end))
        if replacement is None:
            return self.finding(doc, block, *whole, None, detail=detail, match=claim.flag.text)
        return self.claim_finding(doc, block, *whole, (start, end), [replacement], detail=detail,
                                  match=claim.flag.text)


def _ordinal_wrong(ranks, area: str, pop: int, rank: int | None, ordinal: int) -> bool:
    """Whether a town cannot be the area's Nth-largest (N >= 2) whichever source counts it: the largest by twice the
    next; N + 1 or more towns at 2.5 times its size (one spare: GeoNames lists a few districts and counties as
    towns); or fewer than N - 1 towns at even half its size. City-proper and metropolitan counts
    reorder towns within those bands (France's second and third cities), so a claim inside them passes."""
    second = ranks.nth_population(area, 2)
    if rank == 1 and second is not None and pop >= second * 2:
        return True
    clearly = ranks.rivals(area, pop, rank, 2.5)[0]
    maybe = ranks.rivals(area, pop, rank, 2.0)[1]
    return clearly >= ordinal + 1 or maybe < ordinal - 1


def _close(g, cc: str, ordinal: int, by_population: bool, continent: str | None, smallest: bool) -> bool:
    """Whether the country the claim ranks in its place is within 15% of this one (sources and dates
    differ: a near tie is no error)."""
    field = "population" if by_population else "area"
    total = 0
    while g.nth_by(total + 1, field, continent) is not None:
        total += 1
    other = g.nth_by(total - ordinal + 1 if smallest else ordinal, field, continent)
    if other is None:
        return True
    a, b = g.country(cc), g.country(other)
    va, vb = (a.population, b.population) if by_population else (a.area, b.area)
    return abs(va - vb) <= 0.15 * max(va, vb, 1)


_CONTINENTS = {"AF": "Africa", "EU": "Europe", "AS": "Asia", "SA": "South America", "NA": "North America",
               "OC": "Oceania"}
_CONTINENT_ADJECTIVES = {"african": "AF", "european": "EU", "asian": "AS", "south american": "SA",
                         "north american": "NA", "oceanian": "OC"}


def _ordinal(n: int, numeric: bool) -> str:
    from ..data.mentions import ORDINALS

    if not numeric:
        for word, value in ORDINALS.items():
            if value == n:
                return word
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
