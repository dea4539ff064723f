"""Build copylint/data/furniture_model.json: a logistic line classifier for page furniture (CL213), learned from real pages.

Boilerplate: every visible text line of the TUNE scrapinghub pages (bench/web_furniture.split_of; the held part is never
read) that bench/web_furniture.Gold labels boilerplate, once per site. Article text: the lines of those pages' gold
bodies, and the lines of the clean news texts (../shared/corpus/news) outside a held-apart third of them (by a hash of
the file name), which stays apart for measuring. Only lines of 1..MAX_WORDS words are used, as only those are judged.
Features: copylint.data.furniture_model.features (word and word-pair, first/last word, line shape); a feature is kept
when at least MIN_COUNT lines show it. Weights: L2-regularised logistic regression by full-batch gradient descent
(numpy, build time only); the two classes weigh the same in total.
Threshold: chosen on out-of-fold scores (folds by site; news by file), precision first: the lowest score at which
the tune pages' flagged lines among those the story kept and the gold article lines are at least PRECISION boilerplate and above every news line of the training part, then
raised by MARGIN. The held-apart news third is scored and reported, never used to choose.
Usage: python scripts/build_furniture_model.py [--corpus DIR] [--news DIR] [--out PATH]
"""
from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import web_furniture  # noqa: E402  (bench module: the split and the gold labels)
from copylint.data.furniture_model import DATA_FILE, FORMAT, MAX_WORDS, MIN_WORDS, cued, features  # noqa: E402

MIN_COUNT = 3
L2 = float(os.environ.get("L2", "3e-3"))  # on the shape and word-class features
L2_WORDS = float(os.environ.get("L2_WORDS", "3e-3"))  # on single words and word pairs: what one site says often
STEPS = 400
FOLDS = 5
IN_STORY = float(os.environ.get("IN_STORY", "1"))  # weight of a boilerplate line the story kept (what a draft carries)
PRECISION = float(os.environ.get("PRECISION", "0.98"))
MARGIN = float(os.environ.get("MARGIN", "0"))
NEWS_HELD_SHARE = 3


def news_held(path: str) -> bool:
    return hashlib.sha256(("copylint-news-split-1:" + os.path.basename(os.path.dirname(path)) + "/"
                           + os.path.basename(path)).encode()).digest()[0] % NEWS_HELD_SHARE == 0


def judged(text: str) -> bool:
    n = len(text.split())
    return MIN_WORDS <= n <= MAX_WORDS and any(c.isalpha() for c in text) and cued(features(text))


def page_examples(corpus: str) -> list[tuple[str, str, int]]:
    """(group, line, label) of the tune pages: label 2 boilerplate kept in the story, 1 other boilerplate (each once per
    site), 0 gold article line."""
    out = []
    seen: set[tuple[str, str]] = set()
    for _, url, html, body in web_furniture.pages(corpus, "tune"):
        site = web_furniture.site_of(url)
        gold = web_furniture.Gold(body)
        lines = web_furniture.page_lines(html)
        shown = collections.Counter(web_furniture.normal(t) for t, *_ in lines)
        for text, _, _, in_story in lines:
            key = web_furniture.normal(text)
            if judged(key) and gold.label(text, shown[key]) == "boilerplate" and (site, key.lower()) not in seen:
                seen.add((site, key.lower()))
                out.append((site, text.strip(), 2 if in_story else 1))
        for line in body.split("\n"):
            key = web_furniture.normal(line)
            if judged(key) and (site, key.lower()) not in seen:
                seen.add((site, key.lower()))
                out.append((site, line.strip(), 0))
    return out


def news_examples(news: str) -> tuple[list[tuple[str, str, int]], list[str]]:
    """(group, line, 0) of the news training part, and the lines of the held-apart part."""
    files = sorted(glob.glob(f"{news}/bbc/*/*.txt") + glob.glob(f"{news}/onestopenglish/*.txt"))
    train, held = [], []
    for path in files:
        lines = [x.strip() for x in Path(path).read_text(encoding="utf-8", errors="replace").split("\n")]
        lines = [x for x in lines if judged(x)]
        if news_held(path):
            held.extend(lines)
        else:
            train.extend(("news:" + os.path.basename(path), x, 0) for x in lines)
    return train, held


class Matrix:
    """Lines as rows of feature indexes (CSR-like: flat indexes and row starts)."""

    def __init__(self, rows: list[list[int]]) -> None:
        self.lengths = np.array([len(r) for r in rows], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        self.flat = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), self.lengths)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.row_of, weights=w[self.flat], minlength=len(self.lengths))


