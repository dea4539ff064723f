"""Fuzz copylint (API and command line) with generated inputs and print what broke.

    python bench/fuzz.py [--inputs 10000] [--seed 1] [--cli-every 10] [--hang 10]

Each input is linted and fixed through the API (exact offsets, --fix idempotent, the --diff that `patch` applies
equal to the fix, BOM kept), with an alarm on each run (lint; fix, all passes; fix again): over --hang seconds of
CPU (or 6 times that of wall time) is a hang. Every --cli-every-th batch of
100 inputs also goes through the command line as files (plus as many files of random bytes and other encodings):
exit 0/1/2 and no traceback from check, --diff and --fix; patch(--diff) equal to the --fix files; a second --fix
changes nothing. Prints: inputs tried, crashes, hangs, offset mismatches, not idempotent, data lost."""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_common import EXTENSIONS, check_text, generate, random_bytes, unsettled_files  # noqa: E402

BATCH = 100


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def _clock(seconds: float) -> None:
    """A hang: over `seconds` of CPU for one run (the machine is shared: wall time measures the neighbours too), or
    over 6 times that of wall time (a run waiting on something)."""
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, 6 * seconds)


def run_cli(folder: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "--no-cache", "-j", "1",
                           *args, "."], cwd=folder, capture_output=True, env=env, timeout=1800)


def cli_batch(texts: list[tuple[str, str]], rng: random.Random, env: dict, report: Counter, notes: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work, patched = Path(tmp) / "work", Path(tmp) / "patched"
        work.mkdir()
        for i, (text, fmt) in enumerate(texts):
            (work / f"t{i:03}{EXTENSIONS[fmt]}").write_bytes(text.encode("utf-8"))
            (work / f"b{i:03}.txt").write_bytes(random_bytes(rng))
        shutil.copytree(work, patched)
        for args in ((), ("--diff",), ("--fix",), ("--fix",)):
            try:
                result = run_cli(work, env, *args)
            except subprocess.TimeoutExpired:
                report["cli hangs"] += 1
                return
            said = result.stderr + result.stdout
            if result.returncode not in (0, 1, 2) or b"Traceback" in said or b"please report it" in said:
                report["cli crashes"] += 1
                notes.append(("cli crash", args, result.stderr.decode("utf-8", "replace")[-2000:]))
            if args == ("--diff",):
                applied = subprocess.run(["patch", "-s", "-p1", "--no-backup-if-mismatch", "-d", str(patched)],
                                         input=result.stdout, capture_output=True)
                if applied.returncode != 0:
                    report["data lost"] += 1
                    notes.append(("patch failed", applied.stderr.decode()[-500:]))
            if args == ("--fix",) and report.get("_fixed_once"):
                second = {p.name: p.read_bytes() for p in work.iterdir()}
                changed = [n for n in second if second[n] != first[n] and n not in unsettled]
                report["not idempotent"] += len(changed)
                notes.extend(("cli not idempotent", n) for n in changed)
            elif args == ("--fix",):
                report["_fixed_once"] = 1
                unsettled = set(unsettled_files(result.stderr))
                first = {p.name: p.read_bytes() for p in work.iterdir()}
                differ = [n for n in first if (patched / n).read_bytes() != first[n]]
                report["data lost"] += len(differ)
                notes.extend(("patch(--diff) != --fix", n) for n in differ)
        report.pop("_fixed_once", None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cli-every", type=int, default=10, help="send every Nth batch of 100 through the CLI (0: none)")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which one input is a hang")
    args = parser.parse_args()

    from copylint.api import Linter

    rng = random.Random(args.seed)
    linter = Linter(languagetool=False)
    env = {**os.environ, "COPYLINT_CACHE_DIR": tempfile.mkdtemp(prefix="copylint-fuzz-cache-")}
    report: Counter = Counter()
    notes: list = []
    slowest: list = []
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGPROF, _alarm)
    started = time.monotonic()
    batch: list[tuple[str, str]] = []
    for n in range(args.inputs):
        text, fmt = generate(rng)
        report["inputs"] += 1
        t0 = time.monotonic()
        try:
            verdict = check_text(linter, text, fmt, step=lambda: _clock(args.hang))
        except Hang:
            report["hangs"] += 1
            notes.append(("hang", fmt, len(text), repr(text[:60])))
            print("HANG", *notes[-1][1:], file=sys.stderr, flush=True)
            continue
        except Exception:
            report["crashes"] += 1
            notes.append(("crash", fmt, repr(text[:200]), traceback.format_exc()[-1500:]))
            continue
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - t0
        slowest = sorted([*slowest, (took, fmt, len(text))])[-5:]
        report["offset mismatches"] += bool(verdict.offsets)
        report["not idempotent"] += verdict.not_idempotent
        report["data lost"] += bool(verdict.lost)
        for what in ("offsets", "lost"):
            if getattr(verdict, what):
                notes.append((what, fmt, repr(text[:200]), getattr(verdict, what)[:3]))
        if verdict.not_idempotent:
            notes.append(("not idempotent", fmt, repr(text[:200])))
        batch.append((text, fmt))
        if len(batch) == BATCH:
            if args.cli_every and (n // BATCH) % args.cli_every == 0:
                cli_batch(batch, rng, env, report, notes)
                report["inputs through the CLI"] += 2 * len(batch)
            batch = []
        if (n + 1) % 500 == 0:
            print(f"... {n + 1} inputs, {time.monotonic() - started:.0f} s, {dict(report)}", file=sys.stderr, flush=True)
    shutil.rmtree(env["COPYLINT_CACHE_DIR"], ignore_errors=True)
    for note in notes[:40]:
        print("NOTE", *note)
    print(f"seed {args.seed}, {time.monotonic() - started:.0f} s; slowest inputs (s, format, chars): "
          f"{[(round(t, 1), f, c) for t, f, c in slowest]}")
    for key in ("inputs", "inputs through the CLI", "crashes", "cli crashes", "hangs", "cli hangs",
                "offset mismatches", "not idempotent", "data lost"):
        print(f"{key:<24}{report[key]}")
    bad = sum(report[k] for k in ("crashes", "cli crashes", "hangs", "cli hangs", "offset mismatches",
                                  "not idempotent", "data lost"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
