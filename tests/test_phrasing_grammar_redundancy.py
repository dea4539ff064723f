"""Grammar patterns (CL5xx), redundancy and echo (CL6xx), consistency (CL7xx): generalisation to other entities,
directions and compounds, plus each kind's edge cases."""
from __future__ import annotations

import pytest

from copylint.api import Linter

LINTER = Linter(select=["CL5", "CL6", "CL7"], languagetool=False)


def found(text: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    body = "Headline\n\n" + text
    return [(f.text, f.suggestions) for f in LINTER.lint_source("t.txt", body) if f.code == code]


@pytest.mark.parametrize("text, code, span, fix", [
    ("Students sat in front riot police outside the ministry.", "CL501", "in front", "in front of"),
    ("The alliance won over 70 percent the votes.", "CL502", "70 percent", "70 percent of"),
    ("Several the candidates withdrew.", "CL502", "Several", "Several of"),
    ("Peru borders Ecuador to the north, Brazil the east and Chile to the south.", "CL503", "the east", "to the east"),
    ("Nepal lies to India's north and China the north-east.", "CL503", "the north-east", "to the north-east"),
    ("Trade with Philippines grew.", "CL504", "Philippines", "the Philippines"),
    ("Leaders met after government announced the plan.", "CL505", "government", "the government"),
    ("Nine were wounded in fighting.", "CL506", "fighting", "the fighting"),
])
def test_grammar_patterns_generalise(text: str, code: str, span: str, fix: str) -> None:
    assert found(text, code) == [(span, (fix,))]


@pytest.mark.parametrize("text, code", [
    ("The team went in front two minutes before half-time and stayed in front.", "CL501"),
    ("Sales beat the 4% the analysts expected.", "CL502"),
    ("The most the union could win was a pay freeze.", "CL502"),
    ("Storms moved to the north and the east of the island.", "CL503"),
    ("Visas for United States citizens were cut.", "CL504"),
    ("Costs grow as government grows.", "CL505"),
    ("Five were killed in unrest in the north.", "CL506"),
])
def test_grammar_patterns_precision(text: str, code: str) -> None:
    assert found(text, code) == []


@pytest.mark.parametrize("text, span, fix", [
    ("According to Xinhua, the Chinese state news agency Xinhua, the talks ended.",
     "Xinhua, the Chinese state news agency Xinhua", "the Chinese state news agency Xinhua"),
    ("Figures from Destatis, the German statistics office Destatis, showed a fall.",
     "Destatis, the German statistics office Destatis", "the German statistics office Destatis"),
])
def test_apposition_echo_any_name(text: str, span: str, fix: str) -> None:
    assert found(text, "CL602") == [(span, (fix,))]


def test_apposition_echo_leaves_descriptions_that_relate_to_the_name() -> None:
    assert found("He met Princess Anne of Denmark, the eldest daughter of King Olaf of Denmark.", "CL602") == []
    assert found("June Carter Cash, the future wife of Johnny Cash, sang.", "CL602") == []


@pytest.mark.parametrize("text, span, fix", [
    ("Laos borders Vietnam to Vietnam's west.", "Vietnam to Vietnam's west", "Vietnam to the west"),
    ("The lake touches South Sudan to South Sudan’s north-east.", "South Sudan to South Sudan’s north-east",
     "South Sudan to the north-east"),
])
def test_self_direction_other_places_and_directions(text: str, span: str, fix: str) -> None:
    assert found(text, "CL603") == [(span, (fix,))]


def test_stacked_hedges() -> None:
    assert found("It is possible that inflation may rise.", "CL604") == [("It is possible that inflation", ("Inflation",))]
    assert found("There is a chance that talks might fail.", "CL604") == [("There is a chance that talks", ("Talks",))]
    assert found("It is possible that inflation will rise, and it could.", "CL604") == []


def test_cognate_echo() -> None:
    assert found("The reign of the reigning monarch ended.", "CL605") == [("reign of the reigning", ("reign of the current",))]
    assert found("The opening of the opening ceremony was delayed.", "CL605") == []


def test_echo_ending_gerund_and_appended_clause() -> None:
    text = ("Gunmen looted the depot before vanishing. Police said they had set fire to two lorries, before vanishing.")
    assert [t for t, _ in found(text, "CL606")] == [
        "before vanishing. Police said they had set fire to two lorries, before vanishing"]


@pytest.mark.parametrize("text", [
    "Shares fell in Tokyo. Bonds rallied in Tokyo.",             # a shared noun phrase, not an appended clause
    "\u201cWe want clarity,\u201d she said. \u201cThey want clarity.\u201d",  # a speaker's refrain
    "Profits rose in 2003. Sales fell, in 2003.",                 # numbers and names are not echoes
])
def test_echo_ending_precision(text: str) -> None:
    assert found(text, "CL606") == []


def test_repeated_sentence() -> None:
    text = "The dam burst at noon on Friday. Villages flooded. The dam burst at noon on Friday."
    assert [t for t, _ in found(text, "CL607")] == ["The dam burst at noon on Friday."]
    assert found("Villages flooded. Villages flooded.", "CL607") == []  # too short to be a paste error


def test_variant_spelling_majority_and_tie() -> None:
    text = "The colour guard paraded. Colours flew. The color faded."
    assert found(text, "CL701") == [("color", ("colour",))]
    # A tie goes to the preferred form (protester), whichever came first.
    assert found("Protestors marched. Protesters sang.", "CL701") == [("Protestors", ("Protesters",))]


def test_variant_spelling_ize_ties_go_to_first_used() -> None:
    assert found("They will criticize the plan. Others criticise it.", "CL701") == [("criticise", ("criticize",))]


def test_variant_spelling_leaves_proper_nouns_and_other_words() -> None:
    assert found("The Labour Party backed labor unions. Mr Gray wore grey.", "CL701") == []
    assert found("She will organise the vote and realize the risk.", "CL701") == []  # different words


def test_hyphenation_minority_and_predicate() -> None:
    text = "Long-term plans were drawn up. A long-term fund opened. Critics feared long term damage."
    assert found(text, "CL702") == [("long term", ("long-term",))]
    assert found("Drought-hit farms waited. The drought hit the farms hard.", "CL702") == []


def test_term_case_lexicon_and_acronym() -> None:
    assert found("Rising carbon Dioxide levels worried scientists.", "CL703") == [
        ("carbon Dioxide", ("carbon dioxide",))]
    text = "Stocks of compressed Natural Gas fell. Buses run on natural gas (CNG) here."
    assert [t for t, _ in found(text, "CL703")] == ["compressed Natural Gas"]
    assert found("The world Health Organization praised WHO staff and health workers.", "CL703") == [
        ("world Health Organization", ("World Health Organization", "world health organization"))]
    assert found("Former chief executive Doug Smith (DSS) quit.", "CL703") == []
