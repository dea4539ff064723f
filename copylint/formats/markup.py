"""Shared helpers for markup formats: a Document that knows each block's source element, newline normalisation."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Mapping, Sequence


import regex

from ..document import Document, ProseBlock
from ..model import Edit, Fix
from .escape import escape_for


@dataclass(frozen=True, slots=True)
class MarkupBlock(ProseBlock):
    """A ProseBlock whose characters may stand for longer source: an entity (&amp;) or a <br> tag. ends maps such a
    character's index to the source end of what it stands for; the character's offset is that source's start."""

    ends: Mapping[int, int] = field(default_factory=dict, hash=False, compare=False)

    def source_end(self, i: int) -> int:
        """Source offset just past character i."""
        end = self.ends.get(i)
        return end if end is not None else self.to_source(i) + 1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.source_end(end - 1)


@dataclass(frozen=True, slots=True)
class Furniture:
    """An element of the page inside the story that its markup names as furniture (a byline, caption, share bar):
    its text runs from start to end, the whole element from element_start to element_end (source offsets; -1
    when the furniture is a run of elements, such as a list of links, with no one element to delete)."""

    role: str
    start: int
    end: int
    element_start: int
    element_end: int


class MarkupDocument(Document):
    """A Document whose blocks also carry the source span of their whole element ((-1, -1) when not removable),
    and the furniture elements left out of its prose."""

    def __init__(
        self, path: str, source: str, fmt: str, blocks: Sequence[ProseBlock], spans: Sequence[tuple[int, int]],
        furniture: Sequence[Furniture] = (),
    ) -> None:
        super().__init__(path, source, fmt, blocks)
        self.block_spans = tuple(spans)
        self.furniture = tuple(furniture)


_TEX = regex.compile(r"\\[A-Za-z]+|[_^]\{|^\s*\{(?!\{).*(?<!\})\}\s*$", regex.S)


def is_formula(alt: str) -> bool:
    """Alt text of a formula image ('{x}', '{\\displaystyle x^{2}}', 'a^2 + b^2 = c^2') is not prose: TeX markup,
    a braced whole, or fewer letters than other marks."""
    if _TEX.search(alt):
        return True
    marks = [c for c in alt if not c.isspace()]
    letters = sum(c.isalpha() for c in marks)
    return len(marks) >= 3 and letters * 2 < len(marks)


def normalize_newlines(source: str) -> tuple[str, list[int] | None]:
    """Source with CRLF/CR as LF and NUL as U+FFFD (what markdown-it sees), plus a map back (None when unchanged)."""
    if "\r" not in source and "\0" not in source:
        return source, None
    out: list[str] = []
    back: list[int] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\r":
            out.append("\n")
            if i + 1 < n and source[i + 1] == "\n":  # CRLF: the line break is the '\n'
                i += 1
            back.append(i)
        else:
            out.append("\ufffd" if ch == "\0" else ch)
            back.append(i)
        i += 1
    back.append(n)
    return "".join(out), back


def fit_fix(doc: Document, fix: Fix | None) -> Fix | None:
    """The fix with every edit fitted to the markup (see fit_edit); None when any edit cannot be applied safely."""
    if fix is None or not isinstance(doc, MarkupDocument):
        return fix
    edits: list[Edit] = []
    for edit in fix.edits:
        fitted = fit_edit(doc, edit)
        if fitted is None:
            return None
        edits.extend(fitted)
    return Fix(tuple(edits), fix.applicability)


