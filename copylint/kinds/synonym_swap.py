"""synonym-swap: a rare phrase one thesaurus swap away from a frequent collocation ("human privileges")."""
from __future__ import annotations

import dataclasses
import re
from array import array
from collections.abc import Sequence
from itertools import compress
from operator import and_
from typing import Iterable, NamedTuple

from zlib import crc32

from ..data.spin_lexicon import (PHRASE_BITS, TOKEN, DerivedSwaps, Entry, Lexicon, NameSwaps, PairLexicon, Token, derived_swaps,
                                 RARE_CB, fold, frequent_bigrams, institution_kinds, lexicon, name_swaps, office_nouns, pair_lexicon,
                                 segment_spans, tokens, word_frequencies)
from ..data.lexicon import word_classes
from ..document import Document
from ..model import Finding, Severity
from ._words import ends_phrase
from .base import Kind, match_case

_HYPHENS = "-‐‑"
# What follows the first word of a list: "values of family, compassion, excellence"
_OF = re.compile(r"[ \t]+of\b", re.IGNORECASE)
_LISTED = re.compile(r"\s*,\s*[^\W\d_]+\s*(?:,|and\b|or\b)")
_NAME_GLUE = frozenset(("of", "and", "the", "for", "'s", "on", "in"))
FUNCTION_WORDS = frozenset("""a an the this that these those his her its their our my your some any no each every of in
    on at by for from to with into onto over under about after before between among against during and or but nor
    as than 's is are was were be been""".split())


_CHUNK = 4_096  # words of a run encoded at a time
_LONG_RUN = 1_000  # words: a longer run's tokens are made one by one as a candidate reads them


class LazyTokens(Sequence):
    """The tokens of a long run (as spin_lexicon.tokens gives them), each made when first read: the candidates of
    a file of a million short lines read a few, and a list would hold them all. The same index gives the same
    object."""

    def __init__(self, text: str, folded: str, start: int, end: int) -> None:
        self._text, self._folded, self._end = text, folded, end
        self._starts = array("l", (m.start() for m in TOKEN.finditer(folded, start, end)))
        self._made: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        token = self._made.get(index)
        if token is None:
            m = TOKEN.match(self._folded, self._starts[index], self._end)
            token = self._made[index] = Token(m.group(), m.start(), m.end(), self._text[m.start()].isupper())
        return token


_LONG_TEXT = 100_000  # characters: a longer run's words are read one string per distinct word
_SPACE = re.compile(r"\s")


def _distinct(folded: str, start: int, end: int) -> list[str]:
    """TOKEN.findall(folded, start, end) holding one string per distinct word (a long run repeats most), read a
    slice of about _LONG_TEXT characters at a time (cut at white space, which no token spans)."""
    distinct: dict[str, str] = {}
    out: list[str] = []
    while start < end:
        space = _SPACE.search(folded, start + _LONG_TEXT, end) if start + _LONG_TEXT < end else None
        cut = space.start() if space else end
        found = TOKEN.findall(folded, start, cut)
        out.extend(map(distinct.setdefault, found, found))
        start = cut
    return out


class Candidate(NamedTuple):
    confidence: float
    lo: int
    hi: int
    entry: Entry


def sensitivity(doc: Document) -> float:
    value = doc.context.get("spin_sensitivity")
    return float(value) if value else 1.0


