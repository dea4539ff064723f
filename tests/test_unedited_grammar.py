"""The unedited-text gate (kinds/_unedited.py) and the grammar kinds built on it: opener-comma, draft-pattern and
word-form's unedited key."""
from __future__ import annotations

import pytest

from copylint.api import lint_text
from copylint.errors import RuleError
from copylint.kinds._unedited import is_unedited, slips
from copylint.registry import build_rule

LEARNER = "i think we seem to have a lot of problem with cars becuase evryone drive."
EDITED = ("Prices rose sharply in the second quarter, the statistics office said on Tuesday, as demand for fuel and "
          "food outpaced supply. Analysts had expected a smaller rise, and the central bank is likely to respond.")


def _codes(text: str, *codes: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, path="a.md", languagetool=False, select=list(codes))]


@pytest.mark.parametrize("text, count", [
    ("i went home.", 1),  # the pronoun in lower case
    ("It was late. then we left.", 1),  # a sentence opening in lower case
    ("We dont know.", 1),  # a contraction without its apostrophe
    ("She recieved it.", 1),  # a word no English list has
    ("(i) the first; i.e. the rest; see ~/i/x and etc. then", 0),  # a list's numeral, an abbreviation, a path
    ("It is a robusta, not a cant or wont.", 0),  # a loanword; words that are words of their own
])
def test_slips(text, count):
    assert slips(text) == count


def test_a_learner_sentence_is_unedited_and_news_copy_is_not():
    from copylint.api import Linter

    linter = Linter(languagetool=False)
    assert is_unedited(linter.parse("a.md", LEARNER))
    assert not is_unedited(linter.parse("a.md", EDITED + " It is, i think, fair."))  # one slip in 40 words
    assert _codes(LEARNER, "CL544") == [("CL544", "problem")]
    assert _codes(EDITED + " We seem to have a lot of problem with it.", "CL544") == []


@pytest.mark.parametrize("text, flagged", [
    ("For example when I went there, it rained.", ["For example when"]),
    ("He said, for example when asked, that it rained.", []),  # inside a sentence: not this rule's business
    ("Prices rose. Therefore it is likely to fall.", ["Therefore it"]),
    ("In addition to sales, costs rose. Thus far it has worked.", []),
    ('"Consequently we left," she said.', ["Consequently we"]),
])
def test_comma_after_opener(text, flagged):
    assert [t for _, t in _codes(text, "CL540")] == flagged


def test_bare_however_only_in_unedited_text_and_never_before_an_adjective():
    assert _codes("Sales rose. However the shares fell.", "CL541") == []  # BBC style
    draft = "i dont no why. However the shares fell, evryone says."
    assert _codes(draft, "CL541") == [("CL541", "However the")]
    assert _codes("i dont no why. However hard evryone tries, it fails.", "CL541") == []


def test_comma_before_which_in_unedited_text():
    assert _codes("i think the cane toad which threatens species is bad.", "CL542") == [("CL542", "toad which")]
    assert _codes("I think the cane toad which threatens species is bad.", "CL542") == []
    assert _codes("i think the extent to which it threatens evryone is bad.", "CL542") == []


def _rule(**extra):
    data = {"code": "CL999", "name": "x", "kind": "draft-pattern", "severity": "info", "message": "m",
            "pattern": r"(?P<n>\p{Ll}+) which", "replacement": r"\g<n>, which",
            "examples": [{"bad": "i dont no the ⟦toad which⟧ evryone saw.", "correction": "toad, which"},
                         {"good": "The toad, which we saw."}], **extra}
    return build_rule(data, "x.toml")


def test_draft_pattern_refuses_unknown_tags_and_groups():
    with pytest.raises(RuleError, match="tags"):
        _rule(tags={"n": ["XX"]})
    with pytest.raises(RuleError, match="groups the pattern lacks"):
        _rule(not_words={"v": ["that"]})
    assert _rule(tags={"n": ["NN"]}).code == "CL999"


def test_draft_pattern_inflects_and_skips_the_tests_of_a_group_that_took_no_part():
    rule = _rule(pattern=r"(?P<d>[Tt]his)\ (?P<n>\p{Ll}+s)(?:\ (?P<o>\p{Ll}+))?", replacement=r"\g<d> \g<n>'s",
                 tags={"n": ["NNS"], "o": ["NN"]}, inflect={"n": "singular-noun"}, unedited=False)
    from copylint.kinds import KINDS
    from copylint.api import Linter

    kind = KINDS["draft-pattern"](rule)
    doc = Linter(languagetool=False).parse("a.md", "We saw this years show. We saw this pears.")
    assert [(f.text, f.suggestions) for f in kind.check(doc)] == [
        ("this years show", ("this year's",)), ("this pears", ("this pear's",))]
    with pytest.raises(RuleError, match="inflect"):
        _rule(inflect={"n": "past"})
