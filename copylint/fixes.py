"""Apply fixes: pick non-overlapping edits of the allowed applicability and splice them into the source."""
from __future__ import annotations

from typing import Iterable

from .model import Applicability, Edit, Finding


def allowed_applicabilities(unsafe: bool) -> frozenset[Applicability]:
    return frozenset({Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE})


def choose_edits(findings: Iterable[Finding], allowed: frozenset[Applicability]) -> list[Edit]:
    """Edits of the allowed fixes, earliest first; a fix that overlaps one already taken waits for the next pass."""
    taken: list[Edit] = []
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.applicability in allowed]
    fixes.sort(key=lambda fix: min(e.start for e in fix.edits))
    for fix in fixes:
        if all(_disjoint(e, t) for e in fix.edits for t in taken):
            taken.extend(fix.edits)
    taken.sort(key=lambda e: (e.start, e.end))
    return taken


def _disjoint(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only at the same point or inside
        return not (b.start < a.start < b.end or a.start < b.start < a.end or a.start == b.start)
    return a.end <= b.start or b.end <= a.start


def apply_edits(source: str, edits: list[Edit]) -> str:
    parts = []
    pos = 0
    for edit in edits:
        parts.append(source[pos : edit.start])
        parts.append(edit.content)
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts)
