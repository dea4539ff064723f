"""Consistency kinds (document level): variant spellings, compound-modifier hyphenation, mixed-case common terms."""
from __future__ import annotations

import collections
from typing import Iterable, Iterator

import regex

from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from ..phrases import fold
from . import _prose
from ._words import CLAUSE_WORDS, DETERMINERS
from .base import Kind, match_case

_TOKEN = _prose.lazy(r"[\p{L}]+(?:[-'’][\p{L}]+)*")
_SUFFIXES = ("", "s", "es", "'s", "’s", "s'", "s’", "ed", "d", "ing", "er", "ers", "or", "ors", "ation", "ations",
             "al", "ally", "ly", "ment", "ments", "able", "ably", "ite", "ites", "ful", "less", "hood", "hoods")
_IZE = _prose.lazy(r"(?P<stem>\p{L}{3,}?)(?P<v>is|iz|ys|yz)(?P<suf>e|es|ed|ing|ation|ations|er|ers|able)",
                   regex.IGNORECASE)
_IZE_SKIP = frozenset({"pr", "s", "se", "capsi", "expert", "franch", "merchand", "advert", "enterpr", "exerc", "compr",
                       "surpr", "superv", "telev", "dev", "rev", "adv", "desp", "disgu", "chast", "improv", "prem", "prom",
                       "dem", "exc", "inc", "w", "r", "ar", "ra", "pra", "no", "po", "cru", "bru", "gu", "repr", "parad"})
PROSE_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})
_HOUSE_VARIANT = {"en-US": 0, "en-GB": 1}  # the lexicon pairs' American form first, British second


_SUFFIX_SET = frozenset(s.replace("’", "'") for s in _SUFFIXES)
_OPENERS = frozenset(" \t\"“‘'(")
_JOINERS = "-'’"


def _tokens_from(text: str, folded: str, prefix: str) -> Iterator[str]:
    """The whole word tokens (as _TOKEN splits text; folded) that begin with prefix."""
    i = folded.find(prefix)
    n = len(text)
    while i != -1:
        c = text[i - 1] if i else ""
        if not c.isalpha() and not (c and c in _JOINERS and i >= 2 and text[i - 2].isalpha()):
            j = i
            while j < n:
                c = text[j]
                if c.isalpha():
                    j += 1
                elif c in _JOINERS and j + 1 < n and text[j + 1].isalpha():
                    j += 2
                else:
                    break
            yield folded[i:j]
        i = folded.find(prefix, i + 1)


