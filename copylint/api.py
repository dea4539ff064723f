"""Public API: Linter (rules + config + engines, built once) and lint_text() for one-off use."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable, Sequence

from .config import Config
from .directives import parse_directives
from .document import Document
from .engine import build_kinds, lint
from .fixes import allowed_applicabilities, apply_edits, choose_edits
from .formats import format_for_path, parser_for
from .kinds.directive import BadDirective
from .model import Finding, Severity
from .registry import load_rules
from .rule import Rule
from .selection import matches, select_rules
from .suppress import apply_directives, apply_per_file_ignores

MAX_FIX_PASSES = 10


class Linter:
    """Everything needed to lint many files: rules compiled once, config applied, engines kept warm."""

    def __init__(
        self,
        config: Config | None = None,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        rule_dirs: Iterable[Path] = (),
        languagetool: bool | None = None,
    ) -> None:
        self.config = config or Config()
        cfg = self.config
        self.all_rules = load_rules([*cfg.rule_dirs, *rule_dirs])
        self.select = tuple(select) or cfg.select
        self.ignore = (*cfg.ignore, *ignore)
        overrides = dict(cfg.severity)
        chosen = select_rules(self.all_rules, self.select, self.ignore, (*cfg.extend_select, *extend_select))
        self.rules: list[Rule] = [
            dataclasses.replace(r, severity=overrides.get(r.code, overrides.get(r.name, r.severity))) for r in chosen
        ]
        BadDirective.known = frozenset(x for r in self.all_rules for x in (r.code, r.name))
        # Rules a selected summary rule reads (the spin score counts spun phrases) run too, unreported.
        from .kinds import KINDS

        chosen_codes = {r.code for r in self.rules}
        needed = {c for r in self.rules for c in KINDS[r.kind].requires(r)} - chosen_codes
        helpers = [r for r in self.all_rules if r.code in needed]
        self._hidden = frozenset(r.code for r in helpers)
        self.kinds = build_kinds([*self.rules, *helpers])
        self._unused_rule = next((r for r in self.rules if r.kind == "unused-directive"), None)
        self.context = {"names": cfg.names, "vocabulary": cfg.vocabulary, "spin_threshold": cfg.spin_threshold,
                        "dialect": cfg.dialect}
        self.warnings: list[str] = []
        self.languagetool = None
        wants_lt = cfg.languagetool_enabled if languagetool is None else languagetool
        if wants_lt and self._lt_selected():
            self.languagetool = self._start_languagetool()

    def _lt_selected(self) -> bool:
        if matches("LT:", "LT", self.ignore) or any(s in ("LT", "LT:") for s in self.ignore):
            return False
        return not self.select or any(s == "ALL" or s.startswith("LT") for s in self.select)

    def _start_languagetool(self):
        try:
            from .engines.languagetool import LanguageToolEngine
        except ImportError as exc:  # pragma: no cover - engine module missing from a broken install
            self.warnings.append(f"LanguageTool engine unavailable ({exc}); built-in rules still run")
            return None
        lt = self.config.languagetool
        engine = LanguageToolEngine(
            url=lt.get("url"),
            disabled_rules=lt.get("disable", ()),
            enabled_rules=lt.get("enable", ()),
            vocabulary=(*self.config.vocabulary, *self.config.names),
            language=lt.get("language", self.config.dialect or "en-US"),
        )
        problem = engine.available()
        if problem:
            self.warnings.append(problem)
            return None
        return engine

    def _runs(self, selector: str) -> bool:
        if selector.startswith("LT"):
            return self.languagetool is not None
        return any(matches(r.code, r.name, [selector]) or selector == "all" for r in self.rules)

    def parse(self, path: str, source: str, fmt: str | None = None) -> Document:
        doc = parser_for(fmt or format_for_path(path))(path, source)
        doc.context = self.context
        return doc

    def lint_source(self, path: str, source: str, fmt: str | None = None) -> list[Finding]:
        doc = self.parse(path, source, fmt)
        findings = lint(doc, self.kinds)
        if self._hidden:
            findings = [f for f in findings if f.code not in self._hidden]
        if self.languagetool is not None:
            from .engines.languagetool import merge

            findings = merge(findings, self.languagetool.check(doc))
        if doc.format != "plain":
            findings = _fit_to_markup(doc, findings)
        directives, _ = parse_directives(source)
        findings, unused = apply_directives(source, findings, directives)
        if self._unused_rule is not None and unused:
            # A directive is judged unused only when every rule it names actually ran.
            judged = [d for d in unused if all(self._runs(c) for c in d.codes)]
            findings.extend(_unused_findings(self._unused_rule, path, source, judged))
        findings = apply_per_file_ignores(path, findings, self.config.per_file_ignores)
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def fix_source(self, path: str, source: str, fmt: str | None = None, unsafe: bool = False) -> tuple[str, list[Finding]]:
        """Apply allowed fixes and re-lint until nothing more applies (bounded); returns new source and what remains."""
        allowed = allowed_applicabilities(unsafe)
        findings = self.lint_source(path, source, fmt)
        for _ in range(MAX_FIX_PASSES):
            edits = choose_edits(source, findings, allowed)
            if not edits:
                break
            fixed = apply_edits(source, edits)
            if fixed == source:
                break
            source = fixed
            findings = self.lint_source(path, source, fmt)
        return source, findings


def _fit_to_markup(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Fixes in Markdown/HTML rewritten to keep the markup intact (escaped, narrowed); a fix that would cut
    through markup is dropped and its suggestions stay for a human."""
    from .formats.markup import fit_fix

    return [f if f.fix is None else dataclasses.replace(f, fix=fit_fix(doc, f.fix)) for f in findings]


def _unused_findings(rule: Rule, path: str, source: str, unused) -> list[Finding]:
    from .kinds.base import format_message

    return [
        Finding(path=path, code=rule.code, name=rule.name, severity=rule.severity,
                message=format_message(rule.message, {"codes": ", ".join(d.codes)}),
                start=d.start, end=d.end, text=source[d.start:d.end])
        for d in unused
    ]


def lint_text(text: str, path: str = "<stdin>", fmt: str | None = None, *, select: Sequence[str] = (),
              ignore: Sequence[str] = (), languagetool: bool = False, config: Config | None = None) -> list[Finding]:
    """Lint one text with the built-in rules (LanguageTool off unless asked)."""
    return Linter(config, select=select, ignore=ignore, languagetool=languagetool).lint_source(path, text, fmt)


def fails(findings: Iterable[Finding], fail_on: Severity) -> bool:
    return any(f.severity.rank >= fail_on.rank for f in findings)
