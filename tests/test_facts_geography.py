"""Geography rules (CL301-CL305) against the real gazetteer: each pattern, ambiguity, capitals, direction, ranks."""
from __future__ import annotations

import pytest

from copylint.api import Linter

_LINTER: list[Linter] = []


def facts(text: str, code: str | None = None):
    if not _LINTER:
        _LINTER.append(Linter(select=["CL3"], languagetool=False))
    found = _LINTER[0].lint_source("t.txt", text)
    return [f for f in found if code is None or f.code == code]


def one(text: str, code: str):
    found = facts(text, code)
    assert len(found) == 1, [(f.code, f.text, f.message) for f in facts(text)]
    return found[0]


# --- place vs country: every pattern -------------------------------------------------------------------
@pytest.mark.parametrize("text, span, suggestion", [
    ("The festival is held in Lyon in Spain every year.", "Spain", "France"),
    ("Fighting spread to Mosul in Syria.", "Syria", "Iraq"),
    ("Dockworkers in Mombasa, Tanzania, went on strike.", "Tanzania", "Kenya"),
    ("Protests in Cairo (Libya) continued.", "Libya", "Egypt"),
    ("The riots spread to the Syrian city of Basra.", "Syrian", "Iraqi"),
    ("The riots spread to the Chilean city of Mendoza.", "Chilean", "Argentine"),
    ("The riots spread to the Peruvian port of Guayaquil.", "Peruvian", "Ecuadorian"),
    ("Tourists flocked back to hotels in Spain's Lyon after the floods.", "Spain", "France"),
    ("Ships sailed from Vladivostok in China's far east.", "China", "Russia"),
    ("Talks were held in Mosul, in the north of Syria.", "Syria", "Iraq"),
    ("Flooding hit Braga in northern Spain.", "northern Spain", "northern Portugal"),
    ("Flooding hit Gdansk in northern Germany.", "northern Germany", "northern Poland"),
])
def test_place_country_patterns(text: str, span: str, suggestion: str) -> None:
    finding = one(text, "CL301")
    assert_claim(finding, span, suggestion)


def assert_claim(finding, part: str, replacement: str) -> None:
    """The finding marks the whole claim (the place and where it is said to be, the capital and its country,
    the rank and what it ranks) and its fix rewrites the wrong part only."""
    assert part in finding.text, (finding.text, part)
    assert finding.suggestions[0] == finding.text.replace(part, replacement, 1), finding.suggestions


def test_wording_is_kept_and_a_wrong_compass_word_is_corrected_too() -> None:
    assert one("Clashes broke out in Lyon in eastern Spain.", "CL301").suggestions[0] == "Lyon in eastern France"
    # Mosul is in northern Iraq: moving it out of Syria also fixes "southern".
    assert one("Clashes broke out in Mosul in southern Syria.", "CL301").suggestions[0] == "Mosul in northern Iraq"


def test_country_that_needs_an_article() -> None:
    finding = one("Voters in Denver in western Canada went to the polls.", "CL301")
    assert_claim(finding, "western Canada", "the western United States")


@pytest.mark.parametrize("text", [
    "The festival is held in Lyon in eastern France every year.",
    "Dockworkers in Mombasa, Kenya, went on strike.",
    "The riots spread to the Iraqi city of Basra.",
    "Ships sailed from Vladivostok in Russia's far east.",
    "He was raised in Lyon, France, and in Porto (Portugal).",
    # "in Y, and the city of X <verb>": X opens a new clause
    "Arusha lies in Tanzania, and the city of Kigali was rebuilt after 1994.",
    "Talks were held in Kenya, and the city of Kampala hosted the next round.",
])
def test_true_placements_pass(text: str) -> None:
    assert facts(text) == []


# --- ambiguity: flagged only when no reading fits ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "She was born in Paris, Texas, and raised in Paris, France.",
    "He flew to Tbilisi in Georgia and then to Atlanta, Georgia, and Savannah, Georgia.",
    "Voters in Hyderabad, Pakistan, and in Hyderabad, India, went to the polls.",
    "He moved to London, Ontario, then to Perth, Scotland.",
])
def test_shared_names_fit_any_reading(text: str) -> None:
    assert facts(text, "CL301") == []


def test_shared_name_flagged_when_no_reading_fits() -> None:
    assert one("She lives in Paris in Germany.", "CL301").suggestions[0] == "Paris in France"
    assert one("Troops were sent to Hyderabad in Nepal.", "CL301").suggestions[0] == "Hyderabad in India"


def test_us_state_reading_suggests_the_state() -> None:
    finding = one("He moved to Miami, Georgia, in 2001.", "CL301")
    assert_claim(finding, "Georgia", "Florida")


def test_close_rivals_give_choices_but_no_fix() -> None:
    finding = one("He grew up near Hamilton in Brazil.", "CL301")
    assert len(finding.suggestions) >= 2 and finding.fix is None


