"""JFLEG and CWEB as span-annotated sentences: gold edit spans from the references, one fixed tuning/held-apart split,
span-overlap scoring, and a disk cache of LanguageTool answers (shared by bench/grammar_eval.py and bench/lt_rules.py).

Gold: each reference (JFLEG: four, CWEB: two annotators) is diffed against the source token by token; every changed
token run is an edit span in source characters (an insertion is an empty span at its position). A finding is
*correct* when it overlaps (or, for an insertion, touches) an edit of any reference. Recall: for each sentence the
reference whose edits the system covers best (fewest edits on a tie), as M2 scorers pick an annotator per sentence.

Split, by document: the corpora ship their sentences shuffled, without the document (JFLEG essay, CWEB website) each
came from, and sentences of one document share its names and terms, so a per-sentence split leaks them from the tuning
part into the held part (tuning on one of a site's sentences then "predicts" its others). Sentences that share a rare
word or a name (a word of four letters or more, rarer than RARE in the common-word counts, or capitalised inside the
sentence and rarer than NAME_COMMON; in 2..MAX_SHARED sentences of the corpus) are taken for one document (connected
components); each document goes, once and for all, to "tune" or
"held" by a seeded hash of its first sentence's corpus, file and line (about half each). Rules and patterns are tuned
on "tune" only; "held" is reported and never read.
"""
from __future__ import annotations

import collections
import dataclasses
import difflib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Sequence

