"""verb-object: a verb that does not collocate with its object ("wore clubs" -> "carried clubs"), from a table."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..phrases import fold
from ._words import ends_phrase, first_part, last_part
from .base import Kind, match_case


class _Group:
    def __init__(self, verbs: dict[str, str], objects: list[str], between: list[str], classes: list[str]) -> None:
        if classes:  # nouns under WordNet classes ("stick": clubs, batons, canes), from the spin lexicon
            from ..data.spin_lexicon import lexicon

            objects = sorted({*objects, *(n for name in classes for n in lexicon().nouns_of(name))})
        self.verbs = {v.lower(): r for v, r in verbs.items()}
        verb_alt = "|".join(regex.escape(v) for v in sorted(verbs, key=len, reverse=True))
        obj_alt = "|".join(regex.escape(o) for o in sorted(objects, key=len, reverse=True))
        between_alt = "|".join(regex.escape(b) for b in between)
        gap = rf"(?:(?:{between_alt})\s+){{0,2}}" if between else ""
        self.source = rf"\b(?P<verb>{verb_alt})\s+{gap}(?P<obj>{obj_alt})\b"
        self._pattern: regex.Pattern | None = None  # compiled on first need
        # Every match holds one of the verbs and the last word of one of the objects, whole (doc.words).
        self.verb_words = frozenset(last_part(fold(v)) for v in verbs)
        self.object_words = frozenset(first_part(fold(o.split()[-1])) for o in objects)

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:
            self._pattern = regex.compile(self.source, regex.IGNORECASE)
        return self._pattern

    def possible(self, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.verb_words) and not words.isdisjoint(self.object_words)


class VerbObject(Kind):
    """Keys: groups (list of tables with verbs = {form = replacement form}, objects = [nouns], classes = [WordNet
    noun classes whose members are objects too], between = [determiners/adjectives allowed between verb and
    object])."""

    NAME = "verb-object"
    KEYS = {"groups": list}
    REQUIRED = ("groups",)

    @classmethod
    def validate(cls, rule) -> None:
        for i, group in enumerate(rule.params["groups"]):
            if not isinstance(group, dict) or not isinstance(group.get("verbs"), dict) \
                    or not (group.get("objects") or group.get("classes")):
                raise RuleError(rule.path, f"groups[{i}]", "needs verbs (table) and objects or classes (lists)")
            unknown = set(group) - {"verbs", "objects", "between", "classes"}
            if unknown:
                raise RuleError(rule.path, f"groups[{i}].{sorted(unknown)[0]}", "unknown key")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.groups = [_Group(g["verbs"], g.get("objects", []), g.get("between", []), g.get("classes", []))
                       for g in rule.params["groups"]]

    def check(self, doc: Document) -> Iterable[Finding]:
        groups = [g for g in self.groups if g.possible(doc.words)]
        if not groups:
            return
        for _, block in self.blocks(doc):
            text = block.text
            for group in groups:
                for m in group.pattern.finditer(text):
                    if not ends_phrase(text, m.end()):  # "wore club colours": the object is a modifier
                        continue
                    verb = m.group("verb")
                    replacement = match_case(verb, group.verbs[verb.lower()])
                    fixed = replacement + text[m.end("verb"):m.end()]
                    yield self.finding(doc, block, m.start(), m.end(), fixed, verb=verb)
