"""Helpers for long check runs: a constant-memory finding tally, a throttled progress bar, lazily loaded rule
metadata, and a notice for a step still running after a few seconds."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from typing import Callable, Collection, Iterable, Iterator, Sequence

from .model import Applicability, Finding, Severity


def spin_codes(rules: Iterable) -> frozenset[str]:
    """The codes the spin-score rule counts (its 'count' key), for per-file figures in reports."""
    for rule in rules:
        if rule.kind == "spin-score":
            return frozenset(rule.params.get("count", ()))
    return frozenset()


def text_spin(findings: Iterable[Finding], source: str, codes: frozenset[str]) -> tuple[float, int]:
    """(spin score, spun phrases) of a text from its findings, whether or not it reached the rule's threshold."""
    from .document import WORD_RE
    from .kinds.spin import spin_score

    for f in findings:  # the spin-score rule's own figures, when it spoke, so every report gives the same number
        figures = dict(f.data or ())
        if "spin_score" in figures:
            return figures["spin_score"], figures["spun_phrases"]
    spun = len({(f.start, f.end) for f in findings if f.code in codes})
    return (spin_score(spun, len(WORD_RE.findall(source))) if spun else 0.0), spun


class Tally:
    """Counts findings without keeping them; iterates like the findings' severities for reporters' summary()."""

    def __init__(self) -> None:
        self.counts: dict[Severity, int] = {}
        self.sample: dict[Severity, Finding] = {}
        self.fixes: dict[Applicability, int] = {}  # findings with a fix, by the fix's applicability

    def add(self, findings: Sequence[Finding]) -> None:
        for f in findings:
            self.counts[f.severity] = self.counts.get(f.severity, 0) + 1
            self.sample.setdefault(f.severity, f)
            if f.fix is not None:
                self.fixes[f.fix.applicability] = self.fixes.get(f.fix.applicability, 0) + 1

    def __len__(self) -> int:
        return sum(self.counts.values())

    def fixable(self, allowed: Collection[Applicability]) -> int:
        """Findings whose fix --fix would apply, given the applicabilities it is allowed."""
        return sum(n for applicability, n in self.fixes.items() if applicability in allowed)

    def __iter__(self) -> Iterator[Finding]:
        for severity, n in self.counts.items():
            for _ in range(n):
                yield self.sample[severity]

    def fails(self, threshold: Severity) -> bool:
        return any(s.rank >= threshold.rank for s in self.counts)


class LazyRules(Mapping):
    """code -> Rule, loaded on first use: only some reporters (SARIF) read rule metadata."""

    def __init__(self, load: Callable[[], Mapping]) -> None:
        self._load = load
        self._rules: Mapping | None = None

    def _get(self) -> Mapping:
        if self._rules is None:
            self._rules = self._load()
        return self._rules

    def __getitem__(self, key):
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def want_progress(quiet: bool, streaming_to_stdout: bool) -> bool:
    """A bar only for a person watching: stderr is a terminal, not CI, and findings are not printed to that terminal
    as they come."""
    if quiet or os.environ.get("CI") or not _isatty(sys.stderr):
        return False
    return not (streaming_to_stdout and _isatty(sys.stdout))


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """click's progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, length: int, label: str) -> None:
        import click

        self._bar = click.progressbar(length=max(1, length), label=label, file=sys.stderr, show_eta=True,
                                      show_percent=True)
        self._bar.__enter__()
        self._pending = 0
        self._last = 0.0

    def update(self, n: int) -> None:
        self._pending += n
        now = time.monotonic()
        if now - self._last >= 0.1:
            self._bar.update(self._pending)
            self._pending = 0
            self._last = now

    def close(self) -> None:
        if self._pending:
            self._bar.update(self._pending)
        self._bar.__exit__(None, None, None)


class NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


SLOW_AFTER = 2.0  # seconds a step may take before it is announced


class SlowStep:
    """`with SlowStep(say, "compiling the rules"):` calls say(what + "…") if the step is still running after `after`
    seconds (from a timer thread), and say(what + ": done in N s") when such a step ends."""

    def __init__(self, say: Callable[[str], None], what: str, after: float | None = None) -> None:
        self.say, self.what = say, what
        self.after = SLOW_AFTER if after is None else after
        self._timer = None
        self._started = 0.0

    def __enter__(self) -> SlowStep:
        import threading

        self._started = time.monotonic()
        self._timer = threading.Timer(self.after, self.say, (f"{self.what}…",))
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        took = time.monotonic() - self._started
        if took >= self.after:
            self.say(f"{self.what}: done in {took:.1f} s")
