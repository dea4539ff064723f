"""Evidence that recovers real errors copylint used to drop (run-together words, a misspelled part of a hyphenated
word, American spellings the word-count list lacks) and that drops LanguageTool's sentence-start matches on text cut
mid-sentence; each with the clean text that must stay quiet."""
from __future__ import annotations

import pytest

from copylint.api import lint_text
from copylint.engines.languagetool import continues_cut_sentence
from copylint.engines.lt_spelling import english_frequencies, has_misspelled_part, looks_like_typo


@pytest.mark.parametrize("text, cut", [
    ("was raised, we have now moved to a second phase.", True),  # a finite verb with its subject cut off
    ("dates May 28 to August 3).", True),  # closes a bracket it never opened
    ("and other parameters relating to the operating system.", True),  # a coordinated phrase, no finite verb
    ('or "What games did you like to play?"', True),  # a quotation's verb is not the phrase's
    ("and through text book, students are more engaged.", False),  # a clause: only its capital is missing
    ("although, learning more subjects gives us a huge knowledge.", False),
    ("is it possible to jailbreak without a restore?", False),  # a question's inverted verb
    ("our social wil be a lovely social.", False),
])
def test_text_cut_mid_sentence(text, cut):
    assert continues_cut_sentence(text) is cut


@pytest.mark.parametrize("word, suggestions, typo", [
    ("doesnot", ["doesn't", "doe snot", "does not"], True),  # "not" run into its auxiliary, whatever else LT offers
    ("forexample", ["for example"], True),
    ("horseracing", ["horse racing"], False),  # a closed compound of content words
])
def test_run_together_words(word, suggestions, typo):
    assert looks_like_typo(word, suggestions) is typo


def test_american_spellings_count_as_common_words():
    frequencies = english_frequencies()
    assert frequencies["favorite"] == frequencies["favourite"] and "analyze" in frequencies


@pytest.mark.parametrize("word, suggestions, misspelled", [
    ("digtal-camera", ["digital-camera"], True),
    ("well-known", ["well-known"], False),
    ("e-mail", ["email"], False),
    ("neuro-ophthalmic", ["neuro-ophthalmic"], False),
    ("anti-vaxer", ["anti-vaxxer"], False),  # the changed part is a word of the web
])
def test_misspelled_part_of_a_hyphenated_word(word, suggestions, misspelled):
    assert has_misspelled_part(word, suggestions) is misspelled


@pytest.mark.parametrize("text, flagged", [
    ("For example, When I was young, we lived by the sea.", ["When"]),
    ("Even if we fail, We have to try.", ["We"]),
    ("They topped the charts with the album, How to Dismantle an Atomic Bomb, last year.", []),
    ("He thanked the cast of the film, When Harry Met Sally, on Monday.", []),
    ("Tickets were cheap, It said; the rest, they said, was free.", ["It"]),
    ("He said, \"We will win.\"", []),
])
def test_capital_after_comma(text, flagged):
    assert [f.text for f in lint_text(text, select=["CL520"])] == flagged


@pytest.mark.parametrize("word, suggestions, term", [
    ("neurites", ["neurite", "neuritis"], True),  # a term LanguageTool knows in the singular only
    ("informations", ["information"], False),  # a common word's wrong plural
    ("recieves", ["receives"], False),
])
def test_plural_of_a_term(word, suggestions, term):
    from copylint.engines.lt_spelling import is_plural_of_term

    assert is_plural_of_term(word, suggestions) is term


@pytest.mark.parametrize("span, suggestions, token", [
    ("carefull as", ["careful las", "careful as", "carefully as"], (0, 8, ["careful", "carefully"])),
    ("New Yrok", ["New York"], (4, 4, ["York"])),
    ("a lot", ["alot"], None),  # no suggestion of as many words
    ("teh cat", ["the cat", "teh car"], None),  # suggestions change different words
])
def test_the_changed_word_of_a_match_over_several_words(span, suggestions, token):
    from copylint.engines.lt_spelling import misspelled_token

    assert misspelled_token(span, suggestions) == token


@pytest.mark.parametrize("text, word, adverb", [
    ("Unforturntly, almost no one came.", "Unforturntly", True),  # a typo of "unfortunately", set off by its comma
    ("Dudek, Finnan and Hyypia played.", "Dudek", False),  # a name opening a list: near "dude", a noun
    ("It was, Unforturntly, late.", "Unforturntly", False),  # not the sentence's first word
])
def test_misspelled_sentence_adverb(text, word, adverb):
    from copylint.engines.lt_spelling import is_misspelled_sentence_adverb

    start = text.index(word)
    suggestions = {"Unforturntly": ["Unfortunately"], "Dudek": ["Dude", "Dudes"]}[word]
    assert is_misspelled_sentence_adverb(text, start, start + len(word), suggestions) is adverb


@pytest.mark.parametrize("text, flagged", [
    ("The town has finally grew into a city.", ["grew"]),
    ("They had already went home.", ["went"]),
    ("She hasn't never wrote back.", ["wrote"]),
    ("The rumour has proved false; the plan has run late; he had broke the record.", []),  # -ed, participle, adjective
    ("Had grew, they said.", []),  # a capitalised trigger opens a question or a fragment
])
def test_irregular_past_after_have(text, flagged):
    assert [f.text for f in lint_text(f"Notes\n\n{text}\n", select=["CL521"])] == flagged


@pytest.mark.parametrize("text, flagged", [
    ("The instructions on the label contains a warning.", ["contains"]),
    ("The price of the flats seem fair.", ["seem"]),
    ("The members of the club says no.", ["says"]),
    ("The prize for the best new act was shared.", []),  # a noun the table lists only as a verb, after an adjective
    ("A line of cars that envelop drivers is here.", []),  # a relative clause's verb
    ("The launch of the game add-on is soon.", []),
    ("The price of the flats seems fair.", []),
    ("He said the results of the survey was clear.", ["was"]),  # a noun with a verb reading, right after "the"
    ("The effects of the drug on patients was mild.", ["was"]),  # a second phrase
    ("Its broad scope stretches from Asia to Europe.", []),  # after a noun, a verb reading is the verb
    ("Now that a mass of people have voted, the win for best alternative act was shared.", []),
])
def test_agreement_with_a_lexical_verb(text, flagged):
    assert [f.text for f in lint_text(f"Notes\n\n{text}\n", select=["CL514"])] == flagged
