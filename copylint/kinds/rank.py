"""rank: a country's or city's rank by area or population, checked within one place of the data."""
from __future__ import annotations

import re
from typing import Iterable

from ..data.mentions import SCOPES
from ..document import Document
from ..model import Finding
from ._geography import (_area_name, _country_code, _divisions, division_named_before, _dominant, _gaz, GeoKind,
                         _key, non_place_names, place_name, recent_country, _trim)


_RANK_WORDS = ("largest", "biggest", "populous", "populated", "smallest", "longest", "highest", "tallest", "Largest",
               "Biggest", "Longest", "Highest", "Tallest", "larger", "bigger", "smaller", "the size", "second city",
               "third city")


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
                if claim.noun in ("country", "nation") or claim.noun == "state" and _region_scope(claim) and \
                        _country_code(g, _trim(claim.subject.text)):  # "Oman, the largest Gulf state"
                    found = self._country(doc, block, g, claim)
                elif claim.noun in ("city", "town", "metropolis", "port"):
                    found = self._town(doc, block, g, claim)
                elif claim.noun in ("river", "mountain", "peak", "lake", "island"):
                    found = self._feature(doc, block, g, claim)
                elif claim.noun in _DIVISION_NOUNS:
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

        region = (subregions.named(claim.scope) or subregions.of_adjective(claim.scope)) if claim.scope else None
        if claim.group is not None:
            return self._in_group(doc, block, g, claim, cc, region)
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
            if claim.scope is None:  # "Africa: X is the largest country": the scope the context sets
                around = _context_scope(block.text, claim.start)
                if around is not None:
                    region = subregions.named(around)
                    if region is not None:
                        return self._in_region(doc, block, g, claim, cc, region)
                    continent = SCOPES.get(around.casefold()) or _CONTINENT_ADJECTIVES.get(around.casefold())
                    if continent is None or g.country(cc).continent != continent:
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
                          f"country in {_the(region.name)} by {'population' if by_population else 'area'} in GeoNames' "
                          f"country data (the first is {first})")

    def _in_group(self, doc, block, g, claim, cc: str, region) -> Finding | None:
        """'Chad, the largest landlocked country in Africa': the rank among the countries of a kind (the
        landlocked ones: CIA World Factbook) in the world, a continent or a region; a rival within 15% of the
        country (sources and dates differ) makes no error."""
        from ..data import country_facts

        if claim.group != "landlocked" or claim.what in ("longest", "highest", "tallest"):
            return None
        if region is not None:
            inside, where = region.members | region.also, _the(region.name)
        else:
            understood, continent, country = self._scope(g, claim)
            if not understood or country is not None:
                return None
            home = g.country(cc)
            if continent is not None and (home is None or home.continent != continent):
                return None
            inside = None if continent is None else {c for c in country_facts.LANDLOCKED
                                                     if (g.country(c) or home).continent == continent}
            where = "the world" if continent is None else _CONTINENTS[continent]
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        smallest = claim.what in ("smallest", "least populous")

        def measure(code: str) -> float:
            country = g.country(code)
            return (country.population if by_population else country.area) if country else 0

        members = [c for c in country_facts.LANDLOCKED if measure(c) and (inside is None or c in inside)]
        ordered = sorted(members, key=measure, reverse=not smallest)
        if not measure(cc) or len(ordered) < claim.ordinal:
            return None
        order = "smallest" if smallest else ("most populous" if by_population else "largest")
        name = g.display(cc).removeprefix("the ")
        source = f"by {'population' if by_population else 'area'} in GeoNames' country data"
        if cc not in country_facts.LANDLOCKED:
            if region is not None and cc not in inside:
                return None
            return self.finding(doc, block, min(claim.subject.start, claim.start), max(claim.subject.end, claim.end),
                                None, detail=f"{name} is not landlocked (CIA World Factbook); the {order} landlocked "
                                f"country in {where} is {g.display(ordered[0]).removeprefix('the ')} {source}",
                                match=claim.flag.text)
        if cc not in ordered:
            return None
        rank = ordered.index(cc) + 1
        claimed = ordered[claim.ordinal - 1]
        if rank == claim.ordinal or abs(measure(claimed) - measure(cc)) <= 0.15 * max(measure(claimed), measure(cc)):
            return None
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit())
        return self._flag(doc, block, claim, word, f"{name} is the {word} {order} landlocked country in {where} "
                          f"{source} (the first is {g.display(ordered[0]).removeprefix('the ')})")

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
        if "48" in where or where.startswith("contiguous"):
            return True, None, "US"  # the lower 48 states
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
        measure = {"river": ("longest",), "mountain": ("highest", "tallest"), "lake": ("largest", "biggest"),
                   "island": ("largest", "biggest", "smallest")}[kind]
        if claim.what not in measure:
            return None
        f = features.feature(claim.subject.text, kind)
        understood, continent, cc = self._scope(g, claim, doc, block)
        if f is None or not understood:
            return None
        if kind == "island" and (cc is None or claim.what == "smallest" and not claim.among):
            return None  # a continent's or the world's islands, or a country's smallest: the table holds large ones
        rank = features.rank_of(f, continent, cc, claim.freshwater, claim.what == "smallest", claim.among)
        if rank == claim.ordinal or rank is None and claim.freshwater:
            return None
        if cc is not None and not claim.among and features.domestic_rank(f, cc) == claim.ordinal:
            return None  # "the Loire, the longest river in France": counting only the rivers wholly French
        if kind == "island" and not claim.among and (claim.ordinal > 3 or rank is not None and rank > 3):
            return None  # past a country's three largest islands the table may miss one
        if kind == "island" and rank is None and " ".join(claim.scope.casefold().split()) in ("country", "nation"):
            return None  # "the country" may not be the one named last
        if kind == "island" and claim.among:
            names = features.largest_in(kind, cc, claim.among)
            if rank is None or len(names) < claim.among:
                return None
            return self._flag(doc, block, claim, None, f"{f.name} is not the {claim.flag.text.casefold()} of "
                              f"{g.display(cc).removeprefix('the ')}'s {claim.among} largest islands by area "
                              f"(largest first: {', '.join(names)})")
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

        from ..data import regions

        understood, continent, cc = self._scope(g, claim)
        subject = _trim(claim.subject.text)
        divisions = (*_divisions(g, subject), *regions.divisions_named(subject))
        if claim.scope is None and not g.countries_named(subject):
            homes = {d.partition(".")[0] for d in divisions}
            cc = homes.pop() if len(homes) == 1 else None  # "NSW, the most populous state": of its own country
        if not understood or cc is None or not any(d.startswith(cc + ".") for d in divisions):
            return None
        if cc != "US":
            return self._division(doc, block, claim, cc, subject)
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        smallest = claim.what in ("smallest", "least populous")
        if claim.what not in ("largest", "biggest", "most populous", "most populated", "smallest", "least populous"):
            return None
        contiguous = claim.scope is not None and ("48" in claim.scope or claim.scope.startswith("contiguous"))
        rank = features.state_rank(_trim(claim.subject.text), by_population, smallest, contiguous)
        if rank == claim.ordinal or rank is None and claim.ordinal > 3:
            return None
        measure = "population" if by_population else "area"
        order = "smallest" if smallest else ("most populous" if by_population else "largest")
        said = "not among the first ten" if rank is None else f"the {_ordinal(rank, False)} {order}"
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit()) if rank is not None else None
        where = "of the 48 contiguous states" if contiguous else "US state"
        return self._flag(doc, block, claim, word, f"{_trim(claim.subject.text)} is {said} {where} by {measure} "
                          "(U.S. Census Bureau)")

    def _division(self, doc, block, claim, cc: str, subject: str) -> Finding | None:
        """'Queensland, Australia's largest state': a first-level division's rank in its country."""
        from ..data import features, regions

        if claim.what not in ("largest", "biggest", "most populous", "most populated") or claim.ordinal > 3:
            return None
        by_population = "popul" in claim.what or (claim.by or "").casefold() == "population"
        names = [subject, *(regions.division_name(d) for d in regions.divisions_named(subject))]
        found = [features.division_rank(cc, n, by_population, territories=claim.noun == "territory") for n in names]
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
        if scope.casefold() in ("state", "province", "region"):  # "Floods hit Texas. Dallas, the state's ..."
            homes = {(p.country, p.admin1) for p in g.places(subject.text) if p.population >= 15_000}
            divisions, _ = division_named_before(doc, block, claim.start, homes)
            if len(divisions) != 1:
                return None
            areas = divisions
        elif scope.casefold() in ("country", "nation"):
            understood, _, cc = self._scope(g, claim, doc, block)
            scope = g.display(cc) if cc else scope
        elif not g.countries_named(scope) and len(codes := g.country_of_demonym(scope)) == 1:
            scope = g.display(codes[0])  # "the second-largest Kenyan city"
        if scope.casefold() not in ("state", "province", "region"):
            areas = self._areas(g, subject.text, scope)
        if not areas:
            return self._elsewhere(doc, block, g, claim, subject, scope)
        if len(areas) != 1:
            return None
        area = areas[0]
        rank, pop, leader = ranks.town_rank(g, subject.text, area)
        if rank == claim.ordinal:
            return None
        # The data's populations are mostly of city proper: a claim another count could make passes.
        if pop is None or ranks.could_rank(g, subject.text, area, pop, claim.ordinal) and not (
                claim.ordinal == 1 and ranks.clearly_not_first(g, subject.text, area, pop)):
            return None
        where = g.display(area).removeprefix("the ") if "." not in area else _area_name(g, area)
        said = ("not among the largest" if rank is None else "the largest" if rank == 1
                else f"the {_ordinal(rank, False)} largest")
        word = _ordinal(rank, numeric=claim.flag.text[:1].isdigit()) if rank is not None else None
        return self._flag(doc, block, claim, word, f"{subject.text} is {said} city in {where} by population in "
                          f"GeoNames (the largest is {leader})")

    def _elsewhere(self, doc, block, g, claim, subject, scope: str) -> Finding | None:
        """'Lyon, Germany's third-largest city': a big town ranked in a country none of its readings lies in (the
        possessive form of a named country only: "X, the largest city in Y" is the place-country rule's, and "the
        country" may not be the one named last)."""
        phrase = block.text[claim.start:claim.end]
        if claim.scope.casefold() in ("country", "nation") or f"{claim.scope}'s" not in phrase and f"{claim.scope}’s" not in phrase or \
                block.text[claim.subject.end:claim.start].strip() == "," and phrase.startswith(claim.scope):
            return None  # ("Lyon, Germany's ...": the place-country rule reads "Lyon, Germany")
        codes = tuple(g.countries_named(scope))
        top = _dominant(g, subject.text)
        if len(codes) != 1 or g.is_historic(scope) or top is None or top.population < 100_000 or \
                any(g.fits(r, codes) for r in g.readings(subject.text)):
            return None
        return self.finding(doc, block, min(claim.subject.start, claim.start), max(claim.subject.end, claim.end),
                            None, detail=f"{subject.text} is in {g.display(top.country).removeprefix('the ')}, not "
                            f"in {g.display(codes[0]).removeprefix('the ')}", match=claim.flag.text)

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