def fit(m: Matrix, y: np.ndarray, weight: np.ndarray, l2: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic regression by Adam on the full batch, with a per-feature L2 penalty; returns (weights, bias)."""
    n_features = len(l2)
    w = np.zeros(n_features)
    b = 0.0
    mw, vw, mb, vb = np.zeros(n_features), np.zeros(n_features), 0.0, 0.0
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    total = weight.sum()
    for step in range(1, STEPS + 1):
        p = 1 / (1 + np.exp(-np.clip(m.dot(w) + b, -30, 30)))
        g_row = weight * (p - y) / total
        gw = np.bincount(m.flat, weights=g_row[m.row_of], minlength=n_features) + l2 * w
        gb = g_row.sum()
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        corr1, corr2 = 1 - beta1 ** step, 1 - beta2 ** step
        w -= rate * (mw / corr1) / (np.sqrt(vw / corr2) + 1e-8)
        b -= rate * (mb / corr1) / (np.sqrt(vb / corr2) + 1e-8)
    return w, b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=web_furniture.DEFAULT_CORPUS)
    ap.add_argument("--news", default=str(ROOT.parent.parent / "shared" / "corpus" / "news"))
    ap.add_argument("--out", default=str(DATA_FILE))
    args = ap.parse_args()
    pages = page_examples(args.corpus)
    news_train, news_held_lines = news_examples(args.news)
    examples = pages + news_train
    if not pages or not news_train:
        sys.exit("no scrapinghub pages or no news texts found")
    feats = [features(text) for _, text, _ in examples]
    groups = [g for g, _, _ in examples]
    counts = collections.Counter(f for _, f in {(g, f) for g, fs in zip(groups, feats) for f in fs})  # groups showing it
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows = [[vocab[f] for f in fs if f in vocab] for fs in feats]
    l2 = np.array([L2_WORDS if f[:2] in ("w:", "b:") else L2 for f in sorted(vocab, key=vocab.get)])
    story = np.array([label == 2 for *_, label in examples])
    y = np.array([label > 0 for *_, label in examples], dtype=float)
    weight = np.where(y == 1, 0.5 / y.sum(), 0.5 / (len(y) - y.sum())) * len(y) * np.where(story, IN_STORY, 1.0)
    groups = [g for g, _, _ in examples]
    fold_of = np.array([int(hashlib.sha256(g.encode()).digest()[0]) % FOLDS for g in groups])
    is_page = np.array([not g.startswith("news:") for g in groups])
    print(f"lines: {int(y.sum())} boilerplate, {int((is_page & (y == 0)).sum())} gold article lines of "
          f"{len(set(g for g in groups if not g.startswith('news:')))} sites, {len(news_train)} news lines; "
          f"{len(vocab)} features")
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        train = np.flatnonzero(fold_of != k)
        test = np.flatnonzero(fold_of == k)
        w, b = fit(Matrix([rows[i] for i in train]), y[train], weight[train], l2)
        oof[test] = 1 / (1 + np.exp(-np.clip(Matrix([rows[i] for i in test]).dot(w) + b, -30, 30)))
    for t in (0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99):
        flagged = is_page & (story | (y == 0)) & (oof >= t)
        print(f"  out of fold at {t}: tune lines flagged {int(flagged.sum())}, precision "
              f"{y[flagged].mean() if flagged.any() else 1:.3f}; news lines flagged {int((~is_page & (oof >= t)).sum())}")
    threshold = 1.0
    news_max = oof[~is_page].max()
    # precision where the rule works: boilerplate the story kept (what a draft carries) against gold article lines
    measured = is_page & (story | (y == 0))
    for t in sorted(set(np.round(oof[measured & (y == 1)], 4))):
        flagged = measured & (oof >= t)
        if t > news_max and y[flagged].mean() >= PRECISION:
            threshold = t
            break
    threshold = min(0.999, threshold + MARGIN)
    flagged = measured & (oof >= threshold)
    print(f"out of fold at threshold {threshold:.4f}: tune pages flag {int(flagged.sum())} lines kept in stories, "
          f"{int(y[flagged].sum())} boilerplate (recall {y[flagged].sum() / y[measured].sum():.1%}, precision "
          f"{y[flagged].mean() if flagged.any() else 1:.1%}); news training lines flagged "
          f"{int((~is_page & (oof >= threshold)).sum())} (max score {news_max:.4f})")
    w, b = fit(Matrix(rows), y, weight, l2)
    names = sorted(vocab, key=vocab.get)
    weights = {f: round(float(w[i]), 3) for f, i in vocab.items() if abs(w[i]) >= 0.01}
    model = {"format": FORMAT, "threshold": round(threshold, 4), "bias": round(float(b), 3), "weights": weights,
             "source": "scripts/build_furniture_model.py: scrapinghub tune pages (boilerplate vs gold body lines) "
                       "and clean news lines (two thirds)"}
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")
    from copylint.data.furniture_model import Model

    final = Model(model)
    held_hits = [x for x in news_held_lines if final.score(x) >= final.threshold]
    print(f"wrote {args.out}: {len(weights)} of {len(names)} weights; held-apart news lines flagged "
          f"{len(held_hits)} of {len(news_held_lines)}")
    for x in held_hits[:20]:
        print("  news:", x[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main())
