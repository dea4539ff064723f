"""Table tests for the geography checks on forms written for issue 12 (own sentences, not from any blind set):
group ranks, city ranks, natural features, first-level division adjacency, neighbour claims in less common
phrasing, possessives of names ending in s, and France's regions before and after 2016."""
from __future__ import annotations

import pytest

from copylint.api import Linter

_LINTER = Linter(languagetool=False)


def _codes(text: str) -> list[str]:
    return [f.code for f in _LINTER.lint_source("t.txt", text + "\n") if f.code.startswith("CL3")]


FLAGGED = [
    # ranks among the landlocked countries, and cities called their country's largest
    ("Uganda, Africa's most populous landlocked country, voted.", "CL305"),
    ("Paraguay, South America's largest landlocked country, voted.", "CL305"),
    ("Mongolia, the world's largest landlocked country, held a vote.", "CL305"),
    ("Kenya is Africa's largest landlocked country.", "CL305"),
    ("Hungary is Europe's largest landlocked country.", "CL305"),
    ("Hanoi is the largest city in Vietnam.", "CL305"),
    ("Montreal, Canada's largest city, voted.", "CL305"),
    ("Shymkent, Kazakhstan's largest city, voted.", "CL305"),
    ("Saudi Arabia, the Arab world's largest country, voted.", "CL305"),
    ("Germany, the EU's largest country by area, voted.", "CL305"),
    ("Oman, the largest Gulf state, voted.", "CL305"),
    # rivers, lakes and mountains put in a country they do not touch
    ("Tourists flocked to Lake Tanganyika in Kenya.", "CL301"),
    ("Mount Fuji in South Korea erupted.", "CL301"),
    ("Boats on the Mekong River in Brazil sank.", "CL301"),
    ("The Rhine, which flows through Spain, flooded.", "CL301"),
    ("Lake Titicaca, on the border of Peru and Chile, is high.", "CL301"),
    ("Mount Everest, on the border between Nepal and India, is high.", "CL301"),
    ("Lake Victoria, shared by Uganda, Kenya and Ethiopia, shrank.", "CL301"),
    # first-level divisions said to border
    ("Texas, which borders the state of Oregon, has a long coast.", "CL304"),
    ("Bavaria, which borders the state of Schleswig-Holstein, voted.", "CL304"),
    ("Washington state, which borders Canada and Mexico, voted.", "CL304"),
    ("Anbar province, which borders Syria, Jordan and Iran, voted.", "CL304"),
    ("Antioquia borders the department of Narino.", "CL304"),
    # neighbours in less common phrasing
    ("Bangladesh is almost entirely surrounded by India and Pakistan.", "CL304"),
    ("Uganda, a landlocked neighbour of Nigeria, voted.", "CL304"),
    ("Tanzania is bordered by Kenya and Uganda to the north and by Ethiopia to the west.", "CL304"),
    ("The Kenyan border with Nigeria was closed.", "CL304"),
    ("The Philippines shares land borders with Indonesia.", "CL304"),
    ("Togo and Nigeria, both of which border Ghana, voted.", "CL304"),
    ("Iraq's 1,400km border with Egypt is porous.", "CL304"),
    ("Switzerland's neighbouring countries include France and Belgium.", "CL304"),
    ("Uganda, which is landlocked and bordered by Kenya and Nigeria, voted.", "CL304"),
    ("Uganda reopened its border with Zambia on Monday.", "CL304"),
    ("Bangladesh borders Nepal and India.", "CL304"),
    ("Cucuta, which lies on the border with Ecuador, was tense.", "CL304"),
    ("Iasi, on the Hungarian border, was tense.", "CL304"),
    ("Thailand borders Vietnam.", "CL304"),
    ("The Philippines' neighbour Thailand voted.", "CL304"),
    ("Cebu, the Philippines' capital, voted.", "CL303"),
    ("Lagos — Nigeria's capital — voted.", "CL303"),
    ("Karachi, the capital of Pakistan, voted.", "CL303"),
    ("Lyon (a city in southern Spain) voted.", "CL301"),
    ("Mombasa — a port in Tanzania — reopened.", "CL301"),
    ("Lahore (Pakistan's third-largest city) flooded.", "CL305"),
    ("Manaus, deep in Brazil's south, voted.", "CL302"),
    # France's regions: current names read, former ones placed in the region that holds them now
    ("Strasbourg, in the Nouvelle-Aquitaine region, voted.", "CL301"),
    ("Lille, in the Alsace region, voted.", "CL301"),
    ("Toulouse, in Limousin, voted.", "CL301"),
    ("Lyon, in Aquitaine, voted.", "CL301"),
    ("Lausanne, in the canton of Geneva, voted.", "CL301"),
    ("Flights from Lahore and Delhi, both in India, resumed.", "CL301"),
    ("Osaka and Busan, two Japanese cities, voted.", "CL301"),
]

