"""Rivers, mountains and lakes with their size, continent and countries, and US states' area and population ranks,
for rank claims ("the Danube, Europe's longest river", "Texas, the largest US state")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .names import name_key

SOURCE = ("Encyclopaedia Britannica: 'Longest rivers of the world', 'Highest mountains by continent', 'Largest "
          "lakes of the world' and 'Islands of the world' (area) tables; U.S. Census Bureau, 2020 census (state population) and State Area Measurements")

# kind|name|aliases|size (river km, mountain m, lake km2)|continents|countries|peers (may be called first
# instead of this one: measures differ)
FEATURES = """
river|Nile|Nile River|6650|AF|EG SD SS UG ET RW BI TZ KE CD ER|Amazon
river|Amazon|Amazon River|6400|SA|BR PE CO|Nile
river|Yangtze|Yangtze River,Chang Jiang|6300|AS|CN|
river|Mississippi|Mississippi River,Mississippi-Missouri|6275|NA|US|Missouri
river|Missouri|Missouri River|3767|NA|US|Mississippi
river|Yenisei|Yenisei River|5539|AS|RU MN|
river|Yellow River|Huang He|5464|AS|CN|
river|Ob|Ob River,Ob-Irtysh|5410|AS|RU KZ CN|
river|Parana|Parana River|4880|SA|BR PY AR|
river|Congo|Congo River|4700|AF|CD CG AO CF CM ZM TZ|
river|Amur|Amur River|4444|AS|RU CN MN|
river|Lena|Lena River|4400|AS|RU|
river|Mekong|Mekong River|4350|AS|CN MM LA TH KH VN|
river|Mackenzie|Mackenzie River|4241|NA|CA|
river|Niger|Niger River|4200|AF|GN ML NE BJ NG|
river|Murray|Murray River|2508|OC|AU|Darling
river|Darling|Darling River|1472|OC|AU|Murray
river|Volga|Volga River|3531|EU|RU|
river|Danube|Danube River|2850|EU|DE AT SK HU HR RS RO BG MD UA|
river|Ural|Ural River|2428|EU AS|RU KZ|
river|Dnieper|Dnipro,Dnieper River|2201|EU|RU BY UA|
river|Don|Don River|1870|EU|RU|
river|Rhine|Rhine River|1233|EU|CH LI AT DE FR NL|
river|Elbe|Elbe River|1094|EU|CZ DE|
river|Vistula|Vistula River|1047|EU|PL|
river|Loire|Loire River|1006|EU|FR|
river|Tagus|Tejo,Tajo,Tagus River|1007|EU|ES PT|
river|Ebro|Ebro River|910|EU|ES|
river|Seine|Seine River|777|EU|FR|
river|Po|Po River|652|EU|IT|
river|Thames|River Thames,Thames River|346|EU|GB|Severn
river|Severn|River Severn|354|EU|GB|Thames
river|Shannon|River Shannon|360|EU|IE|
river|Ganges|Ganga,Ganges River|2525|AS|IN BD|
river|Indus|Indus River|3180|AS|CN IN PK|
river|Brahmaputra|Brahmaputra River|2900|AS|CN IN BD|Ganges
river|Euphrates|Euphrates River|2800|AS|TR SY IQ|
river|Tigris|Tigris River|1850|AS|TR SY IQ|
river|Irrawaddy|Ayeyarwady|2170|AS|MM|
river|Zambezi|Zambezi River|2574|AF|ZM AO NA BW ZW MZ|
river|Orange|Orange River|2200|AF|LS ZA NA|
river|Limpopo|Limpopo River|1750|AF|ZA BW ZW MZ|
river|Rio Grande|Rio Bravo|3051|NA|US MX|
river|Colorado|Colorado River|2330|NA|US MX|
river|Yukon|Yukon River|3185|NA|CA US|
river|St. Lawrence|Saint Lawrence,St Lawrence River|3058|NA|CA US|
river|Orinoco|Orinoco River|2140|SA|VE CO|
river|Sao Francisco|Sao Francisco River|2830|SA|BR|
river|Madeira|Madeira River|3250|SA|BR BO|
mountain|Everest|Mount Everest,Mt Everest,Qomolangma,Sagarmatha|8849|AS|NP CN|
mountain|K2|Mount Godwin-Austen|8611|AS|PK CN|
mountain|Kangchenjunga|Kanchenjunga|8586|AS|NP IN|
mountain|Lhotse||8516|AS|NP CN|
mountain|Makalu||8485|AS|NP CN|
mountain|Aconcagua|Mount Aconcagua|6961|SA|AR|
mountain|Ojos del Salado||6893|SA|CL AR|
mountain|Denali|Mount McKinley,Mt McKinley|6190|NA|US|
mountain|Mount Logan||5959|NA|CA|
mountain|Pico de Orizaba|Citlaltepetl|5636|NA|MX|
mountain|Kilimanjaro|Mount Kilimanjaro,Mt Kilimanjaro|5895|AF|TZ|
mountain|Mount Kenya|Mt Kenya|5199|AF|KE|
mountain|Mount Stanley|Margherita Peak|5109|AF|UG CD|
mountain|Elbrus|Mount Elbrus|5642|EU|RU|Mont Blanc
mountain|Mont Blanc|Monte Bianco|4808|EU|FR IT|Elbrus
mountain|Matterhorn||4478|EU|CH IT|
mountain|Puncak Jaya|Carstensz Pyramid|4884|OC|ID|
mountain|Aoraki|Mount Cook,Aoraki/Mount Cook|3724|OC|NZ|
mountain|Mount Kosciuszko|Kosciuszko|2228|OC|AU|
mountain|Mount Fuji|Fuji,Fujisan|3776|AS|JP|
mountain|Mount Ararat|Ararat|5137|AS|TR|
mountain|Mount Damavand|Damavand|5610|AS|IR|
mountain|Ben Nevis||1345|EU|GB|
mountain|Snowdon|Yr Wyddfa|1085|EU|GB|
mountain|Mount Olympus||2918|EU|GR|
mountain|Teide|Mount Teide|3715|EU|ES|
mountain|Mulhacen||3479|EU|ES|
mountain|Zugspitze||2962|EU|DE|
mountain|Carrauntoohil||1039|EU|IE|
lake|Caspian Sea|Caspian|371000|AS EU|RU KZ TM IR AZ|Lake Superior|salt
lake|Lake Superior|Superior|82100|NA|US CA|Caspian Sea
lake|Lake Victoria|Victoria|68870|AF|UG KE TZ|
lake|Lake Huron|Huron|59600|NA|US CA|
lake|Lake Michigan|Michigan|58000|NA|US|
lake|Lake Tanganyika|Tanganyika|32600|AF|TZ CD BI ZM|
lake|Lake Baikal|Baikal|31500|AS|RU|
lake|Great Bear Lake||31153|NA|CA|
lake|Lake Malawi|Lake Nyasa|29600|AF|MW MZ TZ|
lake|Great Slave Lake||27200|NA|CA|
lake|Lake Erie|Erie|25700|NA|US CA|
lake|Lake Winnipeg||24514|NA|CA|
lake|Lake Ontario||18960|NA|US CA|
lake|Lake Ladoga|Ladoga|17700|EU|RU|
lake|Lake Balkhash|Balkhash|16400|AS|KZ||salt
lake|Lake Onega|Onega|9700|EU|RU|
lake|Lake Titicaca|Titicaca|8372|SA|PE BO|
lake|Lake Nicaragua||8264|NA|NI|
lake|Lake Turkana|Turkana|6405|AF|KE ET|
lake|Lake Vanern|Vanern|5650|EU|SE|
lake|Lake Geneva|Lac Leman|580|EU|CH FR|
lake|Lough Neagh||392|EU|GB|
island|Greenland||2130800|NA|GL|
island|New Guinea||785753|OC|PG ID|
island|Borneo||743330|AS|ID MY BN|
island|Madagascar||587041|AF|MG|
island|Baffin Island|Baffin|507451|NA|CA|
island|Sumatra||473481|AS|ID|
island|Honshu||227960|AS|JP|
island|Victoria Island||217291|NA|CA|
island|Great Britain|Britain|209331|EU|GB|
island|Ellesmere Island|Ellesmere|196236|NA|CA|
island|Sulawesi|Celebes|180681|AS|ID|
island|South Island||150437|OC|NZ|
island|Java||138794|AS|ID|
island|North Island||113729|OC|NZ|
island|Luzon||109965|AS|PH|
island|Newfoundland||108860|NA|CA|
island|Cuba||104338|NA|CU|
island|Iceland||101826|EU|IS|
island|Mindanao||97530|AS|PH|
island|Ireland||84421|EU|IE GB|
island|Hokkaido||77981|AS|JP|
island|Hispaniola||76192|NA|HT DO|
island|Sakhalin||72492|AS|RU|
island|Tasmania||64519|OC|AU|
island|Sri Lanka||65610|AS|LK|
island|Tierra del Fuego|Isla Grande de Tierra del Fuego|47992|SA|CL AR|
island|Kyushu||36782|AS|JP|
island|Taiwan||35808|AS|TW|
island|Hainan||33920|AS|CN|
island|Vancouver Island||31285|NA|CA|
island|Timor||30777|AS|TL ID|
island|Sicily||25711|EU|IT|
island|Sardinia||24090|EU|IT|
island|Shikoku||18298|AS|JP|
island|Samar||13429|AS|PH|
island|Negros||13310|AS|PH|
island|Palawan||12189|AS|PH|
island|Panay||12011|AS|PH|
island|Hawaii|Big Island|10432|OC|US|
island|Mindoro||10572|AS|PH|
island|Corsica||8680|EU|FR|
island|Crete||8336|EU|GR|
island|Zealand|Sjaelland|7031|EU|DK|
island|Euboea|Evia|3684|EU|GR|
island|Mallorca|Majorca|3640|EU|ES|
island|Gotland||2994|EU|SE|
island|Tenerife||2034|EU|ES|
island|Jeju|Jeju Island|1849|AS|KR|
island|Fuerteventura||1660|EU|ES|
island|Lesbos|Lesvos|1633|EU|GR|
island|Gran Canaria||1560|EU|ES|
island|Rhodes||1401|EU|GR|
island|Unguja|Zanzibar|1666|AF|TZ|
island|Pemba||988|AF|TZ|
island|Stewart Island|Rakiura|1746|OC|NZ|
"""

# The largest first-level divisions of large countries by area (km2) and population, as the countries' own
# statistics give them ("CC|division|area|population"; 0: not among the country's largest by that measure).
# Sources: Geoscience Australia and ABS; Statistics Canada; Census of India 2011; IBGE; China NBS yearbook;
# Rosstat; NBS Nigeria; INEGI; Pakistan Bureau of Statistics 2023; Destatis.
DIVISIONS = """
AU|Western Australia|2527013|2800000
AU|Queensland|1729742|5300000
AU|Northern Territory|1347791|0
AU|South Australia|983482|1800000
AU|New South Wales|800642|8200000
AU|Victoria|227416|6700000
CA|Nunavut|2093190|0
CA|Quebec|1542056|8900000
CA|Northwest Territories|1346106|0
CA|Ontario|1076395|15600000
CA|British Columbia|944735|5600000
CA|Alberta|661848|4800000
IN|Rajasthan|342239|68500000
IN|Madhya Pradesh|308252|72600000
IN|Maharashtra|307713|112400000
IN|Uttar Pradesh|240928|199800000
IN|Gujarat|196024|60400000
IN|Bihar|0|104100000
IN|West Bengal|0|91300000
BR|Amazonas|1559167|0
BR|Para|1245870|8100000
BR|Mato Grosso|903207|0
BR|Minas Gerais|586513|20500000
BR|Bahia|564760|14100000
BR|Sao Paulo|0|44400000
BR|Rio de Janeiro|0|16000000
CN|Xinjiang|1664900|0
CN|Tibet|1228400|0
CN|Inner Mongolia|1183000|0
CN|Qinghai|722300|0
CN|Sichuan|486000|83700000
CN|Guangdong|0|126000000
CN|Shandong|0|101500000
CN|Henan|0|99400000
CN|Jiangsu|0|85000000
RU|Sakha|3083523|0
RU|Krasnoyarsk|2366797|0
RU|Khabarovsk|787633|0
RU|Moscow|0|13000000
RU|Moscow Oblast|0|8500000
RU|Krasnodar|0|5800000
MX|Chihuahua|247455|3700000
MX|Sonora|179355|0
MX|Coahuila|151563|0
MX|Mexico|0|16900000
MX|Mexico City|0|9200000
MX|Jalisco|0|8300000
PK|Balochistan|347190|14900000
PK|Punjab|205344|127700000
PK|Sindh|140914|55700000
PK|Khyber Pakhtunkhwa|101741|40900000
DE|Bavaria|70550|13100000
DE|Lower Saxony|47614|8000000
DE|Baden-Wurttemberg|35751|11100000
DE|North Rhine-Westphalia|34112|18000000
"""

# US states by area (largest first, total area) and by population (2020 census), the first ten and last five.
STATE_AREA = "Alaska Texas California Montana New_Mexico Arizona Nevada Colorado Wyoming Oregon".split()
STATE_AREA_LAST = "Rhode_Island Delaware Connecticut New_Jersey New_Hampshire".split()  # smallest first
STATE_POPULATION = ("California Texas Florida New_York Pennsylvania Illinois Ohio Georgia North_Carolina "
                    "Michigan").split()
STATE_POPULATION_LAST = "Wyoming Vermont Alaska North_Dakota South_Dakota".split()  # least populous first


@dataclass(frozen=True, slots=True)
class Feature:
    kind: str
    name: str
    size: float
    continents: frozenset[str]
    countries: frozenset[str]
    peers: frozenset[str]
    salt: bool = False


@lru_cache(maxsize=1)
def _features() -> tuple[dict[str, list[Feature]], list[Feature]]:
    by_key: dict[str, list[Feature]] = {}
    found = []
    for line in FEATURES.strip().splitlines():
        kind, name, aliases, size, continents, countries, peers, *salt = line.split("|")
        feature = Feature(kind, name, float(size), frozenset(continents.split()), frozenset(countries.split()),
                          frozenset(name_key(p) for p in peers.split(",") if p), salt == ["salt"])
        found.append(feature)
        for alias in (name, *(a for a in aliases.split(",") if a)):
            by_key.setdefault(name_key(alias), []).append(feature)
    return by_key, found


def feature(name: str, kind: str) -> Feature | None:
    """The river, mountain or lake a name means ('the Danube River', 'Mount Everest'), or None."""
    text = name.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    for candidate in (text, text.removesuffix(" River").removesuffix(" river"), text.removeprefix("River ")):
        for f in _features()[0].get(name_key(candidate), ()):
            if f.kind == kind:
                return f
    return None


def rank_of(f: Feature, continent: str | None, country: str | None, freshwater: bool = False,
            smallest: bool = False, among: int = 0) -> int | None:
    """The feature's rank by size among those of its kind in the scope (peers left out; salt lakes too for a
    freshwater rank; only the `among` largest when given, counted from the smallest when smallest); None when it
    lies outside the scope."""
    if continent is not None and continent not in f.continents or country is not None and country not in f.countries:
        return None
    if freshwater and f.salt:
        return None
    rivals = [g for g in _features()[1] if g.kind == f.kind and name_key(g.name) not in f.peers
              and (continent is None or continent in g.continents) and (country is None or country in g.countries)
              and not (freshwater and g.salt)]
    rivals.sort(key=lambda g: -g.size)
    if among:
        rivals = rivals[:among]
    if smallest:
        rivals.reverse()
    return next((i for i, g in enumerate(rivals, 1) if g is f), None)


def domestic_rank(f: Feature, country: str) -> int | None:
    """The feature's rank by size among those of its kind lying wholly in the country (itself counted whatever
    it crosses): "the longest river in France" is often said of the longest French one."""
    if country not in f.countries:
        return None
    rivals = [g for g in _features()[1] if g.kind == f.kind and (g is f or g.countries == {country})
              and name_key(g.name) not in f.peers]
    rivals.sort(key=lambda g: -g.size)
    return next((i for i, g in enumerate(rivals, 1) if g is f), None)


def largest_in(kind: str, country: str, n: int) -> list[str]:
    """The names of the n largest features of that kind in the country, largest first."""
    rivals = [g for g in _features()[1] if g.kind == kind and country in g.countries]
    return [g.name for g in sorted(rivals, key=lambda g: -g.size)[:n]]


def first_in(kind: str, continent: str | None, country: str | None) -> str:
    rivals = [g for g in _features()[1] if g.kind == kind and (continent is None or continent in g.continents)
              and (country is None or country in g.countries)]
    return max(rivals, key=lambda g: g.size).name if rivals else ""


def state_rank(state: str, by_population: bool, smallest: bool, contiguous: bool = False) -> int | None:
    """A US state's rank by area or population (from the top, or from the bottom when smallest), None beyond
    the table; among the 48 contiguous states (Alaska and Hawaii left out) when contiguous."""
    table = (STATE_POPULATION_LAST if smallest else STATE_POPULATION) if by_population else \
        (STATE_AREA_LAST if smallest else STATE_AREA)
    if contiguous:
        table = [s for s in table if s not in ("Alaska", "Hawaii")]
    key = name_key(state)
    return next((i for i, s in enumerate(table, 1) if name_key(s.replace("_", " ")) == key), None)


def state_table_size() -> int:
    return len(STATE_AREA)


@lru_cache(maxsize=1)
def _divisions() -> dict[str, list[tuple[str, float, float]]]:
    found: dict[str, list[tuple[str, float, float]]] = {}
    for line in DIVISIONS.strip().splitlines():
        cc, name, area, population = line.split("|")
        found.setdefault(cc, []).append((name, float(area), float(population)))
    return found


# Divisions of the table that are territories, not states or provinces ("Quebec, Canada's largest province").
TERRITORIES = frozenset(("Northern Territory", "Nunavut", "Northwest Territories", "Yukon"))


def division_rank(cc: str, division: str, by_population: bool, territories: bool = True) -> tuple[int | None, str] | None:
    """(the division's rank among its country's largest by area or population, the first one's name); rank None
    beyond the table; None when the table has no divisions of that country. Without territories: among states and
    provinces only."""
    rows = [r for r in _divisions().get(cc, ()) if (r[2] if by_population else r[1])
            and (territories or r[0] not in TERRITORIES)]
    if not rows:
        return None
    rows.sort(key=lambda r: -(r[2] if by_population else r[1]))
    key = name_key(division)
    rank = next((i for i, r in enumerate(rows, 1) if name_key(r[0]) == key), None)
    return rank, rows[0][0]