def _initial(text: str, start: int) -> bool:
    """True when only quotes, brackets and spaces stand between start and the previous sentence end."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


class VariantSpelling(Kind):
    """Keys: groups (lists of stems, preferred spelling first; inflections are matched by suffix),
    names (groups of proper-noun variants, matched with capitalisation), ize (also compare -ise/-ize, -yse/-yze
    words), lexicon (also every American/British pair of copylint/data/lexicon/variants.tsv, whole word forms, the
    inflections of one word voting together), house (instead of mixed spellings, flag every
    spelling of the other variety than the configured dialect, en-US or en-GB; without one the rule is silent).
    Flags the minority spelling of a word the document spells two ways; ties go to the preferred form. With a
    dialect configured, the American/British pairs are left to the house rule."""

    NAME = "variant-spelling"
    KEYS = {"groups": list, "names": list, "ize": bool, "lexicon": bool, "house": bool}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    @classmethod
    def validate(cls, rule) -> None:
        for key in ("groups", "names"):
            for i, group in enumerate(rule.params.get(key, [])):
                if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
                    raise RuleError(rule.path, f"{key}[{i}]", "must list two or more spellings")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.stems: dict[str, tuple[int, int]] = {}
        for g, group in enumerate(rule.params.get("groups", [])):
            for v, stem in enumerate(group):
                self.stems[stem.lower()] = (g, v)
        self.names: dict[str, tuple[int, int]] = {}
        for g, group in enumerate(rule.params.get("names", [])):
            for v, name in enumerate(group):
                self.names[name.lower()] = (g, v)
        self.forms = [list(group) for group in rule.params.get("groups", [])]
        self.name_forms = [list(group) for group in rule.params.get("names", [])]
        self.ize = rule.params.get("ize", False)
        self.house = rule.params.get("house", False)
        # American/British lexicon pairs: whole forms -> (family, variant, pair index); variant 0 is American, 1 British.
        # One family per American lemma, so "organized" and "organize" vote together.
        self.pairs: list[tuple[str, str, bool]] = []  # (form 0, form 1, American/British?)
        self.exact: dict[str, tuple[int, int, int]] = {}
        if rule.params.get("lexicon", False):
            self._add_lexicon()
        # Every word that can get a table or name key: a document with none of them among its words (and no
        # -iz-/-yz- word) spells nothing two ways, and most documents are ruled out by one set intersection.
        self.listed = frozenset(stem + suffix for stem in self.stems for suffix in _SUFFIXES) | frozenset(self.names) \
            | frozenset(self.exact)
        # The stems (or names) of each voting family's variants, to test whether an unseen variant occurs at all.
        self.variant_stems: dict[tuple, dict[int, list[str]]] = {}
        for kind, table in (("table", self.stems), ("name", self.names)):
            for stem, (g, v) in table.items():
                self.variant_stems.setdefault((kind, g), {}).setdefault(v, []).append(stem)
        for form, (g, v, _) in self.exact.items():
            self.variant_stems.setdefault(("pair", g), {}).setdefault(v, []).append(form)
        self._votes: dict[str, tuple[tuple, int]] = {}

    def _add_lexicon(self) -> None:
        from ..data.lexicon import spelling_variants

        covered = {stem + suffix for stem in self.stems for suffix in _SUFFIXES}
        families: dict[str, int] = {}
        for first, second, family in spelling_variants():
            a, b = first.lower(), second.lower()
            if a in self.exact or b in self.exact or a in covered or b in covered:
                continue  # the hand table (house-preferred forms) or an earlier pair already has it
            g = families.setdefault(family, len(families))
            self.pairs.append((a, b, True))
            self.exact[a] = (g, 0, len(self.pairs) - 1)
            self.exact[b] = (g, 1, len(self.pairs) - 1)

    def _key(self, token: str, capitalised_midsentence: bool) -> tuple[tuple, int, str] | None:
        """(family key, variant index, suffix) of a token, or None when it has no variants."""
        lower = token.lower().replace("’", "'")
        if lower in self.names:
            g, v = self.names[lower]
            return ("name", g), v, ""
        if capitalised_midsentence:  # "Labour", "Kennedy Center", "Mr Gray": proper nouns keep their spelling
            return None
        if lower in self.exact:
            g, v, pair = self.exact[lower]
            return ("pair", g, pair), v, ""
        for suffix in _SUFFIXES:
            if suffix and not lower.endswith(suffix):
                continue
            stem = lower[: len(lower) - len(suffix)] if suffix else lower
            if stem in self.stems:
                g, v = self.stems[stem]
                return ("table", g, suffix), v, suffix
        if self.ize:
            m = _IZE().fullmatch(lower)
            if m and m.group("stem") not in _IZE_SKIP:
                vowel = m.group("v")[0]
                return ("ize", m.group("stem"), vowel, m.group("suf")), int(m.group("v")[1] == "z"), m.group("suf")
        return None

    def _vote(self, word: str) -> tuple[tuple, int]:
        """(voting family, variant) of a listed word written in lowercase."""
        vote = self._votes.get(word)
        if vote is None:
            family, variant, _ = self._key(word, False)
            vote = self._votes[word] = (family[:2], variant)
        return vote

    def _spelling(self, family: tuple, variant: int, suffix: str) -> str:
        if family[0] == "name":
            return self.name_forms[family[1]][variant]
        if family[0] == "pair":
            return self.pairs[family[2]][variant]
        if family[0] == "table":
            return self.forms[family[1]][variant] + suffix
        _, stem, vowel, suf = family
        return f"{stem}{vowel}{'z' if variant else 's'}{suf}"

    def check(self, doc: Document) -> Iterable[Finding]:
        dialect = (doc.context or {}).get("dialect")
        if self.house:
            return self._house(doc, dialect) if dialect in _HOUSE_VARIANT and self.pairs else ()
        if not self._two_spellings_possible(doc):
            return ()
        return self._check(doc, skip_dialect_pairs=dialect in _HOUSE_VARIANT)

    def _house(self, doc: Document, dialect: str) -> Iterator[Finding]:
        """Every American/British pair word written in the other variety's spelling."""
        house = _HOUSE_VARIANT[dialect]
        if doc.words.isdisjoint(self.exact):
            return
        for block, m in self._tokens(doc):
            text, token = block.text, m.group()
            entry = self.exact.get(token.lower().replace("’", "'"))
            if entry is None or entry[1] == house or not self.pairs[entry[2]][2]:
                continue
            if token[0].isupper() and not _initial(text, m.start()):
                continue  # a name keeps its spelling ("Labor Party", "Lincoln Center")
            right = self.pairs[entry[2]][house]
            yield self.finding(doc, block, m.start(), m.end(), match_case(token, right), dialect=dialect)

    def _two_spellings_possible(self, doc: Document) -> bool:
        """False when no word family can occur in two spellings: no family has two listed variants among the
        document's words, no other variant of a listed one is a whole word anywhere (glued to a digit counts),
        and no -iz-/-yz- word has its -is-/-ys- twin in the text."""
        words = doc.words
        hits = words & self.listed
        folded = doc.folded
        if hits:
            present: dict[tuple, set[int]] = {}
            for word in hits:
                family, variant = self._vote(word)
                present.setdefault(family, set()).add(variant)
            for family, variants in present.items():
                if len(variants) > 1:
                    return True
                names = family[0] in ("name", "pair")  # whole forms, no suffixes
                for variant, stems in self.variant_stems[family].items():
                    if variant in variants:
                        continue
                    for stem in stems:
                        if any(token == stem if names else token[len(stem):] in _SUFFIX_SET
                               for token in _tokens_from(doc.prose, folded, stem)):
                            return True
        if not self.ize:
            return False
        if "iz" not in folded and "yz" not in folded:
            return False
        for word in words:
            if "iz" not in word and "yz" not in word:
                continue
            for token in _TOKEN().findall(word):
                if token in self.listed:
                    continue
                m = _IZE().fullmatch(token)
                if m is None or m.group("stem") in _IZE_SKIP or m.group("v")[1] != "z":
                    continue
                twin = f"{m.group('stem')}{m.group('v')[0]}s{m.group('suf')}"
                if any(t == twin for t in _tokens_from(doc.prose, folded, twin)):
                    return True
        return False

    def _tokens(self, doc: Document) -> Iterator[tuple[ProseBlock, "regex.Match[str]"]]:
        """Each word token of the checked blocks."""
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        for block in doc.blocks:
            if block.scope in scopes:
                for m in _TOKEN().finditer(block.text):
                    yield block, m

    def _could_vary(self, token: str) -> bool:
        lower = token.lower().replace("’", "'")
        return lower in self.listed or (self.ize and ("is" in lower or "iz" in lower or "ys" in lower or "yz" in lower))

    def _check(self, doc: Document, skip_dialect_pairs: bool = False) -> Iterator[Finding]:
        seen: dict[tuple, list[tuple[int, ProseBlock, int, int, str]]] = collections.defaultdict(list)
        for block, m in self._tokens(doc):
            text, token = block.text, m.group()
            if not self._could_vary(token):
                continue
            start = m.start()
            key = self._key(token, token[0].isupper() and not _initial(text, start))
            if key is not None:
                family, variant, _ = key
                if family[0] == "pair" and skip_dialect_pairs and self.pairs[family[2]][2]:
                    continue  # with a house dialect, the house rule judges American/British spellings
                # Inflected forms of one family vote together ("protesters" and "protestor" disagree).
                vote_family = family if family[0] not in ("table", "pair") else family[:2]
                seen[vote_family].append((variant, block, start, m.end(), token, family))
        locale = self._locale(doc, seen)
        for occurrences in seen.values():
            counts = collections.Counter(o[0] for o in occurrences)
            if len(counts) < 2:
                continue
            first_seen = {}
            for o in occurrences:
                first_seen.setdefault(o[0], len(first_seen))
            # Majority wins; a tie goes to the spelling of the variety the rest of the document writes in, else to
            # the preferred (first-listed) form, or for -ise/-ize and the lexicon's pairs to the form used first.
            kind = occurrences[0][5][0]
            local = _LOCALE_VARIANT.get((kind, locale))
            tie_break = (lambda v: -v) if kind not in ("ize", "pair") else (lambda v: -first_seen[v])
            majority = max(counts, key=lambda v: (counts[v], v == local, tie_break(v)))
            for variant, block, start, end, token, family in occurrences:
                if variant == majority:
                    continue
                suffix = family[2] if family[0] == "table" else (family[3] if family[0] == "ize" else "")
                right = self._spelling(family, majority, suffix)
                yield self.finding(doc, block, start, end, match_case(token, right), majority=right,
                                   count=counts[majority], minority=counts[variant],
                                   usage=_usage(right, counts[majority], counts[variant], family[0] == "ize",
                                                locale if majority == local else None))


    def _locale(self, doc: Document, seen: dict[tuple, list]) -> str | None:
        """The configured dialect, else the variety most of the document's American/British pair words are in."""
        dialect = (doc.context or {}).get("dialect")
        if dialect in _HOUSE_VARIANT:
            return dialect
        votes = collections.Counter(o[0] for family, occurrences in seen.items() if family[0] == "pair"
                                    for o in occurrences if self.pairs[o[5][2]][2])
        if votes[0] == votes[1]:
            return None
        return "en-US" if votes[0] > votes[1] else "en-GB"


