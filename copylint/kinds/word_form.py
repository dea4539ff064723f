"""word-form: a word whose form cannot follow the word before it ("can makes", "these thing", "every students"),
judged from the word-class table of copylint/data/lexicon (lemminflect's inflections), fixed to the right form."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..data.lexicon import word_classes
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ._unedited import is_unedited
from .base import Kind, match_case

_TAGS = frozenset("VB VBZ VBD VBN VBG NN NNS JJ RB".split())
_TARGETS = ("base-verb", "plural-noun", "singular-noun", "past-participle")


class WordForm(Kind):
    """Keys: after (words the checked word follows, lowercase), between (words that may stand between them, e.g.
    "not"), flag (tags the checked word must have: one of them), allow (tags that make it fine: any of them),
    target ("base-verb", "plural-noun", "singular-noun" or "past-participle": the form the fix gives; a participle
    replaces only an irregular past, since a regular -ed past is the participle too in some verbs' use: "proved"), before_noun (false: skip when
    the next word can be a noun or joins a coordination, as in "these car makers", "both day and night"),
    except (words the table tags wrongly for this use, e.g. "other" as a noun), not_after (words that, right before
    the trigger, invert it so its subject follows: "as must courses", "so can members").
    A capitalised trigger ("Will prices rise?") is skipped unless capitalised (true: a determiner opening a sentence,
    "These thing are hard"), and so is a checked word glued to a hyphen or apostrophe. unedited (true: only in a
    document that is visibly unedited, _unedited.is_unedited: for triggers that edited copy also uses before a mass
    or collective noun, "a lot of talent")."""

    NAME = "word-form"
    KEYS = {"after": list, "between": list, "flag": list, "allow": list, "target": str, "before_noun": bool,
            "except": list, "not_after": list, "capitalised": bool, "unedited": bool}
    REQUIRED = ("after", "flag", "target")

    @classmethod
    def validate(cls, rule) -> None:
        p = rule.params
        if p["target"] not in _TARGETS:
            raise RuleError(rule.path, "target", f"must be one of {', '.join(_TARGETS)}")
        for key in ("flag", "allow"):
            unknown = set(p.get(key, ())) - _TAGS
            if unknown:
                raise RuleError(rule.path, key, f"unknown tags {sorted(unknown)}; known: {' '.join(sorted(_TAGS))}")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.after = frozenset(w.lower() for w in p["after"])
        self.between = frozenset(w.lower() for w in p.get("between", ()))
        self.flag = frozenset(p["flag"])
        self.allow = frozenset(p.get("allow", ()))
        self.target = p["target"]
        self.before_noun = p.get("before_noun", True)
        self.exceptions = frozenset(w.lower() for w in p.get("except", ()))
        self.not_after = frozenset(w.lower() for w in p.get("not_after", ()))
        self.unedited = p.get("unedited", False)
        self.triggers = frozenset(w.replace("’", "'").split()[-1] for w in self.after)  # a phrase's last word
        # A lowercase trigger ("Will prices rise?" opens a question, its subject next) not glued to a hyphen ("one-to-
        # many road"), the allowed words between, then the checked word, whether it is glued to a hyphen or an
        # apostrophe, and the word after it.
        def alternation(words) -> str:
            return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))

        triggers = alternation(self.after)
        if p.get("capitalised", False):  # the first letter in either case: "These", "A lot of"
            triggers = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}".replace("'", "['’]")
                                for w in sorted(self.after, key=len, reverse=True))

        between = rf"(?:[ \t]+(?:{alternation(self.between)}))*" if self.between else ""
        self.pattern = re.compile(
            rf"(?<![\w'’‐-])(?P<t>{triggers}){between}[ \t]+(?P<w>[A-Za-z]+(?:['’][A-Za-z]+)?)"
            rf"(?![\w])(?P<g>[-‐'’]?)(?:[ \t]+(?P<n>[A-Za-z]+))?")

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(self.triggers):
            return
        classes = None
        for _, block in self.blocks(doc):
            text = block.text
            for m in self.pattern.finditer(text):
                word, start, end = m.group("w"), m.start("w"), m.end("w")
                if m.group("g") or not word.islower() or word in self.exceptions:
                    continue  # parts of compounds and possessives ("technology-related"); names and acronyms
                if self.not_after and self._inverted(text, m.start("t")):
                    continue
                classes = classes or word_classes()
                tags = classes.of(word)
                if not (tags & self.flag) or tags & self.allow:
                    continue
                following = m.group("n")
                if not self.before_noun and following and (
                        classes.of(following) & {"NN", "NNS"} or following.lower() in ("and", "or")):
                    continue  # "many student loans", "both day and night camps"
                fixed = self._fix(word, classes)
                if fixed and fixed != word.lower():
                    if self.unedited and not is_unedited(doc):
                        return
                    yield self.finding(doc, block, start, end, match_case(word, fixed), word=word,
                                       after=m.group("t"))

    def _inverted(self, text: str, start: int) -> bool:
        before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30):start])
        return before is not None and before.group(1).lower() in self.not_after

    def _fix(self, word: str, classes) -> str | None:
        lower = word.lower()
        if self.target == "plural-noun":
            return classes.plural_of(lower)
        if self.target == "past-participle":
            return None if lower.endswith("ed") else _participles(classes).get(classes.lemma_of(lower) or "")
        return classes.lemma_of(lower)


@lru_cache(maxsize=1)
def _participles(classes) -> dict[str, str]:
    """Lemma -> its past participle when the table has one that is not also a past ("grow" -> "grown", "go" ->
    "gone"); verbs whose participle is their past ("ran", "made") are left out."""
    found: dict[str, set[str]] = {}
    for form, lemma in classes.lemma.items():
        tags = classes.tags[form]
        if "VBN" in tags and "VBD" not in tags:
            found.setdefault(lemma, set()).add(form)
    return {lemma: min(forms, key=len) for lemma, forms in found.items() if len(forms) == 1}
