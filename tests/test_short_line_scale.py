"""A file of many short lines: the compact forms (sentence columns, lazy tokens, chunked scans) give what the plain ones do."""
from __future__ import annotations

import random

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
