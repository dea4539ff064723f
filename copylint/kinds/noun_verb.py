"""noun-verb: a determiner and a singular noun, then a base-form verb ("The company operate three plants")."""
from __future__ import annotations

import re
from itertools import chain
from typing import Iterable

from ..data.lexicon import word_classes
from ..document import Document
from ..model import Finding
from ._agreement import _MODALS, _NEGATED, _shape_number, _VERBS
from .base import Kind


class NounVerb(Kind):
    """Keys: determiners (singular ones that may open the clause), objects (words that may open a verb's object: a
    verb that is also a noun is judged only before one of them, "the minister say the", not "the school bus stops";
    before any other noun the verb is taken for a modifier, "the environment select committee"),
    skip (nouns that take either number: collectives), openers (conjunctions after which a clause starts; not "that",
    whose clause may be subjunctive). The clause opens a sentence, a quotation, follows a colon, a comma (after a
    fronted clause: "When prices rise, the consumer pay more") or an opener;
    the noun is singular-only; the verb has a base form and no past, participle or 3rd-person reading. pronouns:
    singular pronouns that are a whole subject on their own ("When someone have" -> "has", "Everyone know" -> "knows");
    a question's or a causative's pronoun ("does anyone have", "let everyone know") does not open a clause."""

    NAME = "noun-verb"
    KEYS = {"determiners": list, "objects": list, "skip": list, "openers": list, "pronouns": list}
    REQUIRED = ("determiners", "objects")
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.determiners = frozenset(w.lower() for w in p["determiners"])
        self.objects = frozenset(w.lower() for w in p["objects"])
        self.skip = frozenset(w.lower() for w in p.get("skip", ()))
        self.openers = frozenset(w.lower() for w in p.get("openers", ()))
        dets = "|".join(sorted(self.determiners, key=len, reverse=True))
        openers = "|".join(sorted(self.openers, key=len, reverse=True)) or "(?!)"
        clause = rf"(?:^|(?<=[.!?;:,\"“])|\b(?i:{openers})[ \t])[ \t]*[\"“]?[ \t]*"
        verb = r"(?P<v>[a-z]+(?:n['’]t)?)\b(?![-'’])(?:[ \t]+(?P<o>[A-Za-z]+))?"
        self.pattern = re.compile(rf"{clause}(?P<d>(?i:{dets}))[ \t]+(?P<n>[a-z]+)[ \t]+{verb}")
        self.pronouns = frozenset(w.lower() for w in p.get("pronouns", ()))
        pronouns = "|".join(sorted(self.pronouns, key=len, reverse=True)) or "(?!)"
        self.pronoun_pattern = re.compile(rf"{clause}(?P<n>(?i:{pronouns}))[ \t]+{verb}(?![ \t]*[?])")

    def check(self, doc: Document) -> Iterable[Finding]:
        classes = None
        pronouns = bool(self.pronouns) and doc.has_any(self.pronouns)
        for _, block in self.blocks(doc):
            matches = self.pattern.finditer(block.text)
            if pronouns:
                matches = chain(matches, self.pronoun_pattern.finditer(block.text))
            for m in matches:
                noun, verb, following = m.group("n"), m.group("v"), (m.group("o") or "").lower()
                if noun in self.skip:
                    continue
                classes = classes or word_classes()
                if m.re is self.pattern and (_shape_number(noun, classes) != "singular" or "JJ" in classes.of(noun)):
                    continue  # "a mobile phone": an adjective is a modifier, the noun comes later
                agreement = _VERBS.get(verb) or _NEGATED.get(verb.replace("’", "'"))
                if agreement is not None:  # "the bridge are closed", "the minister were wrong", "the shop don't"
                    if agreement[0] == "plural":
                        other = agreement[1].replace("'", "’") if "’" in verb else agreement[1]
                        yield self.finding(doc, block, m.start("v"), m.end("v"), other, subject=noun, verb=verb)
                    continue
                if "'" in verb or "’" in verb:
                    continue
                tags = classes.of(verb)
                if verb in _MODALS or "VB" not in tags or tags & {"VBD", "VBN", "VBZ", "VBG", "JJ", "RB"}:
                    continue
                if tags & {"NN", "NNS"} and following not in self.objects:
                    continue  # "the school bus stops": a compound noun, not a subject and its verb
                if following not in self.objects and classes.of(following) & {"NN", "NNS"} \
                        and "VB" not in classes.of(following):
                    continue  # "the environment select committee": a modifier of the next noun
                inflected = _third_person(verb, classes)
                if inflected is None:
                    continue
                yield self.finding(doc, block, m.start("v"), m.end("v"), inflected, subject=noun, verb=verb)


def _third_person(verb: str, classes) -> str | None:
    """The -s form of a base verb, from the table: the form whose lemma is the verb and that can be VBZ."""
    candidates = (verb + "s", verb + "es", verb[:-1] + "ies")
    for form in candidates:
        if "VBZ" in classes.of(form) and classes.lemma_of(form) == verb:
            return form
    return None
