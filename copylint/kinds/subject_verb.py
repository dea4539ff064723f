"""subject-verb: a subject noun and its auxiliary disagree in number across a phrase ("The price of the houses are")."""
from __future__ import annotations

import re
from array import array
from functools import lru_cache
from bisect import bisect_right
from itertools import chain, compress
from operator import and_
from typing import Iterable

from ..data.lexicon import word_classes
from ..document import Document
from ..model import Finding
from ._agreement import _MODALS, _VERBS
from .base import Kind, match_case


_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[^\sA-Za-z]")
_SINGULAR_DET = frozenset("the a an this that each every my his her its our their your no".split())
_PLURAL_DET = frozenset("the these those my his her its our their your no some many several all both".split())
_DETERMINERS = _SINGULAR_DET | _PLURAL_DET
_RELATIVES = frozenset("that which who whom whose where when".split())
_DEFINITE = frozenset({"the", "this", "that"})
# A coordinator, or a pronoun that opens a relative clause with no "that": "one of the games I have played".
_CLAUSE_WORDS = frozenset("and or nor i we you he she they".split())


class SubjectVerb(Kind):
    """Keys: openers (words after which a clause starts: conjunctions), prepositions (those that may open the phrase
    between subject and verb), partitives (heads that take the number of their of-phrase: "a number of people are"),
    collectives (heads British English treats as plural: "the government of Iraq are"), definite_heads (partitives
    that head their phrase after "the", "this" or "that": "the number of people is"), determiners (optional words
    before the phrase's noun), lexical_verbs (also check a present-tense verb the table lists only as a verb: "the
    instructions in the box contains"), singular_heads (pronouns singular whatever their of-phrase: "one of the
    problems is"). The subject is a determiner, up to two modifiers and a noun whose number the
    word-class table fixes (singular only or plural only); the verb is a form of be/have/do right after the phrase."""

    NAME = "subject-verb"
    KEYS = {"openers": list, "prepositions": list, "partitives": list, "collectives": list, "lexical_verbs": bool,
            "definite_heads": list, "singular_heads": list}
    DEFAULT_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.openers = frozenset(w.lower() for w in p.get("openers", ()))
        self.prepositions = frozenset(w.lower() for w in p.get("prepositions", ()))
        self.partitives = frozenset(w.lower() for w in p.get("partitives", ()))
        self.collectives = frozenset(w.lower() for w in p.get("collectives", ()))
        self.definite_heads = frozenset(w.lower() for w in p.get("definite_heads", ()))
        self.singular_heads = frozenset(w.lower() for w in p.get("singular_heads", ()))
        self.lexical = p.get("lexical_verbs", False)
        dets = "|".join(sorted(_SINGULAR_DET | _PLURAL_DET, key=len, reverse=True))
        preps = "|".join(sorted(self.prepositions, key=len, reverse=True))
        verbs = r"[a-z]+" if self.lexical else "|".join(_VERBS)
        heads = "|".join(sorted(self.singular_heads)) or "(?!)"
        self.shape = re.compile(rf"(?i:\b(?:(?:{dets})\s+(?:[a-z]+\s+){{0,2}}[a-z]+\s+(?:{preps})|(?:{heads})\s+of)\s+"
                                rf"(?:[\w'’-]+\s+){{1,6}}?(?:{verbs})\b)")

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(self.prepositions) or not self.lexical and not doc.has_any(frozenset(_VERBS)):
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
            determiner = {w: w.lower() in _DETERMINERS or w.lower() in self.singular_heads for w in distinct}
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

    @staticmethod
    def _lexical_at(words, k: int, classes) -> bool:
        """A verb-only present form at k that ends the phrase: not after an adjective, a determiner or a relative
        pronoun ("best urban act", "vehicles that envelop": a noun the table lacks, a relative clause's verb), nor
        glued to a hyphen ("media add-on") or before an auxiliary (then it is a noun the table lacks)."""
        w = words[k]
        following = words[k + 1].lower() if k + 1 < len(words) else ""
        if not w.islower() or _lexical_verb(w, classes) is None or following in ("-", "‐") or \
                following in _VERBS or following in _MODALS:
            return False  # "the media add-on is", "their win for best alternative act was": the verb comes next
        before = words[k - 1].lower()
        return before not in _DETERMINERS and before not in _RELATIVES and (
            words[k - 1][:1].isupper() or bool(classes.of(before) & {"NN", "NNS"}))

    def _check_clause(self, doc, block, starts, words, i, classes):
        if words[i].lower() in self.singular_heads:  # "one of the problems is": singular whatever the phrase
            if i + 2 >= len(words) or words[i + 1].lower() != "of" or words[i + 2].lower() not in _PLURAL_DET:
                return None
            return self._check_phrase(doc, block, starts, words, i, "singular", classes)
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
        if number is None and (head == i + 1 or classes.of(words[head - 1]) == {"JJ"}):
            # Right after the determiner or an adjective, a word with a verb reading ("the results of", "the new
            # cost of") is the noun; after a noun it may be the clause's verb ("its broad scope stretches from").
            number = _noun_number(classes.of(words[head]) - _VERB_TAGS)
        if number is None or words[head].lower() in self.partitives and not (
                det in _DEFINITE and words[head].lower() in self.definite_heads):
            return None  # "a number of people are"; but "the number of people is"
        if (number == "singular" and det not in _SINGULAR_DET) or (number == "plural" and det not in _PLURAL_DET):
            return None  # "these price", "a students": the determiner rules' business
        return self._check_phrase(doc, block, starts, words, head, number, classes)

    def _check_phrase(self, doc, block, starts, words, head, number, classes):
        """The phrase after the head (at head + 1, a preposition) up to its verb, and the verb's agreement."""
        # The phrase: a preposition, then determiners, modifiers and nouns; it ends at the verb.
        k = head + 2
        last_noun = None
        while k < len(words) and k - head <= 7:
            w = words[k]
            lower = w.lower()
            if lower in _VERBS or self.lexical and self._lexical_at(words, k, classes):
                break
            if not w.isalpha() or lower in self.openers or lower in _MODALS or lower in _CLAUSE_WORDS \
                    or lower in self.prepositions and k == head + 2:
                return None  # "the director of operations will have", "the X of Y and the Z of W are"
            if lower in self.prepositions and last_noun == k - 1:
                k += 1  # a second phrase after the first one's noun: "the effects of the drug on patients"
                continue
            tags = classes.of(lower)
            if lower not in _SINGULAR_DET | _PLURAL_DET and not tags & {"NN", "NNS", "JJ"} and not w[:1].isupper():
                return None
            if tags & {"VBZ", "VBD"} and k + 1 < len(words) and words[k + 1].lower() not in _VERBS and not (
                    self.lexical and self._lexical_at(words, k + 1, classes)) and not _noun_slot(words[k - 1], classes):
                return None  # "the law in France means workers are": a verb inside is the clause's own verb
            last_noun = k
            k += 1
        if k >= len(words) or last_noun is None or not words[k].islower():
            return None
        agreement = _VERBS.get(words[k]) or (
            _lexical_verb(words[k], classes) if self.lexical and self._lexical_at(words, k, classes) else None)
        if agreement is None:
            return None
        verb_number, other = agreement
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


