"""property: a word that gives a known subject a property it does not have ("Brent, a heavy sour crude")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind

_SUBJECT_KEYS = {"name": str, "aliases": list, "properties": dict, "source": str}
# Where a description of the subject stops: a clause or sentence end, or another subject's words.
_STOP = regex.compile(r"[.;:!?()]|,\s+(?:which|while|but|and|as|after|when|whereas)\b|\s[—–-]\s|\b(?:than|unlike|"
                      r"versus|vs|compared|whereas|while|but)\b")


# After a subject's name, words that make the name a kind's modifier ("a potash fertiliser", "a phosphate-based product").
_KIND_AFTER = regex.compile(r"(?:-based|-rich|-type)?\s+(?:fertili[sz]ers?|nutrients?|products?|feeds?|blends?)\b")


@dataclass(frozen=True, slots=True)
class _Subject:
    name: str
    properties: dict[str, str]
    source: str


class Property(Kind):
    """Keys: [vocabulary] (property = [its values, as words]) and [[subject]] tables — name, aliases,
    properties ({property = value}), source. The description a text gives a subject — its appositive or
    predicate ("Brent, a light sweet crude", "WTI is a sour grade") and the adjectives just before it ("the
    heavy, sour Maya") — is read for the vocabulary's words; a word of a property the subject has with
    another value is flagged, unless a negation stands before it."""

    NAME = "property"
    KEYS = {"vocabulary": dict, "subject": list, "window": int, "synonyms": dict}
    REQUIRED = ("vocabulary", "subject")

    @classmethod
    def validate(cls, rule) -> None:
        vocabulary = rule.params["vocabulary"]
        for key, values in vocabulary.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise RuleError(rule.path, f"vocabulary.{key}", "expected a list of words")
        for i, entry in enumerate(rule.params["subject"]):
            for key, value in entry.items():
                if key not in _SUBJECT_KEYS or not isinstance(value, _SUBJECT_KEYS[key]):
                    raise RuleError(rule.path, f"subject[{i}].{key}", "unknown key or wrong type")
            for key, value in entry.get("properties", {}).items():
                if key not in vocabulary or value not in vocabulary[key]:
                    raise RuleError(rule.path, f"subject[{i}].properties.{key}", "not in the vocabulary")
        for word, value in rule.params.get("synonyms", {}).items():
            if not isinstance(value, str) or not any(value in values for values in vocabulary.values()):
                raise RuleError(rule.path, f"synonyms.{word}", "expected a word of the vocabulary")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.window = int(rule.params.get("window", 60))
        self.word_property = {w.casefold(): (p, w.casefold()) for p, ws in rule.params["vocabulary"].items() for w in ws}
        # other words for a value ("a phosphate fertiliser": phosphorus), a subject's name among them
        self.synonyms = frozenset(w.casefold() for w in rule.params.get("synonyms", {}))
        for word, value in rule.params.get("synonyms", {}).items():
            self.word_property[word.casefold()] = self.word_property[value.casefold()]
        self.subjects: dict[str, _Subject] = {}
        for entry in rule.params["subject"]:
            subject = _Subject(entry["name"], dict(entry["properties"]), entry["source"])
            for alias in entry["aliases"]:
                self.subjects[alias] = subject
        aliases = "|".join(regex.escape(a) for a in sorted(self.subjects, key=len, reverse=True))
        self._alias_rx = regex.compile(rf"(?<![\w-])(?:{aliases})(?![\w-])")
        words = "|".join(regex.escape(w) for w in sorted(self.word_property, key=len, reverse=True))
        # (a word may lead a compound of what a thing is made of: "a potassium-based fertiliser")
        self._word_rx = regex.compile(rf"(?i)(?<![\w-])(?:{words})(?=-(?:based|rich)\b|(?![\w-]))")
        self._negation = regex.compile(r"(?i)\b(?:not|never|no|nor|rather\s+than|instead\s+of|less|more|than)\s+"
                                       r"(?:\w+[\s,]+){0,2}$")

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if not any(alias in prose for alias in self.subjects):
            return
        for _, block in self.blocks(doc):
            text = block.text
            for m in self._alias_rx.finditer(text):
                subject = self.subjects[m.group()]
                yield from self._judge(doc, block, subject, m)

    def _judge(self, doc, block, subject: _Subject, m) -> Iterable[Finding]:
        text = block.text
        # After the subject: its appositive or predicate, up to a clause's end or another subject.
        stop = _STOP.search(text, m.end() + 1, m.end() + self.window)
        end = stop.start() if stop else min(len(text), m.end() + self.window)
        other = self._alias_rx.search(text, m.end(), end)
        while other is not None and other.group().casefold() in self.word_property and _KIND_AFTER.match(text, other.end()):
            other = self._alias_rx.search(text, other.end(), end)  # "DAP, a potash fertiliser": a word of the description
        end = other.start() if other else end
        after = text[m.end():end]
        windows = []
        if regex.match(r"(?:\s*\([A-Z]+\))?(?:,\s+(?:a|an|the|which\s+is|itself\s+a)\s|\s+(?:is|was|remains)\s+"
                       r"(?:a|an|the|considered|classed|classified)\s)", after):
            windows.append((m.end(), end))
        # Before the subject: "the light, sweet Brent (crude)".
        # (never across "and"/"or": "potash, a potassium fertiliser, and urea" says nothing of urea)
        before = regex.search(r"(?:\b(?!(?:and|or|but|nor)\b)[\w-]+,?\s+){1,3}$", text[max(0, m.start() - 40):m.start()])
        if before is not None:
            windows.append((m.start() - len(before.group()), m.start()))
        for start, stop_at in windows:
            for w in self._word_rx.finditer(text, start, stop_at):
                if stop_at == m.start() and w.group().casefold() in self.synonyms:
                    continue  # before the subject, a synonym names a thing of its own ("potash, a phosphate fertiliser")
                prop, value = self.word_property[w.group().casefold()]
                actual = subject.properties.get(prop)
                if actual is None or actual == value or self._negation.search(text, start, w.start()):
                    continue
                yield self.finding(doc, block, w.start(), w.end(), _same_case(w.group(), actual),
                                   subject=subject.name, prop=prop, actual=actual, source=subject.source)


def _same_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word
