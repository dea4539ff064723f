"""Document model: the original source plus prose blocks with exact offset maps, sentences and lines."""
from __future__ import annotations

from array import array
from collections.abc import Sequence as SequenceABC
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import add
from typing import Any, Callable, Hashable, Iterable, Iterator, Mapping, Sequence

import re

import regex

# What prose extraction writes where inline code stood (`a`, <code>a</code>): deleting the code would join the words
# around it ("from `a` to `b`" -> "from to"); U+FFFC OBJECT REPLACEMENT CHARACTER is no word, no sentence end and no
# punctuation to any checker, so "from \ufffc to \ufffc" reads as it should. It maps onto the whole code span.
CODE_TOKEN = "\ufffc"

# The stdlib engine tokenizes about a third faster than the regex module; this is the hottest shared pass.
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

_WORD_CHUNK = 1 << 20  # characters of prose tokenized at a time for the word count and set

# Abbreviations that end with a period but do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp dept est approx
    fig al u.s u.k u.n e.g i.e a.m p.m""".split()
)
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


@dataclass(frozen=True, slots=True)
class ProseBlock:
    """A run of prose. Character i of text sits at source offset offsets[i] (or start + i when offsets is None)."""

    text: str
    scope: str
    start: int
    offsets: Sequence[int] | None = None

    def to_source(self, i: int) -> int:
        if self.offsets is None:
            return self.start + i
        if i >= len(self.text):
            return self.offsets[-1] + 1 if self.offsets else self.start
        return self.offsets[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of text[start:end]; end maps past the last character so inline markup is not swallowed."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def lines(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each line of text, without the newline."""
        pos = 0
        text = self.text
        while True:
            nl = text.find("\n", pos)
            if nl == -1:
                yield pos, len(text)
                return
            yield pos, nl
            pos = nl + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    block: int
    start: int
    end: int


