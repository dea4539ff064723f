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
              default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Only these rules (code prefix or name; comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (code prefix or name; comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these rules (e.g. ones off by default).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="copylint.toml or pyproject.toml to use.")
@click.option("--fail-on", type=_SEVERITIES, help="Exit 1 only for findings at or above this severity.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--input-format", type=click.Choice(["auto", "plain", "markdown", "html"]), default="auto",
              show_default=True, help="Force the input format.")
@click.option("--include", multiple=True, help="Glob of files to take when walking directories.")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--no-languagetool", is_flag=True, help="Do not use the LanguageTool engine.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no warnings.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
def check(paths, output_format, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
          stdin_filename, input_format, include, exclude, no_languagetool, quiet, color) -> None:
    """Lint PATHS (files or directories; '-' reads standard input)."""
    try:
        code = _check(paths or (".",), output_format, _split(select), _split(ignore), _split(extend_select),
                      config_path, fail_on, fix, unsafe_fixes, diff, stdin_filename, input_format,
                      include, exclude, no_languagetool, quiet, color)
    except CopylintError as exc:
        _fail(str(exc))
    sys.exit(code)


def _check(paths, output_format, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
           stdin_filename, input_format, include, exclude, no_languagetool, quiet, color) -> int:
    from .api import Linter, fails
    from .config import find_config, load_config
    from .fixes import allowed_applicabilities
    from .inputs import decode, read_text, write_atomic
    from .model import Severity
    from .reporters import get_reporter
    from .reporters.context import ReportContext

    if config_path:
        if not os.path.isfile(config_path):
            raise InputError(f"{config_path}: no such config file")
        config = load_config(Path(config_path))
    else:
        anchor = Path(paths[0]) if paths[0] != "-" else Path.cwd()
        config = load_config(find_config(anchor if anchor.exists() else Path.cwd()))
    linter = Linter(config, select=select, ignore=ignore, extend_select=extend_select,
                    languagetool=False if no_languagetool else None)
    if not quiet:
        for warning in linter.warnings:
            click.echo(f"copylint: warning: {warning}", err=True)
    fmt = None if input_format == "auto" else input_format
    files = _inputs(paths, stdin_filename, include or config.include, exclude or config.exclude, quiet)
    sources: dict[str, str] = {}
    findings = []
    allowed = allowed_applicabilities(unsafe_fixes)
    for name, path_fmt in files:
        if name == "-":
            display = stdin_filename or "<stdin>"
            source = decode(sys.stdin.buffer.read(), display)
        else:
            display = name
            source = read_text(name)
        file_fmt = fmt or path_fmt
        if fix or diff:
            fixed, remaining = linter.fix_source(display, source, file_fmt, unsafe=unsafe_fixes)
            if diff and fixed != source:
                click.echo("".join(difflib.unified_diff(source.splitlines(True), fixed.splitlines(True),
                                                        f"a/{display}", f"b/{display}")), nl=False)
            elif fix and fixed != source:
                if name == "-":
                    click.echo(fixed, nl=False)
                else:
                    write_atomic(name, fixed)
            source = fixed
            found = remaining
        else:
            found = linter.lint_source(display, source, file_fmt)
        sources[display] = source
        findings.extend(found)
    findings.sort(key=lambda f: f.sort_key)
    context = ReportContext(sources=sources, color=_use_color(color, output_format),
                            rules={r.code: r for r in linter.all_rules})
    if not (diff or (fix and "-" in paths)):
        click.echo(get_reporter(output_format)(findings, context), nl=False)
    if output_format == "text" and not quiet and not diff:
        from .reporters.text import summary

        fixable = sum(1 for f in findings if f.fix is not None and f.fix.applicability in allowed)
        click.echo(summary(findings, len(files), 0 if fix else fixable), err=True)
    threshold = Severity(fail_on) if fail_on else config.fail_on
    return 1 if fails(findings, threshold) else 0


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
