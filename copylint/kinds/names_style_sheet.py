"""names-style-sheet: a name spelled otherwise than a newsroom style sheet's canonical spelling."""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..data.triggers import exact_words
from ..document import Document, ProseBlock
from ..model import Finding
from ._names import _at_sentence_start
from .base import Kind


PARTICLES = frozenset("von van der den de da di du la le al el bin ibn ben dos das del della ter ten".split())
_PART = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")  # 'SoftBank' -> Soft, Bank


def _letters(word: str) -> list[str]:
    return _PART.findall(word) or [word]


def name_pattern(name: str) -> regex.Pattern:
    """A case-insensitive pattern for `name` with any hyphen, space or none between its parts, and with its
    particles optional: 'Jean-Claude' matches 'Jean Claude' and 'Jeanclaude'; 'Ursula von der Leyen'
    matches 'Ursula der Leyen'."""
    words = name.replace("-", " - ").split()
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "-":
            continue
        parts = r"[\s\-‐]*".join(regex.escape(p) for p in _letters(word))
        sep = r"[\s\-‐]*" if i and words[i - 1] == "-" else r"[\s\-‐]+"
        if word.lower() in PARTICLES and 0 < i < len(words) - 1:
            out.append(f"(?:{sep if out else ''}{parts})?")
        else:
            out.append((sep if out else "") + parts)
    return regex.compile(r"(?<![\w\-/@.])" + "".join(out) + r"(?![\w\-]|\.\w)", regex.IGNORECASE)


def first_part(name: str) -> str | None:
    """The lower-cased letters every match of name_pattern(name) starts with (its first word's first part),
    when ASCII: matched case-insensitively, they stand lower-cased in the folded prose wherever the pattern
    matches (given data.triggers.exact_words)."""
    words = name.replace("-", " - ").split()
    if not words or words[0] == "-":
        return None
    part = _letters(words[0])[0]
    return part.lower() if part.isascii() else None


def name_pieces(name: str) -> list[str]:
    """The canonical name and the parts copy uses alone: a particle surname ('von der Leyen') and compound
    words ('Jean-Claude', 'SoftBank')."""
    words = name.split()
    pieces = [name]
    for i, word in enumerate(words):
        if word.lower() in PARTICLES and i > 0:
            pieces.append(" ".join(words[i:]))
            break
    for word in words:
        if len(words) > 1 and ("-" in word or len(_letters(word)) > 1):
            pieces.append(word)
    return list(dict.fromkeys(pieces))


def acceptable(found: str, canonical: str, text: str, start: int) -> bool:
    """The same spelling, an all-capitals headline form, or a capital only because a sentence starts there."""
    if found == canonical or (found.isupper() and not canonical.isupper() and len(found) > 4):
        return True
    return (_at_sentence_start(text, start) and found[:1].upper() == canonical[:1].upper()
            and found[1:] == canonical[1:])


class StyleSheet(Kind):
    """Keys: names (the rule's built-in style sheet). The config's names (doc.context['names']) extend it;
    near-miss spellings of each canonical name are flagged."""

    NAME = "names-style-sheet"
    KEYS = {"names": list}

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.builtin = tuple(rule.params.get("names", ()))
        self._compiled: dict[tuple[str, ...], list[tuple[str, regex.Pattern, str | None]]] = {}

    def _patterns(self, names: tuple[str, ...]) -> list[tuple[str, regex.Pattern, str | None]]:
        if names not in self._compiled:
            pieces = [(piece, name_pattern(piece), first_part(piece)) for name in names for piece in name_pieces(name)]
            self._compiled[names] = sorted(pieces, key=lambda p: -len(p[0]))
        return self._compiled[names]

    def check(self, doc: Document) -> Iterable[Finding]:
        names = tuple(dict.fromkeys(n for n in (*doc.context.get("names", ()), *self.builtin) if n.strip()))
        if not names:
            return
        patterns = self._patterns(names)
        if exact_words(doc):  # a pattern whose first letters the prose lacks matches nowhere: leave it out
            folded = doc.folded
            patterns = [p for p in patterns if p[2] is None or p[2] in folded]
            if not patterns:
                return
        for _, block in self.blocks(doc):
            yield from self._check_block(doc, block, patterns)

    def _check_block(self, doc: Document, block: ProseBlock, patterns) -> Iterator[Finding]:
        text = block.text
        taken: list[tuple[int, int]] = []
        for canonical, rx, _ in patterns:
            for m in rx.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                if acceptable(m.group(), canonical, text, m.start()):
                    continue
                yield self.finding(doc, block, m.start(), m.end(), canonical, canonical=canonical)
