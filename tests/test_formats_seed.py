"""The seed article written as Markdown and as an HTML page gives the same findings as the plain seed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from copylint.api import Linter
from copylint.document import Document
from copylint.formats import parser_for

from .conftest import SEED

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def prose_in(doc: Document, start: int, end: int) -> str:
    """The prose characters whose source lies in [start, end), white space normalised."""
    parts = [
        "".join(ch for i, ch in enumerate(b.text) if start <= b.to_source(i) < end) for b in doc.blocks
    ]
    return re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()


def findings_of(linter: Linter, path: Path, fmt: str) -> list[tuple[str, str]]:
    source = path.read_text(encoding="utf-8")
    doc = parser_for(fmt)(str(path), source)
    out = []
    for f in linter.lint_source(str(path), source, fmt):
        assert source[f.start : f.end] == f.text
        out.append((f.code, prose_in(doc, f.start, f.end)))
    return out


@pytest.mark.parametrize("name, fmt", [("seed.md", "markdown"), ("seed.html", "html")])
def test_converted_seed_gives_the_same_findings(name: str, fmt: str) -> None:
    linter = Linter(languagetool=False)
    plain = findings_of(linter, SEED, "plain")
    converted = findings_of(linter, FIXTURES / name, fmt)
    assert plain, "the plain seed has findings"
    assert converted == plain


@pytest.mark.parametrize("name, fmt", [("seed.md", "markdown"), ("seed.html", "html")])
def test_converted_seed_has_the_same_prose(name: str, fmt: str) -> None:
    words = re.findall(r"\w+", SEED.read_text(encoding="utf-8"))
    doc = parser_for(fmt)(name, (FIXTURES / name).read_text(encoding="utf-8"))
    assert re.findall(r"\w+", "\n".join(b.text for b in doc.blocks)) == words
