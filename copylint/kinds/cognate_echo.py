"""cognate-echo: a noun and its own verb side by side ("the rule of the ruling party")."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Finding
from .base import Kind, match_case


# "<noun> of <det> <participle>", found from its "of" (a literal the engine scans for fast), the noun read
# backwards; check() drops a match whose noun starts inside the previous one, as a left-to-right scan would.
_COGNATE = regex.compile(
    r"(?<=\b(?P<noun>\p{L}{3,})\s+)of\s+(?P<det>the|a|an|its|their|this)\s+(?P<part>\p{L}{3,}(?:ing|ed))\b",
    regex.IGNORECASE,
)
_NOUN_SUFFIXES = ("ments", "ment", "ances", "ance", "ers", "er", "ors", "or", "ations", "ation", "s", "e")
_PART_SUFFIXES = ("ing", "ed", "d")


def _stem(word: str, suffixes: tuple[str, ...]) -> str:
    w = word.lower()
    for suffix in suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:-1] if w.endswith("e") else w


class CognateEcho(Kind):
    """Keys: synonyms (participle -> replacement word for the fix), ignore (participles never flagged).
    Flags "<noun> of the <participle of the same root>" ("the rule of the ruling party")."""

    NAME = "cognate-echo"
    KEYS = {"synonyms": dict, "ignore": list}

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.synonyms = {k.lower(): v for k, v in rule.params.get("synonyms", {}).items()}
        self.ignore = {w.lower() for w in rule.params.get("ignore", [])}

    def check(self, doc: Document) -> Iterable[Finding]:
        for _, block in self.blocks(doc):
            last_end = -1
            for m in _COGNATE.finditer(block.text):
                start = m.start("noun")
                if start < last_end:
                    continue
                last_end = m.end()
                part = m.group("part")
                if part.lower() in self.ignore:
                    continue
                if _stem(m.group("noun"), _NOUN_SUFFIXES) != _stem(part, _PART_SUFFIXES):
                    continue
                synonym = self.synonyms.get(part.lower())
                if synonym is None:
                    yield self.finding(doc, block, start, m.end(), None)
                    continue
                yield self.finding(doc, block, start, m.end(),
                                   block.text[start:m.start("part")] + match_case(part, synonym))
