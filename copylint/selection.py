"""Which rules run: --select/--ignore by code prefix or rule name, plus rules that are off by default."""
from __future__ import annotations

from typing import Iterable, Sequence

from .rule import Rule


def matches(rule_code: str, rule_name: str, selectors: Iterable[str]) -> bool:
    return any(s == "ALL" or rule_code.startswith(s) or rule_name == s for s in selectors)


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = (),
                 extend_select: Sequence[str] = ()) -> list[Rule]:
    """Rules chosen by select (default: every rule on by default) plus extend_select, minus ignore."""
    chosen = []
    for rule in rules:
        if select:
            picked = matches(rule.code, rule.name, select)
            if picked and not rule.default and "ALL" in select and not matches(rule.code, rule.name, [s for s in select if s != "ALL"]):
                picked = False
        else:
            picked = rule.default
        if matches(rule.code, rule.name, extend_select):
            picked = True
        if picked and not matches(rule.code, rule.name, ignore):
            chosen.append(rule)
    return chosen