# --- precision guards -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Lewis Hamilton won again. It was a win for Hamilton in Brazil, and fans sang to Hamilton in Brazil.",
    "Police in France arrested two men. Growth in China slowed.",
    "After Saturday's display in the draw in Paris, Ireland face the Faroe Islands.",
    "Officials from Kabul, Pakistan and India met.",
    "Fans of Liverpool in Spain cheered.",
    "Dresden in East Germany was rebuilt.",
    "Juba in southern Sudan was quiet.",
    "Sevastopol in Russia and Pristina in Serbia and Hong Kong in China were named.",
])
def test_not_a_placement_or_a_defensible_one(text: str) -> None:
    assert facts(text) == []


# --- compass direction ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, suggestion", [
    ("Fighting continued around Mosul in southern Iraq.", "southern", "northern"),
    ("Flooding hit Chennai in northern India.", "northern", "southern"),
    ("The riots spread to the northern Iraqi city of Basra.", "northern", "southern"),
    ("The ferry left from Vladivostok in Russia's far west.", "far west", "east"),
    ("Talks were held in Mosul, in the south of Iraq.", "south", "north"),
    ("Shelling hit Bilbao in Southern Spain.", "Southern", "Northern"),
    ("Ships docked at Chennai, on India's west coast.", "west", "east"),
    ("Ships docked at Chennai on the west coast of India.", "west", "east"),
    ("Hazy skies reached Windsor, in northern Ontario, on Monday.", "northern", "southern"),  # Windsor, Colorado too
])
def test_compass_contradictions(text: str, span: str, suggestion: str) -> None:
    assert_claim(one(text, "CL302"), span, suggestion)


@pytest.mark.parametrize("text", [
    "Seville in southern Spain and Bilbao in northern Spain were hit.",
    "Madrid in central Spain and Mosul in north-western Iraq were hit.",
    "Mosul in northern Iraq and Basra in southern Iraq were hit.",
    "Lyon in south-eastern France was hit.",
    "Ships docked at Chennai on India's east coast and at Kochi on its west coast.",
    "Ships docked at Mangalore, on India's west coast.",
    "Crowds gathered in Vladivostok, on Russia's east coast.",  # islands east of it at its latitude
    "The firm is registered in the central Russian region of Tver.",  # a division reaching into the middle
    "Aid reached Sfax in southern Tunisia and Krakow in the Malopolskie region.",
    "Hazy skies reached Windsor, in southern Ontario, and Thunder Bay, in northern Ontario.",
])
def test_compass_agreements(text: str) -> None:
    assert facts(text, "CL302") == []


def test_compass_skips_a_name_shared_inside_the_country() -> None:
    # Two US towns of some size are called Portland (Oregon, Maine), so no direction is judged.
    assert facts("Ships sailed from Portland in the eastern US.", "CL302") == []
    assert facts("Ships sailed from Portland in the western US.", "CL302") == []


def test_compass_takes_a_big_city_over_villages_of_its_name() -> None:
    # Villages share Kaliningrad's and Porto Alegre's names; the city of 300,000+ is the one meant.
    assert facts("Ships sailed from Kaliningrad in Russia's far east.", "CL302")
    assert facts("Aid reached Porto Alegre in northern Brazil.", "CL302")


# --- capitals ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, capital", [
    ("Delegates met in Sydney, the capital of Australia.", "Sydney", "Canberra"),
    ("Istanbul, the capital of Turkey, is vast.", "Istanbul", "Ankara"),
    ("The Australian capital, Sydney, was hot.", "Sydney", "Canberra"),
    ("Canada's capital, Toronto, was cold.", "Toronto", "Ottawa"),
    ("Zurich, the Swiss capital, was cold.", "Zurich", "Bern"),
    ("Auckland is the capital of New Zealand.", "Auckland", "Wellington"),
    ("The Hague, the Dutch capital, hosted the talks.", "The Hague", "Amsterdam"),
    ("Lagos, Nigeria's capital, was busy.", "Lagos", "Abuja"),
    ("Houston serves as the capital of Texas.", "Houston", "Austin"),
    ("He flew to the capital of Colombia, Medellin, on Monday.", "Medellin", "Bogotá"),
])
def test_wrong_capitals(text: str, span: str, capital: str) -> None:
    assert_claim(one(text, "CL303"), span, capital)


@pytest.mark.parametrize("text", [
    "Kiev, the capital of Ukraine, was calm. Kyiv, the capital of Ukraine, was calm.",
    "Peking, the capital of China, was calm.",
    "Bombay was renamed; Delhi, the capital of India, and New Delhi, the Indian capital, were hot.",
    "Rangoon, the capital of Burma, was wet; Naypyidaw, Myanmar's capital, was dry.",
    "La Paz, the capital of Bolivia, and Pretoria, South Africa's capital, were named.",
])
def test_renamed_capitals_and_co_capitals_pass(text: str) -> None:
    assert facts(text, "CL303") == []


