"""neighbour: countries said to border each other that do not ("France borders Portugal"), or the wrong side."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..data.mentions import NEIGHBOUR_HINTS, border_list_patterns, border_pattern, bordered_patterns
from ..data.names import name_key
from ..document import Document
from ..model import Finding
from ._geography import (_area_name, _countries_before, _current_country, _divisions, _dominant, _gaz, GeoKind,
                         main_country, place_name, _trim)

if TYPE_CHECKING:
    from ..data.mentions import Span


_THE_COUNTRY_BORDERS = re.compile(r"\b[Tt]he\s+(?:country|nation),?\s+(?:which\s+)?(?:borders|shares\s+(?:a\s+)?"
                                  r"(?:land\s+)?borders?\s+with)\s+|"
                                  # the country's (five) neighbours (include) A, B ... / its neighbours A and B
                                  r"\b(?:[Tt]he\s+(?:country|nation)['’]s|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?neighbou?rs"
                                  r"(?:,?\s+(?:include|includes|including|are|were|such\s+as)|\s*[—–:]|,)?\s+")


# How far (to the centre of a 1-degree cell holding towns of 15,000+) the other side's nearest towns may lie from a
# town said to be near a border, and on it (its own side's towns may be the ones at the border line).
_NEAR_BORDER_KM, _ON_BORDER_KM = 400.0, 200.0
_LAND_BORDER = re.compile(r"\bland\s+(?:borders?|frontiers?|boundary|boundaries)\b")


# Words one of the border forms needs (a cheap test before the patterns run).
_VERB_HINTS = ("border", "eighbo", "frontier", "flanked", "bounded", "surrounded", "touches", "abuts", "adjacent",
               "hemmed")
_HINTS = (*_VERB_HINTS, *NEIGHBOUR_HINTS)


class Neighbour(GeoKind):
    """'France borders Portugal' (it does not), or a neighbour put on the wrong side."""

    NAME = "neighbour"

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data import compass as cp
        from ..data.mentions import near_border_pattern, neighbour_claims

        prose = doc.prose
        if not any(word in prose for word in _HINTS):
            return
        g = None
        for block in self.prose(doc):
            text = block.text
            seen: set[int] = set()
            for m in border_pattern().finditer(text) if any(w in text for w in _VERB_HINTS) else ():
                g = g or _gaz()
                cc = _country_of_run(g, m.group("y")) or _division_of_run(g, m.group("y"))
                if cc is not None:
                    land = _LAND_BORDER.search(m.group(), m.end("y") - m.start()) is not None
                    yield from self._listed(doc, block, g, cp, cc, m.end(), seen, land=land)
                elif (cc := _country_named_exactly(g, m.group("y"))) is not None:
                    # "Mali borders ...": a country's own name that a division elsewhere shares (Mali in Guinea),
                    # judged as the country against the countries listed only
                    yield from self._listed(doc, block, g, cp, cc, m.end(), seen, countries_only=True)
                elif (cc := _division_bordering(g, text, m.group("y"), m.end())) is not None:
                    yield from self._listed(doc, block, g, cp, cc, m.end(), seen)
            for n, rx in enumerate(bordered_patterns() if "border" in text or "eighbo" in text else ()):
                for m in rx.finditer(text):
                    g = g or _gaz()
                    cc = _country_of_run(g, m.group("y")) or _division_of_run(g, m.group("y"))
                    if cc is not None:
                        yield from self._listed(doc, block, g, cp, cc, m.start("z") if n == 0 else m.end(), seen)
            for m in _THE_COUNTRY_BORDERS.finditer(text) if "border" in text or "eighbo" in text else ():
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
        if other is None and claim.y is None:  # "Kerala and neighbouring Maharashtra": two divisions
            here = _division_named(z, None) or _division_of_run(g, z)
            there = _division_before(g, block.text, claim.z.start, here) if here else None
            return self._divisions(doc, block, g, there, here, claim.z.start, z) if there else None
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
            cc, loose = named[-1], claim.loose is not False  # islands and close shores count
        else:  # ("Z, a neighbour of Y": sea neighbours too are called so)
            cc, loose = _country_of_run(g, claim.y.text), bool(claim.loose)
        if cc is None or cc == other:
            return None
        country = g.display(cc).removeprefix("the ")
        if other not in g.neighbours(cc) and cc not in g.neighbours(other):
            if loose and (not g.neighbours(cc) or not g.neighbours(other)):
                return None
            if _gap_km(g, cp, cc, other) > _gap_limit(g, cc, other, loose) and not _sea_between(g, cp, cc, other):
                start = claim.z.start if claim.start is None else claim.start
                return self.finding(doc, block, start, claim.z.start + len(z), None,
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

    def _listed(self, doc, block, g, cp, cc: str, pos: int, seen: set[int],
                countries_only: bool = False, land: bool = False) -> Iterator[Finding]:
        """The neighbours listed from pos on ("A, B and C"), each judged against cc (a country or division)."""
        text = block.text
        listed, separator = border_list_patterns()
        while True:
            item = listed.match(text, pos)
            if item is None:
                break
            z = _trim(item.group("z"))
            seen.add(item.start("z"))
            if g.country_of_demonym(z) and not g.countries_named(z):
                break  # "surrounded by Chinese warships": no list of countries
            other = _country_of_run(g, z) or (None if countries_only else _division_of_run(g, z, near=cc)) or (
                _country_named_exactly(g, z) if "." not in cc else _division_named(z, cc) or _country_named_exactly(g, z))
            # ("Guatemala borders Mexico", "Washington borders Mexico": a country's own name a division shares)
            if other is not None and other != cc:
                if "." in cc or "." in other:
                    found = self._divisions(doc, block, g, cc, other, item.start("z"), z)
                    yield from (found,) if found is not None else ()
                else:
                    yield from self._judge(doc, block, g, cp, cc, other, item, z, land)
            sep = separator.match(text, item.end())
            if sep is None:
                break
            pos = sep.end()

    def _near_border(self, doc, block, g, cp, m) -> Finding | None:
        """'X, near the border with Z': a country or division X must border Z; a town X must lie in a country that
        borders Z (or in Z's neighbour) and within _NEAR_BORDER_KM of one of Z's towns (1-degree cells; a town "on"
        the border within _ON_BORDER_KM)."""
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
        if km <= (_ON_BORDER_KM if m.group("at") in ("on", "along", "at") else _NEAR_BORDER_KM):
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

    def _judge(self, doc, block, g, cp, cc, other, item, z, land: bool = False) -> Iterator[Finding]:
        country = g.display(cc).removeprefix("the ")
        if other not in g.neighbours(cc) and cc not in g.neighbours(other):
            if land and (not g.neighbours(cc) or not g.neighbours(other)):
                # "Y shares a land border with Z" where one of them has none (GeoNames lists every land border)
                yield self.finding(doc, block, item.start("z"), item.start("z") + len(z), None,
                                   country=country, other=z, actual="shares no land border with it")
                return
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
    if near is not None:
        # near's country first, under any of its divisions' names: "Antioquia borders Cordoba" (the Colombian
        # department, not the Argentine province the town's name reads first)
        cc = near.partition(".")[0]
        found = tuple(dict.fromkeys(d for d in (*found, *regions.divisions_named(name)) if d.partition(".")[0] == cc)) \
            or found
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


def _division_before(g, text: str, pos: int, division: str) -> str | None:
    """The division of the same country named last before pos in its sentence (not the division itself), when
    no country is named between them."""
    from ..data.mentions import capitalised_runs

    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), -1) + 1
    found = None
    for s, e in capitalised_runs(text[start:pos]):
        run = text[start + s:start + e]
        if _country_of_run(g, run) is not None:
            found = None
            continue
        code = _division_named(run, division) or _division_of_run(g, run, near=division)
        if code is not None and code != division and code.partition(".")[0] == division.partition(".")[0]:
            found = code
    return found


def _division_named(run: str, near: str | None) -> str | None:
    """The one first-level division of that name (in near's country, when near is given), whatever towns share
    it: a town borders no division ("Queensland borders Victoria": the Australian state)."""
    from ..data import regions

    cc = near.partition(".")[0] if near else None
    found = [d for d in regions.divisions_named(_trim(run)) if cc is None or d.partition(".")[0] == cc]
    return found[0] if len(found) == 1 else None


def _division_bordering(g, text: str, run: str, pos: int) -> str | None:
    """The division a run names as the subject of a border verb: the one of that name, else the one in the
    country of the first division listed after it ("Victoria borders New South Wales")."""
    found = _division_named(run, None)
    if found is not None:
        return found
    first = border_list_patterns()[0].match(text, pos)
    near = _division_of_run(g, first.group("z")) if first is not None else None
    return _division_named(run, near) if near is not None else None


def _country_named_exactly(g, run: str) -> str | None:
    """The one country whose own name the run is ('Mali', 'Niger'), whatever else shares the name."""
    name = _trim(run)
    own = [c for c in g.countries_named(name) if name_key(g.display(c).removeprefix("the ")) == name_key(name)]
    return own[0] if len(own) == 1 and not g.is_historic(name) else None


def _gap_limit(g, a: str, b: str, loose: bool = False) -> float:
    """How far apart (between their towns' 1-degree cells, whose centres stand 70-110 km apart when next to each
    other) two countries said to border must be for the claim to be flagged. Both with land borders: any gap
    (GeoNames lists every land border: no two countries it does not list as neighbours come within 90 km but
    Bangladesh and Nepal, whose towns share cells across 20 km of India; a strait is _sea_between's);
    "neighbouring", or an island state: 250 and 400 km (sea neighbours are called neighbours)."""
    if not (g.neighbours(a) and g.neighbours(b)):
        return 400.0
    return 250.0 if loose else -1.0


def _sea_between(g, cp, a: str, b: str) -> bool:
    """Whether only sea lies between two countries' nearest towns (within 250 km): no third country's towns in
    the 1-degree cells along the line between them (Denmark and Sweden; not Poland and Hungary), or a strait
    between their nearest towns (Britain and France: borders.across_strait)."""
    from ..data import borders

    if borders.across_strait(g, a, b):
        return True
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
