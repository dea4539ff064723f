"""A file of many short lines: the compact forms (sentence columns, lazy tokens, chunked scans) give what the plain ones do."""
from __future__ import annotations

import random
import re

from copylint.api import Linter
from copylint.data.spin_lexicon import TOKEN, fold, lexicon, segment_spans, tokens
from copylint.document import Sentence, split_sentences
from copylint.kinds import label, synonym_swap
from copylint.kinds.synonym_swap import LazyTokens, hits

PROSE = ("The council met on Tuesday. Mr. Smith said the plan, which J. Doe wrote, was late!\n"
         "Photo Gallery\nGetty Images\n\nthe human privileges of people in the globe were discussed at length today\n"
         "and the committee agreed. \"Yes.\" she said… Then (again.) it ended?\nthe\nthe\nof\n")


def _lines(count: int) -> str:
    rng = random.Random(3)
    words = "the of and to a in that is was he for it with as his on be at by this had not are but".split()
    return "".join(f"{rng.choice(words)}\n" for _ in range(count)) + PROSE


def test_sentences_are_the_split_of_each_block_and_read_like_a_tuple() -> None:
    linter = Linter(languagetool=False)
    doc = linter.parse("lines.txt", PROSE * 3 + _lines(300))
    expected = [Sentence(i, s, e) for i, b in enumerate(doc.blocks) for s, e in split_sentences(b.text)]
    assert len(expected) > 300
    assert list(doc.sentences) == expected and len(doc.sentences) == len(expected)
    assert doc.sentences[-1] == expected[-1] and list(doc.sentences[2:5]) == expected[2:5]


def test_lazy_tokens_are_the_tokens_of_the_run() -> None:
    text = PROSE * 40
    folded = fold(text)
    for start, end in segment_spans(folded):
        lazy = LazyTokens(text, folded, start, end)
        plain = tokens(text, folded, start, end)
        assert len(lazy) == len(plain) and [lazy[i] for i in range(len(lazy))] == plain
        assert lazy[1:4] == plain[1:4] and (not plain or lazy[0] is lazy[0] and lazy[-1] == plain[-1])


def test_chunked_window_scan_finds_every_window(monkeypatch) -> None:
    folded = fold((PROSE + "for human privileges in the globe and the supply chain\n") * 5)
    words = [w for s, e in segment_spans(folded) for w in TOKEN.findall(folded, s, e)]
    whole = hits(lexicon(), words)
    assert whole
    for size in (1, 2, 5):
        monkeypatch.setattr(synonym_swap, "_CHUNK", size)
        assert hits(lexicon(), words) == whole


def test_many_short_lines_give_the_findings_of_the_plain_paths(monkeypatch) -> None:
    text = _lines(3_000)
    monkeypatch.setattr(synonym_swap, "_LONG_TEXT", 1_000)  # the compact paths, as on a file of a million lines
    found = [(f.code, f.start, f.end, f.message) for f in Linter(languagetool=False).lint_source("lines.txt", text, "plain")]
    monkeypatch.setattr(synonym_swap, "_LONG_RUN", 10**9)
    monkeypatch.setattr(synonym_swap, "_LONG_TEXT", 10**9)
    monkeypatch.setattr(label, "_MEMO_LINES", 0)
    plain = [(f.code, f.start, f.end, f.message) for f in Linter(languagetool=False).lint_source("lines.txt", text, "plain")]
    assert found == plain and found


def test_bulk_line_spans_are_those_of_the_full_split(monkeypatch) -> None:
    """Runs of short unmarked lines are split in bulk; a mark on every line sends each through the full split."""
    from copylint import document

    rng = random.Random(7)
    pieces = ["the", "Mr", "J", "e.g", "U.S", "word", "Long", "x" * 48, "y" * 60, " ", "  ", "\t", "\n", "\n", "\n\n",
              "\r", "\r\n", "\u2028", "\x1c", "\x85", "\xa0", ".", ". ", "!", "?", "…", "...", "\"", "”", ")", "3.5",
              "a", ":", "é", "\u3000"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(3_000)]
    texts.append(_lines(2_000))
    bulk = [list(document._iter_spans(t)) for t in texts]
    monkeypatch.setattr(document, "_LINES_CHUNK", 7)
    assert [list(document._iter_spans(t)) for t in texts] == bulk
    monkeypatch.setattr(document, "_MARK", re.compile(r"[^\n]|\n"))
    assert [list(document._iter_spans(t)) for t in texts] == bulk


def test_digit_prefilter_knows_every_digit() -> None:
    from copylint.kinds.units import _DIGITISH, has_digit

    every = "".join(map(chr, range(0x110000)))
    digits = {c for c in every if c.isdigit()}
    assert digits <= set(_DIGITISH.findall(every))
    assert has_digit("x²") and has_digit("a\U00010d40 5") and not has_digit("½ \U00010d40") and not has_digit("")


def test_echo_kinds_read_sentences_in_chunks_alike(monkeypatch) -> None:
    from copylint.kinds import _echo, echo_ending

    text = ("Report\n\nThe gunmen robbed the bank before escaping. Witnesses said they fired into the air, before "
            "escaping.\n\nThe council will meet again next week to vote on the plan.\n"
            "The council will meet again next week to vote on the plan.\n" + _lines(500)) * 3
    codes = {"CL606", "CL607"}

    def found() -> list[tuple[str, int, int]]:
        return [(f.code, f.start, f.end) for f in Linter(languagetool=False).lint_source("x.txt", text, "plain")
                if f.code in codes]

    whole = found()
    assert {c for c, _, _ in whole} == codes
    for size in (1, 2, 7):
        monkeypatch.setattr(_echo, "_CHUNK", size)
        monkeypatch.setattr(echo_ending, "_MEMO", size)
        assert found() == whole


def test_subject_verb_tokens_read_in_segments_alike(monkeypatch) -> None:
    from copylint.kinds import subject_verb

    text = ("The price of the houses are too high. The students in my class is late again.\n"
            "Mr. Smith said: the price of the new houses in town are high, and the roof of the old barns is gone.\n"
            + _lines(400)) * 3

    def found() -> list[tuple[str, int, int, str]]:
        return [(f.code, f.start, f.end, f.message) for f in Linter(languagetool=False).lint_source("x.txt", text, "plain")
                if f.code in ("CL514", "CL515")]

    whole = found()
    assert sum(1 for f in whole if f[0] == "CL514") >= 3
    for size in (1, 3, 40):
        monkeypatch.setattr(subject_verb, "_SEGMENT", size)
        assert found() == whole
