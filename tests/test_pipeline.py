"""The path-level API (issue 15): check_paths owns the run; the CLI only parses; no state shared between Linters."""
from __future__ import annotations

import ast
import io
import json
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import copylint
from copylint.cli import main

from .conftest import ROOT, SEED
from .test_cli import SWAP_RULE


def test_the_package_exports_the_path_level_api(tmp_path) -> None:
    for name in ("check_paths", "CheckOptions", "CheckSummary", "Reporter", "CollectingReporter", "Linter",
                 "LinterSpec", "lint_text"):
        assert getattr(copylint, name) is not None, name
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The vote passed.\n\nRelated Articles\n", encoding="utf-8")
    (docs / "b.md").write_text("# Title\n\nIt said the the vote was close.\n", encoding="utf-8")
    reporter = copylint.CollectingReporter()
    summary = copylint.check_paths([str(docs)], copylint.CheckOptions(languagetool=False, cache=False), reporter)
    assert [(Path(f.path).name, f.code) for f in reporter.findings] == [("a.txt", "CL201"), ("b.md", "CL601")]
    assert (summary.texts, summary.findings, summary.exit_code) == (2, 2, 1)
    cli = CliRunner().invoke(main, ["check", "--no-languagetool", "--no-cache", "--format", "json", str(docs)])
    assert [(Path(d["path"]).name, d["code"], d["start"]) for d in json.loads(cli.stdout)] == \
        [(Path(f.path).name, f.code, f.start) for f in reporter.findings]


def test_check_paths_fixes_and_reports_through_the_reporter(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("It said the the vote was close.\n", encoding="utf-8")
    reporter = copylint.CollectingReporter()
    summary = copylint.check_paths([str(f)], copylint.CheckOptions(languagetool=False, diff=True), reporter)
    assert summary.diffs == 1 and summary.exit_code == 1 and "+It said the vote" in reporter.diffs[str(f)]
    summary = copylint.check_paths([str(f)], copylint.CheckOptions(languagetool=False, fix=True), reporter)
    assert (summary.fixed, summary.fixed_files, summary.findings, summary.exit_code) == (1, 1, 0, 0)
    assert f.read_text(encoding="utf-8") == "It said the vote was close.\n"


def test_two_linters_never_change_each_others_findings(tmp_path) -> None:
    """BadDirective used to keep the known codes in a class attribute: the last Linter built decided for all."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.toml").write_text(SWAP_RULE.format(code="CL191", name="ping", bad="ping", good="pong"),
                                      encoding="utf-8")
    text = "Title\n\n<!-- copylint: disable-next-line=CL191 -->\nA ping here.\n"
    house = copylint.Linter(copylint.config.Config(rule_dirs=(rules,)), languagetool=False)
    before = [f.code for f in house.lint_source("a.md", text)]
    plain = copylint.Linter(languagetool=False)
    assert "CL901" in [f.code for f in plain.lint_source("a.md", text)]  # CL191 is unknown there
    assert [f.code for f in house.lint_source("a.md", text)] == before
    assert "CL901" not in before


def test_cli_only_parses_arguments() -> None:
    tree = ast.parse((ROOT / "copylint" / "cli.py").read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef) and n.end_lineno - n.lineno + 1 > 40]
    assert long == []
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"runner", "cache", "discovery", "inputs", "corpus", "fixes", "api"}, imported
    assert "os._exit" not in (ROOT / "copylint" / "cli.py").read_text(encoding="utf-8")


def test_dask_adapter_takes_the_same_options_as_the_command_line(tmp_path, monkeypatch) -> None:
    from copylint import dask_adapter

    monkeypatch.chdir(tmp_path)
    (tmp_path / "copylint.toml").write_text('select = ["CL2"]\n', encoding="utf-8")
    records = [{"id": "a", "text": "It said the the vote passed.\n\nRelated Articles\n"}]
    options = copylint.CheckOptions(languagetool=False)
    found = list(dask_adapter.lint_records(records, dask_adapter._spec(options)))
    assert [d["code"] for d in found] == ["CL201"]  # the config's selection, as `copylint check` would use it
    with pytest.raises(copylint.errors.ConfigError, match="did you mean"):
        dask_adapter._spec(copylint.CheckOptions(select=("CL2O",))).build()


def test_a_slow_step_says_what_it_is_doing() -> None:
    from copylint.streaming import SlowStep

    said: list[str] = []
    announced = threading.Event()

    def say(message: str) -> None:
        said.append(message)
        announced.set()

    with SlowStep(say, "unpacking the place index", after=0.05):
        assert announced.wait(30)  # the step is still running when the notice comes
    assert said[0] == "unpacking the place index…" and said[1].startswith("unpacking the place index: done in")
    quick: list[str] = []
    with SlowStep(quick.append, "nothing much", after=0.5):
        pass
    time.sleep(0.6)
    assert quick == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_status_lines_go_to_a_terminal_only() -> None:
    from copylint.reporters.console import ConsoleReporter

    tty, pipe = _Terminal(), io.StringIO()
    ConsoleReporter(out=io.StringIO(), err=tty).status("checking the first text…")
    ConsoleReporter(out=io.StringIO(), err=pipe).status("checking the first text…")
    ConsoleReporter(out=io.StringIO(), err=_Terminal(), quiet=True).status("x")
    assert tty.getvalue() == "copylint: checking the first text…\n" and pipe.getvalue() == ""


def test_the_first_slow_text_is_announced(tmp_path, monkeypatch) -> None:
    from copylint import runner, streaming

    real = runner.lint_task

    def slow(*args, **kwargs):
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "lint_task", slow)
    monkeypatch.setattr(streaming, "SLOW_AFTER", 0.05)
    reporter = copylint.CollectingReporter()
    said: list[str] = []
    reporter.status = said.append
    copylint.check_paths([str(SEED)], copylint.CheckOptions(languagetool=False, cache=False), reporter)
    assert any(s.startswith("checking the first text") for s in said), said
