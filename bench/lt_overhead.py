"""CPU cost of copylint with LanguageTool against LanguageTool alone, on the same news files and a warm server.

    LANGUAGETOOL_PORT=8092 bash scripts/languagetool.sh start     # a server nobody else uses (its CPU is measured)
    python bench/lt_overhead.py --url http://127.0.0.1:8092 -n 300
    LANGUAGETOOL_PORT=8092 bash scripts/languagetool.sh stop

Both runs check the same N articles of ../shared/corpus/news/bbc, each text once per run (LanguageTool's result cache
never answers for the other run: copylint's requests carry its rule settings), interleaved file by file. Before
timing, both are warmed on 50 other articles. CPU time = this process (user + system) + the server JVM's (from its pid file, through psutil), so
the server must serve no one else during the run. "LanguageTool alone" sends each article's text with the default
rules (language_tool_python, the same client copylint uses); "copylint" is copylint.api.Linter with every default
rule and LanguageTool on. Target: copylint within 1.2x of LanguageTool alone.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news" / "bbc"
TARGET = 1.2


def server_process(url: str):
    import psutil

    port = url.rsplit(":", 1)[-1].strip("/")
    home = Path(os.environ.get("LANGUAGETOOL_HOME", Path(__file__).resolve().parents[1] / ".languagetool"))
    pid_file = home / f"server-{port}.pid"
    if pid_file.is_file():
        return psutil.Process(int(pid_file.read_text().strip()))
    for proc in psutil.process_iter(["cmdline"]):  # a server started some other way: find it by its port
        cmd = proc.info["cmdline"] or []
        if "org.languagetool.server.HTTPServer" in cmd and port in cmd:
            return proc
    return None


def cpu(proc) -> float:
    mine = os.times()
    total = mine.user + mine.system
    if proc is not None:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--url", default=None)
    args = ap.parse_args()
    from copylint.api import Linter
    from copylint.engines.languagetool import resolve_url
    from copylint.inputs import read_text

    files = sorted(CORPUS.rglob("*.txt"))
    if not files:
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    url = resolve_url(args.url)
    proc = server_process(url)
    if proc is None:
        print(f"no LanguageTool server process found for {url}: CPU of this process only", file=sys.stderr)
    step = max(1, len(files) // (args.n + 50))
    chosen = files[::step]
    warm, timed = chosen[:50], chosen[50:50 + args.n]
    texts = [(str(p), read_text(str(p))) for p in timed]
    warm_texts = [(str(p), read_text(str(p))) for p in warm]

    import language_tool_python

    alone = language_tool_python.LanguageTool("en-US", remote_server=url)
    os.environ["LANGUAGETOOL_URL"] = url  # the linter's engine talks to the same server
    linter = Linter(languagetool=True)
    if linter.languagetool is None:
        print("; ".join(linter.warnings), file=sys.stderr)
        return 2
    for path, text in warm_texts:
        alone.check(text)
        linter.lint_source(path, text)

    # Interleaved, file by file, so that neither run gets a warmer JVM or a quieter machine than the other.
    runs = (("LanguageTool alone (default rules)", lambda p, t: alone.check(t)),
            ("copylint + LanguageTool", lambda p, t: linter.lint_source(p, t)))
    results = {label: [0.0, 0.0] for label, _ in runs}
    for path, text in texts:
        for label, run in runs:
            began_cpu, began = cpu(proc), time.perf_counter()
            run(path, text)
            results[label][0] += cpu(proc) - began_cpu
            results[label][1] += time.perf_counter() - began
    words = sum(len(t.split()) for _, t in texts)
    print(f"{len(texts)} BBC articles, {words} words; server {url} (pid {proc.pid if proc else '?'})")
    for label, (cpu_s, wall) in results.items():
        print(f"{label:36s} CPU {cpu_s:7.2f} s   wall {wall:7.2f} s")
    (lt_cpu, _), (cl_cpu, _) = results.values()
    ratio = cl_cpu / lt_cpu if lt_cpu else float("inf")
    print(f"copylint / LanguageTool alone, CPU: {ratio:.2f}x  (target <= {TARGET}x: {'PASS' if ratio <= TARGET else 'FAIL'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
