"""Command line: copylint check | rules | rule CODE | lsp | languagetool (click; a plain `check` line runs without it)."""
from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn

from . import __version__
from .errors import CopylintError, InputError

_FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
_SEVERITIES = ("info", "warning", "error")
_INPUT_FORMATS = ("auto", "plain", "markdown", "html", "jsonl")

# `check`'s options as data: click is built from this table, and so is the parser that runs a plain check line
# without importing click (parsing thousands of paths with click is a tenth of a fully cached run). Types:
# ("choice", values), ("int", least), ("path", file_okay, dir_okay); none is a string.
CHECK_OPTIONS: tuple[tuple[tuple[str, ...], dict], ...] = (
    (("--format", "output_format"), {"type": ("choice", _FORMATS), "default": "text", "show_default": True,
                                     "help": "Output format (text, jsonl and github stream file by file; html is a "
                                             "self-contained review page)."}),
    (("-o", "--output-file"), {"type": ("path", True, False), "help": "Write the report to this file."}),
    (("--select",), {"multiple": True, "help": "Only these rules (code prefix or name; comma-separated)."}),
    (("--ignore",), {"multiple": True, "help": "Skip these rules (code prefix or name; comma-separated)."}),
    (("--extend-select",), {"multiple": True, "help": "Add these rules (e.g. ones off by default)."}),
    (("--config", "config_path"), {"type": ("path", True, False),
                                   "help": "copylint.toml or pyproject.toml to use."}),
    (("--fail-on",), {"type": ("choice", _SEVERITIES), "help": "Exit 1 only for findings at or above this severity."}),
    (("--fix",), {"is_flag": True, "help": "Apply safe fixes in place."}),
    (("--unsafe-fixes",), {"is_flag": True, "help": "With --fix or --diff, apply unsafe fixes too."}),
    (("--diff",), {"is_flag": True, "help": "Print the fixes as a unified diff; write nothing."}),
    (("--stdin-filename",), {"help": "Name (and so format) of the text read from '-'."}),
    (("--input-format",), {"type": ("choice", _INPUT_FORMATS), "default": "auto", "show_default": True,
                           "help": "Force the input format; jsonl: PATHS are JSON Lines files, one article a line."}),
    (("--text-field",), {"default": "text", "show_default": True,
                         "help": "With --input-format jsonl: the text's field."}),
    (("--id-field",), {"default": "id", "show_default": True,
                       "help": "With --input-format jsonl: the field naming a record in findings (else FILE:LINE)."}),
    (("--include",), {"multiple": True, "help": "Glob of files to take when walking directories."}),
    (("--exclude",), {"multiple": True, "help": "Glob of files or folders to skip."}),
    (("--no-languagetool",), {"is_flag": True, "help": "Do not use the LanguageTool engine."}),
    (("-j", "--jobs"), {"type": ("int", 1), "help": "Worker processes [default: number of cores]."}),
    (("--no-cache",), {"is_flag": True, "help": "Lint every text again; read and write no cache."}),
    (("--cache-dir",), {"type": ("path", False, True),
                        "help": "Cache location [default: $COPYLINT_CACHE_DIR, else the user cache dir]."}),
    (("-q", "--quiet"), {"is_flag": True, "help": "Print findings only: no summary, no warnings."}),
    (("--color/--no-color",), {"default": None, "help": "Colour the text output (default: on a terminal)."}),
)


class _Main:
    """The `copylint` command: a click group, built on first use. Called with no arguments (console script,
    python -m copylint) on a plain `check` line, it runs the check without importing click."""

    def __call__(self, *args, **kwargs):
        if not args and not kwargs:
            params = plain_check(sys.argv[1:])
            if params is not None:
                _standalone(check, params)
        return _group()(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(_group(), name)


main = _Main()
_GROUP = None


def _group():
    global _GROUP
    if _GROUP is None:
        _GROUP = _build_group()
    return _GROUP


def _build_group():
    import click

    class Commands(click.Group):
        """The `languagetool` command group is imported only when it is asked for: a check never needs it."""

        def list_commands(self, ctx: click.Context) -> list[str]:
            return sorted({*super().list_commands(ctx), "languagetool"})

        def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
            if name == "languagetool" and name not in self.commands:
                from .lt_cli import languagetool

                self.add_command(languagetool)
            return super().get_command(ctx, name)

    @click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, prog_name="copylint")
    def main() -> None:
        """copylint: a copyedit linter for articles (plain text, Markdown, HTML)."""

    command = check
    for decls, attrs in reversed(CHECK_OPTIONS):  # decorators apply bottom-up
        command = click.option(*decls, **_click_attrs(click, attrs))(command)
    main.command("check")(click.argument("paths", nargs=-1)(command))
    main.command("rules")(click.option("--all", "show_all", is_flag=True,
                                       help="Include rules that are off by default.")(list_rules))
    main.command("rule")(click.argument("code")(show_rule))
    main.command("lsp")(serve_lsp)
    return main


