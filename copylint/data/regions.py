"""First-level divisions (states, provinces) and where a point lies among a country's or division's places."""
from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .names import fold, name_key

_PATH = Path(__file__).with_name("regions.json")
_FORMER_PATH = Path(__file__).with_name("regions_former.json")
_LOCK = threading.Lock()
_TABLE: dict | None = None
# Words that name the kind of a division, not the division ("Kerala state", "the province of Punjab").
GENERIC = frozenset("""state province region territory oblast krai republic of the autonomous governorate
    department county district prefecture municipality voivodeship canton emirate division capital federal
    sheng shi zizhiqu uygur zhuangzu huizu muhafazat mayorality changwat apskritis okrug avtonomnyy""".split())

# Capitals of first-level divisions copy most often names (seat of the state/provincial government).
# Source: each country's government list of its states/provinces (US: usa.gov; Canada, Australia, India,
# Germany, Brazil, Pakistan, Nigeria, Mexico, China, Russia: their national government portals), 2024.
# "Country|Division|Capital[|another capital]".
DIVISION_CAPITALS = """
US|Alabama|Montgomery
US|Alaska|Juneau
US|Arizona|Phoenix
US|Arkansas|Little Rock
US|California|Sacramento
US|Colorado|Denver
US|Connecticut|Hartford
US|Delaware|Dover
US|Florida|Tallahassee
US|Georgia|Atlanta
US|Hawaii|Honolulu
US|Idaho|Boise
US|Illinois|Springfield
US|Indiana|Indianapolis
US|Iowa|Des Moines
US|Kansas|Topeka
US|Kentucky|Frankfort
US|Louisiana|Baton Rouge
US|Maine|Augusta
US|Maryland|Annapolis
US|Massachusetts|Boston
US|Michigan|Lansing
US|Minnesota|Saint Paul
US|Mississippi|Jackson
US|Missouri|Jefferson City
US|Montana|Helena
US|Nebraska|Lincoln
US|Nevada|Carson City
US|New Hampshire|Concord
US|New Jersey|Trenton
US|New Mexico|Santa Fe
US|New York|Albany
US|North Carolina|Raleigh
US|North Dakota|Bismarck
US|Ohio|Columbus
US|Oklahoma|Oklahoma City
US|Oregon|Salem
US|Pennsylvania|Harrisburg
US|Rhode Island|Providence
US|South Carolina|Columbia
US|South Dakota|Pierre
US|Tennessee|Nashville
US|Texas|Austin
US|Utah|Salt Lake City
US|Vermont|Montpelier
US|Virginia|Richmond
US|Washington|Olympia
US|West Virginia|Charleston
US|Wisconsin|Madison
US|Wyoming|Cheyenne
CA|Alberta|Edmonton
CA|British Columbia|Victoria
CA|Manitoba|Winnipeg
CA|New Brunswick|Fredericton
CA|Newfoundland and Labrador|St. John's
CA|Nova Scotia|Halifax
CA|Ontario|Toronto
CA|Prince Edward Island|Charlottetown
CA|Quebec|Quebec City|Quebec
CA|Saskatchewan|Regina
CA|Yukon|Whitehorse
CA|Northwest Territories|Yellowknife
CA|Nunavut|Iqaluit
AU|New South Wales|Sydney
AU|Victoria|Melbourne
AU|Queensland|Brisbane
AU|Western Australia|Perth
AU|South Australia|Adelaide
AU|Tasmania|Hobart
AU|Northern Territory|Darwin
IN|Maharashtra|Mumbai
IN|Karnataka|Bengaluru|Bangalore
IN|Tamil Nadu|Chennai|Madras
IN|Kerala|Thiruvananthapuram|Trivandrum
IN|West Bengal|Kolkata|Calcutta
IN|Uttar Pradesh|Lucknow
IN|Bihar|Patna
IN|Rajasthan|Jaipur
IN|Gujarat|Gandhinagar
IN|Madhya Pradesh|Bhopal
IN|Punjab|Chandigarh
IN|Haryana|Chandigarh
IN|Odisha|Bhubaneswar
IN|Assam|Dispur
IN|Telangana|Hyderabad
IN|Andhra Pradesh|Amaravati
IN|Jharkhand|Ranchi
IN|Chhattisgarh|Raipur
IN|Uttarakhand|Dehradun
IN|Himachal Pradesh|Shimla
IN|Goa|Panaji
IN|Manipur|Imphal
IN|Meghalaya|Shillong
IN|Tripura|Agartala
IN|Mizoram|Aizawl
IN|Nagaland|Kohima
IN|Sikkim|Gangtok
IN|Arunachal Pradesh|Itanagar
DE|Bavaria|Munich
DE|Baden-Wurttemberg|Stuttgart
DE|North Rhine-Westphalia|Dusseldorf
DE|Lower Saxony|Hanover
DE|Hesse|Wiesbaden
DE|Saxony|Dresden
DE|Saxony-Anhalt|Magdeburg
DE|Thuringia|Erfurt
DE|Brandenburg|Potsdam
DE|Mecklenburg-Vorpommern|Schwerin
DE|Schleswig-Holstein|Kiel
DE|Rhineland-Palatinate|Mainz
DE|Saarland|Saarbrucken
BR|Sao Paulo|Sao Paulo
BR|Rio de Janeiro|Rio de Janeiro
BR|Minas Gerais|Belo Horizonte
BR|Bahia|Salvador
BR|Rio Grande do Sul|Porto Alegre
BR|Parana|Curitiba
BR|Pernambuco|Recife
BR|Ceara|Fortaleza
BR|Para|Belem
BR|Amazonas|Manaus
BR|Santa Catarina|Florianopolis
BR|Goias|Goiania
PK|Punjab|Lahore
PK|Sindh|Karachi
PK|Khyber Pakhtunkhwa|Peshawar
PK|Balochistan|Quetta
NG|Lagos|Ikeja
NG|Kano|Kano
NG|Rivers|Port Harcourt
NG|Borno|Maiduguri
NG|Kaduna|Kaduna
NG|Oyo|Ibadan
MX|Jalisco|Guadalajara
MX|Nuevo Leon|Monterrey
MX|Yucatan|Merida
MX|Baja California|Mexicali
MX|Chihuahua|Chihuahua
MX|Sonora|Hermosillo
CN|Guangdong|Guangzhou
CN|Sichuan|Chengdu
CN|Hubei|Wuhan
CN|Zhejiang|Hangzhou
CN|Jiangsu|Nanjing
CN|Shandong|Jinan
CN|Henan|Zhengzhou
CN|Hunan|Changsha
CN|Fujian|Fuzhou
CN|Yunnan|Kunming
CN|Shaanxi|Xi'an
CN|Liaoning|Shenyang
CN|Heilongjiang|Harbin
CN|Jilin|Changchun
CN|Hebei|Shijiazhuang
CN|Xinjiang|Urumqi
CN|Tibet|Lhasa
CN|Inner Mongolia|Hohhot
CN|Guangxi|Nanning
CN|Anhui|Hefei
CN|Jiangxi|Nanchang
CN|Gansu|Lanzhou
CN|Guizhou|Guiyang
CN|Hainan|Haikou
GB|Scotland|Edinburgh
GB|Wales|Cardiff
GB|Northern Ireland|Belfast
GB|England|London
ES|Catalonia|Barcelona
ES|Andalusia|Seville
ES|Basque Country|Vitoria-Gasteiz|Vitoria
ES|Galicia|Santiago de Compostela
ES|Aragon|Zaragoza
ES|Castile and Leon|Valladolid
IT|Lombardy|Milan
IT|Sicily|Palermo
IT|Sardinia|Cagliari
IT|Tuscany|Florence
IT|Veneto|Venice
IT|Lazio|Rome
IT|Campania|Naples
IT|Piedmont|Turin
IT|Liguria|Genoa
IT|Emilia-Romagna|Bologna
IT|Apulia|Bari
IT|Calabria|Catanzaro
FR|Brittany|Rennes
FR|Normandy|Rouen
FR|Corsica|Ajaccio
FR|Occitanie|Toulouse
FR|Provence-Alpes-Cote d'Azur|Marseille
FR|Auvergne-Rhone-Alpes|Lyon
FR|Grand Est|Strasbourg
FR|Hauts-de-France|Lille
FR|Nouvelle-Aquitaine|Bordeaux
RU|Tatarstan|Kazan
RU|Chechnya|Grozny
RU|Dagestan|Makhachkala
IQ|Kurdistan|Erbil
ZA|Gauteng|Johannesburg
ZA|Western Cape|Cape Town
ZA|KwaZulu-Natal|Pietermaritzburg
ZA|Limpopo|Polokwane
ET|Tigray|Mekelle
ET|Amhara|Bahir Dar
SO|Somaliland|Hargeisa
SO|Puntland|Garowe
ID|Bali|Denpasar
ID|Aceh|Banda Aceh
ID|Papua|Jayapura
JP|Hokkaido|Sapporo
JP|Okinawa|Naha
AR|Buenos Aires|La Plata
AF|Helmand|Lashkar Gah
AU|Australian Capital Territory|Canberra
AT|Tyrol|Innsbruck
BE|Flanders|Brussels
BE|Wallonia|Namur
"""

