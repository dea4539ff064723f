"""Text differences: where two versions of a document differ, one edit that turns one into the other, and
findings carried across an edit (LanguageTool's, while its next answer is pending)."""
from __future__ import annotations

import dataclasses
from typing import Iterable

from ..model import Edit, Finding, Fix


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search on slice equality: comparisons run in C
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def changed_region(old: str, new: str) -> tuple[int, int, int]:
    """(start, old_end, new_end): old[start:old_end] became new[start:new_end]; the rest is unchanged."""
    start = _common_prefix(old, new)
    longest = min(len(old), len(new)) - start
    tail = _common_prefix(old[::-1][:longest], new[::-1][:longest])
    return start, len(old) - tail, len(new) - tail


def single_edit(old: str, new: str) -> Edit | None:
    """The one edit (on old's offsets) that gives new; None when they are equal."""
    if old == new:
        return None
    start, old_end, new_end = changed_region(old, new)
    return Edit(start, old_end, new[start:new_end])


def carry(findings: Iterable[Finding], old: str, new: str) -> list[Finding]:
    """Findings on old moved onto new: those before the change kept, those after it shifted, those touching
    it dropped (their text changed)."""
    if old == new:
        return list(findings)
    start, old_end, new_end = changed_region(old, new)
    delta = new_end - old_end
    kept = []
    for f in findings:
        lo = min([f.start, *(e.start for e in (f.fix.edits if f.fix else ()))])
        hi = max([f.end, *(e.end for e in (f.fix.edits if f.fix else ()))])
        if hi < start:  # a finding that touches the change may have grown a letter: dropped too
            kept.append(f)
        elif lo > old_end:
            kept.append(_shift(f, delta))
    return kept


def _shift(f: Finding, delta: int) -> Finding:
    fix = f.fix
    if fix is not None:
        fix = Fix(tuple(Edit(e.start + delta, e.end + delta, e.content) for e in fix.edits), fix.applicability)
    return dataclasses.replace(f, start=f.start + delta, end=f.end + delta, fix=fix)
