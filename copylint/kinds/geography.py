"""Geography kinds: place vs country, compass direction, capitals, borders and size ranks, judged by the gazetteer."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ..data.mentions import (ORDINALS, SCOPES, SPACE, border_list_patterns, border_pattern, capital_patterns,
                             capitalised_runs, document_mentions, rank_pattern, space_after, token_before)
from ..data.names import has_lower_word, name_key
from ..document import Document, ProseBlock
from ..model import Finding
from .base import Kind, match_case

if TYPE_CHECKING:
    from ..data.mentions import Mention

_PROSE = frozenset({"paragraph", "list", "quote", "caption", "heading", "title"})
_TRAILING = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())
_STARTERS = frozenset("""the a an in at on for as when while after before if it this that these those he she they we i
    there yesterday today but and or so then meanwhile however earlier later last next some many most""".split())
_RANK_WORDS = ("largest", "biggest", "populous", "populated")


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
                if first in _STARTERS or has_lower_word(doc, first, hyphens=False):
                    words = words[1:]  # an ordinary word capitalised only because a sentence starts there
            if len(words) < 2:
                continue
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    if j - i < len(words):
                        keys.add(_key(" ".join(words[i:j])))
    return frozenset(keys)


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
        return [(block, m) for block in self.prose(doc) for m in mentions.of(block.text) if m.noun != "capital"]

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
    if len(codes) != 1 or (not adjective and g.regions_named(name)):
        return None
    return codes[0]


class PlaceCountry(GeoKind):
    """A town said to lie in a country (or US state) where no place of that name lies."""

    NAME = "place-country"

    def check(self, doc: Document) -> Iterable[Finding]:
        g = None
        for block, m in self.located(doc):
            g = g or _gaz()
            found = self._judge(doc, block, g, m)
            if found is not None:
                yield found

    def _judge(self, doc: Document, block: ProseBlock, g, m) -> Finding | None:
        x, y = m.x.text, _trim(m.y.text)
        if not g.places(x) or g.countries_named(x) or g.country_of_demonym(x):
            return None
        if m.y_is_adjective:
            codes = g.country_of_demonym(y) or g.countries_named(y)
            regions: tuple[str, ...] = ()
        else:
            codes, regions = g.countries_named(y), g.regions_named(y)
        us_states = [r for r in regions if "." in r]
        if not codes and not us_states:
            return None
        readings = g.readings(x)
        if _fits(g, readings, codes, regions) or _key(x) in non_place_names(doc):  # the dearest test last
            return None
        places = g.places(x)
        top = places[0]
        rivals = [p for p in places if p.country != top.country and p.population * 3 >= top.population]
        y_end = m.y.start + len(y)
        compass = m.compass.text if m.compass is not None and m.pattern in ("in", "noun") else None
        if m.pattern in ("noun", "in"):
            start = min(s.start for s in (m.the, m.compass, m.y) if s is not None)
        elif m.pattern in ("in-the", "in-poss", "comma", "paren"):
            start = m.the.start if m.the is not None else m.y.start
        else:
            start = m.y.start
        choices = []
        for place in [top, *rivals][:3]:
            choices.append(self._phrase(doc, g, place, compass, m, bool(us_states) and place.country == "US"))
        actual = ", ".join(_where(g, p, bool(us_states)) for p in [top, *rivals][:3])
        original = block.text[start:y_end]
        suggestions = [match_case(original, c) for c in choices]
        return self.finding(doc, block, start, y_end, suggestions[0] if not rivals else None,
                            suggestions=suggestions, place=x, claimed=y, actual=actual)

    def _phrase(self, doc: Document, g, place, compass: str | None, m, as_state: bool) -> str:
        from ..data import compass as cp

        if m.y_is_adjective:
            name = g.demonym(place.country)
        elif as_state:
            name = g.us_state(place.admin1)
        else:
            name = g.display(place.country)
        if compass is None:
            return name
        direction = cp.parse(compass)
        pos = g.position(place.lat, place.lon, place.country)
        if direction is not None and pos is not None and cp.contradicts(direction, pos):
            compass = cp.word_for(cp.along(direction, pos), compass, self.hyphenated(doc))
        if name.startswith("the "):
            return f"the {compass} {name[4:]}"
        return f"{compass} {name}"


def _fits(g, readings: tuple[str, ...], codes: tuple[str, ...], regions: tuple[str, ...]) -> bool:
    for reading in readings:
        if codes and g.fits(reading, codes):
            return True
        cc = reading.partition(".")[0]
        for region in regions:
            if reading == region if "." in region else cc == region:
                return True
    return False


def _where(g, place, states: bool) -> str:
    if states and place.country == "US":
        return g.us_state(place.admin1)
    return g.display(place.country).removeprefix("the ")


class Compass(GeoKind):
    """'Mosul in southern Iraq': the place lies in the opposite part of the country."""

    NAME = "compass"

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data import compass as cp

        g = None
        for block, m in self.located(doc):
            if m.compass is None:
                continue
            g = g or _gaz()
            x = m.x.text
            if not g.places(x):
                continue
            cc = _country_code(g, _trim(m.y.text), adjective=m.y_is_adjective)
            direction = cp.parse(m.compass.text)
            if cc is None or direction is None:
                continue
            inside = [p for p in g.places(x) if p.country == cc]
            others = [r for r in g.readings(x) if r.startswith(cc + ".")]
            if not inside or len(others) > len(inside):
                continue  # a smaller place or a region of that name may be the one meant
            positions = [g.position(p.lat, p.lon, cc) for p in inside]
            if any(pos is None or not cp.contradicts(direction, pos) for pos in positions):
                continue
            if _key(x) in non_place_names(doc):  # the dearest test last
                continue
            actual = cp.word_for(cp.along(direction, positions[0]), m.compass.text, self.hyphenated(doc))
            yield self.finding(doc, block, m.compass.start, m.compass.end, actual, place=x,
                               country=g.display(cc).removeprefix("the "), actual=actual)


class Capital(GeoKind):
    """'Sydney, the capital of Australia': the named city is not that country's capital."""

    NAME = "capital"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "capital" not in doc.prose:  # what every block's test below first looks for
            return
        g = None
        for block in self.prose(doc):
            text = block.text
            if not _after_word(text, "capital", _may_name_a_capital):
                continue  # no pattern can match: none is compiled
            seen: set[int] = set()
            claims, skip = capital_patterns()
            for index, rx in enumerate(claims):
                for m in rx.finditer(text):
                    if m.start("x") in seen or skip.match(text, m.end()):
                        continue
                    seen.add(m.start("x"))
                    g = g or _gaz()
                    x, y = _sentence_tail(text, m.start("x"), m.group("x")), _trim(m.group("y"))
                    cc = _country_code(g, y, adjective=index >= 2)
                    if cc is None or not g.readings(x) or g.countries_named(x):
                        continue
                    if g.is_capital(x, cc) or not g.capital(cc) or _key(x) in non_place_names(doc):
                        continue
                    x_start = m.end("x") - len(x)
                    yield self.finding(doc, block, x_start, m.end("x"), g.capital(cc), place=x,
                                       country=g.display(cc).removeprefix("the "), capital=g.capital(cc))


