"""The seed's fact items (M08, M09) are found with the right suggestion and nothing else; clean news stays quiet."""
from __future__ import annotations

from pathlib import Path

import pytest

from copylint.api import Linter


def test_seed_fact_findings(seed_text: str) -> None:
    found = [f for f in Linter(languagetool=False).lint_source("seed.txt", seed_text) if f.code.startswith("CL3")]
    by_text = {(f.code, f.text): f for f in found}
    geo = by_text[("CL301", "Zhanaozen in western China")]  # the claim; the fix rewrites its wrong part
    assert geo.suggestions[0] == "Zhanaozen in western Kazakhstan"
    claim = by_text[("CL306", "used to make gasoline")]
    assert claim.suggestions[0] == "used as fuel"
    contradiction = by_text[("CL309", "used to make gasoline")]
    assert "line 21" in contradiction.message
    assert len(found) == 3, [(f.code, f.text) for f in found]


@pytest.mark.corpus
def test_clean_news_sample_stays_quiet(corpus: Path) -> None:
    files = sorted((corpus / "news" / "bbc").glob("*/*.txt"))[::10] + sorted((corpus / "news" / "onestopenglish").glob("*.txt"))[::10]
    if not files:
        pytest.skip("no news articles in the corpus")
    linter = Linter(languagetool=False)
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [(path.name, f.code, f.text) for f in linter.lint_source(str(path), text) if f.code.startswith("CL3")]
    assert len(found) <= max(1, len(files) // 200), found
