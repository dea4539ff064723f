"""Core units: registry strictness, config, directives and suppression, fixes, sentences, phrase matching."""
from __future__ import annotations

from pathlib import Path

import pytest

from copylint.api import Linter
from copylint.config import Config, find_config, load_config
from copylint.document import split_sentences
from copylint.errors import ConfigError, RuleError
from copylint.fixes import apply_edits, choose_edits, allowed_applicabilities
from copylint.model import Applicability, Edit, Finding, Fix, Severity
from copylint.phrases import PhraseMatcher
from copylint.registry import build_rule

VALID = {"code": "CL150", "name": "x", "kind": "existence", "severity": "error", "message": "m", "pattern": "x",
         "examples": [{"bad": "⟦x⟧"}, {"good": "y"}]}


@pytest.mark.parametrize("change, key", [
    ({"colour": "red"}, "colour"),
    ({"code": "X12"}, "code"),
    ({"severity": "fatal"}, "severity"),
    ({"kind": "nope"}, "kind"),
    ({"pattern": "(x"}, "pattern"),
    ({"prefilter": "[x"}, "prefilter"),
    ({"examples": [{"bad": "no marks"}, {"good": "y"}]}, "examples[0].bad"),
    ({"examples": [{"good": "only good"}]}, "examples"),
    ({"fix": "maybe"}, "fix"),
    ({"scopes": ["sidebar"]}, "scopes"),
])
def test_rule_validation_names_the_key(change, key) -> None:
    data = {**VALID, **change}
    with pytest.raises(RuleError) as err:
        rule = build_rule(data, "house-rules/x.toml")  # a user's rule: checked in full when read
        from copylint.engine import build_kinds

        build_kinds([rule])
    assert "house-rules/x.toml" in str(err.value) and f"'{key}'" in str(err.value)


def test_builtin_patterns_compile_on_first_use_and_all_compile(monkeypatch) -> None:
    import copylint.registry as registry
    from copylint.engine import build_kinds

    lazy = registry.compile_regex(build_rule(dict(VALID), str(registry.builtin_rules_dir() / "x.toml")), "pattern", "(x")
    assert isinstance(lazy, registry.LazyPattern) and lazy.pattern == "(x"
    with pytest.raises(RuleError) as err:
        lazy.search("x")
    assert "'pattern'" in str(err.value)
    good = registry.compile_regex(build_rule(dict(VALID), str(registry.builtin_rules_dir() / "x.toml")), "pattern", "a+")
    assert good.search("baa").span() == (1, 3) and good.search is good.__dict__["search"]
    # Every built-in rule compiled eagerly, as a user's rules are: no built-in pattern is broken.
    monkeypatch.setattr(registry, "_builtin", lambda path: False)
    registry._load_rules.cache_clear()
    try:
        assert len(build_kinds(registry.load_rules())) > 50
    finally:
        registry._load_rules.cache_clear()


def test_missing_required_key() -> None:
    data = dict(VALID)
    del data["message"]
    with pytest.raises(RuleError, match="'message': missing"):
        build_rule(data, "r.toml")


def test_config_found_upward_and_strict(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.copylint]\nignore = ["CL601"]\nfail-on = "error"\n', encoding="utf-8")
    sub = tmp_path / "docs" / "drafts"
    sub.mkdir(parents=True)
    found = find_config(sub / "a.txt")
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.ignore == ("CL601",) and config.fail_on is Severity.ERROR
    (tmp_path / "copylint.toml").write_text('[languagetool]\nurll = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="languagetool.urll"):
        load_config(find_config(sub))


def test_config_severity_override_and_per_file_ignores(tmp_path: Path) -> None:
    config = Config(severity=(("CL601", Severity.ERROR),), per_file_ignores=(("legacy/*.txt", ("CL1",)),))
    linter = Linter(config, languagetool=False)
    found = linter.lint_source("new.txt", "The the vote was TK.")
    assert {(f.code, f.severity) for f in found} == {("CL601", Severity.ERROR), ("CL105", Severity.ERROR)}
    assert [f.code for f in linter.lint_source("legacy/old.txt", "The the vote was TK.")] == ["CL601"]


def test_directives_disable_enable_next_line() -> None:
    linter = Linter(languagetool=False)
    text = ("<!-- copylint: disable=CL601 -->\nThe the first.\n<!-- copylint: enable=CL601 -->\nThe the second.\n"
            "<!-- copylint: disable-next-line=doubled-word -->\nThe the third.\nThe the fourth.\n")
    lines = [text.count("\n", 0, f.start) + 1 for f in linter.lint_source("d.txt", text) if f.code == "CL601"]
    assert lines == [4, 7]


def test_malformed_directive_never_suppresses() -> None:
    linter = Linter(languagetool=False)
    text = "<!-- copylint: disable -->\nThe the end.\n"
    codes = [f.code for f in linter.lint_source("d.txt", text)]
    assert codes == ["CL901", "CL601"]


def test_unused_directive_reported() -> None:
    linter = Linter(languagetool=False)
    found = linter.lint_source("d.txt", "<!-- copylint: disable=CL601 -->\nAll clean here.\n")
    assert [f.code for f in found] == ["CL902"]


def _finding(start: int, end: int, content: str, applicability=Applicability.SAFE) -> Finding:
    return Finding("p", "CL999", "n", Severity.ERROR, "m", start, end, "", (), Fix((Edit(start, end, content),), applicability))


def test_overlapping_fixes_wait_and_deletions_merge() -> None:
    source = "abcdefghij"
    edits = choose_edits(source, [_finding(0, 4, "X"), _finding(2, 6, "Y"), _finding(7, 8, "")], allowed_applicabilities(False))
    assert edits == [Edit(0, 4, "X"), Edit(7, 8, "")]
    merged = choose_edits(source, [_finding(0, 4, ""), _finding(3, 6, "")], allowed_applicabilities(False))
    assert merged == [Edit(0, 6, "")]
    assert apply_edits(source, edits) == "Xefgij"


def test_unsafe_fixes_need_the_flag() -> None:
    findings = [_finding(0, 1, "", Applicability.UNSAFE)]
    assert choose_edits("ab", findings, allowed_applicabilities(False)) == []
    assert choose_edits("ab", findings, allowed_applicabilities(True)) == [Edit(0, 1, "")]


def test_fix_source_converges_and_is_idempotent() -> None:
    linter = Linter(languagetool=False)
    text = "The the the vote.\n\nRelated Articles\n\nBack to top\n"
    fixed, remaining = linter.fix_source("a.txt", text)
    assert fixed == "The vote.\n" and remaining == []
    assert linter.fix_source("a.txt", fixed)[0] == fixed


def test_sentences_respect_abbreviations_and_lines() -> None:
    text = "Mr. Smith met Dr. Jones at 3 p.m. on Monday. They spoke.\nA new line starts here"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Mr. Smith met Dr. Jones at 3 p.m. on Monday.", "They spoke.", "A new line starts here"]


def test_phrase_matcher_word_boundaries_and_longest() -> None:
    m = PhraseMatcher({"in the globe": 1, "the globe": 2, "glob": 3})
    text = "Sold in the Globe and the globes."
    assert [(text[s:e], v) for s, e, v in m.finditer(text)] == [("in the Globe", 1)]
