"""Score the spun-phrasing rules (CL4xx) on a blind spun set and on held-apart clean text; aggregates only.

Usage: python bench/spin_eval.py [--blind bench/blind/spin] [--corpus ../shared/corpus] [--sensitivity X]

The blind set (spun.jsonl: sentences with gold spans, each with a class; control.jsonl: untouched sentences) was
written by someone who never saw the detector. This script never prints its sentences or spans: only recall and
precision (overall and per class), the share of hits whose first suggestion is the original phrase, false
positives on the control sentences, false positives per 1,000 words on the held-apart clean text (OneStopEnglish
and the CWEB sentences both annotators left unchanged) and a per-class count of misses. Tune on these numbers
and on BBC, never on the blind sentences or the held-apart text.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
HEADER = "Headline\n\n"  # a one-line text would be read as a title


def findings(linter, text: str) -> list:
    """The CL4 findings on one sentence, as (start, end, severity, first suggestion) in the sentence's offsets."""
    out = []
    for f in linter.lint_source("s.txt", HEADER + text):
        if f.code.startswith("CL4") and f.start >= len(HEADER):
            out.append((f.start - len(HEADER), f.end - len(HEADER), f.severity.value,
                        f.suggestions[0] if f.suggestions else "", dict(f.data).get("confidence")))
    return out


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def clean_texts(corpus: Path) -> list[str]:
    """The held-apart clean text: OneStopEnglish articles and the CWEB test sentences no annotator changed."""
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((corpus / "news" / "onestopenglish").glob("*.txt"))]
    cweb = corpus / "grammar" / "cweb"
    for part in ("CWEB-G", "CWEB-S"):
        files = [cweb / f"{part}.test.{s}" for s in ("source", "ann1", "ann2")]
        if all(f.is_file() for f in files):
            source, ann1, ann2 = (f.read_text(encoding="utf-8").split("\n") for f in files)
            sentences = [s for s, a, b in zip(source, ann1, ann2) if s.strip() and s == a == b]
            texts.extend("\n\n".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20))
    return texts


def score(rows: list[dict], controls: list[dict], linter, warnings_only: bool) -> dict:
    keep = (lambda sev: sev != "info") if warnings_only else (lambda sev: True)
    bins: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    spans_total = collections.Counter()
    spans_hit = collections.Counter()
    true_found = false_found = first_right = 0
    for row in rows:
        found = [f for f in findings(linter, row["text"]) if keep(f[2])]
        gold = row["spans"]
        for start, end, _, suggestion, confidence in found:
            if any(start < g["end"] and g["start"] < end for g in gold):
                true_found += 1
                bins[bin_of(confidence)][0] += 1
            else:
                false_found += 1
                bins[bin_of(confidence)][1] += 1
        for g in gold:
            spans_total[g["class"]] += 1
            hits = [f for f in found if f[0] < g["end"] and g["start"] < f[1]]
            if hits:
                spans_hit[g["class"]] += 1
                if hits[0][3].strip().lower() == g["original"].strip().lower():
                    first_right += 1
    control_found = control_sentences = 0
    for row in controls:
        found = [f for f in findings(linter, row["text"]) if keep(f[2])]
        control_found += len(found)
        for f in found:
            bins[bin_of(f[4])][1] += 1
        control_sentences += bool(found)
    return {"total": spans_total, "hit": spans_hit, "true": true_found, "false": false_found,
            "first": first_right, "control": control_found, "control_sentences": control_sentences,
            "controls": len(controls), "bins": bins}


def bin_of(confidence) -> str:
    """Findings grouped by confidence (rules without one: 'table')."""
    if confidence is None:
        return "table"
    return f"{int(confidence)}" if confidence < 12 else "12+"


