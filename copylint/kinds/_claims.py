"""What the claim kinds share: reading a rule's array of tables."""
from __future__ import annotations

from typing import Any

from ..errors import RuleError


def _entries(rule, key: str, keys: dict[str, Any], required: tuple[str, ...]) -> list[dict[str, Any]]:
    entries = rule.params.get(key, [])
    if not isinstance(entries, list) or not entries:
        raise RuleError(rule.path, key, "expected a non-empty array of tables")
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise RuleError(rule.path, where, "must be a table")
        for k, v in entry.items():
            if k not in keys:
                raise RuleError(rule.path, f"{where}.{k}", "unknown key")
            if not isinstance(v, keys[k]):
                raise RuleError(rule.path, f"{where}.{k}", "wrong type")
        for k in required:
            if k not in entry:
                raise RuleError(rule.path, f"{where}.{k}", "missing")
    return entries
