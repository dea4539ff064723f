"""The learned furniture line classifier (CL213): its shipped data, its cue gate and its features."""
from __future__ import annotations

from copylint.api import Linter
from copylint.data.furniture_model import cued, features, load


def test_shipped_model_loads_with_a_precision_threshold() -> None:
    model = load()
    assert 0.5 < model.threshold < 1.0
    assert len(model.weights) > 500


def test_a_line_without_a_furniture_cue_is_never_judged() -> None:
    for line in ("Profile: David Miliband", "The council voted on Monday to close the harbour.",
                 "Fiji (3), Australia (6), Canada, Portugal, Japan."):
        assert not cued(features(line))
        assert load().score(line) == 0.0


def test_shape_features() -> None:
    feats = set(features("You might also like: Storm warnings issued · Ten best beaches · Why rents rise"))
    assert {"label", "label:you_might_also_like", "label+cap", "seps", "you"} <= feats
    assert "arrow" in features("← Previous article | Next article →")
    assert "numbered" in features("Most read 1. Storm hits coast 2. Minister quits 3. Rents rise")
    assert "paren" in features("(Photo courtesy of the City Council)")


def test_short_lines_are_left_to_the_lists_and_reported_speech_is_not_flagged() -> None:
    linter = Linter(select=["CL213"], languagetool=False)
    text = ("Harbour plan\n\nThe council closed the harbour on Monday.\n\nShare | Email\n\n"
            "He urged readers to share the story and subscribe, the mayor said on Monday.\n")
    assert [f.code for f in linter.lint_source("x.txt", text)] == []