@pytest.mark.parametrize("text", [
    # "the capital of Y, X <finite verb>": X, read in full, opens a new clause
    "Santo Domingo is the capital of the Dominican Republic, Santiago de los Caballeros is its second city.",
    "Bogota is the capital of Colombia, San Jose del Guaviare lies far to the south.",
    "Madrid is the capital of Spain, Santiago de Compostela has the cathedral.",
    "Bern is the capital of Switzerland, Geneva hosts the talks.",
])
def test_a_new_clause_after_the_capital_is_no_appositive(text: str) -> None:
    assert facts(text, "CL303") == []


# Divisions outside the hand table: their seat from GeoNames' PPLA marks (copylint/data/seats.json).
@pytest.mark.parametrize("text, span, capital", [
    ("Ibadan, the capital of Ogun State, was quiet.", "Ibadan", "Abeokuta"),
    ("Antalya is the capital of Mersin province.", "Antalya", "Mersin"),
    ("In Semarang, the capital of East Java, prices rose.", "Semarang", "Surabaya"),
    ("Rotterdam, the capital of North Holland, flooded.", "Rotterdam", "Haarlem"),
    ("Rosario, the capital of Santa Fe province, lies on the river.", "Rosario", "Santa Fe"),
    # the division's own compass word in English, a type word or adjective before it
    ("Daegu, the capital of North Gyeongsang province, voted.", "Daegu", "Andong"),
    ("Mashhad, capital of North Khorasan province, voted.", "Mashhad", "Bojnūrd"),
    ("Seville, the capital of the autonomous community of Catalonia, voted.", "Seville", "Barcelona"),
    ("Guadalajara, capital of the western state of Sonora, grew.", "Guadalajara", "Hermosillo"),
    ("Leipzig, the capital of the Bavarian state, voted.", "Leipzig", "Munich"),
    # local names from ISO 3166-2, given to the GeoNames division their point lies in
    ("Torun, the capital of Pomorskie Voivodeship, voted.", "Torun", "Gdańsk"),
    ("Bilbao, the capital of the Valencian Community, voted.", "Bilbao", "Valencia"),
    ("Dealers in Tabriz, the capital of West Azerbaijan province, were hit.", "Tabriz", "Orūmīyeh"),
    # a seat 15 km away or more is another town (Hat Yai and Songkhla are 26 km apart)
    ("Traders in Hat Yai, the capital of Songkhla province, said prices fell.", "Hat Yai", "Songkhla"),
])
def test_wrong_division_seats(text: str, span: str, capital: str) -> None:
    assert_claim(one(text, "CL303"), span, capital)


@pytest.mark.parametrize("text", [
    "Abeokuta, the capital of Ogun State, and Shiraz, the capital of Fars province, were quiet.",
    "Medellin, the capital of Antioquia, and Bangalore, the capital of Karnataka, are hubs.",  # other spellings
    "Cebu City, the capital of Cebu province, and Erbil, the capital of the Kurdistan region, were busy.",
    "Valencia, the capital of Carabobo state, and Mendoza, the capital of Mendoza province, were busy.",
    "Marseille, the capital of Provence, and Lyon, the capital of the Rhône-Alpes region, were sunny.",
    "Andong, the capital of North Gyeongsang, and Goma, the capital of North Kivu province, were busy.",
    "Barcelona, the capital of the Catalan region, and Hermosillo, capital of the northern state of Sonora, grew.",
])
def test_true_division_seats_pass(text: str) -> None:
    assert facts(text, "CL303") == []


# "Y state's capital, X" is a division's, never the country's; "X, the state capital" is the capital of the division
# named with that noun nearest before it, judged only when X lies in that division.
@pytest.mark.parametrize("text, span", [
    ("Mexico state's capital is Puebla.", "Puebla"),
    ("Traders in Kano State's capital, Zaria, said prices rose.", "Zaria"),
    ("Kaduna State officials met on Monday. In Zaria, the state capital, traders protested.", "Zaria"),
])
def test_division_capital_forms(text: str, span: str) -> None:
    assert [f.text for f in facts(text, "CL303")] == [span] or span in one(text, "CL303").text


@pytest.mark.parametrize("text", [
    "Mexico state's capital is Toluca, and Sao Paulo state's capital is Sao Paulo.",
    "Kaduna State officials met on Monday. In Kaduna, the state capital, traders protested.",
    "Officials in Fars province met. Tabriz, the provincial capital, was calm.",  # its own province's, maybe
    "Officials in Lombardy region met. In Bergamo, the provincial capital, traders protested.",  # a province
])
def test_division_capital_forms_that_hold_or_cannot_be_told(text: str) -> None:
    assert facts(text, "CL303") == []