SHARED = Path(os.environ.get("COPYLINT_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
GRAMMAR = SHARED / "corpus" / "grammar"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Sentence:
    corpus: str  # "jfleg" | "cweb"
    ident: str  # corpus file and line: the split is a hash of this
    text: str
    edits: tuple[tuple[tuple[int, int], ...], ...]  # per reference: its edit spans in text
    document: str = ""  # ident of the first sentence of its (inferred) document; set by load()

    @property
    def part(self) -> str:
        return split_of(self.document or self.ident)

    @property
    def erroneous(self) -> bool:
        """Every reference changes it (JFLEG: at least 3 of 4)."""
        changed = sum(bool(e) for e in self.edits)
        return changed >= max(1, len(self.edits) - 1)


SPLIT_SEED = "copylint-gec-split-2"  # a new seed is a new split: change it only with every tuned figure re-measured
RARE = 4.0  # log10 count in the common-word list (copylint/data/lexicon/words.tsv.gz) below which a word is rare
NAME_COMMON = 7.0  # a capitalised word inside a sentence below this count is a name that links ("Adrian", "Garbo")
MAX_SHARED = 4  # a rare word in more sentences than this is a topic word of the corpus, not of one document
_RARE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def split_of(document: str) -> str:
    digest = hashlib.sha256(f"{SPLIT_SEED}:{document}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def group_documents(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Each sentence with its inferred document: the first sentence of its component of rare-word sharing."""
    from copylint.data.lexicon import word_frequencies

    frequencies = word_frequencies()

    def words(text: str) -> list[tuple[int, str]]:
        return [(m.start(), re.sub(r"['’]s$", "", m.group().strip("'’-"))) for m in _RARE_TOKEN.finditer(text)]

    names = {w.casefold() for s in sentences for at, w in words(s.text)
             if at > 0 and w[:1].isupper() and frequencies.get(w.casefold(), 0.0) < NAME_COMMON}
    tokens = [{w.casefold() for _, w in words(s.text)
               if w.casefold() in names or frequencies.get(w.casefold(), 0.0) < RARE} for s in sentences]
    shared = collections.Counter(t for ts in tokens for t in ts)
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, ts in enumerate(tokens):
        for t in sorted(ts):
            if not 2 <= shared[t] <= MAX_SHARED:
                continue
            if t in first:
                a, b = root(i), root(first[t])
                parent[max(a, b)] = min(a, b)  # the root is the component's first sentence
            else:
                first[t] = i
    return [dataclasses.replace(s, document=sentences[root(i)].ident) for i, s in enumerate(sentences)]


def detokenize(line: str) -> str:
    """JFLEG's tokenised text as it was written ("society ." -> "society.", "do n't" -> "don't")."""
    text = " ".join(line.split())
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = text.replace("``", '"').replace("''", '"')
    out, opening = [], True
    for part in re.split(r'( ?" ?)', text):  # pair straight quotes: attach to the quoted words
        if part.strip() == '"':
            out.append(' "' if opening else '" ')
            opening = not opening
        else:
            out.append(part)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def edit_spans(source: str, reference: str) -> tuple[tuple[int, int], ...]:
    """Source character spans that the reference changes (token diff; insertions are empty spans)."""
    src = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(source)]
    ref = [m.group() for m in _TOKEN.finditer(reference)]
    matcher = difflib.SequenceMatcher(None, [t for _, _, t in src], ref, autojunk=False)
    spans = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:
            pos = src[i1][0] if i1 < len(src) else len(source)
            spans.append((pos, pos))
        else:
            spans.append((src[i1][0], src[i2 - 1][1]))
    return tuple(spans)


def _sentence(corpus: str, ident: str, text: str, references: Iterable[str]) -> Sentence:
    return Sentence(corpus, ident, text, tuple(edit_spans(text, r) for r in references))


def load_jfleg() -> list[Sentence]:
    folder = GRAMMAR / "jfleg" / "test"
    if not folder.is_dir():
        return []
    src = (folder / "test.src").read_text(encoding="utf-8").splitlines()
    refs = [(folder / f"test.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    return group_documents([
        _sentence("jfleg", f"jfleg/test.src:{i + 1}", detokenize(line), (detokenize(r[i]) for r in refs))
        for i, line in enumerate(src) if line.strip()])


def load_cweb() -> list[Sentence]:
    folder = GRAMMAR / "cweb"
    out: list[Sentence] = []
    for name in ("CWEB-G", "CWEB-S"):
        source = folder / f"{name}.test.source"
        if not source.is_file():
            continue
        src = source.read_text(encoding="utf-8").splitlines()
        anns = [(folder / f"{name}.test.ann{i}").read_text(encoding="utf-8").splitlines() for i in (1, 2)]
        out.extend(_sentence("cweb", f"cweb/{name}.test.source:{i + 1}", line.strip(), (a[i].strip() for a in anns))
                   for i, line in enumerate(src) if line.strip())
    return group_documents(out)


CORPORA = {"jfleg": load_jfleg, "cweb": load_cweb}


def load(corpus: str, part: str | None = None, limit: int | None = None) -> list[Sentence]:
    """Sentences of one corpus, optionally one part ("tune"/"held"), optionally an even sample of `limit`."""
    sentences = [s for s in CORPORA[corpus]() if part in (None, "all") or s.part == part]
    if limit and limit < len(sentences):
        step = len(sentences) / limit
        sentences = [sentences[int(i * step)] for i in range(limit)]
    return sentences


# -- scoring ---------------------------------------------------------------------------------------------------------
def touches(span: tuple[int, int], edit: tuple[int, int]) -> bool:
    (s, e), (gs, ge) = span, edit
    if gs == ge:  # an insertion point: the finding must reach it
        return s <= gs <= e
    return s < ge and gs < e if s != e else gs <= s <= ge


def correct(span: tuple[int, int], sentence: Sentence) -> bool:
    return any(touches(span, edit) for ref in sentence.edits for edit in ref)


@dataclass
class Score:
    findings: int = 0
    correct: int = 0
    gold: int = 0
    covered: int = 0
    sentences: int = 0
    flagged_sentences: int = 0

    def add(self, sentence: Sentence, spans: Sequence[tuple[int, int]]) -> None:
        self.sentences += 1
        self.flagged_sentences += bool(spans)
        self.findings += len(spans)
        self.correct += sum(correct(s, sentence) for s in spans)
        best = (0, 0)
        for ref in sentence.edits:  # the reference the system covers best; fewest edits on a tie
            hit = sum(any(touches(s, e) for s in spans) for e in ref)
            if best == (0, 0) or (hit, -len(ref)) > (best[0], -best[1]):
                best = (hit, len(ref))
        self.covered += best[0]
        self.gold += best[1]

    @property
    def precision(self) -> float:
        return self.correct / self.findings if self.findings else 0.0

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    def f(self, beta: float = 0.5) -> float:
        p, r = self.precision, self.recall
        return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0


# -- LanguageTool answers, cached on disk ---------------------------------------------------------------------------
_MATCH_FIELDS = ("rule_id", "category", "rule_issue_type", "offset", "error_length", "replacements", "message")


class CachedTool:
    """Stands in for language_tool_python.LanguageTool: check() answers from a JSON cache file, asking the real
    tool on a miss. The cache key holds the server URL's settings (rules on/off, language), so settings never mix."""

    def __init__(self, tool: Any, label: str) -> None:
        self.tool = tool
        settings = json.dumps([label, tool.language if isinstance(tool.language, str) else str(tool.language),
                               sorted(tool.disabled_rules), sorted(tool.enabled_rules),
                               sorted(tool.disabled_categories), bool(tool.enabled_rules_only)])
        digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
        root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "copylint-bench"
        root.mkdir(parents=True, exist_ok=True)
        self.path = root / f"lt-{digest}.jsonl"
        self.answers: dict[str, list[dict]] = {}
        if self.path.exists():
            with open(self.path, encoding="utf-8") as handle:
                for line in handle:
                    try:
                        key, matches = json.loads(line)
                    except ValueError:
                        continue  # a torn last line from an interrupted run
                    self.answers[key] = matches
        self.misses = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tool, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("tool", "path", "answers", "misses"):
            object.__setattr__(self, name, value)
        else:
            setattr(self.tool, name, value)

    def check(self, text: str) -> list[SimpleNamespace]:
        key = hashlib.sha256(text.encode()).hexdigest()
        if key not in self.answers:
            self.misses += 1
            matches = [{f: getattr(m, f) for f in _MATCH_FIELDS} for m in self.tool.check(text)]
            self.answers[key] = matches
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps([key, matches]) + "\n")
        return [SimpleNamespace(**m) for m in self.answers[key]]
