"""Build rules/phrasing/tortured-phrase.toml (CL408) from the Problematic Paper Screener tortured-phrase CSV.

Keeps an entry only when it cannot be ordinary English elsewhere:
  * a single quoted phrase (rows with AND/OR/NOT context or ~proximity are context-dependent: dropped);
  * two to five words, and at least one word that the expected phrase does not contain (a real swap);
  * a clean expected phrase (hedges like "(?)" dropped; "(BP)"-style glosses stripped; "a/b" -> alternatives);
  * found by at least MIN_PAPERS papers;
  * never found in the clean news corpus (BBC 2004-05) nor the web pages or JFLEG learner text (OneStopEnglish and
    CWEB are held apart for measuring: never read here);
  * not in DENY, the entries a reader flagged as plausible English ("grouping methods", "heart ailments").
Usage: python scripts/build_tortured.py [--csv PATH] [--corpus DIR] [--out PATH] [--report]
--report prints what each filter drops (how many rows, and how many of them are single-phrase swaps seen in
fewer than MIN_PAPERS papers: "counterfeit consciousness" is one).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
MIN_PAPERS = 100

# Plausible English in news or general prose, whatever the PPS saw in papers (read by hand).
DENY = {
    "grouping methods", "component extraction", "information mining", "test arrangement", "professional system",
    "degree of displacement", "into the combination", "outcomes likewise", "sound just", "discourse knowledge",
    "characterization problems", "in the presence of n2", "creation innovations", "data gain", "objective language",
    "information picture", "machine knowledge", "heart ailments", "liver ailments", "monetary development",
    "machine interpretation", "chief parts", "recurrence range", "bunch size", "consideration system", "heat move",
    "substantial metals", "driving reason", "feedback processing", "cadence design", "business knowledge",
    "resistant reaction", "facial expression processing", "limited motivation", "include descriptor",
    "abnormality identification", "preparation set", "preparation information", "example acknowledgment",
    *"""accuracy and review|accuracy of an order|administered learning|adversely charged|an expanding pattern|attractive resonance|attractive separation|audio sign|automated thinking|balance operator|beginning boundaries|binary grouping|blind temperature|blood clusters|bodily layer|boosting converter|bouncy force|bracket algorithm|bracket techniques|brilliant home|brilliant gadget|cancer grouping|cardiovascular breakdown|cardiovascular movement|cardiovascular wellbeing|central composite rotary design|choice tree|citizen turnout|clever grid|clever home|clog control|commotion levels|compound designing|computer-generated reality|computerized reasoning|conflict layer|confrontation network|consequences be damned|continuous neural network|cooling framework|counterfeit news|creepy crawlies|crippled individuals|cryptographic forms of money|customary strategies|cutting edge sequencing|cyber assault|data robbery|degree of grasp|different object tracking|digital assault|direct blend|disappointment rate|disordered grid|disposition issues|down to earth issue|drug delivery frameworks|earlier likelihood|effective gadget|elderly folks|electrical gadget|electronic thinking|enthusiastic state|equal calculation|ethnic gatherings|examination drive|eye ailments|fake intelligence|fake knowledge|false error rate|framework breakdown|gathering of patients|great tuning|heart sickness|heat movement|human blunder|image fragmentation|immature nations|indispensable organs|indistinguishable twins|inadequate change|irregular request|irregular walks|keen agreement|keen city|keen home|kidney ailments|kidney sickness|liver sickness|man in the center|middle filter|mind waves|monetary emergency|money-related decision|motivation reaction|natural corruption|normalizes the appearance|number juggling|observational examination|obvious anti-tumor activity|optimistic impact|particle trade|patient gathering|persistent speech|plant ailments|poisonous impacts|polling form|proper meditation|prophetic model|public key framework|reactive blend|savvy home|savvy city|sensible cities|sensible grid|sexual direction|sexual introduction|short blast|shrewd agreement|smart agreement|smart coordination|solitary day|solo learning|sound individuals|speaker display|standard blunder|storage gadget|straight technique|street mishap|touchy information|types of hydrolysis products|uncommon transformations|undefined material|underground energy transport|universal exchange|untamed life|upper appendage|versatile clients|vital success factor|warm radiation|warmth source|worldwide parameters|secret layer|secret node|creature models|heart assault|information recuperation|approval dataset|arranging framework|assault model|categorization designs|dialect model|elective energy|far-flung sensing|learning bend|limit layer|named information|outfit learning|swarm improvement|time skylines|touchy records|touchy facts|way reliance|web assault|worldwide inquiry|net of factors|perception vector|phone core|point birth|self sorting out|the taking after|walk 2020|proof of idea|protuberant peak|positive societies|populace size|quality conveyance|rate focuses|remaining vitality|project memory|programming climate|genuine esteemed|edge esteem|limit esteem|weight esteem|p esteem""".split("|"),
}


def phrase_of(query: str) -> str | None:
    """The phrase of a single quoted PPS query, or None for compound queries."""
    q = query.strip()
    m = re.fullmatch(r'"([^"]+)"', q)
    return m.group(1).strip() if m else None


def expected_of(text: str) -> str | None:
    """A clean replacement ('|' between alternatives), or None when the PPS expected value is hedged."""
    if "?" in text or "context" in text.lower() or "in this" in text.lower():
        return None
    t = re.sub(r"\s*\([^)]*\)", "", text).strip()
    alternatives = [a.strip() for a in re.split(r"\s*/\s*|\s+or\s+", t) if a.strip()]
    if not alternatives or any(not re.fullmatch(r"[A-Za-z][A-Za-z0-9' -]*", a) for a in alternatives):
        return None
    return "|".join(alternatives)


def corpus_text(shared: Path) -> str:
    parts = []
    news = shared / "corpus" / "news"
    for path in sorted(news.glob("bbc/*/*.txt")):
        parts.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((shared / "corpus" / "grammar" / "jfleg").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".src", ".ref0", ".ref1", ".m2", ".ann1", ".source", ".ann2", ""):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((shared / "corpus" / "web").rglob("*.gz")):
        try:
            parts.append(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        except OSError:
            continue
    return re.sub(r"\s+", " ", " ".join(parts).lower())


def seen_in(text: str, phrases: list[str]) -> set[str]:
    """The phrases that occur in text on word boundaries (one Aho-Corasick pass)."""
    sys.path.insert(0, str(ROOT))
    from copylint.phrases import PhraseMatcher

    return {value for _, _, value in PhraseMatcher({p: p for p in phrases}).finditer(text)}


def build(csv_path: Path, shared: Path, report: bool = False) -> dict[str, tuple[str, int]]:
    candidates: dict[str, tuple[str, int]] = {}
    dropped = {"compound or proximity query": 0, "hedged expected phrase": 0, f"seen in fewer than {MIN_PAPERS} papers": 0,
               "length, characters or deny list": 0, "no word swapped": 0, "seen in clean text": 0}
    few_papers = 0
    with open(csv_path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            phrase = phrase_of(row["tortured_phrase"])
            expected = expected_of(row["expected_phrase"])
            papers = int(row["num_papers"].replace(",", "") or 0)
            if phrase is None or expected is None:
                dropped["compound or proximity query" if phrase is None else "hedged expected phrase"] += 1
                continue
            lower = phrase.lower()
            words = lower.split()
            if not 2 <= len(words) <= 5 or lower in DENY or not re.fullmatch(r"[a-z][a-z0-9' -]*", lower):
                dropped["length, characters or deny list"] += 1
                continue
            if set(words) <= set(expected.lower().replace("|", " ").split()):
                dropped["no word swapped"] += 1
                continue  # not a synonym swap
            if papers < MIN_PAPERS:
                dropped[f"seen in fewer than {MIN_PAPERS} papers"] += 1
                few_papers += 1
                continue
            if lower not in candidates or candidates[lower][1] < papers:
                candidates[lower] = (expected, papers)
    ordinary = seen_in(corpus_text(shared), list(candidates))  # ordinary English somewhere in clean text
    dropped["seen in clean text"] = len(ordinary)
    if report:
        for reason, n in dropped.items():
            print(f"dropped {n:>5} rows: {reason}")
        print(f"kept {len(candidates) - len(ordinary)}; the paper-count filter alone drops {few_papers} clean "
              f"single-phrase swaps, which the lexical model (CL409) does not replace: it knows news collocations")
    return {p: v for p, v in candidates.items() if p not in ordinary}


def write(table: dict[str, tuple[str, int]], out: Path, csv_path: Path) -> None:
    lines = [
        'code = "CL408"',
        'name = "tortured-phrase"',
        'kind = "substitution"',
        'severity = "warning"',
        'fix = "unsafe"',
        "message = \"Tortured phrase: '{match}' is a known paraphrasing-tool artefact for '{replacement}'.\"",
        'description = """',
        "Technical and scientific terms mangled by paraphrasing tools (\"profound neural networks\" for deep neural networks,",
        "\"man-made consciousness\" for artificial intelligence), from the Problematic Paper Screener list.",
        "Only single-phrase entries seen in at least %d papers, absent from clean news, web and learner text," % MIN_PAPERS,
        "and not read as plausible English are kept. Generated by scripts/build_tortured.py; do not edit by hand.",
        'Unsafe fix: the expected term is the PPS team\'s reading of the usual source term."""',
        'source = "Problematic Paper Screener tortured-phrase list (Cabanac, Labbé, Magazinov 2021, arXiv:2107.06751),'
        ' 2025-11 export via github.com/hahuyhoang411/tortured-phrase data/tortured.csv @ d096655b; filtered by'
        ' scripts/build_tortured.py (%d of the export\'s rows kept)"' % len(table),
        "",
        "[swap]",
    ]
    for phrase in sorted(table):
        lines.append(f"{json.dumps(phrase)} = {json.dumps(table[phrase][0])}")
    lines += [
        "",
        "[[examples]]",
        'bad = "The start-up applies ⟦man-made consciousness⟧ to medical scans."',
        'correction = "artificial intelligence"',
        "",
        "[[examples]]",
        'bad = "Its model, an ⟦irregular woodland⟧, ranks loan applicants."',
        'correction = "random forest"',
        "",
        "[[examples]]",
        'good = "The start-up applies artificial intelligence to scans; its consciousness-raising campaign is man-made."',
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=SHARED / "corpus" / "tortured-phrases" / "pps_tortured_phrases_2025-11.csv")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "phrasing" / "tortured-phrase.toml")
    ap.add_argument("--report", action="store_true", help="print what each filter drops")
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv} not found", file=sys.stderr)
        return 2
    table = build(args.csv, args.shared, args.report)
    write(table, args.out, args.csv)
    print(f"{len(table)} entries -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