_VERB_TAGS = frozenset({"VB", "VBZ", "VBD", "VBN", "VBG"})


def _noun_slot(before: str, classes) -> bool:
    """Whether the word after `before` can only be a noun: after a determiner or a word that is only an adjective
    ("the new rules on", not "France means")."""
    lower = before.lower()
    return lower in _DETERMINERS or before.islower() and classes.of(lower) == {"JJ"}
_NOT_FINITE_AFTER = frozenset({"VBD", "VBN", "NN", "NNS", "JJ"})


def _lexical_verb(word: str, classes) -> tuple[str, str] | None:
    """(number, the other number's form) of a present-tense verb the table lists only as a verb: a third-person
    form ("contains", "says") is singular, a base form ("contain", "seem") plural. A word that can be a noun or an
    adjective ("shows", "needs", "rise"), or whose base is also a past ("put"), may belong to the phrase before it."""
    tags = classes.of(word)
    if not tags or tags & _NOT_FINITE_AFTER:
        return None
    if tags == {"VBZ"}:
        lemma = classes.lemma_of(word)
        return ("singular", lemma) if lemma else None
    if tags == {"VB"}:
        third = _third_person(classes).get(word)
        return ("plural", third) if third else None
    return None


@lru_cache(maxsize=1)
def _third_person(classes) -> dict[str, str]:
    """Base verb -> its third-person singular ("contain" -> "contains")."""
    return {lemma: form for form, lemma in classes.lemma.items() if classes.tags[form] == {"VBZ"}}


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
