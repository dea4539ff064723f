"""Public API: Linter (rules + config + engines, built once), lint_text() for one text, check_paths() for a run."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .config import Config
from .directives import parse_directives
from .document import Document
from .engine import build_kinds, lint, one_advice_per_span
from .fixes import allowed_applicabilities, apply_edits, choose_fixes
from .formats import format_for_path, parser_for
from .model import Finding, Severity
from .registry import load_rules
from .rule import Rule
from .selection import check_rule_keys, check_selectors, languagetool_selection, matches, select_rules
from .suppress import apply_directives, apply_per_file_ignores

if TYPE_CHECKING:
    from .engines.languagetool import LanguageToolEngine

MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class FixResult:
    """A text after its fixes: what remains, what was fixed, and whether the passes settled."""

    source: str
    findings: tuple[Finding, ...]  # what remains in `source`
    fixed: tuple[Finding, ...] = ()  # the findings whose fixes were applied, over every pass
    looping: tuple[str, ...] = ()  # codes still fixing when MAX_FIX_PASSES ran out (empty: converged)


class Linter:
    """Everything needed to lint many files: rules compiled once, config applied, engines kept warm.

    Unknown codes, prefixes or names in the selection or the config are a ConfigError (a typo must not turn rules
    off). Each Linter holds its own state: two Linters never change each other's findings."""

    def __init__(
        self,
        config: Config | None = None,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        rule_dirs: Iterable[Path] = (),
        languagetool: bool | None = None,
    ) -> None:
        self.config = cfg = config or Config()
        self.all_rules, chosen = resolve_rules(cfg, select, ignore, extend_select, rule_dirs)
        self.select = tuple(select) or cfg.select
        self.ignore = (*cfg.ignore, *ignore)
        self.extend_select = (*cfg.extend_select, *extend_select)
        overrides = dict(cfg.severity)
        self.rules: list[Rule] = [
            dataclasses.replace(r, severity=overrides.get(r.code, overrides.get(r.name, r.severity))) for r in chosen
        ]
        helpers = self._helpers()
        self._hidden = frozenset(r.code for r in helpers)
        known = frozenset(x for r in self.all_rules for x in (r.code, r.name))
        self.kinds = build_kinds([*self.rules, *helpers], known=known, reject=cfg.reject)
        self._unused_rule = next((r for r in self.rules if r.kind == "unused-directive"), None)
        self.context = {"names": cfg.names, "vocabulary": cfg.vocabulary, "spin_threshold": cfg.spin_threshold,
                        "spin_sensitivity": cfg.spin_sensitivity, "dialect": cfg.dialect}
        self.warnings: list[str] = []
        self.lt_selection = languagetool_selection(self.select, self.ignore, self.extend_select)
        self.languagetool: LanguageToolEngine | None = None
        self._asker = None
        wants_lt = cfg.languagetool_enabled if languagetool is None else languagetool
        if wants_lt and self.lt_selection.wanted:
            self.languagetool = self._start_languagetool()

    def _helpers(self) -> list[Rule]:
        """Rules a selected summary rule reads (the spin score counts spun phrases): they run too, unreported."""
        from .kinds import KINDS

        chosen_codes = {r.code for r in self.rules}
        needed = {c for r in self.rules for c in KINDS[r.kind].requires(r)} - chosen_codes
        return [r for r in self.all_rules if r.code in needed]

    def _start_languagetool(self) -> LanguageToolEngine | None:
        try:
            from .engines.languagetool import LanguageToolEngine
        except ImportError as exc:  # pragma: no cover - engine module missing from a broken install
            self.warnings.append(f"LanguageTool engine unavailable ({exc}); built-in rules still run")
            return None
        lt, picked = self.config.languagetool, self.lt_selection
        engine = LanguageToolEngine(
            url=lt.get("url"),
            disabled_rules=(*lt.get("disable", ()), *picked.disabled),
            enabled_rules=(*lt.get("enable", ()), *picked.enabled),
            vocabulary=(*self.config.vocabulary, *self.config.names),
            language=lt.get("language", self.config.dialect or "en-US"),
            only_rules=picked.only,
        )
        problem = engine.available()
        if problem:
            self.warnings.append(problem)
            return None
        return engine

    def _ask_languagetool(self, doc: Document):
        """The engine's query for doc (a Future), sent from one helper thread this Linter keeps."""
        if self._asker is None:
            from concurrent.futures import ThreadPoolExecutor

            self._asker = ThreadPoolExecutor(1, thread_name_prefix="copylint-languagetool")
        return self._asker.submit(self.languagetool.query, doc)

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
        # LanguageTool answers from another process: its request is on the wire while the built-in rules run.
        asked = self._ask_languagetool(doc) if self.languagetool is not None else None
        findings = lint(doc, self.kinds)
        if self._hidden:
            findings = [f for f in findings if f.code not in self._hidden]
        if asked is not None:
            from .engines.languagetool import merge

            query = asked.result()
            checked = self.languagetool.findings(doc, query) if query is not None else []
            findings = merge(findings, [f for f in checked if not matches(f.code, "", self.ignore)])
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
        return one_advice_per_span(findings)

    def fix(self, path: str, source: str, fmt: str | None = None, unsafe: bool = False) -> FixResult:
        """Apply allowed fixes and re-lint until nothing more applies, at most MAX_FIX_PASSES times."""
        allowed = allowed_applicabilities(unsafe)
        findings = self.lint_source(path, source, fmt)
        fixed: list[Finding] = []
        applied: list[Finding] = []
        for _ in range(MAX_FIX_PASSES):
            last = applied
            edits, applied = choose_fixes(source, findings, allowed)
            changed = apply_edits(source, edits) if edits else source
            if changed == source:
                return FixResult(source, tuple(findings), tuple(fixed))
            fixed.extend(applied)
            source = changed
            findings = self.lint_source(path, source, fmt)
        edits, pending = choose_fixes(source, findings, allowed)
        if not edits or apply_edits(source, edits) == source:
            return FixResult(source, tuple(findings), tuple(fixed))
        # The rules still fixing: those of the last two passes and the next one (two fixes undoing each other).
        looping = tuple(sorted({f.code for f in (*last, *applied, *pending)}))
        return FixResult(source, tuple(findings), tuple(fixed), looping)

    def fix_source(self, path: str, source: str, fmt: str | None = None, unsafe: bool = False) -> tuple[str, list[Finding]]:
        """fix(), as (new source, what remains)."""
        result = self.fix(path, source, fmt, unsafe)
        return result.source, list(result.findings)


def resolve_rules(config: Config, select: Sequence[str] = (), ignore: Sequence[str] = (),
                  extend_select: Sequence[str] = (), rule_dirs: Iterable[Path] = ()) -> tuple[list[Rule], list[Rule]]:
    """(every loaded rule, the rules a run selects), after checking that every selector in the arguments and the
    config names a rule: a ConfigError with a "did you mean" otherwise."""
    rules = load_rules([*config.rule_dirs, *rule_dirs])
    for option, values in (("--select", select), ("--ignore", ignore), ("--extend-select", extend_select)):
        check_selectors(values, rules, option)
    where = config.path or "config"
    for key, values in (("select", config.select), ("ignore", config.ignore), ("extend-select", config.extend_select)):
        check_selectors(values, rules, f"{where}: key '{key}'")
    for glob, codes in config.per_file_ignores:
        check_selectors(codes, rules, f"{where}: key 'per-file-ignores.{glob}'")
    check_rule_keys((code for code, _ in config.severity), rules, f"{where}: key 'severity'")
    chosen = select_rules(rules, tuple(select) or config.select, (*config.ignore, *ignore),
                          (*config.extend_select, *extend_select))
    return rules, chosen


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
