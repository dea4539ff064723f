"""The most populous towns and agglomerations of every country and first-level division (ranks.json, built by
scripts/build_ranks.py)."""
from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

from .names import name_key

_PATH = Path(__file__).with_name("ranks.json")
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _table() -> dict:
    with _LOCK, open(_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def towns(area: str) -> list[tuple[str, str, int]]:
    """(name, admin1, population) of the area's most populous towns, largest first ('FR', 'US.TX')."""
    return [tuple(row) for row in _table()["towns"].get(area, ())]


def town_rank(g, town: str, area: str) -> tuple[int | None, int | None, str]:
    """The town's rank by population in the area (None beyond the table), its population (None when the
    gazetteer has no such town there), and the name of the area's largest town."""
    rows = towns(area)
    cc, _, admin1 = area.partition(".")
    mine = [p for p in g.places(town) if p.country == cc and (not admin1 or p.admin1 == admin1)]
    names = {name_key(p.name) for p in mine} | {name_key(town)}
    same = {(p.admin1, p.population) for p in mine}  # an English name ('Chittagong') for GeoNames' own
    rank = next((i for i, row in enumerate(rows, 1) if name_key(row[0]) in names or (row[1], row[2]) in same),
                None)
    pop = max((p.population for p in mine), default=None)
    return rank, pop, rows[0][0] if rows else ""


# Populations of one town differ by source and by what is counted (city proper, municipality, metropolitan
# area). A town CLEARLY times another's is bigger by any count (more margin for city proper, whose list holds
# some districts and counties); one within MAYBE times may be bigger by some count (more margin for agglomerations,
# which this data builds from towns of 5,000+ only: Lyon's is short of its many small communes).
CLEARLY, CLEARLY_METRO, MAYBE, MAYBE_METRO = 2.0, 1.5, 1.3, 1.6
# The margins above judge a town one place off, where counts disagree most. A second city two places or more off
# by both counts (other agglomerations' main towns, city proper; and agglomerations) is a wrong rank once each of
# the towns ahead is more than TIED times bigger (a near tie is not counted ahead) and the one at the claimed rank
# more than MAYBE_METRO times bigger. (Third places and lower keep the margins: there counts of city, municipality,
# urban area and census year disagree most: "Kisumu, Kenya's third-largest city".)
TIED = 1.15


def could_rank(g, town: str, area: str, pop: int, ordinal: int) -> bool:
    """Whether some count could make the town the area's Nth. City proper: the first unless the leader has twice
    its people; else Nth unless N or more other agglomerations' main towns are CLEARLY bigger (one spare: the
    data lists a few counties as towns) or fewer than N - 1 towns are even MAYBE bigger. Agglomerations (its
    own: the one whose main town is within 30 km of it): CLEARLY_METRO and MAYBE_METRO, no spare. Never a second
    city that ranks two places or more below by both counts (see TIED). Beyond the tables, anything."""
    from .compass import distance_km

    rows = towns(area)
    if ordinal > len(rows):
        return True
    cc, _, admin1 = area.partition(".")
    mine = [p for p in g.places(town) if p.country == cc and (not admin1 or p.admin1 == admin1)]
    metro = [tuple(row) for row in _table()["metro"].get(area, ())]
    home = next((row for row in metro if any(distance_km((p.lat, p.lon), row[3:5]) <= 30 for p in mine)), None)
    heads = [row[2] for row in rows if row[3] == row[0] and (home is None or row[0] != home[0])]
    maybe = [row[2] for row in rows if row[2] != pop]
    others = [row[2] for row in metro if row is not home]
    if ordinal == 2 and home is not None and _far_below(heads, pop, ordinal) and \
            _far_below(others, home[2], ordinal):
        return False  # two places or more below the claim by both counts: no count makes it the Nth
    if _within(heads, maybe, pop, ordinal, CLEARLY, MAYBE, spare=int(ordinal >= 3)):
        return True
    if home is None:
        return False
    return ordinal > len(metro) or _within(others, others, home[2], ordinal, CLEARLY_METRO, MAYBE_METRO, spare=0)


# A town called the area's largest is not when another town is this many times bigger by city proper, and by
# agglomeration too.
FIRST_CITY, FIRST_METRO, FIRST_METRO_CAPITAL = 1.3, 1.15, 3.0


def clearly_not_first(g, town: str, area: str, pop: int) -> bool:
    """Whether both counts put another town clearly ahead of this one ("Montreal, Canada's largest city"): the
    leader by city proper has FIRST_CITY times its people, and the leading agglomeration FIRST_METRO times its
    own agglomeration's. A town the data lacks an agglomeration for is judged by city proper alone only against
    a leader twice its size; countries only (a division's list holds too many districts and counties)."""
    from .compass import distance_km
    from .names import name_key

    rows = towns(area)
    if "." in area or not rows or pop * FIRST_CITY >= rows[0][2]:
        return False  # (a division's towns: too many districts and counties listed as towns to judge)
    mine = [p for p in g.places(town) if p.country == area]
    metro = [tuple(row) for row in _table()["metro"].get(area, ())]
    home = next((row for row in metro if any(distance_km((p.lat, p.lon), row[3:5]) <= 30 for p in mine)), None)
    leaders = [p for p in g.places(rows[0][0]) if p.country == area]
    if g.is_capital(town, area) and any(distance_km((p.lat, p.lon), (q.lat, q.lon)) <= 40
                                        for p in mine for q in leaders):
        return False  # a capital by its leading town (Manila by Quezon City): one city by some count
    if home is None:
        return rows[0][2] >= 2 * pop
    if name_key(home[0]) not in {name_key(p.name) for p in mine} | {name_key(town)}:
        return False  # an agglomeration named for a neighbour (Yokohama's, Tokyo's): municipal counts may differ
    # A capital's city proper is often its capital region (Brussels'): its agglomeration must lead by far.
    margin = FIRST_METRO_CAPITAL if g.is_capital(rows[0][0], area) and rows[0][2] < 2 * pop else FIRST_METRO
    return max(row[2] for row in metro) > home[2] * margin


def _far_below(pops: list[int], pop: int, ordinal: int) -> bool:
    """Whether N + 1 or more others are TIED times bigger (the town ranks two places or more below the Nth) and
    the Nth of them more than MAYBE_METRO times bigger (beyond what any count of the data may make a tie)."""
    ahead = sorted((p for p in pops if p > pop * TIED), reverse=True)
    return len(ahead) > ordinal and ahead[ordinal - 1] > pop * MAYBE_METRO


def _within(clear: list[int], maybe: list[int], pop: int, ordinal: int, clearly: float, may: float,
            spare: int) -> bool:
    if ordinal == 1:
        return max(maybe, default=0) < min(clearly, 2) * pop
    return sum(p > pop * clearly for p in clear) - spare < ordinal <= sum(p * may >= pop for p in maybe) + 1


def nth_population(area: str, n: int) -> int | None:
    rows = towns(area)
    return rows[n - 1][2] if 0 < n <= len(rows) else None


def source() -> str:
    table = _table()
    return f"{table['source']}; {table['licence']}"
