"""Baseline: the findings a site already has, written once, so later runs report only new ones.

A finding is keyed by (path, code, its text with spaces collapsed), counted: no line numbers or offsets, so
edits that move text around leave the baseline valid; a second copy of a known problem is new."""
from __future__ import annotations

import json
import os
from collections import Counter
from typing import Iterable

from .errors import InputError
from .model import Finding

FORMAT = 1
Key = tuple[str, str, str]


def key(finding: Finding) -> Key:
    return (_path(finding.path), finding.code, " ".join(finding.text.split()))


def _path(path: str) -> str:
    """The path as written in a baseline: relative to the working directory when under it, '/' separators."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = path if relative.startswith("..") else relative
    return os.path.normpath(path).replace(os.sep, "/")


class Baseline:
    """Known findings (a multiset of keys); filter() takes each known finding off once."""

    def __init__(self, known: Counter[Key]) -> None:
        self.left = Counter(known)

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            rows = data["findings"] if data.get("format") == FORMAT else None
            known = Counter({(r["path"], r["code"], r["text"]): int(r["count"]) for r in rows})
        except FileNotFoundError:
            raise InputError(f"{path}: no such baseline file (write one with --write-baseline)") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
        except (ValueError, TypeError, KeyError, AttributeError):
            raise InputError(f"{path}: not a copylint baseline (format {FORMAT})") from None
        return cls(known)

    def filter(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """(the findings the baseline does not know, how many it knew)."""
        new: list[Finding] = []
        known = 0
        for finding in findings:
            k = key(finding)
            if self.left[k] > 0:
                self.left[k] -= 1
                known += 1
            else:
                new.append(finding)
        return new, known


def write(path: str, counts: Counter[Key]) -> None:
    """The baseline file (JSON, sorted, one finding key per row with its count), replaced in one step."""
    rows = [{"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(counts.items())]
    text = json.dumps({"format": FORMAT, "findings": rows}, ensure_ascii=False, indent=1) + "\n"
    from .inputs import write_atomic

    if not os.path.exists(path):
        try:
            open(path, "x", encoding="utf-8").close()
        except OSError as exc:
            raise InputError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    write_atomic(path, text)
