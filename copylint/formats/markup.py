"""Shared helpers for markup formats: a Document that knows each block's source element, newline normalisation."""
from __future__ import annotations

from typing import Sequence

from ..document import Document, ProseBlock


class MarkupDocument(Document):
    """A Document whose blocks also carry the source span of their whole element ((-1, -1) when not removable)."""

    def __init__(
        self, path: str, source: str, fmt: str, blocks: Sequence[ProseBlock], spans: Sequence[tuple[int, int]]
    ) -> None:
        super().__init__(path, source, fmt, blocks)
        self.block_spans = tuple(spans)


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
            back.append(i)
            if i + 1 < n and source[i + 1] == "\n":
                i += 1
        else:
            out.append("\ufffd" if ch == "\0" else ch)
            back.append(i)
        i += 1
    back.append(n)
    return "".join(out), back