def hits(lex: Lexicon, words: list[str]) -> list[Candidate]:
    """Every window of two to four words of a run that the lexicon knows as a swap (or inversion) of a firm
    collocation. Each window's CRC-32 grows word by word and is tested against the lexicon's phrase bitmap; only
    the few windows that pass are looked up (each distinct one once). A long run is encoded a chunk at a time."""
    found = []
    bitmap = lex.phrase_bitmap
    low = PHRASE_BITS - 1
    known: dict[bytes, list[Entry]] = {}
    n = len(words)
    # Every entry's swapped word is a spin word: a window holding none is skipped before any hashing (most windows
    # of a list of short lines, or of function words, hold none).
    spin = list(map(lex.spin_words.__contains__, words)) + [False] * 3
    for base in range(0, n - 1, _CHUNK):
        if not any(spin[base:base + _CHUNK + 3]):
            continue
        raw = [w.encode("utf-8") for w in words[base:base + _CHUNK + 3]]
        spaced = [b" " + w for w in raw]
        for lo in range(base, min(n - 1, base + _CHUNK)):
            if not (spin[lo] or spin[lo + 1] or spin[lo + 2] or spin[lo + 3]):
                continue
            check = crc32(raw[lo - base])
            for hi in range(lo + 2, min(n, lo + 4) + 1):
                check = crc32(spaced[hi - 1 - base], check)
                bit = check & low
                if bitmap[bit >> 3] >> (bit & 7) & 1:
                    phrase = b" ".join(raw[lo - base:hi - base])
                    entries = known.get(phrase)
                    if entries is None:
                        entries = known[phrase] = lex.entries(phrase)
                    found.extend(Candidate(e.confidence, lo, hi, e) for e in entries)
    return found


def pair_hits(pairs: PairLexicon, words: list[str]) -> list[Candidate]:
    """Every two adjacent words of a run that are both thesaurus swaps of a firm collocation's words ("provide
    series" for "supply chain") while real text does not show them together."""
    found = []
    # Most words are no synonym of a collocation word, and then no pair holding them is one: each word is looked up
    # once per process, and each distinct pair of two synonyms once per run.
    flags = list(map(pairs.swappable, words))
    known: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for lo in compress(range(len(words) - 1), map(and_, flags, flags[1:])):
        first, second = words[lo], words[lo + 1]
        pair = (first, second)
        if pair not in known:
            known[pair] = pairs.collocations(first, second)
        for phrase, confidence in known[pair]:
            found.append(Candidate(confidence, lo, lo + 2, Entry(0, phrase, confidence, False, False, True)))
    return found


def derived_hits(table: DerivedSwaps, words: list[str]) -> list[Candidate]:
    """Every two adjacent words that are a frequent adjective-noun collocation with its adjective traded for another
    word of its stem ("law advice" for "legal advice"), as the build found them unattested."""
    found = []
    for lo in compress(range(len(words) - 1), map(table.first_words.__contains__, words)):
        hit = table.pairs.get(f"{words[lo]} {words[lo + 1]}")
        if hit is not None:
            found.append(Candidate(hit[1], lo, lo + 2, Entry(0, hit[0], hit[1], False, False, False, True)))
    return found


def name_hits(table: NameSwaps, words: list[str], confidence: float) -> list[Candidate]:
    """Every two to four adjacent words that are an institution's name with a word or two swapped for a thesaurus
    synonym ("Universe Health Organization"), as the build found them unattested (judged as a name: capitals)."""
    found = []
    for lo in compress(range(len(words) - 1), map(table.first_words.__contains__, words)):
        for hi in range(lo + 2, min(len(words), lo + 4) + 1):
            name = table.names.get(" ".join(words[lo:hi]))
            if name is not None:
                found.append(Candidate(confidence, lo, hi, Entry(0, name, confidence, True, False, True)))
    return found


def _institution_kind(window: Sequence[Token], entry: Entry) -> bool:
    """Whether the collocation (the window with the original word put back) holds a kind of institution around the
    swapped word ("elementary school")."""
    words = [t.word for t in window]
    words[entry.slot] = entry.original
    kinds = institution_kinds()
    return any(" ".join(words[a:b]) in kinds for a in range(entry.slot + 1) for b in range(max(a + 2, entry.slot + 1),
                                                                                         len(words) + 1))