_DIVISION_NOUNS = frozenset(("state", "province", "region", "county", "territory", "governorate", "prefecture"))
_CONTINENTS = {"AF": "Africa", "EU": "Europe", "AS": "Asia", "SA": "South America", "NA": "North America",
               "OC": "Oceania"}
_CONTINENT_ADJECTIVES = {"african": "AF", "european": "EU", "asian": "AS", "south american": "SA",
                         "north american": "NA", "oceanian": "OC"}


def _region_scope(claim) -> bool:
    """Whether a rank's scope names a part of a continent ("Gulf", "the Baltic"), whose states are countries."""
    from ..data import subregions

    return bool(claim.scope) and (subregions.named(claim.scope) or subregions.of_adjective(claim.scope)) is not None


def _the(region: str) -> str:
    """A region's name as a sentence uses it ("the Gulf", "West Africa")."""
    bare = region.endswith(("Africa", "Asia", "Europe", "America", "Scandinavia"))
    return region if bare else f"the {region}"


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _context_scope(text: str, pos: int) -> str | None:
    """The continent or region that sets the scope of a superlative written without one: the one named in its
    sentence or in a label opening its paragraph ("Africa: ..."); "" when the paragraph names another, or
    several (the claim is then left alone), None when none is named."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    start = ends[-1] if ends else 0
    end_m = _SENTENCE_END.search(text, pos)
    end = end_m.start() if end_m else len(text)
    named = {name for name, _ in _regions_named(text[start:end])}
    label = _LABEL.match(text)
    if label is not None:
        named |= {name for name, _ in _regions_named(label.group(1))}
    if len(named) == 1:
        return named.pop()
    if named or any(True for _ in _regions_named(text)):
        return ""
    return None


_LABEL = re.compile(r"\s*([^:\n]{2,40}):\s")


def _regions_named(text: str):
    """(name as the tables key it, position) of every continent or region named in the text."""
    from ..data import subregions

    if "regions" not in _COMPILED:
        words = sorted({*(k.title() for k in SCOPES if SCOPES[k]), *(k.title() for k in _CONTINENT_ADJECTIVES),
                        *subregions.names(), *subregions.adjectives(), "Latin America", "Latin American", "Arab World",
                        "Americas", "European Union"}, key=len, reverse=True)
        _COMPILED["regions"] = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                                          + r")(?![\w-])", re.I)
    for m in _COMPILED["regions"].finditer(text):
        word = " ".join(m.group().split())
        if not word[:1].isupper():
            continue
        region = subregions.named(word) or subregions.of_adjective(word)
        yield (region.name if region else word), m.start()


_COMPILED: dict = {}


def _ordinal(n: int, numeric: bool) -> str:
    from ..data.mentions import ORDINALS

    if not numeric:
        for word, value in ORDINALS.items():
            if value == n:
                return word
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