class Sentences(SequenceABC):
    """The sentences of a document, kept as three offset columns: each Sentence is made when read (a file of
    short lines holds millions, and an object per sentence would hold ~120 bytes each)."""

    __slots__ = ("_block", "_start", "_end")

    def __init__(self) -> None:
        self._block, self._start, self._end = array("l"), array("l"), array("l")

    def extend(self, block: int, spans: Iterable[tuple[int, int]]) -> None:
        flat = array("l", chain.from_iterable(spans))  # start, end, start, end, ...
        self._start.extend(flat[0::2])
        self._end.extend(flat[1::2])
        self._block.extend(repeat(block, len(flat) // 2))

    def extend_columns(self, block: int, starts: array, ends: array) -> None:
        self._start.extend(starts)
        self._end.extend(ends)
        self._block.extend(repeat(block, len(starts)))

    def __len__(self) -> int:
        return len(self._start)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        return Sentence(self._block[index], self._start[index], self._end[index])

    def __iter__(self) -> Iterator[Sentence]:
        return map(Sentence, self._block, self._start, self._end)

    @property
    def blocks(self) -> array:
        return self._block

    @property
    def starts(self) -> array:
        return self._start

    @property
    def ends(self) -> array:
        return self._end

    def spans(self) -> Iterator[tuple[int, int, int]]:
        """(block, start, end) of each sentence, no Sentence made (a hot loop over millions)."""
        return zip(self._block, self._start, self._end)


class Document:
    """A parsed input: path, format, original source and its prose blocks."""

    # Elements that the markup names as page furniture (formats.markup.Furniture), kept out of the prose.
    furniture: tuple = ()

    def __init__(self, path: str, source: str, fmt: str, blocks: Sequence[ProseBlock],
                 context: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.source = source
        self.format = fmt
        self.blocks = tuple(blocks)
        # Document-wide facts the linter supplies from config (e.g. "names", "vocabulary"); kinds only read it.
        self.context: Mapping[str, Any] = context or {}

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """compute(), once per document and key: lets several kinds share one pass (e.g. place mentions)."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Leave a value for one later take() (a shared pass handing each kind its part)."""
        self.__dict__.setdefault("_memo", {})[key] = value

    def take(self, key: Hashable) -> Any:
        """The value put() under key, removed (None when there is none)."""
        return self.__dict__.get("_memo", {}).pop(key, None)

    @cached_property
    def sentences(self) -> Sentences:
        out = Sentences()
        for index, block in enumerate(self.blocks):
            if len(block.text) <= _CACHED_BLOCK:
                out.extend(index, _split_sentences(block.text))
            else:
                out.extend_columns(index, *_span_columns(block.text))
        return out

    def sentence_text(self, sentence: Sentence) -> str:
        return self.blocks[sentence.block].text[sentence.start : sentence.end]

    @cached_property
    def folded(self) -> str:
        """The prose lower-cased with straight apostrophes and hyphens, the same length (offsets hold)."""
        from .phrases import fold

        return fold(self.prose)

    @cached_property
    def _word_stats(self) -> tuple[int, frozenset[str]]:
        # One tokenizing pass over the folded prose serves both the word count and the word set; the list of every
        # word is not kept (a file of short lines holds millions).
        folded, count, whole = self.folded, 0, set()
        pos = 0
        while pos < len(folded):  # a chunk at a time, cut at a line break (no word spans one)
            cut = folded.find("\n", pos + _WORD_CHUNK)
            cut = len(folded) if cut == -1 else cut
            chunk = WORD_RE.findall(folded, pos, cut)
            count += len(chunk)
            whole.update(chunk)
            pos = cut
        # Parts of hyphenated and possessive words count too: "minister's" also gives "minister".
        joined = " ".join(w for w in whole if "-" in w or "'" in w)
        whole.update(joined.replace("-", " ").replace("'", " ").split())
        return count, frozenset(whole)

    @cached_property
    def word_count(self) -> int:
        return self._word_stats[0]

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct words of the prose (and their hyphen/apostrophe parts), lower-cased with straight
        apostrophes: a rule whose trigger words are all absent can skip the document without scanning it."""
        return self._word_stats[1]

    def has_any(self, words: "frozenset[str] | set[str]") -> bool:
        return not self.words.isdisjoint(words)

    @cached_property
    def prose(self) -> str:
        """All block texts joined by blank lines, for document-wide statistics."""
        return "\n\n".join(b.text for b in self.blocks)

    @cached_property
    def block_starts(self) -> tuple[int, ...]:
        """The offset of each block's text in doc.prose."""
        starts, pos = [], 0
        for block in self.blocks:
            starts.append(pos)
            pos += len(block.text) + 2  # the blank line prose puts between blocks
        return tuple(starts)


def distinct_lines(text: str, chunk: int = 1 << 20) -> set[str]:
    """The set of text's lines (split at "\\n"), split a piece of about `chunk` characters at a time: a file of
    millions of short lines never holds a string object per line at once."""
    out: set[str] = set()
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", min(start + chunk, n))
        if end == -1:
            out.update(text[start:].split("\n"))
            return out
        out.update(text[start:end].split("\n"))
        start = end + 1
    out.add(text[start:])  # the empty line after a final newline (or of an empty text)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Single capital initials ("J. Smith") are not sentence ends.
    return len(word) == 1 and text[dot - 1].isupper()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split prose into sentence spans; line breaks end a sentence unless the line clearly wraps."""
    return list(_sentence_spans(text))


# Blocks longer than this are split afresh when asked rather than kept in the cache (with their spans they would
# stay in memory after their document: a block of a million lines holds a million span tuples).
_CACHED_BLOCK = 100_000


def _sentence_spans(text: str) -> Iterable[tuple[int, int]]:
    return _split_sentences(text) if len(text) <= _CACHED_BLOCK else _iter_spans(text)


def _split_uncached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_iter_spans(text))


def _iter_spans(text: str) -> Iterator[tuple[int, int]]:
    return zip(*_span_columns(text))


def _span_columns(text: str) -> tuple[array, array]:
    """The starts and ends of the sentences of text. A line with no sentence-end mark and under _WRAP characters is
    one sentence (its trimmed span): a run of such lines is read in bulk. From a line holding a mark or long enough
    to wrap, the text is read logical line by logical line (a line holding a mark split by _split_logical) until
    _RUN plain lines in a row; then in bulk again."""
    starts, ends = array("l"), array("l")
    pos, size = 0, len(text)
    if "\n" not in text:  # one line (a paragraph of an article): one logical line
        _split_logical(text, 0, size, starts, ends)
        return starts, ends
    mark = long = -1  # the next mark and the next long line from pos (size + 1: none); each text is searched once
    while pos <= size:
        if mark < pos:
            found = _MARK.search(text, pos)
            mark = size + 1 if found is None else found.start()
        if long < pos:  # only up to the next mark: a long line after it is found once the mark's line is done
            found = _LONG_LINE.search(text, pos, mark)
            long = mark if found is None else found.start()
        if long > size:
            _plain_lines(text, pos, size, starts, ends)
            break
        stop = text.rfind("\n", pos, long) + 1 or pos  # the start of the first line that needs the full split
        _plain_lines(text, pos, stop, starts, ends)
        pos, plain = stop, 0
        while pos <= size and plain < _RUN:
            line_end = text.find("\n", pos)
            if line_end == -1:
                line_end = size
            elif line_end - pos >= _WRAP:
                line_end = _logical_end(text, pos)
            if mark < pos:
                found = _MARK.search(text, pos)
                mark = size + 1 if found is None else found.start()
            if mark < line_end:
                _split_logical(text, pos, line_end, starts, ends)
                plain = 0
            else:  # no sentence end: the logical line is one sentence
                span = _trimmed(text, pos, line_end)
                if span is not None:
                    starts.append(span[0])
                    ends.append(span[1])
                plain = plain + 1 if line_end - pos < _WRAP else 0
            pos = line_end + 1
    return starts, ends


_RUN = 16  # plain lines in a row after which the rest is read in bulk again
_WRAP = 50  # characters: a shorter line never wraps
_MARK = re.compile(r"[.!?…]")  # what starts every sentence end
_LONG_LINE = re.compile(rf"[^\n]{{{_WRAP}}}")
# The trimmed text of one line (re's \s is exactly str.isspace, which _trimmed strips); whitespace but a space or
# a line break (any of it may stand at a line's edge).
_LINE_BODY = re.compile(r"\S(?:[^\n]*\S)?")
_ODD_SPACE = re.compile(r"[^\S\n ]")
_LINES_CHUNK = 1 << 18  # characters of lines split at a time (a list of a million short strings is ~60 MB)


def _plain_lines(text: str, pos: int, stop: int, starts: array, ends: array) -> None:
    """Append the trimmed span of each non-blank line of text[pos:stop] (whole lines, none holding a mark or long)."""
    while pos < stop:
        cut = text.find("\n", pos + _LINES_CHUNK, stop) + 1 or stop
        chunk = text[pos:cut]
        if " \n" in chunk or "\n " in chunk or chunk.startswith(" ") or chunk.endswith(" ") \
                or _ODD_SPACE.search(chunk) is not None:
            for m in _LINE_BODY.finditer(text, pos, cut):
                starts.append(m.start())
                ends.append(m.end())
        else:  # no line needs trimming: each spans from where it starts to where it ends (blank lines dropped)
            lengths = list(map(len, chunk.split("\n")))
            if not lengths[-1]:
                lengths.pop()  # after the chunk's last line break
            line_starts = list(accumulate(map((1).__add__, lengths), initial=pos))
            line_starts.pop()
            if 0 in lengths:
                starts.extend(compress(line_starts, lengths))
                ends.extend(compress(map(add, line_starts, lengths), lengths))
            else:
                starts.fromlist(line_starts)
                ends.fromlist(list(map(add, line_starts, lengths)))
        pos = cut


def _split_logical(text: str, line_start: int, line_end: int, starts: array, ends: array) -> None:
    """Append the sentences of one logical line: split at each sentence end that is no abbreviation and not followed
    by a lower-case word. A sentence end never holds a line break, so a scan of the line alone finds what a scan of
    the whole text does there (at the line's end `$` matches where the lookahead saw the break)."""
    start = line_start
    for found in _SENTENCE_END.finditer(text, line_start, line_end):
        end = found.end()
        if found.group().startswith(".") and len(found.group().rstrip("\"'”’)]")) == 1 \
                and _is_abbreviation(text, found.start()):
            continue
        nxt = end
        while nxt < line_end and text[nxt].isspace():
            nxt += 1
        if nxt < line_end and text[nxt].islower():
            continue
        span = _trimmed(text, start, end)
        if span is not None:
            starts.append(span[0])
            ends.append(span[1])
        start = nxt
    span = _trimmed(text, start, line_end)
    if span is not None:
        starts.append(span[0])
        ends.append(span[1])


_split_sentences = lru_cache(maxsize=256)(_split_uncached)  # several kinds split the same block texts


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _logical_end(text: str, start: int) -> int:
    """The end of the logical line from start: hard-wrapped lines (a long line without end punctuation followed by a
    lowercase start) are joined."""
    pos = start
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            return len(text)
        if nl - pos < _WRAP:  # a shorter line never wraps (its stripped length is less)
            return nl
        line = text[pos:nl].rstrip()
        if not (len(line) >= _WRAP and line[-1:] not in ".!?:”\"" and text[nl + 1 : nl + 2].islower()):
            return nl
        pos = nl + 1
