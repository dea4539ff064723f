"""check_paths(): a whole run over paths — config, discovery, reading, cache, parallel lint, fixes, baseline — told
to a Reporter as it goes. The command line, the tests and other tools all call this."""
from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from .errors import InputError
from .inputs import MAX_FILE_SIZE
from .model import Applicability, Severity
from .reporters.base import Reporter, RunInfo
from .runner import LinterSpec, Result, Task
from .streaming import LazyRules, SlowStep, Tally

if TYPE_CHECKING:
    from .api import Linter
    from .config import Config
    from .model import Finding

INPUT_FORMATS = ("auto", "plain", "markdown", "html", "jsonl")


@dataclass(frozen=True)
class CheckOptions:
    """Everything a run can be asked for, as plain data (the command line's options)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    config_path: str | None = None  # else copylint.toml / pyproject.toml found upward from the first path
    fail_on: Severity | None = None  # else the config's fail-on
    min_severity: Severity | None = None  # findings below it are neither reported nor counted
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    stdin_filename: str | None = None
    input_format: str = "auto"  # or plain, markdown, html; jsonl: the paths are JSON Lines files of records
    text_field: str = "text"
    id_field: str = "id"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    languagetool: bool | None = None  # None: as the config says
    jobs: int | None = None  # None: every core
    cache: bool = True
    cache_dir: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    exit_zero: bool = False
    max_file_size: int | None = MAX_FILE_SIZE  # bytes; None: no cap
    languagetool_url: str | None = None  # else $LANGUAGETOOL_URL, else the config's (when trusted), else local


@dataclass
class CheckSummary:
    """What a run found, in counts (a run over a million records keeps no findings)."""

    texts: int = 0
    tally: Tally = field(default_factory=Tally)
    failed: bool = False  # a reported finding at or above the fail-on severity
    unreadable: int = 0
    fixed: int = 0
    fixed_files: int = 0
    diffs: int = 0
    baselined: int = 0  # findings the baseline knew, not reported
    unchecked: int = 0  # texts LanguageTool should have checked but did not (it failed during the run)
    baseline_written: tuple[str, int] | None = None  # (file, findings in it)
    allowed_fixes: frozenset[Applicability] = frozenset({Applicability.SAFE})
    exit_zero: bool = False

    @property
    def findings(self) -> int:
        return len(self.tally)

    @property
    def fixable(self) -> int:
        return self.tally.fixable(self.allowed_fixes)

    @property
    def exit_code(self) -> int:
        """2: an input could not be read; 1: findings at the fail level or a non-empty --diff; else 0."""
        if self.unreadable:
            return 2
        if self.exit_zero or self.baseline_written is not None:
            return 0
        return 1 if self.failed or self.diffs else 0


def check_paths(paths: Sequence[str], options: CheckOptions | None = None,
                reporter: Reporter | None = None) -> CheckSummary:
    """Lint files and folders ('-' is standard input; JSON Lines files with input_format='jsonl'), apply fixes if
    asked, and tell `reporter` everything. Usage, config and rule errors raise CopylintError before any file is
    linted; a file that cannot be read is reported as a CL900 finding and the run goes on (exit code 2)."""
    return _Check(tuple(paths) or (".",), options or CheckOptions(), reporter or Reporter()).run()


def load_run_config(paths: Sequence[str], config_path: str | None, languagetool_url: str | None = None) -> Config:
    """The config a run over paths uses: the one named, else the nearest above the first path (or the cwd). A
    found config outside the project may not send text off this machine: its off-loopback languagetool.url is
    left unused (with a warning); languagetool_url (the command line's) overrides any."""
    import dataclasses

    from .config import config_in_project, find_config, load_config

    if config_path:
        if not os.path.isfile(config_path):
            raise InputError(f"{config_path}: no such config file")
        config = load_config(Path(config_path))
    else:
        anchor = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        anchor = anchor if anchor.exists() else Path.cwd()
        found = find_config(anchor)
        config = load_config(found)
        url = config.languagetool.get("url")
        if found is not None and isinstance(url, str) and not _is_loopback(url) and \
                not config_in_project(found, anchor):
            lt = {k: v for k, v in config.languagetool.items() if k != "url"}
            config = dataclasses.replace(config, languagetool=lt, warnings=(
                *config.warnings, f"{found}: languagetool.url {url} not used: a config outside this project may not "
                "send text off this machine (pass --languagetool-url or set LANGUAGETOOL_URL to use it)"))
    if languagetool_url:
        config = dataclasses.replace(config, languagetool={**config.languagetool, "url": languagetool_url})
    return config


def _is_loopback(url: str) -> bool:
    from .engines.languagetool import is_loopback  # the engine module only when a config names a server

    return is_loopback(url)


def linter_spec(options: CheckOptions | None = None, paths: Sequence[str] = ()) -> LinterSpec:
    """The recipe for the Linter a run with these options uses (config found as check_paths finds it): for tools
    that lint texts elsewhere, such as the Dask adapter's workers."""
    options = options or CheckOptions()
    config = load_run_config(tuple(paths) or (".",), options.config_path, options.languagetool_url)
    return LinterSpec(config, options.select, options.ignore, options.extend_select, options.languagetool)


class _Check:
    """One run's state; each method is one step."""

    def __init__(self, paths: tuple[str, ...], options: CheckOptions, reporter: Reporter) -> None:
        self.paths, self.options, self.reporter = paths, options, reporter
        self.corpus = options.input_format == "jsonl"
        if self.corpus and (options.fix or options.diff):
            raise InputError("--fix and --diff do not apply to --input-format jsonl")
        if options.input_format not in INPUT_FORMATS:
            raise InputError(f"unknown input format {options.input_format!r} (one of {', '.join(INPUT_FORMATS)})")
        self.spec = linter_spec(options, paths)
        self.config = self.spec.config
        self._linter: Linter | None = None
        self.fmt = None if options.input_format in ("auto", "jsonl") else options.input_format
        self.stdin_name = (options.stdin_filename or "<stdin>") if "-" in paths else None
        from .fixes import allowed_applicabilities

        self.summary = CheckSummary(allowed_fixes=allowed_applicabilities(options.unsafe_fixes),
                                    exit_zero=options.exit_zero)
        self.threshold = options.fail_on or self.config.fail_on
        self.baseline = self._baseline()
        self.new_baseline: Counter | None = Counter() if options.write_baseline else None
        self.problems: dict[str, str] = {}  # named paths that cannot be read -> why
        self._unchecked_reason: str | None = None
        for message in self.config.warnings:
            reporter.warning(message)
        if self.spec.wants_languagetool:
            from .engines.languagetool import is_loopback, resolve_url

            url = resolve_url(self.config.languagetool.get("url"))
            if not is_loopback(url):
                reporter.notice(f"LanguageTool at {url}: texts are sent to that server")

    def _baseline(self):
        if not self.options.baseline:
            return None
        from .baseline import Baseline

        return Baseline.load(self.options.baseline)

    def linter(self) -> Linter:
        """Built on first need: a run whose every text is cached never compiles a rule."""
        if self._linter is None:
            with SlowStep(self.reporter.status, "loading and compiling the rules"):
                self._linter = self.spec.build()
            for message in self._linter.warnings:
                self.reporter.warning(message)
        return self._linter

    def run(self) -> CheckSummary:
        import gc

        from .runner import default_jobs, run

        # Until the first text is done, the run loads its rules and data: much is allocated and little freed, so a
        # garbage collection then is wasted work (a tenth of a one-article run); it resumes after that text.
        self._collecting = gc.isenabled()
        gc.disable()
        cache = progress = None
        try:
            # LanguageTool's reachability changes what a run finds, so it is known before the cache is chosen.
            languagetool = self.spec.wants_languagetool and self.linter().languagetool is not None
            cache = self._open_cache(languagetool)
            tasks, expected, progress = self._records(cache) if self.corpus else self._files(cache)
            self.reporter.start(self._run_info())
            opts = self.options
            results = run(tasks, self.spec, jobs=opts.jobs or default_jobs(), fix=opts.fix or opts.diff,
                          unsafe=opts.unsafe_fixes, cache=cache, local=self.linter, expected=expected)
            for result in self._first_slowly(results):
                progress.update(0 if self.corpus else 1)
                self._take(result)
        finally:
            self._collect()
            if progress is not None:
                progress.close()
            if cache is not None:
                cache.close()
                self.summary.texts += cache.unread
            from .cache import NOTICES

            for message in NOTICES:
                self.reporter.notice(message)
            NOTICES.clear()
        self._say_unchecked()
        self._write_baseline()
        self.reporter.finish(self.summary)
        return self.summary

    def _say_unchecked(self) -> None:
        """One warning for the run when LanguageTool failed: how many texts it did not check. It counts as a
        warning-severity failure (exit 1 unless --fail-on error); those results were not cached."""
        count = self.summary.unchecked
        if not count:
            return
        self.reporter.warning(f"{self._unchecked_reason}; LanguageTool did not check {count} of "
                              f"{self.summary.texts} text{'s' if self.summary.texts != 1 else ''} in this run "
                              "(their grammar and spelling findings are missing; not cached)")
        if self.threshold.rank <= Severity.WARNING.rank:
            self.summary.failed = True

    def _first_slowly(self, results: Iterator[Result]) -> Iterator[Result]:
        """The results, the wait for the first one announced when long (first use of rule data, LanguageTool)."""
        with SlowStep(self.reporter.status, "checking the first text (rule data and LanguageTool warm up once)"):
            first = next(results, None)
        self._collect()
        if first is not None:
            yield first
            yield from results

    def _collect(self) -> None:
        """Garbage collection on again (if it was on when the run began)."""
        if self._collecting:
            import gc

            gc.enable()

    def _run_info(self) -> RunInfo:
        opts = self.options
        return RunInfo(rules=LazyRules(self._rules_by_code), fix=opts.fix, diff=opts.diff,
                       unsafe_fixes=opts.unsafe_fixes, fixing_stdin=bool(opts.fix and self.stdin_name),
                       writing_baseline=self.new_baseline is not None)

    def _rules_by_code(self) -> dict:
        from .registry import load_rules

        return {r.code: r for r in load_rules(self.config.rule_dirs)}

    def _open_cache(self, languagetool: bool):
        opts = self.options
        if not opts.cache or opts.fix or opts.diff:
            return None
        from .cache import Cache, default_dir, fingerprint

        cache, problem = Cache.open(Path(opts.cache_dir) if opts.cache_dir else default_dir(),
                                    fingerprint(self.spec, languagetool))
        if problem:
            self.reporter.warning(problem)
        return cache

    # --- inputs ---------------------------------------------------------------------------------------------
    def _files(self, cache):
        """(tasks in display order, how many, progress) for the named files and the files in named folders."""
        stats: dict[str, os.stat_result] = {}  # of named files, for the cache: taken before they are read
        files, regular = self._discover(stats if cache is not None else None)
        displays = [self.stdin_name if name == "-" else name for name, _ in files]
        # In display order, so reports streamed file by file come out exactly as one sorted report would.
        order = sorted(range(len(files)), key=displays.__getitem__)
        progress = self.reporter.progress(len(files), "Linting files") if len(files) >= 50 else _none()

        def tasks() -> Iterator[Task]:
            for i in order:
                name, fmt = files[i]
                task = self._read(name, displays[i], fmt, cache, stats.get(name), name in regular)
                if task is not None:
                    yield task
                else:  # unchanged since a run that found nothing in it: counted, not read
                    progress.update(1)

        return tasks(), len(files), progress

    def _discover(self, stats) -> tuple[list[tuple[str, str | None]], set[str]]:
        """(name, format) of each text ('-': standard input; format None: a path that cannot be read)."""
        from .formats import format_for_path

        opts, config = self.options, self.config
        files: list[tuple[str, str | None]] = []
        regular: set[str] = set()
        if self.stdin_name is not None:
            files.append(("-", format_for_path(opts.stdin_filename or "stdin.txt")))
        walk = [p for p in self.paths if p != "-"]
        if walk:
            from .discovery import discover

            errors: list[tuple[str, str]] = []
            skipped: list[str] = []
            found, unknown = discover(walk, include=opts.include or config.include,
                                      exclude=opts.exclude or config.exclude, regular=regular, stats=stats,
                                      errors=errors, skipped=skipped)
            for line in skipped:
                self.reporter.notice(line)
            files.extend(found)
            files.extend((path, None) for path, _ in errors)
            self.problems = dict(errors)
            for path in unknown:
                self.reporter.notice(f"{path}: unknown extension, read as plain text")
        if not files:
            raise InputError("no files to check (directories are searched for .md, .markdown, .txt, .html, .htm)")
        return files, regular

    def _read(self, name: str, display: str, fmt: str | None, cache, st, regular: bool) -> Task | None:
        from .inputs import decode, read_source, too_big

        if fmt is None:
            return Task(display, "", None, error=self.problems[name])
        fmt = self.fmt or fmt
        try:
            limit = self.options.max_file_size
            if name == "-":
                data = sys.stdin.buffer.read(limit + 1) if limit is not None else sys.stdin.buffer.read()
                if limit is not None and len(data) > limit:
                    raise too_big(display, len(data), limit)
                return Task(display, decode(data, display), fmt, data)
            if cache is not None:
                return cache.read(name, fmt, st, limit)
            source, data = read_source(name, regular, limit)
            return Task(display, source, fmt, data)
        except InputError as exc:
            return Task(display, "", fmt, error=str(exc).removeprefix(f"{display}: "))

    def _records(self, cache):
        """(tasks, None, progress) for the records of JSON Lines files ('-': standard input)."""
        from .corpus import read_records

        names = [p for p in self.paths if p != "-"] + (["-"] if "-" in self.paths else [])
        total = sum(os.path.getsize(n) for n in names if n != "-" and os.path.isfile(n))
        progress = self.reporter.progress(total, "Linting records") if "-" not in names else _none()
        fmt, opts = self.fmt or "plain", self.options

        def tasks() -> Iterator[Task]:
            for name in names:
                try:
                    for record in read_records(name, opts.text_field, opts.id_field, warn=self.reporter.warning,
                                               progress=progress.update):
                        yield Task(record.id, record.text, fmt)
                except InputError as exc:
                    yield Task(name, "", fmt, error=str(exc).removeprefix(f"{name}: "))

        return tasks(), None, progress

    # --- each result ----------------------------------------------------------------------------------------
    def _take(self, result: Result) -> None:
        task, summary = result.task, self.summary
        summary.texts += 1
        source = task.source
        if task.error is not None:
            summary.unreadable += 1
        if result.fixed is not None and result.fixed != source:
            self._apply(task, result)
            source = result.fixed
        if result.looping:
            from .api import MAX_FIX_PASSES

            self.reporter.warning(
                f"{task.path}: fixes did not settle after {MAX_FIX_PASSES} passes ({', '.join(result.looping)} kept "
                "changing the text); the file holds the last pass: check it")
        if result.unchecked is not None:
            summary.unchecked += 1
            self._unchecked_reason = self._unchecked_reason or result.unchecked
        findings = self._shown(result.findings, task.error is not None)
        summary.tally.add(findings)
        summary.failed = summary.failed or any(f.severity.rank >= self.threshold.rank for f in findings)
        self.reporter.checked(task.path, source, findings)

    def _apply(self, task: Task, result: Result) -> None:
        """Show (--diff) or write (--fix) a text's fixes."""
        if self.options.diff:
            diff = unified_diff(task.source, result.fixed, task.path)
            self.summary.diffs += 1
            self.reporter.diff(task.path, diff)
            return
        if task.path == self.stdin_name:
            self.reporter.fixed(task.path, result.applied, result.fixed)
        else:
            from .inputs import write_atomic

            write_atomic(task.path, result.fixed)
            self.reporter.fixed(task.path, result.applied)
        self.summary.fixed += len(result.applied)
        self.summary.fixed_files += 1

    def _shown(self, findings: Sequence[Finding], unreadable: bool) -> Sequence[Finding]:
        """The findings to report: minus those the baseline knows and those below --min-severity."""
        if unreadable:
            return findings
        if self.baseline is not None:
            findings, known = self.baseline.filter(findings)
            self.summary.baselined += known
        least = self.options.min_severity
        if least is not None:
            findings = [f for f in findings if f.severity.rank >= least.rank]
        if self.new_baseline is not None:
            from .baseline import key

            self.new_baseline.update(key(f) for f in findings)
        return findings

    def _write_baseline(self) -> None:
        if self.new_baseline is None:
            return
        from .baseline import write

        write(self.options.write_baseline, self.new_baseline)
        self.summary.baseline_written = (self.options.write_baseline, sum(self.new_baseline.values()))


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff that `patch -p1` applies to old to give exactly new: lines split at LF only (as patch reads
    them: CR, CRLF and U+2028 stay inside lines), and a last line without LF marked as such."""
    import difflib

    out = []
    lines = difflib.unified_diff(_lf_lines(old), _lf_lines(new),
                                 f"a/{path}", f"b/{path}")
    for i, line in enumerate(lines):
        if i < 2 or line.startswith("@@"):
            out.append(line)
        elif line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lf_lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _none():
    from .reporters.base import NoProgress

    return NoProgress()


def show_settings(paths: Sequence[str], options: CheckOptions | None = None) -> dict[str, object]:
    """The settings a run over paths would use (--show-settings): config file, selection, rules, engines, cache."""
    from .api import resolve_rules
    from .cache import default_dir
    from .engines.languagetool import resolve_url

    options = options or CheckOptions()
    spec = linter_spec(options, paths)
    config = spec.config
    _, rules = resolve_rules(config, options.select, options.ignore, options.extend_select)
    return {
        "config": config.path or "(none: defaults)",
        "select": list(options.select or config.select) or ["(rules on by default)"],
        "ignore": [*config.ignore, *options.ignore],
        "extend-select": [*config.extend_select, *options.extend_select],
        "rules": [r.code for r in rules],
        "fail-on": (options.fail_on or config.fail_on).value,
        "min-severity": options.min_severity.value if options.min_severity else "info",
        "languagetool": resolve_url(config.languagetool.get("url")) if spec.wants_languagetool else "off",
        "names": list(config.names), "vocabulary": list(config.vocabulary), "reject": list(config.reject),
        "include": list(options.include or config.include), "exclude": list(options.exclude or config.exclude),
        "per-file-ignores": {glob: list(codes) for glob, codes in config.per_file_ignores},
        "cache": (options.cache_dir or str(default_dir())) if options.cache else "off",
        "baseline": options.baseline or "none",
    }
