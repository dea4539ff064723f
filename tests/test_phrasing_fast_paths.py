"""The phrasing kinds' shortcuts (word-set prefilters, literal-first scans, one pass over the prose) find what a
plain scan finds: the edge cases where a shortcut could miss or add a finding."""
from __future__ import annotations

import sys

import pytest

from copylint.api import Linter

LINTER = Linter(select=["CL4", "CL5", "CL6", "CL7"], languagetool=False)


def found(text: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    body = "Headline\n\n" + text
    return [(f.text, f.suggestions) for f in LINTER.lint_source("t.txt", body) if f.code == code]


@pytest.mark.parametrize("text, expected", [
    # The only "gray" is glued to a footnote digit: not among doc.words, still a token of its own.
    ("The grey wall stood. The grey roof fell. A gray2 door.", [("gray", ("grey",))]),
    # "honorary" holds "honor" but is no variant of "honour": nothing is compared.
    ("She was an honorary member. It was an honour.", []),
    ("The catalogue listed it. The catalog was late. The catalogue sold out.", [("catalog", ("catalogue",))]),
    # -ize twins: the z-spelling found among the words, its s-twin in the text.
    ("They organise marches. We organize rallies. You organise sit-ins.", [("organize", ("organise",))]),
    # Capitalised mid-sentence: a proper noun, not counted; sentence-initial after a quote: counted.
    ("The grey cat sat. I met Mr Gray. \"Gray skies,\" he said. The grey dog ran.", [("Gray", ("Grey",))]),
])
def test_variant_spelling_shortcuts(text: str, expected: list) -> None:
    assert found(text, "CL701") == expected


@pytest.mark.parametrize("text, expected", [
    ("Prices of liquefied petroleum gas (LPG) rose, and liquefied Petroleum Gas imports fell; gas is dear.",
     [("liquefied Petroleum Gas", ("liquefied petroleum gas",))]),
    # A term split by a paragraph break is not a term.
    ("He spoke of natural\n\nGas prices later.", []),
    # An expansion may start inside a hyphenated word, or span one; its capitals occur in lowercase too.
    ("The anti-solar Power Kiln (SPK) failed; its power and kiln were fine.",
     [("solar Power Kiln", ("solar power kiln", "Solar Power Kiln"))]),
    ("They built a solar-Powered Kiln (SPK) and a powered kiln.",
     [("solar-Powered Kiln", ("solar-powered kiln", "Solar-Powered Kiln"))]),
    # Acronyms with capitals outside A-Z.
    ("Die Ölförderung Verband Partei (ÖVP) met; the ölförderung Verband Partei grew, as any partei does.",
     [("ölförderung Verband Partei", ("ölförderung verband partei", "Ölförderung Verband Partei"))]),
])
def test_term_case_shortcuts(text: str, expected: list) -> None:
    assert found(text, "CL703") == expected


def test_compound_hyphenation_needs_the_open_form_somewhere() -> None:
    text = "Flood-hit towns waited. More flood-hit areas. Aid reached flood hit villages."
    assert found(text, "CL702") == [("flood hit", ("flood-hit",))]
    # Open across a line wrap inside the paragraph.
    assert found("Flood-hit towns waited; more flood-hit areas and the flood\nhit villages.", "CL702") == [
        ("flood\nhit", ("flood-hit",))]


@pytest.mark.parametrize("text, phrase", [
    ("Police fired at the crowd, before fleeing. Others threw stones at cars, before fleeing.", "before fleeing"),
    # The last words read past apostrophes inside a word.
    ("The crowd had gone to the rock'n'roll bar. They drank at night, the rock'n'roll bar.", "the rock'n'roll bar"),
])
def test_echo_ending_shortcuts(text: str, phrase: str) -> None:
    assert [s for _, s in found(text, "CL606")] == [(f"(drop the repeated '{phrase}')",)]


def test_repeated_sentence_ignores_case_and_punctuation() -> None:
    text = "The minister resigned on Monday after the vote. THE minister resigned on Monday — after the vote!"
    assert [t for t, _ in found(text, "CL607")] == ["THE minister resigned on Monday — after the vote!"]
    assert found("The minister resigned on Monday after the vote. The minister resigned on Tuesday after the vote.",
                 "CL607") == []


def test_cognate_echo_does_not_overlap() -> None:
    text = "They backed the rule of the ruling of the rulers."
    assert [t for t, _ in found(text, "CL605")] == ["rule of the ruling"]


@pytest.mark.parametrize("code, text, span", [
    ("CL402", "Dozens of forces of security arrived.", "forces of security"),
    ("CL402", "Ex-forces of security arrived.", "forces of security"),
    ("CL404", "They declared a cease-fire of three days.", "a cease-fire of three days"),
    ("CL405", "Protesters wore wooden batons.", "wore wooden batons"),
    ("CL604", "It is possible that the plan may fail.", "It is possible that the"),
    ("CL604", "The talks may possibly resume.", "may possibly"),
])
def test_word_prefilters_keep_matches(code: str, text: str, span: str) -> None:
    assert [t for t, _ in found(text, code)] == [span]


def test_other_lowercase_table_matches_this_python() -> None:
    """Lowercase letters that upper-case to another letter's capital: the table the acronym scan relies on."""
    from copylint.kinds.term_case import _OTHER_LOWER

    table: dict[str, str] = {}
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c.islower():
            upper = c.upper()
            if len(upper) == 1 and upper != c and upper.lower() != c:
                table[upper] = table.get(upper, "") + c
    assert {k: set(v) for k, v in table.items()} == {k: set(v) for k, v in _OTHER_LOWER.items()}


def test_phrase_prefilter_never_rules_out_a_match() -> None:
    """PhraseMatcher.may_match(doc.words) is False only when finditer finds nothing: phrases glued to hyphens,
    apostrophes (straight and curly), digits and other phrases, in either case."""
    import random

    from copylint.document import Document, ProseBlock
    from copylint.phrases import PhraseMatcher

    table = {"tear fuel": "tear gas", "man-made consciousness": "AI", "o'clock news": "news", "u.s. army": "US Army",
             "in the globe": "in the world", "unaccessible": "inaccessible"}
    matcher = PhraseMatcher(table)
    assert PhraseMatcher({**table, "--": "—"}).may_match(frozenset())  # no word to test: never ruled out
    pieces = ["tear", "fuel", "man", "made", "consciousness", "o", "clock", "news", "u", "s", "army", "in", "the",
              "globe", "Tear", "GLOBE", "unaccessible", "super", "anti", "2"]
    joins = [" ", " ", " ", "-", "'", "’", ".", ". ", "\n", "‐", "--", ", "]
    rng = random.Random(7)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(joins) for _ in range(rng.randint(2, 9)))
        doc = Document("t.txt", text, "plain", [ProseBlock(text, "body", 0)])
        found = list(matcher.finditer(text))
        matched += bool(found)
        assert matcher.may_match(doc.words) or not found, text
        assert matcher.may_match(doc.words, doc.folded) or not found, text
    assert matched > 50  # the generator does produce matches
    assert not matcher.may_match(frozenset({"tear", "globe", "the"}))  # and the filter does rule texts out
    assert not matcher.may_match(frozenset({"tear", "fuel"}), "fuel for tear gas")


