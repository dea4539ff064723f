"""Echo kinds (document level): consecutive sentences ending on the same phrase; a sentence repeated verbatim."""
from __future__ import annotations

import collections
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


def _prose_spans(doc: Document, scopes: frozenset[str]) -> Iterator[tuple[int, int, int, str]]:
    """(block, start, end, text) of the sentences of the checked blocks, made as they are read (not kept: a file
    of short lines holds millions)."""
    texts = [b.text if b.scope in scopes else None for b in doc.blocks]
    for block, start, end in doc.sentences.spans():
        text = texts[block]
        if text is not None:
            yield block, start, end, text[start:end]


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


# Every byte but a-z and 0-9: what is left of a lower-cased sentence is fixed by its _normal key, so two
# sentences with the same key have the same residue (and most sentences' residues are unique).
_NOT_ALNUM = bytes(b for b in range(256) if not (48 <= b <= 57 or 97 <= b <= 122))


def _residue(text: str) -> bytes:
    return text.lower().encode("utf-8", "ignore").translate(None, _NOT_ALNUM)


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
        # Only neighbours that end on the same word can share an ending: compare last words first.
        previous_last = previous = None
        for block, start, end, text in _prose_spans(doc, scopes):
            last = _last_word(text)
            if last is not None and last == previous_last and block - previous[0] <= 1:
                before, sentence = Sentence(*previous[:3]), Sentence(block, start, end)
                if not _list_items(doc, before, sentence):
                    finding = self._echo(doc, (before, previous[3]), (sentence, text))
                    if finding is not None:
                        yield finding
            previous_last, previous = last, (block, start, end, text)

    def _echo(self, doc: Document, before: tuple[Sentence, str], after: tuple[Sentence, str]) -> Finding | None:
        (previous_sentence, previous_text), (sentence, text) = before, after
        if any(q in text or q in previous_text for q in _QUOTES):
            return None  # _is_echo: quoted speech is never an echo
        previous, words = _words(previous_text), _words(text)
        if len(words) <= 2:
            return None
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


def _normal(text: str) -> str:
    return " ".join(w for _, _, w in _words(text))


class RepeatedSentence(Kind):
    """Keys: min_words (shortest sentence compared, default 6). A sentence that repeats one of the same or the
    previous paragraph verbatim (ignoring case and punctuation) is flagged; the fix deletes the repeat. Copies
    further apart are a page's pattern (a Q&A page asking each guest the same question), and so are list items."""

    NAME = "repeated-sentence"
    KEYS = {"min_words": int}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        residues = [_residue(span[3]) for span in _prose_spans(doc, scopes)]
        if len(set(residues)) == len(residues):
            return  # no two sentences can have the same key
        counts = collections.Counter(residues)
        min_words = self.rule.params.get("min_words", 6)
        last_block: dict[str, int] = {}
        keys: dict[str, str] = {}  # _normal per distinct repeated text (a file of short lines repeats a few)
        for (index, start, end, sentence_text), residue in zip(_prose_spans(doc, scopes), residues):
            if counts[residue] < 2 or doc.blocks[index].scope == "list":
                continue
            key = keys.get(sentence_text)
            if key is None:
                key = keys[sentence_text] = _normal(sentence_text)
            # "I think they treat waiters best in ..." introducing a list item is a refrain, not a paste error.
            if key.count(" ") + 1 < min_words or sentence_text.rstrip().endswith(("...", "…", ":")):
                continue
            if key in last_block and index - last_block[key] <= 1:
                yield self.finding(doc, doc.blocks[index], start, end, "", applicability=Applicability.UNSAFE)
            last_block[key] = index
