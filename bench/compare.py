"""Benchmark copylint's built-in rules against proselint and Harper on the same news texts, in one run.

Usage: python bench/compare.py [--runs 3] [--corpus ../shared/corpus/news] [--proselint-files N] [--harper-files N]
                               [--cold-files 10] [--jsonl-gb 0]
Needs the bench extra (proselint, harper-py, psutil). Prints words/second (in-process), per-article wall time of a
cold process, peak memory (RSS) over the corpus, each as a ratio to copylint; then --jobs and cache speed-ups.
Every figure is the median of --runs runs; each measurement runs in a fresh subprocess.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "news"))
BIN = os.path.dirname(sys.executable)  # console scripts beside this interpreter, not a version manager's shims


def news_files(corpus: str) -> list[str]:
    return sorted(glob.glob(os.path.join(corpus, "bbc", "*", "*.txt"))) + sorted(
        glob.glob(os.path.join(corpus, "onestopenglish", "*.txt")))


def spread(files: list[str], n: int | None) -> list[str]:
    """n files taken evenly across the list (every section of the corpus), or all of them."""
    if not n or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def env() -> dict[str, str]:
    """The environment for measured processes: bytecode may be cached, as on any installed tool."""
    out = dict(os.environ)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


# --- in-process throughput: runs inside a fresh subprocess per tool and run ---------------------------------------

def worker(tool: str, list_file: str) -> None:
    import resource

    with open(list_file, encoding="utf-8") as handle:
        files = handle.read().split("\n")
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            texts.append((path, handle.read()))
    t0 = time.perf_counter()
    lint = _setup(tool)
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = sum(lint(path, text) for path, text in texts)
    seconds = time.perf_counter() - t0
    print(json.dumps({"words": sum(len(t.split()) for _, t in texts), "seconds": seconds, "setup": setup,
                      "findings": found, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def _setup(tool: str):
    if tool == "copylint":
        from copylint.api import Linter

        linter = Linter(languagetool=False)
        return lambda path, text: len(linter.lint_source(path, text))
    if tool == "proselint":
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        return lambda path, text: len(LintFile(path, text).lint(DEFAULT))
    if tool == "harper":
        import harper

        linter = harper.Linter()
        return lambda path, text: len(linter.lint(text, language="plaintext"))
    raise SystemExit(f"unknown tool {tool}")


def throughput(tool: str, files: list[str], runs: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(files))
    try:
        results = []
        for _ in range(runs):
            proc = subprocess.run([sys.executable, __file__, "--worker", tool, handle.name], capture_output=True,
                                  text=True, env=env(), check=True)
            results.append(json.loads(proc.stdout))
    finally:
        os.unlink(handle.name)
    return {
        "files": len(files),
        "words": results[0]["words"],
        "findings": results[0]["findings"],
        "wps": statistics.median(r["words"] / r["seconds"] for r in results),
        "setup": statistics.median(r["setup"] for r in results),
        "rss_mb": statistics.median(r["maxrss_kb"] for r in results) / 1024,
    }


# --- cold processes -------------------------------------------------------------------------------------------

HARPER_COLD = "import sys, harper; print(len(harper.Linter().lint(open(sys.argv[1], encoding='utf-8').read(), " \
              "language='plaintext')))"


def cold_command(tool: str, path: str, cache_dir: str) -> list[str]:
    if tool == "copylint":
        return [os.path.join(BIN, "copylint"), "check", path, "--no-languagetool", "--cache-dir", cache_dir]
    if tool == "proselint":
        return [os.path.join(BIN, "proselint"), "check", path]
    return [sys.executable, "-c", HARPER_COLD, path]


def cold(tool: str, files: list[str], runs: int) -> float:
    """Median wall time of one process linting one article (a different article each time, never a cache hit)."""
    times = []
    with tempfile.TemporaryDirectory() as cache_dir:
        subprocess.run(cold_command(tool, files[0], cache_dir), capture_output=True, env=env())  # writes bytecode
        for r in range(runs):
            for path in files:
                per_run_cache = os.path.join(cache_dir, str(r))
                t0 = time.perf_counter()
                subprocess.run(cold_command(tool, path, per_run_cache), capture_output=True, env=env())
                times.append(time.perf_counter() - t0)
    return statistics.median(times)


# --- the CLI over the whole corpus: --jobs and the cache ---------------------------------------------------------

def timed_run(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS of the process in MB, sha1 of stdout), measured without polling: a poller would take
    CPU from a run that uses every core (--jobs 2 on two cores) and so bias the comparison."""
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env())
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    return wall, usage.ru_maxrss / 1024, hashlib.sha1(out.read()).hexdigest()


