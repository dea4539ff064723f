"""The mention reader on its own: sentences -> what each attaches to a place (no gazetteer involved)."""
from __future__ import annotations

import pytest

from copylint.data.mentions import find_mentions, neighbour_claims, opens_clause, rank_claims


def read(text: str) -> list[tuple]:
    """(form, place, where, compass word) for every mention, in the reader's order."""
    return [(m.pattern, m.x.text, m.y.text, m.compass.text if m.compass else None) for m in find_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    # prepositional phrases after any verb or noun
    ("Aid reached residents of Multan in northern India.", [("in", "Multan", "India", "northern")]),
    ("Fighting near Goma in neighbouring Congo went on.", [("in", "Goma", "Congo", None)]),
    ("Goma is located in eastern Congo.", [("in", "Goma", "Congo", "eastern")]),
    ("Goma, which lies in Congo's far east, is tense.", [("in", "Goma", "Congo", "far east")]),
    ("Goma, in the far east of Congo, is tense.", [("in", "Goma", "Congo", "far east")]),
    ("Mombasa, on the north-east coast of Tanzania, is hot.", [("in", "Mombasa", "Tanzania", "north-east")]),
    ("Mombasa, at the northern tip of Kenya, is hot.", [("in", "Mombasa", "Kenya", "northern")]),
    ("Lahore, in Pakistan's Punjab province, voted.", [("in", "Lahore", "Pakistan", None),
                                                        ("in", "Lahore", "Punjab", None),
                                                        ("poss", "Punjab", "Pakistan", None)]),
    ("Kano, in Nigeria's Kaduna state, voted.", [("in", "Kano", "Nigeria", None), ("in", "Kano", "Kaduna", None),
                                                 ("poss", "Kaduna", "Nigeria", None)]),
    ("Kochi, in the eastern state of Kerala, flooded.", [("in", "Kochi", "Kerala", "eastern")]),
    ("Grain is moved at Bulgaria's Black Sea port of Constanta.", [("poss", "Constanta", "Bulgaria", None)]),
    # "the (compass) <country> state of Z", "Y's (compass) province of Z", "(compass) Y's Z province": the division
    ("Houston, in the US state of Oklahoma, flooded.", [("in", "Houston", "US", None), ("in", "Houston", "Oklahoma", None),
                                                        ("noun", "Oklahoma", "US", None)]),
    ("Lahore, in Pakistan's southern province of Sindh, voted.", [("in", "Lahore", "Pakistan", None),
                                                                  ("in", "Lahore", "Sindh", "southern"),
                                                                  ("poss", "Sindh", "Pakistan", "southern")]),
    ("Lahore, in southern Pakistan's Sindh province, voted.", [("in", "Lahore", "Pakistan", "southern"),
                                                               ("in", "Lahore", "Sindh", None),
                                                               ("poss", "Sindh", "Pakistan", "southern")]),
    ("Multan, in the north of Pakistan's Punjab province, voted.", [("in", "Multan", "Pakistan", None),
                                                                    ("in", "Multan", "Punjab", "north"),
                                                                    ("poss", "Punjab", "Pakistan", None)]),
    # appositives
    ("Mombasa, a port city in northern Kenya, is hot.", [("appos", "Mombasa", "Kenya", "northern")]),
    ("Lyon, a textile centre in northern Spain, grew.", [("appos", "Lyon", "Spain", "northern")]),
    ("Mombasa, a town of 50,000 people in Uganda, is hot.", [("appos", "Mombasa", "Uganda", None)]),
    ("Lyon, a city of about two million inhabitants in Spain, grew.", [("appos", "Lyon", "Spain", None)]),
    ("Lyon, a city of 2m in Spain, grew.", [("appos", "Lyon", "Spain", None)]),
    ("Mombasa, a port on the north coast of the country, is hot.", [("appos", "Mombasa", "country", "north")]),
    ("Lyon, a research centre in Spain, grew.", []),  # a centre may be a building
    ("Lyon, a centre in Spain, grew.", []),
    ("Kisumu, a Tanzanian port, is busy.", [("appos-adj", "Kisumu", "Tanzanian", None)]),
    ("Mombasa, an eastern Kenyan city, is hot.", [("appos-adj", "Mombasa", "Kenyan", "eastern")]),
    ("Lyon, France, is big.", [("comma", "Lyon", "France", None)]),
    ("He grew up in Porto (Portugal).", [("paren", "Porto", "Portugal", None)]),
    # the Y city of X, Y's X
    ("Protests spread to the southern Iraqi city of Basra.", [("noun", "Basra", "Iraqi", "southern")]),
    ("Protests spread to the south Iraqi city of Basra.", [("noun", "Basra", "Iraqi", "south")]),
    ("Troops moved to the northern state of Kerala.", [("division-own", "Kerala", "Kerala", "northern")]),
    ("Police in Ludhiana, the trade and farming hub in Haryana state, met.", [("in", "Police", "Ludhiana", None),
                                                                             ("appos", "Ludhiana", "Haryana", None)]),
    ("Rescuers reached Lima, a farmer in Sindh province.", []),
    # every candidate is read; the rules judge which names are places ("Hotels" is none)
    ("Hotels in Spain's Lyon were full.", [("in", "Hotels", "Spain", None), ("poss", "Lyon", "Spain", None)]),
    ("Crowds filled the southern port city of Mombasa.", [("noun-own", "Mombasa", "country", "southern")]),
    # bearings between two places
    ("Mosul, 400 km north of Baghdad, fell.", [("bearing", "Mosul", "Baghdad", "north")]),
    ("Kisumu, about 300 km east of the capital, voted.", [("bearing", "Kisumu", "capital", "east")]),
    ("Aid reached Mosul on Tuesday, a city some 400 km south of Baghdad.",
     [("in", "Mosul", "Tuesday", None), ("bearing-far", "Tuesday", "Baghdad", "south"),
      ("bearing-far", "Mosul", "Baghdad", "south"), ("bearing-far", "Aid", "Baghdad", "south")]),
    # names that open with a compass word stay whole; "east-central" is read but stays unjudged
    ("Belfast in Northern Ireland was calm.", [("in", "Belfast", "Northern Ireland", None)]),
    ("Lyon in east-central France is a food capital.", [("in", "Lyon", "France", "east-central")]),
    # not placements
    ("Officials from Kabul, Pakistan and India met.", []),
    ("In Paris, Ireland face the Faroe Islands.", []),
    ("Water firm Suez in Argentina row.", []),
    ("Fans of Liverpool in Spain cheered.", []),
    ("He left on 19 March in France.", []),
    # names read in full, with their particles: "de los", "van der", "al-"
    ("Santiago de los Caballeros, a city in Peru, grew.", [("appos", "Santiago de los Caballeros", "Peru", None)]),
    ("Ras al-Khaimah, a port in Oman, grew.", [("appos", "Ras al-Khaimah", "Oman", None)]),
    # "the main commercial hub of Y", "the industrial centre of Y": a hub or centre of a part of Y
    ("Traders from Kano, the commercial hub of southern Nigeria, met.", [("appos", "Kano", "Nigeria", "southern")]),
    ("Lyon, the main industrial centre of northern France, grew.", [("appos", "Lyon", "France", "northern")]),
    ("Bursa, an optics centre in Turkey, grew.", [("appos", "Bursa", "Turkey", None)]),
    # "in Y, and the city of X ...": a conjunction opens a new clause, not a fronted placement
    ("Rain fell in Rwanda, and the city of Kampala flooded.", []),
    # people, each in a place: "A in P1 and B in P2" places P1 and P2 apart; a credit line places nothing
    ("Our reporters Ama Mensah in Kumasi and Kofi Boateng in Accra met voters.",
     [("in", "Ama Mensah", "Kumasi", None), ("in", "Kofi Boateng", "Accra", None)]),
    ("Additional reporting by Ama Mensah in Kumasi and Kofi Boateng in Accra; Editing by Jo Reed", []),
    ("Troops in Goma and Bukavu in eastern Rwanda were put on alert.",
     [("in", "Troops", "Goma", None), ("in", "Bukavu", "Rwanda", "eastern"), ("in-list", "Goma", "Rwanda", "eastern")]),
])
def test_place_mentions(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bolivia, South America's largest country by area, voted.", ("Bolivia", 1, "largest", "country", "South America")),
    ("Brazil is the fifth-largest country in the world.", ("Brazil", 5, "largest", "country", "world")),
    ("Africa's most populous country, Nigeria, voted.", ("Nigeria", 1, "most populous", "country", "Africa")),
    ("Egypt, the largest African country, voted.", ("Egypt", 1, "largest", "country", "African")),
    ("Lyon, the third-largest city in France, voted.", ("Lyon", 3, "largest", "city", "France")),
    ("The Danube, Europe's second-longest river, flows on.", ("The Danube", 2, "longest", "river", "Europe")),
    ("Texas, the largest US state, voted.", ("Texas", 1, "largest", "state", "US")),
    ("Tamale, the country's second city, grew.", ("Tamale", 2, "largest", "city", "country")),
    ("Tamale, Ghana's third largest urban centre, grew.", ("Tamale", 3, "largest", "city", "Ghana")),
    ("Tamale ranks as Ghana's third-largest city.", ("Tamale", 3, "largest", "city", "Ghana")),
    ("Tamale is ranked as the third-biggest city in Ghana.", ("Tamale", 3, "biggest", "city", "Ghana")),
    ("Tamale, the third most populous Ghanaian city, grew.", ("Tamale", 3, "most populous", "city", "Ghanaian")),
    ("Tamale, the third-largest city in Ghana after Accra and Kumasi, grew.", ("Tamale", 3, "largest", "city", "Ghana")),
    ("The worst hit was Africa's most populous nation, Ghana, whose cedi fell.",
     ("Ghana", 1, "most populous", "nation", "Africa")),
])
def test_rank_claims(text: str, expected: tuple) -> None:
    (claim,) = rank_claims(text)
    assert (claim.subject.text, claim.ordinal, claim.what, claim.noun, claim.scope) == expected


