"""Command line (click only): copylint check | rules | rule CODE | lsp | languagetool. Parses arguments, builds
CheckOptions and a ConsoleReporter, and calls the API; the API owns the run."""
from __future__ import annotations

import sys
from typing import NoReturn

import click

from . import __version__
from .errors import CopylintError
from .pipeline import INPUT_FORMATS
from .reporters import FORMATS

_SEVERITIES = click.Choice(["info", "warning", "error"])
# Subcommands imported only when asked for ("name": "module:object"): a check never loads them.
LAZY_COMMANDS = {"languagetool": "copylint.lt_cli:languagetool"}


class _Commands(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, _, attr = LAZY_COMMANDS[name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copylint")
def main() -> None:
    """copylint: a copyedit linter for articles (plain text, Markdown, HTML)."""


def _fail(message: str) -> NoReturn:
    click.echo(f"copylint: error: {message}", err=True)
    sys.exit(2)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


# check's options, in the order --help lists them.
CHECK_OPTIONS = [
    click.option("--output-format", "--format", "output_format", type=click.Choice(list(FORMATS)), default="text",
                 show_default=True, help="Output format (text, jsonl and github stream file by file; html is a review page)."),
    click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write the report here."),
    click.option("--select", multiple=True, help="Only these rules (code prefix, name or LT:<RULE_ID>)."),
    click.option("--ignore", multiple=True, help="Skip these rules (code prefix, name or LT:<RULE_ID>)."),
    click.option("--extend-select", multiple=True, help="Add these rules (e.g. ones off by default)."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False), help="copylint.toml or pyproject.toml."),
    click.option("--fail-on", type=_SEVERITIES, help="Exit 1 only for findings at or above this severity."),
    click.option("--min-severity", type=_SEVERITIES, help="Report only findings at or above this severity."),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error)."),
    click.option("--fix", is_flag=True, help="Apply safe fixes in place."),
    click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too."),
    click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing (exit 1 if any)."),
    click.option("--show-fixes", is_flag=True, help="List what --fix fixed (or would fix)."),
    click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them."),
    click.option("--show-settings", is_flag=True, help="Print the settings the run would use, then exit."),
    click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline."),
    click.option("--write-baseline", type=click.Path(dir_okay=False), help="Write today's findings as a baseline."),
    click.option("--stdin-filename", help="Name (and so format) of the text read from '-'."),
    click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                 help="Force the input format; jsonl: PATHS are JSON Lines files, one article a line."),
    click.option("--text-field", default="text", show_default=True, help="With jsonl: the text's field."),
    click.option("--id-field", default="id", show_default=True, help="With jsonl: the field naming a record."),
    click.option("--include", multiple=True, help="Glob of files to take when walking directories."),
    click.option("--exclude", multiple=True, help="Glob of files or folders to skip."),
    click.option("--no-languagetool", is_flag=True, help="Do not use the LanguageTool engine."),
    click.option("--languagetool-url", help="LanguageTool server to use (overrides the config and $LANGUAGETOOL_URL)."),
    click.option("--max-file-size", default="10M", show_default=True, metavar="SIZE",
                 help="Skip (as unreadable) any file bigger than this: bytes, or with K, M or G; 0: no cap."),
    click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: number of cores]."),
    click.option("--no-cache", is_flag=True, help="Lint every text again; read and write no cache."),
    click.option("--cache-dir", type=click.Path(file_okay=False), help="Cache location [default: user cache]."),
    click.option("-q", "--quiet", is_flag=True, help="Findings and warnings only: no summary, notices, progress."),
    click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."),
]


def _check_options(command):
    for option in reversed(CHECK_OPTIONS):  # click applies decorators bottom-up
        command = option(command)
    return click.argument("paths", nargs=-1)(command)


def _options(params: dict):
    from .model import Severity
    from .pipeline import CheckOptions

    severity = {k: Severity(params[k]) if params[k] else None for k in ("fail_on", "min_severity")}
    return CheckOptions(
        select=_split(params["select"]), ignore=_split(params["ignore"]),
        extend_select=_split(params["extend_select"]), config_path=params["config_path"], **severity,
        fix=params["fix"], unsafe_fixes=params["unsafe_fixes"], diff=params["diff"],
        stdin_filename=params["stdin_filename"], input_format=params["input_format"],
        text_field=params["text_field"], id_field=params["id_field"], include=params["include"],
        exclude=params["exclude"], languagetool=False if params["no_languagetool"] else None, jobs=params["jobs"],
        cache=not params["no_cache"], cache_dir=params["cache_dir"], baseline=params["baseline"],
        write_baseline=params["write_baseline"], exit_zero=params["exit_zero"],
        max_file_size=_size(params["max_file_size"]), languagetool_url=params["languagetool_url"])


def _size(text: str) -> int | None:
    """--max-file-size: '10M', '512K', '1G' or bytes; 0 means no cap."""
    from .errors import InputError

    value = text.strip().upper().removesuffix("B")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(value[-1:], 1)
    number = value[:-1] if scale > 1 else value
    try:
        size = int(float(number) * scale)
    except (ValueError, OverflowError):
        raise InputError(f"--max-file-size: {text!r} is not a size (e.g. 10M, 512K, 1000000)") from None
    if size < 0:
        raise InputError(f"--max-file-size: {text!r} is negative")
    return size or None


@main.command("check")
@_check_options
def check(paths: tuple[str, ...], **params) -> None:
    """Lint PATHS (files or directories; '-' reads standard input)."""
    try:
        options = _options(params)
        if params["show_settings"]:
            _print_settings(paths, options, params["output_format"])
            return
        from .reporters.output import ReportStream

        with ReportStream(params["output_file"]) as out:
            from .pipeline import check_paths
            from .reporters.console import ConsoleReporter

            reporter = ConsoleReporter(params["output_format"], out, color=params["color"], quiet=params["quiet"],
                                       statistics=params["statistics"], show_fixes=params["show_fixes"])
            summary = check_paths(paths, options, reporter)
    except CopylintError as exc:
        _fail(str(exc))
    import gc

    # The process ends here: the collections Python runs at exit would scan every loaded table again for nothing
    # (a tenth of a one-article run). Everything is written and closed by now.
    gc.freeze()
    sys.exit(summary.exit_code)


def _print_settings(paths: tuple[str, ...], options, output_format: str) -> None:
    from .pipeline import show_settings

    settings = show_settings(paths, options)
    if output_format == "json":
        import json

        click.echo(json.dumps(settings, indent=2))
        return
    for key, value in settings.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        click.echo(f"{key:<17}{shown if shown != '' else '(none)'}")


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
    """Explain one rule (code in any case, or name): what it flags, why, its data source and examples."""
    from .registry import load_rules
    from .errors import UNREADABLE_CODE, UNREADABLE_HELP

    if code.upper() == UNREADABLE_CODE:
        click.echo(UNREADABLE_HELP)
        return
    try:
        rules = load_rules()
    except CopylintError as exc:
        _fail(str(exc))
    rule = next((r for r in rules if code.upper() == r.code or code.lower() == r.name), None)
    if rule is None:
        from .selection import did_you_mean

        _fail(f"no rule {code!r}{did_you_mean(code, rules)}")
    from .explain import rule_text

    click.echo(rule_text(rule), nl=False)


@main.command("lsp")
def serve_lsp() -> None:
    """Run the language server on stdin/stdout, for editors (needs the lsp extra: copylint[lsp])."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        _fail("copylint lsp needs pygls and lsprotocol: python -m pip install 'copylint[lsp]' from the clone (pygls, lsprotocol)")
    from .lsp import serve

    serve()