# Which variant of a family each variety writes: lexicon pairs are (American, British); -ise/-ize is (s, z).
_LOCALE_VARIANT = {("pair", "en-US"): 0, ("pair", "en-GB"): 1, ("ize", "en-US"): 1, ("ize", "en-GB"): 0}


def _usage(right: str, count: int, minority: int, ize: bool, locale: str | None = None) -> str:
    """How the document uses the spelling it is told to keep: more often, or as often (and why that one wins)."""
    if count > minority:
        return f"mostly writes '{right}' ({count} to {minority})"
    why = "uses it first" if ize else "it is the preferred form"
    if locale is not None:
        why = f"it is the {'American' if locale == 'en-US' else 'British'} spelling the document uses elsewhere"
    return f"writes '{right}' as often ({count} to {minority}) and {why}"


_SKIP_AFTER = CLAUSE_WORDS | DETERMINERS | frozenset(
    """he she they we it i you there here this below above beneath beside behind near via per like unlike amid
    despite plus up down out off through away back because although though well again too very really alone
    yourself himself herself itself themselves myself ourselves""".split()
)
# "wake up teenagers", "shut down plants": a verb and its particle, not a compound modifier.
_PARTICLES = frozenset("up down out off in on over back away through about around along for with to by".split())
# Found from its hyphen (a literal the regex engine scans for quickly), the first word read backwards.
_HYPHENATED = regex.compile(r"(?<=(?<![\p{L}-])(\p{Ll}{2,}))-(\p{Ll}{2,})(?![\p{L}-])")
_NEXT_WORD = _prose.lazy(r"[ \t]+(\p{Ll}[\p{Ll}-]*)")