# Adjectives copy uses for a division as if for a country ("the Scottish capital", "the Catalan city of").
# "Adjective|Country|Division".
DIVISION_ADJECTIVES = """
Scottish|GB|Scotland
Welsh|GB|Wales
English|GB|England
Northern Irish|GB|Northern Ireland
Catalan|ES|Catalonia
Basque|ES|Basque Country
Andalusian|ES|Andalusia
Galician|ES|Galicia
Bavarian|DE|Bavaria
Sicilian|IT|Sicily
Sardinian|IT|Sardinia
Tuscan|IT|Tuscany
Corsican|FR|Corsica
Breton|FR|Brittany
Flemish|BE|Flanders
Kurdish|IQ|Kurdistan
Tatar|RU|Tatarstan
Chechen|RU|Chechnya
Tigrayan|ET|Tigray
Texan|US|Texas
Californian|US|California
Floridian|US|Florida
Quebecois|CA|Quebec
Ontarian|CA|Ontario
Tasmanian|AU|Tasmania
Queensland|AU|Queensland
"""


def division_of_adjective(word: str) -> tuple[str, str] | None:
    """('GB', 'Scotland') for 'Scottish': an adjective that names a division, not its country."""
    key = name_key(word)
    for line in DIVISION_ADJECTIVES.strip().splitlines():
        adjective, cc, division = line.split("|")
        if name_key(adjective) == key:
            return cc, division
    return None


