"""Core value types: spans, edits, fixes and findings (frozen, slotted dataclasses)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] (code points, end exclusive) with content."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at source[start:end] of the file at path."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # Extra machine-readable facts (e.g. the spin score); not part of the JSON contract's required keys.
    data: tuple[tuple[str, object], ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, str, int]:
        return (self.path, self.start, self.code, self.end)
