"""Line index over a source text: offset <-> (line, column), both 1-based, in code points."""
from __future__ import annotations

import bisect


class LineIndex:
    """Maps code-point offsets to 1-based line and column numbers."""

    __slots__ = ("_starts",)

    def __init__(self, source: str) -> None:
        starts = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_span(self, source: str, line: int) -> tuple[int, int]:
        """Start and end (without the newline) of a 1-based line."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(source)
        if end > start and source[end - 1] == "\r":
            end -= 1
        return start, end
