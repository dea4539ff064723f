"""Build copylint's lexical data (copylint/data/lexicon/) from packages on public registries, reproducibly.

    python scripts/build_lexicon.py            # fetch the pinned packages, rebuild every file, print their sizes
    python scripts/build_lexicon.py --check    # rebuild in a temporary folder and fail if anything differs

Sources (pinned; each file's header and copylint/data/lexicon/SOURCES.toml record them):
  * PyPI symspellpy 6.10.1 (MIT): frequency_dictionary_en_82_765.txt (82,765 English words with Google Books
    n-gram counts) and frequency_bigramdictionary_en_243_342.txt (243,342 word pairs with counts).
      -> words.tsv.gz        every word and log10 of its count: the known-word list and word frequencies
      -> prepositions.tsv    each word's counts before each preposition (from the word pairs)
  * Maven Central org.languagetool:language-en 6.8 (LGPL-2.1-or-later): org/languagetool/resource/en/en-US-GB.txt
    (American <-> British spellings) and org/languagetool/rules/en/coherency.txt (two spellings of one word in one
    variety).
      -> variants.tsv        us<TAB>gb<TAB>kind (kind: "us-gb" or "either")
  * PyPI lemminflect 0.2.3 (MIT; its tables come from the NIH SPECIALIST Lexicon): resources/infl_lu.csv.gz.
      -> wordclasses.tsv.gz  each form's possible word classes (verb base, 3rd singular, past, participle, -ing;
                             singular and plural noun; adjective; adverb) and its lemma; mass nouns told by the word counts
Needs pip and mvn (or an already fetched LanguageTool: $LANGUAGETOOL_HOME/lib-6.8 from scripts/languagetool.sh).
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import gzip
import hashlib
import io
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "copylint" / "data" / "lexicon"
SYMSPELL = ("symspellpy", "6.10.1")
LEMMINFLECT = ("lemminflect", "0.2.3")
LANGUAGETOOL = ("org.languagetool", "language-en", "6.8")
# Prepositions and particles whose use after a head word the preposition model measures.
PREPOSITIONS = ("about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "over", "to",
                "toward", "towards", "upon", "with", "among", "between", "through", "during", "under", "without")
MIN_HEAD_PAIRS = 200_000  # a head word kept in prepositions.tsv needs this many preposition pairs in all


def pip_wheel(name: str, version: str, into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d", str(into),
                    f"{name}=={version}"], check=True)
    return next(into.glob(f"{name}-{version}-*.whl"))


def languagetool_jar(into: Path) -> Path:
    group, artifact, version = LANGUAGETOOL
    home = Path(os.environ.get("LANGUAGETOOL_HOME", ROOT / ".languagetool"))
    for candidate in (home / f"lib-{version}" / f"{artifact}-{version}.jar",
                      Path.home() / ".m2" / "repository" / group.replace(".", "/") / artifact / version / f"{artifact}-{version}.jar"):
        if candidate.is_file():
            return candidate
    subprocess.run(["mvn", "-q", "-B", "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy",
                    f"-Dartifact={group}:{artifact}:{version}", f"-DoutputDirectory={into}"], check=True)
    return into / f"{artifact}-{version}.jar"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_member(archive: Path, suffix: str) -> bytes:
    with zipfile.ZipFile(archive) as zf:
        name = next(n for n in zf.namelist() if n.endswith(suffix))
        return zf.read(name)


def write_gzip(path: Path, text: str) -> None:
    # mtime=0 and no file name: the same input gives the same bytes
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))


def build_words(unigrams: bytes) -> tuple[str, dict[str, int]]:
    counts: dict[str, int] = {}
    for line in unigrams.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    rows = "".join(f"{w}\t{math.log10(c):.1f}\n" for w, c in sorted(counts.items()))
    return rows, counts


def build_prepositions(bigrams: bytes) -> str:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    wanted = set(PREPOSITIONS)
    for line in bigrams.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        head, prep, count = parts
        if prep in wanted and head.isalpha():
            table[head][prep] = int(count)
    rows = []
    for head in sorted(table):
        preps = table[head]
        if sum(preps.values()) < MIN_HEAD_PAIRS:
            continue
        rows.append(head + "\t" + " ".join(f"{p}:{c}" for p, c in sorted(preps.items(), key=lambda kv: -kv[1])) + "\n")
    return "".join(rows)


def build_variants(us_gb: bytes, coherency: bytes) -> str:
    pairs: dict[tuple[str, str], str] = {}
    for line in us_gb.decode("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if ";" in line:
            us, gb = (w.strip() for w in line.split(";")[:2])
            if us and gb and us != gb:
                pairs[(us, gb)] = "us-gb"
    for line in coherency.decode("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if ";" in line:
            a, b = (w.strip() for w in line.split(";")[:2])
            if a and b and a != b and (a, b) not in pairs and (b, a) not in pairs:
                pairs[(a, b)] = "either"
    return "".join(f"{a}\t{b}\t{kind}\n" for (a, b), kind in sorted(pairs.items()))


def build_inflections(table: bytes) -> str:
    rows = []
    reader = csv.reader(io.StringIO(gzip.decompress(table).decode("utf-8")))
    for row in reader:
        if len(row) < 3 or row[1] not in ("verb", "noun", "adj", "adv") or not row[0].isalpha() or not row[0].islower():
            continue
        rows.append("\t".join(row[:2] + [f for f in row[2:]]) + "\n")
    return "".join(sorted(rows))


MASS_RATIO = 0.05  # a noun whose plural is this rare next to its singular is used as a mass noun ("information")


def build_word_classes(inflection_rows: str, counts: dict[str, int]) -> str:
    """word<TAB>tags<TAB>lemma: the forms each word can be (VB VBZ VBD VBN VBG NN NNS JJ RB) and, for verb forms and
    plural nouns, the lemma. A noun is countable when its first plural is a distinct form used at least MASS_RATIO as
    often as the singular; otherwise it is mass or invariable and counts as singular and plural."""
    tags: dict[str, set[str]] = defaultdict(set)
    lemma_of: dict[str, str] = {}
    for line in inflection_rows.splitlines():
        lemma, pos, *forms = line.split("\t")
        if pos == "verb" and len(forms) >= 4:
            tags[lemma].add("VB")
            for name, form in zip(("VBD", "VBN", "VBG", "VBZ"), forms):
                for f in filter(None, form.split("/")):
                    tags[f].add(name)
                    lemma_of.setdefault(f, lemma)
        elif pos == "noun":
            plurals = [f for form in forms for f in form.split("/") if f]
            tags[lemma].add("NN")
            first = plurals[0] if plurals else lemma
            if first == lemma or counts.get(first, 0) < MASS_RATIO * counts.get(lemma, 0):
                tags[lemma].add("NNS")
            if first != lemma:
                tags[first].add("NNS")
                lemma_of.setdefault(first, lemma)
        elif pos in ("adj", "adv"):
            for f in [lemma, *(x for form in forms for x in form.split("/") if x)]:
                tags[f].add("JJ" if pos == "adj" else "RB")
    return "".join(f"{w}\t{' '.join(sorted(t))}\t{lemma_of.get(w, '')}\n" for w, t in sorted(tags.items()))


def build(out: Path, work: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    sym = pip_wheel(*SYMSPELL, work)
    lem = pip_wheel(*LEMMINFLECT, work)
    jar = languagetool_jar(work)
    words, counts = build_words(read_member(sym, "frequency_dictionary_en_82_765.txt"))
    write_gzip(out / "words.tsv.gz", words)
    (out / "prepositions.tsv").write_text(
        build_prepositions(read_member(sym, "frequency_bigramdictionary_en_243_342.txt")), encoding="utf-8")
    (out / "variants.tsv").write_text(build_variants(read_member(jar, "resource/en/en-US-GB.txt"),
                                                     read_member(jar, "rules/en/coherency.txt")), encoding="utf-8")
    inflection_rows = build_inflections(read_member(lem, "resources/infl_lu.csv.gz"))
    write_gzip(out / "wordclasses.tsv.gz", build_word_classes(inflection_rows, counts))
    sources = f'''# Where copylint/data/lexicon/ comes from: rebuilt by `python scripts/build_lexicon.py`.
[symspellpy]
registry = "PyPI"
version = "{SYMSPELL[1]}"
licence = "MIT"
sha256 = "{sha256(sym)}"
files = ["words.tsv.gz", "prepositions.tsv"]
note = "frequency_dictionary_en_82_765.txt and frequency_bigramdictionary_en_243_342.txt (Google Books n-gram counts)"

[language-en]
registry = "Maven Central (org.languagetool:language-en)"
version = "{LANGUAGETOOL[2]}"
licence = "LGPL-2.1-or-later"
sha256 = "{sha256(jar)}"
files = ["variants.tsv"]
note = "org/languagetool/resource/en/en-US-GB.txt and org/languagetool/rules/en/coherency.txt"

[lemminflect]
registry = "PyPI"
version = "{LEMMINFLECT[1]}"
licence = "MIT (tables from the NIH SPECIALIST Lexicon)"
sha256 = "{sha256(lem)}"
files = ["wordclasses.tsv.gz"]
note = "lemminflect/resources/infl_lu.csv.gz: verbs, nouns, adjectives and adverbs with lowercase lemmas"
'''
    (out / "SOURCES.toml").write_text(sources, encoding="utf-8")
    return {p.name: f"{p.stat().st_size:,} bytes" for p in sorted(out.iterdir())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="rebuild elsewhere and compare with the shipped files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.check:
            fresh = work / "out"
            build(fresh, work)
            names = sorted(p.name for p in fresh.iterdir())
            _, mismatch, errors = filecmp.cmpfiles(fresh, OUT, names, shallow=False)
            if mismatch or errors:
                print(f"differs from the shipped data: {mismatch + errors}", file=sys.stderr)
                return 1
            print("copylint/data/lexicon matches a fresh build")
            return 0
        for name, size in build(OUT, work).items():
            print(f"{name:24s} {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