class CompoundHyphenation(Kind):
    """No keys. A compound modifier the document hyphenates ("flood-hit towns") written open before a noun
    elsewhere ("flood hit areas"): the open form is flagged when it is not the majority (ties go to the hyphen)."""

    NAME = "compound-hyphenation"
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        pairs = self._open_somewhere(doc)
        if not pairs:
            return
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        hyphenated: dict[str, list[tuple[ProseBlock, int, int, str]]] = collections.defaultdict(list)
        blocks = [b for b in doc.blocks if b.scope in scopes]
        for block in blocks:
            for m in _HYPHENATED.finditer(block.text):
                if m.group(2) not in _PARTICLES and (m.group(1), m.group(2)) in pairs \
                        and self._attributive(block.text, m.end()):
                    start = m.start(1)
                    hyphenated[f"{m.group(1)} {m.group(2)}"].append((block, start, m.end(), block.text[start:m.end()]))
        if not hyphenated:
            return
        for pair, hyphen_uses in hyphenated.items():
            open_uses = []
            words = r"\s+".join(regex.escape(w) for w in pair.split())
            pattern = regex.compile(r"(?<![\p{L}-])" + words + r"(?![\p{L}-])")
            for block in blocks:
                for m in pattern.finditer(block.text):
                    if self._attributive(block.text, m.end()):
                        open_uses.append((block, m.start(), m.end(), m.group()))
            if not open_uses:
                continue
            # Before a noun the hyphen is the style: flag the open form when it is the minority (or a tie);
            # a hyphenated minority is left alone rather than "fixed" into the open form.
            if len(open_uses) > len(hyphen_uses):
                continue
            for block, start, end, text in open_uses:
                yield self.finding(doc, block, start, end, "-".join(text.split()), majority=pair.replace(" ", "-"))

    @staticmethod
    def _open_somewhere(doc: Document) -> set[tuple[str, str]]:
        """The hyphenated pairs of the document whose open form ("flood hit") also occurs somewhere: the only
        ones that can be written both ways. Usually none, and then no block is scanned word by word."""
        prose = doc.prose
        if "-" not in prose:
            return set()
        pairs = set(_HYPHENATED.findall(prose))
        if not pairs:
            return set()
        spaced = _prose.spaced(doc)
        return {p for p in pairs if p[1] not in _PARTICLES and f"{p[0]} {p[1]}" in spaced}

    @staticmethod
    def _attributive(text: str, end: int) -> bool:
        """True when a lowercase word that can be a noun follows directly (the compound modifies it)."""
        m = _NEXT_WORD().match(text, end)
        return bool(m) and m.group(1) not in _SKIP_AFTER and not m.group(1).endswith("ly")