def report(name: str, s: dict) -> None:
    total, hit = sum(s["total"].values()), sum(s["hit"].values())
    flagged = s["true"] + s["false"] + s["control"]
    print(f"{name}:")
    print(f"  recall {hit}/{total} = {hit / max(total, 1):.1%}; precision {s['true']}/{flagged} = "
          f"{s['true'] / max(flagged, 1):.1%} (findings overlapping a gold span / all findings on spun and control "
          f"sentences); first suggestion = original for {s['first']}/{hit} = {s['first'] / max(hit, 1):.1%} of hits")
    print(f"  false positives: {s['false']} on spun sentences outside the gold spans, {s['control']} on control "
          f"sentences ({s['control_sentences']} of {s['controls']} sentences)")
    print(f"  {'class':<22}{'spans':>6}{'hit':>6}{'recall':>8}{'missed':>8}")
    for cls in sorted(s["total"], key=lambda c: -s["total"][c]):
        t, h = s["total"][cls], s["hit"][cls]
        print(f"  {cls:<22}{t:>6}{h:>6}{h / t:>8.1%}{t - h:>8}")
    print("  findings by confidence (overlapping a gold span / not):",
          ", ".join(f"{b}: {tp}/{fp}" for b, (tp, fp) in sorted(s["bins"].items(), key=lambda kv: (len(kv[0]), kv[0]))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blind", type=Path, default=ROOT / "bench" / "blind" / "spin")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--sensitivity", type=float, default=None, help="spin-sensitivity to evaluate (default: the rules')")
    ap.add_argument("--no-clean", action="store_true", help="skip the held-apart clean text")
    ap.add_argument("--sweep", default="", help="comma-separated sensitivities: one summary line for each")
    args = ap.parse_args(argv)
    from copylint.api import Linter

    linter = Linter(select=["CL4"], ignore=["CL490"], languagetool=False)
    if args.sensitivity is not None:
        linter.context = {**linter.context, "spin_sensitivity": args.sensitivity}
    spun, control = args.blind / "spun.jsonl", args.blind / "control.jsonl"
    if args.sweep and spun.is_file() and control.is_file():
        rows, controls = read_jsonl(spun), read_jsonl(control)
        for value in (float(v) for v in args.sweep.split(",")):
            linter.context = {**linter.context, "spin_sensitivity": value}
            for warnings_only in (False, True):
                s = score(rows, controls, linter, warnings_only)
                total, hit = sum(s["total"].values()), sum(s["hit"].values())
                flagged = s["true"] + s["false"] + s["control"]
                print(f"sensitivity {value:g} {'warnings' if warnings_only else 'all     '}: recall {hit / total:.1%} "
                      f"precision {s['true'] / max(flagged, 1):.1%} first {s['first'] / max(hit, 1):.1%} "
                      f"control FPs {s['control']}")
        return 0
    if spun.is_file() and control.is_file():
        rows, controls = read_jsonl(spun), read_jsonl(control)
        print(f"blind set {args.blind}: {len(rows)} spun sentences, {sum(len(r['spans']) for r in rows)} gold spans, "
              f"{len(controls)} control sentences")
        report("all CL4 findings (info included)", score(rows, controls, linter, warnings_only=False))
        report("warnings only (info left out)", score(rows, controls, linter, warnings_only=True))
    else:
        print(f"blind set not found under {args.blind}; skipping it (use --blind DIR)")
    if args.no_clean:
        return 0
    texts = clean_texts(args.corpus)
    if not texts:
        print(f"held-apart clean text not found under {args.corpus}; skipping it")
        return 0
    words = sum(len(t.split()) for t in texts)
    by_severity = collections.Counter()
    by_code = collections.Counter()
    for text in texts:
        for f in linter.lint_source("clean.txt", HEADER + text):
            if f.code.startswith("CL4"):
                by_severity[f.severity.value] += 1
                by_code[f.code] += 1
    n = sum(by_severity.values())
    warn = n - by_severity["info"]
    print(f"held-apart clean text (OneStopEnglish + unchanged CWEB sentences): {words:,} words; {n} CL4 findings = "
          f"{1000 * n / words:.3f} per 1,000 words ({warn} warnings = {1000 * warn / words:.3f}); by code: "
          + ", ".join(f"{c} {k}" for c, k in sorted(by_code.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