CLEAN = [
    "Chad, the largest landlocked country in Africa, held elections on Sunday.",
    "Kazakhstan, the world's largest landlocked country, held a vote.",
    "Bolivia, South America's largest landlocked country, and Eswatini, Africa's smallest landlocked country, voted.",
    "Manila, the Philippines' largest city, and Toronto, Canada's largest city, voted.",
    "Melbourne, Australia's largest city, and Milan, Italy's largest city, voted.",
    "Antwerp, Belgium's largest city, and Accra, Ghana's largest city, voted.",
    "Algeria, the largest Arab country, and Egypt, the most populous Arab country, voted.",
    "Germany, the EU's most populous country, and Spain, the EU's second-largest country, voted.",
    "Saudi Arabia, the largest Gulf state, and Lithuania, the largest Baltic state, voted.",
    "Lake Victoria in Kenya shrank; Lake Malawi in Mozambique rose.",
    "The Danube flows through Austria, Hungary and Serbia.",
    "Mount Everest, on the border of Nepal and China, is high.",
    "Lake Titicaca, which lies between Peru and Bolivia, is high.",
    "The Mekong, which runs through Thailand and Laos, flooded.",
    "The Amazon in Ecuador burned.",
    "Mount Isa in Queensland voted.",
    "Texas borders Mexico, New Mexico, Oklahoma, Arkansas and Louisiana.",
    "Basra province borders Kuwait and Iran.",
    "Antioquia, which borders Cordoba and Choco, voted.",
    "Tyrol, which borders Italy, Switzerland and Germany, voted.",
    "Lesotho is completely surrounded by South Africa.",
    "The Gambia is almost entirely surrounded by Senegal.",
    "Australia, a neighbour of New Zealand, voted.",
    "Haiti shares a land border with the Dominican Republic.",
    "Kenya reopened its border with Somalia on Monday.",
    "Uzhhorod, on the Slovak border, and Innsbruck, near the German border, were tense.",
    "Britain said its border with France was open; Malaysia's border with Singapore reopened.",
    "Switzerland's neighbouring countries include France, Germany, Italy, Austria and Liechtenstein.",
    "Togo and Burkina Faso, both of which border Ghana, voted.",
    "Nassau, the Bahamas' capital, voted.",
    "Dacca, the capital of East Pakistan, and Accra, the capital of the Gold Coast, were renamed.",
    "Canberra (Australia's capital) and Wellington (the capital of New Zealand) voted.",
    "Mombasa (Kenya's main port) reopened; Lyon (a city in France) voted.",
    "Strasbourg, in the Alsace region, voted.",
    "Bordeaux, in the Nouvelle-Aquitaine region, voted.",
    "Limoges, in Limousin, voted.",
    "Lille, in Hauts-de-France, voted.",
    "Lausanne, in the canton of Vaud, and Basra, in the governorate of Basra, voted.",
    "Talks in Mombasa, Nairobi and Kisumu, all in Kenya, ended.",
    "Osaka and Kyoto, two Japanese cities, and Mombasa and Kisumu, both Kenyan ports, grew.",
    "Kyoto, in the prefecture of Kyoto, and Medellin, in the department of Antioquia, voted.",
]


@pytest.mark.parametrize("text, code", FLAGGED)
def test_flagged(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text: str) -> None:
    assert _codes(text) == []