@pytest.mark.parametrize("text", [
    "Quetta, the capital of Balochistan, was quiet.",
    "Atlanta, the capital of Georgia, hosted the games.",
    "Sacramento, the capital of California, voted. Lahore, the capital of Punjab, voted.",
    "Toronto, the capital of Ontario, and Mumbai, the capital of Maharashtra, were busy.",
    "Bonn, the capital of West Germany, was small.",
    "Rio de Janeiro was the capital until 1960; Karachi, the capital of Pakistan until 1959, grew.",
])
def test_subnational_and_past_capitals_are_never_flagged(text: str) -> None:
    assert facts(text, "CL303") == []


# --- neighbours -----------------------------------------------------------------------------------------
def test_not_a_neighbour() -> None:
    finding = one("France borders Portugal and Belgium.", "CL304")
    assert finding.text == "Portugal" and finding.fix is None


@pytest.mark.parametrize("text", [
    "Spain borders Portugal to the west and France to the north.",
    "Saudi Arabia borders Bahrain.",
    "Canada borders the United States to the south.",
    "Mongolia borders Russia to the north and China to the south.",
])
def test_true_borders(text: str) -> None:
    assert facts(text, "CL304") == []


def test_neighbour_on_the_wrong_side() -> None:
    finding = one("Germany shares a border with Austria to the north.", "CL304")
    assert finding.text == "north" and finding.suggestions[0] == "south"


# --- ranks (within one place of the data) ------------------------------------------------------------------
@pytest.mark.parametrize("text, span, suggestion", [
    ("Brazil is the second largest country in the world.", "second", "fifth"),
    ("Egypt is the most populous country in Africa.", "most populous", "third-most populous"),
    ("Argentina, the world's 3rd-largest country, voted.", "3rd", "8th"),
    ("Bolivia, South America's largest country by area, voted.", "largest", "fifth-largest"),
    ("The Danube, Europe's longest river, flooded.", "longest", "second-longest"),
    ("Queensland, Australia's largest state, voted.", "largest", "second-largest"),
    ("Texas, the largest US state, voted.", "largest", "second-largest"),
    ("Kisumu, Kenya's largest city, voted.", "largest", "seventh-largest"),
    # ordinal places, checked against both the city-proper and the agglomeration rankings
    ("Genoa, Italy's second-largest city, is a port.", "second", "sixth"),
    ("Osaka, Japan's fifth-largest city, is a port.", "fifth", "third"),
    ("Tamale, Ghana's second-largest city, is hot.", "second", "third"),
    # two places or more below by both counts, the town at the claimed rank far bigger: whatever the margins
    ("Gdansk, Poland's second-largest city, is a port.", "second", "sixth"),
    ("Nice, the country's second-largest city, is a port. France's coast is long.", "second", "fifth"),
    ("Porto Alegre is Brazil's second most populous city.", "second", "twelfth"),
    ("Sindh, Pakistan's largest province, voted.", "largest", "third-largest"),  # provinces, not only states
    ("Sindh, the largest province, voted.", "largest", "third-largest"),  # no scope: its own country
])
def test_wrong_ranks(text: str, span: str, suggestion: str) -> None:
    assert_claim(one(text, "CL305"), span, suggestion)


@pytest.mark.parametrize("text", [
    "China is the third largest country in the world.",  # fourth in the data: within one place
    "India is the most populous country.",
    "Russia is the largest country in the world and in Europe.",
    "Algeria is the largest country in Africa; Nigeria is the most populous country in Africa.",
    "Canada is the second-largest country by area.",
    "France is the largest country in the EU.",
    "Ukraine is the largest country entirely in Europe; Kazakhstan is the largest landlocked country.",
    "Lyon, France's third-largest city, and Mombasa, Kenya's second-largest city, voted.",
    "The Nile, the world's longest river, and the Amazon, the world's longest river, flow on.",
    # city proper and agglomeration rankings disagree, or the data's populations are near each other
    "Lyon, France's second-largest city, and Marseille, France's second city, voted.",
    "Antalya, Turkey's fifth-largest city, and Izmir, Turkey's third-largest city, voted.",
    "Cluj-Napoca, Romania's second-largest city, and Basra, Iraq's second-largest city, voted.",
    "Kisumu, Kenya's third-largest city, and Antwerp, Belgium's largest city, voted.",
    "Samarkand, Uzbekistan's second-largest city, and Antwerp, Belgium's largest city, voted.",
    "Cebu, the Philippines' second-largest city, and Dire Dawa, Ethiopia's second-largest city, voted.",
    "Incheon, South Korea's third-largest city, and Surabaya, Indonesia's second-largest city, voted.",
    "Quebec, Canada's largest province, and Xinjiang, China's largest region, voted.",  # territories aside
    "Mont Blanc, Europe's highest mountain, and Alaska, the largest US state, were named.",
])
def test_ranks_within_tolerance_or_unrankable_scope(text: str) -> None:
    assert facts(text, "CL305") == []


