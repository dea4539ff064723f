"""Reporter: what check_paths() tells as a run goes (pyflakes' reporter is the model). The base class ignores it
all; CollectingReporter keeps findings for callers of the API; the console reporter prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

if TYPE_CHECKING:
    from ..model import Finding
    from ..pipeline import CheckSummary
    from ..rule import Rule


@dataclass(frozen=True)
class RunInfo:
    """What a reporter may need to know about the run before the first file."""

    rules: Mapping[str, Rule]  # code -> Rule, loaded on first use
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    fixing_stdin: bool = False  # --fix on standard input: the fixed text is the output
    writing_baseline: bool = False


class NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


class Reporter:
    """Every event of a run; override what you need."""

    def start(self, run: RunInfo) -> None:
        """Before the first file."""

    def warning(self, message: str) -> None:
        """Something the user must know (LanguageTool unreachable, a fix loop that did not settle)."""

    def notice(self, message: str) -> None:
        """Something worth a line when not quiet (an explicit file with an unknown extension)."""

    def status(self, message: str) -> None:
        """What a slow step is doing (said after a few seconds)."""

    def progress(self, total: int, label: str):
        """A progress bar for `total` units: update(n), close()."""
        return NoProgress()

    def checked(self, path: str, source: str, findings: Sequence[Finding]) -> None:
        """One text's findings (after fixes: what remains), in path order."""

    def fixed(self, path: str, applied: Sequence[Finding], text: str | None = None) -> None:
        """Fixes applied to a file; text is the fixed text when it goes to standard output instead."""

    def diff(self, path: str, diff: str) -> None:
        """The unified diff of what --fix would change in a file."""

    def finish(self, summary: CheckSummary) -> None:
        """After the last file."""


@dataclass
class CollectingReporter(Reporter):
    """Keeps every finding, each text checked, the warnings and the diffs: for callers of check_paths()."""

    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)

    def warning(self, message: str) -> None:
        self.warnings.append(message)

    def checked(self, path: str, source: str, findings: Sequence[Finding]) -> None:
        self.sources[path] = source
        self.findings.extend(findings)

    def diff(self, path: str, diff: str) -> None:
        self.diffs[path] = diff