def _click_attrs(click, attrs: dict) -> dict:
    kind = attrs.get("type")
    if kind is None:
        return attrs
    if kind[0] == "choice":
        made = click.Choice(list(kind[1]))
    elif kind[0] == "int":
        made = click.IntRange(min=kind[1])
    else:
        made = click.Path(file_okay=kind[1], dir_okay=kind[2])
    return {**attrs, "type": made}


def _standalone(command, params: dict) -> NoReturn:
    """Run the command as click's standalone mode would: ^C is "Aborted!", a closed pipe ends quietly."""
    code = 0
    try:
        command(**params)
    except SystemExit as exc:
        code = exc.code
    except (EOFError, KeyboardInterrupt):
        _echo("", err=True)
        _echo("Aborted!", err=True)
        sys.exit(1)
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        from click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
    _exit(code)


def _exit(code) -> NoReturn:
    """sys.exit, without the interpreter's teardown when nothing needs it: freeing every module and object takes
    a tenth of a fully cached run. At-exit functions still run; with threads to join, Python exits as usual."""
    threading = sys.modules.get("threading")
    if (
        isinstance(code, int)
        and hasattr(atexit, "_run_exitfuncs")
        and (threading is None or threading.active_count() == 1)
        and "concurrent.futures" not in sys.modules  # its pools join their threads in threading's own exit hook
    ):
        atexit._run_exitfuncs()
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def plain_check(argv: list[str]) -> dict | None:
    """`check`'s parameters as click would pass them, or None when click is to parse the line itself: another
    command, help, anything unusual or invalid (click then gives its own message)."""
    if argv[:1] != ["check"] or os.name == "nt" or any(k.endswith("_COMPLETE") for k in os.environ):
        return None
    options, params = _plain_options()
    repeated: dict[str, list[str]] = {}
    paths: list[str] = []
    args = argv[1:]
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            paths.extend(args[i:])
            break
        if arg[:1] != "-" or arg == "-":
            paths.append(arg)
            continue
        flag, eq, value = arg.partition("=") if arg[:2] == "--" else (arg, "", "")
        if flag not in options:
            return None
        name, kind, detail = options[flag]
        if kind == "flag":
            if eq:
                return None
            params[name] = detail
            continue
        if not eq:
            if i == len(args):
                return None
            value = args[i]
            i += 1
        if not _valid(value, detail):
            return None
        if kind == "multiple":
            repeated.setdefault(name, []).append(value)
        else:
            params[name] = int(value) if detail and detail[0] == "int" else value
    params.update((name, tuple(values)) for name, values in repeated.items())
    return {"paths": tuple(paths), **params}


def _plain_options() -> tuple[dict[str, tuple[str, str, object]], dict[str, object]]:
    """(flag -> (parameter, kind, detail), parameter -> default) from CHECK_OPTIONS, named as click names them."""
    options: dict[str, tuple[str, str, object]] = {}
    defaults: dict[str, object] = {}
    for decls, attrs in CHECK_OPTIONS:
        flags = [d for d in decls if d.startswith("-")]
        explicit = [d for d in decls if not d.startswith("-")]
        longest = next(f for f in flags if f.startswith("--"))
        name = explicit[0] if explicit else longest.split("/")[0][2:].replace("-", "_")
        if "/" in longest:
            on, off = longest.split("/")
            options[on], options[off] = (name, "flag", True), (name, "flag", False)
        for flag in flags:
            if "/" in flag:
                continue
            if attrs.get("is_flag"):
                options[flag] = (name, "flag", True)
            else:
                options[flag] = (name, "multiple" if attrs.get("multiple") else "value", attrs.get("type"))
        defaults[name] = attrs.get("default", () if attrs.get("multiple") else False if attrs.get("is_flag") else None)
    return options, defaults