def fits(cand: Candidate, seg: list[Token], text: str) -> bool:
    """Whether the written phrase fits its entry: capitals as a name needs them, no unknown name, no name's words
    joined by a hyphen, no hyphen joining the window to a word outside it, no compound's swapped head before "of", and an
    inverted compound that ends its noun phrase, opens no list and is not written as a name."""
    entry = cand.entry
    window = seg[cand.lo:cand.hi]
    title = all(t.capital or t.word in _NAME_GLUE for t in window)
    if cand.entry.name and not title:
        return False  # "the safety council" may be any council; "the Safety Council" is the UN's
    if not cand.entry.name and not title and any(t.capital for t in window if t is not seg[0]):
        return False  # part of a name the lexicon does not know
    if title and not cand.entry.whole and not cand.entry.inverted and _institution_kind(window, cand.entry):
        return False  # "the Basic School": one school's name, any modifier; "elementary school" names a kind
    if cand.entry.inverted and title:
        return False  # "the Joint Institute of Research": English names institutions "<head> of <field>"
    if not cand.entry.derived and not cand.entry.whole and (text[window[-1].end:window[-1].end + 1] in _HYPHENS
                                                             or window[0].start and text[window[0].start - 1] in _HYPHENS):
        return False  # "data-reporting practices": the window is part of a longer hyphenated compound
    if cand.entry.name and any(text[t.end:t.end + 1] in _HYPHENS for t in window[:-1]):
        return False  # "a Russian-American team": a compound of two names, not a name's word swapped
    if not (entry.inverted or entry.whole or entry.name or entry.derived) and cand.lo + entry.slot == cand.hi - 1 \
            and entry.slot and window[entry.slot - 1].word not in FUNCTION_WORDS and _OF.match(text, window[-1].end):
        # "identical pairs of bags": a compound's head swapped before an "of" complement counts or parts something
        # ("under the ruling of" keeps its frame)
        return False
    if cand.entry.inverted and _LISTED.match(text, seg[cand.hi - 1].end):
        return False  # "values of family, compassion, excellence": "of" governs a list, not one modifier
    if cand.entry.inverted and not ends_phrase(text, seg[cand.hi - 1].end):
        return False  # "officers of police stations": the modifier starts a longer noun phrase
    if cand.entry.derived:
        at = seg[cand.lo + cand.entry.slot].start
        if at and text[at - 1] in _HYPHENS:
            return False  # "a six-month basis": the word ends a hyphenated compound, not a derivation
        if cand.lo + cand.entry.slot == cand.hi - 1 and not ends_phrase(text, seg[cand.hi - 1].end):
            return False  # "a booming economic outlook": the derived word modifies what follows
    return True


def frequent_count(seg: Sequence[Token], cand: Candidate) -> int:
    """How often (Google Books) English writes the two-word collocation of content words that the swapped word's
    original forms with a neighbour of the window ("rights" with "human"); 0 when it is not among the most frequent."""
    entry = cand.entry
    if entry.inverted or entry.whole or entry.derived or entry.loose or entry.name:
        return 0
    words = [t.word for t in seg[cand.lo:cand.hi]]
    words[entry.slot] = entry.original
    table = frequent_bigrams()
    return max((table.get(f"{words[i]} {words[i + 1]}", 0) for i in (entry.slot - 1, entry.slot)
                if 0 <= i < len(words) - 1), default=0)


def office_swap(seg: Sequence[Token], cand: Candidate) -> bool:
    """Whether the swapped word modifies an office noun that follows it in the window ("overseas minister"), or stands
    for an office noun beside a content word ("finance clergyman", "attorney broad")."""
    entry = cand.entry
    at = cand.lo + entry.slot
    if entry.inverted or entry.whole or entry.derived:
        return False
    if entry.original in office_nouns() and any(
            cand.lo <= j < cand.hi and seg[j].word not in FUNCTION_WORDS for j in (at - 1, at + 1)):
        return True
    return at + 1 < cand.hi and seg[at + 1].word in office_nouns()


_ADJECTIVE, _NOUN = frozenset(("JJ",)), frozenset(("NN", "NNS", "NNP", "NNPS"))


