"""Agreement kinds, judged from the lexicon's word classes. subject-verb: a clause's subject noun and its auxiliary
disagree in number across a prepositional phrase ("The price of the houses are high"). number-shape: an auxiliary
whose subject's number a fixed shape shows ("more than 200 people was", ", many of which is"). noun-verb: a clause
that opens with a determiner and a singular noun, then a base-form verb ("The company operate three plants")."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import chain, compress
from operator import and_
from typing import Iterable

from ..data.lexicon import word_classes
from ..data.literals import fold as fold_for_literals, holds, required_all
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind, match_case

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[^\sA-Za-z]")
_SINGULAR_DET = frozenset("the a an this that each every my his her its our their your no".split())
_PLURAL_DET = frozenset("the these those my his her its our their your no some many several all both".split())
_DETERMINERS = _SINGULAR_DET | _PLURAL_DET
_MODALS = frozenset("will would can could shall should may might must".split())
_VERBS = {"is": ("singular", "are"), "was": ("singular", "were"), "has": ("singular", "have"), "does": ("singular", "do"),
          "are": ("plural", "is"), "were": ("plural", "was"), "have": ("plural", "has"), "do": ("plural", "does")}


class SubjectVerb(Kind):
    """Keys: openers (words after which a clause starts: conjunctions), prepositions (those that may open the phrase
    between subject and verb), partitives (heads that take the number of their of-phrase: "a number of people are"),
    collectives (heads British English treats as plural: "the government of Iraq are"), determiners (optional words
    before the phrase's noun). The subject is a determiner, up to two modifiers and a noun whose number the word-class
    table fixes (singular only or plural only); the verb is a form of be/have/do right after the phrase."""

    NAME = "subject-verb"
    KEYS = {"openers": list, "prepositions": list, "partitives": list, "collectives": list}
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.openers = frozenset(w.lower() for w in p.get("openers", ()))
        self.prepositions = frozenset(w.lower() for w in p.get("prepositions", ()))
        self.partitives = frozenset(w.lower() for w in p.get("partitives", ()))
        self.collectives = frozenset(w.lower() for w in p.get("collectives", ()))
        dets = "|".join(sorted(_SINGULAR_DET | _PLURAL_DET, key=len, reverse=True))
        preps = "|".join(sorted(self.prepositions, key=len, reverse=True))
        verbs = "|".join(_VERBS)
        self.shape = re.compile(rf"(?i:\b(?:{dets})\s+(?:[a-z]+\s+){{0,2}}[a-z]+\s+(?:{preps})\s+"
                                rf"(?:[\w'’-]+\s+){{1,6}}?(?:{verbs})\b)")

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(self.prepositions) or not doc.has_any(frozenset(_VERBS)):
            return
        classes = None
        for _, block in self.blocks(doc):
            # Most blocks have no determiner, preposition and be/have/do in that order within a few words.
            if self.shape.search(block.text) is None:
                continue
            classes = classes or word_classes()
            words, starts = _tokens(block.text)
            # A clause's subject opens with a determiner where a clause starts (_check_clause's first test and
            # _clause_start), judged once per distinct word and for all tokens in bulk.
            distinct = set(words)
            determiner = {w: w.lower() in _DETERMINERS for w in distinct}
            opener = {w: self._clause_start((w, ""), 1) for w in distinct}
            opener[""] = True  # before the first token
            opening = map(and_, map(determiner.__getitem__, words), map(opener.__getitem__, chain(("",), words)))
            for i in compress(range(len(words)), opening):
                finding = self._check_clause(doc, block, starts, words, i, classes)
                if finding is not None:
                    yield finding

    def _clause_start(self, words, i: int) -> bool:
        if i == 0:
            return True
        before = words[i - 1]
        return before in ".!?;:\"“(" or before.lower() in self.openers

    def _check_clause(self, doc, block, starts, words, i, classes):
        j = i
        if j < len(words) and words[j].lower() not in _SINGULAR_DET | _PLURAL_DET:
            return None
        det = words[j].lower()
        j += 1
        head = None
        for _ in range(3):  # up to two modifiers, then the head noun right before the preposition
            if j + 1 >= len(words) or not words[j].isalpha() or not words[j].islower():
                return None
            if words[j + 1].lower() in self.prepositions:
                head = j
                break
            if not classes.of(words[j]) & {"JJ", "NN", "NNS"}:
                return None  # a modifier is an adjective or a noun
            j += 1
        if head is None:
            return None
        number = _noun_number(classes.of(words[head]))
        if number is None or words[head].lower() in self.partitives:
            return None
        if (number == "singular" and det not in _SINGULAR_DET) or (number == "plural" and det not in _PLURAL_DET):
            return None  # "these price", "a students": the determiner rules' business
        # The phrase: a preposition, then determiners, modifiers and nouns; it ends at the verb.
        k = head + 2
        last_noun = None
        while k < len(words) and k - head <= 7:
            w = words[k]
            lower = w.lower()
            if lower in _VERBS:
                break
            if not w.isalpha() or lower in self.openers or lower in _MODALS or lower in ("and", "or", "nor") \
                    or lower in self.prepositions and k == head + 2:
                return None  # "the director of operations will have", "the X of Y and the Z of W are"
            tags = classes.of(lower)
            if lower not in _SINGULAR_DET | _PLURAL_DET and not tags & {"NN", "NNS", "JJ"} and not w[:1].isupper():
                return None
            if tags & {"VBZ", "VBD"} and k + 1 < len(words) and words[k + 1].lower() not in _VERBS:
                return None  # "the law in France means workers are": a verb inside is the clause's own verb
            last_noun = k
            k += 1
        if k >= len(words) or words[k].lower() not in _VERBS or last_noun is None or not words[k].islower():
            return None
        verb_number, other = _VERBS[words[k].lower()]
        if verb_number == number:
            return None
        if number == "singular" and words[head].lower() in self.collectives:
            return None  # "the government of Iraq are": British collective plural
        start, verb = starts[k], words[k]
        end = start + len(verb)
        return self.finding(doc, block, start, end, match_case(verb, other), subject=words[head], verb=verb)


_SEGMENT = 1 << 16  # characters tokenized at a time
_SPACE = re.compile(r"\s")


def _tokens(text: str) -> tuple[list[str], "_Starts"]:
    """The _TOKEN texts of text, one string per distinct word (a long block repeats most), and their starts (made
    when read: few are). Text is tokenized a segment at a time, cut at white space (no token holds any)."""
    words: list[str] = []
    distinct: dict[str, str] = {}
    segments: list[tuple[int, int, int]] = []  # (first token, start, end)
    pos, size = 0, len(text)
    while pos < size:
        cut = _SPACE.search(text, min(size, pos + _SEGMENT))
        end = size if cut is None else cut.start()
        segments.append((len(words), pos, end))
        found = _TOKEN.findall(text, pos, end)
        words.extend(map(distinct.setdefault, found, found))
        pos = end
    return words, _Starts(text, segments)


class _Starts:
    """The start of each token of _tokens, read a segment at a time."""

    def __init__(self, text: str, segments: list[tuple[int, int, int]]) -> None:
        self._text, self._segments = text, segments
        self._firsts = [first for first, _, _ in segments]
        self._read: dict[int, array] = {}

    def __getitem__(self, index: int) -> int:
        segment = bisect_right(self._firsts, index) - 1
        starts = self._read.get(segment)
        if starts is None:
            if len(self._read) > 16:
                self._read.clear()
            first, pos, end = self._segments[segment]
            starts = self._read[segment] = array("l", (m.start() for m in _TOKEN.finditer(self._text, pos, end)))
        return starts[index - self._firsts[segment]]


def _noun_number(tags: frozenset[str]) -> str | None:
    """Singular or plural when the table allows only one noun reading. A base-form verb reading is harmless after a
    determiner ("the price"); a finite one is not ("its broad scope stretches from": the verb, not the subject)."""
    if not tags & {"NN", "NNS"} or tags & {"VBZ", "VBD"}:
        return None
    if "NN" in tags and "NNS" not in tags:
        return "singular"
    if "NNS" in tags and "NN" not in tags:
        return "plural"
    return None



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


def _shape_number(noun: str, classes) -> str | None:
    """A noun's number where the shape has already placed a noun (verb readings do not matter: "the houses, which"):
    singular-only, or plural (plural-only, or a plural form of another lemma: "people")."""
    tags = classes.of(noun)
    if "NN" in tags and "NNS" not in tags:
        return "singular"
    if "NNS" in tags and ("NN" not in tags or classes.lemma_of(noun) not in (None, noun)):
        return "plural"
    return None


_CLAUSE_OPENERS = frozenset('.!?;:"“')


class NounVerb(Kind):
    """Keys: determiners (singular ones that may open the clause), objects (words that may open a verb's object: a
    verb that is also a noun is judged only before one of them, "the minister say the", not "the school bus stops";
    before any other noun the verb is taken for a modifier, "the environment select committee"),
    skip (nouns that take either number: collectives), openers (conjunctions after which a clause starts; not "that",
    whose clause may be subjunctive). The clause opens a sentence, a quotation, follows a colon or an opener;
    the noun is singular-only; the verb has a base form and no past, participle or 3rd-person reading."""

    NAME = "noun-verb"
    KEYS = {"determiners": list, "objects": list, "skip": list, "openers": list}
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
        self.pattern = re.compile(rf"(?:^|(?<=[.!?;:\"“])|\b(?:{openers})[ \t])[ \t]*[\"“]?[ \t]*"
                                  rf"(?P<d>(?i:{dets}))[ \t]+(?P<n>[a-z]+)[ \t]+"
                                  rf"(?P<v>[a-z]+)\b(?![-'’])(?:[ \t]+(?P<o>[A-Za-z]+))?")

    def check(self, doc: Document) -> Iterable[Finding]:
        classes = None
        for _, block in self.blocks(doc):
            for m in self.pattern.finditer(block.text):
                noun, verb, following = m.group("n"), m.group("v"), (m.group("o") or "").lower()
                if noun in self.skip:
                    continue
                classes = classes or word_classes()
                if _shape_number(noun, classes) != "singular" or "JJ" in classes.of(noun):
                    continue  # "a mobile phone": an adjective is a modifier, the noun comes later
                if verb in _VERBS:  # "the bridge are closed", "the minister were wrong"
                    if _VERBS[verb][0] == "plural":
                        yield self.finding(doc, block, m.start("v"), m.end("v"), _VERBS[verb][1], subject=noun,
                                           verb=verb)
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