def fit_edit(doc: Document, edit: Edit) -> tuple[Edit, ...] | None:
    """Edits that make edit's change in a markup source without breaking the markup.

    An edit over prose gets its content escaped for the format and is narrowed to the characters that change, so
    markup around or inside the span (a link, **bold**, an entity) survives; deleting a whole block deletes its
    element (Markdown lines, an HTML element). None when the change would cut through markup. Edits outside every
    prose block (raw-source rules) are returned unchanged."""
    if not isinstance(doc, MarkupDocument):
        return (edit,)
    located = _locate(doc, edit)
    if located is None:
        return (edit,)
    index, first, last = located
    block = doc.blocks[index]
    source = doc.source
    ends = _Ends(source, block)
    if (
        not edit.content
        and first == 0
        and last == len(block.text) - 1
        and doc.block_spans[index][0] >= 0
    ):
        span_start, span_end = doc.block_spans[index]
        return (Edit(min(edit.start, span_start), max(edit.end, span_end), ""),)
    old = block.text[first : last + 1]
    new = edit.content
    if ends.pure(first, last):
        if not new:
            return (_line_deletion(block, ends, edit, first, last),)
        return (Edit(edit.start, edit.end, escape_for(doc.format, new)),)
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    lo, hi = first + prefix, last - suffix  # the changed prose characters, inclusive
    middle = escape_for(doc.format, new[prefix : len(new) - suffix])
    if lo > hi:  # a pure insertion: after the previous prose character, inside its markup
        at = ends.end(lo - 1) if lo > first else block.offsets[lo]
        return (Edit(at, at, middle),)
    if ends.pure(lo, hi):
        return (Edit(block.offsets[lo], ends.end(hi), middle),)
    if not middle and doc.format == "html":  # deleting across tags: delete each run of text, keep the tags
        return tuple(Edit(block.offsets[a], ends.end(b), "") for a, b in ends.runs(lo, hi))
    return None


def _line_deletion(block: ProseBlock, ends: "_Ends", edit: Edit, first: int, last: int) -> Edit:
    """A deletion of whole lines also takes one line break (a <br>, or a newline and the next line's '> ' prefix),
    so no empty line or doubled prefix is left; any other deletion is kept as it is."""
    text = block.text
    offsets = block.offsets
    source = ends.source
    if first > 0 and text[first - 1] != "\n":
        return edit
    nl = last if text[last] == "\n" else last + 1
    if nl < len(text) and text[nl] == "\n":
        if nl + 1 >= len(text):
            return edit
        before = source[ends.end(nl - 1) : offsets[nl]] if nl > first else ""
        after = source[ends.end(nl) : offsets[nl + 1]]
        if not before.strip() and not after.strip(" \t\r\n>"):
            return Edit(edit.start, max(edit.end, offsets[nl + 1]), "")
        return edit
    if first > 0:  # the last line of its block: take the break before it
        between = source[ends.end(first - 1) : offsets[first]]
        if not between.strip(" \t\r\n>"):
            return Edit(min(edit.start, offsets[first - 1]), edit.end, "")
    return edit


def _locate(doc: MarkupDocument, edit: Edit) -> tuple[int, int, int] | None:
    """(block index, first, last prose index) when edit spans whole prose characters of one block, give or take
    white space around them (a line removal takes the line break before or after its line)."""
    source = doc.source
    for index, block in enumerate(doc.blocks):
        offsets = block.offsets
        if offsets is None or not offsets or edit.start > offsets[-1]:
            continue
        first = bisect.bisect_left(offsets, edit.start)
        if offsets[first] != edit.start and (edit.end == edit.start or source[edit.start : offsets[first]].strip()):
            continue
        if edit.end == edit.start:
            return index, first, first - 1
        last = bisect.bisect_left(offsets, edit.end) - 1
        if last < first:
            continue
        end = _Ends(source, block).end(last)
        if end != edit.end and (end > edit.end or (source[end : edit.end].strip() and last + 1 < len(offsets))):
            continue
        return index, first, last
    return None


class _Ends:
    """Source end of each prose character: one past it, or past the whole entity or tag it stands for."""

    def __init__(self, source: str, block: ProseBlock) -> None:
        self.source = source
        self.block = block
        self.ends: Mapping[int, int] = getattr(block, "ends", {})

    def end(self, k: int) -> int:
        end = self.ends.get(k)
        return end if end is not None else self.block.offsets[k] + 1

    def pure(self, a: int, b: int) -> bool:
        """True when prose characters a..b are one unbroken stretch of source (no markup between them)."""
        offsets = self.block.offsets
        for k in range(a, b):
            if offsets[k + 1] != offsets[k] and offsets[k + 1] != self.end(k):
                return False
        return True

    def runs(self, a: int, b: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        start = a
        for k in range(a, b):
            if not self.pure(k, k + 1):
                out.append((start, k))
                start = k + 1
        out.append((start, b))
        return out
