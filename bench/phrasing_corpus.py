"""Count phrasing/grammar/redundancy/consistency findings (CL4-CL7) on the clean news corpus and print a sample."""
from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

from copylint.api import Linter

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (ROOT.parent / "shared" / "corpus" / "news", Path("/work/shared/corpus/news"))


def corpus_files(root: Path) -> list[Path]:
    return sorted([*root.glob("bbc/*/*.txt"), *root.glob("onestopenglish/*.txt")])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--select", default="CL4,CL5,CL6,CL7", help="comma-separated code prefixes")
    ap.add_argument("--sample", type=int, default=30, help="how many findings to print at random")
    ap.add_argument("--all", action="store_true", help="print every finding instead of a sample")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--corpus", type=Path, help="folder holding bbc/ and onestopenglish/")
    args = ap.parse_args(argv)
    root = args.corpus or next((c for c in CORPUS_CANDIDATES if c.is_dir()), None)
    if root is None or not root.is_dir():
        print("news corpus not found; skipping (looked in ../shared/corpus/news)")
        return 0
    files = corpus_files(root)
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
