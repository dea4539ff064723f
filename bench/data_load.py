"""Time the first load of each shipped lexical table (issue 11: the spin data loads in 50 ms or less)."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from copylint.data import fixed_phrases, lexicon, spin_lexicon

LOADERS: dict[str, Callable[[], object]] = {
    "spin lexicon (spin_lexicon.bin)": spin_lexicon.lexicon,
    "pair lexicon (spin_lexicon_pairs.bin)": spin_lexicon.pair_lexicon,
    "frequent bigrams (frequent_bigrams.tsv)": spin_lexicon.frequent_bigrams,
    "derived swaps (derived_swaps.tsv)": spin_lexicon.derived_swaps,
    "name swaps (name_swaps.tsv)": spin_lexicon.name_swaps,
    "office nouns (office_nouns.tsv)": spin_lexicon.office_nouns,
    "institution kinds (institution_kinds.tsv)": spin_lexicon.institution_kinds,
    "word frequencies (word_frequencies.tsv)": spin_lexicon.word_frequencies,
    "fixed phrases (fixed_phrases.json)": fixed_phrases.fixed_phrases,
    "governors (fixed_phrases_governors.tsv)": fixed_phrases.governors,
    "wordfreq frequencies (other rules)": lexicon.word_frequencies,
}


def _time_load(loader: Callable[[], object]) -> float:
    loader.cache_clear()  # type: ignore[attr-defined]
    began = time.perf_counter()
    loader()
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="loads per table; the median is reported")
    parser.add_argument("--limit-ms", type=float, default=50.0, help="exit 1 when the spin tables' total median exceeds this")
    args = parser.parse_args(argv)
    spin_total = 0.0
    print(f"{'table':45} {'median ms':>10} {'min ms':>8}")
    for name, loader in LOADERS.items():
        times = [_time_load(loader) * 1000 for _ in range(args.runs)]
        median = statistics.median(times)
        if loader.__module__.endswith(("spin_lexicon", "fixed_phrases")):
            spin_total += median
        print(f"{name:45} {median:10.1f} {min(times):8.1f}")
    print(f"spin tables (CL409/CL412 data, all but wordfreq) together: {spin_total:.1f} ms median (limit {args.limit_ms:.0f} ms)")
    return 0 if spin_total <= args.limit_ms else 1


if __name__ == "__main__":
    sys.exit(main())
