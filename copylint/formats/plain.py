"""Plain text: one prose block per paragraph (blank-line separated); the first line is the title."""
from __future__ import annotations

import regex

from ..document import Document, ProseBlock

_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r]*\n")


def parse(path: str, source: str) -> Document:
    blocks: list[ProseBlock] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(source):
        _add(blocks, source, pos, m.start())
        pos = m.end()
    _add(blocks, source, pos, len(source))
    return Document(path, source, "plain", blocks)


def _add(blocks: list[ProseBlock], source: str, start: int, end: int) -> None:
    while start < end and source[start] in " \t\r\n\ufeff":
        start += 1
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    if end <= start:
        return
    text = source[start:end]
    scope = "title" if not blocks and "\n" not in text else "paragraph"
    blocks.append(ProseBlock(text, scope, start))