def timed_tree(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS of the process and its children together in MB, sha1 of stdout), polling every 10 ms:
    for memory figures of runs with worker processes, not for their timing."""
    import psutil

    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env())
    peak = 0
    try:
        parent = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                rss = parent.memory_info().rss + sum(c.memory_info().rss for c in parent.children(recursive=True))
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.01)
    except psutil.Error:
        proc.wait()
    wall = time.perf_counter() - t0
    out.seek(0)
    digest = hashlib.sha1(out.read()).hexdigest()
    return wall, peak / 2**20, digest


def cli_runs(files: list[str], runs: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(files))
    base = [os.path.join(BIN, "copylint"), "check", "--no-languagetool", "--format", "jsonl", "-q", *files]
    jobs1, jobs2, first, second, digests, rss = [], [], [], [], set(), []
    try:
        for _ in range(runs):
            wall, peak, digest = timed_run([*base, "--no-cache", "--jobs", "1"])  # one process: its own peak
            jobs1.append(wall)
            rss.append(peak)
            digests.add(digest)
            wall, _, digest = timed_run([*base, "--no-cache", "--jobs", "2"])
            jobs2.append(wall)
            digests.add(digest)
            with tempfile.TemporaryDirectory() as cache_dir:
                wall, _, digest = timed_run([*base, "--cache-dir", cache_dir])
                first.append(wall)
                digests.add(digest)
                wall, _, digest = timed_run([*base, "--cache-dir", cache_dir])
                second.append(wall)
                digests.add(digest)
    finally:
        os.unlink(handle.name)
    med = statistics.median
    return {"jobs1": med(jobs1), "jobs2": med(jobs2), "uncached": med(first), "cached": med(second),
            "rss_mb": med(rss), "identical": len(digests) == 1}


def jsonl_memory(files: list[str], gigabytes: float, padding: int = 60_000) -> dict:
    """Peak RSS of `copylint check --input-format jsonl` over a generated JSON Lines file of the given size. Each
    record is a news text plus `padding` characters of raw HTML in a field that is not linted, so the file is big
    while the linting stays a few minutes on two cores."""
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read())
    target = int(gigabytes * 2**30)
    with tempfile.TemporaryDirectory() as tmp:
        crawl = os.path.join(tmp, "crawl.jsonl")
        size = records = 0
        with open(crawl, "w", encoding="utf-8") as handle:
            while size < target:
                line = json.dumps({"url": f"https://news.example/{records}", "body": texts[records % len(texts)],
                                   "html": "<p>" + "x" * padding + "</p>"})
                handle.write(line + "\n")
                size += len(line.encode()) + 1
                records += 1
        cmd = [os.path.join(BIN, "copylint"), "check", "--no-languagetool", "--no-cache", "--input-format", "jsonl",
               "--text-field", "body", "--id-field", "url", "--format", "jsonl", "-q", crawl]
        wall, peak, _ = timed_tree(cmd)
    return {"gb": size / 2**30, "records": records, "wall": wall, "rss_mb": peak}


# --- report -----------------------------------------------------------------------------------------------------

def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in ("copylint", "proselint", "harper-py"):
        try:
            out.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist} (not installed)")
    return ", ".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", nargs=2, metavar=("TOOL", "LIST"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", default=os.environ.get("COPYLINT_NEWS", DEFAULT_CORPUS))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--proselint-files", type=int, default=0, help="subset for proselint (0: the whole corpus)")
    ap.add_argument("--harper-files", type=int, default=120, help="subset for Harper (0: the whole corpus)")
    ap.add_argument("--cold-files", type=int, default=8, help="articles per cold-process run")
    ap.add_argument("--jsonl-gb", type=float, default=0, help="also lint a generated JSON Lines file this big")
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0
    files = news_files(args.corpus)
    if not files:
        print(f"no news texts under {args.corpus}", file=sys.stderr)
        return 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"copylint benchmark: {len(files)} news texts from {args.corpus}; {cores} cores; "
          f"Python {platform.python_version()}; {versions()}; medians of {args.runs} runs")
    subsets = {"copylint": files, "proselint": spread(files, args.proselint_files),
               "harper": spread(files, args.harper_files)}
    cold_files = spread(files, args.cold_files)
    rows = {}
    for tool, chosen in subsets.items():
        print(f"  measuring {tool} ({len(chosen)} texts) ...", file=sys.stderr, flush=True)
        rows[tool] = throughput(tool, chosen, args.runs)
        rows[tool]["cold"] = cold(tool, cold_files, args.runs)
    base = rows["copylint"]
    print()
    print(f"{'tool':<10} {'texts':>6} {'words':>9} {'words/s':>11} {'copylint ×':>10} {'cold s':>7} "
          f"{'÷copylint':>9} {'peak MB':>8} {'÷copylint':>9} {'setup s':>8} {'findings':>8}")
    for tool, r in rows.items():
        print(f"{tool:<10} {r['files']:>6} {r['words']:>9} {r['wps']:>11,.0f} {base['wps'] / r['wps']:>10.1f} "
              f"{r['cold']:>7.3f} {r['cold'] / base['cold']:>9.2f} {r['rss_mb']:>8.1f} "
              f"{r['rss_mb'] / base['rss_mb']:>9.2f} {r['setup']:>8.2f} {r['findings']:>8}")
    print("\ncopylint × = how many times copylint's words/s; ÷copylint = the peer's figure divided by copylint's.")
    print("words/s: in-process (Linter / proselint's LintFile / harper.Linter), setup excluded; cold s: one process "
          "per article (copylint and proselint CLIs; Harper has no CLI on PyPI, so `python -c` with harper-py); "
          "peak MB: max RSS of the in-process run.")
    for tool, r in rows.items():
        if r["files"] < len(files):
            print(f"{tool} ran on {r['files']} of {len(files)} texts (spread over every section) to keep the run short.")

    print("\n  measuring the CLI over the whole corpus ...", file=sys.stderr, flush=True)
    cli = cli_runs(files, args.runs)
    print(f"\nCLI over all {len(files)} files (--no-languagetool --format jsonl):")
    print(f"  --jobs 1 {cli['jobs1']:.2f} s, --jobs 2 {cli['jobs2']:.2f} s: {cli['jobs1'] / cli['jobs2']:.2f}× "
          f"faster; peak RSS (--jobs 1) {cli['rss_mb']:.0f} MB")
    print(f"  cache: first run {cli['uncached']:.2f} s, second run {cli['cached']:.3f} s: "
          f"{cli['uncached'] / cli['cached']:.1f}× faster")
    print(f"  output identical across --jobs 1, --jobs 2, uncached and cached: {cli['identical']}")
    jsonl = None
    if args.jsonl_gb:
        print("  measuring JSON Lines corpus mode ...", file=sys.stderr, flush=True)
        jsonl = jsonl_memory(files, args.jsonl_gb)
        print(f"\nJSON Lines: {jsonl['gb']:.2f} GB, {jsonl['records']} records in {jsonl['wall']:.0f} s; "
              f"peak RSS of copylint and its workers {jsonl['rss_mb']:.0f} MB")

    print("\nTargets:")
    checks = [
        ("words/s ≥ 10× proselint", base["wps"] >= 10 * rows["proselint"]["wps"]),
        ("words/s ≥ 10× Harper", base["wps"] >= 10 * rows["harper"]["wps"]),
        ("cold one-article run ≤ 0.3 s", base["cold"] <= 0.3),
        ("peak memory over the corpus < 300 MB", max(base["rss_mb"], cli["rss_mb"]) < 300),
        ("--jobs 2 ≥ 1.8× --jobs 1", cli["jobs1"] / cli["jobs2"] >= 1.8),
        ("cached second run ≥ 20× faster", cli["uncached"] / cli["cached"] >= 20),
        ("identical output", cli["identical"]),
    ]
    if jsonl:
        checks.append(("JSON Lines peak memory < 300 MB", jsonl["rss_mb"] < 300))
    for name, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
