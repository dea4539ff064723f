"""The spun-phrase model (CL409, the spin lexicon): swaps it finds without a list, what it leaves alone, its
confidence and sensitivity, the lexicon file, and the seed's spun phrases found with no table naming them."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copylint.api import Linter
from copylint.config import parse_config
from copylint.data.spin_lexicon import LEXICON_FILE, PAIRS_FILE, Lexicon, PairLexicon, lexicon, pair_lexicon, phrase_key, segments
from copylint.errors import ConfigError
from copylint.registry import load_rules

from .conftest import SEED

LINTER = Linter(select=["CL409"], languagetool=False)


def found(text: str, sensitivity: float | None = None) -> list[tuple[str, str, str]]:
    linter = Linter(select=["CL409"], languagetool=False)
    if sensitivity is not None:
        linter.context = {**linter.context, "spin_sensitivity": sensitivity}
    return [(f.text, f.suggestions[0], f.severity.value) for f in linter.lint_source("t.txt", "Headline\n\n" + text)]


@pytest.mark.parametrize("text, phrase, fix", [
    ("The firm blamed delays in its provide chain.", "provide chain", "supply chain"),
    ("Activists documented human privileges abuses in the north.", "human privileges", "human rights"),
    ("Officials held a press convention on Monday.", "press convention", "press conference"),
    ("The bank raised curiosity rates again.", "curiosity rates", "interest rates"),
    ("He suffered a heart assault at work.", "heart assault", "heart attack"),
    ("The measures aim to cut carbon releases.", "carbon releases", "carbon emissions"),
    ("The European Marriage agreed new rules.", "European Marriage", "European Union"),
])
def test_swaps_found_without_a_list(text: str, phrase: str, fix: str) -> None:
    hits = found(text, sensitivity=1.5)
    spun, original = (w for w in phrase.split() if w not in fix.split()), fix.split()
    assert len(hits) == 1 and next(spun) in hits[0][0] and any(w in hits[0][1] for w in original)


@pytest.mark.parametrize("text", [
    "The firm blamed delays in its supply chain and rising interest rates.",
    "Police officers fired tear gas as the vast bulk of the crowd fled.",
    "Officers of the regiment met in the local area, near a chain of supply depots.",
    "A big chunk of heavy precipitation fell on the ocean.",
    "The European Union and the Security Council held a press conference.",
])
def test_ordinary_english_left_alone(text: str) -> None:
    assert found(text, sensitivity=1.5) == []


def test_confidence_sets_severity_and_sensitivity_moves_it() -> None:
    text = "The bank raised curiosity rates again."
    default = found(text)
    eager = found(text, sensitivity=3.0)
    shy = found(text, sensitivity=0.3)
    assert shy == [] and eager and all(s in ("info", "warning") for *_, s in eager)
    assert len(default) <= len(eager)
    data = dict(LINTER.lint_source("t.txt", "H\n\n" + text)[0].data) if default else {"confidence": 9.9}
    assert data["confidence"] > 0


def test_weak_signs_count_only_in_a_document_that_reads_as_spun() -> None:
    weak = "Kazan is the largest city in the planet."
    assert found(weak) == []
    spun = ("The firm blamed delays in its provide chain. Activists documented human privileges abuses. "
            "Officials held a press convention. Kazan is the largest city in the planet.")
    assert ("in the planet", "in the world", "info") in found(spun)


def test_spin_sensitivity_config_key() -> None:
    assert parse_config({"spin-sensitivity": 2}, Path("copylint.toml")).spin_sensitivity == 2.0
    for bad in ("high", 0, -1, True):
        with pytest.raises(ConfigError, match="spin-sensitivity"):
            parse_config({"spin-sensitivity": bad}, Path("copylint.toml"))


def test_lexicon_file_is_plain_compact_and_checked() -> None:
    lex = lexicon()
    assert LEXICON_FILE.stat().st_size < 10_000_000
    assert lex.entries("provide chain")[0].original == "supply"
    assert lex.entries("supply chain") == []
    assert set(lex.meta["sources"]) >= {"wordnet", "lm", "google", "wordfreq", "bbc", "moby", "derivations"}
    blob = LEXICON_FILE.read_bytes()
    with pytest.raises(ValueError, match="bytes of entries"):
        Lexicon(blob[:-3])
    with pytest.raises(ValueError, match="format"):
        Lexicon(b'{"format": 0}\n')
    assert phrase_key("human rights") == phrase_key("human rights") < 1 << 64


def test_segments_break_at_punctuation_and_split_possessives() -> None:
    segs = [[t.word for t in seg] for seg in segments("The globe's largest city, it said; ex-capital")]
    assert segs == [["the", "globe", "'s", "largest", "city"], ["it", "said"], ["ex", "capital"]]


SEED_SPUN = ("in the globe", "officers of police", "under the ruling of", "an emergency of two weeks",
             "nation broadcaster", "the ex-capital", "wore clubs")


def test_no_table_names_the_seeds_spun_phrases() -> None:
    for rule in load_rules():
        if rule.code.startswith("CL4"):
            text = repr(rule.params).lower() + " ".join(e.bad or e.good or "" for e in rule.examples).lower()
            for phrase in SEED_SPUN:
                assert phrase not in text, (rule.code, phrase)
            assert "police" not in rule.params.get("compounds", {}).get("officer", []), rule.code
            assert "emergency" not in rule.params.get("nouns", {}), rule.code
            assert not any("clubs" in g.get("objects", []) for g in rule.params.get("groups", [])), rule.code


def test_seeds_spun_phrases_found_by_the_model() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = Linter(select=["CL4"], languagetool=False).lint_source(str(SEED), text)
    for phrase in SEED_SPUN:
        start = text.index(phrase)
        assert any(f.start < start + len(phrase) and start < f.end for f in findings), phrase


@pytest.mark.parametrize("text, phrase, fix", [
    ("The firm blamed delays in its provide string.", "provide string", "supply chain"),
    ("The city opened a new force works near the river.", "force works", "power plant"),
])
def test_both_words_of_a_collocation_swapped(text: str, phrase: str, fix: str) -> None:
    hits = found(text, sensitivity=1.6)  # alone in a text: from the lone threshold (7.0 / 1.6)
    assert [(h[0], h[1]) for h in hits] == [(phrase, fix)]


@pytest.mark.parametrize("text", [
    "The firm blamed delays in its supply chain and opened a power plant.",
    "Those making shows for the public given the chance agreed.",  # clauses, not compounds
    "They walked along both banks of the river to the crater lake.",
])
def test_two_slot_swaps_leave_english_alone(text: str) -> None:
    assert found(text, sensitivity=1.5) == []


def test_pair_lexicon_is_compact_and_checked() -> None:
    blob = PAIRS_FILE.read_bytes()
    assert len(blob) < 2_000_000  # its load time: bench/data_load.py
    pairs = PairLexicon(blob)
    assert [p for p, _ in pairs.collocations("provide", "string")] == ["supply chain"]
    assert pairs.collocations("supply", "chain") == [] and pairs.collocations("zzz", "chain") == []
    assert pair_lexicon() is pair_lexicon()
    with pytest.raises(ValueError, match="bytes"):
        PairLexicon(blob[:-1])
    with pytest.raises(ValueError, match="format"):
        PairLexicon(b'{"format": 0}\n')


def test_a_spun_name_counts_alone_from_the_name_threshold() -> None:
    # At sensitivity 0.6 the lone threshold is 7.0 / 0.6 = 11.7 and the name threshold 4.0 / 0.6 = 6.7: a
    # capitalised spun name (8.3) is still flagged alone, a lower-case rare phrase of the same strength is not.
    text = "The loan from the International Financial Fund was approved on Friday."
    assert [(h[0], h[1]) for h in found(text, sensitivity=0.6)] == [
        ("International Financial Fund", "International Monetary Fund")]
    assert found("The firm blamed delays in its provide chain.", sensitivity=0.6) == []


def test_an_inverted_compound_counts_alone_from_the_inverted_threshold() -> None:
    # 5.3, below the lone threshold (7.0): flagged alone because inversions are rare in clean text.
    text = "Volunteers joined the campaigns of election in the north."
    assert [(h[0], h[1]) for h in found(text)] == [("campaigns of election", "election campaigns")]


def test_a_swap_in_a_most_frequent_collocation_counts_alone_from_its_frequent_threshold() -> None:
    # 6.8, below the lone threshold (7.0): 'real estate' is among English's most frequent collocations of two
    # content words (Google Books), so from its frequent threshold (6.0); a rarer collocation's swap of the same kind is not.
    assert [(h[0], h[1]) for h in found("Prices in the true estate market rose.")] == [("true estate", "real estate")]
    assert found("Prices in the true estate market rose.", sensitivity=6.0 / 6.9) == []
    from copylint.data.spin_lexicon import frequent_bigrams
    table = frequent_bigrams()
    assert table["real estate"] > 110_000_000 and "the world" not in table and all(len(k.split()) == 2 for k in table)


def test_a_frequent_collocations_adjective_traded_for_its_noun() -> None:
    from copylint.data.spin_lexicon import derived_swaps
    table = derived_swaps()
    assert table.pairs["ovary cancer"][0] == "ovarian" and "ovary" in table.first_words
    assert not any(p.split()[0].endswith(("ist", "ism", "ian")) for p in table.pairs)  # person and creed words
    assert [(h[0], h[1]) for h in found("She was treated for ovary cancer last year.")] == [
        ("ovary cancer", "ovarian cancer")]
    assert found("She was treated for ovarian cancer in an ovary clinic.") == []


@pytest.mark.parametrize("text, phrase, fix", [
    ("Campaigners said the humane rights situation had worsened.", "humane rights", "human rights"),
    ("The court agreed to a judicious review of the decision.", "judicious review", "judicial review"),
    ("The government said economical growth slowed.", "economical growth", "economic growth"),
])
def test_a_wrong_derivation_counts_alone_from_the_derived_threshold(text: str, phrase: str, fix: str) -> None:
    hits = found(text)
    assert [(h[0], h[1]) for h in hits] == [(phrase, fix)]
    assert any(e.derived for e in lexicon().entries(phrase))


@pytest.mark.parametrize("text", [
    "The judicial review and the economic growth figures were published.",
    "Prices are set on a six-month basis.",  # a hyphenated compound's last word is no derivation
    "They discussed the booming economic outlook.",  # the derived word modifies what follows
])
def test_derivations_leave_english_alone(text: str) -> None:
    assert found(text) == []


def test_derivations_come_from_suffix_alternations() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_spin_lexicon import derivations

    known = {"economic", "economical", "economy", "judicial", "judicious", "founding", "founded", "found", "care"}
    assert derivations("economic", known) == {"economical", "economy"}
    assert "judicious" in derivations("judicial", known)
    assert derivations("founding", known) == {"founded"}  # -ing trades only with -ed
    assert derivations("care", known) == set()  # a stem keeps four letters


def test_a_swap_is_judged_against_the_content_words_beside_it() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from build_spin_lexicon import neighbour_pairs

    assert neighbour_pairs("rising oil costs".split(), 2) == ["oil costs"]
    assert neighbour_pairs("for the first term".split(), 3) == ["first term"]
    assert neighbour_pairs("next pandemic election".split(), 1) == ["next pandemic", "pandemic election"]
    assert neighbour_pairs("in the globe".split(), 2) == []  # a frame of function words: nothing to bind to


def test_a_damaged_swap_table_is_refused(tmp_path, monkeypatch) -> None:
    from copylint.data import spin_lexicon
    path = tmp_path / "name_swaps.tsv"
    monkeypatch.setattr(spin_lexicon, "NAME_FILE", path)
    for damaged in ("# comment\nabode loan bank\tHome Loan Bank\nabode loan bet\n",  # a row without its name
                    "abode loan bank\tHome Loan Bank\tBank\nx\n", "abode loan bank\tHome Loan Bank"):  # cut short
        path.write_text(damaged, encoding="utf-8")
        spin_lexicon.name_swaps.cache_clear()
        with pytest.raises(ValueError, match="damaged"):
            spin_lexicon.name_swaps()
    path.write_text("# comment\nabode loan bank\tHome Loan Bank\nuniverse bank\tWorld Bank\n", encoding="utf-8")
    spin_lexicon.name_swaps.cache_clear()
    table = spin_lexicon.name_swaps()
    assert table.names == {"abode loan bank": "Home Loan Bank", "universe bank": "World Bank"}
    assert table.first_words == {"abode", "universe"}
    spin_lexicon.name_swaps.cache_clear()