def _after_word(text: str, word: str, test) -> bool:
    """Whether word occurs after white space with test(the token before it, the token before that) true."""
    pos = text.find(word)
    while pos != -1:
        if pos > 0 and text[pos - 1] in SPACE:
            token, start = token_before(text, pos)
            if test(token, token_before(text, start)[0]):
                return True
        pos = text.find(word, pos + 1)
    return False


def _may_name_a_capital(token: str, before: str) -> bool:
    """Before "capital": "the" after "is" or a comma (X, the capital of Y), "Y's", or the last word of a
    name (the Y capital)."""
    return (token == "the" and (before == "is" or before.endswith(","))
            or token.endswith(("'s", "’s")) or token[:1].isupper())


def _may_claim_a_border(token: str, before: str) -> bool:
    """Before "borders", "shares" or "has": the last word of a name, or "which" (Y, which borders)."""
    return token == "which" or token[:1].isupper()


def _before_noun(text: str, word: str) -> bool:
    """Whether word is followed by white space and "country" or "nation" somewhere (as a rank claim needs)."""
    pos = text.find(word)
    while pos != -1:
        after = space_after(text, pos + len(word))
        if after > pos + len(word) and text.startswith(("country", "nation"), after):
            return True
        pos = text.find(word, pos + 1)
    return False


