"""near-duplicate: a sentence that says an earlier one again with a few words changed (a spinner's synonyms, a name
swapped, markup in between), found by the content words the two share in the same order."""
from __future__ import annotations

import re
from typing import Iterable

from ..document import Document, Sentence
from ..model import Applicability, Finding
from .base import Kind

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # numbers aside: parallel figures are not a repeat
_STOP = frozenset(
    """a an the and or but nor of in on at to for from by with as is are was were be been being it its this that these
    those he she they we you i his her their our my your him them us me not no so than then there here which who whom
    whose what when where while if about into over after before up down out off also just only very more most has have
    had do does did will would can could shall should may might must said says say told""".split()
)
_COMPARED_SCOPES = frozenset({"paragraph", "quote", "caption"})  # not list items: parallel by design
_ITEM_MARKS = frozenset("-–—•*·")


_COMMON_IN_DOCUMENT = 64


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOP]


def _common_in_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two short word lists."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


class NearDuplicate(Kind):
    """Keys: min_words (content words a sentence needs to be compared, default 8), overlap (share of the shorter
    sentence's content words the two have in common, in order, default 0.7). Exact repeats are CL607's."""

    NAME = "near-duplicate"
    KEYS = {"min_words": int, "overlap": float}
    DEFAULT_SCOPES = _COMPARED_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = self.rule.params.get("min_words", 8)
        overlap = self.rule.params.get("overlap", 0.7)
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        seen: list[tuple[list[str], frozenset[str]]] = []
        first_block = next((i for i, b in enumerate(doc.blocks) if b.scope in scopes), -1)
        from_first: set[int] = set()  # sentences of the opening paragraph
        by_word: dict[str, list[int]] = {}
        shortest = 6 * min_words
        for number, start, end in doc.sentences.spans():
            if end - start < shortest:
                continue  # short lines (judged before a sentence is made: a file of short lines holds millions)
            block = doc.blocks[number]
            if block.scope not in scopes:
                continue
            sentence = Sentence(number, start, end)
            text = block.text[start:end]
            if text.rstrip().endswith(("?", ":")) or text[:1] in _ITEM_MARKS:
                continue  # questions (an FAQ asks alike) and list items (parallel by design)
            words = content_words(text)
            if len(words) < min_words:
                continue
            bag = frozenset(words)
            shared: dict[int, int] = {}
            for w in bag:
                postings = by_word.get(w, ())
                if len(postings) > _COMMON_IN_DOCUMENT:
                    continue  # a word in that many sentences says little (and would make long texts quadratic)
                for index in postings:
                    shared[index] = shared.get(index, 0) + 1
            earlier = None
            for index, count in sorted(shared.items()):  # the earliest match, whatever the hash seed
                if index in from_first and sentence.block != first_block:
                    continue  # a news standfirst is summed up again in the body by design
                other, other_bag = seen[index]
                if count < overlap * min(len(bag), len(other_bag)) or bag == other_bag and words == other:
                    continue
                if _common_in_order(words, other) >= overlap * min(len(words), len(other)):
                    earlier = index
                    break
            if earlier is not None:
                yield self.finding(doc, block, sentence.start, sentence.end, "",
                                   applicability=Applicability.UNSAFE, earlier=" ".join(seen[earlier][0][:6]))
            for w in bag:
                by_word.setdefault(w, []).append(len(seen))
            if sentence.block == first_block:
                from_first.add(len(seen))
            seen.append((words, bag))
