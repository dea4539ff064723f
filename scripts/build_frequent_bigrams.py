"""Build copylint/data/frequent_bigrams.tsv: English's most frequent two-word collocations, for the synonym-swap rule.

Source: the Google Books bigram counts shipped in the symspellpy 6.10.1 wheel (PyPI, MIT; data CC BY 3.0), fetched
and checked against its pinned SHA-256 by scripts/build_spin_lexicon.py (imported). Keeps each bigram counted
MIN_COUNT times or more that has a collocation's shape (a noun or adjective, then a noun: copylint's word classes)
and two content words (letters only, neither a function, number or determiner-like word: "other", "same"), with its
count.
Usage: python scripts/build_frequent_bigrams.py [--cache DIR]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import build_spin_lexicon as spin  # noqa: E402

OUT = ROOT / "copylint" / "data" / "frequent_bigrams.tsv"
MIN_COUNT = 50_000_000  # about the 2,500 most frequent collocations of two content words
# Adjectives that pick out or count rather than describe: "other areas", "first time" are no collocations.
DETERMINER_LIKE = frozenset("other another same own first last next following previous such certain various only "
                            "whole entire several many much more most less least further".split())


def collocation_shape(first: str, second: str) -> bool:
    from copylint.data.lexicon import word_classes

    classes = word_classes()
    return all(spin.content(w) and w not in DETERMINER_LIKE for w in (first, second)) \
        and bool(classes.of(first) & {"JJ", "NN", "NNS"}) and bool(classes.of(second) & {"NN", "NNS"})


def build(cache: Path) -> str:
    paths = spin.fetch(cache, {"symspellpy": spin.PACKAGES["symspellpy"]})
    _, bigrams = spin.read_google(paths["symspellpy"])
    rows = sorted((phrase, count) for phrase, count in bigrams.items()
                  if count >= MIN_COUNT and collocation_shape(*phrase.split()))
    header = "# Google Books bigram counts (symspellpy 6.10.1, MIT; data CC BY 3.0): collocations of two content " \
             "words (a noun or adjective, then a noun), count >= " \
             f"{MIN_COUNT:,}; built by scripts/build_frequent_bigrams.py\n"
    return header + "".join(f"{phrase}\t{count}\n" for phrase, count in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "copylint-build")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = build(args.cache)
    args.out.write_text(text, encoding="utf-8")
    spin.log(f"{args.out}: {text.count(chr(10)) - 1:,} bigrams, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