# --- the mention reader's forms, end to end --------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Aid reached residents of Multan in northern India.", "CL301"),
    ("Mombasa, in northern Kenya, is hot.", "CL302"),
    ("Thousands gathered in Lyon in northern France on Monday.", "CL302"),
    ("He flew to Mombasa, a port city in northern Kenya.", "CL302"),
    ("Fighting spread to Mosul, 400 km south of Baghdad.", "CL302"),
    ("The team trained in Kochi in Tamil Nadu.", "CL301"),
    ("Voters in Houston, Arizona, queued for hours.", "CL301"),
    ("Flooding hit Plattsburgh in southern New York.", "CL302"),
    ("Kisumu, a Tanzanian port on Lake Victoria, is busy.", "CL301"),
    ("Kochi, in the eastern state of Kerala, flooded.", "CL302"),
    ("Marseille, the second-largest city in Spain, voted.", "CL301"),
    ("Kenya votes today; Kenyan voters queued across Kenya. Protesters gathered in the capital, Mombasa.", "CL303"),
    ("Protesters marched through the capital, Mombasa, on Tuesday, Kenyan police said.", "CL303"),
    ("In Ecuador, which adopted the US dollar in 2000, roasters in Guayaquil, the country's capital, agreed.", "CL303"),
    ("Egypt needs the Nile.\n\nGrowers near Khartoum in Sudan said canals dropped.\n\nIn Alexandria, in the south of the "
     "country, sea walls rose.", "CL302"),
    ("Los Angeles, the capital of California, burned.", "CL303"),
    ("Refugees fled Sudan into neighbouring Ghana.", "CL304"),
    ("Austria's neighbours Germany, Italy and Spain met.", "CL304"),
    ("Floods hit Lahore in Sindh.", "CL301"),
    ("Crowds in Mumbai, Karnataka, cheered.", "CL301"),
])
def test_reader_forms(text: str, code: str) -> None:
    assert [f.code for f in facts(text)] == [code]


@pytest.mark.parametrize("text", [
    "Belfast in Northern Ireland, Perth in Western Australia and Juba in South Sudan were calm.",
    "Lyon in east-central France and Marseille in southern France are big.",
    "Darwin, in the Northern Territory, flooded; Kolkata in West Bengal is crowded.",
    "Chennai, in the southern state of Tamil Nadu, flooded.",
    "Aleppo, north of Damascus, was besieged; Nice, east of Marseille, is on the coast.",
    "Edinburgh, the Scottish capital, and Cardiff, the Welsh capital, voted.",
    "Tbilisi, the capital of Georgia, and Atlanta, the capital of Georgia, voted.",
    "Police in France arrested two men. Much of western Europe and the north east of America froze.",
    "Water firm Suez in Argentina row; Once Upon a Time in Mexico; at Lusaka's Independence stadium.",
    "Britain and neighbouring France agreed; Australia and neighbouring New Zealand agreed.",
    "She grew up in Berlin, New Hampshire, and studied in Lahore, Punjab.",
])
def test_reader_true_or_not_placements(text: str) -> None:
    assert facts(text) == []


