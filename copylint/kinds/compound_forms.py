"""compound-forms: one compound written closed and open or hyphenated in one document ("website" and "web site",
"percent" and "per cent", "ceasefire" and "cease-fire"); the minority form is flagged."""
from __future__ import annotations

import collections
from typing import Iterable

import regex

from ..document import Document
from ..model import Finding
from ._words import CLAUSE_WORDS
from .base import PROSE_SCOPES, Kind, match_case

# Parts that make a different word, not another spelling: "every day"/"everyday", "any more"/"anymore", "may be".
_FUNCTION = frozenset(
    """a an the this that these those every any some no all each either neither both few many much more most
    may might can could will would shall should must be is are was were am do did does has had have
    in on at to of for by with from into onto up down out off over under about as so if or and but nor not
    i me my we us our you your he him his she her it its they them their who what which when where how why
    there here then than one ever back away around along through""".split()
) | (CLAUSE_WORDS - {"per"})  # particles too: "set back" (a verb) and "setback" (a noun) are two words;
# prepositions make a phrase, not a compound: "after noon" is not another spelling of "afternoon" ("per cent" is
# the one that is)


class CompoundForms(Kind):
    """Keys: min_length (shortest closed form compared, default 6). A closed word whose two parts (two letters or
    more, no function word or particle) also stand in the document open ("web site") or hyphenated ("web-site"),
    all in lowercase (names and acronyms keep their own forms: "JP Morgan", "UNAIDS"): the forms vote, the majority
    wins (a tie goes to the form used first) and the others are flagged."""

    NAME = "compound-forms"
    KEYS = {"min_length": int}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        words = doc.words
        min_length = self.rule.params.get("min_length", 6)
        pairs = []
        for word in words:
            if len(word) < min_length or not word.isalpha():
                continue
            for cut in range(2, len(word) - 1):
                head, tail = word[:cut], word[cut:]
                if head in words and tail in words and head not in _FUNCTION and tail not in _FUNCTION:
                    pairs.append((word, head, tail))
        if not pairs:
            return
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        blocks = [b for b in doc.blocks if b.scope in scopes]
        for closed, head, tail in pairs:
            pattern = regex.compile(rf"(?<![\p{{L}}-]){head}(?P<sep>[ \t]|[-‐])?{tail}(?![\p{{L}}-])")
            uses = []  # (form, block, start, end, text): form 0 closed, 1 open, 2 hyphenated
            for block in blocks:
                for m in pattern.finditer(block.text):
                    sep = m.group("sep")
                    form = 0 if sep is None else 1 if sep in " \t" else 2
                    uses.append((form, block, m.start(), m.end(), m.group()))
            counts = collections.Counter(u[0] for u in uses)
            if len(counts) < 2:
                continue
            order = {form: i for i, form in reversed(list(enumerate(u[0] for u in uses)))}
            majority = max(counts, key=lambda f: (counts[f], -order[f]))
            spelled = {0: closed, 1: f"{head} {tail}", 2: f"{head}-{tail}"}[majority]
            for form, block, start, end, text in uses:
                if form != majority:
                    yield self.finding(doc, block, start, end, match_case(text, spelled), majority=spelled,
                                       count=counts[majority], minority=counts[form])

