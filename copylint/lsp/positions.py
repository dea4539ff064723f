"""Code-point offsets <-> LSP positions (line, character in the negotiated UTF-16, UTF-8 or UTF-32 units)."""
from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

# LSP: a line ends at "\n", "\r\n" or "\r".
_LINE_END = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """Length of text in the encoding's code units."""
    if encoding == types.PositionEncodingKind.Utf32 or text.isascii():
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """One text's line starts, for converting both ways; columns past a line's end clamp to it."""

    __slots__ = ("text", "encoding", "_starts", "_ascii")

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        self._ascii = text.isascii()

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        column = offset - start if self._ascii else units(self.text[start:offset], self.encoding)
        return types.Position(line=line, character=column)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self._starts):
            return len(self.text)
        start = self._starts[position.line]
        end = self._line_end(position.line)
        if self._ascii or self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + position.character, end)
        remaining = position.character
        i = start
        while i < end and remaining > 0:
            remaining -= units(self.text[i], self.encoding)
            i += 1
        return i

    def line_of(self, offset: int) -> int:
        """0-based line holding the offset."""
        return bisect_right(self._starts, max(0, offset)) - 1

    def line_start(self, line: int) -> int:
        return self._starts[min(line, len(self._starts) - 1)]

    def _line_end(self, line: int) -> int:
        """Offset of the line's terminator (or of the text's end)."""
        if line + 1 < len(self._starts):
            nxt = self._starts[line + 1]
            return nxt - (2 if self.text.startswith("\r\n", nxt - 2) else 1)
        return len(self.text)
