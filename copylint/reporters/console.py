"""ConsoleReporter: prints a run for a person or a tool — findings to the output stream in the chosen format (file by
file where the format allows), warnings, progress and the summary to stderr."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Sequence, TextIO

from . import FORMATS, get_reporter
from .base import NoProgress, Reporter, RunInfo
from .context import ReportContext
from ..streaming import spin_codes, text_spin

if TYPE_CHECKING:
    from ..model import Finding
    from ..pipeline import CheckSummary


class ConsoleReporter(Reporter):
    def __init__(self, output_format: str = "text", out: TextIO | None = None, err: TextIO | None = None, *,
                 color: bool | None = None, quiet: bool = False, statistics: bool = False,
                 show_fixes: bool = False) -> None:
        self.format = output_format
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.color = _use_color(color, output_format, self.out)
        self.quiet, self.statistics, self.show_fixes = quiet, statistics, show_fixes
        self.report = get_reporter(output_format)
        self.streams = FORMATS[output_format].streams and not statistics
        self.run = RunInfo(rules={})
        self.sources: dict[str, str] = {}
        self.findings: list[Finding] = []
        self.by_code: dict[str, list] = {}  # code -> [count, name, fixable count]
        self.fixes: list[tuple[str, Sequence[Finding]]] = []
        self.spin_codes: frozenset[str] = frozenset()
        self.spin: list[tuple[str, float, int]] = []

    def _write(self, text: str, err: bool = False, verbatim: bool = False) -> None:
        """Write text; `verbatim` text (a diff, a fixed file) keeps what looks like terminal escapes: click strips
        those from output that is no terminal, and a diff without the ESC [ c of its file no longer applies."""
        import click

        if text:
            color = True if verbatim else self.color if not err else None
            click.echo(text, file=self.err if err else self.out, nl=False, color=color)

    def start(self, run: RunInfo) -> None:
        self.run = run
        if self.format == "text" and not self.quiet:
            self.spin_codes = spin_codes(run.rules.values())

    def warning(self, message: str) -> None:
        self._write(f"copylint: warning: {message}\n", err=True)

    def notice(self, message: str) -> None:
        if not self.quiet:
            self._write(f"copylint: notice: {message}\n", err=True)

    def status(self, message: str) -> None:
        if not self.quiet and _isatty(self.err):
            self._write(f"copylint: {message}\n", err=True)

    def progress(self, total: int, label: str):
        from ..streaming import Progress, want_progress

        if want_progress(self.quiet, self.streams and self.out is sys.stdout):
            return Progress(total, label)
        return NoProgress()

    def checked(self, path: str, source: str, findings: Sequence[Finding]) -> None:
        if self.spin_codes:
            self._spin(path, source, findings)
        if self.statistics:
            self._count(findings)
        if self.run.diff or self.run.fixing_stdin or self.run.writing_baseline or self.statistics:
            return
        if self.streams:
            if findings:
                self._write(self.report(findings, ReportContext({path: source}, self.color, self.run.rules)))
        else:
            self.sources[path] = source
            self.findings.extend(findings)

    def fixed(self, path: str, applied: Sequence[Finding], text: str | None = None) -> None:
        if text is not None:
            self._write(text, verbatim=True)
        self.fixes.append((path, applied))

    def diff(self, path: str, diff: str) -> None:
        self._write(diff, verbatim=True)

    def finish(self, summary: CheckSummary) -> None:
        if self.statistics:
            self._write(_statistics(self.by_code, self.format))
        elif not self.streams and not (self.run.diff or self.run.fixing_stdin or self.run.writing_baseline):
            self.findings.sort(key=lambda f: f.sort_key)
            self._write(self.report(self.findings, ReportContext(self.sources, self.color, self.run.rules)))
        if self.quiet:
            return
        for line in self._summary_lines(summary):
            self._write(line + "\n", err=True)

    def _summary_lines(self, summary: CheckSummary) -> list[str]:
        from .text import summary as found

        lines = []
        if self.run.fix:
            lines.append(f"Fixed {_count(summary.fixed, 'problem')} in {_count(summary.fixed_files, 'file')}, "
                         f"{summary.findings} remaining.")
            if self.show_fixes:
                lines.extend(_fix_listing(self.fixes))
        elif self.show_fixes and summary.fixable:
            lines.append(f"{_count(summary.fixable, 'problem')} would be fixed by --fix"
                         f"{' --unsafe-fixes' if self.run.unsafe_fixes else ''}.")
        if self.format == "text" and not self.run.diff:
            lines.append(found(summary.tally, summary.texts, 0 if self.run.fix else summary.fixable))
            lines.extend(f"Spin score {score:.1f} per 1,000 words ({_count(spun, 'spun phrase')}): {path}"
                         for path, score, spun in self.spin[:20])
        if self.run.diff:
            lines.append(f"{_count(summary.diffs, 'file')} would be changed by --fix." if summary.diffs
                         else "No fixes to apply.")
        if summary.unreadable:
            lines.append(f"{_count(summary.unreadable, 'input')} could not be read (CL900): exit code 2.")
        if summary.baselined:
            lines.append(f"{_count(summary.baselined, 'known finding')} in the baseline not shown.")
        if summary.baseline_written is not None:
            file, n = summary.baseline_written
            lines.append(f"Wrote a baseline of {_count(n, 'finding')} to {file}.")
        return lines

    def _spin(self, path: str, source: str, findings: Sequence[Finding]) -> None:
        score, spun = text_spin(findings, source, self.spin_codes)
        if spun:
            self.spin.append((path, score, spun))

    def _count(self, findings: Sequence[Finding]) -> None:
        allowed = {"safe", "unsafe"} if self.run.unsafe_fixes else {"safe"}
        for f in findings:
            row = self.by_code.setdefault(f.code, [0, f.name, 0])
            row[0] += 1
            row[2] += f.fix is not None and f.fix.applicability.value in allowed


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _statistics(by_code: dict[str, list], output_format: str) -> str:
    """Findings per code, most frequent first ([*]: --fix fixes some); JSON for the machine-readable formats."""
    rows = sorted(by_code.items(), key=lambda item: (-item[1][0], item[0]))
    if output_format != "text":
        import json

        return json.dumps([{"code": code, "name": name, "count": n, "fixable": fixable}
                           for code, (n, name, fixable) in rows], indent=2) + "\n"
    return "".join(f"{n:>6}  {code:<8} {'[*]' if fixable else '   '} {name}\n" for code, (n, name, fixable) in rows)


def _fix_listing(fixes: list[tuple[str, Sequence[Finding]]]) -> list[str]:
    lines = []
    for path, applied in sorted(fixes, key=lambda item: item[0]):
        counts: dict[tuple[str, str], int] = {}
        for f in applied:
            counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
        lines.append(f"  {path}:")
        lines.extend(f"    {n} × {code} ({name})" for (code, name), n in sorted(counts.items()))
    return lines


def _use_color(flag: bool | None, output_format: str, out: TextIO) -> bool:
    if output_format != "text":
        return False
    if flag is not None:
        return flag
    return _isatty(out) and "NO_COLOR" not in os.environ


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
