"""draft-pattern: a regex whose named words must have (or lack) word classes, flagged in visibly unedited text only."""
from __future__ import annotations

import re
from typing import Iterable

from ..data.lexicon import word_classes
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..registry import compile_regex
from ._unedited import is_unedited
from .base import Kind, match_case

_GROUP = re.compile(r"\(\?P<(\w+)>")
_TAGS = frozenset("VB VBZ VBD VBN VBG NN NNS JJ RB".split())
_FORMS = ("singular-noun", "plural-noun", "base-verb")
_TEMPLATE_GROUP = re.compile(r"\\g<(\w+)>")


class DraftPattern(Kind):
    """Keys: pattern (a regex; the finding is its whole match), replacement (a template: "\\g<n>, which"), tags (group
    name -> word classes of copylint/data/lexicon, one of which the group's word must have), not_tags (group name ->
    classes it must not have), not_words (group name -> words it must not be), inflect (group name -> the form its
    word takes in the replacement: "singular-noun", "plural-noun" or "base-verb", from the word-class table), unedited (default true: only in a
    document that is visibly unedited, _unedited.is_unedited, where a pattern too loose for edited copy finds slips;
    false only for a pattern measured silent on clean news)."""

    NAME = "draft-pattern"
    KEYS = {"pattern": str, "replacement": str, "tags": dict, "not_tags": dict, "not_words": dict, "inflect": dict,
            "unedited": bool}
    REQUIRED = ("pattern", "replacement")
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    @classmethod
    def validate(cls, rule) -> None:
        for key in ("tags", "not_tags"):
            for group, tags in rule.params.get(key, {}).items():
                if not isinstance(tags, list) or set(tags) - _TAGS:
                    raise RuleError(rule.path, f"{key}.{group}", f"must be a list of {' '.join(sorted(_TAGS))}")
        for group, words in rule.params.get("not_words", {}).items():
            if not isinstance(words, list):
                raise RuleError(rule.path, f"not_words.{group}", "must be a list of words")
        for group, form in rule.params.get("inflect", {}).items():
            if form not in _FORMS:
                raise RuleError(rule.path, f"inflect.{group}", f"must be one of {', '.join(_FORMS)}")
        groups = set(_GROUP.findall(rule.params["pattern"]))
        for key in ("tags", "not_tags", "not_words", "inflect"):
            unknown = set(rule.params.get(key, {})) - groups
            if unknown:
                raise RuleError(rule.path, key, f"names groups the pattern lacks: {sorted(unknown)}")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.pattern = compile_regex(rule, "pattern", p["pattern"], 0)
        self.replacement = p["replacement"]
        self.tags = {g: frozenset(t) for g, t in p.get("tags", {}).items()}
        self.not_tags = {g: frozenset(t) for g, t in p.get("not_tags", {}).items()}
        self.not_words = {g: frozenset(w.lower() for w in ws) for g, ws in p.get("not_words", {}).items()}
        self.inflect = dict(p.get("inflect", {}))
        self.unedited = p.get("unedited", True)

    def check(self, doc: Document) -> Iterable[Finding]:
        classes = None
        for _, block in self.blocks(doc):
            for m in self.pattern.finditer(block.text):
                classes = classes or word_classes()
                replacement = self._replacement(m, classes) if self._fits(m, classes) else None
                if replacement is None:
                    continue
                if self.unedited and not is_unedited(doc):
                    return
                yield self.finding(doc, block, m.start(), m.end(), match_case(m.group(), replacement))

    def _replacement(self, m, classes) -> str | None:
        """The template with each group's text, inflected where the rule says; None when a form is not in the table."""
        words = {}
        for group, form in self.inflect.items():
            word = (m.group(group) or "").lower()
            inflected = classes.plural_of(word) if form == "plural-noun" else classes.lemma_of(word)
            if not inflected or inflected == word:
                return None
            words[group] = inflected
        return _TEMPLATE_GROUP.sub(lambda g: words.get(g.group(1), m.group(g.group(1)) or ""), self.replacement)

    def _fits(self, m, classes) -> bool:
        """Whether each group's word passes its tests; a group that took no part in the match passes them all."""
        for group, words in self.not_words.items():
            if (m.group(group) or "").lower() in words:
                return False
        for group, tags in self.tags.items():
            if m.group(group) is not None and not classes.of(m.group(group)) & tags:
                return False
        for group, tags in self.not_tags.items():
            if m.group(group) is not None and classes.of(m.group(group)) & tags:
                return False
        return True
