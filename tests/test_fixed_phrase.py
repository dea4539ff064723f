"""fixed-phrase (CL412): the shipped table, its skeleton index and the kind's gates."""
from __future__ import annotations

import time

from copylint.api import Linter
from copylint.data.fixed_phrases import FORMAT, WINDOWS, FixedPhrases, fixed_phrases

TABLE = {"format": FORMAT, "sources": {}, "windows": {"paw": 1 << WINDOWS.index((4, 3)), "mitt": 1 << WINDOWS.index((4, 3)),
         "identical": 1 << WINDOWS.index((4, 2)), "expansion": 1 << WINDOWS.index((2, 1)),
         "centre": 1 << WINDOWS.index((5, 2)), "nothingness": 1 << WINDOWS.index((5, 4))}, "expressions": [
    ["in the middle of nowhere", 5, {"2": "centre", "4": "nothingness"}, 0],
    ["on the other hand", 11, {"3": "paw mitt"}, 0],
    ["at the same time", 38, {"2": "identical"}, 0],
    ["in addition", 40, {"1": "expansion"}, 1],
]}


def lint(text: str) -> list:
    return [f for f in Linter(select=["CL412"], languagetool=False).lint_source("t.txt", "Headline\n\n" + text)]


def test_skeleton_index_finds_one_swapped_word() -> None:
    table = FixedPhrases(TABLE)
    words = "but on the other paw we met at the identical time".split()
    found = [(p, " ".join(e.phrase)) for p, e in table.matches(words)]
    assert found == [(1, "on the other hand"), (7, "at the same time")]


def test_only_listed_swaps_and_only_one_slot() -> None:
    table = FixedPhrases(TABLE)
    assert table.matches("on the other foot".split()) == []  # not a swap the data lists
    assert table.matches("on a other paw".split()) == []  # two words differ
    assert table.matches("on the other hand".split()) == []  # the expression itself


def test_long_expression_with_two_words_swapped() -> None:
    table = FixedPhrases(TABLE)
    found = [(p, e.slot, e.second) for p, e in table.matches("lost in the centre of nothingness today".split())]
    assert found == [(1, 2, 4)]
    assert [(p, e.slot, e.second) for p, e in table.matches("in the centre of nowhere".split())] == [(0, 2, -1)]
    assert table.matches("in a centre of nothingness".split()) == []  # three words differ


def test_discourse_phrase_only_as_a_whole_run() -> None:
    table = FixedPhrases(TABLE)
    assert [" ".join(e.phrase) for _, e in table.matches("in expansion".split())] == ["in addition"]
    assert table.matches("a rise in expansion plans".split()) == []


def test_shipped_table_loads_fast() -> None:
    times = []
    for _ in range(3):  # the best of three: the machine is shared
        fixed_phrases.cache_clear()
        began = time.perf_counter()
        table = fixed_phrases()
        times.append(time.perf_counter() - began)
    assert min(times) < 0.05
    assert table.index and all(2 <= n <= 6 for n in table.index)


def test_finding_suggests_the_expression_case_preserved() -> None:
    found = lint("The plan is cheap. On the other paw, it is slow.")
    assert [(f.code, f.text, f.suggestions[0]) for f in found] == [("CL412", "On the other paw", "On the other hand")]


def test_names_punctuation_and_hyphens_are_not_read() -> None:
    assert lint("The plan is cheap. On the other, paw prints.") == []
    assert lint("He met On the Other Paw, a band.") == []
    assert lint("On the other-paw clause applies.") == []
