"""Clean copy that LanguageTool or copylint's own rules used to flag: loanwords, dialect speech, "had had", predicative
open compounds, a surname before the verb it is spelled like, and a 1:1 variant tie in a document of one variety."""
from __future__ import annotations

import pytest

from copylint.api import Linter, lint_text
from copylint.engines.lt_spelling import in_dialect_quote, is_loanword, not_an_error, quote_around

from .test_languagetool_integration import engine  # noqa: F401  (the real-server fixture)


@pytest.mark.parametrize("word, loan", [
    ("robusta", True),  # in the loanword list: common in several other languages, used in English text
    ("matcha", True),
    ("bodhrán", True),  # a diacritic
    ("blinis", True),  # an English plural of a word ending in a foreign vowel
    ("recieve", False), ("thier", False), ("alot", False),  # typos, even those found in one foreign list
    ("informations", False), ("advices", False),  # a learner's plural of an English word
])
def test_loanword_evidence(word, loan):
    assert is_loanword(word) is loan


@pytest.mark.parametrize("word, suggestions, loan", [
    ("robusta", ["robust", "robust a"], True),  # differs from its English relative by an ending
    ("matcha", ["match"], True),
    ("comercial", ["commercial"], False),  # a cognate misspelled inside the word, as learners do
    ("exemple", ["example", "exempla"], False),
])
def test_a_cognate_misspelled_inside_is_a_typo_not_a_loanword(word, suggestions, loan):
    assert is_loanword(word, suggestions) is loan


def test_dialect_quote_needs_two_unknown_words():
    speech = '"Och, ye cannae go oot the noo," she said.'
    assert in_dialect_quote(speech, speech.index("cannae"))
    one_typo = '"We did not recieve the letter," she said.'
    assert not in_dialect_quote(one_typo, one_typo.index("recieve"))
    assert quote_around("No quote here.", 3) is None


@pytest.mark.parametrize("rule, text, span, dropped", [
    ("ENGLISH_WORD_REPEAT_RULE", "The crew, who had had no sleep, rested.", "had had", True),
    ("ENGLISH_WORD_REPEAT_RULE", "The crew, who had the the keys, rested.", "the the", False),
    ("IT_IS_NO", '"Aye, it\'s no right," the farmer said.', "no", True),
    ("IT_IS_NO", "It's no right to say so.", "no", False),
    ("CLEAR_CUT_HYPHEN", "The choice was clear cut.", "clear cut", True),
    ("CLEAR_CUT_HYPHEN", "It was a clear cut choice.", "clear cut", False),
])
def test_grammar_matches_that_are_grammatical_here(rule, text, span, dropped):
    start = text.index(span)
    assert not_an_error(rule, text, start, start + len(span)) is dropped


def test_surname_before_the_verb_it_is_spelled_like_is_not_a_doubled_word():
    text = "Notes\n\nThe verdict, the lawyer Amir Said said, was fair. Then the the judge left."
    found = [(f.code, f.text) for f in lint_text(text, path="a.txt", languagetool=False) if f.code == "CL601"]
    assert found == [("CL601", "the the")]


def test_variant_tie_goes_to_the_documents_own_variety():
    american = ("Notes\n\nThe theater downtown and the center of town were quiet. She organised the tour; "
                "he organized the parade.")
    british = ("Notes\n\nThe theatre downtown and the centre of town were quiet. She organised the tour; "
               "he organized the parade.")
    flagged = lambda text: [f.text for f in lint_text(text, path="a.txt", languagetool=False) if f.code == "CL701"]
    assert flagged(american) == ["organised"]
    assert flagged(british) == ["organized"]


@pytest.mark.languagetool
def test_clean_copy_against_languagetool(engine):  # noqa: F811
    linter = Linter(languagetool=True)
    text = ("Tasting notes\n\nThe growers blend robusta with other beans and serve matcha, blinis and a bodhrán tune. "
            "The crew, who had had no sleep, rested. The choice was clear cut. "
            '"Och, it\'s no right, ye cannae go oot," the farmer said.')
    assert [(f.code, f.text) for f in linter.lint_source("notes.txt", text)] == []