@pytest.mark.parametrize("text", [
    "Kazakhstan, the world's largest island country, voted.",
    "Ukraine, the largest country entirely in Europe, voted.",
    "France, the largest country of the former empire, voted.",
    "Sukkur, the third-largest city in Pakistan's Sindh province, grew.",  # the scope is the province
])
def test_qualified_ranks_are_not_read(text: str) -> None:
    assert list(rank_claims(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan, the world's largest landlocked country, voted.", ("Kazakhstan", 1, "world", "landlocked")),
    ("Chad is the second-largest landlocked nation in Africa.", ("Chad", 2, "Africa", "landlocked")),
    ("Ethiopia, Africa's most populous landlocked country, voted.", ("Ethiopia", 1, "Africa", "landlocked")),
])
def test_group_ranks(text: str, expected: tuple) -> None:
    (claim,) = rank_claims(text)
    assert (claim.subject.text, claim.ordinal, claim.scope, claim.group) == expected


@pytest.mark.parametrize("text, subjects", [
    # a gapped clause after a superlative: the second name takes only its own superlative
    ("Texas is the largest state by area, Ohio the most populous.", ["Texas"]),
    ("Algeria is the largest country in Africa, Niger the second-largest by population.", ["Algeria"]),
    ("Mali is the biggest country in Africa, Togo the poorest.", ["Mali"]),
    ("Lagos is the largest city in Nigeria, Abuja its capital.", ["Lagos"]),
])
def test_gapped_clauses_take_their_own_superlative(text: str, subjects: list[str]) -> None:
    assert [c.subject.text for c in rank_claims(text)] == subjects


