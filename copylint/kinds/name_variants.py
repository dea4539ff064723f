"""name-variants: one name spelled two ways in a document."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..document import Document, ProseBlock
from ..model import Finding
from ._names import _at_sentence_start
from .base import Kind


class NameVariants(Kind):
    """With no style sheet entry, the same capitalised name spelled two ways in one document (hyphen, space,
    fused, or a capital inside a word): the later, less common spelling is flagged."""

    NAME = "name-variants"
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        from ..data.mentions import name_runs
        from ..data.names import has_lower_word, name_key

        listed = {name_key(n) for n in doc.context.get("names", ())}
        blocks = [block for _, block in self.blocks(doc)]
        if not _may_vary(blocks, listed):
            return
        seen: dict[str, list[tuple[str, ProseBlock, int, int]]] = defaultdict(list)
        for block in blocks:
            text = block.text
            for m in name_runs(text):
                run = m.group()
                if run.isupper():
                    continue
                start, end = m.span()
                if " " in run and _at_sentence_start(text, start):  # a name of several words
                    first, _, rest = run.partition(" ")
                    if has_lower_word(doc, first.lower(), hyphens=True):
                        start += len(first) + 1
                        run = rest
                key = name_key(run)
                if len(key) >= 4 and key not in listed:
                    seen[key].append((run, block, start, end))
        for mentions in seen.values():
            spellings = {m[0] for m in mentions}
            if len(spellings) < 2:
                continue
            counts = defaultdict(int)
            for m in mentions:
                counts[m[0]] += 1
            preferred = max(spellings, key=lambda s: (counts[s], -_first(mentions, s)))
            for run, block, start, end in mentions:
                if run != preferred and _differs_within_words(run, preferred):
                    yield self.finding(doc, block, start, end, preferred, canonical=preferred)


def _may_vary(blocks: list[ProseBlock], listed: set[str]) -> bool:
    """Whether two different spellings could share a key: each name read whole or, as at a sentence start,
    without its first word. Cheap (one findall per block, each spelling keyed once); when it says no, no
    name can be spelled two ways."""
    from ..data.mentions import name_run_texts
    from ..data.names import name_key

    runs = set()
    for block in blocks:
        runs.update(name_run_texts(block.text))
    spelled: dict[str, str] = {}
    for run in runs:
        if run.isupper():
            continue
        for spelling in (run, run.partition(" ")[2]) if " " in run else (run,):
            key = name_key(spelling)
            if len(key) >= 4 and key not in listed and spelled.setdefault(key, spelling) != spelling:
                return True
    return False


def _first(mentions, spelling: str) -> int:
    return next(i for i, m in enumerate(mentions) if m[0] == spelling)


def _differs_within_words(a: str, b: str) -> bool:
    """True for a hyphen/space/fused difference or a capital inside a word; False when only a word's first
    letter differs in case (title case against sentence case), or accents and punctuation differ."""
    low_a, low_b = a.lower(), b.lower()
    if low_a == low_b:
        wa, wb = a.split(), b.split()
        return len(wa) != len(wb) or any(x[1:] != y[1:] for x, y in zip(wa, wb))
    squash = lambda s: s.replace(" ", "").replace("-", "").replace("‐", "")  # noqa: E731
    return squash(low_a) == squash(low_b)
