"""Count phrasing/grammar/redundancy/consistency findings (CL4-CL7) on clean BBC news and print a sample.

Reads only BBC News (the tuning corpus): by default the fifth of it that the spin lexicon does not count
(scripts/build_spin_lexicon.py), so its findings are fair false positives. OneStopEnglish and CWEB are held apart for
bench/spin_eval.py, which prints only aggregates; never sample them here."""
from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

from copylint.api import Linter

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "news", Path("/work/shared/corpus/news"))


def corpus_files(root: Path, split: str = "held") -> list[Path]:
    """BBC articles: 'held' (every fifth, not counted into the spin lexicon) or 'all'."""
    files = sorted(root.glob("bbc/*/*.txt"))
    return files if split == "all" else [f for i, f in enumerate(files) if i % 5 == 4]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--select", default="CL4,CL5,CL6,CL7", help="comma-separated code prefixes")
    ap.add_argument("--sample", type=int, default=30, help="how many findings to print at random")
    ap.add_argument("--all", action="store_true", help="print every finding instead of a sample")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--corpus", type=Path, help="folder holding bbc/")
    ap.add_argument("--split", choices=("held", "all"), default="held", help="BBC articles to read")
    args = ap.parse_args(argv)
    root = args.corpus or next((c for c in CORPUS_CANDIDATES if c.is_dir()), None)
    if root is None or not root.is_dir():
        print("news corpus not found; skipping (looked in ../shared/corpus/news)")
        return 0
    files = corpus_files(root, args.split)
    linter = Linter(select=args.select.split(","), languagetool=False)
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for f in linter.lint_source(str(path.relative_to(root)), text):
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.end)
            context = text[max(line_start, f.start - 70): f.end + 70 if line_end == -1 else min(line_end, f.end + 70)]
            found.append((f, context.replace("\n", " ")))
    by_code = collections.Counter(f.code for f, _ in found)
    print(f"{len(files)} articles, {len(found)} findings, {10 * len(found) / max(1, len(files)):.2f} per 10 articles")
    for code, n in sorted(by_code.items()):
        print(f"  {code}: {n}")
    shown = found if args.all else random.Random(args.seed).sample(found, min(args.sample, len(found)))
    for f, context in shown:
        print(f"- {f.code} {f.path}: {f.text!r} -> {list(f.suggestions)[:2]} | …{context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
