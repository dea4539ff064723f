"""opener-comma: a sentence adverb that opens a sentence or a clause without its comma ("For example when I went")."""
from __future__ import annotations

import re
from typing import Iterable

from ..data.lexicon import word_classes
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ._unedited import is_unedited
from .base import Kind


class OpenerComma(Kind):
    """Keys: openers (sentence adverbs and phrases: "for example", "therefore"), not_before (words after which the
    opener is something else: "in addition to", "besides that"), degree (openers that also modify an adjective or an
    adverb, "however much", "however hard": skipped before a word the word-class table lists only as one), unedited
    (only in a visibly unedited document, _unedited.is_unedited: for openers edited copy sometimes leaves bare, as BBC
    style does "However"). Inside a sentence an opener is left alone: after a comma, "for example" often introduces an
    example that needs no comma of its own ("costs rose, for example in May")."""

    NAME = "opener-comma"
    KEYS = {"openers": list, "not_before": list, "degree": list, "unedited": bool}
    REQUIRED = ("openers",)
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    @classmethod
    def validate(cls, rule) -> None:
        if any(not w.strip() or "," in w for w in rule.params["openers"]):
            raise RuleError(rule.path, "openers", "each opener is a word or phrase without a comma")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.openers = frozenset(" ".join(w.lower().split()) for w in p["openers"])
        self.not_before = frozenset(w.lower() for w in p.get("not_before", ()))
        self.degree = frozenset(w.lower() for w in p.get("degree", ()))
        self.unedited = p.get("unedited", False)
        self.triggers = frozenset(w.split()[-1] for w in self.openers)
        phrases = "|".join(r"[ \t]+".join(re.escape(part) for part in w.split())
                           for w in sorted(self.openers, key=len, reverse=True))
        # Where a sentence starts: the block's start or a line's, after a sentence's end or an opening quotation mark.
        self.pattern = re.compile(
            rf"(?:^|(?<=[.!?][ \t])|(?<=[.!?][”\"][ \t])|(?<=^[\"“])|(?<=[ \t][\"“]))(?P<o>(?i:{phrases}))"
            rf"[ \t]+(?P<n>[A-Za-z]+)(?![\w'’-])", re.MULTILINE)

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(self.triggers):
            return
        classes = None
        for _, block in self.blocks(doc):
            text = block.text
            for m in self.pattern.finditer(text):
                opener, following = m.group("o"), m.group("n")
                if not opener[0].isupper() or not _sentence_start(text, m.start("o")):
                    continue  # "for example" inside a sentence, "; For Example" in a title
                key = " ".join(opener.lower().split())
                if following.lower() in self.not_before:
                    continue
                if key in self.degree:
                    classes = classes or word_classes()
                    tags = classes.of(following)
                    if tags and tags <= {"JJ", "RB"}:
                        continue  # "However hard they try": a degree adverb, not a sentence adverb
                if self.unedited and not is_unedited(doc):
                    return
                yield self.finding(doc, block, m.start("o"), m.end("n"), f"{opener}, {following}",
                                   opener=opener)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”“"