_ORG_HEADS = frozenset(
    """organization organisation council union party agency bank fund association committee commission ministry
    department office institute university court service corporation company group front army force authority
    league federation alliance movement board bureau centre center foundation society assembly parliament congress
    senate treaty programme program""".split()
)
_FUNCTION = frozenset("of and for the on in to a an at by with de la du des".split())
_LEAD_STOP = frozenset("me him her us them it you we they he she his its their our my your who which that this".split())
# Three to six capitals standing alone; the look-behind comes after three capitals, which the engine finds fast.
_ACRONYM = _prose.lazy(r"\p{Lu}{3}(?<![\p{L}\p{N}]\p{Lu}{3})\p{Lu}{0,3}(?![\p{L}\p{N}])")
_ACRONYM_ASCII = regex.compile(r"[A-Z]{3}(?<![\p{L}\p{N}][A-Z]{3})[A-Z]{0,3}(?![\p{L}\p{N}])")
_OTHER_CAPITAL = _prose.lazy(r"[^\x00-\x7f](?<=\p{Lu})")


_RUN_OF_WORDS = _prose.lazy(r"\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)+")
_LOWER_WORD = _prose.lazy(r"\b\p{Ll}+\b")
_EXPANSION_WORD = _prose.lazy(r"\p{L}[\p{L}'’]*")
# Lowercase letters whose str.upper() is a capital other than their own (CPython 3.11 Unicode tables, escaped so
# no editor normalises them; a test recomputes it): an expansion may start with any lowercase letter that
# upper-cases to the acronym's first letter.
_OTHER_LOWER = {"\u039c": "\u00b5", "I": "\u0131", "S": "\u017f", "\u0399": "\u0345\u1fbe", "\u03a3": "\u03c2",
                "\u0392": "\u03d0", "\u0398": "\u03d1", "\u03a6": "\u03d5", "\u03a0": "\u03d6", "\u039a": "\u03f0",
                "\u03a1": "\u03f1", "\u0395": "\u03f5", "\u0412": "\u1c80", "\u0414": "\u1c81", "\u041e": "\u1c82",
                "\u0421": "\u1c83", "\u0422": "\u1c84\u1c85", "\u042a": "\u1c86", "\u0462": "\u1c87",
                "\ua64a": "\u1c88", "\u1e60": "\u1e9b"}
