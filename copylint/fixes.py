"""Apply fixes: pick non-overlapping edits of the allowed applicability and splice them into the source."""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Iterable

import regex

from .model import Applicability, Edit, Finding

_BLANK_BEFORE = regex.compile(r"(?:^|\n)[ \t\r]*\n[ \t\r]*$")


def allowed_applicabilities(unsafe: bool) -> frozenset[Applicability]:
    return frozenset({Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE})


def choose_edits(source: str, findings: Iterable[Finding], allowed: frozenset[Applicability]) -> list[Edit]:
    """Edits of the allowed fixes, earliest first (choose_fixes without the findings)."""
    return choose_fixes(source, findings, allowed)[0]


def choose_fixes(source: str, findings: Iterable[Finding],
                 allowed: frozenset[Applicability]) -> tuple[list[Edit], list[Finding]]:
    """Edits of the allowed fixes, earliest first, and the findings whose fix they apply. Overlapping deletions merge
    (deleting both is deleting the union); any other fix that overlaps one already taken waits for the next pass."""
    taken = _Taken()
    applied: list[Finding] = []
    fixable = [f for f in findings if f.fix is not None and f.fix.applicability in allowed]
    fixable.sort(key=lambda f: min(e.start for e in f.fix.edits))
    for finding in fixable:
        fix = finding.fix
        clashes = [t for e in fix.edits for t in taken.clashing(e)]
        if not clashes:
            taken.add(*fix.edits)
        elif all(e.content == "" for e in (*fix.edits, *clashes)) and len(fix.edits) == 1:
            merged = Edit(min(e.start for e in (*fix.edits, *clashes)), max(e.end for e in (*fix.edits, *clashes)), "")
            taken.remove(clashes)
            taken.add(merged)
        else:
            continue
        applied.append(finding)
    return _tidied(source, sorted(taken.edits, key=lambda e: (e.start, e.end))), applied


class _Taken:
    """The edits taken so far, ordered by start, so the ones clashing with a new edit are found near it rather than
    among all of them (a text with 100,000 fixes must not cost 10^10 comparisons)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.longest = 0  # no taken edit is longer: one starting further left than this ends before the new one

    def clashing(self, edit: Edit) -> list[Edit]:
        edits = self.edits
        i = bisect_left(edits, edit.start - self.longest - 1, key=_start)
        found = []
        while i < len(edits) and edits[i].start <= edit.end:
            if not _disjoint(edit, edits[i]):
                found.append(edits[i])
            i += 1
        return found

    def add(self, *new: Edit) -> None:
        for edit in new:
            insort(self.edits, edit, key=_start)
            self.longest = max(self.longest, edit.end - edit.start)

    def remove(self, gone: list[Edit]) -> None:
        for edit in set(gone):
            i = bisect_left(self.edits, edit.start, key=_start)
            while i < len(self.edits) and self.edits[i].start == edit.start:
                if self.edits[i] == edit:
                    del self.edits[i]
                else:
                    i += 1


def _start(edit: Edit) -> int:
    return edit.start


def _tidied(source: str, edits: list[Edit]) -> list[Edit]:
    for _ in range(4):  # tidying can join deletions, and a joined deletion can need tidying again
        tidied = _merge_deletions(sorted((_tidy(source, e) for e in edits), key=lambda e: (e.start, e.end)))
        if tidied == edits:
            break
        edits = tidied
    return edits


def _merge_deletions(edits: list[Edit]) -> list[Edit]:
    """Tidying can make neighbouring deletions touch or overlap: join those; drop any other edit they now cover."""
    out: list[Edit] = []
    for edit in edits:
        if out and edit.start < out[-1].end:
            last = out[-1]
            if last.content.strip() == edit.content.strip() == "":  # deletions (one may keep the final newline)
                out[-1] = Edit(last.start, max(last.end, edit.end), last.content if last.end >= edit.end else edit.content)
            continue  # a non-deletion clash waits for the next pass
        out.append(edit)
    return out


def _tidy(source: str, edit: Edit) -> Edit:
    """A deletion that leaves two blank-line gaps in a row (a whole paragraph removed) also takes the second gap."""
    if edit.content.strip(" \t\r\n") or (edit.content and edit.end != len(source)):
        return edit
    if edit.end == len(source) and edit.start > 0:  # deleting the end of the file: take the gap before it too
        return _trim_tail(source, edit)
    if not source.startswith(("\n", "\r\n"), edit.end):
        return edit
    if not _BLANK_BEFORE.search(source, 0, edit.start) and edit.start != 0:
        return edit
    end = edit.end
    while end < len(source) and source[end] in " \t\r\n":
        end += 1
    if end == len(source):  # nothing follows
        return edit if edit.start == 0 else _trim_tail(source, edit)
    return Edit(edit.start, end, "")


def _trim_tail(source: str, edit: Edit) -> Edit:
    """Delete to the end of the file, taking the gap before the deletion but keeping the final line break."""
    start = edit.start
    while start > 0 and source[start - 1] in " \t\r\n":
        start -= 1
    final = "\r\n" if source.endswith("\r\n") else ("\n" if source.endswith("\n") else "")
    return Edit(start, len(source), final)


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