@pytest.mark.parametrize("text, expected", [
    ("Kenya's northern neighbour Tanzania sent aid.", [("Kenya", "Tanzania", "northern")]),
    ("Uganda, Kenya's western neighbour, agreed.", [("Kenya", "Uganda", "western")]),
    ("Austria's neighbours Germany, Italy and Spain met.",
     [("Austria", "Germany", None), ("Austria", "Italy", None), ("Austria", "Spain", None)]),
    ("Troops massed on the Peru-Brazil border.", [("Peru", "Brazil", None)]),
    ("The border between Chile and Bolivia is tense.", [("Chile", "Bolivia", None)]),
    ("Poland's border with Belarus is closed.", [("Poland", "Belarus", None)]),
    ("Refugees fled Sudan into neighbouring Chad.", [(None, "Chad", None)]),
])
def test_neighbour_claims(text: str, expected: list[tuple]) -> None:
    found = [(c.y.text if c.y else None, c.z.text, c.compass.text if c.compass else None) for c in neighbour_claims(text)]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("Vietnam joined in 1995.", True),
    ("Vietnam later joined.", True),
    ("Santiago de los Caballeros is its second city.", True),
    ("Kampala has grown.", True),
    ("Geneva hosts the talks.", True),
    ("Nairobi, is calm.", False),
    ("Nairobi in 1999.", False),
    ("Nairobi police said.", False),
    ("Nairobi and Kisumu.", False),
])
def test_a_name_followed_by_a_finite_verb_opens_a_clause(text: str, expected: bool) -> None:
    assert opens_clause(text, len(text.split()[0].rstrip(","))) is expected


def test_staged_tail_reads_as_written() -> None:
    """'in' is matched in its written-once form for its first matches, then as written: the same matches."""
    import regex

    from copylint.data import mentions

    staged = mentions._written_once(mentions._TAILS["in"], 2)
    written = regex.compile(mentions._TAILS["in"])
    text = "Lagos, in the far north-east of Nigeria, and Kano in northern Nigeria's Kano state"
    for _ in range(3):
        for pos in (5, 49):
            m, w = staged.match(text, pos), written.match(text, pos)
            assert (m.span(), m.group("y"), m.group("comp")) == (w.span(), w.group("y"), w.group("comp"))
    assert staged._compiled._pattern.pattern == mentions._TAILS["in"]
