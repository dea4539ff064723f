"""Name-vs-typo evidence for LanguageTool spelling matches: sentence-case titles, terms the document introduces,
foreign phrases and species epithets, regular inflections of common words; real typos stay typos."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.engines.lt_spelling import (NameOracle, defined_terms, in_foreign_phrase, is_currency_plural, is_unedited,
                                          is_piece_of_glottal_word, is_regular_inflection, is_sentence_case)
from copylint.formats.markdown import parse as parse_markdown
from copylint.formats.plain import parse

from .test_languagetool_integration import engine  # noqa: F401  (the real-server fixture)


@pytest.mark.parametrize("title, sentence_case", [
    ("Stuart joins Norwich from Addicks", True),
    ("Stuart Joins Norwich From Addicks", False),
    ("Man of the Year Named Through Vote", False),  # title case leaves prepositions lower-case
    ("Why prices rise", True),
])
def test_sentence_case_title(title, sentence_case):
    assert is_sentence_case(title.split()) is sentence_case


def test_a_capitalised_word_inside_a_sentence_case_title_is_a_name():
    oracle = NameOracle(parse("a.txt", "Stuart joins Norwich from Addicks\n\nThe midfielder signed on Tuesday.\n"))
    assert oracle.is_name("Addicks")
    oracle = NameOracle(parse("a.txt", "Stuart Joins Norwich From Addicks\n\nThe midfielder signed on Tuesday.\n"))
    assert not oracle.is_name("Addicks")  # title case: capitals say nothing (the name context test still may)


@pytest.mark.parametrize("text, term", [
    ("Even today, 'gandula' is the term used in Brazil for ballboy.", "gandula"),
    ("The program is called the Hackarmy trojan and it spreads.", "trojan"),
    ("They ate injera, a spongy flatbread, at the market.", "injera"),
    ("They ate plov (a rice dish) at noon.", "plov"),
    ("She ordered the flatbread (injera) at noon.", "injera"),
])
def test_terms_the_document_introduces(text, term):
    assert term in defined_terms(parse("a.txt", f"Notes\n\n{text}\n"))[0]


def test_a_slip_is_not_a_defined_term():
    terms, named = defined_terms(parse("a.txt", "Notes\n\nHe could not recieve it, a gift. The goverment said so.\n"))
    assert not {"recieve", "goverment"} & (terms | named)


@pytest.mark.parametrize("text, word, foreign", [
    ("2.30pm becomes halb drei (half of three)", "halb", True),  # next to a borrowed word
    ("La Premiere chose qu'on regarde (The First Thing)", "regarde", True),  # an elision
    ("the disease-free Coragyps atratus that have", "atratus", True),  # an epithet after an unknown genus
    ("Tagetes lemmonii (Mexican bush marigold)", "lemmonii", True),
    ("start ther compeny and makeing", "compeny", False),  # learners' slips come in runs
    ("traded in conterfeit DVDs in 2002", "conterfeit", False),  # an acronym is no foreign word
    ("Kiely recieved the ball", "recieved", False),  # a typo after a name
])
def test_foreign_phrase(text, word, foreign):
    i = text.index(word)
    assert in_foreign_phrase(text, i, i + len(word)) is foreign


@pytest.mark.parametrize("word, regular", [
    ("dumbing", True), ("wranglings", True), ("sentencers", True), ("engagers", True),
    ("studing", False), ("makeing", False), ("commited", False), ("childrens", False), ("informations", False),
    ("advices", False), ("makeers", False), ("recievers", False), ("writed", False),
])
def test_regular_inflection_of_a_common_word(word, regular):
    assert is_regular_inflection(word) is regular


@pytest.mark.languagetool
def test_names_and_terms_against_languagetool(engine):  # noqa: F811
    linter = Linter(languagetool=True)
    text = ("Stuart joins Norwich from Addicks\n\nEven today, 'gandula' is the term used in Brazil for ballboy. "
            "Ten disease-free Coragyps atratus were released. Judges and sentencers met.\n")
    assert [(f.code, f.text) for f in linter.lint_source("notes.txt", text)] == []
    typos = "Notes\n\nThe goverment said it would recieve the report, a thick file. Kiely recieved the ball.\n"
    assert [f.text for f in linter.lint_source("notes.txt", typos)] == ["goverment", "recieve", "recieved"]


@pytest.mark.parametrize("text, word, piece", [
    ("the families share to'ona'i after church", "ona", True),  # three pieces: a glottal-stop word
    ("men wear a ta'ovala to church", "ovala", True),
    ("the ʻohana met", "ʻohana", True),  # the ʻokina is a letter
    ("she said it was'nt so", "nt", False),  # an English clitic after one apostrophe
    ("the goverment said", "goverment", False),
])
def test_piece_of_a_glottal_word(text, word, piece):
    i = text.index(word)
    assert is_piece_of_glottal_word(text, i, i + len(word)) is piece


@pytest.mark.parametrize("word, plural", [("denars", True), ("tenges", True), ("somonis", True), ("dinars", True),
                                          ("tensess", False), ("goverments", False), ("denar", False)])
def test_currency_plural(word, plural):
    assert is_currency_plural(word) is plural


def test_named_glossed_italic_and_listed_terms():
    doc = parse_markdown("a.md", "# Notes\n\nWhat the divers call the vaipuna is cold. A pool known locally as moanafou lies "
                        "near. We met the tautai, the fishing masters who lead. We ate *palusami*, oka and sapasui. "
                        "Locals call the plice.\n")
    terms, named = defined_terms(doc)
    assert {"palusami", "vaipuna", "moanafou"} <= terms and {"tautai", "oka", "sapasui", "plice"} <= named
    oracle = NameOracle(doc)
    assert oracle.is_defined_term("vaipuna", ["vapid"]) and oracle.is_defined_term("palusami", ["palisade"])
    assert oracle.is_defined_term("tautai", ["tatami"]) and not oracle.is_defined_term("oka", ["oak", "okay"])
    assert not oracle.is_defined_term("plice", ["place", "police"])  # one edit from a common word: still a typo


@pytest.mark.languagetool
def test_foreign_terms_against_languagetool(engine):  # noqa: F811
    linter = Linter(languagetool=True, select=["LT"])
    text = ("Notes\n\nAfter church the families share to'ona'i, the Sunday meal, and men wear a ta'ovala. What the "
            "divers call the vaipuna is cold. It cost 300 denars, or 900 tenges. The goverment came.\n")
    assert [f.text for f in linter.lint_source("notes.txt", text)] == ["goverment"]


def test_lowercase_i_inside_a_glottal_word_and_repeats_that_are_grammar():
    from copylint.engines.lt_spelling import not_an_error

    text = "they share to'ona'i after i said that that was the second second of the race"
    glued = text.index("'i") + 1
    assert not_an_error("I_LOWERCASE", text, glued, glued + 1)
    alone = text.index(" i ") + 1
    assert not not_an_error("I_LOWERCASE", text, alone, alone + 1)
    for pair in ("that that", "second second"):
        i = text.index(pair)
        assert not_an_error("ENGLISH_WORD_REPEAT_RULE", text, i, i + len(pair))


@pytest.mark.parametrize("text, word, suggestions, typo", [
    ("Ther are many reasons to travel.", "Ther", ["The", "Their", "Her", "Other"], True),  # a function word
    ("It rained. Finall we went home.", "Finall", ["Final", "Finally", "Finals"], True),  # not a noun either
    ("Caffe is a deep learning framework.", "Caffe", ["Cafe", "Café", "Gaffe"], False),  # one edit from a noun
    ("Notts police chief Steve Green said so.", "Notts", ["Notes", "Potts"], False),
    ("The club said so. Ther is a name here, as Ther told us.", "Ther", ["The", "Their"], False),  # capitalised twice
])
def test_misspelled_sentence_opener(text, word, suggestions, typo):
    start = text.index(word)
    oracle = NameOracle(parse("a.txt", text + "\n"))
    assert oracle.is_misspelled_sentence_opener(text, start, start + len(word), suggestions) is typo


def test_a_loanword_one_letter_short_of_its_english_word_is_a_typo():
    from copylint.engines.lt_spelling import is_loanword

    assert not is_loanword("favorit", ["favorite", "favor it"])  # the last letter dropped
    assert is_loanword("robusta", ["robust"])  # a borrowing's own ending


@pytest.mark.parametrize("text, findings, unedited", [
    ("My freind say that the new contenant was find by sailors, it were a big surprize.", 2, True),
    ("My freind say that the new contenant was find by sailors, it were a big surprize.", 1, False),
    (" ".join(["The minister said the budget would rise next year."] * 10), 3, False),  # edited copy: 3 in 90 words
])
def test_unedited_text_is_dense_with_errors(text, findings, unedited):
    assert is_unedited(text, findings) is unedited


@pytest.mark.languagetool
def test_an_unknown_lowercase_word_in_unedited_text_is_a_slip(engine):  # noqa: F811
    linter = Linter(languagetool=True)
    draft = "Notes\n\nMy freind say that the new contenant was find by sailors, it were a big surprize.\n"
    assert "contenant" in [f.text for f in linter.lint_source("notes.txt", draft)]
    edited = "Notes\n\nThe new contenant was found by sailors in the 15th century, the museum says.\n"
    assert [f.text for f in linter.lint_source("notes.txt", edited)] == []


@pytest.mark.parametrize("word, replacements, slip", [
    ("contenant", [], True),
    ("bussinis", ["bussings"], True),
    ("gmtdefaults", ["defaults"], False),  # a suggested word with letters glued on: a command or a coinage
    ("government", [], False),  # an English word
])
def test_unedited_slip(word, replacements, slip):
    text = f"They said the {word} was there."
    oracle = NameOracle(parse("a.txt", f"Notes\n\n{text}\n"))
    i = text.index(word)
    assert oracle.is_unedited_slip(text, i, i + len(word), replacements) is slip
