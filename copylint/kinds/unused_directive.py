"""unused-directive: disable directives that suppress nothing (the linter reports them)."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..model import Finding
from .base import Kind


class UnusedDirective(Kind):
    """Produces nothing itself: the linter reports disable directives that suppressed no finding under this rule."""

    NAME = "unused-directive"

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()
