"""Parts of continents news copy names ("West Africa", "the Gulf", "Central America"): their member countries."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .names import name_key

SOURCE = ("UN Statistics Division, M49 standard (geographic regions), https://unstats.un.org/unsd/methodology/m49/; "
          "the wider members ('also') are those news copy and the regional bodies (ECOWAS, EAC, SADC, GCC, the "
          "Nordic Council, SICA) also count in; the Arab world: the League of Arab States' members, "
          "https://www.lasportal.org/; the European Union: its 27 members since 2020, https://european-union.europa.eu/ "
          "(the United Kingdom, a member until 2020, counted by older accounts)")

# name|other names|adjectives|members (M49, or the usual core)|also (counted by some accounts)
# An account may count a country of either list; a rank is judged against both (see Subregion.ranks).
_TABLE = """
West Africa|Western Africa|West African|BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG|CM TD SH
East Africa|Eastern Africa|East African|BI KE RW SO SS TZ UG ET ER DJ|SD CD MZ MW ZM ZW MG KM MU SC
Central Africa|Middle Africa|Central African|CM CF TD CG CD GQ GA ST|AO BI RW ZM SS
Southern Africa||Southern African|BW LS NA ZA SZ|AO MZ ZM ZW MW MG MU KM SC CD TZ
North Africa|Northern Africa|North African|DZ EG LY MA TN EH|SD MR
Horn of Africa|||ET ER DJ SO|KE SD SS
Sahel||Sahelian|ML NE TD BF MR|SN SD NG CM ER GM
Middle East|Mideast|Middle Eastern,Mideast|BH EG IR IQ IL JO KW LB OM QA SA SY TR AE YE PS|CY LY SD AF
Gulf|Persian Gulf,Arabian Gulf|Gulf|BH KW OM QA SA AE|IQ IR YE
Levant||Levantine|SY LB IL JO PS|CY TR IQ
Maghreb||Maghreb,Maghrebi|DZ MA TN|LY MR EH
South Asia|Southern Asia|South Asian|AF BD BT IN MV NP PK LK|IR MM
Southeast Asia|South-East Asia,South East Asia,South-eastern Asia|Southeast Asian,South-East Asian,South East Asian|BN KH ID LA MY MM PH SG TH TL VN|
East Asia|Eastern Asia|East Asian|CN HK MO KP JP MN KR TW|
Central Asia||Central Asian|KZ KG TJ TM UZ|AF MN
Western Europe||Western European|AT BE FR DE LI LU MC NL CH|GB IE ES PT IT AD DK NO SE IS MT SM FI GR
Eastern Europe||Eastern European|BY BG CZ HU PL MD RO RU SK UA|EE LV LT AL BA HR ME MK RS SI XK GE AM AZ
Central Europe||Central European|AT CZ DE HU PL SK SI CH LI|HR RO LT
Northern Europe||Northern European|DK EE FI IS IE LV LT NO SE GB|NL DE
Southern Europe||Southern European|AL AD BA HR GR VA IT MT ME MK PT SM RS SI ES XK|CY BG TR
Scandinavia||Scandinavian|DK NO SE|FI IS
Nordic region|Nordics|Nordic|DK NO SE FI IS|
Baltic states|Baltics|Baltic|EE LV LT|
Balkans|Western Balkans|Balkan|AL BA XK ME MK RS|BG HR GR RO SI MD TR
Central America||Central American|BZ CR SV GT HN NI PA|MX
Arab world|Arab countries,Arab League|Arab|DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE|
European Union|EU|EU|AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE|GB
Caribbean||Caribbean|AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI|GY SR BZ GF
"""


@dataclass(frozen=True, slots=True)
class Subregion:
    name: str
    members: frozenset[str]
    also: frozenset[str]

    def holds(self, code: str) -> bool:
        """Whether any account counts the country in the region."""
        return code in self.members or code in self.also


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Subregion], dict[str, Subregion]]:
    by_name: dict[str, Subregion] = {}
    by_adjective: dict[str, Subregion] = {}
    for line in _TABLE.strip().splitlines():
        name, others, adjectives, members, also = line.split("|")
        region = Subregion(name, frozenset(members.split()), frozenset(also.split()))
        for n in (name, *filter(None, others.split(","))):
            by_name[name_key(n)] = region
        for a in filter(None, adjectives.split(",")):
            by_adjective[name_key(a)] = region
    return by_name, by_adjective


def named(name: str) -> Subregion | None:
    """The region a name stands for ('West Africa', 'the Gulf', 'South-East Asia'), else None."""
    text = name.strip()
    if text[:4].casefold() == "the ":
        text = text[4:]
    return _tables()[0].get(name_key(text))


def of_adjective(word: str) -> Subregion | None:
    """The region an adjective stands for ('West African', 'Gulf', 'Scandinavian'), else None."""
    return _tables()[1].get(name_key(word))


def adjectives() -> list[str]:
    """Every adjective the table knows, as written there (longest first, for a pattern)."""
    words = [a for line in _TABLE.strip().splitlines() for a in line.split("|")[2].split(",") if a]
    return sorted(set(words), key=len, reverse=True)


def names() -> list[str]:
    """Every region name the table knows (longest first)."""
    found = []
    for line in _TABLE.strip().splitlines():
        name, others = line.split("|")[:2]
        found += [name, *filter(None, others.split(","))]
    return sorted(set(found), key=len, reverse=True)


def containing(code: str) -> list[Subregion]:
    """The regions that count the country as a member (not merely 'also'), in the table's order."""
    seen = []
    for region in _tables()[0].values():
        if code in region.members and region not in seen:
            seen.append(region)
    return seen
