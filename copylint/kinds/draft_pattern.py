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


class DraftPattern(Kind):
    """Keys: pattern (a regex; the finding is its whole match), replacement (a template: "\\g<n>, which"), tags (group
    name -> word classes of copylint/data/lexicon, one of which the group's word must have), not_tags (group name ->
    classes it must not have), not_words (group name -> words it must not be), unedited (default true: only in a
    document that is visibly unedited, _unedited.is_unedited, where a pattern too loose for edited copy finds slips;
    false only for a pattern measured silent on clean news)."""

    NAME = "draft-pattern"
    KEYS = {"pattern": str, "replacement": str, "tags": dict, "not_tags": dict, "not_words": dict, "unedited": bool}
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
        groups = set(_GROUP.findall(rule.params["pattern"]))
        for key in ("tags", "not_tags", "not_words"):
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
        self.unedited = p.get("unedited", True)

    def check(self, doc: Document) -> Iterable[Finding]:
        classes = None
        for _, block in self.blocks(doc):
            for m in self.pattern.finditer(block.text):
                classes = classes or word_classes()
                if not self._fits(m, classes):
                    continue
                if self.unedited and not is_unedited(doc):
                    return
                yield self.finding(doc, block, m.start(), m.end(), match_case(m.group(), m.expand(self.replacement)))

    def _fits(self, m, classes) -> bool:
        for group, words in self.not_words.items():
            if (m.group(group) or "").lower() in words:
                return False
        for group, tags in self.tags.items():
            if not classes.of(m.group(group) or "") & tags:
                return False
        for group, tags in self.not_tags.items():
            if classes.of(m.group(group) or "") & tags:
                return False
        return True
