"""The public-syntax regex parser behind the derived literals: its tree, its refusals, and soundness on every rule."""
from __future__ import annotations

import pathlib
import tomllib

import pytest
import regex

from copylint.data import regex_syntax as rs
from copylint.data.literals import fold, required, required_all

RULES = pathlib.Path(__file__).resolve().parent.parent / "rules"


def test_tree_of_common_syntax() -> None:
    assert rs.parse("ab") == [(rs.LITERAL, 97), (rs.LITERAL, 98)]
    assert rs.parse("a|bc") == [(rs.BRANCH, [[(rs.LITERAL, 97)], [(rs.LITERAL, 98), (rs.LITERAL, 99)]])]
    assert rs.parse(r"(?:x)+?") == [(rs.MIN_REPEAT, (1, rs.MAXREPEAT, [(rs.SUBPATTERN, [(rs.LITERAL, 120)])]))]
    assert rs.parse(r"\s{2,3}") == [(rs.MAX_REPEAT, (2, 3, [(rs.IN, [(rs.CATEGORY, rs.CATEGORY_SPACE)])]))]
    assert rs.parse(r"[^a-c\d]") == [(rs.IN, [(rs.NEGATE, None), (rs.RANGE, (97, 99)), (rs.CATEGORY, "digit")])]
    assert rs.parse(r"\bx\Z") == [(rs.AT, "boundary"), (rs.LITERAL, 120), (rs.AT, "end_string")]
    assert rs.parse(r"a\Kb") == [(rs.LITERAL, 97), (rs.AT, "keep"), (rs.LITERAL, 98)]
    assert rs.parse(r"(?P<v>a)(?P=v)\1") == [(rs.SUBPATTERN, [(rs.LITERAL, 97)]), (rs.GROUPREF, "v"), (rs.GROUPREF, "1")]
    assert rs.parse(r"(?<!a)(?=b)(?>c)") == [(rs.ASSERT_NOT, [(rs.LITERAL, 97)]), (rs.ASSERT, [(rs.LITERAL, 98)]),
                                             (rs.ATOMIC_GROUP, [(rs.LITERAL, 99)])]
    assert rs.parse(r"a{x}\x41\u00e9\.\-") == [(rs.LITERAL, c) for c in map(ord, "a{x}Aé.-")]
    assert rs.parse(r"(?i)a(?#note)(?i:b)") == [(rs.LITERAL, 97), (rs.SUBPATTERN, [(rs.LITERAL, 98)])]
    assert rs.parse("(?xi) a b # note\n [ ] \\  c +") == [(rs.LITERAL, 97), (rs.LITERAL, 98), (rs.IN, [(rs.LITERAL, 32)]),
                                                        (rs.LITERAL, 32), (rs.MAX_REPEAT, (1, rs.MAXREPEAT, [(rs.LITERAL, 99)]))]
    assert rs.parse("a{,}") == [(rs.MAX_REPEAT, (0, rs.MAXREPEAT, [(rs.LITERAL, 97)]))]


@pytest.mark.parametrize("pattern", [r"a(?x)b", r"(?ix:a b)", r"a**", r"(a", r"a)", r"\q", r"[a", r"[z-a]", r"(?<n", "*a",
                                     r"[\w--\d]x", r"[a&&b]x", r"[[a]b]x", r"(?:abc){e<=1}", r"x\p{", r"\L<1x>"])
def test_refuses_what_it_does_not_read(pattern: str) -> None:
    with pytest.raises(rs.Unsupported):
        rs.parse(pattern)


def _rule_patterns() -> list[str]:
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str) and any(ch in value for ch in "\\(|[?*+"):
            found.add(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for path in RULES.rglob("*.toml"):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted(found)


def _example_texts() -> list[str]:
    from copylint.registry import load_rules

    texts = []
    for rule in load_rules():
        for example in rule.examples:
            text = (example.bad or example.good).replace("⟦", "").replace("⟧", "")
            texts += [text, text.upper()]
    return texts


def test_derived_literals_never_hide_a_match_of_any_rule_pattern() -> None:
    texts = _example_texts()
    checked = 0
    for pattern in _rule_patterns():
        try:
            compiled = regex.compile(pattern, regex.IGNORECASE | regex.V1)
        except regex.error:
            continue  # a template or a non-pattern string
        needs, all_needs = required(pattern), required_all(pattern)
        for text in texts:
            for match in compiled.finditer(text, timeout=1):
                if not match.group():
                    continue
                folded = fold(text)  # a gate asks the text searched (a look-around's literals may lie outside the match)
                assert needs is None or any(s in folded for s in needs), (pattern, match.group())
                assert all(any(s in folded for s in one) for one in all_needs), (pattern, match.group())
                checked += 1
    assert checked > 100


def test_a_positive_look_around_needs_its_literals_in_the_text_and_a_negative_one_nothing() -> None:
    assert required_all(r"(?=[^\n]{0,200}?commission)(?i:[^\n]{0,300})$") == (frozenset({"commission"}),)
    assert required_all(r"(?<=\bsaid\s)to\b") == (frozenset({"said"}), frozenset({"to"}))
    assert required_all(r"(?!.*commission)(?:\S+\s*){1,20}$") == ()


def test_properties_and_named_lists_are_classes_never_literals() -> None:
    assert rs.parse(r"\p{Lu}\pL[\P{N}x]") == [(rs.IN, [(rs.CATEGORY, "property")]), (rs.IN, [(rs.CATEGORY, "property")]),
                                              (rs.IN, [(rs.CATEGORY, "property"), (rs.LITERAL, 120)])]
    assert required_all(r"\p{Lu}\w+ Bay\b") == (frozenset({" bay"}),)
    assert required(r"\L<orgs>\s+member") == frozenset({"member"})
    regex.compile(r"\L<orgs>\s+member", orgs=["EU"])  # the syntax the parser reads is the regex module's


def test_a_repeated_literal_continues_the_run_by_its_required_copies() -> None:
    assert required_all(r"(?<=[$£€]|\b)XX+(?=\s*%)") == (frozenset({"xx"}),)
    assert required("ab+c") == frozenset({"ab"})
    assert required(r"TK(?:TK)*|XX+") == frozenset({"tk", "xx"})
    assert required("x{2,}") == frozenset({"xx"}) and required("x{0,3}y") == frozenset({"y"})
