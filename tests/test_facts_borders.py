"""Division borders (data/borders.json), 'near the border with', ordinal city ranks and measures given two ways."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.data import borders
from copylint.data.gazetteer import gazetteer
from copylint.kinds.measures import conflicts, measures

_LINTER: list[Linter] = []


def found(text: str, code: str) -> list[str]:
    if not _LINTER:
        _LINTER.append(Linter(select=["CL3"], languagetool=False))
    return [f.text for f in _LINTER[0].lint_source("t.txt", text) if f.code == code]


# Every land border of these US states (US Census state adjacency): none may be judged apart.
_US = {"US.NV": "OR ID UT AZ CA", "US.TX": "NM OK AR LA", "US.CO": "WY NE KS OK NM UT AZ",
       "US.TN": "KY MO AR MS AL GA NC VA"}


@pytest.mark.parametrize("state, neighbours", _US.items())
def test_true_state_borders_are_never_judged_apart(state, neighbours):
    g = gazetteer()
    for other in neighbours.split():
        b = f"US.{other}"
        assert borders.may_border(state, b) or borders.may_border(b, state) or not borders.separated(g, state, b)


def test_a_state_two_away_is_apart():
    g = gazetteer()
    assert not borders.may_border("US.CA", "US.UT") and borders.separated(g, "US.CA", "US.UT")


@pytest.mark.parametrize("text, flagged", [
    ("Floods hit Sonora, a Mexican state that borders Arizona and Texas.", ["Texas"]),
    ("Floods hit Quebec, which borders Ontario, New Brunswick and Manitoba.", ["Manitoba"]),
    ("Floods hit the Northern Territory, which borders Queensland and South Australia.", []),
    ("Floods hit Sindh, which borders Punjab, Balochistan and India.", []),
    ("Fighting reached Goma, near the border with Angola.", ["Angola"]),
    ("Fighting reached Goma, near the border with Rwanda.", []),
    ("Aid reached Chad, near the border with Sudan.", []),
    # an appositive between the country and "which borders", and "a <adj> country that borders"
    ("Kenya, the region's biggest economy, which shares a land border with Nigeria, asked for help.", ["Nigeria"]),
    ("Honduras, Central America's largest coffee producer, which borders Peru, was hit.", ["Peru"]),
    ("Chile, a long and narrow country that borders Brazil, voted.", ["Brazil"]),
    ("Honduras, Central America's largest coffee producer, which borders Guatemala, was hit.", []),
    ("Nairobi, the capital of Kenya, which borders Uganda, was calm.", []),
    ("Uganda, Tanzania, which borders Kenya, and Rwanda met.", []),
])
def test_division_and_near_border_claims(text, flagged):
    assert found(text, "CL304") == flagged


_KENYA = ("Kenya Votes\n\nKenya held a general election on Tuesday. Kenya's leaders urged calm in Nairobi.\n\n"
          "Kenya's electoral board said turnout was high.\n\n")


@pytest.mark.parametrize("text, flagged", [
    (_KENYA + "Observers also watched Rwanda closely.\n\nThe country, which borders Burundi and Uganda, voted in May.\n",
     []),  # "the country" is the one the paragraph before named, not the article's own
    (_KENYA + "The country, which borders Burundi and Uganda, held its last vote in 2017.\n", ["Burundi"]),
])
def test_the_country_which_borders_is_the_last_country_named(text, flagged):
    assert found(text, "CL304") == flagged


@pytest.mark.parametrize("text, flagged", [
    ("Voters in Barcelona, Spain's third-largest city, went to the polls.", True),
    ("Voters in Cork, Ireland's fourth-largest city, went to the polls.", True),
    ("Voters in Lyon, France's second-largest city, went to the polls.", False),  # first by metropolitan area
    ("Voters in Marseille, France's third-largest city, went to the polls.", False),
    ("Voters in Kolkata, India's third-largest city, went to the polls.", False),
    ("Voters in Vancouver, Canada's third-largest city, went to the polls.", False),
])
def test_ordinal_city_ranks(text, flagged):
    assert bool(found(text, "CL305")) is flagged


_UNITS = (("megawatts", ("megawatt", "MW")), ("metres", ("metre",)))


def _conflicts(*paragraphs: str):
    import regex

    skip = regex.compile(r"\b(?:than|previous|up|from)\b", regex.I)
    return list(conflicts(measures(list(enumerate(paragraphs)), _UNITS, skip), 0.05))


def test_measure_given_two_ways():
    (first, later), = _conflicts("The 450-megawatt plant opened.", "The plant will supply about 500 MW.")
    assert (first.words, later.words, first.noun) == ("450-megawatt", "500 MW", "plant")


@pytest.mark.parametrize("paragraphs", [
    ("The 450-megawatt plant opened.", "It will supply about 450 megawatts."),  # the same figure
    ("The 450-megawatt plant opened.", "It will supply 500 MW, up from 300 MW."),  # three figures, a change
    ("The 450-megawatt plant opened.", "That is more than the 300 megawatts of the old one."),  # a comparison
    ("The plant makes 450 megawatts.", "It will supply about 500 megawatts."),  # no compound form
    ("The 450-megawatt plant opened.", "A mine nearby uses 500 megawatts."),  # the plain figure is another thing's
])
def test_measures_that_agree_or_tell_a_change(paragraphs):
    assert _conflicts(*paragraphs) == []


@pytest.mark.parametrize("text", [
    "A 5,000-ton ship docked on Monday.\n\nIt carried 5,400 tonnes of grain.",  # short tons are not tonnes
    "The 40-seat restaurant opened in May.\n\nThe party won 30 seats in parliament.",
    "She owns a 12-room hotel.\n\nHer children play in two rooms upstairs.",
    "The 120-km road opened in May.\n\nDrivers may use the road at 60 km an hour.",  # a rate
    "The 5-foot statue was unveiled.\n\nThe statue stood 10 feet away from the gate.",  # a distance
    "The 300-bed hospital opened.\n\nThe hospital has 250 beds in its main wing.",  # a part
    "The 12-story building opened.\n\nShe told 14 storeys of her life.",
    "A 1,000-tonne ship sank.\n\nThe vessel carried 2,000 tonnes of grain.",  # the grain's weight
    "The 10-km tunnel opened.\n\nWorkers dug the tunnel 12 km under the sea.",  # a depth
])
def test_measures_of_different_things_pass(text):
    assert found(text, "CL309") == []


@pytest.mark.parametrize("text, flagged", [
    ("The 450-megawatt plant opened.\n\nOfficials said the station would supply about 500 megawatts.", "500 megawatts"),
    ("She owns a 12-room hotel.\n\nThe hotel has 14 rooms, all with a view.", "14 rooms"),
    ("The 450-megawatt plant opened.\n\nThe station will supply 500 megawatts of power.", "500 megawatts"),
])
def test_measures_of_one_thing_are_flagged(text, flagged):
    assert found(text, "CL309") == [flagged]


def test_separated_remembers_each_pair_and_bounds_its_search():
    import time

    g = gazetteer()
    borders.separated(g, "US.AZ", "MX")  # the town index, read once
    start = time.process_time()
    first = borders.separated(g, "US.CA", "IN")
    again = [borders.separated(g, "US.CA", "IN") for _ in range(50)]
    assert set(again) == {first} and time.process_time() - start < 0.5
    assert borders._separated.cache_info().hits >= 50  # keyed on the two codes: plain data


def test_all_places_come_in_one_order():
    rows = gazetteer().all_places()
    assert rows == sorted(rows, key=lambda r: (r[2], r[3], r[0], r[1]))


def test_measures_scan_a_long_block_once():
    import time

    import regex

    text = "The 450-megawatt plant will supply 500 megawatts to the grid. " * 4000
    start = time.process_time()
    found = measures([(0, text)], _UNITS, regex.compile(r"\bthan\b"))
    assert len(found) == 8000 and time.process_time() - start < 2


def test_a_long_sentence_of_figures_is_read_once() -> None:
    class CountingSkip:
        calls = 0

        def search(self, text, start, end):
            CountingSkip.calls += 1
            return None

    text = "a 12 MW unit " * 3000  # one sentence of 3,000 figures (a fuzz input hung here: quadratic)
    found = measures([(0, text)], _UNITS, CountingSkip())
    assert len(found) == 3000 and CountingSkip.calls == 1


@pytest.mark.parametrize("text, flagged", [
    # another word for the thing, and the compound later
    ("The highway will stretch about 120 kilometres.\n\n\"This 150-kilometre road is our future,\" he said.",
     "150-kilometre"),
    # a change word in another clause of the sentence, far from the figure, does not stop the check
    ("The 450-megawatt plant, built by a group of three local firms with money from a World Bank loan, opened after "
     "gas prices fell.\n\n"
     "The station will supply about 500 megawatts.", "500 megawatts"),
    # two figures of another thing elsewhere do not hide the pair
    ("The 2-kilometre bridge opened.\n\nThe 5-kilometre crossing is busy.\n\nThe pipeline runs 300 kilometres. "
     "The 450-kilometre pipeline was built in May.", None),
])
def test_measures_of_one_thing_by_its_words(text, flagged):
    got = found(text, "CL309")
    assert got == ([flagged] if flagged else got) and (flagged or got)


@pytest.mark.parametrize("text", [
    "The road is 120 km long.\n\nDrivers may use the 120-km road at 60 km an hour.",  # a rate is another kind
    "The plant will make about 50,000 tonnes a year.\n\nThe 50,000-tonne plant opened.",  # a stock's rate: one figure
    "A 40-room hotel opened.\n\nA 60-room hotel nearby closed.",  # two things, neither definite
])
def test_measures_rates_and_two_things_pass(text):
    assert found(text, "CL309") == []
