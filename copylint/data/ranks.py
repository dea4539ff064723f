"""The most populous towns of every country and first-level division (ranks.json, built by scripts/build_ranks.py)."""
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


def rivals(area: str, pop: int, own_rank: int | None, factor: float) -> tuple[int, int]:
    """How many of the area's other listed towns are clearly bigger (more than factor times pop) and how many may be
    bigger (at least pop / factor): the bounds a rank claim must fit when populations differ by source."""
    others = [row[2] for i, row in enumerate(towns(area), 1) if i != own_rank]
    return sum(p > pop * factor for p in others), sum(p * factor >= pop for p in others)


def nth_population(area: str, n: int) -> int | None:
    rows = towns(area)
    return rows[n - 1][2] if 0 < n <= len(rows) else None


def source() -> str:
    table = _table()
    return f"{table['source']}; {table['licence']}"
