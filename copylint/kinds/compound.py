"""inverted-compound: "<head> of <modifier>" where "<modifier> <head>" is the standard compound ("officers of police")."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..phrases import PhraseMatcher, fold
from . import _prose
from ._words import ends_phrase, first_part, plural
from .base import Kind, match_case

_LAST_RUN = regex.compile(r"[\p{L}\p{N}_]+")
# The run of word characters before each " of " (found from the literal, the run read backwards).
_BEFORE_OF = _prose.lazy(r" of (?<=([\p{L}\p{N}_]+) of )")


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
        # The word before " of " in an inversion -> (head form, its modifiers by their last word). An inversion
        # needs that word before an " of " in the folded text (after a non-word character, as the automaton
        # requires), its modifier's last word among doc.words (it is bounded by a space and a word boundary, so
        # doc.words has it or its first part), and the whole phrase in the folded text.
        self.heads: dict[str, list[tuple[str, dict[str, list[str]]]]] = {}
        last_words: dict[str, str] = {}
        for head, modifiers in rule.params["compounds"].items():
            by_word: dict[str, list[str]] = {}
            for modifier in modifiers:
                word = last_words.get(modifier)
                if word is None:
                    word = last_words[modifier] = first_part(fold(modifier.split()[-1]))
                by_word.setdefault(word, []).append(modifier)
            singular, _, given_plural = head.partition("|")
            for form in (f for f in (singular, given_plural or plural(singular)) if f):
                self.heads.setdefault(_LAST_RUN.findall(fold(form))[-1], []).append((form, by_word))
        self.head_words = frozenset(self.heads)
        self.modifier_sets = {key: frozenset(w for _, by_word in forms for w in by_word)
                              for key, forms in self.heads.items()}

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(inversions(self.rule.params["compounds"], self.rule.params.get("allow", ())))
        return self._matcher

    def check(self, doc: Document) -> Iterable[Finding]:
        if not self._possible(doc):
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

    def _possible(self, doc: Document) -> bool:
        """Whether some inversion occurs in the folded prose at all (usually not: no automaton pass then)."""
        folded = doc.folded
        heads = self.head_words.intersection(_BEFORE_OF().findall(folded))
        if not heads:
            return False
        words = doc.words
        for head in heads:
            present = self.modifier_sets[head] & words
            for form, by_word in self.heads[head] if present else ():
                if any(fold(f"{form} of {modifier}") in folded for w in present for modifier in by_word.get(w, ())):
                    return True
        return False
