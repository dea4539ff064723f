"""The findings cache: unchanged texts are not linted again; any change to text, rules, config or selection misses."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from copylint import cache as cache_mod
from copylint.cache import Cache, decode, encode, fingerprint
from copylint.cli import main
from copylint.config import Config
from copylint.model import Applicability, Edit, Finding, Fix, Severity
from copylint.runner import LinterSpec, Task, run

from .test_runner import write_corpus

SPEC = LinterSpec(languagetool=False)


def check(cache_dir, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--cache-dir", str(cache_dir), *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout


def tasks_for(paths) -> list[Task]:
    return [Task(p, Path(p).read_text(encoding="utf-8"), "plain") for p in paths]


def test_second_run_is_served_from_cache_with_identical_findings(tmp_path) -> None:
    tasks = tasks_for(write_corpus(tmp_path / "docs", 20))
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        first = list(run(tasks, SPEC, cache=cache))
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        second = list(run(tasks, SPEC, jobs=2, cache=cache))
        assert cache.hits == 20 and cache.misses == 0
    assert not any(r.cached for r in first) and all(r.cached for r in second)
    assert [r.findings for r in first] == [r.findings for r in second]
    assert sum(len(r.findings) for r in second) >= 12


@pytest.mark.parametrize("fmt", ["json", "text", "jsonl", "sarif", "github"])
def test_cli_cached_and_uncached_runs_print_the_same(tmp_path, fmt, monkeypatch) -> None:
    write_corpus(tmp_path / "docs", 30)
    args = ["--format", fmt, "--no-color", "--jobs", "2", str(tmp_path / "docs")]
    uncached = CliRunner().invoke(main, ["check", "--no-languagetool", "--no-cache", *args])
    first = check(tmp_path / "cache", *args)

    def no_linting(self):
        raise AssertionError("a fully cached run built a Linter")

    monkeypatch.setattr(LinterSpec, "build", no_linting)
    second = check(tmp_path / "cache", *args)
    assert (uncached.exit_code, uncached.stdout) == first == second
    assert first[0] == 1


def test_only_changed_files_are_linted_again(tmp_path) -> None:
    paths = write_corpus(tmp_path / "docs", 10)
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        list(run(tasks_for(paths), SPEC, cache=cache))
    Path(paths[3]).write_text("A new paragraph.\n\nRelated Articles\n", encoding="utf-8")
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        results = list(run(tasks_for(paths), SPEC, cache=cache))
    assert [r.cached for r in results] == [i != 3 for i in range(10)]
    assert [f.text for f in results[3].findings] == ["Related Articles"]


def test_same_text_under_another_name_or_format_misses(tmp_path) -> None:
    text = "Trade resumed.\n\nRelated Articles\n"
    with Cache(tmp_path, fingerprint(SPEC)) as cache:
        list(run([Task("a.txt", text, "plain")], SPEC, cache=cache))
        assert cache.get(Task("a.txt", text, "plain")) is not None
        assert cache.get(Task("b.txt", text, "plain")) is None
        assert cache.get(Task("a.txt", text, "markdown")) is None
        found = cache.get(Task("a.txt", text, "plain"))
        assert found and all(f.path == "a.txt" for f in found)


def test_fingerprint_covers_selection_config_rules_and_version(tmp_path, monkeypatch) -> None:
    base = fingerprint(SPEC)
    assert fingerprint(LinterSpec(languagetool=False)) == base
    assert fingerprint(LinterSpec(select=("CL2",), languagetool=False)) != base
    assert fingerprint(LinterSpec(ignore=("CL601",), languagetool=False)) != base
    assert fingerprint(LinterSpec(Config(names=("Okonjo",)), languagetool=False)) != base
    assert fingerprint(SPEC, languagetool_active=True) != base
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.toml").write_text("# placeholder\n", encoding="utf-8")
    with_dir = LinterSpec(Config(rule_dirs=(rules,)), languagetool=False)
    before = fingerprint(with_dir)
    (rules / "x.toml").write_text("# placeholder, edited\n", encoding="utf-8")
    assert fingerprint(with_dir) != before
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    assert fingerprint(SPEC) != base


def test_changed_selection_relints(tmp_path) -> None:
    docs = tmp_path / "docs"
    write_corpus(docs, 10)
    everything = check(tmp_path / "cache", "--format", "jsonl", str(docs))
    furniture = check(tmp_path / "cache", "--format", "jsonl", "--select", "CL2", str(docs))
    assert '"CL601"' in everything[1] and '"CL601"' not in furniture[1] and '"CL201"' in furniture[1]


def test_no_cache_writes_nothing(tmp_path) -> None:
    write_corpus(tmp_path / "docs", 10)
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--no-cache", "--cache-dir",
                                       str(tmp_path / "cache"), str(tmp_path / "docs")])
    assert result.exit_code == 1
    assert not (tmp_path / "cache").exists()


def test_fix_bypasses_the_cache(tmp_path) -> None:
    docs = tmp_path / "docs"
    write_corpus(docs, 4)
    check(tmp_path / "cache", "--fix", str(docs))
    assert not (tmp_path / "cache").exists()
    assert check(tmp_path / "cache", "--select", "CL201", str(docs))[0] == 0


def test_unusable_cache_dir_warns_and_still_lints(tmp_path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    write_corpus(tmp_path / "docs", 3)
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--cache-dir", str(blocker / "sub"),
                                       "--format", "json", str(tmp_path / "docs")])
    assert result.exit_code == 1
    assert "cache disabled" in result.stderr
    assert '"CL201"' in result.stdout


def test_corrupt_entry_is_a_miss(tmp_path) -> None:
    with Cache(tmp_path, fingerprint(SPEC)) as cache:
        task = Task("a.txt", "Related Articles\n", "plain")
        cache._db.execute("INSERT INTO findings VALUES (?, ?)", (cache.key(task), b"garbage"))
        assert cache.get(task) is None


def test_encode_decode_round_trip() -> None:
    finding = Finding("x.md", "CL401", "tortured-phrase", Severity.WARNING, "Use 'in the world'.", 10, 22,
                      "in the globe", ("in the world", "worldwide"),
                      Fix((Edit(10, 22, "in the world"),), Applicability.SAFE), (("score", 0.75), ("hits", 3)))
    plain = Finding("x.md", "CL201", "page-furniture", Severity.ERROR, "Furniture.", 0, 5, "Share")
    assert decode(encode([finding, plain]), "x.md") == (finding, plain)


def test_default_location_is_the_user_cache_dir(monkeypatch) -> None:
    import platformdirs

    monkeypatch.delenv("COPYLINT_CACHE_DIR", raising=False)
    assert cache_mod.default_dir() == Path(platformdirs.user_cache_dir("copylint", appauthor=False))
    monkeypatch.setenv("COPYLINT_CACHE_DIR", "/tmp/elsewhere")
    assert cache_mod.default_dir() == Path("/tmp/elsewhere")


def test_stale_cache_files_are_pruned(tmp_path) -> None:
    old = tmp_path / "findings-0123456789abcdef01234567.sqlite3"
    old.write_bytes(b"")
    long_ago = 1_000_000_000
    os.utime(old, (long_ago, long_ago))
    Cache(tmp_path, fingerprint(SPEC)).close()
    assert not old.exists()
    assert len(list(tmp_path.glob("findings-*.sqlite3"))) == 1


# A small cache file is read whole; a large one is asked for its keys, several SELECTs a call here.
BOTH_WAYS = pytest.mark.parametrize("whole_bytes", [cache_mod.READ_WHOLE_BYTES, 0])


@BOTH_WAYS
def test_batched_lookups_answer_as_single_ones(tmp_path, monkeypatch, whole_bytes) -> None:
    monkeypatch.setattr(cache_mod, "READ_WHOLE_BYTES", whole_bytes)
    monkeypatch.setattr(cache_mod, "LOOKUP_CHUNK", 3)
    tasks = tasks_for(write_corpus(tmp_path / "docs", 8))
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        list(run(tasks[:5], SPEC, cache=cache))
    with Cache(tmp_path / "cache", fingerprint(SPEC)) as cache:
        many = cache.get_many(tasks)
        assert many == [cache.get(task) for task in tasks]
        assert [found is not None for found in many] == [True] * 5 + [False] * 3
        list(run(tasks[5:], SPEC, cache=cache))  # what this run stores, it finds again
        assert all(found is not None for found in cache.get_many(tasks))


@BOTH_WAYS
def test_corrupt_entry_in_a_batch_misses_alone(tmp_path, monkeypatch, whole_bytes) -> None:
    monkeypatch.setattr(cache_mod, "READ_WHOLE_BYTES", whole_bytes)
    tasks = [Task(f"{name}.txt", "Related Articles\n", "plain") for name in "abc"]
    with Cache(tmp_path, fingerprint(SPEC)) as cache:
        list(run(tasks, SPEC, cache=cache))
        cache._db.execute("UPDATE findings SET value = ? WHERE key = ?", (b"garbage", cache.key(tasks[1])))
    with Cache(tmp_path, fingerprint(SPEC)) as cache:
        found = cache.get_many(tasks)
        assert found[0] and found[2] and found[1] is None
        assert (cache.hits, cache.misses) == (2, 1)


def test_key_from_the_bytes_read_equals_the_key_from_the_text() -> None:
    text = "Café\ufeff \u2014 naïve\r\n"
    plain = Task("x.md", text, "markdown")
    assert Cache.key(plain) == Cache.key(Task("x.md", text, "markdown", text.encode("utf-8")))
    assert Cache.key(plain) != Cache.key(Task("x.md", text, "plain"))


def test_fingerprint_finds_the_rules_the_registry_loads() -> None:
    from copylint.registry import builtin_rules_dir

    package = os.path.dirname(os.path.realpath(cache_mod.__file__))
    assert Path(cache_mod.builtin_rules_dir(package)).resolve() == builtin_rules_dir().resolve()


# --- the stat fast path: a file unchanged since a run that found nothing in it is not read --------------------------

CLEAN = "The harbour reopened after a storm."
SAME_SIZE_WITH_A_FINDING = "The the harbour opened after storm."  # a doubled word (CL601), same length as CLEAN


@pytest.fixture
def later(monkeypatch):
    """Reads happen 10 s after the files were written, so their stat signatures are trusted: ctime cannot be set
    back, so without this a test would have to wait out the racy window."""
    monkeypatch.setattr(cache_mod, "_now_ns", lambda: time.time_ns() + 10 * 10**9)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files read (every reader goes through inputs._read_bytes)."""
    from copylint import inputs

    names: list[str] = []
    real = inputs._read_bytes

    def counted(path, regular):
        names.append(os.path.normpath(path))
        return real(path, regular)

    monkeypatch.setattr(inputs, "_read_bytes", counted)
    return names


