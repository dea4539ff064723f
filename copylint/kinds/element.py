"""element: page furniture that the markup itself names (a byline, caption, share bar, related list), one finding each."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..errors import RuleError
from ..model import Edit, Finding
from .base import Kind

# The roles formats.boilerplate.furniture_role gives, plus "page" for an element named only as page chrome,
# "section" for a label line above the headline and "figure" for a picture's caption group (kept as prose).
ROLES = frozenset(
    "credit byline date meta tags share related newsletter toc ad comments widget section page figure".split()
)


class Element(Kind):
    """Keys: roles (which furniture roles this rule reports). The fix deletes the whole element."""

    NAME = "element"
    KEYS = {"roles": list}
    REQUIRED = ("roles",)

    @classmethod
    def validate(cls, rule) -> None:
        unknown = set(rule.params["roles"]) - ROLES
        if unknown:
            raise RuleError(rule.path, "roles", f"unknown role(s) {sorted(unknown)} (known: {', '.join(sorted(ROLES))})")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.roles = frozenset(rule.params["roles"])

    def check(self, doc: Document) -> Iterable[Finding]:
        for item in doc.furniture:
            if item.role not in self.roles:
                continue
            if item.element_start < 0:  # a run of link lines with no one element to delete: no fix
                yield self.source_finding(doc, item.start, item.end, None, role=item.role)
                continue
            edit = Edit(item.element_start, item.element_end, "")
            yield self.source_finding(doc, item.start, item.end, "", edits=(edit,), role=item.role)
