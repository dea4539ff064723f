"""Phrasing (CL4xx): spinner tables, inverted compounds, durations, verb-object, noun-for-adjective, spin score,
each shown on entities and phrases other than the seed's."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.kinds._words import indefinite_article, plural
from copylint.kinds.compound import inversions
from copylint.kinds.spin import spin_score

LINTER = Linter(select=["CL4"], languagetool=False)


def found(text: str, code: str | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    body = "Headline\n\n" + text
    return [(f.code, f.text, f.suggestions) for f in LINTER.lint_source("t.txt", body) if code is None or f.code == code]


@pytest.mark.parametrize("text, phrase, fix", [
    ("Aid workers fired on by ⟨forces of security⟩ fled.", "forces of security", "security forces"),
    ("Two ⟨workers of aid⟩ were kidnapped.", "workers of aid", "aid workers"),
    ("⟨Officials of election⟩ began the count.", "Officials of election", "Election officials"),
    ("The ⟨spokeswoman of embassy⟩ declined to comment.", "spokeswoman of embassy", "embassy spokeswoman"),
    ("They met at the ⟨station of train⟩.", "station of train", "train station"),
])
def test_inverted_compounds_beyond_the_seed(text: str, phrase: str, fix: str) -> None:
    text = text.replace("⟨", "").replace("⟩", "")
    assert ("CL402", phrase, (fix,)) in found(text, "CL402")


@pytest.mark.parametrize("text", [
    "Officers of police forces across Europe met in Lyon.",   # modifier goes on: a real "of"
    "There is talk of peace in the region.",                   # singular "talk of" is English
    "She drank a cup of coffee with the head of state.",
    "Chief of Police Ana Ruiz and members of parliament spoke.",
    "The price of oil rose; a game of football followed.",
])
def test_inverted_compounds_leave_ordinary_of_phrases_alone(text: str) -> None:
    assert found(text, "CL402") == []


def test_inversions_are_derived_from_the_collocation_list() -> None:
    table = inversions({"officer": ["police"], "|talks": ["peace"], "spokesman|spokesmen": ["army"]})
    assert set(table) == {"officer of police", "officers of police", "talks of peace",
                          "spokesman of army", "spokesmen of army"}


@pytest.mark.parametrize("text, fix", [
    ("Rebels agreed to a truce of 72 hours.", "a 72-hour truce"),
    ("The mayor ordered a curfew of eight hours.", "an eight-hour curfew"),
    ("The junta declared a nationwide lockdown of three months.", "a three-month nationwide lockdown"),
])
def test_duration_phrases_generalise(text: str, fix: str) -> None:
    assert [s for _, _, s in found(text, "CL404")] == [(fix,)]


def test_duration_phrases_keep_ordinary_of_measures() -> None:
    assert found("He served a sentence of 16 months after a period of two weeks in custody.", "CL404") == []


@pytest.mark.parametrize("text, fix", [
    ("Looters wore iron bars and machetes.", "carried iron bars"),
    ("The audit has risen serious doubts about the deal.", "raised serious doubts"),
    ("Militants dedicated atrocities in the town.", "committed atrocities"),
])
def test_verb_object_table(text: str, fix: str) -> None:
    assert [s[0] for _, _, s in found(text, "CL405")] == [fix]


@pytest.mark.parametrize("text, fix", [
    ("Tear fuel drifted over the square.", "Tear gas"),
    ("The cashier pleaded not responsible on Friday.", "pleaded not guilty"),
    ("The suspect was stabbed to loss of life.", "stabbed to death"),
    ("Rebels CAME BENEATH FIRE today.", "CAME UNDER FIRE"),
])
def test_spun_phrases_case_preserving(text: str, fix: str) -> None:
    assert fix in [s[0] for c, _, s in found(text) if c in ("CL401", "CL403")]


def test_spun_names_are_case_sensitive() -> None:
    assert [t for _, t, _ in found("The Unified States and the Globe Bank agreed.", "CL403")] == ["Unified States", "Globe Bank"]
    assert found("A primary minister of the church and a key minister spoke.", "CL403") == []


def test_noun_for_adjective_other_nouns() -> None:
    assert [s[0] for _, _, s in found("Fans sang the nation anthem before the president debate.", "CL406")] == [
        "national anthem", "presidential debate"]
    assert found("Nation building and the nation-state were debated.", "CL406") == []


def test_tortured_technical_phrase() -> None:
    assert [s[0] for _, _, s in found("The bank uses huge information to score loans.", "CL408")] == ["big data"]


def test_spin_score_figure_and_threshold() -> None:
    spun = ("Forces of security fired tear fuel at human privileges activists after a lockdown of two weeks "
            "was declared by the nation government.")
    findings = [f for f in Linter(select=["CL490"], languagetool=False).lint_source("t.txt", "H\n\n" + spun)]
    assert len(findings) == 1
    data = dict(findings[0].data)
    assert data["spun_phrases"] >= 4 and data["spin_score"] > 100
    clean = "Security forces fired tear gas at human rights activists after a two-week lockdown."
    assert Linter(select=["CL490"], languagetool=False).lint_source("t.txt", "H\n\n" + clean) == []


def test_spin_threshold_comes_from_context() -> None:
    text = "H\n\n" + " ".join(["The council met today."] * 60) + " Forces of security, tear fuel and human privileges."
    linter = Linter(select=["CL490"], languagetool=False)
    assert linter.lint_source("t.txt", text) != []  # about 10 per 1,000 words
    linter.context = {**linter.context, "spin_threshold": 50.0}
    assert linter.lint_source("t.txt", text) == []


def test_helpers() -> None:
    assert spin_score(3, 1000) == 3.0 and spin_score(0, 0) == 0.0
    assert [plural(w) for w in ("company", "crisis", "match", "spokesman", "officer")] == [
        "companies", "crises", "matches", "spokesmen", "officers"]
    assert [indefinite_article(w) for w in ("8", "11", "18", "80", "100", "two", "eight", "hour")] == [
        "an", "an", "an", "an", "a", "a", "an", "an"]


def test_a_kind_of_institution_written_as_a_name_is_no_spun_name() -> None:
    spun = "Officers of police came. An emergency of two weeks began in the globe."
    # "elementary school" is a kind of institution (WordNet, lower case): "the Basic School" names one school
    assert [t for _, t, _ in found(f"She taught at the Basic School for years. {spun}", "CL409")][:1] == [
        "Officers of police"]


def test_ordinary_and_field_words_are_no_thesaurus_swaps() -> None:
    assert found("The upper stories of the tower were empty. He was sexually attacked in the park.", "CL409") == []
    assert found("The patient recovered well after a renal transplant.", "CL409") == []
    assert found("Families call us to find a room for the night.", "CL412") == []
