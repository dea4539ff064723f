"""fixed-phrase: a fixed expression with one word swapped for a synonym or a sibling function word ("on the other palm")."""
from __future__ import annotations

from typing import Iterable

import re

from ..data.fixed_phrases import PREPOSITIONS, WINDOWS, Slot, fixed_phrases, governors
from ..data.lexicon import word_classes
from ..data.spin_lexicon import RARE_CB, TOKEN, Token, fold, segment_spans, tokens, word_frequencies
from ..document import Document
from ..model import Finding
from .base import Kind, match_case

# What may stand before the first word of a sentence (a capital after it starts the sentence, not a name).
_OPENERS = frozenset(".!?:;\"“”‘’'([—–-\n")
_HYPHENS = frozenset("-‐‑")  # a word joined to the next by a hyphen is part of a compound
_PIECE = 20_000  # characters: a longer run without punctuation (a list of lines) is read a piece at a time
_OVERLAP = max(n for n, _ in WINDOWS) - 1  # tokens a piece shares with the next, so every window lies whole in one
_SPACE = re.compile(r"\s")
_NOUN = frozenset(("NN", "NNS"))


def _sentence_start(text: str, token: Token) -> bool:
    before = text[:token.start].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def _pieces(folded: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The run itself, or for a run longer than _PIECE characters, pieces cut between tokens, each but the first
    starting _OVERLAP tokens before the previous one ended (memory stays bounded by the piece, not the file)."""
    a = start
    while end - a > _PIECE:
        cut = _SPACE.search(folded, a + _PIECE, end)
        if cut is None:
            break
        b = cut.start()
        yield a, b
        back = [m.start() for m in TOKEN.finditer(folded, max(a, b - 64 * _OVERLAP), b)][-_OVERLAP:]
        a = back[0] if len(back) == _OVERLAP and back[0] > a else b
    yield a, end


class FixedPhrase(Kind):
    """Keys: min_articles (how many counted news articles must show the expression); defer_to (codes of rules whose
    finding on the same words is reported instead); common_zipf (a single swap whose written word and expression's
    word are both this frequent, in Zipf, is a free phrase: left out). A window of running text (no punctuation inside, no name) that
    is a fixed expression in every word but one, where that word is one the data lists as a swap real text never
    shows."""

    NAME = "fixed-phrase"
    KEYS = {"min_articles": int, "defer_to": list, "common_zipf": float}

    @classmethod
    def requires(cls, rule) -> tuple[str, ...]:
        return tuple(rule.params.get("defer_to", ()))

    def check(self, doc: Document) -> Iterable[Finding]:
        found = self._found(doc)  # read here even when deferring: the document is read once, where rules are timed
        return () if self.rule.params.get("defer_to") else found

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        return self.deferred(self._found(doc), findings) if self.rule.params.get("defer_to") else ()

    def _found(self, doc: Document) -> list[Finding]:
        return doc.memo(("fixed-phrase", self.rule.code), lambda: list(self._scan(doc)))

    def _scan(self, doc: Document) -> Iterable[Finding]:
        table = fixed_phrases()
        least = self.rule.params.get("min_articles", 0)
        common = self.rule.params.get("common_zipf")
        for _, block in self.blocks(doc):
            text = block.text
            folded = fold(text)
            for start, end in segment_spans(folded):
                taken: set[int] = set()  # starts of the tokens already in a finding
                for a, b in _pieces(folded, start, end):
                    words = TOKEN.findall(folded, a, b)
                    found = [(p, e) for p, e in table.matches(words, whole=b - a == end - start)
                             if e.articles >= least] if len(words) > 1 else ()
                    if not found:
                        continue
                    seg = tokens(text, folded, a, b)
                    for p, entry in sorted(found, key=lambda pe: (-pe[1].articles, len(pe[1].phrase), pe[0])):
                        window = seg[p:p + len(entry.phrase)]
                        if common is not None and self._common(window, entry, common) or self._governed(seg, p, entry):
                            continue
                        if taken.isdisjoint(t.start for t in window) and self._fits(text, window):
                            taken.update(t.start for t in window)
                            yield self._finding(doc, block, window, entry)

    @staticmethod
    def _common(window: list[Token], entry: Slot, zipf: float) -> bool:
        """Whether one word is swapped and both it and the expression's word are among English's commonest (Zipf
        from zipf: "find a room" beside "find a way"): two everyday words, each with uses of its own, make a free
        phrase, not a spinner's trade. A discourse phrase, read only as a whole run ("for model"), is no free phrase;
        nor is a preposition swapped for another ("on the world"): the expression fixes it."""
        if entry.second >= 0 or entry.alone or entry.phrase[entry.slot] in PREPOSITIONS:
            return False
        freq, cb = word_frequencies(), 100 * (9 - zipf)
        return max(freq.get(window[entry.slot].word, RARE_CB), freq.get(entry.phrase[entry.slot], RARE_CB)) <= cb

    @staticmethod
    def _governed(seg: list[Token], p: int, entry: Slot) -> bool:
        """Whether a preposition swapped in a three-word expression (window seg[p:p + 3]) belongs to a phrase around
        it: the word before governs the written preposition more than the expression's ("thinking about a way" beside
        "in a way", "a tribute to the late"), or a noun follows that the expression's last word modifies ("under a
        time constraint" beside "at a time")."""
        if len(entry.phrase) != 3 or entry.phrase[entry.slot] not in PREPOSITIONS:
            return False
        if p + 3 < len(seg):
            classes = word_classes().of(seg[p + 3].word)
            if classes and classes <= _NOUN:
                return True
        if entry.slot or not p:
            return False
        ranked = governors().get(seg[p - 1].word, "").split()
        written = seg[p].word
        return written in ranked and (entry.phrase[0] not in ranked or ranked.index(written) < ranked.index(entry.phrase[0]))

    @staticmethod
    def _fits(text: str, window: list[Token]) -> bool:
        """No name inside (a capital that does not start the sentence), no possessive piece, no word joined by a
        hyphen to one outside ("in its end-of-year report")."""
        edges = [window[0].start - 1, window[-1].end] + [t.end for t in window[:-1]]
        if any(text[i:i + 1] in _HYPHENS for i in edges if i >= 0):
            return False
        return all(not t.capital or (k == 0 and _sentence_start(text, t)) for k, t in enumerate(window)) \
            and not any(t.word == "'s" for t in window)

    def _finding(self, doc: Document, block, window: list[Token], entry: Slot) -> Finding:
        text = block.text
        start, end = window[0].start, window[-1].end
        places = [entry.slot] + ([entry.second] if entry.second >= 0 else [])
        fixed, at, spun, original = [], start, [], []
        for k in places:
            token = window[k]
            written = text[token.start:token.end]
            spun.append(written)
            original.append(match_case(written, entry.phrase[k]))
            fixed += [text[at:token.start], original[-1]]
            at = token.end
        fixed.append(text[at:end])
        return self.finding(doc, block, start, end, "".join(fixed), spun="', '".join(spun),
                            original="', '".join(original), articles=entry.articles)