def _valid(value: str, kind) -> bool:
    """What click's type for the option would accept (it would raise on the rest)."""
    if kind is None:
        return True
    if kind[0] == "choice":
        return value in kind[1]
    if kind[0] == "int":
        try:
            return int(value) >= kind[1]
        except ValueError:
            return False
    import stat

    try:
        mode = os.stat(value).st_mode
    except (OSError, ValueError):
        return True  # click.Path(exists=False) takes a path that is not there
    file_okay, dir_okay = kind[1], kind[2]
    if (not file_okay and stat.S_ISREG(mode)) or (not dir_okay and stat.S_ISDIR(mode)):
        return False
    return os.access(value, os.R_OK)


def _echo(message: str, err: bool = False, nl: bool = True) -> None:
    """click.echo for text: written and flushed at once; click itself when it would change the text (stripping
    colour codes off a non-terminal, re-encoding a stream misconfigured as ASCII)."""
    stream = sys.stderr if err else sys.stdout
    if "\x1b" in message or _ascii_stream(stream):
        import click

        click.echo(message, err=err, nl=nl)
        return
    if nl:
        message += "\n"
    if message:
        stream.write(message)
    stream.flush()


def _ascii_stream(stream) -> bool:
    import codecs

    encoding = getattr(stream, "encoding", None)
    try:
        return not encoding or codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def _fail(message: str) -> NoReturn:
    _echo(f"copylint: error: {message}", err=True)
    sys.exit(2)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def check(paths, output_format, output_file, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
          stdin_filename, input_format, text_field, id_field, include, exclude, no_languagetool, jobs, no_cache,
          cache_dir, quiet, color) -> None:
    """Lint PATHS (files or directories; '-' reads standard input)."""
    try:
        code = _check(paths or (".",), output_format, _split(select), _split(ignore), _split(extend_select),
                      config_path, fail_on, fix, unsafe_fixes, diff, stdin_filename, input_format,
                      include, exclude, no_languagetool, quiet, color, jobs=jobs, no_cache=no_cache,
                      cache_dir=cache_dir, text_field=text_field, id_field=id_field, output_file=output_file)
    except CopylintError as exc:
        _fail(str(exc))
    sys.exit(code)


def _check(paths, output_format, select, ignore, extend_select, config_path, fail_on, fix, unsafe_fixes, diff,
           stdin_filename, input_format, include, exclude, no_languagetool, quiet, color, *, jobs=None,
           no_cache=False, cache_dir=None, text_field="text", id_field="id", output_file=None) -> int:
    from pathlib import Path

    from .config import find_config, load_config
    from .inputs import decode, read_source, write_atomic
    from .model import Severity
    from .reporters import get_reporter
    from .reporters.context import ReportContext
    from .runner import LinterSpec, Task, default_jobs, run
    from .streaming import STREAMED_FORMATS, LazyRules, NoProgress, Progress, Tally, spin_codes, want_progress

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
            _echo(f"copylint: warning: {message}", err=True)

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
        stats: dict[str, os.stat_result] = {}  # of named files, for the cache: taken before they are read
        files, regular = _inputs(paths, stdin_filename, include or config.include, exclude or config.exclude, quiet,
                                 stats if cache is not None else None)
        displays = [(stdin_filename or "<stdin>") if name == "-" else name for name, _ in files]
        # In display order, so reports streamed file by file come out exactly as one sorted report would.
        order = sorted(range(len(files)), key=displays.__getitem__)
        if len(files) >= 50 and want_progress(quiet, streaming):
            progress = Progress(len(files), "Linting files")

        def tasks():
            for i in order:
                name, path_fmt = files[i]
                if name == "-":
                    data = sys.stdin.buffer.read()
                    yield Task(displays[i], decode(data, displays[i]), fmt or path_fmt, data)
                elif cache is not None:
                    task = cache.read(name, fmt or path_fmt, stats.get(name))
                    if task is not None:
                        yield task
                    else:  # unchanged since a run that found nothing in it: counted, not read
                        progress.update(step)
                else:
                    source, data = read_source(name, name in regular)
                    yield Task(displays[i], source, fmt or path_fmt, data)

        expected = len(files)
        step = 1

    use_color = _use_color(color, output_format)
    rules = LazyRules(lambda: _rules_by_code(config.rule_dirs))  # what Linter.all_rules holds
    report = get_reporter(output_format)
    tally = Tally(spin_codes(rules.values()) if output_format == "text" and not quiet else frozenset())
    sources: dict[str, str] = {}
    findings = []
    texts = 0
    chunks: list[str] = []

    def emit(text: str) -> None:
        if output_file:
            chunks.append(text)
        else:
            _echo(text, nl=False)
    try:
        for result in run(tasks(), spec, jobs=jobs or default_jobs(), fix=fix or diff, unsafe=unsafe_fixes,
                          cache=cache, local=linter, expected=expected):
            texts += 1
            progress.update(step)
            task, source = result.task, result.task.source
            if result.fixed is not None:
                if diff and result.fixed != source:
                    import difflib

                    _echo("".join(difflib.unified_diff(source.splitlines(True), result.fixed.splitlines(True),
                                                            f"a/{task.path}", f"b/{task.path}")), nl=False)
                elif fix and result.fixed != source:
                    if task.path == (stdin_filename or "<stdin>") and "-" in paths:
                        _echo(result.fixed, nl=False)
                    else:
                        write_atomic(task.path, result.fixed)
                source = result.fixed
            tally.add(result.findings, task.path, source)
            if streaming and not (fix and "-" in paths):
                if result.findings:
                    context = ReportContext(sources={task.path: source}, color=use_color, rules=rules)
                    emit(report(result.findings, context))
            else:
                sources[task.path] = source
                findings.extend(result.findings)
    finally:
        progress.close()
        if cache is not None:
            cache.close()
    if cache is not None:
        texts += cache.unread
    if not streaming and not (diff or (fix and "-" in paths)):
        findings.sort(key=lambda f: f.sort_key)
        context = ReportContext(sources=sources, color=use_color, rules=rules)
        emit(report(findings, context))
    if output_file:
        from .inputs import write_file

        write_file(output_file, "".join(chunks))
    if output_format == "text" and not quiet and not diff:
        from .fixes import allowed_applicabilities
        from .reporters.text import summary

        fixable = 0 if fix else tally.fixable(allowed_applicabilities(unsafe_fixes))
        _echo(summary(tally, texts, fixable), err=True)
        for path, score, spun in tally.spin[:20]:
            _echo(f"Spin score {score:.1f} per 1,000 words ({spun} spun phrase{'s' if spun != 1 else ''}): {path}",
                       err=True)
    threshold = Severity(fail_on) if fail_on else config.fail_on
    return 1 if tally.fails(threshold) else 0


