#!/usr/bin/env python3
"""Validate the spin3 blind set: JSON, offsets, classes, counts, duplicates.

Usage: python3 validate.py   (run from any directory; exits non-zero on error)
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["one-word-swap", "two-word-swap", "institution-name", "noun-for-adjective",
           "wrong-derivation", "title-or-office", "idiom", "function-word", "word-order"]
MIN_WORDS, MAX_WORDS = 15, 40
MAX_TARGET_USES = 2

errors, warnings = [], []

def words(t):
    return len(t.split())

def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"{name}:{n}: blank line")
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"{name}:{n}: bad JSON ({e})")
    return rows

spun = load("spun.jsonl")
control = load("control.jsonl")

per_class = collections.Counter()
spans_per_line = collections.Counter()
target_uses = collections.Counter()
texts = collections.Counter()

for n, o in spun:
    where = f"spun.jsonl:{n}"
    if set(o) != {"text", "spans"}:
        errors.append(f"{where}: keys {sorted(o)}")
        continue
    t, spans = o["text"], o["spans"]
    texts[t] += 1
    if not isinstance(t, str) or not t.strip():
        errors.append(f"{where}: empty text"); continue
    if t != t.strip() or "  " in t:
        errors.append(f"{where}: stray whitespace")
    if not (MIN_WORDS <= words(t) <= MAX_WORDS):
        errors.append(f"{where}: {words(t)} words")
    if not isinstance(spans, list) or not 1 <= len(spans) <= 2:
        errors.append(f"{where}: {len(spans)} spans"); continue
    spans_per_line[len(spans)] += 1
    prev_end = -1
    for s in sorted(spans, key=lambda s: s["start"]):
        if set(s) != {"start", "end", "class", "original"}:
            errors.append(f"{where}: span keys {sorted(s)}"); continue
        a, b = s["start"], s["end"]
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)):
            errors.append(f"{where}: bad offsets {a}-{b}"); continue
        if a < prev_end:
            errors.append(f"{where}: overlapping spans")
        prev_end = b
        frag = t[a:b]
        if frag != frag.strip():
            errors.append(f"{where}: span {frag!r} has edge whitespace")
        if a > 0 and t[a-1].isalnum() or b < len(t) and t[b].isalnum():
            errors.append(f"{where}: span {frag!r} cuts a word")
        if s["class"] not in CLASSES:
            errors.append(f"{where}: unknown class {s['class']!r}")
        if not s["original"].strip() or s["original"] == frag:
            errors.append(f"{where}: original {s['original']!r} empty or equal to span")
        per_class[s["class"]] += 1
        target_uses[s["original"].lower()] += 1

for t, c in texts.items():
    if c > 1:
        errors.append(f"spun: duplicate sentence x{c}: {t[:60]}")
for tgt, c in target_uses.items():
    if c > MAX_TARGET_USES:
        errors.append(f"target {tgt!r} used {c} times (max {MAX_TARGET_USES})")

ctexts = collections.Counter()
for n, o in control:
    where = f"control.jsonl:{n}"
    if set(o) != {"text"} or not isinstance(o["text"], str) or not o["text"].strip():
        errors.append(f"{where}: bad record"); continue
    t = o["text"]
    ctexts[t] += 1
    if t != t.strip() or "  " in t:
        errors.append(f"{where}: stray whitespace")
    if not (MIN_WORDS <= words(t) <= MAX_WORDS):
        errors.append(f"{where}: {words(t)} words")
    if t in texts:
        errors.append(f"{where}: also in spun.jsonl")
for t, c in ctexts.items():
    if c > 1:
        errors.append(f"control: duplicate sentence x{c}: {t[:60]}")

# quotes balanced on each line
for name, rows in (("spun.jsonl", spun), ("control.jsonl", control)):
    for n, o in rows:
        if o.get("text", "").count('"') % 2:
            errors.append(f"{name}:{n}: unbalanced double quotes")

print(f"spun.jsonl: {len(spun)} sentences, {sum(per_class.values())} spans "
      f"({spans_per_line[1]} with one span, {spans_per_line[2]} with two)")
for c in CLASSES:
    print(f"  {c:20s} {per_class[c]}")
print(f"control.jsonl: {len(control)} sentences")
print(f"distinct targets: {len(target_uses)}; used twice: {sum(1 for v in target_uses.values() if v == 2)}")
for e in errors:
    print("ERROR", e)
sys.exit(1 if errors else 0)
