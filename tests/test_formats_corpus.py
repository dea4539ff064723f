"""Property test over real pages and Markdown fixtures: exact offset maps, findings that quote their source, and
fixes that leave a document that parses again."""
from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import pytest

from copylint.api import Linter
from copylint.document import Document
from copylint.fixes import allowed_applicabilities, apply_edits, choose_edits
from copylint.formats import parser_for
from copylint.formats.markup import fit_fix

from .conftest import CORPUS
from .test_formats_markdown import assert_exact

PAGES = sorted((CORPUS / "web" / "scrapinghub" / "html").glob("*.html.gz"))
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "formats").glob("*.md"))
_LINTER: list[Linter] = []


def linter() -> Linter:
    if not _LINTER:
        _LINTER.append(Linter(languagetool=False))
    return _LINTER[0]


def check_document(path: str, source: str, fmt: str) -> None:
    parse = parser_for(fmt)
    doc: Document = parse(path, source)
    assert_exact(doc)
    findings = linter().lint_source(path, source, fmt)
    for f in findings:
        assert source[f.start : f.end] == f.text, f
        for edit in f.fix.edits if f.fix else ():
            assert 0 <= edit.start <= edit.end <= len(source)
    fitted = [dataclasses.replace(f, fix=fit_fix(doc, f.fix)) for f in findings]
    fixed = apply_edits(source, choose_edits(source, fitted, allowed_applicabilities(True)))
    assert_exact(parse(path, fixed))


@pytest.mark.corpus
@pytest.mark.parametrize("page", PAGES or [None], ids=lambda p: p.name[:12] if p else "absent")
def test_scrapinghub_page(page: Path | None) -> None:
    if page is None:
        pytest.skip(f"scrapinghub pages not found under {CORPUS}")
    source = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
    check_document(page.name[:-3], source, "html")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_markdown_fixture(fixture: Path) -> None:
    check_document(str(fixture), fixture.read_text(encoding="utf-8"), "markdown")


def test_html_fixtures() -> None:
    for fixture in sorted(FIXTURES[0].parent.glob("*.html")):
        check_document(str(fixture), fixture.read_text(encoding="utf-8"), "html")
