"""element: page furniture that the markup itself names (a byline, caption, share bar, related list), one finding each."""
from __future__ import annotations

import bisect
from typing import Iterable, Iterator

from ..document import Document
from ..errors import RuleError
from ..model import Edit, Finding
from ..rule import Rule
from .base import Kind

# The roles formats.boilerplate.furniture_role gives, plus "page" for an element named only as page chrome,
# "section" for a label line above the headline, "figure" for a picture's caption group (kept as prose) and
# "markup" for a tag whose attribute values open with curly quotes (broken markup, no text of its own) and "style"
# for a Markdown inline tag that carries a word processor's default styles.
ROLES = frozenset(
    "credit byline date meta tags share related newsletter toc ad comments widget section page figure markup style"
    .split()
)


class Element(Kind):
    """Keys: roles (which furniture roles this rule reports); defer_to (codes of rules that already report such text:
    an item overlapping one of their findings, such as a caption kept as prose that a credit-line rule reads, is not
    reported again). The fix deletes the whole element."""

    NAME = "element"
    KEYS = {"roles": list, "defer_to": list}
    REQUIRED = ("roles",)

    @classmethod
    def requires(cls, rule: Rule) -> tuple[str, ...]:
        return tuple(rule.params.get("defer_to", ()))

    @classmethod
    def validate(cls, rule) -> None:
        unknown = set(rule.params["roles"]) - ROLES
        if unknown:
            raise RuleError(rule.path, "roles", f"unknown role(s) {sorted(unknown)} (known: {', '.join(sorted(ROLES))})")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.roles = frozenset(rule.params["roles"])

    def check(self, doc: Document) -> Iterable[Finding]:
        return () if self.rule.params.get("defer_to") else self._items(doc)

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        if not self.rule.params.get("defer_to"):
            return ()
        return self.deferred(self._items(doc, _taken(self.rule.params["defer_to"], findings)), findings)

    def _items(self, doc: Document, taken: list[tuple[int, int]] = ()) -> Iterator[Finding]:
        lines: list[tuple[int, int]] = []  # the document's prose lines, read once and only when needed
        for item in doc.furniture:
            if item.role not in self.roles:
                continue
            if item.element_start < 0:  # a run of link lines with no one element to delete: no fix
                if taken and not lines:
                    lines = _prose_lines(doc)
                start, end = _untaken(lines, item.start, item.end, taken) if taken else (item.start, item.end)
                if start < end:
                    yield self.source_finding(doc, start, end, None, role=item.role)
                continue
            edit = Edit(item.element_start, item.element_end, "")
            yield self.source_finding(doc, item.start, item.end, "", edits=(edit,), role=item.role)


def _taken(codes: list[str], findings: tuple[Finding, ...]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in findings if f.code in codes]


def _prose_lines(doc: Document) -> list[tuple[int, int]]:
    """The source spans of the document's non-blank prose lines, in order."""
    return sorted(block.source_span(a, b) for block in doc.blocks for a, b in block.lines() if block.text[a:b].strip())


def _untaken(lines: list[tuple[int, int]], start: int, end: int, taken: list[tuple[int, int]]) -> tuple[int, int]:
    """The item's prose lines from its first up to the first one another rule reports: a picture group whose credit
    line a line rule reads keeps its alt text and caption (one finding still), the credit is that rule's."""
    if not any(s < end and start < e for s, e in taken):
        return start, end
    first, last = -1, -1
    # lines are sorted and do not overlap, so the first that may end after start is found by bisection
    for a, b in lines[max(bisect.bisect_left(lines, (start, -1)) - 1, 0):]:
        if a >= end:
            break
        if b <= start:
            continue
        if any(s < b and a < e for s, e in taken):
            break
        first = a if first < 0 else first
        last = b
    return (first, last) if first >= 0 else (start, start)
