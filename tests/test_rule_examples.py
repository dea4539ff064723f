"""Every rule's own examples: bad -> exactly one finding on the marked span with the stated correction, gone after
the fix; good -> no finding of that rule."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.config import Config
from copylint.fixes import apply_edits
from copylint.registry import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{rule.name}-{i}-{'bad' if example.bad else 'good'}")
    for rule in RULES
    for i, example in enumerate(rule.examples)
]
_LINTERS: dict[tuple, Linter] = {}


def linter_for(code: str, config: tuple = ()) -> Linter:
    """One linter with every rule (on by default or not), so examples also show how rules interact; one more per
    configuration an example assumes (e.g. a house dialect)."""
    if config not in _LINTERS:
        settings = Config(**{key.replace("-", "_"): value for key, value in config})
        _LINTERS[config] = Linter(settings, select=[r.code for r in RULES], languagetool=False)
    return _LINTERS[config]


_EXTENSION = {"plain": "txt", "markdown": "md", "html": "html"}


def unmark(text: str) -> tuple[str, int, int]:
    start = text.index("⟦")
    end = text.index("⟧") - 1
    return text.replace("⟦", "").replace("⟧", ""), start, end


def test_every_rule_has_examples() -> None:
    assert RULES, "no rules loaded"
    for rule in RULES:
        assert any(e.bad for e in rule.examples) and any(e.good is not None for e in rule.examples), rule.code


@pytest.mark.parametrize("rule, example", CASES)
def test_rule_example(rule, example) -> None:
    linter = linter_for(rule.code, example.config)
    name = f"example.{_EXTENSION[example.format]}"
    if example.good is not None:
        found = [f for f in linter.lint_source(name, example.good) if f.code == rule.code]
        assert found == [], f"good example flagged: {[f.text for f in found]}"
        return
    text, start, end = unmark(example.bad)
    found = [f for f in linter.lint_source(name, text) if f.code == rule.code]
    assert len(found) == 1, f"expected one {rule.code} finding, got {[(f.text, f.start) for f in found]}"
    finding = found[0]
    assert (finding.start, finding.end) == (start, end), f"span {finding.text!r}, expected {text[start:end]!r}"
    assert text[finding.start:finding.end] == finding.text
    if example.correction is not None:
        assert finding.fix is not None, "a correction is stated but the finding has no fix"
        if example.correction:
            assert finding.suggestions and finding.suggestions[0] == example.correction
        else:
            assert all(e.content == "" for e in finding.fix.edits), "expected a deletion"
    if finding.fix is not None:
        fixed = apply_edits(text, sorted(finding.fix.edits, key=lambda e: e.start))
        again = [f for f in linter.lint_source(name, fixed) if f.code == rule.code]
        assert again == [], f"still flagged after the fix: {fixed!r}"
