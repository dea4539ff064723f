"""Which rules run: --select/--ignore by code prefix or rule name, plus rules that are off by default; unknown
selectors are errors with a "did you mean"; LT:<RULE_ID> picks single LanguageTool rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .errors import ConfigError
from .rule import Rule

LT_PREFIX = "LT:"
_LT_RULE_ID = re.compile(r"LT:[A-Z][A-Z0-9_]*")
_ALL = "ALL"
_LT_ALL = frozenset({"LT", LT_PREFIX})


def matches(rule_code: str, rule_name: str, selectors: Iterable[str]) -> bool:
    return any(s == _ALL or rule_code.startswith(s) or rule_name == s for s in selectors)


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = (),
                 extend_select: Sequence[str] = ()) -> list[Rule]:
    """Rules chosen by select (default: every rule on by default) plus extend_select, minus ignore."""
    chosen = []
    named = [s for s in select if s != _ALL]
    for rule in rules:
        if select:
            picked = matches(rule.code, rule.name, select)
            if picked and not rule.default and _ALL in select and not matches(rule.code, rule.name, named):
                picked = False
        else:
            picked = rule.default
        if matches(rule.code, rule.name, extend_select):
            picked = True
        if picked and not matches(rule.code, rule.name, ignore):
            chosen.append(rule)
    return chosen


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    """Raise a ConfigError naming `where` for the first selector that picks nothing: not ALL, a code prefix of a
    rule, a rule name, LT or LT:<RULE_ID>. A typo must never silently turn rules off."""
    for selector in selectors:
        if not _known(selector, rules):
            raise ConfigError(f"{where}: unknown rule code, prefix or name {selector!r}{did_you_mean(selector, rules)}")


def check_rule_keys(keys: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    """Keys that must name one rule exactly (severity overrides): a code or a name."""
    exact = {x for r in rules for x in (r.code, r.name)}
    for key in keys:
        if key not in exact:
            raise ConfigError(f"{where}: no rule has the code or name {key!r}{did_you_mean(key, rules)}")


def _known(selector: str, rules: Sequence[Rule]) -> bool:
    if selector == _ALL or selector in _LT_ALL or _LT_RULE_ID.fullmatch(selector):
        return True
    return any(r.code.startswith(selector) or r.name == selector for r in rules)


def did_you_mean(selector: str, rules: Sequence[Rule]) -> str:
    """'; did you mean 'CL2'?' — the closest valid selector, or a pointer to the rule list."""
    import difflib

    upper = selector.upper()
    if upper != selector and _known(upper, rules):
        return f"; did you mean {upper!r}?"
    if selector.lower() == "all":
        return f"; did you mean {_ALL!r}?"
    codes = {r.code for r in rules}
    candidates = sorted({*codes, *(c[:3] for c in codes), *(c[:4] for c in codes), *(r.name for r in rules)})
    close = difflib.get_close_matches(selector, candidates, n=3, cutoff=0.6)
    if not close and upper.startswith("CL") and upper[2:].isdigit():
        close = sorted(c for c in codes if c.startswith(upper[:3]))[:3]
    if close:
        return "; did you mean " + " or ".join(repr(c) for c in close) + "?"
    return "; `copylint rules --all` lists the rules"


@dataclass(frozen=True)
class LanguageToolSelection:
    """What --select/--ignore/--extend-select say about LanguageTool: whether it runs, and single rules."""

    wanted: bool
    only: tuple[str, ...] = ()  # LT:<ID> selected without LT or ALL: just these rules run
    disabled: tuple[str, ...] = ()
    enabled: tuple[str, ...] = ()  # LT:<ID> in extend-select: on even when curated off by default


def languagetool_selection(select: Sequence[str], ignore: Sequence[str],
                           extend_select: Sequence[str]) -> LanguageToolSelection:
    def ids(selectors: Sequence[str]) -> tuple[str, ...]:
        return tuple(s[len(LT_PREFIX):] for s in selectors if _LT_RULE_ID.fullmatch(s))

    if any(s == _ALL or s in _LT_ALL for s in ignore):
        return LanguageToolSelection(False)
    everything = not select or any(s == _ALL or s in _LT_ALL for s in select) or any(s in _LT_ALL for s in extend_select)
    only = () if everything else ids(select)
    enabled = ids(extend_select)
    wanted = everything or bool(only) or bool(enabled)
    if not everything and not only:
        only = enabled  # nothing but the LT rules named in extend-select
    return LanguageToolSelection(wanted, only, ids(ignore), tuple(dict.fromkeys((*only, *enabled))))
