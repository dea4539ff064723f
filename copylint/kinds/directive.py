"""directive: inline copylint directives that are malformed or name unknown codes."""
from __future__ import annotations

from typing import Iterable

from ..directives import parse_directives
from ..document import Document
from ..model import Finding
from .base import Kind


class BadDirective(Kind):
    """Flags malformed directives and codes no loaded rule has; never a blanket ignore."""

    NAME = "directive"
    SHARED = ("known",)

    def __init__(self, rule, known: frozenset[str] = frozenset()) -> None:
        super().__init__(rule)
        self.known = known  # codes and names of every loaded rule; empty: unknown codes are not judged

    def check(self, doc: Document) -> Iterable[Finding]:
        directives, problems = parse_directives(doc.source)
        for p in problems:
            yield self.source_finding(doc, p.start, p.end, problem=p.problem)
        if not self.known:
            return
        for d in directives:
            unknown = [c for c in d.codes if c not in ("all", "LT") and not c.startswith("LT:")
                       and not any(k == c or (k.startswith(c) and c.startswith("CL")) for k in self.known)]
            if unknown:
                yield self.source_finding(doc, d.start, d.end, problem=f"no rule has the code or name {', '.join(unknown)}")
