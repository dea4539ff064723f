"""The fact rules' dev sets (tests/fixtures/facts_dev): every "B" sentence flagged by a CL3 rule, every "G" silent."""
from __future__ import annotations

from pathlib import Path

import pytest

from copylint.api import Linter

_DIR = Path(__file__).parent / "fixtures" / "facts_dev"
_LINTER: list[Linter] = []


def _cases() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line[:2] in ("B ", "G "):
                found.append((path.stem, line[0], line[2:].replace(" || ", "\n\n")))
    return found


def _codes(text: str) -> list[str]:
    if not _LINTER:
        _LINTER.append(Linter(select=["CL3"], languagetool=False))
    return [f.code for f in _LINTER[0].lint_source("t.txt", text) if f.code.startswith("CL3")]


@pytest.mark.parametrize("family, expect, text", _cases())
def test_dev_sentence(family: str, expect: str, text: str) -> None:
    codes = _codes(text)
    assert bool(codes) == (expect == "B"), codes
