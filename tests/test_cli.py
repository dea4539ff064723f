"""The command line end to end: exit codes, formats, errors without tracebacks, fixes on disk, rules listing."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from copylint.cli import main

from .conftest import ROOT, SEED

BASE = ["--no-languagetool"]


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_clean_file_exits_0(tmp_path) -> None:
    f = tmp_path / "clean.txt"
    f.write_text("The council met on Tuesday.\n\nIt approved the budget.\n", encoding="utf-8")
    result = run("check", *BASE, str(f))
    assert result.exit_code == 0, result.output
    assert "No problems" in result.output


def test_findings_exit_1_with_text_report(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The vote passed.\n\nRelated Articles\n", encoding="utf-8")
    result = run("check", *BASE, "--no-color", str(f))
    assert result.exit_code == 1
    assert f"{f}:3:1: CL201 [error]" in result.output
    assert "    Related Articles\n    ^^^^^^^^^^^^^^^^" in result.output
    assert "fix: delete 'Related Articles' [safe fix]" in result.output


def test_json_contract_on_seed() -> None:
    result = run("check", *BASE, "--format", "json", str(SEED))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    source = SEED.read_text(encoding="utf-8")
    keys = {"path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "start", "end",
            "text", "suggestions", "fix"}
    assert data and all(keys <= set(d) for d in data)
    for d in data:
        assert source[d["start"]:d["end"]] == d["text"]
        line_start = source.rfind("\n", 0, d["start"]) + 1
        assert d["line"] == source.count("\n", 0, d["start"]) + 1
        assert d["column"] == d["start"] - line_start + 1
    assert [(d["path"], d["start"], d["code"]) for d in data] == sorted((d["path"], d["start"], d["code"]) for d in data)


def test_missing_file_is_exit_2_one_line() -> None:
    result = run("check", *BASE, "-q", "does-not-exist.txt")
    assert result.exit_code == 2
    assert result.output == "does-not-exist.txt:1:1: CL900 [error] cannot check: no such file or directory\n"


@pytest.mark.parametrize("payload, word", [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 au lait", "UTF-8")])
def test_bad_bytes_exit_2(tmp_path, payload, word) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(payload)
    result = run("check", *BASE, str(f))
    assert result.exit_code == 2 and word in result.output and "Traceback" not in result.output


def test_bad_config_names_file_and_key(tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text('selec = ["CL1"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("Fine.\n", encoding="utf-8")
    result = run("check", *BASE, str(f))
    assert result.exit_code == 2
    assert "copylint.toml" in result.output and "'selec'" in result.output


def test_bad_rule_dir_regex_is_exit_2(tmp_path) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "bad.toml").write_text(
        'code = "CL199"\nname = "broken"\nkind = "existence"\nseverity = "error"\nmessage = "x"\npattern = "(unclosed"\n'
        '[[examples]]\nbad = "⟦x⟧"\n[[examples]]\ngood = "y"\n', encoding="utf-8")
    (tmp_path / "copylint.toml").write_text('rule-dirs = ["myrules"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("Fine.\n", encoding="utf-8")
    result = run("check", *BASE, str(f))
    assert result.exit_code == 2
    assert "bad.toml" in result.output and "'pattern'" in result.output and "invalid regex" in result.output


def test_stdin_with_filename() -> None:
    result = run("check", *BASE, "--format", "json", "--stdin-filename", "draft.txt", "-", input="Hello.\n\nAdvertisement\n")
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0]["path"] == "draft.txt"


def test_select_ignore_and_fail_on(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("It said the the vote was TK.\n", encoding="utf-8")
    codes = lambda *a: [d["code"] for d in json.loads(run("check", *BASE, "--format", "json", *a, str(f)).stdout)]
    assert codes() == ["CL601", "CL105"]
    assert codes("--select", "CL1") == ["CL105"]
    assert codes("--ignore", "doubled-word") == ["CL105"]
    assert run("check", *BASE, "--select", "CL601", "--fail-on", "error", str(f)).exit_code == 0
    assert run("check", *BASE, "--select", "CL601", "--fail-on", "warning", str(f)).exit_code == 1


def test_fix_on_seed_copy_removes_markup_and_furniture_only(tmp_path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    original = copy.read_text(encoding="utf-8")
    result = run("check", *BASE, "--select", "CL1,CL2", "--fix", "--unsafe-fixes", str(copy))
    assert result.exit_code == 0, result.output
    fixed = copy.read_text(encoding="utf-8")
    removed = [line for line in original.splitlines() if line not in fixed.splitlines()]
    assert len(removed) == 7
    assert all(("[" in r and "]" in r) or "Photo" in r or r in ("Kazakhstan Protests", "Related Articles", "Back to top button")
               for r in removed)
    kept = [line for line in original.splitlines() if line.strip() and line not in removed]
    assert [line for line in fixed.splitlines() if line.strip()] == kept
    again = run("check", *BASE, "--select", "CL1,CL2", "--fix", "--unsafe-fixes", str(copy))
    assert again.exit_code == 0 and copy.read_text(encoding="utf-8") == fixed


def test_fix_keeps_bom_and_crlf(tmp_path) -> None:
    f = tmp_path / "w.txt"
    f.write_bytes("\ufeffThe the vote passed.\r\n\r\nAdvertisement\r\n\r\nIt was close.\r\n".encode("utf-8"))
    result = run("check", *BASE, "--fix", str(f))
    assert result.exit_code == 0, result.output
    assert f.read_bytes() == "\ufeffThe vote passed.\r\n\r\nIt was close.\r\n".encode("utf-8")


def test_safe_fix_only_without_unsafe_flag(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Police sealed the road.\n\nPhoto: AFP/Luis Tato\n\nAdvertisement\n\nThe march went ahead.\n", encoding="utf-8")
    run("check", *BASE, "--fix", str(f))
    assert f.read_text(encoding="utf-8") == "Police sealed the road.\n\nPhoto: AFP/Luis Tato\n\nThe march went ahead.\n"


def test_diff_writes_nothing(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The the end.\n", encoding="utf-8")
    result = run("check", *BASE, "--diff", str(f))
    assert "-The the end.\n+The end.\n" in result.output
    assert f.read_text(encoding="utf-8") == "The the end.\n"


@pytest.mark.parametrize("fmt", ["sarif", "github", "jsonl"])
def test_other_formats(fmt) -> None:
    result = run("check", *BASE, "--format", fmt, str(SEED))
    assert result.exit_code == 1
    if fmt == "sarif":
        log = json.loads(result.stdout)
        assert log["version"] == "2.1.0"
        results = log["runs"][0]["results"]
        assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
        assert any("fixes" in r for r in results)
    elif fmt == "github":
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in result.stdout.splitlines())
    else:
        assert all(json.loads(line)["code"] for line in result.stdout.splitlines())


def test_rules_and_rule_commands() -> None:
    listing = run("rules")
    assert listing.exit_code == 0 and "CL201" in listing.output and "page-furniture" in listing.output
    one = run("rule", "CL201")
    assert one.exit_code == 0 and "bad:" in one.output and "good:" in one.output
    assert run("rule", "CL000").exit_code == 2


def test_console_script_runs() -> None:
    exe = shutil.which("copylint")
    cmd = [exe] if exe else [sys.executable, "-m", "copylint"]
    proc = subprocess.run([*cmd, "check", "--no-languagetool", "--format", "json", str(SEED)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 1 and json.loads(proc.stdout)


def test_console_script_prints_what_the_click_command_prints(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"a{i:02d}.txt").write_text(f"Story {i}.\n\nRelated Articles\n\nThe the end.\n", encoding="utf-8")
    args = ["check", *BASE, "--format", "jsonl", "-q", "--cache-dir", str(tmp_path / "cache"), str(docs / "a00.txt"),
            str(docs)]
    clicked = run(*args)
    for _ in range(2):  # fills the cache, then reads it
        proc = subprocess.run([sys.executable, "-m", "copylint", *args], capture_output=True, text=True, cwd=ROOT)
        assert (proc.returncode, proc.stdout, proc.stderr) == (clicked.exit_code, clicked.stdout, "")
    bad = subprocess.run([sys.executable, "-m", "copylint", "check", *BASE, "-q", str(tmp_path / "absent.txt")],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stdout.count("\n") == 1 and "absent.txt:1:1: CL900" in bad.stdout
    imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "copylint", *args], capture_output=True,
                             text=True, cwd=ROOT).stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in imports.splitlines() if line.startswith("import time:")}
    assert "copylint.cli" in imported and "copylint.api" not in imported  # a fully cached run lints nothing


def test_reads_files_of_any_size_and_kind(tmp_path) -> None:
    import os

    from copylint.errors import InputError
    from copylint.inputs import read_source

    big = tmp_path / "big.txt"
    for size in (0, 1, 65_535, 65_536, 65_537, 320_000):
        big.write_bytes(("Straße " * 50_000).encode("utf-8")[:size])
        expected = (big.read_text(encoding="utf-8"), big.read_bytes())
        assert read_source(str(big)) == read_source(str(big), regular=True) == expected
    read_end, write_end = os.pipe()  # not a regular file: read until its end, whatever its reported size
    os.write(write_end, b"piped text\n")
    os.close(write_end)
    try:
        assert read_source(f"/dev/fd/{read_end}")[0] == "piped text\n"
    finally:
        os.close(read_end)
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))


def test_many_named_files_are_found_as_when_named_one_by_one(tmp_path) -> None:
    import os

    from copylint import discovery
    from copylint.errors import InputError

    docs = tmp_path / "docs"
    (docs / "sub.txt").mkdir(parents=True)
    (docs / "sub.txt" / "inner.md").write_text("Inner.\n", encoding="utf-8")
    names = [str(docs / f"f{i:02d}.txt") for i in range(40)]
    for name in names:
        with open(name, "w", encoding="utf-8") as handle:
            handle.write("Text.\n")
    os.symlink(docs / "sub.txt", docs / "link")
    paths = [*names, str(docs / "sub.txt"), str(docs / "link"), str(docs / "f00.txt")]
    assert discovery._listed_kinds(paths)  # the listing is used here
    regular: set[str] = set()
    together = discovery.discover(paths, regular=regular)
    assert regular == set(names)
    one_by_one = sorted({p: f for path in paths for p, f in discovery.discover([path])[0]}.items())
    assert together == (one_by_one, [])
    with pytest.raises(InputError, match="missing.txt: no such file"):
        discovery.discover([*names, str(docs / "missing.txt")])


# --- issue 15: no silent failures ------------------------------------------------------------------------------

@pytest.mark.parametrize("args, typo, hint", [
    (["--select", "CL999"], "CL999", "did you mean"),
    (["--select", "cl2"], "cl2", "did you mean 'CL2'?"),
    (["--select", "not-a-rule"], "not-a-rule", "`copylint rules --all` lists the rules"),
    (["--select", "doubled_word"], "doubled_word", "did you mean 'doubled-word'?"),
    (["--ignore", "doubled-wrd"], "doubled-wrd", "did you mean 'doubled-word'?"),
    (["--extend-select", "CL3111"], "CL3111", "did you mean"),
    (["--select", "lt:MORFOLOGIK_RULE_EN_US"], "lt:MORFOLOGIK_RULE_EN_US", "did you mean 'LT:MORFOLOGIK_RULE_EN_US'?"),
])
def test_unknown_selector_on_the_command_line_is_a_usage_error(tmp_path, args, typo, hint) -> None:
    f = tmp_path / "a.txt"
    f.write_text("It said the the vote was TK.\n", encoding="utf-8")
    result = run("check", *BASE, *args, str(f))
    assert result.exit_code == 2, result.output
    assert result.output.startswith("copylint: error: --") and repr(typo) in result.output and hint in result.output
    assert result.output.count("\n") == 1 and "No problems" not in result.output


@pytest.mark.parametrize("config, key", [
    ('select = ["CL99"]\n', "select"),
    ('ignore = ["CL6", "dubled-word"]\n', "ignore"),
    ('[per-file-ignores]\n"*.txt" = ["CL2O1"]\n', "per-file-ignores.*.txt"),
    ('[severity]\nCL60 = "error"\n', "severity"),
])
def test_unknown_selector_in_config_names_file_and_key(tmp_path, config, key) -> None:
    (tmp_path / "copylint.toml").write_text(config, encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("It said the the vote was TK.\n", encoding="utf-8")
    result = run("check", *BASE, str(f))
    assert result.exit_code == 2, result.output
    assert "copylint.toml" in result.output and f"key '{key}'" in result.output and "did you mean" in result.output


def test_valid_selectors_still_work(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("It said the the vote was TK.\n", encoding="utf-8")
    for selector in ("ALL", "CL", "CL6", "CL60", "CL601", "doubled-word", "LT", "LT:SOME_RULE"):
        assert run("check", *BASE, "--select", selector, str(f)).exit_code in (0, 1), selector


def test_an_unreadable_file_is_reported_and_the_run_goes_on(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("The vote passed.\n\nRelated Articles\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9 au lait\n")
    (tmp_path / "c.txt").write_text("It said the the vote was close.\n", encoding="utf-8")
    result = run("check", *BASE, "--no-color", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if ": CL" in line]
    assert [line.split(": ")[1].split()[0] for line in lines] == ["CL201", "CL900", "CL601", "CL900"]
    assert f"{tmp_path / 'b.txt'}:1:1: CL900 [error] cannot check: not UTF-8 text (byte 0xe9 at offset 3)" in lines
    assert f"{tmp_path / 'missing.txt'}:1:1: CL900 [error] cannot check: no such file or directory" in lines
    assert "2 inputs could not be read" in result.stderr
    assert run("rule", "CL900").exit_code == 0


SWAP_RULE = '''code = "{code}"
name = "{name}"
kind = "substitution"
severity = "warning"
message = "Use '{{replacement}}'."
fix = "safe"
[swap]
"{bad}" = "{good}"
[[examples]]
bad = "It is ⟦{bad}⟧."
correction = "{good}"
[[examples]]
good = "It is fine."
'''


def test_a_fix_loop_that_does_not_settle_says_so_with_the_codes(tmp_path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.toml").write_text(SWAP_RULE.format(code="CL191", name="ping", bad="ping", good="pong"), encoding="utf-8")
    (rules / "b.toml").write_text(SWAP_RULE.format(code="CL192", name="pong", bad="pong", good="ping"), encoding="utf-8")
    (tmp_path / "copylint.toml").write_text('rule-dirs = ["rules"]\nselect = ["CL19"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text("It is ping.\n", encoding="utf-8")
    result = run("check", *BASE, "--fix", str(f))
    assert "fixes did not settle after 10 passes (CL191, CL192 kept changing the text)" in result.stderr
    assert result.exit_code == 1


# --- issue 15: conventions users reach for ----------------------------------------------------------------------

def _doubled(tmp_path, name: str = "a.txt", text: str = "It said the the vote was TK.\n"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_output_format_with_format_as_alias_and_output_file(tmp_path) -> None:
    f = _doubled(tmp_path)
    new = run("check", *BASE, "--output-format", "json", str(f))
    old = run("check", *BASE, "--format", "json", str(f))
    assert new.exit_code == old.exit_code == 1 and new.stdout == old.stdout
    report = tmp_path / "report.json"
    written = run("check", *BASE, "--output-format", "json", "-o", str(report), str(f))
    assert written.exit_code == 1 and written.stdout == ""
    assert report.read_text(encoding="utf-8") == new.stdout
    assert [d["code"] for d in json.loads(report.read_text(encoding="utf-8"))] == ["CL601", "CL105"]
    bad = run("check", *BASE, "-o", str(tmp_path / "no" / "such" / "dir.txt"), str(f))
    assert bad.exit_code == 2 and "cannot write the report" in bad.output


def test_statistics_count_findings_per_rule(tmp_path) -> None:
    _doubled(tmp_path, "a.txt")
    _doubled(tmp_path, "b.txt", "The the end. Related Articles\n\nRelated Articles\n")
    result = run("check", *BASE, "--statistics", "--no-color", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == ("     2  CL601    [*] doubled-word\n"
                             "     1  CL105        editorial-placeholder\n"
                             "     1  CL201    [*] page-furniture\n")
    as_json = json.loads(run("check", *BASE, "--statistics", "--output-format", "json", str(tmp_path)).stdout)
    assert as_json[0] == {"code": "CL601", "name": "doubled-word", "count": 2, "fixable": 2}
    assert [d["count"] for d in as_json] == [2, 1, 1]


def test_exit_zero(tmp_path) -> None:
    f = _doubled(tmp_path)
    assert run("check", *BASE, "--exit-zero", str(f)).exit_code == 0
    assert run("check", *BASE, "--exit-zero", str(tmp_path / "missing.txt")).exit_code == 2


def test_fix_says_what_it_fixed(tmp_path) -> None:
    f = _doubled(tmp_path, text="It said the the vote was TK.\n\nAdvertisement\n")
    result = run("check", *BASE, "--fix", "--show-fixes", str(f))
    assert result.exit_code == 1  # TK stays: no automatic fix
    assert "Fixed 2 problems in 1 file, 1 remaining." in result.stderr
    assert f"  {f}:" in result.stderr and "1 × CL601 (doubled-word)" in result.stderr
    assert "1 × CL201 (page-furniture)" in result.stderr
    assert f.read_text(encoding="utf-8") == "It said the vote was TK.\n"
    again = run("check", *BASE, "--fix", str(f))
    assert "Fixed 0 problems in 0 files, 1 remaining." in again.stderr
    preview = run("check", *BASE, "--show-fixes", str(_doubled(tmp_path, "b.txt")))
    assert "1 problem would be fixed by --fix." in preview.stderr


def test_diff_exits_1_when_there_is_a_diff(tmp_path) -> None:
    f = _doubled(tmp_path)
    result = run("check", *BASE, "--diff", str(f))
    assert result.exit_code == 1 and "-It said the the vote was TK.\n+It said the vote was TK.\n" in result.stdout
    clean = _doubled(tmp_path, "clean.txt", "The council met on Tuesday.\n")
    assert run("check", *BASE, "--diff", str(clean)).exit_code == 0
    assert run("check", *BASE, "--diff", "--exit-zero", str(f)).exit_code == 0


def test_show_settings(tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text('ignore = ["CL2"]\nreject = ["utilize"]\n', encoding="utf-8")
    f = _doubled(tmp_path)
    result = run("check", *BASE, "--show-settings", "--select", "CL1,CL2,CL6", str(f))
    assert result.exit_code == 0
    settings = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert settings["config"] == str(tmp_path / "copylint.toml")
    assert settings["select"] == "CL1, CL2, CL6" and settings["ignore"] == "CL2" and settings["reject"] == "utilize"
    assert "CL601" in settings["rules"] and "CL201" not in settings["rules"] and "CL401" not in settings["rules"]
    assert settings["languagetool"] == "off"
    as_json = json.loads(run("check", *BASE, "--show-settings", "--output-format", "json", str(f)).stdout)
    assert as_json["config"] == str(tmp_path / "copylint.toml")
    assert run("check", *BASE, "--show-settings", "--select", "CL99", str(f)).exit_code == 2


def test_min_severity_is_what_is_shown_and_counted(tmp_path) -> None:
    f = _doubled(tmp_path, text="It said the the vote was TK.\n\nRelated Articles\n")
    codes = lambda *a: [d["code"] for d in json.loads(run("check", *BASE, "--format", "json", *a, str(f)).stdout)]
    assert codes() == ["CL601", "CL105", "CL201"]
    assert codes("--min-severity", "error") == ["CL105", "CL201"]
    only_warnings = _doubled(tmp_path, "w.txt", "It said the the vote passed.\n")
    result = run("check", *BASE, "--min-severity", "error", str(only_warnings))
    assert result.exit_code == 0 and "No problems" in result.stderr


def test_reject_list_beside_vocabulary(tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text('reject = ["utilize", "going forward"]\nvocabulary = ["Quarkus"]\n',
                                            encoding="utf-8")
    f = _doubled(tmp_path, text="We will Utilize Quarkus going forward.\n")
    found = json.loads(run("check", *BASE, "--format", "json", str(f)).stdout)
    assert [(d["code"], d["text"], d["severity"]) for d in found] == [
        ("CL704", "Utilize", "error"), ("CL704", "going forward", "error")]
    (tmp_path / "other.toml").write_text("", encoding="utf-8")  # the list comes from the config, nowhere else
    without = run("check", *BASE, "--config", str(tmp_path / "other.toml"), "--select", "CL704", str(f))
    assert without.exit_code == 0


def test_baseline_reports_only_new_findings_and_survives_line_shifts(tmp_path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    story = _doubled(site, "story.txt", "It said the the vote was close.\n\nRelated Articles\n")
    baseline = tmp_path / "baseline.json"
    written = run("check", *BASE, "--write-baseline", str(baseline), str(site))
    assert written.exit_code == 0 and "Wrote a baseline of 2 findings" in written.stderr
    assert run("check", *BASE, "--baseline", str(baseline), str(site)).exit_code == 0
    story.write_text("A new first paragraph.\n\nMore text here.\n\nIt said the the vote was close.\n\nRelated Articles\n",
                     encoding="utf-8")
    shifted = run("check", *BASE, "--baseline", str(baseline), "--format", "json", str(site))
    assert shifted.exit_code == 0 and json.loads(shifted.stdout) == []
    story.write_text(story.read_text(encoding="utf-8") + "\nAnd the the count went on.\n", encoding="utf-8")
    new = run("check", *BASE, "--baseline", str(baseline), "--format", "json", str(site))
    assert new.exit_code == 1
    assert [(d["code"], d["line"]) for d in json.loads(new.stdout)] == [("CL601", 9)]
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2]", encoding="utf-8")
    assert run("check", *BASE, "--baseline", str(broken), str(site)).exit_code == 2


# --- issue 15: the smaller papercuts ----------------------------------------------------------------------------

def test_caret_never_runs_past_its_snippet() -> None:
    from copylint.model import Finding, Severity
    from copylint.reporters.context import ReportContext
    from copylint.reporters.text import report

    source = "x" * 400 + "\n"
    for start, end in [(99, 349), (0, 300), (250, 400), (390, 400), (10, 12)]:
        f = Finding("t.txt", "CL100", "test", Severity.INFO, "m", start, end, source[start:end])
        snippet, caret = report([f], ReportContext({"t.txt": source})).splitlines()[1:3]
        assert len(caret) <= len(snippet), (start, end)
        assert caret.strip() and set(caret.strip()) == {"^"}


def test_echo_ending_fix_is_shown_as_the_deletion_it_makes(tmp_path) -> None:
    f = _doubled(tmp_path, text="Report\n\nThe gunmen robbed the bank before escaping. "
                                "Witnesses said they fired into the air, before escaping.\n")
    result = run("check", *BASE, "--select", "CL606", "--no-color", str(f))
    assert "CL606" in result.stdout
    assert "(drop the repeated" not in result.stdout
    assert "fix: delete ', before escaping' [unsafe fix]" in result.stdout


def test_variant_spelling_on_a_tie_does_not_say_mostly(tmp_path) -> None:
    tie = _doubled(tmp_path, text="Title\n\nThe protesters marched on Monday. Later the protestors left the square.\n")
    message = json.loads(run("check", *BASE, "--format", "json", "--select", "CL701", str(tie)).stdout)[0]["message"]
    assert "mostly" not in message and "as often (1 to 1)" in message


def test_rule_lookup_ignores_case_and_meta_rules_have_a_family() -> None:
    assert run("rule", "cl201").exit_code == 0 and "CL201 page-furniture" in run("rule", "cl201").output
    assert run("rule", "PAGE-FURNITURE").exit_code == 0
    missing = run("rule", "CL2O1")
    assert missing.exit_code == 2 and "did you mean" in missing.output
    listing = run("rules").output.splitlines()
    assert any(line.startswith("CL901") and " copylint " in line for line in listing)
    assert not any(" other " in line for line in listing)


def test_sarif_short_description_is_short() -> None:
    log = json.loads(run("check", *BASE, "--format", "sarif", str(SEED)).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        short = rule["shortDescription"]["text"]
        assert len(short) <= 121 and "\n" not in short, short
        if "fullDescription" in rule:
            assert rule["fullDescription"]["text"].startswith(short.rstrip("…")[:40])


def test_quiet_keeps_the_languagetool_warning(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGETOOL_URL", "http://127.0.0.1:9")  # discard port: nothing answers
    f = _doubled(tmp_path)
    result = run("check", "-q", "--no-cache", str(f))
    assert result.exit_code == 1
    assert "LanguageTool not reachable at http://127.0.0.1:9" in result.stderr
    assert "Found" not in result.stderr


def test_a_rule_that_raises_ends_the_run_in_one_line_naming_it(tmp_path, monkeypatch) -> None:
    # A damaged shipped table (or a bug) in one rule: exit 2 and one line naming the rule, never a traceback,
    # never a run that quietly lacks that rule's findings.
    from copylint.kinds.fixed_phrase import FixedPhrase

    def damaged(self, doc):
        raise KeyError("sources")

    monkeypatch.setattr(FixedPhrase, "check", damaged)
    article = tmp_path / "a.txt"
    article.write_text("On the other paw, the plan is slow.\n", encoding="utf-8")
    result = run("check", "--no-cache", "--no-languagetool", "--select", "CL412", str(article))
    assert result.exit_code == 2
    assert "CL412 fixed-phrase failed (KeyError: 'sources')" in result.output
    assert "Traceback" not in result.output
