"""LT:<RULE_ID> in --select/--ignore/--extend-select picks single LanguageTool rules (issue 15), against the REAL
server (the engine fixture starts it or skips; in CI it must not skip)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from copylint.cli import main
from copylint.selection import LanguageToolSelection, languagetool_selection

from .test_languagetool_integration import engine  # noqa: F401  (the shared server fixture)

TEXT = "Flood closes valley road\n\nThe goverment said the road was closed. He go to work every day.\n"


def findings(path, *args: str) -> list[tuple[str, str]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args, str(path)])
    assert result.exit_code in (0, 1), result.output
    return [(d["code"], d["text"]) for d in json.loads(result.stdout)]


@pytest.mark.languagetool
def test_single_languagetool_rules_are_selected_and_ignored(engine, tmp_path) -> None:  # noqa: F811
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    everything = findings(story)
    assert ("LT:MORFOLOGIK_RULE_EN_US", "goverment") in everything and ("LT:HE_VERB_AGR", "go") in everything
    assert findings(story, "--select", "LT:MORFOLOGIK_RULE_EN_US") == [("LT:MORFOLOGIK_RULE_EN_US", "goverment")]
    assert findings(story, "--ignore", "LT:MORFOLOGIK_RULE_EN_US") == [("LT:HE_VERB_AGR", "go")]
    assert findings(story, "--select", "CL6", "--extend-select", "LT:HE_VERB_AGR") == [("LT:HE_VERB_AGR", "go")]
    assert findings(story, "--ignore", "LT") == []


def test_languagetool_selection_from_selectors() -> None:
    assert languagetool_selection((), (), ()) == LanguageToolSelection(True)
    assert languagetool_selection(("CL1",), (), ()) == LanguageToolSelection(False)
    assert languagetool_selection(("CL1", "LT:A_RULE"), ("LT:B_RULE",), ()) == \
        LanguageToolSelection(True, only=("A_RULE",), disabled=("B_RULE",), enabled=("A_RULE",))
    assert languagetool_selection(("ALL",), (), ("LT:OFF_BY_DEFAULT",)) == \
        LanguageToolSelection(True, enabled=("OFF_BY_DEFAULT",))
    assert languagetool_selection(("CL1",), (), ("LT:X",)) == LanguageToolSelection(True, ("X",), (), ("X",))
    assert not languagetool_selection((), ("LT",), ()).wanted and not languagetool_selection((), ("ALL",), ()).wanted
