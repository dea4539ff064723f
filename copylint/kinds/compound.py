"""inverted-compound: "<head> of <modifier>" where "<modifier> <head>" is the standard compound ("officers of police")."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..phrases import PhraseMatcher, fold
from . import _prose
from ._words import ends_phrase, first_part, last_part, plural
from .base import Kind, match_case


def inversions(compounds: dict[str, list[str]], allow: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Every inverted form ("officers of police") -> (modifier, head form), for singular and plural heads.

    A head written "man|men" gives its plural explicitly, "|talks" only a plural (singular "talk of peace" is
    ordinary English); otherwise the regular plural is used."""
    allowed = {a.lower() for a in allow}
    table: dict[str, tuple[str, str]] = {}
    for head, modifiers in compounds.items():
        singular, _, given_plural = head.partition("|")
        forms = tuple(f for f in (singular, given_plural or plural(singular)) if f)
        for modifier in modifiers:
            for form in forms:
                phrase = f"{form} of {modifier}"
                if phrase.lower() not in allowed:
                    table[phrase] = (modifier, form)
    return table


class InvertedCompound(Kind):
    """Keys: compounds (head noun -> modifiers forming standard "<modifier> <head>" compounds); allow (inverted
    forms that are normal English and must not be flagged)."""

    NAME = "inverted-compound"
    KEYS = {"compounds": dict, "allow": list}
    REQUIRED = ("compounds",)

    @classmethod
    def validate(cls, rule) -> None:
        for head, modifiers in rule.params["compounds"].items():
            if not isinstance(modifiers, list) or not all(isinstance(m, str) and m.strip() for m in modifiers):
                raise RuleError(rule.path, f"compounds.{head}", "must be a list of modifier words")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self._matcher: PhraseMatcher | None = None  # built on first need: most documents never need it
        # Head word -> modifier's last word -> inversions: one needs both words among doc.words (each is bounded
        # by a space on one side and a word boundary on the other, so doc.words has it or its first or last part),
        # then its "<head> of " and the whole phrase in the folded text, as the automaton reads it.
        self.pairs: dict[str, dict[str, list[str]]] = {}
        last_words: dict[str, str] = {}
        for head, modifiers in rule.params["compounds"].items():
            singular, _, given_plural = head.partition("|")
            for form in (f for f in (singular, given_plural or plural(singular)) if f):
                by_modifier = self.pairs.setdefault(last_part(fold(form.split()[0])), {})
                for modifier in modifiers:
                    word = last_words.get(modifier)
                    if word is None:
                        word = last_words[modifier] = first_part(fold(modifier.split()[-1]))
                    by_modifier.setdefault(word, []).append(f"{form} of {modifier}")
        self.heads = frozenset(self.pairs)
        self.modifiers = frozenset(last_words.values())
        self.modifier_sets = {head: frozenset(ms) for head, ms in self.pairs.items()}

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(inversions(self.rule.params["compounds"], self.rule.params.get("allow", ())))
        return self._matcher

    def check(self, doc: Document) -> Iterable[Finding]:
        words = doc.words
        heads = words & self.heads
        if not heads:
            return
        if not self._possible(doc, words, heads):
            return
        scopes = self.rule.scopes if self.rule.scopes is not None else self.DEFAULT_SCOPES
        # One automaton pass over the whole prose: no phrase spans the blank line between two blocks.
        for prose_start, prose_end, (modifier, head) in self.matcher.finditer(doc.prose):
            index, start = _prose.locate(doc, prose_start, prose_end)
            block = doc.blocks[index]
            if scopes is not None and block.scope not in scopes:
                continue
            text, end = block.text, start + prose_end - prose_start
            # "officers of police stations": the modifier starts a longer noun phrase, so the "of" is real.
            if not ends_phrase(text, end):
                continue
            found = text[start:end]
            written_head = found[: len(head)]
            written_modifier = found[len(found) - len(modifier):]
            if not written_head.isupper():
                written_head = written_head[0].lower() + written_head[1:]
            yield self.finding(doc, block, start, end, match_case(found, f"{written_modifier} {written_head}"))

    def _possible(self, doc: Document, words: frozenset[str], heads: frozenset[str]) -> bool:
        """Whether some inversion occurs in the folded prose at all (usually not: no automaton pass then)."""
        modifiers = words & self.modifiers
        folded = None
        for head in heads:
            present = self.modifier_sets[head] & modifiers
            if not present:
                continue
            folded = folded if folded is not None else fold(doc.prose)
            phrases = [phrase for m in present for phrase in self.pairs[head][m]]
            if not any(fold(phrase[: phrase.index(" of ") + 4]) in folded for phrase in phrases):
                continue
            if any(fold(phrase) in folded for phrase in phrases):
                return True
        return False