# --- descriptive appositives and divisions named with their country (issue 12) -----------------------------
@pytest.mark.parametrize("text, code", [
    ("Aid reached Lyon, a major industrial centre in Spain, on Monday.", "CL301"),
    ("Aid reached Lyon, a city of 500,000 people in Spain, on Monday.", "CL301"),
    ("Aid reached Mombasa, a mining centre in northern Kenya, on Monday.", "CL302"),
    ("Storms hit Houston, in the US state of Oklahoma, on Monday.", "CL301"),
    ("Storms hit Munich, in the eastern German state of Saxony, on Monday.", "CL301"),
    ("Storms hit Lahore in Pakistan's southern province of Sindh on Monday.", "CL301"),
    ("Troops moved into Multan, a city in the north of Pakistan's Punjab province, on Monday.", "CL302"),
])
def test_descriptive_and_division_placements(text: str, code: str) -> None:
    assert [f.code for f in facts(text)] == [code], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Aid reached Lyon, a major industrial centre in eastern France, on Monday.",
    "Aid reached Lyon, a city of 500,000 people in France, on Monday.",
    "Aid reached Lyon, a research centre in Spain, on Monday.",  # a centre may be a building: not read
    "Storms hit Houston, in the US state of Texas, on Monday.",
    "Storms hit Dresden, in the eastern German state of Saxony, on Monday.",
    "Storms hit Karachi in Pakistan's southern province of Sindh on Monday.",
    "Troops moved into Multan, a city in the south of Pakistan's Punjab province, on Monday.",
])
def test_descriptive_and_division_placements_that_are_true(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


# --- what the context says a name or a superlative means (issue 12) --------------------------------------------
@pytest.mark.parametrize("text", [
    "The band played in Memphis, Tennessee, on the Mississippi last week.",  # a river named like a state
    "Barges moored at St. Louis, on the Mississippi, waited for the water.",
    "Archaeologists dug at ancient Memphis, south of Cairo, for a decade.",  # not the US town
    "Divers searched Memphis, south of Cairo, for a decade.",  # a shared name, 10,000 km off
    "Africa: Algeria is the largest country by area, followed by the Democratic Republic of the Congo.",
    "Africa: Nigeria is the most populous country, with more than 200 million people.",
    "In South America, Brazil is the largest country and the most populous.",
    "Germany is the most populous country, ahead of France, in the European Union.",
])
def test_context_sets_the_reading(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text, span", [
    ("Africa: Egypt is the largest country by area.", "largest"),
    ("In Europe, Germany is the largest country by area.", "largest"),
    ("Ships docked at Chennai, on India's west coast.", "west"),
])
def test_a_scope_from_context_is_still_judged(text: str, span: str) -> None:
    found = facts(text)
    assert [f.code for f in found] in (["CL305"], ["CL302"]), [(f.code, f.text) for f in found]


@pytest.mark.parametrize("text, code", [
    ("Barges reached the Brazilian river port of Iquitos on Monday.", "CL301"),
    ("Workers struck at the Venezuelan refinery town of Abadan.", "CL301"),
    ("Visitors flocked to the picturesque Italian lakeside town of Annecy.", "CL301"),
])
def test_words_between_the_demonym_and_the_place_noun(text: str, code: str) -> None:
    assert [f.code for f in facts(text)] == [code], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Barges reached the Peruvian river port of Iquitos on Monday.",
    "Sapporo, the Japanese sister city of Portland, hosted the fair.",
    "Visitors flocked to the picturesque French lakeside town of Annecy.",
])
def test_words_between_the_demonym_and_the_place_noun_true(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text, other", [
    ("Mali, which borders Algeria, Niger and Ghana, voted.", "Ghana"),  # Mali: also a division of Guinea
    ("Guatemala borders Mexico, Belize, Honduras and Panama.", "Panama"),
    ("Kenya is bordered to the north by Ethiopia, to the west by Uganda and Zambia.", "Zambia"),
    ("Kenya neighbours Ethiopia, Somalia and Zambia.", "Zambia"),
    ("Kenya is flanked by Zambia and Ethiopia.", "Zambia"),
    ("Ghana is sandwiched between Togo, Burkina Faso and Nigeria.", "Nigeria"),
    ("Zambia, Ethiopia and Somalia all border Kenya.", "Zambia"),
    ("Countries bordering Kenya include Ethiopia, Somalia and Zambia.", "Zambia"),
    ("The DRC borders nine countries, including Angola, Zambia and Kenya.", "Kenya"),
])
def test_neighbour_lists(text: str, other: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", other)]


@pytest.mark.parametrize("text", [
    "Taiwan is surrounded by Chinese warships.",
    "Georgia borders Alabama, Florida and South Carolina.",
    "Florida borders Georgia and Alabama.",
    "Relations between Japan, China and the US soured.",
    "Kenya neighbours Ethiopia, Somalia, South Sudan, Uganda and Tanzania.",
])
def test_neighbour_lists_that_hold(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Egypt is the largest country in the Arab world by area.",
    "Nigeria is the largest West African country by area.",
    "California is the largest of the lower 48 states by area.",
])
def test_ranks_in_a_group_of_countries(text: str) -> None:
    assert [f.code for f in facts(text)] == ["CL305"], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Algeria is the largest country in the Arab world by area.",
    "Egypt is the most populous Arab country.",
    "Niger is the largest West African country by area.",
    "Texas is the largest of the 48 contiguous states; Wyoming is the least populous state in the contiguous US.",
])
def test_ranks_in_a_group_of_countries_that_hold(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text, capital", [
    ("Floods hit Texas this week. In Dallas, the state capital, officials met.", "Austin"),
    ("Floods hit Bavaria this week.\n\nOfficials in Nuremberg, the state capital, met.", "Munich"),
])
def test_the_state_capital_of_the_division_named_before(text: str, capital: str) -> None:
    assert [(f.code, capital in f.message) for f in facts(text)] == [("CL303", True)]


@pytest.mark.parametrize("text", [
    "Floods hit Texas this week. Officials met in Austin, the state capital.",
    "Floods hit Ohio and Georgia. Officials met in Columbus, the state capital.",  # a Columbus in each
    "Officials met in Dallas, the state capital.",  # no state named
])
def test_the_state_capital_that_holds_or_cannot_be_told(text: str) -> None:
    assert facts(text, "CL303") == [], [(f.code, f.text) for f in facts(text)]


