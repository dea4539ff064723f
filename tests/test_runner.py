"""--jobs: a process pool whose workers build one Linter each, with output identical to --jobs 1 and in input order."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from copylint import runner
from copylint.cli import main
from copylint.runner import LinterSpec, Task, run

BASE = ["--no-languagetool", "--no-cache"]

# Texts with findings of several rule families (furniture lines, markup leftovers, doubled words) and clean ones.
TEXTS = [
    "The committee met on Monday.\n\nRelated Articles\n\nIt voted to close the the old depot.\n",
    "Rain is expected tomorrow.\n\nThe <b>council</b> said roads would stay open.\n",
    "The harbour reopened after a storm.\n",
    "Trade talks resumed in Geneva on Friday.\n\nBack to top\n",
    "Officials said the bridge would be would be repaired by spring.\n",
]


def write_corpus(root, n: int = 40) -> list[str]:
    paths = []
    for i in range(n):
        sub = root / f"section{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"article{i:03d}.txt"
        path.write_text(f"Story {i}.\n\n" + TEXTS[i % len(TEXTS)], encoding="utf-8")
        paths.append(str(path))
    return paths


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *BASE, *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "sarif", "github"])
def test_jobs_2_output_identical_to_jobs_1(tmp_path, fmt) -> None:
    write_corpus(tmp_path)
    one = check("--jobs", "1", "--format", fmt, "--no-color", str(tmp_path))
    two = check("--jobs", "2", "--format", fmt, "--no-color", str(tmp_path))
    assert one == two
    assert one[0] == 1 and one[1].count("Related Articles") >= 8


def test_findings_come_out_sorted_by_path_then_offset(tmp_path) -> None:
    write_corpus(tmp_path)
    _, out = check("--jobs", "2", "--format", "json", str(tmp_path))
    data = json.loads(out)
    keys = [(d["path"], d["start"], d["code"]) for d in data]
    assert keys == sorted(keys)
    assert len({d["path"] for d in data}) == 24  # three of every five texts have findings


def test_pool_workers_build_their_linter_once(tmp_path, monkeypatch) -> None:
    log = tmp_path / "inits.log"
    real_init = runner._init_worker

    def counting_init(spec):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        real_init(spec)

    monkeypatch.setattr(runner, "_init_worker", counting_init)
    monkeypatch.setattr(runner, "BATCH_TEXTS", 2)  # many pool tasks for the two workers
    paths = write_corpus(tmp_path / "docs", 40)
    tasks = [Task(p, open(p, encoding="utf-8").read(), "plain") for p in paths]
    spec = LinterSpec(languagetool=False)
    results = list(run(tasks, spec, jobs=2))
    pids = log.read_text().split()
    assert len(pids) == 2 and len(set(pids)) == 2 and str(os.getpid()) not in pids
    assert [r.task.path for r in results] == paths  # input order, not completion order
    serial = list(run(tasks, spec, jobs=1))
    assert [r.findings for r in results] == [r.findings for r in serial]
    assert sum(len(r.findings) for r in results) >= 40


def test_short_lists_are_linted_without_a_pool(tmp_path, monkeypatch) -> None:
    import concurrent.futures

    class Forbidden:
        def __init__(self, *a, **k):
            raise AssertionError("a pool was started for a handful of files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Forbidden)
    paths = write_corpus(tmp_path, 3)
    code, out = check("--jobs", "2", "--format", "jsonl", *paths)
    assert code == 1 and len(out.splitlines()) >= 2


def test_fix_with_jobs_2_writes_what_jobs_1_writes(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 24)
    write_corpus(b, 24)
    check("--jobs", "1", "--fix", str(a))
    check("--jobs", "2", "--fix", str(b))
    fixed_a = sorted((p.relative_to(a), p.read_text()) for p in a.rglob("*.txt"))
    fixed_b = sorted((p.relative_to(b), p.read_text()) for p in b.rglob("*.txt"))
    assert fixed_a == fixed_b
    assert not any("Related Articles" in text for _, text in fixed_b)


def test_diff_with_jobs_2_matches_jobs_1(tmp_path) -> None:
    write_corpus(tmp_path, 24)
    one = check("--jobs", "1", "--diff", str(tmp_path))
    two = check("--jobs", "2", "--diff", str(tmp_path))
    assert one == two and "-Related Articles" in one[1]


def test_unreadable_file_among_many_is_exit_2(tmp_path) -> None:
    write_corpus(tmp_path, 30)
    (tmp_path / "section1" / "broken.txt").write_bytes(b"caf\xe9 latte\n")
    result = CliRunner().invoke(main, ["check", *BASE, "--jobs", "2", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2  # the run goes on: every other file is linted, the broken one is reported
    found = json.loads(result.stdout)
    broken = [d for d in found if d["path"].endswith("broken.txt")]
    assert [(d["code"], d["line"], d["column"]) for d in broken] == [("CL900", 1, 1)]
    assert "not UTF-8" in broken[0]["message"]
    assert len({d["path"] for d in found}) == 1 + 18  # three of every five texts have findings


def test_default_jobs_is_the_usable_core_count() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert runner.default_jobs() == expected


def test_forked_workers_reuse_the_parent_linter_unless_it_holds_a_languagetool_connection() -> None:
    import types

    spec = LinterSpec(languagetool=False)
    plain = types.SimpleNamespace(languagetool=None)
    try:
        runner._inherit(spec, plain)
        runner._init_worker(spec)
        assert runner._WORKER_LINTER is plain
        runner._inherit(spec, types.SimpleNamespace(languagetool=object()))
        assert runner._INHERITED is None
        runner._inherit(LinterSpec(select=("CL2",), languagetool=False), plain)
        runner._init_worker(spec)  # a different recipe: the worker builds its own
        assert runner._WORKER_LINTER is not plain and runner._WORKER_LINTER.kinds
    finally:
        runner._inherit(spec, None)
        runner._WORKER_LINTER = None


@pytest.mark.parametrize("jobs", [1, 2])
def test_cache_asked_in_batches_keeps_input_order(tmp_path, monkeypatch, jobs) -> None:
    from copylint.cache import Cache, fingerprint

    monkeypatch.setattr(runner, "LOOKUP_TEXTS", 3)
    paths = write_corpus(tmp_path / "docs", 20)
    tasks = [Task(p, open(p, encoding="utf-8").read(), "plain") for p in paths]
    spec = LinterSpec(languagetool=False)
    with Cache(tmp_path / "cache", fingerprint(spec)) as cache:
        list(run(tasks[::2], spec, cache=cache))  # every other text cached
        mixed = list(run(tasks, spec, jobs=jobs, cache=cache))
    assert [r.task.path for r in mixed] == paths
    assert [r.cached for r in mixed] == [i % 2 == 0 for i in range(20)]
    assert [r.findings for r in mixed] == [r.findings for r in run(tasks, spec)]