_LEADS: dict[str, regex.Pattern | None] = {}


def _lead(letter: str) -> regex.Pattern | None:
    """Where an expansion of an acronym starting with letter can start: a word of three or more characters at a
    word start (not after "x'") opening with a lowercase form of letter, then spaces and a word whose first
    letter is not lowercase (checked again with str.isupper: the regex and Python Unicode tables can differ).
    The literal first letter lets the engine skip ahead; None when no lowercase letter upper-cases to letter."""
    if letter not in _LEADS:
        firsts = {c for c in letter.lower() + _OTHER_LOWER.get(letter, "") if c.islower() and c.upper() == letter}
        if len(_LEADS) > 512:
            _LEADS.clear()
        _LEADS[letter] = regex.compile(
            r"(?<!\p{L}['’]*)([" + "".join(regex.escape(c) for c in sorted(firsts)) + r"][\p{L}'’-]{2,})"
            r"(?=\s+([^\P{L}\p{Ll}]))") if firsts else None
    return _LEADS[letter]


_WORD_PART = regex.compile(r"\w+")


def _spell(text: str, start: int, acronym: str) -> int | None:
    """End of the words from start whose initials spell acronym (function words skipped after the first)."""
    k, n = 0, len(acronym)
    for m in _EXPANSION_WORD().finditer(text, start):
        word = m.group()
        if k and word.lower() in _FUNCTION:
            continue
        if word[0].upper() != acronym[k]:
            return None
        k += 1
        if k == n:
            return m.end()
    return None


