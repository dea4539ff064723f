"""compass: a place put in the wrong part of a country ("Mosul in southern Iraq") or the wrong way from another."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..document import Document
from ..model import Finding
from ._geography import (_area_name, _BIG_TOWN, _country_code, _DIVISION_AFTER, _divisions, _dominant, _gaz, GeoKind,
                         _key, non_place_names, _own_name, place_name, named_before, recent_country, _trim)

if TYPE_CHECKING:
    from ..data.mentions import Span


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
                    cc = named_before(doc, block, m.y.start, g, {p.country for p in g.places(x)})
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
                divisions = _divisions(g, y, x)
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
                # (never for a town clearly on that side of the whole country: Vladivostok, on Russia's east
                # coast, is west of the islands at its own latitude)
                coast = area == cc and not (direction.ns and direction.ew) and not direction.central and \
                    _COAST.match(block.text, m.compass.end, m.compass.end + 30) and \
                    not any(pos is not None and cp.contradicts(cp.opposite(direction), pos) for pos in positions)
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
        middle = regions.spot(codes[0], direction.central)
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
        middles = [regions.spot(code, direction.central) for code in codes]  # (Papua: and the ones split from it)
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

    def _country_bearing(self, doc, block, g, cp, m, direction) -> Finding | bool | None:
        """'Tanzania lies north of Kenya': two neighbouring countries, judged by the side of the border the one
        lies on (as CL304 judges "Kenya's northern neighbour"); None when the two are not both countries."""
        from .neighbour import _border_bearing

        a, b = _country_code(g, _trim(m.x.text)), _country_code(g, _trim(m.y.text))
        if a is None or b is None:
            return None
        if a == b or a not in g.neighbours(b) and b not in g.neighbours(a):
            return False
        real = _border_bearing(g, cp, b, a)
        if real is None or cp.angle_between(cp.POINTS[cp.point_name(direction)], real) <= 100:
            return False
        actual = cp.point_of(real, cardinal=not (direction.ns and direction.ew))
        word = m.compass.text
        if "-" not in word and "-" in actual:
            actual = actual.replace("-", "") if not self.hyphenated(doc) else actual
        actual = actual[0].upper() + actual[1:] if word[:1].isupper() else actual
        y = g.display(b).removeprefix("the ")
        return self.claim_finding(doc, block, m.x.start, max(m.compass.end, m.y.end),
                                  (m.compass.start, m.compass.end), [actual], place=_trim(m.x.text), actual=actual,
                                  match=word, detail=f"lies {actual} of {y} (the side of their border), not '{word}'")

    def _bearing(self, doc, block, g, cp, m, direction) -> Finding | None:
        """'X, 40 km north of Y': the bearing from Y to X against the direction said (both unambiguous towns)."""
        if m.pattern == "bearing" and not direction.central and m.noun != "capital":
            found = self._country_bearing(doc, block, g, cp, m, direction)
            if found is not None:
                return found
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
        if km > 3000 or a.country != b.country and len({p.country for p in g.places(xs.text)}) > 1:
            return None  # thousands of km off, or abroad under a shared name: another place of that name is meant
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


_COAST = re.compile(r"\s*(?:coast|coastline|seaboard|shore)\b")
# Parts of continents named after a sea: a port "on" them may belong to any coastal country.
_SEA_REGIONS = frozenset(("Baltic states", "Gulf", "Caribbean"))


def _division_fits(g, cp, name: str, cc: str, direction) -> bool:
    """Whether a division of that name in the country lies in that part ("Washington in the north-western US":
    the state, not the city)."""
    from ..data import regions

    own = {f"{p.country}.{p.admin1}" for p in g.places(name) if p.population >= 15_000}
    for code in _divisions(g, name):
        if code in own:
            continue  # the town's own division, named after it (Sfax): the town is where it is
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