@dataclass(frozen=True, slots=True)
class Spread:
    """Where a point lies in a country or division: 0 = south/west edge, 1 = north/east edge, by extent (the
    2nd-98th percentile of its places) and by share of its places (interpolated between deciles)."""

    lat: float
    lon: float
    lat_share: float
    lon_share: float


def _table() -> dict:
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                with open(_PATH, encoding="utf-8") as handle:
                    _TABLE = json.load(handle)
    return _TABLE


def core_key(name: str) -> str:
    """A division's name without the generic words ('the State of Kerala' -> 'kerala')."""
    words = [w for w in fold(name).replace("-", " ").split() if w.casefold() not in GENERIC]
    return name_key(" ".join(words))


# Compass words as they stand in divisions' own names (ISO 3166-2 / GeoNames): Indonesian, French, Spanish,
# Portuguese, Persian and Arabic, Korean (the syllable before "-do"). English copy writes them first and in
# English: "Khorasan-e Shomali" is "North Khorasan", "Gyeongsangnam-do" "South Gyeongsang", "Nord Kivu" "North Kivu".
_NATIVE_POINTS = {"north": "utara nord norte shomali shamali buk", "south": "selatan sud sur sul jonubi janubi nam",
                  "west": "barat ouest oeste gharbi", "east": "timur est este leste sharqi"}
_POINT_OF = {w: point for point, words in _NATIVE_POINTS.items() for w in words.split()}
_KOREAN_DO = re.compile(r"(?P<stem>\w+?)(?P<point>buk|nam)-?do")
_LINKS = frozenset(("e", "do", "de", "del", "da", "al", "el"))


