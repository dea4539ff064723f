"""Echo kinds (document level): consecutive sentences ending on the same phrase; a sentence repeated verbatim."""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..document import Document, Sentence
from ..model import Applicability, Edit, Finding
from .base import Kind

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being it its this that these
    those he she they we you i his her their our my your him them us me not no so than then there here which who
    whom what when where while if about into over after before up down out off again also just only very more most
    said says say told added according""".split()
)
_REPORTING = frozenset(
    """said says say told added found reported according explained noted insisted warned argued claimed stated
    announced confirmed revealed believes believe think thinks suggests suggested""".split()
)
_GERUND_LEAD = frozenset("before after while when without by despite since until upon instead".split())
_QUOTES = "\"“”«»"
PROSE_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(text)]


def _prose_sentences(doc: Document, scopes: frozenset[str]) -> Iterator[Sentence]:
    for s in doc.sentences:
        if doc.blocks[s.block].scope in scopes:
            yield s


class EchoEnding(Kind):
    """Keys: min_words (shared ending length, default 2), min_content (content words in it, default 1),
    ignore (ending words that never count as content, e.g. time words common in news)."""

    NAME = "echo-ending"
    KEYS = {"min_words": int, "min_content": int, "ignore": list}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.min_words = p.get("min_words", 2)
        self.min_content = p.get("min_content", 1)
        self.ignore = _STOP | {w.lower() for w in p.get("ignore", [])}

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        previous: list[tuple[int, int, str]] | None = None
        previous_block, previous_text = -1, ""
        previous_sentence: Sentence | None = None
        for sentence in _prose_sentences(doc, scopes):
            words = _words(doc.sentence_text(sentence))
            if previous is not None and sentence.block - previous_block <= 1 and len(words) > 2:
                shared = 0
                while (shared < min(len(words), len(previous)) - 1
                       and words[-1 - shared][2] == previous[-1 - shared][2]):
                    shared += 1
                tail = words[len(words) - shared:]
                if shared >= self.min_words and self._is_echo(doc, sentence, previous_text, tail):
                    first = previous_sentence.start + previous[len(previous) - shared][0]
                    yield self._finding(doc, sentence, tail, doc.blocks[previous_sentence.block].to_source(first))
            previous, previous_block, previous_text = words, sentence.block, doc.sentence_text(sentence)
            previous_sentence = sentence

    def _is_echo(self, doc: Document, sentence: Sentence, previous_text: str, tail: list[tuple[int, int, str]]) -> bool:
        """An appended clause repeated, not a noun phrase that two sentences happen to share or a speaker's refrain."""
        text = doc.sentence_text(sentence)
        if any(q in text or q in previous_text for q in _QUOTES):
            return False
        phrase = text[tail[0][0]:tail[-1][1]]
        if any(c.isupper() or c.isdigit() for c in phrase) or any(w in _REPORTING for _, _, w in tail):
            return False
        if sum(1 for _, _, w in tail if w not in self.ignore) < self.min_content:
            return False
        gerund = tail[0][2] in _GERUND_LEAD and tail[1][2].endswith("ing")
        appended = text[:tail[0][0]].rstrip().endswith((",", "—", "–"))
        return gerund or appended

    def _finding(self, doc: Document, sentence: Sentence, tail: list[tuple[int, int, str]], first: int) -> Finding:
        """The span runs from the first ending to its echo; the fix drops the echo."""
        block = doc.blocks[sentence.block]
        start, end = sentence.start + tail[0][0], sentence.start + tail[-1][1]
        # The fix drops the echoed ending with the comma or space that introduces it.
        cut = start
        while cut > sentence.start and block.text[cut - 1] in " ,;—–-":
            cut -= 1
        src_cut, _ = block.source_span(cut, start)
        _, src_end = block.source_span(start, end)
        phrase = block.text[start:end]
        return self.source_finding(doc, first, src_end, "", suggestions=(f"(drop the repeated '{phrase}')",),
                                   edits=(Edit(src_cut, src_end, ""),), applicability=Applicability.UNSAFE,
                                   phrase=phrase)


def _normal(text: str) -> str:
    return " ".join(w for _, _, w in _words(text))


class RepeatedSentence(Kind):
    """Keys: min_words (shortest sentence compared, default 6). A sentence that repeats an earlier one verbatim
    (ignoring case and punctuation) is flagged; the fix deletes the repeat."""

    NAME = "repeated-sentence"
    KEYS = {"min_words": int}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        min_words = self.rule.params.get("min_words", 6)
        seen: set[str] = set()
        for sentence in _prose_sentences(doc, scopes):
            sentence_text = doc.sentence_text(sentence)
            key = _normal(sentence_text)
            # "I think they treat waiters best in ..." introducing a list item is a refrain, not a paste error.
            if key.count(" ") + 1 < min_words or sentence_text.rstrip().endswith(("...", "…", ":")):
                continue
            if key in seen:
                block = doc.blocks[sentence.block]
                yield self.finding(doc, block, sentence.start, sentence.end, "", applicability=Applicability.UNSAFE)
            seen.add(key)
