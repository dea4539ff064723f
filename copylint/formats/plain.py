"""Plain text: one prose block per paragraph (blank-line separated); a lone first line above the body is the title."""
from __future__ import annotations

import dataclasses

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
    if len(blocks) > 1 and _reads_as_title(blocks[0].text):
        blocks[0] = dataclasses.replace(blocks[0], scope="title")
    return Document(path, source, "plain", blocks)


def _reads_as_title(text: str) -> bool:
    """One line that does not end like a sentence ("Storm hits coast", "Is the euro doomed?"). A text whose only
    paragraph is one line, or a one-line opening sentence, is prose and gets every rule."""
    return "\n" not in text and not text.endswith((".", ",", ";", ":", "…"))


def _add(blocks: list[ProseBlock], source: str, start: int, end: int) -> None:
    while start < end and source[start] in " \t\r\n\ufeff":
        start += 1
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    if end <= start:
        return
    blocks.append(ProseBlock(source[start:end], "paragraph", start))
