"""fixed-phrase (CL412): the shipped table, its skeleton index and the kind's gates."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.data.fixed_phrases import FORMAT, WINDOWS, FixedPhrases, fixed_phrases, phrase_hash, skeletons

ROWS = [[p, n, slots, alone, phrase_hash(p.split())] for p, n, slots, alone in (
    ("in the middle of nowhere", 5, {"2": "centre", "4": "nothingness"}, 0),
    ("on the other hand", 11, {"3": "paw mitt"}, 0),
    ("at the same time", 38, {"2": "identical"}, 0),
    ("in addition", 40, {"1": "expansion"}, 1))]
TABLE = {"format": FORMAT, **skeletons(ROWS), "sources": {}, "windows": {"paw": 1 << WINDOWS.index((4, 3)), "mitt": 1 << WINDOWS.index((4, 3)),
         "identical": 1 << WINDOWS.index((4, 2)), "expansion": 1 << WINDOWS.index((2, 1)),
         "centre": 1 << WINDOWS.index((5, 2)), "nothingness": 1 << WINDOWS.index((5, 4))}, "expressions": ROWS}


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


def test_an_old_format_or_a_damaged_index_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        FixedPhrases({**TABLE, "format": FORMAT - 1})
    for damaged in ({k: v for k, v in TABLE.items() if k != "index"}, {**TABLE, "pairs": {"5": [[1, 2], [3]]}},
                    {**TABLE, "pairs": {"5": [[1], [len(ROWS) << 6]]}}):  # no such row
        with pytest.raises(ValueError, match="damaged"):
            FixedPhrases(damaged)


def test_the_shipped_index_is_the_one_its_expressions_give() -> None:
    import json
    from copylint.data.fixed_phrases import DATA_FILE
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert {k: data[k] for k in ("index", "pairs")} == skeletons(data["expressions"])


def test_shipped_table_loads_once_and_is_indexed() -> None:
    # Its load time is measured by bench/data_load.py, not asserted here.
    fixed_phrases.cache_clear()
    table = fixed_phrases()
    assert table is fixed_phrases()
    assert table.index and all(2 <= n <= 6 for n in table.index)


def test_finding_suggests_the_expression_case_preserved() -> None:
    found = lint("The plan is cheap. On the other paw, it is slow.")
    assert [(f.code, f.text, f.suggestions[0]) for f in found] == [("CL412", "On the other paw", "On the other hand")]


def test_names_punctuation_and_hyphens_are_not_read() -> None:
    assert lint("The plan is cheap. On the other, paw prints.") == []
    assert lint("He met On the Other Paw, a band.") == []
    assert lint("On the other-paw clause applies.") == []


def test_a_run_longer_than_a_piece_is_read_in_overlapping_pieces_that_hold_every_window() -> None:
    import random
    import re
    from copylint.kinds import fixed_phrase
    rng = random.Random(7)
    run = " ".join(rng.choice(["as", "a", "outcome", "of", "the", "strike", "x" * 70]) for _ in range(30_000))
    pieces = list(fixed_phrase._pieces(run, 0, len(run)))
    assert len(pieces) > 2 and pieces[0][0] == 0 and pieces[-1][1] == len(run)
    assert all(a < a2 < b for (a, b), (a2, _) in zip(pieces, pieces[1:]))  # each piece overlaps the next
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    width = fixed_phrase._OVERLAP + 1
    for k in range(len(spans) - width + 1):  # every window of the longest expression's length lies whole in a piece
        first, last = spans[k][0], spans[k + width - 1][1]
        assert any(a <= first and last <= b for a, b in pieces)
    assert list(fixed_phrase._pieces(run, 0, 500)) == [(0, 500)]  # a short run is one piece


def test_the_neighbour_gate_keeps_every_window_the_index_finds() -> None:
    table = FixedPhrases(TABLE)
    words = "in the centre of nothingness and on the other mitt at the identical time in expansion".split()
    found = {(p, " ".join(e.phrase)) for p, e in table.matches(words)}
    assert (0, "in the middle of nowhere") in found and (6, "on the other hand") in found
    assert (10, "at the same time") in found


def test_the_neighbour_gate_on_a_long_run_finds_what_the_ungated_scan_finds(monkeypatch) -> None:
    from copylint.data import fixed_phrases as module
    table = FixedPhrases(TABLE)
    words = ("we met in the centre of nothingness and on the other mitt at the identical time " * 200).split()
    gated = table.matches(words)
    monkeypatch.setattr(module, "_GATED", 10 ** 9)
    assert gated == table.matches(words) and len(gated) == 600


def test_a_preposition_swapped_in_a_three_word_expression_unless_it_belongs_around_it() -> None:
    from copylint.data.spin_lexicon import fold, tokens
    from copylint.data.fixed_phrases import Slot
    from copylint.kinds.fixed_phrase import FixedPhrase

    entry = Slot(("in", "a", "way"), 0, " about on ", 400, False)

    def governed(text: str, at: int) -> bool:
        return FixedPhrase._governed(tokens(text, fold(text), 0, len(text)), at, entry)

    assert not governed("we live on a way that nobody expected", 2)  # "live" governs "in" more than "on"
    assert governed("she was thinking about a way out", 3)  # "thinking" governs "about", not "in"
    assert governed("we live on a way marker", 2)  # "way" modifies the noun after it
    assert not FixedPhrase._governed([], 0, entry._replace(phrase=("on", "the", "other", "hand")))


def test_governed_prepositions_are_shipped_commonest_first() -> None:
    from copylint.data.fixed_phrases import governors

    table = governors()
    assert table["thinking"].split()[0] == "about" and "of" in table["thinking"].split()