def english_compass_name(name: str) -> str | None:
    """'North Khorasan' for 'Khorasan-e Shomali', 'South Gyeongsang' for 'Gyeongsangnam-do': a division's own
    compass word put first in English (None when the name has none, or has more than that word and a stem)."""
    folded = fold(name).casefold()
    korean = _KOREAN_DO.fullmatch(folded)
    if korean:
        return f"{_POINT_OF[korean['point']].title()} {korean['stem'].title()}"
    words = folded.replace("-", " ").split()
    points = [w for w in words if w in _POINT_OF and w not in ("buk", "nam")]
    rest = [w for w in words if w not in _POINT_OF]
    if len(points) != 1 or not rest or any(w in _LINKS for w in rest[:-1]) or rest[-1] in ("do", "de"):
        return None
    rest = [w for w in rest if w != "e"]  # the Persian link ("Khorasan-e Shomali")
    return " ".join([_POINT_OF[points[0]].title(), *(w.title() for w in rest)])


@lru_cache(maxsize=1)
def _former() -> dict:
    """regions_former.json (scripts/build_former_divisions.py): divisions merged away and current names."""
    with open(_FORMER_PATH, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    now = {entry["now"]: entry["now_name"] for entry in _former()["former"].values()}
    for code, entry in _table()["divisions"].items():
        names = (entry["name"], *entry["names"], *([now[code]] if code in now else ()))
        for name in (*names, *filter(None, map(english_compass_name, names))):
            for key in {name_key(name), core_key(name)}:
                if len(key) >= 3:
                    found.setdefault(key, set()).add(code)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def divisions_named(name: str) -> tuple[str, ...]:
    """The first-level divisions ('CC.admin1') a name stands for ('Kerala', 'Kerala state', 'Texas')."""
    if name[:4].lower() == "the ":
        name = name[4:]
    key = name_key(name)
    found = _by_name().get(key)
    if found is None:
        found = _by_name().get(core_key(name), ())
    return found


@lru_cache(maxsize=1)
def _second_level() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 subdivisions below the first level (a county, department, province) by name key: the
    first-level divisions ('CC.admin1') their parents are."""
    import pycountry

    subdivisions = {s.code: s for s in pycountry.subdivisions}
    found: dict[str, set[str]] = {}
    for sub in subdivisions.values():
        parent = subdivisions.get(sub.parent_code) if sub.parent_code else None
        homes: tuple[str, ...] = ()
        while parent is not None and not homes:
            homes = tuple(d for d in divisions_named(parent.name) if d.startswith(sub.country_code + "."))
            parent = subdivisions.get(parent.parent_code) if parent.parent_code else None
        if homes:
            found.setdefault(name_key(sub.name), set()).update(homes)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def second_level_homes(name: str) -> tuple[str, ...]:
    """The first-level divisions a second-level one of that name ('Negros Occidental', 'Bouches-du-Rhone',
    'Lancashire') lies in; () when no second-level division has the name or any first-level one does."""
    if name[:4].lower() == "the ":
        name = name[4:]
    if divisions_named(name):
        return ()
    return _second_level().get(name_key(name), ()) or former_homes(name)


@lru_cache(maxsize=1)
def _former_by_name() -> dict[str, str]:
    found: dict[str, str] = {}
    for name, entry in _former()["former"].items():
        for key in {name_key(name), core_key(name)}:
            found[key] = entry["now"]
    return found


def former_homes(name: str) -> tuple[str, ...]:
    """The division ('FR.44') that now holds a first-level division merged away ('Alsace', France's regions of
    before 2016): like a second-level one, a part of it."""
    if name[:4].lower() == "the ":
        name = name[4:]
    home = _former_by_name().get(name_key(name)) or _former_by_name().get(core_key(name))
    return (home,) if home else ()


def division_name(code: str) -> str:
    """A division's name, the current one where GeoNames keeps a former one ('Nord-Pas-de-Calais')."""
    current = _former()["current"].get(code)
    if current:
        return current
    entry = _table()["divisions"].get(code)
    return entry["name"] if entry else code


def spread_of(lat: float, lon: float, code: str) -> Spread | None:
    """Where (lat, lon) lies within the country ('FR') or division ('US.TX'); None with too few places or a
    country too small to have parts (under a degree across)."""
    row = _table()["spread"].get(code)
    if row is None or row[2] < 8:
        return None
    lats, lons = row[0], row[1]
    (s, n), (w, e) = _core(lats), _core(lons)
    if n - s < 1.0 and e - w < 1.0:
        return None
    return Spread(_relative(lat, s, n), _relative(lon, w, e), _share(lat, lats), _share(lon, lons))


# Outlying islands (Madeira, the Azores) stretch an extent: a tail beyond the outer deciles longer than _TAIL
# times the span between them is clipped to _REACH times that span (a main land's sparse parts, Xinjiang or
# Finnmark, stay: their tails are shorter).
_TAIL = 1.2
_REACH = 0.35


def _core(row: list[float]) -> tuple[float, float]:
    """The extent of a row (2nd and 98th percentiles), its island tails clipped."""
    low, high, d1, d9 = row[0], row[1], row[2], row[10]
    span = d9 - d1
    if d1 - low > _TAIL * span:
        low = d1 - _REACH * span
    if high - d9 > _TAIL * span:
        high = d9 + _REACH * span
    return low, high


def centre(code: str) -> tuple[float, float] | None:
    """The median latitude and longitude of a division's places."""
    row = _table()["spread"].get(code)
    return None if row is None else (row[0][6], row[1][6])


def spot(code: str, central: bool = False) -> tuple[float, float] | None:
    """Where a division is judged from: the median of its places; for "central", its point nearest the middle
    of its country (a division reaching into the middle is central there: "the central Russian region of Tver")."""
    middle = centre(code)
    home = centre(code.partition(".")[0]) if central else None
    row = _table()["spread"].get(code)
    if middle is None or home is None or row is None:
        return middle
    (s, n), (w, e) = _core(row[0]), _core(row[1])
    return min(max(home[0], s), n), min(max(home[1], w), e)


def _relative(value: float, low: float, high: float) -> float:
    return 0.5 if high - low < 0.3 else (value - low) / (high - low)


def _share(value: float, row: list[float]) -> float:
    """The share of places below value, interpolated over the extent's ends (2%, 98%) and the deciles."""
    points = [(row[0], 0.02), *((v, q / 10) for q, v in enumerate(row[2:], 1)), (row[1], 0.98)]
    values = [p[0] for p in points]
    i = bisect_left(values, value)
    if i == 0:
        return 0.0 if value < values[0] else 0.02
    if i >= len(points):
        return 1.0
    (v0, q0), (v1, q1) = points[i - 1], points[i]
    return q0 if v1 == v0 else q0 + (q1 - q0) * (value - v0) / (v1 - v0)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, tuple[str, ...]]]:
    """division key -> (country code, capital names)."""
    found = {}
    for line in DIVISION_CAPITALS.strip().splitlines():
        cc, division, *capitals = line.split("|")
        found[(cc, name_key(division))] = tuple(capitals)
    return found


def division_capitals(cc: str, division: str) -> tuple[str, ...]:
    """The capital(s) of a division of country cc named `division`, when the table knows it, else ()."""
    return _capitals().get((cc, name_key(division)), _capitals().get((cc, core_key(division)), ()))


def capital_divisions(name: str) -> list[tuple[str, str]]:
    """Every (country, division) whose capital the table says `name` is."""
    key = name_key(name)
    return [(cc, div) for (cc, div), caps in _capitals().items() if key in {name_key(c) for c in caps}]


_SEATS_PATH = Path(__file__).with_name("seats.json")


@lru_cache(maxsize=1)
def _seats() -> dict[str, list]:
    with _LOCK, open(_SEATS_PATH, encoding="utf-8") as handle:
        return json.load(handle)["seats"]


def seats(code: str) -> tuple[tuple[str, float, float], ...]:
    """(name, lat, lon) of a first-level division's seat(s) ('NG.23'), from GeoNames' PPLA marks (seats.json,
    built by scripts/build_seats.py); () when the data has none."""
    return tuple((row[0], row[1], row[2]) for row in _seats().get(code, ()))


def source() -> str:
    table = _table()
    return f"{table['source']}; {table['licence']}"
