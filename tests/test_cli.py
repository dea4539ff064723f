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