def run_cli(cache_dir, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--no-color", "--cache-dir", str(cache_dir), *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout, result.stderr


def paths_with_findings(cache_dir, docs) -> set[str]:
    out = run_cli(cache_dir, "--format", "jsonl", "-q", str(docs))[1]
    return {json.loads(line)["path"] for line in out.splitlines()}


@pytest.mark.parametrize("whole_bytes", [cache_mod.READ_WHOLE_BYTES, 0])
def test_unchanged_finding_free_files_are_not_read(tmp_path, later, reads, monkeypatch, whole_bytes) -> None:
    monkeypatch.setattr(cache_mod, "READ_WHOLE_BYTES", whole_bytes)
    paths = write_corpus(tmp_path / "docs", 20)
    found = paths_with_findings(tmp_path / "cache", tmp_path / "docs")
    assert sorted(reads) == sorted(paths) and 0 < len(found) < len(paths)
    reads.clear()
    assert paths_with_findings(tmp_path / "cache", tmp_path / "docs") == found
    assert sorted(reads) == sorted(found)  # reporters need the text of a file with findings; the rest is not read


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_stat_cached_runs_print_what_uncached_runs_print(tmp_path, later, reads, fmt, jobs) -> None:
    docs = tmp_path / "docs"
    paths = write_corpus(docs, 30)
    args = ["--format", fmt, "--jobs", jobs, str(docs)]
    uncached = run_cli(tmp_path / "none", "--no-cache", *args)
    first = run_cli(tmp_path / "cache", *args)
    reads.clear()
    second = run_cli(tmp_path / "cache", *args)
    assert uncached == first == second  # findings with their lines and columns, the summary and its file count
    assert uncached[0] == 1
    if fmt == "text":
        assert " in 30 files" in uncached[2]
    assert 0 < len(reads) < len(paths)


def clean_file_linted_once(tmp_path) -> Path:
    """docs/a.txt, in which nothing is found, after a run that stored its stat signature."""
    path = tmp_path / "docs" / "a.txt"
    path.parent.mkdir()
    path.write_text(CLEAN + "\n", encoding="utf-8")
    assert paths_with_findings(tmp_path / "cache", path.parent) == set()
    return path


def test_a_changed_file_is_read_and_linted_again(tmp_path, later) -> None:
    path = clean_file_linted_once(tmp_path)
    path.write_text(CLEAN + "\n\nRelated Articles\n", encoding="utf-8")  # content and size
    assert paths_with_findings(tmp_path / "cache", path.parent) == {str(path)}


def test_same_size_edit_with_a_new_mtime_is_linted_again(tmp_path, later) -> None:
    path = clean_file_linted_once(tmp_path)
    before = os.stat(path)
    path.write_text(SAME_SIZE_WITH_A_FINDING + "\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    assert os.stat(path).st_size == before.st_size
    assert paths_with_findings(tmp_path / "cache", path.parent) == {str(path)}


def test_same_size_edit_with_mtime_set_back_is_caught_by_ctime(tmp_path, later) -> None:
    """os.utime can put the old mtime back, but setting it changes ctime, which no call can set back."""
    path = clean_file_linted_once(tmp_path)
    before = os.stat(path)
    path.write_text(SAME_SIZE_WITH_A_FINDING + "\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    while os.stat(path).st_ctime_ns == before.st_ctime_ns:  # within one tick of the file system's clock
        time.sleep(0.01)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert paths_with_findings(tmp_path / "cache", path.parent) == {str(path)}


def test_a_file_read_just_after_it_changed_is_not_trusted_by_stat(tmp_path, reads, monkeypatch) -> None:
    paths = write_corpus(tmp_path / "docs", 10)
    newest = max(max(os.stat(p).st_mtime_ns, os.stat(p).st_ctime_ns) for p in paths)
    monkeypatch.setattr(cache_mod, "_now_ns", lambda: newest + cache_mod.RACY_NS // 2)  # read 1 s after writing
    found = paths_with_findings(tmp_path / "cache", tmp_path / "docs")
    reads.clear()
    monkeypatch.setattr(cache_mod, "_now_ns", lambda: newest + 10 * cache_mod.RACY_NS)
    assert paths_with_findings(tmp_path / "cache", tmp_path / "docs") == found
    assert sorted(reads) == sorted(paths)  # every file read again: no signature was stored, the content hash hit
    reads.clear()
    assert paths_with_findings(tmp_path / "cache", tmp_path / "docs") == found
    assert sorted(reads) == sorted(found)  # that read stored them


def test_trusted_signature_needs_both_times_old_enough(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x\n", encoding="utf-8")
    st = os.stat(path)
    newest = max(st.st_mtime_ns, st.st_ctime_ns)
    assert cache_mod.trusted_signature(st, newest + cache_mod.RACY_NS) is None
    assert cache_mod.trusted_signature(st, newest + cache_mod.RACY_NS + 1) == cache_mod.signature(st)


def test_standard_input_and_a_renamed_file_take_the_content_path(tmp_path, later, reads) -> None:
    path = clean_file_linted_once(tmp_path)
    args = ["--format", "jsonl", "--stdin-filename", "in.txt", "-", str(path)]
    for _ in range(2):
        result = CliRunner().invoke(main, ["check", "--no-languagetool", "--cache-dir", str(tmp_path / "cache"), *args],
                                    input="Related Articles\n")
        assert result.exit_code == 1 and '"path": "in.txt"' in result.stdout
    assert reads == [str(path)]  # by the first run only; standard input has no signature, and is read each time
    moved = path.with_name("b.txt")
    os.replace(path, moved)  # same inode, another name: its own entry
    assert paths_with_findings(tmp_path / "cache", path.parent) == set()
    assert reads[-1] == str(moved)