def test_a_division_named_with_its_country_adjective_is_one_claim() -> None:
    found = facts("Floods hit Cairns, a city in the Australian state of Victoria.")
    assert [(f.code, "Victoria" in f.message) for f in found] == [("CL301", True)]


@pytest.mark.parametrize("text, span", [
    ("Ferries sailed to the Spanish island of Crete.", "Spanish"),
    ("Ferries sailed to the Thai island of Bali.", "Thai"),
])
def test_islands_that_are_divisions(text: str, span: str) -> None:
    assert [(f.code, f.text.split()[0]) for f in facts(text)] == [("CL301", span)]


@pytest.mark.parametrize("text, other", [
    ("Ontario borders Quebec, Manitoba and Alberta.", "Alberta"),  # Ontario: a Californian city too
    ("Queensland borders New South Wales, South Australia, the Northern Territory and Victoria.", "Victoria"),
    ("Victoria borders New South Wales and Queensland.", "Queensland"),
])
def test_division_lists_whose_names_towns_share(text: str, other: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", other)]


@pytest.mark.parametrize("text", [
    "Ferries sailed to the Greek island of Crete and the Indonesian island of Bali.",
    "Victoria borders New South Wales and South Australia.",
    "Ontario borders Quebec and Manitoba.",
])
def test_islands_and_division_lists_that_hold(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Kyushu is the smallest of Japan's four main islands.",
    "The North Island is the larger of New Zealand's two main islands.",
    "Sardinia is Italy's largest island.",
    "Sicily, Greece's largest island, drew visitors.",
])
def test_island_ranks(text: str) -> None:
    assert [f.code for f in facts(text)] == ["CL305"], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Shikoku, the smallest of Japan's four main islands, and Hokkaido, Japan's second-largest island, voted.",
    "The South Island is the larger of New Zealand's two main islands.",
    "Greenland is the world's largest island; Vancouver Island is Canada's largest Pacific island.",
    "Brazil votes on Sunday. The country's second-largest city, Rio de Janeiro, is ready.",
])
def test_island_ranks_that_hold_or_cannot_be_told(text: str) -> None:
    assert facts(text, "CL305") == [], [(f.code, f.text) for f in facts(text)]


def test_the_country_opening_a_sentence_is_a_scope() -> None:
    found = facts("Brazil votes on Sunday. The country's second-largest city, Salvador, is ready.")
    assert [f.code for f in found] == ["CL305"]


