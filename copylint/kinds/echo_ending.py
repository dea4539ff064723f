"""echo-ending (document level): consecutive sentences ending on the same phrase."""
from __future__ import annotations

from itertools import compress
from operator import eq
from typing import Iterable

from ..document import Document, Sentence
from ..model import Applicability, Edit, Finding
from ._echo import _prose_chunks, _WORD, _words
from .base import PROSE_SCOPES, Kind


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


_MEMO = 65_536  # distinct sentences whose last word is kept (a file of short lines repeats a few)


_TRAILING = ".!?…:;,\"'”’“‘)]}»* \t\n-–—"


def _last_word(text: str) -> str | None:
    """The last of _words(text), lower-cased. Usually the letters and digits after the last space once the
    closing punctuation is stripped; otherwise tokenized from the last space (no word spans one)."""
    stripped = text.rstrip(_TRAILING)
    last = stripped[stripped.rfind(" ") + 1:]
    if last.isalnum():
        return last.lower()
    words = _WORD.findall(text, text.rfind(" ") + 1) or _WORD.findall(text)
    return words[-1].lower().replace("’", "'") if words else None


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
        # Only neighbours that end on the same word can share an ending: compare last words first, each distinct
        # sentence's once, and the neighbours' in bulk.
        last_words: dict[str, str | None] = {}
        previous_last = previous = None  # the last word and (block, start, end, text) of the sentence before
        for blocks, starts, ends, texts in _prose_chunks(doc, scopes):
            if len(last_words) > _MEMO:
                last_words.clear()
            new = set(texts).difference(last_words)
            last_words.update(zip(new, map(_last_word, new)))
            lasts = list(map(last_words.__getitem__, texts))
            for i in compress(range(len(lasts)), map(eq, lasts, [previous_last, *lasts[:-1]])):
                before = previous if i == 0 else (blocks[i - 1], starts[i - 1], ends[i - 1], texts[i - 1])
                if lasts[i] is None or blocks[i] - before[0] > 1:
                    continue
                earlier, sentence = Sentence(*before[:3]), Sentence(blocks[i], starts[i], ends[i])
                if not _list_items(doc, earlier, sentence):
                    finding = self._echo(doc, (earlier, before[3]), (sentence, texts[i]))
                    if finding is not None:
                        yield finding
            previous_last, previous = lasts[-1], (blocks[-1], starts[-1], ends[-1], texts[-1])

    def _echo(self, doc: Document, before: tuple[Sentence, str], after: tuple[Sentence, str]) -> Finding | None:
        (previous_sentence, previous_text), (sentence, text) = before, after
        if any(q in text or q in previous_text for q in _QUOTES):
            return None  # _is_echo: quoted speech is never an echo
        words = _words(text)
        if len(words) <= 2:
            return None
        previous = _words(previous_text)
        shared = 0
        while shared < min(len(words), len(previous)) - 1 and words[-1 - shared][2] == previous[-1 - shared][2]:
            shared += 1
        tail = words[len(words) - shared:]
        if shared >= self.min_words and self._is_echo(doc, sentence, previous_text, tail):
            first = previous_sentence.start + previous[len(previous) - shared][0]
            return self._finding(doc, sentence, tail, doc.blocks[previous_sentence.block].to_source(first))
        return None

    def _is_echo(self, doc: Document, sentence: Sentence, previous_text: str, tail: list[tuple[int, int, str]]) -> bool:
        """An appended clause repeated, not a noun phrase that two sentences happen to share or a speaker's refrain."""
        text = doc.sentence_text(sentence)
        if any(q in text or q in previous_text for q in _QUOTES):
            return False
        phrase = text[tail[0][0]:tail[-1][1]]
        if any(c.isupper() or c.isdigit() for c in phrase) or any(w in _REPORTING for _, _, w in tail):
            return False
        # Content words are real words: the letters of "e.g" or "i.e" ending two list items are no echo.
        if sum(1 for _, _, w in tail if w not in self.ignore and len(w) > 1) < self.min_content:
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


def _list_items(doc: Document, before: Sentence, after: Sentence) -> bool:
    """Two sentences in two different list items: items that end alike are a list's pattern, not an echo."""
    return before.block != after.block and doc.blocks[before.block].scope == doc.blocks[after.block].scope == "list"