def commoner_swap(seg: Sequence[Token], cand: Candidate, margin: float) -> bool:
    """Whether the written word of a plain one-word swap is commoner in general English than the collocation's word by
    margin (Zipf) or more ("upper stories" for "floors"): an ordinary word with collocations of its own, put there by
    a writer, where a spinner's thesaurus pick is mostly the rarer word; or an adjective, and nothing else, written
    for a noun, and nothing else ("renal transplant" for "kidney transplant"). A title, an office's modifier, a name
    written with capitals or a word that is never a noun written for a noun ("provide chain") is judged by its own
    evidence."""
    entry = cand.entry
    if entry.inverted or entry.whole or entry.name or entry.derived or office_swap(seg, cand):
        return False
    if all(t.capital or t.word in _NAME_GLUE for t in seg[cand.lo:cand.hi]):
        return False
    classes = word_classes()
    written, original = classes.of(seg[cand.lo + entry.slot].word), classes.of(entry.original)
    if original and original <= _NOUN and written == _ADJECTIVE:
        return True  # "renal transplant": a field's adjective for its plain noun (a spinner's trade goes the other way)
    if original & _NOUN and not written & _NOUN:
        return False  # "provide chain": a word that is never a noun for a noun, a thesaurus's blind trade
    freq = word_frequencies()
    return freq.get(seg[cand.lo + entry.slot].word, RARE_CB) <= freq.get(entry.original, RARE_CB) - 100 * margin


def trimmed(seg: list[Token], cand: Candidate) -> tuple[int, int]:
    """The window without the function words at its edges ("for human privileges" -> "human privileges"), as
    long as a content word besides the swapped one remains ("in the globe" stays whole)."""
    lo, hi = cand.lo, cand.hi
    if cand.entry.inverted or cand.entry.whole:
        return lo, hi
    slot = cand.lo + cand.entry.slot

    def rest_has_content(a: int, b: int) -> bool:
        return any(j != slot and seg[j].word not in FUNCTION_WORDS for j in range(a, b))

    while lo < slot and seg[lo].word in FUNCTION_WORDS and rest_has_content(lo + 1, hi):
        lo += 1
    while hi - 1 > slot and seg[hi - 1].word in FUNCTION_WORDS and rest_has_content(lo, hi - 1):
        hi -= 1
    return lo, hi