def _rules_by_code(rule_dirs) -> dict:
    from .registry import load_rules

    return {r.code: r for r in load_rules(rule_dirs)}


def _inputs(paths, stdin_filename, include, exclude, quiet, stats=None) -> tuple[list[tuple[str, str]], set[str]]:
    """(name, format) of each text to lint ('-': standard input), and the names known to be regular files; `stats`
    receives the os.stat() of named files (discovery.discover)."""
    from .formats import format_for_path

    files: list[tuple[str, str]] = []
    regular: set[str] = set()
    walk = [p for p in paths if p != "-"]
    if "-" in paths:
        files.append(("-", format_for_path(stdin_filename or "stdin.txt")))
    if walk:
        from .discovery import discover

        found, unknown = discover(walk, include=include, exclude=exclude, regular=regular, stats=stats)
        files.extend(found)
        if not quiet:
            for path in unknown:
                _echo(f"copylint: notice: {path}: unknown extension, read as plain text", err=True)
    if not files:
        raise InputError("no files to check (directories are searched for .md, .markdown, .txt, .html, .htm)")
    return files, regular


def _use_color(flag: bool | None, output_format: str) -> bool:
    if output_format != "text":
        return False
    if flag is not None:
        return flag
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def list_rules(show_all: bool) -> None:
    """List the rules: code, name, family, fix, default."""
    from .registry import load_rules

    try:
        rules = load_rules()
    except CopylintError as exc:
        _fail(str(exc))
    _echo(f"{'code':<7} {'name':<34} {'family':<12} {'fix':<13} default")
    for r in sorted(rules, key=lambda r: r.code):
        if r.default or show_all:
            _echo(f"{r.code:<7} {r.name:<34} {r.family:<12} {(r.fix.value if r.fix else 'none'):<13} "
                       f"{'on' if r.default else 'off'}")


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
    from .explain import rule_text

    _echo(rule_text(rule), nl=False)


def serve_lsp() -> None:
    """Run the language server on stdin/stdout, for editors (needs the lsp extra: copylint[lsp])."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        _fail("copylint lsp needs pygls and lsprotocol: pip install 'copylint[lsp]'")
    from .lsp import serve

    serve()
