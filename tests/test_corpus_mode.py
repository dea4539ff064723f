"""Corpus mode: JSON Lines records in, one finding per line out, streaming with flat memory."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from copylint.api import lint_text
from copylint.cli import main
from copylint.corpus import read_records
from copylint.errors import InputError

from .test_runner import TEXTS

COMMON = ["check", "--no-languagetool", "--input-format", "jsonl"]
BASE = [*COMMON, "--no-cache"]


def write_crawl(path, n: int = 30) -> list[dict]:
    records = [{"url": f"https://news.example/{i:04d}", "body": f"Story {i}.\n\n" + TEXTS[i % len(TEXTS)],
                "lang": "en"} for i in range(n)]
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return records


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, [*BASE, *args], input=input)


def test_records_are_linted_like_files_and_named_by_id(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    records = write_crawl(crawl)
    result = invoke("--text-field", "body", "--id-field", "url", "--format", "jsonl", str(crawl))
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [
        (r["url"], f.code, f.start, f.end, f.text)
        for r in records for f in lint_text(r["body"], path=r["url"], fmt="plain")
    ]
    assert [(d["path"], d["code"], d["start"], d["end"], d["text"]) for d in lines] == expected
    assert len(lines) >= 24
    first = next(d for d in lines if d["code"] == "CL201")
    assert (first["line"], first["column"]) == (5, 1)  # line/column inside the record's text


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_jobs_2_and_cache_match_jobs_1(tmp_path, fmt) -> None:
    crawl = tmp_path / "crawl.jsonl"
    write_crawl(crawl, 60)
    args = ["--text-field", "body", "--id-field", "url", "--format", fmt, "--no-color", str(crawl)]
    one = invoke("--jobs", "1", *args)
    two = invoke("--jobs", "2", *args)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cached = [CliRunner().invoke(main, [*COMMON, *cache, "--jobs", "2", *args]) for _ in range(2)]
    outputs = {(r.exit_code, r.stdout) for r in (one, two, *cached)}
    assert len(outputs) == 1 and one.exit_code == 1


def test_bad_lines_are_skipped_with_a_warning(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        '{"id": "a", "text": "Related Articles"}\n'
        "not json\n"
        "\n"
        '["a", "list"]\n'
        '{"id": "d", "body": "no text field"}\n'
        '{"id": "e", "text": null}\n'
        '{"text": "Back to top"}\n',
        encoding="utf-8",
    )
    result = invoke("--format", "jsonl", str(crawl))
    assert result.exit_code == 1
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["a", f"{crawl}:7"]
    for line_no, problem in [(2, "not valid JSON"), (4, "not a JSON object"), (5, "field 'text' is missing"),
                             (6, "field 'text' is missing")]:
        assert f"{crawl}:{line_no}: {problem}" in result.stderr


def test_reader_without_warn_raises_naming_the_line(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text('{"text": "fine"}\n{"text": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"crawl.jsonl:2: field 'text' is not a string"):
        list(read_records(str(crawl)))


def test_numeric_ids_and_stdin(tmp_path) -> None:
    data = '{"id": 17, "text": "The talks ended.\\n\\nRelated Articles\\n"}\n'
    result = invoke("--format", "json", "-", input=data)
    assert result.exit_code == 1
    assert [d["path"] for d in json.loads(result.stdout)] == ["17"]


def test_summary_counts_records(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    write_crawl(crawl, 10)
    result = invoke("--text-field", "body", str(crawl))
    assert "in 10 files" in result.stderr


def test_fix_is_refused_for_jsonl(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    write_crawl(crawl, 2)
    result = invoke("--fix", str(crawl))
    assert result.exit_code == 2 and "--fix and --diff do not apply" in result.output


def test_missing_file_is_exit_2(tmp_path) -> None:
    result = invoke(str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 2 and f"{tmp_path / 'absent.jsonl'}:1:1: CL900 [error] cannot check: no such file" \
        in result.output


def test_no_progress_bar_in_a_pipe(tmp_path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    write_crawl(crawl, 20)
    proc = subprocess.run([sys.executable, "-m", "copylint", *BASE, "--text-field", "body", "--format", "jsonl",
                           str(crawl)], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1, proc.stderr
    assert "Linting" not in proc.stderr and "%" not in proc.stderr


def test_progress_bar_only_for_a_person_at_a_terminal(monkeypatch) -> None:
    from copylint import streaming

    monkeypatch.setattr(streaming, "_isatty", lambda stream: True)
    monkeypatch.delenv("CI", raising=False)
    assert streaming.want_progress(quiet=False, streaming_to_stdout=False)
    assert not streaming.want_progress(quiet=True, streaming_to_stdout=False)
    assert not streaming.want_progress(quiet=False, streaming_to_stdout=True)  # findings print to that terminal
    monkeypatch.setenv("CI", "true")
    assert not streaming.want_progress(quiet=False, streaming_to_stdout=False)


PEAK_RSS = textwrap.dedent(
    """
    import atexit, resource, sys
    report = sys.argv.pop(1)
    atexit.register(lambda: open(report, "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
    from copylint.cli import main
    sys.argv[0] = "copylint"
    main()
    """
)


def _peak_kib(tmp_path, crawl, name: str) -> int:
    out = tmp_path / f"{name}.rss"
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(out), *BASE, "--jobs", "1", "--text-field", "body", "--id-field",
         "url", "--format", "jsonl", str(crawl)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("\n") >= 100
    return int(out.read_text())


def _generated_crawl(path, records: int) -> None:
    # Each record carries 64 KB of raw HTML that is never linted, so the file is large but the run stays short.
    padding = "<div>" + "x" * 65_536 + "</div>"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(records):
            body = f"Story {i}.\n\n" + TEXTS[i % len(TEXTS)]
            handle.write(json.dumps({"url": f"https://news.example/{i}", "html": padding, "body": body}) + "\n")


def test_memory_stays_flat_as_the_input_grows(tmp_path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    _generated_crawl(small, 200)  # ~13 MB
    _generated_crawl(large, 1600)  # ~105 MB
    small_kib = _peak_kib(tmp_path, small, "small")
    large_kib = _peak_kib(tmp_path, large, "large")
    # Eight times the input; the peak may not grow by more than a few records' worth.
    assert large_kib - small_kib < 8 * 1024, (small_kib, large_kib)
