"""Which first-level divisions may border which (borders.json, built by scripts/build_borders.py), and whether a third
division's towns lie between two that the map keeps apart."""
from __future__ import annotations

import json
import math
import threading
from functools import lru_cache
from pathlib import Path

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
    table = _table()
    return f"{table['source']}; {table['licence']}"


@lru_cache(maxsize=1)
def _towns(g) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """The gazetteer's towns of 15,000+ bucketed by 1-degree cell, with their division ('CC.admin1')."""
    buckets: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for lat, lon, cc, admin1 in g.all_places():
        buckets.setdefault((math.floor(lat / _CELL), math.floor(lon / _CELL)), []).append((lat, lon, f"{cc}.{admin1}"))
    return buckets


def _nearest(g, lat: float, lon: float) -> tuple[float, str] | None:
    buckets = _towns(g)
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


def separated(g, a: str, b: str) -> bool:
    """Whether towns of a third division lie along the line between the nearest towns of a and b (a division; b a
    division or a country) at two of its nine sample points or more: land held by another. Points that only sea
    or empty land surrounds count for neither, so two divisions that only a desert or a strait parts pass."""
    mine = [(lat, lon) for lat, lon, div in _all(g) if div == a]
    theirs = [(lat, lon) for lat, lon, div in _all(g) if (div == b if "." in b else div.partition(".")[0] == b)]
    if not mine or not theirs:
        return False
    best = None
    for p in mine:
        for q in theirs:
            d = (p[0] - q[0]) ** 2 + ((p[1] - q[1]) * math.cos(math.radians(p[0]))) ** 2
            if best is None or d < best[0]:
                best = (d, p, q)
    _, p, q = best
    third = 0
    for k in range(1, _SAMPLES + 1):
        t = k / (_SAMPLES + 1)
        hit = _nearest(g, p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
        if hit is not None and hit[1] != a and hit[1] != b and hit[1].partition(".")[0] != b:
            third += 1
    return third >= 2


def _all(g) -> list[tuple[float, float, str]]:
    return [town for bucket in _towns(g).values() for town in bucket]
