"""fixed-phrase: a fixed expression with one word swapped for a synonym or a sibling function word ("on the other palm")."""
from __future__ import annotations

from typing import Iterable

from ..data.fixed_phrases import Slot, fixed_phrases
from ..data.spin_lexicon import TOKEN, Token, fold, segment_spans, tokens
from ..document import Document
from ..model import Finding
from .base import Kind, match_case

# What may stand before the first word of a sentence (a capital after it starts the sentence, not a name).
_OPENERS = frozenset(".!?:;\"“”‘’'([—–-\n")
_HYPHENS = frozenset("-‐‑")  # a word joined to the next by a hyphen is part of a compound


def _sentence_start(text: str, token: Token) -> bool:
    before = text[:token.start].rstrip(" \t")
    return not before or before[-1] in _OPENERS


class FixedPhrase(Kind):
    """Keys: min_articles (how many counted news articles must show the expression); defer_to (codes of rules whose
    finding on the same words is reported instead). A window of running text (no punctuation inside, no name) that
    is a fixed expression in every word but one, where that word is one the data lists as a swap real text never
    shows."""

    NAME = "fixed-phrase"
    KEYS = {"min_articles": int, "defer_to": list}

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
        for _, block in self.blocks(doc):
            text = block.text
            folded = fold(text)
            for start, end in segment_spans(folded):
                words = TOKEN.findall(folded, start, end)
                found = [(p, e) for p, e in table.matches(words) if e.articles >= least] if len(words) > 1 else ()
                if not found:
                    continue
                seg = tokens(text, folded, start, end)
                taken: set[int] = set()
                for p, entry in sorted(found, key=lambda pe: (-pe[1].articles, len(pe[1].phrase), pe[0])):
                    span = range(p, p + len(entry.phrase))
                    if taken.isdisjoint(span) and self._fits(text, seg[p:p + len(entry.phrase)]):
                        taken.update(span)
                        yield self._finding(doc, block, seg[p:p + len(entry.phrase)], entry)

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
