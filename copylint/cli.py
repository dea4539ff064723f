"""Command line (click): copylint check | rules | rule CODE | languagetool."""
from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import CopylintError, InputError

_SEVERITIES = click.Choice(["info", "warning", "error"])


def _fail(message: str) -> "NoReturn":  # type: ignore[name-defined]
    click.echo(f"copylint: error: {message}", err=True)
    sys.exit(2)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copylint")
def main() -> None:
    """copylint: a copyedit linter for articles (plain text, Markdown, HTML)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json", "jsonl", "sarif", "github"]),
              default="text", show_default=True, help="Output format (text, jsonl and github stream file by file).")
@click.option("--select", multiple=True, help="Only these rules (code prefix or name; comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (code prefix or name; comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rules (e.g. ones off by default).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="copylint.toml or pyproject.toml to use.")
@click.option("--fail-on", type=_SEVERITIES, help="Exit 1 only for findings at or above this severity.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--input-format", type=click.Choice(["auto", "plain", "markdown", "html", "jsonl"]), default="auto",
              show_default=True, help="Force the input format; jsonl: PATHS are JSON Lines files, one article a line.")
@click.option("--text-field", default="text", show_default=True, help="With --input-format jsonl: the text's field.")
@click.option("--id-field", default="id", show_default=True,
              help="With --input-format jsonl: the field naming a record in findings (else FILE:LINE).")
@click.option("--include", multiple=True, help="Glob of files to take when walking directories.")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--no-languagetool", is_flag=True, help="Do not use the LanguageTool engine.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: number of cores].")
@click.option("--no-cache", is_flag=True, help="Lint every text again; read and write no cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Cache location [default: $COPYLINT_CACHE_DIR, else the user cache dir].")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no warnings.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
def check(paths, output_format, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
          stdin_filename, input_format, text_field, id_field, include, exclude, no_languagetool, jobs, no_cache,
          cache_dir, quiet, color) -> None:
    """Lint PATHS (files or directories; '-' reads standard input)."""
    try:
        code = _check(paths or (".",), output_format, _split(select), _split(ignore), _split(extend_select),
                      config_path, fail_on, fix, unsafe_fixes, diff, stdin_filename, input_format,
                      include, exclude, no_languagetool, quiet, color, jobs=jobs, no_cache=no_cache,
                      cache_dir=cache_dir, text_field=text_field, id_field=id_field)
    except CopylintError as exc:
        _fail(str(exc))
    sys.exit(code)


def _check(paths, output_format, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
           stdin_filename, input_format, include, exclude, no_languagetool, quiet, color, *, jobs=None,
           no_cache=False, cache_dir=None, text_field="text", id_field="id") -> int:
    from .config import find_config, load_config
    from .fixes import allowed_applicabilities
    from .inputs import decode, read_text, write_atomic
    from .model import Severity
    from .registry import load_rules
    from .reporters import get_reporter
    from .reporters.context import ReportContext
    from .runner import LinterSpec, Task, default_jobs, run
    from .streaming import STREAMED_FORMATS, LazyRules, NoProgress, Progress, Tally, want_progress

    corpus = input_format == "jsonl"
    if corpus and (fix or diff):
        raise InputError("--fix and --diff do not apply to --input-format jsonl")
    if config_path:
        if not os.path.isfile(config_path):
            raise InputError(f"{config_path}: no such config file")
        config = load_config(Path(config_path))
    else:
        anchor = Path(paths[0]) if paths[0] != "-" else Path.cwd()
        config = load_config(find_config(anchor if anchor.exists() else Path.cwd()))
    spec = LinterSpec(config, tuple(select), tuple(ignore), tuple(extend_select),
                      False if no_languagetool else None)

    def warn(message: str) -> None:
        if not quiet:
            click.echo(f"copylint: warning: {message}", err=True)

    built: list = []

    def linter():
        # Built on first need: a run whose every text is cached never compiles a rule.
        if not built:
            built.append(spec.build())
            for message in built[0].warnings:
                warn(message)
        return built[0]

    # LanguageTool's reachability changes what a run finds, so it is known before the cache is chosen.
    languagetool_active = spec.wants_languagetool and linter().languagetool is not None
    cache = None
    if not (no_cache or fix or diff):
        from .cache import Cache, default_dir, fingerprint

        cache, problem = Cache.open(Path(cache_dir) if cache_dir else default_dir(),
                                    fingerprint(spec, languagetool_active))
        if problem:
            warn(problem)

    fmt = None if input_format in ("auto", "jsonl") else input_format
    streaming = output_format in STREAMED_FORMATS and not diff
    progress = NoProgress()
    if corpus:
        from .corpus import read_records

        names = [p for p in paths if p != "-"] + (["-"] if "-" in paths else [])
        total = sum(os.path.getsize(n) for n in names if n != "-" and os.path.isfile(n))
        if "-" not in names and want_progress(quiet, streaming):
            progress = Progress(total, "Linting records")

        def tasks():
            for name in names:
                for record in read_records(name, text_field, id_field, warn=warn, progress=progress.update):
                    yield Task(record.id, record.text, fmt or "plain")

        expected = None
        step = 0
    else:
        files = _inputs(paths, stdin_filename, include or config.include, exclude or config.exclude, quiet)
        displays = [(stdin_filename or "<stdin>") if name == "-" else name for name, _ in files]
        # In display order, so reports streamed file by file come out exactly as one sorted report would.
        order = sorted(range(len(files)), key=lambda i: displays[i])
        if len(files) >= 50 and want_progress(quiet, streaming):
            progress = Progress(len(files), "Linting files")

        def tasks():
            for i in order:
                name, path_fmt = files[i]
                if name == "-":
                    source = decode(sys.stdin.buffer.read(), displays[i])
                else:
                    source = read_text(name)
                yield Task(displays[i], source, fmt or path_fmt)

        expected = len(files)
        step = 1

    allowed = allowed_applicabilities(unsafe_fixes)
    use_color = _use_color(color, output_format)
    rules = LazyRules(lambda: {r.code: r for r in load_rules(config.rule_dirs)})  # what Linter.all_rules holds
    report = get_reporter(output_format)
    tally = Tally(_spin_codes(rules) if output_format == "text" and not quiet else frozenset())
    sources: dict[str, str] = {}
    findings = []
    texts = 0
    try:
        for result in run(tasks(), spec, jobs=jobs or default_jobs(), fix=fix or diff, unsafe=unsafe_fixes,
                          cache=cache, local=linter, expected=expected):
            texts += 1
            progress.update(step)
            task, source = result.task, result.task.source
            if result.fixed is not None:
                if diff and result.fixed != source:
                    click.echo("".join(difflib.unified_diff(source.splitlines(True), result.fixed.splitlines(True),
                                                            f"a/{task.path}", f"b/{task.path}")), nl=False)
                elif fix and result.fixed != source:
                    if task.path == (stdin_filename or "<stdin>") and "-" in paths:
                        click.echo(result.fixed, nl=False)
                    else:
                        write_atomic(task.path, result.fixed)
                source = result.fixed
            tally.add(result.findings, allowed, task.path, source)
            if streaming and not (fix and "-" in paths):
                if result.findings:
                    context = ReportContext(sources={task.path: source}, color=use_color, rules=rules)
                    click.echo(report(result.findings, context), nl=False)
            else:
                sources[task.path] = source
                findings.extend(result.findings)
    finally:
        progress.close()
        if cache is not None:
            cache.close()
    if not streaming and not (diff or (fix and "-" in paths)):
        findings.sort(key=lambda f: f.sort_key)
        context = ReportContext(sources=sources, color=use_color, rules=rules)
        click.echo(report(findings, context), nl=False)
    if output_format == "text" and not quiet and not diff:
        from .reporters.text import summary

        click.echo(summary(tally, texts, 0 if fix else tally.fixable), err=True)
        for path, score, spun in tally.spin[:20]:
            click.echo(f"Spin score {score:.1f} per 1,000 words ({spun} spun phrase{'s' if spun != 1 else ''}): {path}",
                       err=True)
    threshold = Severity(fail_on) if fail_on else config.fail_on
    return 1 if tally.fails(threshold) else 0


def _spin_codes(rules) -> frozenset[str]:
    """The codes the spin-score rule counts (its 'count' key), for the per-file figure in the text summary."""
    for rule in rules.values():
        if rule.kind == "spin-score":
            return frozenset(rule.params.get("count", ()))
    return frozenset()


def _inputs(paths, stdin_filename, include, exclude, quiet) -> list[tuple[str, str]]:
    from .formats import format_for_path

    files: list[tuple[str, str]] = []
    walk = [p for p in paths if p != "-"]
    if "-" in paths:
        files.append(("-", format_for_path(stdin_filename or "stdin.txt")))
    if walk:
        from .discovery import discover

        found, unknown = discover(walk, include=include, exclude=exclude)
        files.extend(found)
        if not quiet:
            for path in unknown:
                click.echo(f"copylint: notice: {path}: unknown extension, read as plain text", err=True)
    if not files:
        raise InputError("no files to check (directories are searched for .md, .markdown, .txt, .html, .htm)")
    return files


def _use_color(flag: bool | None, output_format: str) -> bool:
    if output_format != "text":
        return False
    if flag is not None:
        return flag
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@main.command("rules")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
def list_rules(show_all: bool) -> None:
    """List the rules: code, name, family, fix, default."""
    from .registry import load_rules

    try:
        rules = load_rules()
    except CopylintError as exc:
        _fail(str(exc))
    click.echo(f"{'code':<7} {'name':<34} {'family':<12} {'fix':<13} default")
    for r in sorted(rules, key=lambda r: r.code):
        if r.default or show_all:
            click.echo(f"{r.code:<7} {r.name:<34} {r.family:<12} {(r.fix.value if r.fix else 'none'):<13} "
                       f"{'on' if r.default else 'off'}")


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Explain one rule: what it flags, why, its data source and examples."""
    from .registry import load_rules

    try:
        rules = load_rules()
    except CopylintError as exc:
        _fail(str(exc))
    rule = next((r for r in rules if code in (r.code, r.name)), None)
    if rule is None:
        _fail(f"no rule {code!r}; 'copylint rules --all' lists them")
    click.echo(f"{rule.code} {rule.name}  ({rule.family}, kind {rule.kind}, severity {rule.severity.value}, "
               f"fix {rule.fix.value if rule.fix else 'none'}, {'on' if rule.default else 'off'} by default)")
    click.echo("")
    click.echo(rule.description or rule.message)
    if rule.source:
        click.echo(f"\nData source: {rule.source}")
    click.echo("\nExamples:")
    for ex in rule.examples:
        if ex.bad is not None:
            fix = f"  → {ex.correction!r}" if ex.correction is not None else ""
            click.echo(f"  bad:  {ex.bad}{fix}")
        else:
            click.echo(f"  good: {ex.good}")


def _mount_languagetool() -> None:
    try:
        from .lt_cli import languagetool
    except ImportError:
        return
    main.add_command(languagetool)


_mount_languagetool()
