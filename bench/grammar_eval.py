"""Grammar and spelling on public error corpora: copylint with LanguageTool (all its rules, and its grammar families
alone), copylint without it, and LanguageTool alone with its default rules, side by side, on JFLEG and CWEB, each
split once into a tuning and a held-apart part.

    bash scripts/languagetool.sh start
    python bench/grammar_eval.py                          # both corpora, both parts (first run ~30 min: LT answers
                                                          # are cached in $XDG_CACHE_HOME/copylint-bench)
    python bench/grammar_eval.py --corpus jfleg --part tune --by-code
    LANGUAGETOOL_PORT=8091 bash scripts/languagetool.sh start   # optional: a server without copylint's overlay
    python bench/grammar_eval.py --baseline-url http://127.0.0.1:8091

Scoring (bench/gec_corpora.py): span overlap. A finding is correct when it overlaps an edit that a reference makes
(JFLEG: four references, CWEB: two annotators); recall counts the edits of the reference each system covers best.
F0.5 weighs precision twice as much as recall, as a copy desk does. Each sentence is linted as its own document.
"LanguageTool alone" is every match of the server's default rules; when the server is copylint's own (with the
overlay of scripts/languagetool-overlay), the overlay's extra replace rules are dropped from that row.
"""
from __future__ import annotations

import argparse
import collections
import functools
import sys
import time
from pathlib import Path
from typing import Callable

import gec_corpora as gec

from copylint.api import Linter
from copylint.engines.languagetool import resolve_url, utf16_end

OVERLAY = Path(__file__).resolve().parents[1] / "scripts" / "languagetool-overlay" / "org" / "languagetool" / "rules" / "en" / "replace_custom.txt"

Spans = list[tuple[int, int, str]]  # start, end, code


def overlay_rules() -> frozenset[str]:
    if not OVERLAY.is_file():
        return frozenset()
    words = [line.split("=")[0].strip() for line in OVERLAY.read_text(encoding="utf-8").splitlines()
             if "=" in line and not line.startswith("#")]
    return frozenset(f"EN_SIMPLE_REPLACE_{w.upper()}" for w in words)


def copylint_system(languagetool: bool, url: str | None) -> Callable[[str], Spans]:
    linter = Linter(languagetool=languagetool)
    if languagetool:
        engine = linter.languagetool
        if engine is None:
            raise SystemExit(f"LanguageTool not reachable: {'; '.join(linter.warnings)}")
        engine._tool = gec.CachedTool(engine._tool, f"copylint {engine.url}")
        variant = _variant_tool(engine)
        if variant is not None:
            engine._variant_tool = gec.CachedTool(variant, f"variant {engine.url}")

    def run(text: str) -> Spans:
        return [(f.start, f.end, f.code) for f in linter.lint_source("sentence.txt", text)]
    return run


def _variant_tool(engine):
    """The second-opinion spell checker the engine builds lazily, built now so that its answers are cached too."""
    if not engine.accept_other_variants or not engine.language.startswith("en-"):
        return None
    import language_tool_python

    other = "en-GB" if engine.language != "en-GB" else "en-US"
    tool = language_tool_python.LanguageTool(other, remote_server=engine.url)
    tool.enabled_rules = {f"MORFOLOGIK_RULE_{other.replace('-', '_').upper()}"}
    tool.enabled_rules_only = True
    return tool


GRAMMAR_FAMILIES = ("LT:", "CL5", "CL6", "CL7", "CL8")  # grammar, redundancy, consistency, spelling and LanguageTool


def _grammar_families(run: Callable[[str], Spans]) -> Callable[[str], Spans]:
    """The same findings without the families that are not about grammar (markup, furniture, facts, phrasing)."""
    return lambda text: [span for span in run(text) if span[2].startswith(GRAMMAR_FAMILIES)]


def languagetool_alone(url: str) -> Callable[[str], Spans]:
    import language_tool_python

    tool = gec.CachedTool(language_tool_python.LanguageTool("en-US", remote_server=url), f"default {url}")
    dropped = overlay_rules() if url == resolve_url() else frozenset()

    def run(text: str) -> Spans:
        return [(m.offset, utf16_end(text, m.offset, m.error_length), f"LT:{m.rule_id}")
                for m in tool.check(text) if m.rule_id not in dropped]
    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("jfleg", "cweb", "both"), default="both")
    ap.add_argument("--part", choices=("tune", "held", "all", "both"), default="both",
                    help="'both' prints tune and held rows; tune rules on 'tune' only")
    ap.add_argument("--limit", type=int, default=None, help="an even sample of this many sentences per corpus part")
    ap.add_argument("--url", default=None, help="copylint's LanguageTool server (default: LANGUAGETOOL_URL or 8081)")
    ap.add_argument("--baseline-url", default=None, help="server for 'LanguageTool alone' (default: the same)")
    ap.add_argument("--by-code", action="store_true", help="per-code findings and precision of copylint + LT")
    ap.add_argument("--systems", default="cl-lt,cl-lt-g,cl,lt",
                    help="comma list of cl-lt, cl-lt-g (grammar families CL5-CL8 and LT only), cl, lt")
    args = ap.parse_args()
    url = resolve_url(args.url)
    wanted = args.systems.split(",")
    systems: list[tuple[str, Callable[[str], Spans]]] = []
    with_lt = functools.lru_cache(maxsize=4)(copylint_system(True, url)) if {"cl-lt", "cl-lt-g"} & set(wanted) else None
    if "cl-lt" in wanted:
        systems.append(("copylint + LanguageTool", with_lt))
    if "cl-lt-g" in wanted:
        systems.append(("copylint + LT, grammar families only", _grammar_families(with_lt)))
    if "cl" in wanted:
        systems.append(("copylint, no LanguageTool", copylint_system(False, url)))
    if "lt" in wanted:
        systems.append(("LanguageTool alone (default rules)", languagetool_alone(resolve_url(args.baseline_url))))
    corpora = ("jfleg", "cweb") if args.corpus == "both" else (args.corpus,)
    parts = ("tune", "held") if args.part == "both" else (args.part,)
    print(f"{'corpus':6s} {'part':4s} {'sents':>5s} {'gold':>5s}  {'system':36s} {'found':>6s} {'P':>6s} {'R':>6s} "
          f"{'F0.5':>6s} {'s':>5s}")
    status = 0
    for corpus in corpora:
        for part in parts:
            sentences = gec.load(corpus, part, args.limit)
            if not sentences:
                print(f"{corpus}: not found under {gec.GRAMMAR}; skipped", file=sys.stderr)
                status = 2
                continue
            by_code: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
            for label, run in systems:
                score = gec.Score()
                began = time.perf_counter()
                for sentence in sentences:
                    found = run(sentence.text)
                    score.add(sentence, [(s, e) for s, e, _ in found])
                    if args.by_code and label == systems[0][0]:
                        for s, e, code in found:
                            by_code[code]["found"] += 1
                            by_code[code]["correct"] += gec.correct((s, e), sentence)
                elapsed = time.perf_counter() - began
                gold = score.gold
                print(f"{corpus:6s} {part:4s} {len(sentences):5d} {gold:5d}  {label:36s} {score.findings:6d} "
                      f"{score.precision:6.3f} {score.recall:6.3f} {score.f():6.3f} {elapsed:5.0f}", flush=True)
            if args.by_code:
                print(f"  {systems[0][0]}, by code ({corpus}/{part}):")
                for code, c in sorted(by_code.items(), key=lambda kv: -kv[1]["found"]):
                    print(f"    {code:44s} {c['found']:5d} {c['correct'] / c['found']:6.2f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
