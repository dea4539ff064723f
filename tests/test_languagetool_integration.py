"""LanguageTool engine against a REAL local server (started through scripts/languagetool.sh when needed).

In CI (CI=true) a server that cannot be started fails these tests; elsewhere they skip with the reason.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from copylint.engines.languagetool import LanguageToolEngine, is_spelling
from copylint.formats.plain import parse
from copylint.model import Applicability, Severity

pytestmark = pytest.mark.languagetool

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "languagetool.sh"
SEED = REPO / "seeds" / "000_20e4f73a90754451.txt"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"LanguageTool server required in CI: {reason}")
    pytest.skip(f"no LanguageTool server: {reason} (run `bash scripts/languagetool.sh start`)")


@pytest.fixture(scope="session")
def engine():
    eng = LanguageToolEngine()
    if eng.available() is None:
        yield eng
        return
    if os.environ.get("LANGUAGETOOL_URL"):
        _unavailable(f"LANGUAGETOOL_URL={os.environ['LANGUAGETOOL_URL']} does not answer")
    try:
        run = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=900,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"scripts/languagetool.sh start failed: {exc}")
    if run.returncode != 0:
        _unavailable(f"scripts/languagetool.sh start exited {run.returncode}: {run.stderr.strip()[-400:]}")
    eng = LanguageToolEngine()
    problem = eng.available()
    if problem:
        _unavailable(problem)
    yield eng


def check(engine, text: str):
    source = text
    findings = engine.check(parse("x.txt", source))
    for f in findings:
        assert source[f.start:f.end] == f.text, f
    return findings


def test_seed_unaccessible_is_caught_with_inaccessible(engine):
    source = SEED.read_text(encoding="utf-8")
    findings = engine.check(parse(str(SEED), source))
    hits = [f for f in findings if f.text == "unaccessible"]
    assert len(hits) == 1
    assert hits[0].suggestions[0] == "inaccessible"
    assert hits[0].fix is not None and hits[0].fix.applicability is Applicability.UNSAFE
    assert hits[0].severity is Severity.WARNING
    assert source[hits[0].start:hits[0].end] == "unaccessible"


def test_seed_names_are_not_spelling_errors(engine):
    source = SEED.read_text(encoding="utf-8")
    findings = engine.check(parse(str(SEED), source))
    spelling = [f for f in findings if is_spelling(dict(f.data)["languagetool_rule"])]
    assert not [f.text for f in spelling if f.text[:1].isupper()]
    for f in findings:
        assert source[f.start:f.end] == f.text


def test_people_and_places_are_not_misspelled(engine):
    text = ("Tshisekedi flew to Kananga on Monday. Officials said Tshisekedi and Mirziyoyev met in Kananga, "
            "where Ouattara's envoy Kwabena Mensah-Bonsu joined them.\n\n"
            "Bakhyt Sadvakasov, a spokesman, said the talks went well. Ouattara did not attend.")
    findings = check(engine, text)
    assert [f for f in findings if f.text[:1].isupper()] == []


def test_common_word_typos_are_found(engine):
    text = ("Bridge unaccessible after flood\n\nThe goverment said the bridge was unaccessible after the flood.\n\n"
            "Officials recieved the report on Tuesday.")
    findings = check(engine, text)
    assert [f.start for f in findings if f.text == "unaccessible"] == [7, 67]  # the headline's too
    found = {f.text: f for f in findings}
    assert found["goverment"].suggestions[0] == "government"
    assert found["unaccessible"].suggestions[0] == "inaccessible"
    assert found["recieved"].suggestions[0] == "received"
    assert found["recieved"].code == "LT:MORFOLOGIK_RULE_EN_US"


def test_offsets_exact_with_astral_characters_and_several_paragraphs(engine):
    text = ("Cup final\n\nFans 🎉🎉 cheered as the team arived.\n\n"
            "Crowds 😀 gathered, and he go to the stadium every week.")
    findings = check(engine, text)
    typo = [f for f in findings if f.text == "arived"]
    assert typo and text[typo[0].start:typo[0].end] == "arived" and typo[0].suggestions[0] == "arrived"
    assert any(f.code.startswith("LT:") and "go" in f.text for f in findings)


def test_clean_news_sentence_has_no_findings(engine):
    text = ("Rates rise again\n\nThe central bank raised interest rates by a quarter of a percentage point on Wednesday, "
            "its third increase this year, citing persistent inflation in services.")
    assert check(engine, text) == []


def test_british_spelling_is_not_a_misspelling(engine):
    text = "Programme praised\n\nThe programme was a success, and the colour of the centre's logo caused a furore."
    assert [f for f in check(engine, text) if "MORFOLOGIK" in f.code] == []


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_languagetool_findings_reach_every_output_format(engine, tmp_path, fmt):
    from click.testing import CliRunner

    from copylint.cli import main

    path = tmp_path / "story.txt"
    # A typo no built-in rule knows, so the finding can only come from LanguageTool.
    path.write_text("Flood closes valley road\n\nThe goverment said the valley road was closed after the flood.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", fmt, "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "MORFOLOGIK_RULE_EN_US" in result.output
