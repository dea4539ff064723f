"""Run compiled rule kinds over a Document and return findings in a deterministic order."""
from __future__ import annotations

from typing import Iterable, Sequence

from .document import Document
from .errors import CopylintError, RuleFailure
from .kinds import KINDS
from .kinds.base import Kind
from .model import Finding
from .rule import Rule


def build_kinds(rules: Iterable[Rule], **shared: object) -> "Kinds":
    """Compile each rule into its kind (regexes and automata are built here, once). `shared` holds run-wide facts
    (e.g. `known`: every rule code and name); a kind gets those it names in its SHARED."""
    return Kinds(_build(KINDS[rule.kind], rule, shared) for rule in rules)


class Kinds(list):
    """A run's kinds, with the router that tells from one pass over a document which of them can find anything."""

    _router: "Router | None" = None
    _plan: "tuple[tuple[int, ...], dict[type, list[Kind]], list[Kind]] | None" = None

    @property
    def router(self) -> "Router":
        """Built on first use, and again if the list changed since."""
        if self._router is None or self._router.kinds != tuple(map(id, self)):
            self._router = Router(self)
        return self._router

    def plan(self) -> "tuple[dict[type, list[Kind]], list[Kind]]":
        """The kinds grouped by class (for prepare) and in summary_order, worked out once per list."""
        ids = tuple(map(id, self))
        if self._plan is None or self._plan[0] != ids:
            self._plan = (ids, _by_class(self), summary_order(self))
        return self._plan[1], self._plan[2]


class Router:
    """One Aho-Corasick automaton over every string the kinds' required() sets name; one pass of it over a
    document's folded prose (data.literals.fold) tells which kinds to run: a kind none of one of whose sets
    occurs cannot find anything, so its check() is skipped. Kinds with no provable set always run."""

    def __init__(self, kinds: Sequence[Kind]) -> None:
        import ahocorasick

        self.kinds = tuple(map(id, kinds))
        needs = [kind.required() for kind in kinds]
        ids: dict[str, int] = {}
        for sets in needs:
            for strings in sets or ():
                for string in strings:
                    ids.setdefault(string, len(ids))
        self._automaton = ahocorasick.Automaton() if ids else None
        for string, i in ids.items():
            self._automaton.add_word(string, i)
        if self._automaton is not None:
            self._automaton.make_automaton()
        # per kind: None (always run) or, for each set, the ids of its strings
        self._needs = [None if not sets else [frozenset(ids[s] for s in strings) for strings in sets]
                       for sets in needs]

    def runs(self, doc: Document) -> list[bool]:
        """Whether each kind (in order) may find anything in doc."""
        if self._automaton is None:
            return [True] * len(self._needs)
        from .data.literals import fold

        found = {i for _, i in self._automaton.iter(fold(doc.prose))}
        return [sets is None or all(not found.isdisjoint(ids) for ids in sets) for sets in self._needs]


def _build(kind: type[Kind], rule: Rule, shared: dict[str, object]) -> Kind:
    wanted = {name: shared[name] for name in kind.SHARED if name in shared}
    return kind(rule, **wanted) if wanted else kind(rule)


def lint(doc: Document, kinds: Sequence[Kind]) -> list[Finding]:
    """Every kind's findings, then the document-level summaries (which read those findings), deduplicated, sorted."""
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()

    def add(new: Iterable[Finding]) -> None:
        for finding in new:
            key = (finding.code, finding.start, finding.end)
            if key not in seen:
                seen.add(key)
                findings.append(finding)

    if isinstance(kinds, Kinds):
        by_class, summaries = kinds.plan()
        runs = kinds.router.runs(doc)
    else:
        by_class, summaries, runs = _by_class(kinds), summary_order(kinds), [True] * len(kinds)
    current: Kind | None = None
    try:
        for cls, group in by_class.items():
            current = group[0]
            cls.prepare(doc, group)
        for kind, run in zip(kinds, runs):
            if run:
                current = kind
                add(kind.check(doc))
        for kind in summaries:
            current = kind
            add(kind.summarize(doc, tuple(findings)))
    except CopylintError:
        raise
    except Exception as exc:  # never a traceback, never a silently missing rule: the run stops naming the rule
        rule = f"{current.rule.code} {current.rule.name}" if current is not None else "a rule"
        raise RuleFailure(f"{doc.path}: {rule} failed ({type(exc).__name__}: {exc}); a damaged copylint install "
                          "(reinstall it) or a bug (please report it)") from exc
    findings.sort(key=lambda f: f.sort_key)
    return findings


def _by_class(kinds: Sequence[Kind]) -> dict[type, list[Kind]]:
    by_class: dict[type, list[Kind]] = {}
    for kind in kinds:
        by_class.setdefault(type(kind), []).append(kind)
    return by_class


def one_advice_per_span(findings: list[Finding]) -> list[Finding]:
    """Sorted findings without repeats: two rules giving the same advice on the same words ("pleaded responsible" ->
    "pleaded guilty", from a phrase table and from the spin model) are one finding, the one of the lower code."""
    kept: list[Finding] = []
    advice: set[tuple[str, int, int, str]] = set()
    for finding in findings:
        if finding.suggestions:
            key = (finding.path, finding.start, finding.end, finding.suggestions[0].casefold())
            if key in advice:
                continue
            advice.add(key)
        kept.append(finding)
    return kept


def summary_order(kinds: Sequence[Kind]) -> list[Kind]:
    """The kinds with each after the rules its summary reads (requires), so a summary sees their summaries too
    (the spin score counts the phrases the spun-phrase model adds in a spun document); otherwise as given."""
    by_code = {kind.rule.code: kind for kind in kinds}
    order: list[Kind] = []
    placed: set[str] = set()

    def place(kind: Kind, visiting: frozenset[str]) -> None:
        code = kind.rule.code
        if code in placed or code in visiting:
            return
        for needed in type(kind).requires(kind.rule):
            if needed in by_code:
                place(by_code[needed], visiting | {code})
        placed.add(code)
        order.append(kind)

    for kind in kinds:
        place(kind, frozenset())
    return order