def test_existence_derived_literals_pass_every_text_the_pattern_matches() -> None:
    """The strings an existence rule derives from its pattern are only a shortcut: on its examples, and on them
    with other white space and in capitals, every text the full pattern matches holds them."""
    from copylint.data.literals import fold, holds
    from copylint.engine import build_kinds
    from copylint.registry import load_rules

    from copylint.kinds.existence import Existence

    kinds = [k for k in build_kinds(load_rules()) if isinstance(k, Existence) and k.needs]
    assert len(kinds) >= 5, "too few rules derive literals: this test checks little"
    for kind in kinds:
        texts = [(e.bad or e.good or "").replace("⟦", "").replace("⟧", "") for e in kind.rule.examples]
        texts += [t.replace(" ", space) for t in texts for space in ("\n", "\t", "\u00a0", "  ", "\u2009")]
        texts += [t.upper() for t in texts]
        matched = 0
        for text in texts:
            if kind.pattern.search(text):
                matched += 1
                assert holds(fold(text), kind.needs), (kind.rule.code, text)
        assert matched, kind.rule.code


def test_no_built_in_rule_file_carries_a_speed_key() -> None:
    """Speed is the engine's job: existence rules derive their literals from the pattern, claim rules their
    whole words from their patterns; no rule's keys, nor the keys of its tables ([[claim]], …), name one."""
    from copylint.registry import load_rules

    speed = {"triggers", "literals", "prefilter"}

    def keys(value) -> set[str]:
        if isinstance(value, dict):
            return set(value) | set().union(*map(keys, value.values()))
        if isinstance(value, list):
            return set().union(*map(keys, value))
        return set()

    rules = load_rules()
    assert any(r.kind == "claim" for r in rules) and any(r.kind == "existence" for r in rules)
    for rule in rules:
        assert not speed & keys(rule.params), rule.code
