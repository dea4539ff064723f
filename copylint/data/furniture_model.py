"""A line classifier for page furniture learned from real pages: its features, and its weights loaded lazily."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import regex

DATA_FILE = Path(__file__).with_name("furniture_model.json")
FORMAT = 1
MIN_WORDS = 3  # shorter lines are menu items and labels: the whole-line lists read them (CL201, CL207)
MAX_WORDS = 40  # longer lines are running text or a banner the pattern rules read; the model never judges them

_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*|\d+")
_SEPARATOR = regex.compile(r"(?:^|\s)[·•|/▪◦]+(?=\s|$)")
_ARROW = regex.compile(r"[←→«»‹›⟵⟶⇐⇒◄►◀▶❮❯]|<<|>>|&[lr]aquo;")
_NUMBERED = regex.compile(r"(?:^|\s)\d{1,2}[.)]\s+\p{Lu}")
_LABEL = regex.compile(r"^[\W_]*((?:[\p{L}'’]+\s+){0,3}[\p{L}'’]+)\s*:\s+(\S)")
_URL = regex.compile(r"https?://|www\.|\.com\b|\.html?\b", regex.I)
_SECOND_PERSON = frozenset("you your yours yourself you'll you're you've you'd".split())
_QUOTES = frozenset("\"“”«»")
# Word classes pooled into one feature each, so that what the pages teach about some of their words carries over to
# the others: what a reader does with a page (link words), where on the page (place), moving between pages (nav),
# a picture's credit, and what a page offers besides the story (medium).
_POOLS = {
    "link": "click tap download share follow subscribe comment comments scroll tweet pin bookmark swipe like "
            "sign register login log unsubscribe reply",
    "act": "read watch listen view see join get visit check find explore discover shop buy order try learn continue "
           "send submit tell let leave post vote rate save print email",
    "place": "below above here down",
    "nav": "previous prev next older newer back",
    "credit": "photo photos photograph image images picture pictures courtesy credit credits",
    "medium": "video videos gallery newsletter newsletters podcast app comments article articles story stories post "
              "posts page",
}
_POOL_OF = {w: name for name, words in _POOLS.items() for w in words.split()}


def _bucket(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (20, "13-20")):
        if n <= top:
            return name
    return "21+"


def features(line: str) -> list[str]:
    """The features of one trimmed line: its words and word pairs (lower case, numbers as '0'), its first and last
    word, and its shape (length, end mark, a label before a colon, separators and arrows, a numbered strip, a line
    in parentheses, second-person words, the share of capitalised words, links, quotation marks)."""
    raw = regex.findall(_TOKEN, line)
    words = ["0" if w.isdigit() else w.lower().replace("’", "'") for w in raw]
    out = ["n:" + _bucket(len(words))]
    out.extend("w:" + w for w in set(words))
    out.extend({"b:" + a + "_" + b for a, b in zip(words, words[1:])})
    out.extend({"p:" + _POOL_OF[w] for w in words if w in _POOL_OF})
    if words:
        if words[0] in _POOL_OF:
            out.append("fp:" + _POOL_OF[words[0]])
        out.append("f:" + words[0])
        out.append("l:" + words[-1])
        if len(words) > 1:
            out.append("f2:" + words[0] + "_" + words[1])
    stripped = line.strip()
    last = stripped[-1:]
    out.append("end:" + ("." if last in ".!?" else "q" if last in "\"”’'" else ")" if last == ")"
                         else ":" if last == ":" else "a" if last.isalnum() else "o"))
    if (m := _LABEL.match(stripped)) is not None:
        out.append("label")
        out.append("label:" + "_".join(m.group(1).lower().replace("’", "'").split()))
        out.append("label+cap" if m.group(2)[:1].isupper() else "label+low")
    seps = len(_SEPARATOR.findall(stripped))
    if seps:
        out.append("sep" if seps == 1 else "seps")
    if _ARROW.search(stripped):
        out.append("arrow")
    if len(_NUMBERED.findall(stripped)) >= 2:
        out.append("numbered")
    if stripped.startswith("(") and stripped.endswith(")"):
        out.append("paren")
    if _SECOND_PERSON.intersection(words):
        out.append("you")
    if _URL.search(stripped):
        out.append("url")
    if "@" in stripped:
        out.append("at")
    if any(c in _QUOTES for c in stripped):
        out.append("quote")
    if stripped.count(". ") + stripped.count("? ") + stripped.count("! ") >= 1:
        out.append("sentences")
    letters = [w for w in raw if w[:1].isalpha()]
    if letters:
        caps = sum(w[:1].isupper() for w in letters) / len(letters)
        out.append("cap:" + ("all" if caps == 1 else "most" if caps >= 0.6 else "some" if caps > 0.2 else "few"))
        if all(w.isupper() for w in letters) and len("".join(letters)) > 3:
            out.append("upper")
    return out


_CUES = frozenset({"sep", "seps", "arrow", "numbered", "paren", "you", "url"})


_STRUCTURE = frozenset({"sep", "seps", "arrow", "numbered", "paren", "url", "label"})
_HEADING_LENGTHS = frozenset({"n:3", "n:4-5", "n:6-8"})


def cued(feats: list[str]) -> bool:
    """Whether a line shows a furniture cue (a pooled word, a separator or arrow, a numbered strip, a line in
    parentheses, the reader addressed, a link): only such lines are judged, so that the model tells furniture from
    prose among lines that look alike, and a plain headline or list of names is never its call. Nor is a short line
    with no end mark and no separator, label or link ('What Happens Next', 'Follow the money'): a subhead and a menu
    item read alike there, and the whole-line lists decide those."""
    have = set(feats)
    if not any(f in _CUES or f.startswith("p:") for f in have):
        return False
    heading = have & _HEADING_LENGTHS and "end:a" in have
    return not heading or bool(have & _STRUCTURE)


class Model:
    """Logistic weights over features(); score() is the probability that a line is page furniture."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"furniture model format {data.get('format')!r}, expected {FORMAT}")
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self.weights: dict[str, float] = data["weights"]

    def score(self, line: str) -> float:
        """0 for a line without a cue (cued); else the model's probability."""
        feats = features(line)
        if not cued(feats):
            return 0.0
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model (scripts/build_furniture_model.py writes it), read once."""
    return Model(json.loads(DATA_FILE.read_text(encoding="utf-8")))