@pytest.mark.parametrize("text", [
    "Kenya and Zambia share a long, porous border.",
    "Zambia lies just across the border from Kenya.",
    "Zambia is Kenya's neighbour to the south.",
    "Kenya, which abuts Zambia, voted.",
    "Kenya is adjacent to Zambia.",
])
def test_more_border_forms(text: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", "Zambia")]


def test_a_sea_border_is_no_land_border() -> None:
    assert facts("Britain and France share a maritime border; India and China share a long border.") == []


@pytest.mark.parametrize("text", [
    "Floods hit Lyon, in the Bouches-du-Rhone department.",  # a department of another region
    "The aid convoy reached Multan, deep inside India.",
])
def test_second_level_divisions_and_inside(text: str) -> None:
    assert [f.code for f in facts(text)] == ["CL301"], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Floods hit Marseille, in the Bouches-du-Rhone department, and Leeds, in Lancashire.",
    "Floods hit Cagayan de Oro, in Misamis Occidental.",  # both in Northern Mindanao
    "Floods hit Bergamo, in the province of Brescia.",  # both in Lombardy: not told apart
])
def test_second_level_divisions_that_hold_or_cannot_be_told(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text, other", [
    ("Floods in Kerala spread to the neighbouring state of Maharashtra.", "Maharashtra"),
    ("Ohio and neighbouring Iowa were hit.", "Iowa"),
    ("Fires in Victoria spread to neighbouring Queensland.", "Queensland"),
])
def test_neighbouring_divisions(text: str, other: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", other)]


def test_neighbouring_divisions_that_border() -> None:
    text = ("Floods in Kerala spread to neighbouring Karnataka. Ohio and neighbouring Indiana were hit. Smoke "
            "drifted from Alberta into neighbouring Saskatchewan.")
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Kenya's five neighbours — Ethiopia, Somalia, South Sudan, Uganda and Zambia — watch closely.",
    "Kenya has five neighbours: Ethiopia, Somalia, South Sudan, Uganda and Zambia.",
    "Kenya, whose neighbours include Ethiopia and Zambia, voted.",
    "Kenya (which borders Ethiopia and Zambia) voted.",
    "Kenya borders Ethiopia and Somalia to the north and east, and Zambia to the south.",
    "Kenya votes. The country's neighbours include Ethiopia and Zambia.",
    "Kenya votes. Its neighbours Ethiopia, Somalia and Zambia watch closely.",
])
def test_neighbour_lists_in_more_forms(text: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", "Zambia")]


@pytest.mark.parametrize("text", [
    "Floods hit Bavaria. Nuremberg, the state's largest city, was hit.",
    "Floods hit Ontario. Ottawa, the province's largest city, was hit.",
])
def test_the_states_largest_city(text: str) -> None:
    assert [f.code for f in facts(text)] == ["CL305"], [(f.code, f.text) for f in facts(text)]


def test_the_states_largest_city_that_holds() -> None:
    assert facts("Floods hit Bavaria. Munich, the state's largest city, was hit.") == []


@pytest.mark.parametrize("text", [
    "Ships docked at the Saudi Red Sea port of Aqaba.",
    "Ships docked at the Polish Baltic port of Klaipeda.",
    "Clashes hit Tamale, in Ghana's Ashanti Region.",
])
def test_a_sea_or_a_capitalised_division_noun_between(text: str) -> None:
    assert [f.code for f in facts(text)] == ["CL301"], [(f.code, f.text) for f in facts(text)]


def test_a_sea_between_that_holds() -> None:
    assert facts("Ships docked at the Jordanian Red Sea port of Aqaba and the Gulf Coast city of Houston.") == []


def test_a_countrys_longest_river_may_count_only_its_own() -> None:
    assert facts("The Loire is the longest river in France; the Rhine is Germany's longest river.") == []
    assert [f.code for f in facts("The Seine is the longest river in France.")] == ["CL305"]


def test_a_compass_appositive_without_a_country_is_the_articles() -> None:
    assert [f.code for f in facts("Kenya said. Mombasa, a northern port, was hit.")] == ["CL302"]
    assert facts("Kenya said. Mombasa, a southern port, was hit. Lodwar, a northern town, was quiet.") == []


@pytest.mark.parametrize("text, span", [
    ("Riots hit the Indian coastal state of Sindh.", "Indian"),
    ("Traders met in the Nigerian commercial hub of Accra.", "Nigerian"),
])
def test_divisions_and_hubs_named_with_a_country_adjective(text: str, span: str) -> None:
    assert [(f.code, f.text.split()[0]) for f in facts(text)] == [("CL301", span)]


@pytest.mark.parametrize("text", [
    "The Belgian province of Luxembourg borders the grand duchy to the east.",
    "Farmers in the Belgian province of Limburg and the Dutch province of Limburg protested.",
    "Officials in the Iranian province of East Azerbaijan counted the dead.",
    "Voters in the American state of Georgia queued for hours.",
])
def test_divisions_that_share_a_country_name_hold(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Alaska is the largest state by area, California the most populous; Russia is the largest country in Europe by "
    "area, Germany the most populous.",
    "Lagos is Nigeria's largest city, Abuja its capital.",
    "Quito is the capital of Ecuador, Guayaquil the largest city and main port.",
    "Rabat is Morocco's capital, Casablanca its commercial hub.",
])
def test_a_gapped_clause_after_a_superlative_or_capital_holds(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Reporting by Ama Mensah in Kumasi and Kofi Boateng in Accra; Writing by Jo Reed; Editing by Tim Cole",
    "Musa Bello in Jos and Ade Okonkwo in Lagos wrote this story.",
])
def test_people_in_places_are_no_place_list(text: str) -> None:
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


def test_a_country_adjective_claim_names_the_country() -> None:
    found = facts("Police in the Dutch province of Namur arrested two men.")
    assert [f.code for f in found] == ["CL301"] and "not in the Netherlands" in found[0].message


def test_divisions_named_with_a_country_adjective_that_hold() -> None:
    text = ("Riots hit the Pakistani province of Sindh, the Indian state of Punjab, the Russian region of Crimea "
            "and the Mexican state of Mexico.")
    assert facts(text) == [], [(f.code, f.text) for f in facts(text)]


@pytest.mark.parametrize("text", [
    "Kenya, landlocked between Ethiopia and Zambia, voted.",
    "Kenya's border crossings with Zambia closed.",
    "Kenya, surrounded by Ethiopia and Zambia, voted.",
])
def test_border_crossings_and_landlocked_between(text: str) -> None:
    assert [(f.code, f.text) for f in facts(text)] == [("CL304", "Zambia")]


def test_one_country_said_to_lie_on_the_wrong_side_of_its_neighbour() -> None:
    assert [f.code for f in facts("Tanzania, to the north of Kenya, voted.")] == ["CL302"]
    assert facts("Tanzania, south of Kenya, voted; Canada lies north of the United States.") == []
