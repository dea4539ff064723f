"""Which first-level divisions may border which (borders.json), and whether a third one's towns lie between two."""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

_PATH = Path(__file__).with_name("borders.json")
_LOCK = threading.Lock()
_CELL = 1.0  # degrees, the town index's buckets
_REACH_KM = 120.0  # a point of the line between two divisions farther than this from every town: empty land or sea
_SAMPLES = 9


@lru_cache(maxsize=1)
def _table() -> dict:
    with _LOCK, open(_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def known(division: str) -> bool:
    """Whether the map has the division ('MX.26') with enough places (five of 500+) to judge its borders."""
    return _table()["places"].get(division, 0) >= 5


def may_border(a: str, b: str) -> bool:
    """Whether division a may border b: a division ('US.AZ') or a country ('US': any of its divisions)."""
    near = _table()["adjacent"].get(a, ())
    if "." in b:
        return b in near
    return any(d.partition(".")[0] == b for d in near)


def source() -> str:
    """The map's source and licence, as `copylint rule` shows them."""
    table = _table()
    return f"{table['source']}; {table['licence']}"


@dataclass(frozen=True, slots=True)
class _Index:
    """Plain data read once from the gazetteer: towns bucketed by cell, and each division's and country's towns
    in bucket order with their place in it (duplicate rows dropped), grouped by cell."""

    buckets: dict[tuple[int, int], list[tuple[float, float, str]]]
    cells: dict[str, dict[tuple[int, int], list[tuple[int, float, float]]]]


_INDEX: list[_Index] = []


def _index(g: Gazetteer) -> _Index:
    if _INDEX:
        return _INDEX[0]
    with _LOCK:
        if not _INDEX:
            buckets: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
            for lat, lon, cc, admin1 in g.all_places():
                cell = (math.floor(lat / _CELL), math.floor(lon / _CELL))
                buckets.setdefault(cell, []).append((lat, lon, f"{cc}.{admin1}"))
            cells: dict[str, dict[tuple[int, int], list[tuple[int, float, float]]]] = {}
            seen: set[tuple[float, float, str]] = set()
            for order, town in enumerate(t for bucket in buckets.values() for t in bucket):
                if town in seen:
                    continue
                seen.add(town)
                lat, lon, div = town
                cell = (math.floor(lat / _CELL), math.floor(lon / _CELL))
                for key in (div, div.partition(".")[0]):
                    cells.setdefault(key, {}).setdefault(cell, []).append((order, lat, lon))
            _INDEX.append(_Index(buckets, cells))
    return _INDEX[0]


def _nearest(buckets: dict, lat: float, lon: float) -> tuple[float, str] | None:
    i, j = math.floor(lat / _CELL), math.floor(lon / _CELL)
    coslat = max(math.cos(math.radians(lat)), 0.05)
    best: tuple[float, str] | None = None
    for di in (-1, 0, 1):
        for dj in (-2, -1, 0, 1, 2):
            for plat, plon, div in buckets.get((i + di, j + dj), ()):
                d = math.hypot((plat - lat) * 111.2, (plon - lon) * 111.2 * coslat)
                if best is None or d < best[0]:
                    best = (d, div)
    return best if best is not None and best[0] <= _REACH_KM else None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """A lower bound of the squared distance (as separated() measures it) between any town of cell a and of cell b."""
    dlat = max(b[0] - a[0] - 1, a[0] - b[0] - 1, 0) * _CELL
    dlon = max(b[1] - a[1] - 1, a[1] - b[1] - 1, 0) * _CELL
    lows = (abs(a[0] * _CELL), abs((a[0] + 1) * _CELL))
    c = min(math.cos(math.radians(min(x, 90.0))) for x in lows)
    return (dlat * dlat + (dlon * c) ** 2) * (1 - 1e-9)


def _closest(mine: dict, theirs: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """The nearest pair of towns, a town of mine first; ties go to the earlier towns in bucket order. Cell pairs are
    tried nearest first and the search stops once no cell pair can hold a nearer pair."""
    pairs = sorted((_gap(a, b), a, b) for a in mine for b in theirs)
    best: tuple[float, int, int, tuple[float, float], tuple[float, float]] | None = None
    for low, a, b in pairs:
        if best is not None and low > best[0]:
            break
        for i, plat, plon in mine[a]:
            c = math.cos(math.radians(plat))
            for j, qlat, qlon in theirs[b]:
                d = (plat - qlat) ** 2 + ((plon - qlon) * c) ** 2
                if best is None or (d, i, j) < best[:3]:
                    best = (d, i, j, (plat, plon), (qlat, qlon))
    assert best is not None
    return best[3], best[4]


def separated(g: Gazetteer, a: str, b: str) -> bool:
    """Whether towns of a third division lie along the line between the nearest towns of a and b (a division; b a
    division or a country) at two of its nine sample points or more: land held by another. Points that only sea
    or empty land surrounds count for neither, so two divisions that only a desert or a strait parts pass."""
    _index(g)
    return _separated(a, b)


@lru_cache(maxsize=4096)
def _separated(a: str, b: str) -> bool:
    if "." not in a:
        return False
    line = _line(a, b)
    return line is not None and _held_by_others(line, lambda d: d != a and d != b and d.partition(".")[0] != b) >= 2


def _line(a: str, b: str) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The nearest towns of a and b (divisions or countries), a's first; None when either has none."""
    index = _INDEX[0]
    mine, theirs = index.cells.get(a), index.cells.get(b)
    return _closest(mine, theirs) if mine and theirs else None


def _held_by_others(line: tuple[tuple[float, float], tuple[float, float]], other) -> int:
    """How many of the line's _SAMPLES inner points have a nearest town (within _REACH_KM) whose division other
    accepts."""
    (plat, plon), (qlat, qlon) = line
    found = 0
    for k in range(1, _SAMPLES + 1):
        t = k / (_SAMPLES + 1)
        hit = _nearest(_INDEX[0].buckets, plat + t * (qlat - plat), plon + t * (qlon - plon))
        found += hit is not None and other(hit[1])
    return found


STRAIT_KM = 60.0  # two countries' nearest towns this close, with no third country's between: a strait or causeway


def across_strait(g: Gazetteer, a: str, b: str) -> bool:
    """Whether countries a and b face each other across a strait (Britain and France, Malaysia and Singapore):
    their nearest towns lie within STRAIT_KM and no third country's towns lie along the line between (two of
    nine sample points, as separated() judges)."""
    _index(g)
    return _across_strait(a, b)


@lru_cache(maxsize=4096)
def _across_strait(a: str, b: str) -> bool:
    line = _line(a, b)
    if line is None:
        return False
    (plat, plon), (qlat, qlon) = line
    if math.hypot(plat - qlat, (plon - qlon) * math.cos(math.radians(plat))) * 111.2 > STRAIT_KM:
        return False
    return _held_by_others(line, lambda d: d.partition(".")[0] not in (a, b)) < 2