def _term_words(term: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """(needs, triggers) for a term: needs are parts every match puts among doc.words exactly (parts of middle
    words, inner parts of the end words); triggers are the outer parts of the end words, one of which is there
    unless both ends are glued to digits. None triggers: a term no word test can rule out."""
    words = [fold(w) for w in term.split()]
    parts = [w.replace("-", " ").replace("'", " ").split() for w in words]
    if len(words) < 2 or not all(_WORD_PART.fullmatch(p) for ps in parts for p in ps):
        return frozenset(), None
    needs = {p for ps in parts[1:-1] for p in ps} | set(parts[0][1:]) | set(parts[-1][:-1])
    return frozenset(needs), frozenset((parts[0][-1], parts[-1][0]))


class TermCase(Kind):
    """Keys: terms (common-noun phrases written in lowercase). Flags a phrase whose words mix capitals and
    lowercase mid-sentence ("liquefied Petroleum Gas"): a listed term, or the expansion of an acronym the
    document uses. Common terms are fixed to lowercase, organisation names to Title Case."""

    NAME = "term-case"
    KEYS = {"terms": list}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def __init__(self, rule) -> None:
        super().__init__(rule)
        # Longest first, as the original single alternation tried them; each term is searched on its own (in the
        # lower-cased text, compiled on first use) and the alternation's leftmost-longest choice is replayed.
        self.terms = sorted(rule.params.get("terms", []), key=len, reverse=True)
        self._patterns: dict[int, regex.Pattern] = {}
        self.needs: list[frozenset[str]] = []  # words every match of the term puts among doc.words
        self.by_trigger: dict[str, list[int]] = {}  # end words: one of them is among doc.words for any match
        self.always: list[int] = []  # terms no word test can rule out
        for index, term in enumerate(self.terms):
            needs, triggers = _term_words(term)
            self.needs.append(needs)
            if triggers is None:
                self.always.append(index)
            for trigger in triggers or ():
                self.by_trigger.setdefault(trigger, []).append(index)
        self.triggers = frozenset(self.by_trigger)

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        in_scope = [b.scope in scopes for b in doc.blocks]
        terms = self._term_matches(doc, in_scope)
        acronyms = self._acronyms(doc, in_scope)
        expansions = self._expansions(doc, acronyms, in_scope) if acronyms else {}
        if not terms and not expansions:
            return
        lowercase_words: set[str] | None = None
        for index, block in enumerate(doc.blocks):
            if index not in terms and index not in expansions:
                continue
            text = block.text
            flagged: set[int] = set()
            for start, end in terms.get(index, ()):
                phrase = text[start:end]
                if phrase.islower():  # no capital: _lowercase_lead needs one
                    continue
                if self._lowercase_lead(phrase, strict=False) and self._mixed(text, start, phrase):
                    flagged.add(start)
                    yield self.finding(doc, block, start, end, self._fix(text, start, phrase, common=True))
            for start, end in expansions.get(index, ()):
                if start in flagged:
                    continue
                phrase = text[start:end]
                # Only "liquefied Petroleum Gas": a lowercase word opening an otherwise capitalised expansion,
                # inside one run of words (names like "Cambridge University, said" cross punctuation).
                if not self._lowercase_lead(phrase, strict=True):
                    continue
                # The capitalised words are common nouns the document also writes in lowercase ("gas"),
                # not a name ("chief executive Doug Smith").
                if lowercase_words is None:
                    lowercase_words = {m.group() for i, b in enumerate(doc.blocks) if in_scope[i]
                                       for m in _LOWER_WORD().finditer(b.text)}
                if not any(w.lower() in lowercase_words for w in phrase.split()[1:] if w[0].isupper()):
                    continue
                if self._mixed(text, start, phrase):
                    flagged.add(start)
                    yield self.finding(doc, block, start, end, self._fix(text, start, phrase, common=None),
                                       suggestions=self._options(text, start, phrase))

    def _pattern(self, index: int) -> regex.Pattern:
        """The term in lower case, not inside a word; the look-behind after the first word, so that the engine
        scans for that word (a literal) first."""
        pattern = self._patterns.get(index)
        if pattern is None:
            words = [regex.escape(w) for w in self.terms[index].lower().split()]
            pattern = self._patterns[index] = regex.compile(
                words[0] + r"(?<![\p{L}-]" + words[0] + ")" + "".join(r"\s+" + w for w in words[1:]) + r"(?![\p{L}-])")
        return pattern

    def _term_matches(self, doc: Document, in_scope: list[bool]) -> dict[int, list[tuple[int, int]]]:
        """Block index -> (start, end) of the listed terms, as one case-insensitive alternation of all terms
        (longest first, leftmost, non-overlapping) would find them block by block."""
        words = doc.words
        hits = words & self.triggers
        if not hits and not self.always:
            return {}
        candidates = set(self.always)
        for word in hits:
            candidates.update(self.by_trigger[word])
        candidates = [i for i in candidates if self.needs[i] <= words]
        if not candidates:
            return {}
        lowered = _prose.lowered(doc)
        found = []
        for index in candidates:
            pattern = self._pattern(index)
            if pattern.search(lowered) is None:  # the usual case; a plain search is the cheaper scan
                continue
            for m in pattern.finditer(lowered, overlapped=True):
                found.append((m.start(), index, m.end()))
        prose = doc.prose
        if all(prose[start:end].islower() for start, _, end in found):
            return {}  # a finding needs a capital inside the term
        found.sort()
        out: dict[int, list[tuple[int, int]]] = {}
        last_end = -1
        for start, _, end in found:
            if start < last_end:
                continue
            place = _prose.locate(doc, start, end)
            if place is None:  # across a block break: the per-block search never sees it
                continue
            last_end = end
            block, offset = place
            if in_scope[block]:
                out.setdefault(block, []).append((offset, offset + end - start))
        return out

    @staticmethod
    def _acronyms(doc: Document, in_scope: list[bool]) -> list[str]:
        """The distinct acronyms of the checked blocks, in order of first use."""
        prose = doc.prose
        # Without capitals outside A-Z, [A-Z] is \p{Lu} and the engine scans for it much faster.
        pattern = _ACRONYM_ASCII if prose.isascii() or not _OTHER_CAPITAL().search(prose) else _ACRONYM()
        if all(in_scope):
            return list(dict.fromkeys(pattern.findall(prose)))
        return list(dict.fromkeys(a for i, b in enumerate(doc.blocks) if in_scope[i] for a in pattern.findall(b.text)))

    @staticmethod
    def _expansions(doc: Document, acronyms: list[str], in_scope: list[bool]) -> dict[int, list[tuple[int, int]]]:
        """Block index -> (start, end) of runs of words (function words allowed between) whose initials spell
        an acronym, acronym by acronym, each in text order; only runs that open with a lowercase word of three
        or more characters followed by a capitalised word (no other run survives _lowercase_lead)."""
        hits = []
        for letter in dict.fromkeys(a[0] for a in acronyms):
            lead = _lead(letter)
            if lead is None:
                continue
            for m in lead.finditer(doc.prose, overlapped=True):  # "self-driving Car": "driving" starts one too
                if not m.group(2).isupper() or m.group(1).lower() in _LEAD_STOP:
                    continue
                place = _prose.locate(doc, m.start(), m.end(2))  # the capitalised word in the same block
                if place is None or not in_scope[place[0]]:
                    continue
                block, start = place
                for index, acronym in enumerate(acronyms):
                    if acronym[0] == letter:
                        end = _spell(doc.blocks[block].text, start, acronym)
                        if end is not None:
                            hits.append((block, index, start, end))
        out: dict[int, list[tuple[int, int]]] = {}
        for block, _, start, end in sorted(hits):
            out.setdefault(block, []).append((start, end))
        return out

    @staticmethod
    def _lowercase_lead(phrase: str, strict: bool) -> bool:
        """A lowercase content word opens the phrase and capitals follow ("liquefied Petroleum Gas"); strict:
        every later content word is capitalised and the words form one run (no punctuation between)."""
        if not _RUN_OF_WORDS().fullmatch(phrase):
            return False
        words = phrase.split()
        if not words[0][0].islower() or words[0].lower() in _LEAD_STOP or len(words[0]) < 3:
            return False
        if strict and words[1].lower() in _FUNCTION:
            return False
        later = [w for w in words[1:] if w.lower() not in _FUNCTION]
        return all(w[0].isupper() for w in later) if strict else any(w[0].isupper() for w in later)

    @staticmethod
    def _mixed(text: str, start: int, phrase: str) -> bool:
        before = text[:start].rstrip(" \t\"“‘'(")
        sentence_initial = not before or before[-1] in ".!?:\n"
        content = [w for w in phrase.split() if w.lower() not in _FUNCTION]
        if sentence_initial:
            content = content[1:]
        caps = [w[0].isupper() for w in content]
        return len(content) >= 1 and any(caps) and not all(caps) and not any(w.isupper() and len(w) > 1 for w in content)

    def _options(self, text: str, start: int, phrase: str) -> tuple[str, ...]:
        lower = self._fix(text, start, phrase, common=True)
        title = self._fix(text, start, phrase, common=False)
        last = phrase.split()[-1].lower()
        return (title, lower) if last in _ORG_HEADS else (lower, title)

    def _fix(self, text: str, start: int, phrase: str, common: bool | None) -> str:
        if common is None:
            return self._options(text, start, phrase)[0]
        words = phrase.split(" ")
        if common:
            out = [w.lower() if not (w.isupper() and len(w) > 1) else w for w in words]
        else:
            out = [w if w.lower() in _FUNCTION and i else w[:1].upper() + w[1:] for i, w in enumerate(words)]
        before = text[:start].rstrip(" \t\"“‘'(")
        if common and (not before or before[-1] in ".!?:\n"):
            out[0] = out[0][:1].upper() + out[0][1:]
        return " ".join(out)
