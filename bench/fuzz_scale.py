"""Peak memory and wall time of `copylint check` on big inputs: a 10 MB article, a file of 2M short lines, and the
attacks that must stay bounded (/dev/zero, a file over the size cap).

    python bench/fuzz_scale.py [--lines 2000000] [--megabytes 10] [--timeout 900]

Each case runs in a child process (LanguageTool off, no cache); peak RSS is the child's ru_maxrss; CPU is its user +
system time (the fair measure on a shared machine)."""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMON = ("the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
          "they which one you were her all she there would their we him been has when who will more no if out so said "
          "what up its about into than them can only other new some could time these two may then do first any my "
          "now such like our over man me even most made after also did many before must through back years where much "
          "your way well down should because each just those people mr how too little state good very make world "
          "still own see men work long get here between both life being under never day same another know while last "
          "might us great old year off come since against go came right used take three council").split()


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    weights = [12, 9, 8, 8, 7, 7, 6, 6, 6, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    return [w for w in {"".join(rng.choices(letters, weights, k=rng.randint(3, 10))) for _ in range(size)}]


def article(megabytes: float, rng: random.Random) -> str:
    """Paragraphs of sentences up to the size: function words and a 20,000-word invented vocabulary, roughly in
    Zipf proportions (a tiny vocabulary makes every sentence a near-duplicate of every other, which no text is)."""
    vocabulary = _vocabulary(rng)

    def word() -> str:
        if rng.random() < 0.45:
            return rng.choice(COMMON)
        return vocabulary[int((rng.paretovariate(1.0) - 1) * 40) % len(vocabulary)]

    def sentence() -> str:
        return " ".join(word() for _ in range(rng.randint(8, 24))).capitalize() + "."

    out, size = [], 0
    while size < megabytes * 1_000_000:
        paragraph = " ".join(sentence() for _ in range(rng.randint(2, 5))) + "\n\n"
        out.append(paragraph)
        size += len(paragraph)
    return "".join(out)


def short_lines(count: int, rng: random.Random) -> str:
    """Lines of one short word: 2M of them stay under the default 10 MB cap."""
    short = [w for w in COMMON if len(w) <= 4]
    return "".join(f"{rng.choice(short)}\n" for _ in range(count))


def measure(args: list[str], timeout: float) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak MB, exit code, last stderr line) of one copylint run (killed after
    `timeout` seconds of CPU: on a shared machine wall time measures the neighbours too)."""
    env = {**os.environ, "COPYLINT_CACHE_DIR": tempfile.mkdtemp(prefix="copylint-scale-")}
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "copylint", "check", "--no-languagetool", "--no-cache",
                                  "--format", "json", *args], stdout=subprocess.DEVNULL, stderr=err, env=env,
                                 preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CPU, (int(timeout),) * 2))
        _, status, usage = os.wait4(child.pid, 0)  # the child's own peak, not the largest child so far
        took = time.monotonic() - started
        cpu = usage.ru_utime + usage.ru_stime
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    last = lines[-1] if lines else ""
    if cpu >= timeout:
        last = f"stopped after {timeout:.0f} s of CPU"
    return took, cpu, usage.ru_maxrss / 1024, child.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=900, help="CPU seconds per case")
    args = parser.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / "big.txt"
        big.write_text(article(args.megabytes * 0.98, rng), encoding="utf-8")
        many = folder / "lines.txt"
        many.write_text(short_lines(args.lines, rng), encoding="utf-8")
        over = folder / "over.txt"
        over.write_text(article(args.megabytes * 1.1, rng), encoding="utf-8")
        cases = [
            (f"{args.lines:,} short lines ({many.stat().st_size / 1e6:.1f} MB)", [str(many)]),
            (f"{big.stat().st_size / 1e6:.1f} MB article", [str(big)]),
            ("a file over the size cap", ["--max-file-size", str(big.stat().st_size + 1), str(over)]),
            ("/dev/zero", ["/dev/zero"]),
        ]
        print(f"{'case':<36}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}  exit  last line")
        for name, argv in cases:
            took, cpu, peak, code, last = measure(argv, args.timeout)
            print(f"{name:<36}{took:>8.1f}{cpu:>8.1f}{peak:>9.0f}  {code:>4}  {last[:100]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
