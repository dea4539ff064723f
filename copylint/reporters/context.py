"""ReportContext: what reporters need besides findings (sources for line/column, colour, rule metadata)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from ..source import LineIndex

if TYPE_CHECKING:
    from ..rule import Rule


@dataclass
class ReportContext:
    sources: Mapping[str, str]
    color: bool = False
    rules: Mapping[str, Rule] = field(default_factory=dict)
    stats: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    _indexes: dict[str, LineIndex] = field(default_factory=dict)

    def index(self, path: str) -> LineIndex:
        if path not in self._indexes:
            self._indexes[path] = LineIndex(self.sources.get(path, ""))
        return self._indexes[path]

    def position(self, path: str, offset: int) -> tuple[int, int]:
        return self.index(path).position(offset)
