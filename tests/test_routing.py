"""The routing pass (engine.Router) and the lazily compiled patterns (registry.LazyPattern) never hide a match: every
rule's examples, upper-cased too, and the seed give the same findings routed and unrouted, gated and ungated."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from copylint import engine, registry
from copylint.api import Linter
from copylint.registry import load_rules

RULES = load_rules()
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
_EXTENSION = {"plain": "txt", "markdown": "md", "html": "html"}


def _texts() -> list[tuple[str, str]]:
    """(file name, text) of every example, as written and upper-cased, and of each seed."""
    out = []
    for rule in RULES:
        for example in rule.examples:
            text = (example.bad or example.good or "").replace("⟦", "").replace("⟧", "")
            name = f"example.{_EXTENSION[example.format]}"
            out += [(name, text), (name, text.upper())]
    out += [(path.name, path.read_text(encoding="utf-8")) for path in SEEDS]
    return out


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=[r.code for r in RULES], languagetool=False)


def test_routing_never_hides_a_match(linter: Linter) -> None:
    routed = linter.kinds
    assert isinstance(routed, engine.Kinds)
    skipped = 0
    for name, text in _texts():
        doc = linter.parse(name, text)
        skipped += routed.router.runs(doc).count(False)
        assert engine.lint(doc, routed) == engine.lint(linter.parse(name, text), list(routed)), name
    assert skipped > 0  # the router did rule kinds out


def test_a_kind_whose_strings_are_absent_is_not_run(linter: Linter) -> None:
    class Probe:
        def __init__(self, needs):
            self.needs = needs

        def required(self):
            return self.needs

    kinds = engine.Kinds([Probe((frozenset({"zebra"}),)), Probe((frozenset({"horse", "dog"}), frozenset({"cat"}))),
                          Probe(None), Probe((frozenset({"dog"}),)), Probe((frozenset({"dog"}), frozenset({"emu"})))])
    doc = linter.parse("x.txt", "The DOG and the Cat.")
    assert kinds.router.runs(doc) == [False, True, True, True, False]


@pytest.mark.parametrize("pattern", ["colou?r", r"\bcolou?r\b", r"(?i)(?:kilo|mega)metres?\b", r"\p{Lu}\p{Ll}+ Bay"])
def test_lazy_pattern_answers_as_the_compiled_one(pattern: str) -> None:
    lazy = registry.lazy_pattern(pattern)
    compiled = regex.compile(pattern)
    for text in ("no match here", "the colour red", "COLOR", "Twelve kilometres", "Botany Bay", ""):
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert bool(lazy.search(text)) == bool(compiled.search(text))
    assert registry.lazy_pattern("colou?r").search("grey") is None


def test_gated_patterns_never_hide_a_match(linter: Linter) -> None:
    """Every lazily compiled pattern the linter made (rule patterns and the ones kinds build), on every text its
    derived literals rule out: the compiled pattern finds nothing there either."""
    import gc

    from copylint.data.literals import fold, holds

    texts = _texts()
    for name, text in texts:
        linter.lint_source(name, text)
    patterns = [p for p in gc.get_objects() if isinstance(p, registry.LazyPattern)]
    checked = 0
    for pattern in patterns:
        needs = registry._required(pattern.pattern, pattern._flags)
        if not needs:
            continue
        compiled = pattern._build()
        for _, text in texts:
            if not holds(fold(text), needs):
                assert compiled.search(text) is None, (pattern.pattern[:80], text[:80])
                checked += 1
    assert checked > 1000


def test_a_partial_match_is_never_gated() -> None:
    lazy = registry.lazy_pattern("colour")
    assert lazy.search("the colo") is None
    assert lazy.search("the colo", partial=True) is not None


def test_the_router_follows_a_changed_list(linter: Linter) -> None:
    kinds = engine.Kinds(linter.kinds)
    first = kinds.router
    assert kinds.router is first
    kinds.pop()
    assert kinds.router is not first and len(kinds.router.runs(linter.parse("x.txt", "Text."))) == len(kinds)


def _gated_patterns(linter: Linter) -> tuple[list[tuple[str, str]], list]:
    """(texts, patterns): the texts (with letters that fold to others: Kelvin sign, long s, dotted I), and one of
    each lazily compiled pattern the linter made on the first 50 of them and each mention pattern, that have
    required literals (a gate tests leads and probes only then)."""
    import gc

    from copylint.data import mentions

    texts = _texts() + [("x.txt", t.replace("k", "\u212a").replace("s", "ſ").replace("I", "İ")) for _, t in _texts()]
    for name, text in texts[:50]:
        linter.lint_source(name, text)
    patterns = [p for p in gc.get_objects() if isinstance(p, registry.LazyPattern)] + list(mentions._compiled().values())
    return texts, [p for p in {p.pattern: p for p in patterns}.values() if registry._required(p.pattern, p._flags)]


@pytest.mark.parametrize("anchored", [False, True])
def test_leading_literals_never_hide_a_match(linter: Linter, anchored: bool) -> None:
    """The lead a LazyPattern tests before compiling (data.literals.prefix; anchored_prefix for match and fullmatch,
    which goes on past classes): wherever the compiled pattern matches, the lead matches the folded text there (at
    the same offset when the fold keeps offsets, and at the start for a match there), and so somewhere."""
    from copylint.data.literals import anchored_prefix, fold
    from copylint.data.literals import prefix as search_prefix

    prefix = anchored_prefix if anchored else search_prefix
    texts, patterns = _gated_patterns(linter)
    checked = 0
    for pattern in patterns:
        lead = prefix(pattern.pattern)
        if lead is None:
            continue
        compiled = pattern._build()
        keep = "\\K" in pattern.pattern  # a match reported after \K began before it, where the lead is
        for _, text in texts:
            folded, aligned = fold(text), registry._aligned(text) and not keep
            for m in compiled.finditer(text, overlapped=True):
                assert lead.search(folded), (pattern.pattern[:80], m.group())
                assert not aligned or lead.match(folded, m.start()), (pattern.pattern[:80], m.group())
                assert m.start() or keep or lead.match(folded), (pattern.pattern[:80], m.group())
                checked += 1
    assert checked > 1000


def test_probes_never_hide_a_match(linter: Linter) -> None:
    """The later runs of literals a LazyPattern tests before compiling (data.literals.probes): wherever the compiled
    pattern matches, each probe finds a match in the folded text, within the match's span when the fold keeps
    offsets."""
    from copylint.data.literals import fold, probes

    texts, patterns = _gated_patterns(linter)
    checked = 0
    for pattern in patterns:
        found = probes(pattern.pattern)
        if not found:
            continue
        compiled = pattern._build()
        for _, text in texts:
            folded, aligned = fold(text), registry._aligned(text) and "\\K" not in pattern.pattern
            for m in compiled.finditer(text, overlapped=True):
                for probe in found:
                    assert probe.search(folded), (pattern.pattern[:80], probe.pattern, m.group())
                    assert not aligned or probe.search(folded, m.start(), m.end()), (pattern.pattern[:80], m.group())
                checked += 1
    assert checked > 100
