"""Apply inline directives and per-file ignores to findings; report directives that suppressed nothing."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from .directives import Directive
from .model import Finding
from .source import LineIndex


def _covers(code: str, name: str, selectors: tuple[str, ...]) -> bool:
    return any(s == "all" or code == s or name == s or (code.startswith(s) and s != "") for s in selectors)


@dataclass(frozen=True, slots=True)
class _Region:
    directive: Directive
    start: int
    end: int


def _regions(source: str, directives: list[Directive]) -> list[_Region]:
    lines = LineIndex(source)
    regions: list[_Region] = []
    open_disables: list[Directive] = []
    for d in directives:
        if d.action == "disable-next-line":
            line, _ = lines.position(d.end)
            try:
                start, end = lines.line_span(source, line + 1)
            except IndexError:
                start = end = len(source)
            regions.append(_Region(d, start, end))
        elif d.action == "disable":
            open_disables.append(d)
        else:  # enable closes the disables it names
            still = []
            for o in open_disables:
                if set(d.codes) & set(o.codes) or "all" in d.codes:
                    regions.append(_Region(o, o.end, d.start))
                else:
                    still.append(o)
            open_disables = still
    regions.extend(_Region(o, o.end, len(source)) for o in open_disables)
    return regions


def apply_directives(source: str, findings: list[Finding], directives: list[Directive]) -> tuple[list[Finding], list[Directive]]:
    """Findings not covered by a directive, and the disable directives that covered nothing."""
    if not directives:
        return findings, []
    regions = [r for r in _regions(source, directives)]
    used: set[int] = set()
    kept = []
    for f in findings:
        hit = False
        for i, r in enumerate(regions):
            if r.start <= f.start < r.end and _covers(f.code, f.name, r.directive.codes):
                used.add(i)
                hit = True
        if not hit:
            kept.append(f)
    unused = [r.directive for i, r in enumerate(regions) if i not in used]
    return kept, unused


def apply_per_file_ignores(path: str, findings: list[Finding], per_file: tuple[tuple[str, tuple[str, ...]], ...]) -> list[Finding]:
    selectors: tuple[str, ...] = ()
    for glob, codes in per_file:
        if fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], glob):
            selectors += codes
    if not selectors:
        return findings
    return [f for f in findings if not _covers(f.code, f.name, selectors)]
