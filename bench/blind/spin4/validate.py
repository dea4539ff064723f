#!/usr/bin/env python3
"""Validate the spin4 blind set: python3 validate.py [FOLDER [MAX_REUSE]]  (exit code 1 on any error); spin5 runs it on
its own folder with each target used once."""
import json, os, sys, collections

H = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
MAX_REUSE = int(sys.argv[2]) if len(sys.argv) > 2 else 2
CLASSES = ['one-word-swap', 'two-word-swap', 'institution-name', 'noun-for-adjective', 'wrong-derivation',
           'title-or-office', 'idiom', 'function-word', 'word-order']
MIN_W, MAX_W = 15, 40
errors = []


def err(msg):
    errors.append(msg)


def words(t):
    return len(t.split())


def isword(ch):
    return ch.isalnum() or ch in "'’-"


def load(name, keys):
    rows = []
    with open(os.path.join(H, name), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                err(f'{name}:{i}: blank line'); continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f'{name}:{i}: bad JSON ({e})'); continue
            if not isinstance(r, dict) or set(r) != keys:
                err(f'{name}:{i}: keys {sorted(r) if isinstance(r, dict) else type(r)} != {sorted(keys)}'); continue
            if not isinstance(r['text'], str) or not r['text'].strip():
                err(f'{name}:{i}: empty text'); continue
            rows.append((i, r))
    return rows


def check_text(name, i, t):
    n = words(t)
    if not MIN_W <= n <= MAX_W:
        err(f'{name}:{i}: {n} words (want {MIN_W}-{MAX_W})')
    if t != t.strip() or '  ' in t:
        err(f'{name}:{i}: stray whitespace')
    if t.count('"') % 2 or t.count('(') != t.count(')') or t.count('“') != t.count('”'):
        err(f'{name}:{i}: unbalanced quotes/brackets')
    if t[-1] not in '.?!"”':
        err(f'{name}:{i}: no final punctuation')


spun = load('spun.jsonl', {'text', 'spans'})
ctrl = load('control.jsonl', {'text'})
per_class = collections.Counter()
nspans = collections.Counter()
targets = collections.Counter()
for i, r in spun:
    t = r['text']
    check_text('spun.jsonl', i, t)
    spans = r['spans']
    if not isinstance(spans, list) or not 1 <= len(spans) <= 2:
        err(f'spun.jsonl:{i}: need 1-2 spans'); continue
    nspans[len(spans)] += 1
    prev_end = -1
    for s in sorted(spans, key=lambda s: s.get('start', 0) if isinstance(s, dict) else 0):
        if not isinstance(s, dict) or set(s) != {'start', 'end', 'class', 'original'}:
            err(f'spun.jsonl:{i}: bad span keys {s}'); continue
        a, b = s['start'], s['end']
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)):
            err(f'spun.jsonl:{i}: offsets out of range {a}-{b}'); continue
        ph = t[a:b]
        if ph != ph.strip():
            err(f'spun.jsonl:{i}: span has edge whitespace {ph!r}')
        if (a > 0 and isword(t[a - 1]) and isword(t[a])) or (b < len(t) and isword(t[b]) and isword(t[b - 1])):
            err(f'spun.jsonl:{i}: span not on word boundary {ph!r}')
        if a < prev_end:
            err(f'spun.jsonl:{i}: overlapping spans')
        prev_end = b
        if s['class'] not in CLASSES:
            err(f'spun.jsonl:{i}: unknown class {s["class"]!r}')
        o = s['original']
        if not isinstance(o, str) or not o.strip() or o != o.strip():
            err(f'spun.jsonl:{i}: bad original {o!r}')
        elif o.lower() == ph.lower():
            err(f'spun.jsonl:{i}: span equals original {ph!r}')
        per_class[s['class']] += 1
        targets[o.lower()] += 1

# duplicates within and across files
seen = {}
for name, rows in (('spun.jsonl', spun), ('control.jsonl', ctrl)):
    for i, r in rows:
        if name == 'control.jsonl':
            check_text(name, i, r['text'])
        k = ' '.join(r['text'].lower().split())
        if k in seen:
            err(f'{name}:{i}: duplicate of {seen[k]}')
        seen[k] = f'{name}:{i}'
for o, n in targets.items():
    if n > MAX_REUSE:
        err(f'target {o!r} used {n} times (max {MAX_REUSE})')

print(f'spun sentences: {len(spun)} ({nspans[1]} one span, {nspans[2]} two spans); spans: {sum(per_class.values())}')
for c in CLASSES:
    print(f'  {c:20s} {per_class[c]}')
print(f'control sentences: {len(ctrl)}')
print(f'distinct targets: {len(targets)}; max reuse: {max(targets.values()) if targets else 0}')
if errors:
    print(f'\n{len(errors)} ERROR(S):')
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print('OK')