def _sentence_tail(text: str, start: int, name: str) -> str:
    """At a sentence start, 'In Canberra' names Canberra: drop a capitalised first word that is not part of it."""
    before = text[:start].rstrip()
    words = name.split()
    if len(words) > 1 and (not before or before[-1] in ".!?\"“”:\n"):
        from ..data.gazetteer import gazetteer

        if not gazetteer().readings(name):
            return " ".join(words[1:])
    return name


class Neighbour(GeoKind):
    """'France borders Portugal' (it does not), or a neighbour put on the wrong side."""

    NAME = "neighbour"

    def check(self, doc: Document) -> Iterable[Finding]:
        if "border" not in doc.prose:  # what every block's test below first looks for
            return
        from ..data import compass as cp

        g = None
        for block in self.prose(doc):
            text = block.text
            if "border" not in text or not any(_after_word(text, verb, _may_claim_a_border)
                                               for verb in ("borders", "shares", "has")):
                continue
            for m in border_pattern().finditer(text):
                g = g or _gaz()
                cc = _country_code(g, _trim(m.group("y")))
                if cc is None:
                    continue
                listed, separator = border_list_patterns()
                pos = m.end()
                while True:
                    item = listed.match(text, pos)
                    if item is None:
                        break
                    z = _trim(item.group("z"))
                    other = _country_code(g, z)
                    if other is not None and other != cc:
                        yield from self._judge(doc, block, g, cp, cc, other, item, z)
                    sep = separator.match(text, item.end())
                    if sep is None:
                        break
                    pos = sep.end()

    def _judge(self, doc, block, g, cp, cc, other, item, z) -> Iterator[Finding]:
        country = g.display(cc).removeprefix("the ")
        if other not in g.neighbours(cc) and cc not in g.neighbours(other):
            if _gap_km(g, cp, cc, other) > 400:
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
    """'Brazil is the third-largest country': the rank by area or population, within one place of the data."""

    NAME = "rank"

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if not any(word in prose for word in _RANK_WORDS):  # what every block's test below first looks for
            return
        g = None
        for block in self.prose(doc):
            text = block.text
            if not any(word in text and _before_noun(text, word) for word in _RANK_WORDS):
                continue
            for m in rank_pattern().finditer(text):
                g = g or _gaz()
                cc = _country_code(g, _trim(m.group("y")))
                if cc is None:
                    continue
                continent = None
                if m.group("where"):
                    where = " ".join(m.group("where").casefold().split())
                    if where not in SCOPES:
                        continue
                    continent = SCOPES[where]
                    if continent is not None and g.country(cc).continent != continent:
                        continue
                by_population = "popul" in m.group("what").casefold() or (m.group("by") or "") == "population"
                rank = g.population_rank(cc, continent) if by_population else g.area_rank(cc, continent)
                ordinal = m.group("ord")
                claimed = 1 if ordinal is None else ORDINALS.get(ordinal.casefold()) or int(ordinal[:-2])
                if rank is None or abs(rank - claimed) <= 1:
                    continue
                word = _ordinal(rank, numeric=bool(ordinal and ordinal[0].isdigit()))
                if ordinal is None:
                    start, end, replacement = m.start("what"), m.end("what"), f"{word} {m.group('what')}"
                else:
                    start, end, replacement = m.start("ord"), m.end("ord"), word
                what = "population" if by_population else "area"
                leader = g.nth_by(1, what, continent)
                yield self.finding(doc, block, start, end, replacement, country=g.display(cc).removeprefix("the "),
                                   rank=word, measure=what, claimed=text[start:end],
                                   leader=g.display(leader).removeprefix("the ") if leader else "")


def _ordinal(n: int, numeric: bool) -> str:
    if not numeric:
        for word, value in ORDINALS.items():
            if value == n:
                return word
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
