"""number-shape: an auxiliary whose subject's number a fixed shape shows ("more than 200 people was")."""
from __future__ import annotations

import re
from typing import Iterable

from ..data.lexicon import word_classes
from ..data.literals import fold as fold_for_literals, holds, required_all
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ._agreement import _shape_number, _VERBS
from .base import Kind


_NUMBERS = ("singular", "plural")


class NumberShape(Kind):
    """Keys: shapes (tables with `pattern`, a regular expression with a group `v` for the auxiliary and optionally
    `n` for the subject noun, and `noun`, "singular" or "plural": the number the noun must have, singular-only or
    plural-only in the word-class table; without `n` the shape itself fixes the number), skip (nouns to leave alone,
    e.g. collectives that take either number). Flags the auxiliary (is/are, was/were, has/have, does/do) of the other
    number and suggests the agreeing one."""

    NAME = "number-shape"
    KEYS = {"shapes": list, "skip": list}
    REQUIRED = ("shapes",)
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    @classmethod
    def validate(cls, rule) -> None:
        for i, shape in enumerate(rule.params["shapes"]):
            if not isinstance(shape, dict) or shape.get("number") not in _NUMBERS or "pattern" not in shape:
                raise RuleError(rule.path, f"shapes[{i}]", "needs a pattern and number = \"singular\" or \"plural\"")
            try:
                compiled = re.compile(shape["pattern"])
            except re.error as exc:
                raise RuleError(rule.path, f"shapes[{i}].pattern", str(exc)) from None
            if "v" not in compiled.groupindex:
                raise RuleError(rule.path, f"shapes[{i}].pattern", "needs a group named v (the auxiliary)")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        # with the strings every match holds (data.literals): a shape the document cannot match is not run
        self.shapes = [(re.compile(s["pattern"]), s["number"], required_all(s["pattern"], 1))
                       for s in rule.params["shapes"]]
        self.skip = frozenset(w.lower() for w in rule.params.get("skip", ()))

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(frozenset(_VERBS)):
            return
        folded = doc.memo(("folded-for-literals",), lambda: fold_for_literals(doc.prose))
        shapes = [(pattern, number) for pattern, number, needs in self.shapes if holds(folded, needs)]
        classes = None
        for _, block in self.blocks(doc) if shapes else ():
            for pattern, number in shapes:
                for m in pattern.finditer(block.text):
                    verb = m.group("v")
                    if not verb.islower() or _VERBS[verb][0] == number:
                        continue
                    noun = m.groupdict().get("n")
                    if noun is not None:
                        classes = classes or word_classes()
                        if not noun.islower() or noun in self.skip or _shape_number(noun, classes) != number:
                            continue
                    yield self.finding(doc, block, m.start("v"), m.end("v"), _VERBS[verb][1], verb=verb,
                                       subject=noun or m.group(0).split()[0])
