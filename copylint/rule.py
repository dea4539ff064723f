"""Rule: one validated rule file (common keys plus the kind's own parameters) and its examples."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .model import Applicability, Severity

FAMILIES = {
    "1": "markup",
    "2": "furniture",
    "3": "facts",
    "4": "phrasing",
    "5": "grammar",
    "6": "redundancy",
    "7": "consistency",
    "8": "spelling",
    "9": "copylint",
}

SCOPES = frozenset({"title", "heading", "paragraph", "list", "quote", "caption", "alt", "table", "link"})


@dataclass(frozen=True, slots=True)
class Example:
    """bad: text with the expected span marked ⟦…⟧; good: text that must raise nothing."""

    bad: str | None = None
    good: str | None = None
    correction: str | None = None
    format: str = "plain"  # the input format the example is read as (plain, markdown, html)
    config: tuple[tuple[str, str], ...] = ()  # settings the example assumes, e.g. (("dialect", "en-US"),)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    fix: Applicability | None
    path: str
    description: str = ""
    source: str = ""
    scopes: frozenset[str] | None = None
    default: bool = True
    examples: tuple[Example, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[2:3], "other")
