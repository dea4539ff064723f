"""compound-hyphenation (document level): a compound modifier hyphenated in one place, open in another."""
from __future__ import annotations

import collections
from typing import Iterable

import regex

from ..document import Document, ProseBlock
from ..model import Finding
from . import _prose
from ._words import CLAUSE_WORDS, DETERMINERS
from .base import PROSE_SCOPES, Kind


_SKIP_AFTER = CLAUSE_WORDS | DETERMINERS | frozenset(
    """he she they we it i you there here this below above beneath beside behind near via per like unlike amid
    despite plus up down out off through away back because although though well again too very really alone
    yourself himself herself itself themselves myself ourselves""".split()
)
# "wake up teenagers", "shut down plants": a verb and its particle, not a compound modifier.
_PARTICLES = frozenset("up down out off in on over back away through about around along for with to by".split())
# Found from its hyphen (a literal the regex engine scans for quickly), the first word read backwards.
_HYPHENATED = regex.compile(r"(?<=(?<![\p{L}-])(\p{Ll}{2,}))-(\p{Ll}{2,})(?![\p{L}-])")
_NEXT_WORD = _prose.lazy(r"[ \t]+(\p{Ll}[\p{Ll}-]*)")


class CompoundHyphenation(Kind):
    """No keys. A compound modifier the document hyphenates ("flood-hit towns") written open before a noun
    elsewhere ("flood hit areas"): the open form is flagged when it is not the majority (ties go to the hyphen)."""

    NAME = "compound-hyphenation"
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        pairs = self._open_somewhere(doc)
        if not pairs:
            return
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        hyphenated: dict[str, list[tuple[ProseBlock, int, int, str]]] = collections.defaultdict(list)
        blocks = [b for b in doc.blocks if b.scope in scopes]
        for block in blocks:
            for m in _HYPHENATED.finditer(block.text):
                if m.group(2) not in _PARTICLES and (m.group(1), m.group(2)) in pairs \
                        and self._attributive(block.text, m.end()):
                    start = m.start(1)
                    hyphenated[f"{m.group(1)} {m.group(2)}"].append((block, start, m.end(), block.text[start:m.end()]))
        if not hyphenated:
            return
        for pair, hyphen_uses in hyphenated.items():
            open_uses = []
            words = r"\s+".join(regex.escape(w) for w in pair.split())
            pattern = regex.compile(r"(?<![\p{L}-])" + words + r"(?![\p{L}-])")
            for block in blocks:
                for m in pattern.finditer(block.text):
                    if self._attributive(block.text, m.end()):
                        open_uses.append((block, m.start(), m.end(), m.group()))
            if not open_uses:
                continue
            # Before a noun the hyphen is the style: flag the open form when it is the minority (or a tie);
            # a hyphenated minority is left alone rather than "fixed" into the open form.
            if len(open_uses) > len(hyphen_uses):
                continue
            for block, start, end, text in open_uses:
                yield self.finding(doc, block, start, end, "-".join(text.split()), majority=pair.replace(" ", "-"))

    @staticmethod
    def _open_somewhere(doc: Document) -> set[tuple[str, str]]:
        """The hyphenated pairs of the document whose open form ("flood hit") also occurs somewhere: the only
        ones that can be written both ways. Usually none, and then no block is scanned word by word."""
        prose = doc.prose
        if "-" not in prose:
            return set()
        pairs = set(_HYPHENATED.findall(prose))
        if not pairs:
            return set()
        spaced = _prose.spaced(doc)
        return {p for p in pairs if p[1] not in _PARTICLES and f"{p[0]} {p[1]}" in spaced}

    @staticmethod
    def _attributive(text: str, end: int) -> bool:
        """True when a lowercase word that can be a noun follows directly (the compound modifies it)."""
        m = _NEXT_WORD().match(text, end)
        return bool(m) and m.group(1) not in _SKIP_AFTER and not m.group(1).endswith("ly")
