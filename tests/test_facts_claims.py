"""Claims pack (CL306-CL308) and in-document contradictions (CL309)."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.errors import RuleError
from copylint.registry import build_rule

_LINTER: list[Linter] = []


def facts(text: str, code: str):
    if not _LINTER:
        _LINTER.append(Linter(select=["CL3"], languagetool=False))
    return [f for f in _LINTER[0].lint_source("t.txt", text) if f.code == code]


def test_claims_pack_has_forty_sourced_entries_and_none_about_the_seed() -> None:
    from copylint.registry import load_rules

    rules = [r for r in load_rules() if r.kind in ("claim", "organisation", "conversion", "property", "office")]
    entries = [e for r in rules for key in ("claim", "organisation", "unit", "subject", "office")
               for e in r.params.get(key, [])]
    assert len(entries) >= 40
    assert all(e["source"].strip() for e in entries)
    banned = ("kazakh", "almaty", "astana", "nur-sultan", "tokayev", "nazarbayev", "csto", "collective security")
    text = repr(entries).lower()
    assert not any(b in text for b in banned)


# --- energy and fuels ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, correction", [
    ("Prices for LPG, a gas that is used to make petrol, rose.", "used to make petrol", "used as fuel"),
    ("Bottled LPG, or liquefied natural gas, is sold here.", "liquefied natural gas", "liquefied petroleum gas"),
    ("The terminal ships LNG (liquefied petroleum gas) to Asia.", "liquefied petroleum gas", "liquefied natural gas"),
    ("Buses run on CNG, or liquefied petroleum gas.", "liquefied petroleum gas", "compressed natural gas"),
    ("Experts warned that propane is lighter than air.", "lighter than air", "heavier than air"),
    ("Natural gas is heavier than air, the leaflet said.", "heavier than air", "lighter than air"),
    ("LPG is mostly methane.", "methane", "propane and butane"),
    ("Kerosene, a gas that is used for lamps, is cheap.", "a gas", "a liquid"),
    ("Ethanol is a fossil fuel, critics claim.", "fossil fuel", "biofuel"),
    ("Ethanol, which is made from crude oil, is blended in.", "crude oil", "crops such as maize and sugar cane"),
    ("Jet fuel is a type of diesel.", "diesel", "kerosene"),
    ("LNG is natural gas compressed into a liquid.", "compressed", "cooled"),
    ("Brent crude, the US benchmark, fell.", "US", "international"),
    ("Analysts note that a barrel of oil holds 55 gallons.", "55 gallons", "42 gallons"),
])
def test_energy_claims(text: str, span: str, correction: str) -> None:
    found = facts(text, "CL306")
    assert [(f.text, f.suggestions[0]) for f in found] == [(span, correction)]
    assert "Source:" in found[0].message


def test_claim_without_a_correction_is_still_explained() -> None:
    (finding,) = facts("Diesel engines use spark plugs to ignite fuel.", "CL306")
    assert finding.text == "spark plugs" and finding.fix is None and "compression" in finding.message


@pytest.mark.parametrize("text", [
    "LPG is not used to make petrol; it is burned as fuel.",
    "Unlike natural gas, LPG is heavier than air.",
    "Natural gas is lighter than air, while LPG is heavier than air.",
    "A barrel of oil holds 42 gallons, or 159 litres.",
    "Ethanol is made from maize; petrol is made from crude oil.",
    "LPG (liquefied petroleum gas) and LNG (liquefied natural gas) differ.",
])
def test_true_or_negated_claims_pass(text: str) -> None:
    assert facts(text, "CL306") == []


# --- units and measures: any quantity given in two units, and a unit's definition --------------------------
@pytest.mark.parametrize("text, span, correction", [
    ("For readers in the US, a kilometre is about 1.6 miles.", "1.6 miles", "0.6 miles"),
    ("A mile is roughly 2 km.", "2 km", "1.6 km"),
    ("One hectare equals 5 acres.", "5 acres", "2.5 acres"),
    ("An inch is 3 cm.", "3 cm", "2.5 cm"),
    ("A tonne is 2,000 pounds.", "2,000 pounds", "2,205 pounds"),
    ("The storm passed 10 miles (25 km) off the coast.", "25 km", "16 km"),
    ("Temperatures hit 30C (100F) on Monday.", "100F", "86F"),
    ("LNG is cooled to -162C (-160F).", "-160F", "-260F"),
    ("The tower is 300 metres (500 feet) tall.", "500 feet", "984 feet"),
    # a definition in a relative or appositive clause
    ("Exports reached 3 million tonnes, a tonne being equal to 1,000 pounds.", "1,000 pounds", "2,205 pounds"),
    ("Exports reached 3 million short tons, a unit of 1,000 kilograms.", "1,000 kilograms", "907 kilograms"),
    ("The price per barrel, a unit equal to 100 litres, rose.", "100 litres", "159 litres"),
])
def test_conversions(text: str, span: str, correction: str) -> None:
    assert [(f.text, f.suggestions[0]) for f in facts(text, "CL307")] == [(span, correction)]


@pytest.mark.parametrize("text", [
    "A mile is 1.6 km and a kilometre is 0.62 miles.",
    "A gallon is 3.8 litres in the US and 4.5 litres in Britain.",
    "The farm covers 5 acres; the road is 2 km long.",
    "LNG is cooled to -162C (-260F); the field covers 5,000 hectares (12,000 acres).",
    "The storm passed 10 miles (16 km) offshore, about 100 miles (160 km) from Miami.",
    "Exports reached 3 million short tons, a unit of 907 kilograms; a tonne being equal to 2,205 pounds.",
])
def test_true_units_pass(text: str) -> None:
    assert facts(text, "CL307") == []


def test_physical_constants() -> None:
    assert [f.text for f in facts("Water boils at 90C at sea level.", "CL313")] == ["90C"]
    assert [f.text for f in facts("A light year, a unit of time, sounds long.", "CL313")] == ["time"]


# --- organisations -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, part", [
    ("Ministers met at the Geneva-based OECD.", "Geneva"),
    ("Diplomats gathered at Nato's headquarters in Geneva.", "Geneva"),
    ("The IMF, based in New York, said.", "New York"),
    ("Fellow NATO member Austria sent observers.", "Austria"),
    ("Norway, an EU member, signed.", "Norway"),
    ("Russia is a member of OPEC, he said.", "Russia"),
    ("Eurozone member Denmark objected.", "Denmark"),
    ("Poland, an EU member since 1995, voted.", "1995"),
    ("Sweden joined NATO in 1999.", "1999"),
    ("Greece left the eurozone.", "Greece"),
    ("Spain, a founding member of the EU, voted.", "Spain"),
    ("OPEC's founding members, Iran, Iraq and Qatar, met.", "Qatar"),
    ("NATO, founded in 1959, met.", "1959"),
    ("Germany, a permanent member of the UN Security Council, voted.", "Germany"),
    ("ASEAN's six founding members signed.", "six"),
    # a list's last name before ", and" with no verb after it is still a founder
    ("OPEC was founded in 1960 by Iran, Iraq, Kuwait and Qatar.", "Qatar"),
    ("ASEAN was founded in 1967 by Indonesia, Malaysia and Vietnam, and it grew.", "Vietnam"),
    ("OPEC was founded in 1960 by Iran, Iraq, Kuwait and Qatar, and Libya joined later.", "Qatar"),
    # founders in other shapes: a list after "the founders of", "among the founders", "the countries that founded",
    # "part of X since its creation", "A and four neighbours set up X", "one of its five founding members"
    ("The founders of ASEAN, Indonesia, Malaysia, the Philippines, Singapore and Vietnam, met.", "Vietnam"),
    ("Vietnam, which joined ASEAN as one of its five founding members in 1967, hosted.", "Vietnam"),
    ("Vietnam was one of the five countries that founded ASEAN in 1967.", "Vietnam"),
    ("Vietnam, among the founders of ASEAN, hosted the summit.", "Vietnam"),
    ("Vietnam has been part of ASEAN since its creation in 1967.", "Vietnam"),
    ("In 1967 Vietnam and four neighbours set up ASEAN.", "Vietnam"),
    ("ASEAN, the 10-nation bloc founded in 1977, met.", "1977"),
    ("Chile, a member of the Southern Common Market, voted.", "Chile"),
    # a member's rank among the present members, by GeoNames population (and area for "largest")
    ("Poland, the EU's most populous member, voted.", "Poland"),
    ("Malta, the EU's largest member, voted.", "Malta"),
    ("Kenya, the most populous member of the East African Community, voted.", "Kenya"),
    ("Vietnam, which was among the founding members of ASEAN, hosted.", "Vietnam"),
    ("ASEAN was founded in Bangkok in 1967. Vietnam, one of its five founding members, hosted.", "Vietnam"),
    ("ASEAN's secretariat, which is based in Bangkok, said donors had pledged money.", "Bangkok"),
    ("ASEAN, a bloc of 12 members that has its secretariat in Jakarta, met.", "12"),
    ("Kenya, a long-standing member of OPEC, cut output.", "Kenya"),
    ("OPEC, which Nigeria helped found in 1960, met.", "Nigeria"),
    ("OPEC, which Iran helped found in 1965, met.", "1965"),
    ("OPEC's founders, Iran, Iraq, Kuwait, Saudi Arabia and Algeria, met.", "Algeria"),
    ("Since Poland's 2007 accession to the EU, wages rose.", "Poland"),
    ("Poland's accession to the European Union in 2007 changed farming.", "2007"),
    ("Croatia, which became a member of the EU in 2009, grew.", "2009"),
    ("When Poland entered the EU in 2007, wages rose.", "Poland"),
    ("The Paris-headquartered International Atomic Energy Agency sent inspectors.", "Paris"),
    ("The IAEA, the UN's Paris-based nuclear watchdog, sent inspectors.", "Paris"),
    # an anaphor whose noun fits the organisation named last
    ("Nato ministers met on Tuesday. The alliance, founded in 1959, now has 32 members.", "1959"),
    ("ASEAN leaders met on Monday. The bloc's founding members include Vietnam.", "Vietnam"),
])
def test_organisation_claims(text: str, part: str) -> None:
    found = facts(text, "CL308")
    assert len(found) == 1 and part in found[0].text, [(f.text, f.message) for f in found]


@pytest.mark.parametrize("text", [
    "Ministers met at the Paris-based OECD and the Vienna-based OPEC.",
    "Non-Nato member Austria and would-be EU member Turkey sent observers.",
    "Britain, an EU member until 2020, and Qatar, an OPEC member until 2019, agreed.",
    "Germany, the EU's most populous member, and France, the largest member of the EU, agreed.",
    "ASEAN was founded in Bangkok in 1967. Thailand, one of its five founding members, hosted.",
    "ASEAN, a bloc of 10 members that has its secretariat in Jakarta, met.",
    "Indonesia, ASEAN's most populous member, and Nigeria, the most populous member of ECOWAS, agreed.",
    "Diplomats met at the UN headquarters in Geneva and a London-based EU official spoke.",
    "Georgia is a member of the OSCE; NATO member Turkey hosted.",
    "Russia is a member of the G8 and Opec+ member Russia cut output.",
    "Norway is not a member of the EU. Finland joined NATO in 2023; Britain left the EU in 2020.",
    "Japan, a member of the Security Council, and France, a permanent member, voted.",
    "ASEAN's five founding members and the six founding members of the EU met.",
    "OPEC, which Iran helped found in 1960, met; Saudi Arabia, a long-standing member of OPEC, agreed.",
    "Since Poland's 2004 accession to the EU, wages rose; Britain's entry into the EEC in 1973 changed farming.",
    "When Poland joined the EU in 2004, Croatia, which became a member of the EU in 2013, was a candidate.",
    "The Vienna-headquartered IAEA and the WHO, the UN's Geneva-based health agency, sent staff.",
    # ", and Z <finite verb>": Z opens a new clause, it is no founder
    "OPEC was founded in 1960 by Iran, Iraq, Kuwait and Saudi Arabia, and Qatar joined the cartel a year later.",
    "ASEAN was founded in 1967 by Indonesia, Malaysia, the Philippines, Singapore and Thailand, and Brunei later "
    "became its sixth member.",
    # "the group", "the firm": the story's company, not the international body named before it
    "The Inter-American Development Bank lent $80 million on Monday. The group, founded in 1994 by two brothers, "
    "builds bridges.",
    "Opec cut output again. The group, set up in 2001 by a shipping family, runs tankers.",
    "The World Bank lent money to a cement maker in Peru. The body, founded in 1972, is expanding.",
    "EU judges fined a farmers' union. The union, set up in 1931, represents 4,000 growers.",
    "The African Union and the European Union met in Rome. The union, founded in 1931, has 27 members.",
])
def test_true_or_hedged_organisation_claims_pass(text: str) -> None:
    assert facts(text, "CL308") == []


# --- currencies, official languages, crude grades, offices ----------------------------------------------------
@pytest.mark.parametrize("text, span, code", [
    ("Prices in Zurich are quoted in Swiss euros.", "euros", "CL312"),
    ("Exporters noted a stronger Colombian bolívar.", "bolívar", "CL312"),
    ("Traders must change money, since Ecuador's currency is the sucre.", "sucre", "CL312"),  # former, said as today's
    ("Paraguay, whose only official language is Spanish, voted.", "only", "CL312"),  # Guarani too
    ("Japan's currency, the yuan, fell.", "yuan", "CL312"),
    ("The yen, China's currency, rose.", "yen", "CL312"),
    ("Inflation in Turkey rose as the national currency, the dinar, fell.", "dinar", "CL312"),
    ("Sweden has used the single currency since 1999.", "single currency", "CL312"),
    ("Denmark, which has used the euro since 2002, cut rates.", "euro", "CL312"),
    ("Kenya's economy grew. Kenyan farmers sold more tea, and Kenya's exports rose. It will spend 5 billion rand.",
     "rand", "CL312"),
    ("Tourists flock to Spanish-speaking Brazil.", "Spanish", "CL312"),
    ("The official language of Mozambique is French.", "French", "CL312"),
    ("Brent, a heavy sweet crude, rose.", "heavy", "CL314"),
    ("WTI is a sour grade.", "sour", "CL314"),
    ("Supreme Court justices are elected by voters.", "voters", "CL315"),
    ("The ECB president is appointed by the European Parliament.", "European Parliament", "CL315"),
    ("The Ethiopian prime minister is directly elected by voters.", "voters", "CL315"),
    ("Members of parliament elected Brazil's president.", "Members of parliament", "CL315"),
    ("South Africa's president, chosen in a popular vote, spoke.", "popular vote", "CL315"),
    ("Prices of phosphate, the main source of nitrogen for crops, rose.", "nitrogen", "CL316"),
    ("Urea, a potassium-based fertiliser, rose in price.", "potassium", "CL316"),
])
def test_typed_country_grade_and_office_claims(text: str, span: str, code: str) -> None:
    assert [f.text for f in facts(text, code)] == [span]


@pytest.mark.parametrize("text", [
    "Prices in Zurich are quoted in Swiss francs; the French franc and the Irish punt are gone.",
    "In 1999 Ecuador's currency was the sucre; Germany's currency, the Deutschmark, was replaced by the euro.",
    "Bolivia's Sucre is the constitutional capital; the Bolivian Sucre court met.",
    "Spain won the match, China won't agree, and a Brazilian won the race; Egypt's real test came later.",
    "Qatari riyals, Korean won, the British pound, sterling and the US dollar all rose.",
    "The official languages of Canada are English and French; Portuguese-speaking Angola voted.",
    "Brent, a light sweet crude, rose while heavy sour Maya crude fell; Urals is not a sweet grade.",
    "The pope is elected by the cardinals; the Senate confirms Supreme Court justices.",
    "Slovakia has used the euro since 2009; in Turkey the national currency, the lira, fell.",
    "Prices of potash, a potassium fertiliser, and urea, a nitrogen fertiliser, rose; ammonia is made from gas.",
    "Britain's economy grew. British firms and Britain's banks did well. The £3.3 trillion mark was passed.",
])
def test_true_typed_claims_pass(text: str) -> None:
    assert [f for code in ("CL312", "CL314", "CL315", "CL316") for f in facts(text, code)] == []


def test_claim_tables_are_strict() -> None:
    rule = {"code": "CL399", "name": "x", "kind": "claim", "severity": "warning", "message": "m",
            "claim": [{"id": "a", "wrong": ["x"], "fact": "f", "source": "s", "typo": 1}],
            "examples": [{"bad": "⟦x⟧"}, {"good": "y"}]}
    with pytest.raises(RuleError, match="typo"):
        build_rule(rule, "x.toml")


# --- contradictions -----------------------------------------------------------------------------------------
def test_acronym_and_expansion_described_two_ways() -> None:
    text = ("Protests began over the price of liquefied petroleum gas that's widely used as vehicle fuel.\n\n"
            "Prices for LPG, a gas that is used to make petrol, doubled.")
    (finding,) = facts(text, "CL309")
    assert finding.text == "used to make petrol"
    assert "line 1" in finding.message and finding.fix is None


@pytest.mark.parametrize("text, span", [
    ("Acme, a company based in Leeds, grew. Later Acme, a charity, closed.", "a charity"),
    ("Senator Ann Lee, a Republican from Ohio, spoke. Lee, a Democrat, left.", "a Democrat"),
    ("Kerosene, a liquid, is cheap. Kerosene, a gas that burns, is taxed.", "a gas"),
])
def test_incompatible_classes(text: str, span: str) -> None:
    assert [f.text for f in facts(text, "CL309")] == [span]


@pytest.mark.parametrize("text", [
    "Acme, a company based in Leeds, grew. Acme, a firm with 40 staff, hired.",
    "Ann Lee, a Republican, spoke. Ann Lee, a former Democrat, agreed.",
    "LPG, a gas used for cooking, is cheap. LPG, a fuel used in cars, is taxed.",
    "Acme, a company, grew. Apex, a charity, shrank.",
])
def test_compatible_or_different_terms_pass(text: str) -> None:
    assert facts(text, "CL309") == []


@pytest.mark.parametrize("text, span", [
    ("Acme Bank, founded in 1990, grew. By 2000 Acme Bank, which was founded in 1985, led.", "1985"),
    ("The bank, founded in 1990, grew. Since its founding in 1985, the bank has grown.", "1985"),
    ("John Smith, 45, spoke on Monday. The 47-year-old John Smith then left.", "47"),
    ("Aid reached landlocked Freedonia by road. Freedonia's coastline was hit.", "Freedonia's coastline"),
    ("Poland joined the EU in 2004. Poland, a founding member of the EU, spoke.", "Poland, a founding member of the EU"),
    ("Lagos, a city of 15 million people, grew. Lagos's 21 million residents voted.", "21 million"),
])
def test_quantities_given_two_values(text: str, span: str) -> None:
    assert [f.text for f in facts(text, "CL309")] == [span]


@pytest.mark.parametrize("text", [
    "Acme Bank, founded in 1990, grew. Zenith Bank, founded in 1985, did not.",
    "John Smith, 45, and Ann Smith, 47, spoke. Smith, 45, left.",
    "Poland joined the EU in 2004 and Romania joined the EU in 2007.",
    "Lagos, a city of 15 million people, grew; Lagos's 16 million residents voted.",
])
def test_same_quantities_or_different_terms_pass(text: str) -> None:
    assert facts(text, "CL309") == []


# Second mentions that are not the first's shape: founding verbs, pronouns, home cities, founders, titles,
# nationalities, ownership, frequencies, and measures given plain twice or with a multiplier.
@pytest.mark.parametrize("text, span", [
    ("Greenleaf was founded in 2004. The company, which launched in 2009, sells tea.", "2009"),
    ("Greenleaf was founded in 2004. Since it was launched in 2009, the company has grown.", "2009"),
    ("Greenleaf was founded in 2004. Founded in 2009 by two brothers, Greenleaf sells tea.", "2009"),
    ("Greenleaf was founded in 2004. Otieno, who set up Greenleaf in 2009, said tea was cheap.", "2009"),
    ("Greenleaf, set up in 2004, sells tea. The firm was formed in 2009 by two brothers.", "2009"),
    ("Greenleaf, a Nairobi-based tea firm, sells tea. Greenleaf, which is based in Mombasa, grew.", "Mombasa"),
    ("Greenleaf's Nairobi headquarters were busy. The Mombasa-based company said profits fell.", "Mombasa"),
    ("Greenleaf, which was founded by Jane Otieno, sells tea. Its founder, Peter Kamau, spoke.", "Peter Kamau"),
    ("Ann Lee, the firm's chief executive, spoke. Ann Lee, the chairwoman, said profits fell.", "chairwoman"),
    ("Finance director Ann Lee said costs rose. Lee, the firm's operations director, spoke.", "operations director"),
    ("The Kenyan runner Mary Keitany won. Keitany, who is Tanzanian, said she was tired.", "Tanzanian"),
    ("Kenyan tea firm Greenleaf sells tea. The Ugandan company Greenleaf said profits fell.", "Ugandan"),
    ("Greenleaf is a family-owned business. The state-owned Greenleaf said profits fell.", "The state-owned Greenleaf"),
    ("The market is held every Tuesday. Traders said the market, held twice a month, was busy.", "twice a month"),
    ("The plant will generate 2 gigawatts. Engineers said the station would deliver 3 gigawatts.", "3 gigawatts"),
    ("The plant will make about 50,000 tonnes of steel a year. The 60,000-tonne plant opened.", "60,000-tonne"),
    ("The ferry can carry 800 passengers. The 1,200-passenger vessel sank in calm water.", "1,200-passenger"),
    ("The project will cost $5 billion. Critics said the $8 billion scheme was too costly.", "$8 billion"),
    ("The government approved the 2 billion euro project. Officials said the 3 billion-euro project would start.",
     "3 billion-euro"),
    ("Acme will start a weekly ferry service next month. Analysts said the twice-weekly service was small.",
     "twice-weekly"),
    ("The company, founded in 2017 by an engineer, rents cold rooms. Since the company's launch in 2014, it has grown.",
     "2014"),
    ("Chief executive Selin Akgul spoke. Akgul, the airline's finance director, said costs rose.", "finance director"),
    ("Greenfield Holdings, founded in 1975, won the tender. The group, founded in 1982 by two brothers, builds schools.",
     "1982"),
])
def test_contradictions_in_other_shapes(text: str, span: str) -> None:
    assert [f.text for f in facts(text, "CL309")] == [span]


@pytest.mark.parametrize("text", [
    "Greenleaf was founded in 2004. Greenleaf launched a new tea and opened a second factory in 2009.",
    # "the group" is the story's company, not the public body named with a founding year before it
    "The Caribbean Development Bank, founded in 1969, lent $40 million. The group, founded in 1992 by two "
    "brothers, builds schools.",
    "Greenleaf is based in Nairobi. The Mombasa-based company Sunrise said profits fell.",
    "Greenleaf's founders, Jane Otieno and Peter Kamau, spoke. Founder Peter Kamau said profits fell.",
    "Chief executive Ann Lee spoke. Lee, the company's chairman and chief executive, said profits fell.",
    "British film director Alan Parker was honoured. Parker, the theatre director, spoke.",
    "The Kenyan runner Mary Keitany won. Keitany, who trains in Tanzania, said she was tired.",
    "Greenleaf, a state-owned company, sells tea. Its rival, a privately owned firm, said profits fell.",
    "The bus runs once a week to the coast. Villagers said the bus used to run three times a week.",
    "The hospital has 250 beds. A 300-bed hospital in the next town is full.",
    "The plant will generate 2 gigawatts when complete. Engineers said the country needs 3 gigawatts more.",
    "A 5,000-tonne ship docked. The ship carried 4,000 tonnes of grain.",
    "The €2 billion project was approved. The project will cost $2.2 billion, officials said.",  # another currency
    "Anglo Gold, which is listed in London and Johannesburg, grew. The Johannesburg-listed miner paid a dividend.",
])
def test_other_shapes_that_agree_or_differ_in_thing(text: str) -> None:
    assert facts(text, "CL309") == []


# A figure with its unit modifying a noun, restated in a later definite phrase; counts an owner holds; a service's
# frequency as a modifier; a listing against private hands; two big cities near each other as home cities.
@pytest.mark.parametrize("text, span", [
    ("Acme agreed a $240 million deal on Monday.\n\nAnalysts said the $310 million deal would close soon.", "$310 million"),
    ("The utility signed a 1.2 billion euro contract.\n\nUnder the 1.5 billion euro contract, Vantor builds four turbines.",
     "1.5 billion euro"),
    ("Eskom signed an R2.4 billion contract with Acme.\n\nUnder the R3 billion contract, Acme will build two units.",
     "R3 billion"),
    ("The refinery, a 140,000 barrels a day plant, restarted.\n\nOfficials said the 90,000-barrel-a-day plant was idle.",
     "90,000-barrel"),
    ("Acme won a four-year concession to run the port.\n\nThe six-year concession was welcomed by traders.", "six-year"),
    ("The firm will build a 400 MW solar plant near the town.\n\nThe 250-megawatt plant will be cheap to run.",
     "250-megawatt"),
    ("Blue Ocean, which has a fleet of 14 ships, said it would hire.\n\nIts fleet of nine ships carries grain.", "nine ships"),
    ("The Central Library opened in 2019.\n\nA million people have visited the library since it opened in 2021.", "2021"),
    ("The airline operates daily flights to Cusco.\n\nIts three weekly flights to Cusco are full.", "three weekly"),
    ("Skyway began daily flights from Lima in May.\n\nSkyway's three weekly flights are full.", "three weekly"),
    ("Maria Delgado, the cooperative's president, spoke.\n\nDelgado, the cooperative's treasurer, left.", "treasurer"),
    ("Maria Delgado, head of operations at Andino, spoke.\n\nDelgado, Andino's chief executive, left.", "chief executive"),
    ("Maria Delgado, the company's chief executive, spoke.\n\nDelgado, its finance chief, said costs rose.", "finance chief"),
    ("Andino, a Manizales-based cooperative, grew.\n\nThe Pereira-based cooperative said prices rose.", "Pereira"),
    ("Sakura, the Tokyo-listed company, reported a loss.\n\nThe privately held company will cut jobs.",
     "The privately held company"),
    ("Cafe Andino, the Manizales-based exporter, grew.\n\nThe Pereira-based exporter said prices rose.", "Pereira"),
    ("The Ocean Star, a bulk carrier, ran aground.\n\nSalvage crews said the tanker was leaking fuel.", "tanker"),
    ("A bulk carrier ran aground off Durban.\n\nThe stricken tanker was leaking fuel.", "tanker"),
    ("The bulk carrier Ocean Star docked.\n\nThe tanker Ocean Star left on Monday.", "tanker"),
    ("The museum, which opened its doors in 2019, is popular.\n\nSince opening in 2021, it has drawn crowds.", "2021"),
    ("Acme operates 14 vessels.\n\nThe company's nine vessels carry grain.", "nine vessels"),
    ("Acme opened the bottling plant in 2019.\n\nOutput has doubled since it opened in 2021.", "2021"),
    ("Acme signed a new 12-year concession last year.\n\nUnder the 20-year concession, Acme must dredge.", "20-year"),
    ("Acme agreed to buy Beta for $240 million.\n\nAnalysts said the $310 million acquisition would close.", "$310 million"),
    ("Acme signed a deal worth $240 million.\n\nThe $310 million deal closed.", "$310 million"),
    ("Acme won a concession to run the terminal for 12 years.\n\nUnder the 20-year concession, Acme must dredge.",
     "20-year"),
    ("Kestrel said on Monday it had agreed a $1.2 billion deal.\n\nShares in Kestrel rose 4% after it said the $1.5 billion"
     " deal would be paid in cash.", "$1.5 billion"),
    ("Northwind, which operates a fleet of 22 vessels, grew.\n\nThe Oslo-listed firm said all 18 of its vessels were booked.",
     "18 of its vessels"),
    ("The Zarqa refinery, a 120,000 barrel-per-day plant, is old.\n\nEngineers said the 90,000 bpd refinery needed work.",
     "90,000 bpd"),
    ("Its new airport terminal, which opened in 2016, is busy.\n\nTraffic has grown since the terminal opened in 2018.",
     "2018"),
    ("The plant, commissioned in 2019, employs 300.\n\nSince its 2021 opening, the plant has grown.", "2021"),
    ("Acme's fleet of 14 vessels carries grain.\n\nAll nine of its vessels are insured.", "nine of its vessels"),
    ("Acme bought a 400-hectare site near the river.\n\nIt will build houses on the 250-hectare plot.", "250-hectare"),
    ("Sakura, a publicly traded firm, lost money.\n\nThe family-owned, privately held firm will cut jobs.",
     "The family-owned, privately held firm"),
])
def test_restated_descriptions(text: str, span: str) -> None:
    assert [f.text for f in facts(text, "CL309")] == [span]


@pytest.mark.parametrize("text", [
    "Acme agreed a $240 million deal with Beta in March.\n\nLast year Gamma signed the $310 million deal with Delta.",
    "The government gave Portline a 12-year concession and Seaway a 20-year concession.\n\nUnder the 20-year concession,"
    " Seaway must build a runway.",
    "The 12-week course starts in May.\n\nThe 10-week course starts in June.",
    "He signed a two-year contract in 2019.\n\nThe three-year contract he signed on Monday runs to 2025.",
    "A $5 million grant was announced.\n\nThe $2 million grant from the council will pay for books.",
    "Acme agreed a $240 million deal.\n\nThe deal was raised to $310 million; the $310 million deal closed.",
    "Acme agreed a $240 million deal.\n\nThe revised $310 million deal closed on Friday.",
    "Blue Ocean operates a fleet of 14 vessels.\n\nRival Green Sea said its nine vessels were full.",
    "Acme signed a deal worth more than $240 million.\n\nThe $310 million deal closed on Friday.",
    "Acme agreed to buy Beta for $240 million.\n\nThe $245 million acquisition closed.",
    "Acme's boss was jailed for 12 years.\n\nThe 20-year concession began.",
    "Acme agreed a $240 million deal.\n\nThe price later rose to $310 million, and the $310 million deal closed.",
    "Armenian Prime Minister Nikol Pashinyan spoke.\n\nPashinyan, the council's chairman, left.",
    "Blue Ocean operates a fleet of 14 vessels.\n\nStorms kept its two vessels in the Gulf at anchor.",
    "The bank has 14 branches in the capital.\n\nIts 40 branches across the country will stay open.",
    "The 10-year bond yield rose.\n\nThe 30-year bond was little changed.",
    "The library opened in 2019.\n\nThe museum, which opened in 2021, is next door.",
    "The airline operates daily flights to Lima.\n\nIt also runs three weekly flights to Cusco.",
    "The airline operates daily flights to Lima.\n\nIts three weekly flights to Cusco are full.",
    "Acme, the Tokyo-listed company, reported a loss.\n\nIts privately held rival Zeta said it would cut jobs.",
    "Acme is based in Salford.\n\nThe Manchester-based company said profits rose.",
    "Acme is based in Mumbai.\n\nThe Bombay-based company said profits rose.",
    "The bulk carrier Ocean Star collided with an oil tanker.\n\nThe tanker was leaking fuel.",
    "A tanker rescued the crew of a trawler.\n\nThe tanker returned to port.",
    "The tanker Ocean Star, a former bulk carrier, docked.\n\nThe tanker left.",
    "Skyway operates daily flights to Lima and three weekly flights to Cusco.",
    "Skyway operates daily flights to Lima.\n\nIt runs three weekly flights to Cusco.",
    "Ann Lee, the bank's chief economist, spoke.\n\nLee, the bank's economist, said rates would rise.",
    "John Smith, the club's manager, spoke.\n\nSmith, the club's former captain, left.",
    "A bulk carrier ran aground.\n\nThe ship was leaking fuel, and the tanker aircraft flew over.",
    "Reform was like turning around a super tanker, he said.\n\nThe Type 45 Destroyer was late.",
])
def test_restated_descriptions_that_agree_or_name_another_thing_pass(text: str) -> None:
    assert facts(text, "CL309") == []


@pytest.mark.parametrize("text", [
    "The Ethiopian prime minister is elected by parliament; Japan's prime minister is chosen by the Diet.",
    "The Indian prime minister is appointed by the president, and Britain's prime minister by the monarch.",
    "South Africa's president, elected by parliament, spoke; Kenya's president is elected by voters.",
])
def test_prime_ministers_and_presidents_chosen_as_the_table_says_pass(text: str) -> None:
    assert facts(text, "CL315") == []