class SynonymSwap(Kind):
    """Keys: threshold (confidence, in nats, from which a phrase is a warning), info_threshold (from which it is
    flagged as info), pair_threshold (the same for both words swapped, outside a spun document); lone_threshold (from which a
    phrase counts with no other sign of a spinner in the document) name_threshold (the same for a spun name
    written with capitals), inverted_threshold (for an inverted compound) and derived_threshold (for a wrong
    derivation of the collocation's word, "economical growth"), office_threshold (for a swap of the word before an
    office noun, "overseas minister"), name_swap_confidence (the confidence given an institution's name with a word
    or two swapped, "Universe Health Organization": the trigram model knows few names; 0 leaves them out); commoner_margin
    (a plain one-word swap whose written word is this much commoner, in Zipf, than the collocation's word is left
    out: an ordinary word with collocations of its own); loose_threshold (for a swap only the loose
    Moby thesaurus offers: it counts alone from there, in a spun document from the base thresholds (the lexicon
    keeps such swaps from 7.0 only), and never corroborates another); frequent ([threshold, count] pairs: a swap of
    one of English's most frequent collocations of two content words, counted count times or more, counts alone
    from threshold); evidence (codes of the rules whose findings show a spinner at work), spun_evidence and
    evidence_density (a document holding at least spun_evidence of those findings, at least evidence_density per
    1,000 words, reads as spun) and spun_threshold (there, phrases from this confidence are flagged as info too).
    All thresholds are divided by the document context's spin_sensitivity."""

    NAME = "synonym-swap"
    KEYS = {"threshold": float, "info_threshold": float, "pair_threshold": float, "spun_threshold": float,
            "spun_evidence": int, "lone_threshold": float, "name_threshold": float,
            "inverted_threshold": float, "derived_threshold": float, "office_threshold": float, "loose_threshold": float,
            "frequent": list, "name_swap_confidence": float, "commoner_margin": float, "evidence": list, "evidence_density": float}

    @classmethod
    def requires(cls, rule) -> tuple[str, ...]:
        return tuple(c for c in rule.params.get("evidence", ()) if c != rule.code)

    def thresholds(self, doc: Document) -> tuple[float, float, float]:
        p, scale = self.rule.params, sensitivity(doc)
        warn = p.get("threshold", 6.0) / scale
        info = p.get("info_threshold", warn) / scale
        return warn, info, min(info, p.get("spun_threshold", info) / scale)

    def candidates(self, doc: Document) -> list[tuple]:
        """(block, tokens of its run, candidate) for every phrase of the document the lexicon knows, the best
        of overlapping ones (computed once per document)."""
        return doc.memo(("synonym-swap", self.rule.code), lambda: list(self._scan(doc)))

    def _scan(self, doc: Document) -> Iterable[tuple]:
        lex, pairs, derived, names = lexicon(), pair_lexicon(), derived_swaps(), name_swaps()
        name_confidence = self.rule.params.get("name_swap_confidence", 0.0)
        margin = self.rule.params.get("commoner_margin")
        for _, block in self.blocks(doc):
            text = block.text
            folded = fold(text)
            for start, end in segment_spans(folded):
                words = TOKEN.findall(folded, start, end) if end - start <= _LONG_TEXT else _distinct(folded, start, end)
                cands = hits(lex, words) + pair_hits(pairs, words) + derived_hits(derived, words)
                if name_confidence:
                    cands += name_hits(names, words, name_confidence)
                if not cands:
                    continue
                seg = tokens(text, folded, start, end) if len(words) <= _LONG_RUN else LazyTokens(text, folded, start, end)
                chosen: list[Candidate] = []
                taken: set[int] = set()  # the word indices of the chosen windows: overlap is a shared index
                for cand in sorted(cands, reverse=True):
                    if cand.entry.name and not all(t.capital or t.word in _NAME_GLUE for t in seg[cand.lo:cand.hi]):
                        # a name's words written in lower case ("the prime preacher"): judged as any phrase is
                        cand = cand._replace(entry=cand.entry._replace(name=False))
                    if margin is not None and commoner_swap(seg, cand, margin):
                        continue  # an ordinary word's own collocation: neither a finding nor a sign of a spinner
                    if fits(cand, seg, text) and taken.isdisjoint(range(cand.lo, cand.hi)):
                        chosen.append(cand)
                        taken.update(range(cand.lo, cand.hi))
                for cand in chosen:
                    yield block, seg, cand

    def check(self, doc: Document) -> Iterable[Finding]:
        warn = self.thresholds(doc)[0]
        for block, seg, cand in self.candidates(doc):
            if self._strong(doc, seg, cand):
                yield self._finding(doc, block, seg, cand, warn)

    def _base(self, doc: Document, cand: Candidate) -> float:
        """The confidence from which a candidate is flagged where the document shows other signs of a spinner."""
        info = self.thresholds(doc)[1]
        if cand.entry.whole:
            return max(info, self.rule.params.get("pair_threshold", info) / sensitivity(doc))
        return info

    def _strong(self, doc: Document, seg: Sequence[Token], cand: Candidate) -> bool:
        """Whether a candidate is flagged on its own: a spinner rewrites a whole text, so one rare phrase with no
        other sign of spinning needs the firmer lone_threshold."""
        p, scale = self.rule.params, sensitivity(doc)
        if "office_threshold" in p and cand.confidence >= p["office_threshold"] / scale and office_swap(seg, cand):
            return True  # a title's modifier swapped: clean text seldom puts an unusual word before an office
        if cand.entry.loose:  # only the loose thesaurus offers the swap: never on a weaker sign's strength
            return cand.confidence >= p.get("loose_threshold", p.get("lone_threshold", 0.0)) / scale
        if cand.entry.name and "name_threshold" in p:  # a capitalised spun name is rare in clean text
            return cand.confidence >= p["name_threshold"] / scale
        if cand.entry.inverted and "inverted_threshold" in p:  # so is "<head> of <modifier>" for a firm compound
            return cand.confidence >= p["inverted_threshold"] / scale
        if cand.entry.derived and "derived_threshold" in p:  # and a wrong derivation of a collocation's word
            return cand.confidence >= p["derived_threshold"] / scale
        for threshold, least in p.get("frequent", ()):  # a spinner's swap in one of English's most frequent
            if cand.confidence >= threshold / scale and frequent_count(seg, cand) >= least:  # collocations
                return True
        return cand.confidence >= max(p.get("lone_threshold", 0.0) / scale, self._base(doc, cand))

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        """Where other findings show a spinner at work, phrases from the base thresholds are flagged too; where
        the spun-phrase rules show it clearly (spun_evidence signs, evidence_density per 1,000 words), weaker signs
        are flagged as info."""
        warn, info, weak = self.thresholds(doc)
        p = self.rule.params
        codes = set(p.get("evidence", ()))
        signs = {(f.start, f.end) for f in findings if f.code in codes}
        candidates = [c for c in self.candidates(doc) if not self._strong(doc, c[1], c[2])]
        # A loose swap is no corroboration: a long clean text holds several, each a technical or figurative phrase.
        middling = [c for c in candidates if not c[2].entry.loose and c[2].confidence >= self._base(doc, c[2])]
        if len(signs) + len(middling) < 2:
            return
        yield from (self._finding(doc, block, seg, cand, warn) for block, seg, cand in middling)
        total = len(signs) + len(middling)
        if weak >= info or total < p.get("spun_evidence", 3) or 1000 * total < p.get("evidence_density", 3.0) * doc.word_count:
            return
        for block, seg, cand in candidates:
            if cand.entry.loose:  # in a spun text, a loose swap counts from the base threshold
                if cand.confidence >= self._base(doc, cand):
                    yield self._finding(doc, block, seg, cand, warn)
                continue
            floor = info if cand.entry.whole else weak  # a double swap is weaker evidence: never from the floor
            if floor <= cand.confidence < self._base(doc, cand):
                yield self._finding(doc, block, seg, cand, warn)

    def _finding(self, doc: Document, block, seg: list[Token], cand: Candidate, warn: float) -> Finding:
        text, entry = block.text, cand.entry
        lo, hi = trimmed(seg, cand)
        start, end = seg[lo].start, seg[hi - 1].end
        if entry.inverted:  # "officers of police" -> "police officers"
            head = seg[cand.lo]
            written_head = text[head.start:head.end]
            if not written_head.isupper():
                written_head = written_head[:1].lower() + written_head[1:]
            modifier = text[seg[cand.lo + 2].start:end]
            fixed = match_case(text[start:end], f"{modifier} {written_head}")
            spun, original = text[start:end], fixed
        elif entry.whole:  # "provide series" -> "supply chain"
            spun = text[start:end]
            original = fixed = match_case(spun, entry.original)
        else:
            token = seg[cand.lo + entry.slot]
            spun = text[token.start:token.end]
            original = match_case(spun, entry.original)
            after = token.end
            if token.word == "ex" and text[after:after + 1] in ("-", "‐", "‑"):
                after += 1  # "ex-capital" -> "former capital"
                original += " "
            fixed = text[start:token.start] + original + text[after:end]
        finding = self.finding(doc, block, start, end, fixed, spun=spun, original=original,
                               confidence=f"{cand.confidence:.1f}")
        severity = Severity.INFO if cand.confidence < warn else finding.severity
        return dataclasses.replace(finding, severity=severity, data=(("confidence", round(cand.confidence, 1)),))
