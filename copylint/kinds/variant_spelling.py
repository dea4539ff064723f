"""variant-spelling (document level): one word spelled in two variants (US/UK pairs, -ize/-ise)."""
from __future__ import annotations

import collections
from typing import Iterable, Iterator

import regex

from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from . import _prose
from .base import PROSE_SCOPES, Kind, match_case


_TOKEN = _prose.lazy(r"[\p{L}]+(?:[-'’][\p{L}]+)*")
_SUFFIXES = ("", "s", "es", "'s", "’s", "s'", "s’", "ed", "d", "ing", "er", "ers", "or", "ors", "ation", "ations",
             "al", "ally", "ly", "ment", "ments", "able", "ably", "ite", "ites", "ful", "less", "hood", "hoods")
_IZE = _prose.lazy(r"(?P<stem>\p{L}{3,}?)(?P<v>is|iz|ys|yz)(?P<suf>e|es|ed|ing|ation|ations|er|ers|able)",
                   regex.IGNORECASE)
_IZE_SKIP = frozenset({"pr", "s", "se", "capsi", "expert", "franch", "merchand", "advert", "enterpr", "exerc", "compr",
                       "surpr", "superv", "telev", "dev", "rev", "adv", "desp", "disgu", "chast", "improv", "prem", "prom",
                       "dem", "exc", "inc", "w", "r", "ar", "ra", "pra", "no", "po", "cru", "bru", "gu", "repr", "parad"})


_HOUSE_VARIANT = {"en-US": 0, "en-GB": 1}  # the lexicon pairs' American form first, British second
_TABLES = frozenset(("pairs", "exact", "covered", "variant_stems", "family_pairs"))  # what _tables builds


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
        self._votes: dict[str, tuple[tuple, int]] = {}

    def __getattr__(self, name: str) -> object:
        """The tables built from the lexicon (_tables), on first use: the house rule needs them only with a
        dialect configured, and building them is a good part of a cold start."""
        if name not in _TABLES:
            raise AttributeError(name)
        self._tables()
        return self.__dict__[name]

    def _tables(self) -> None:
        # American/British lexicon pairs: whole forms -> (family, variant, pair index); variant 0 is American, 1 British.
        # One family per American lemma, so "organized" and "organize" vote together.
        self.pairs: list[tuple[str, str, bool]] = []  # (form 0, form 1, American/British?)
        self.exact: dict[str, tuple[int, int, int]] = {}
        self.family_pairs: dict[int, list[int]] = {}  # a pair family's pairs, in order
        # Every word that can get a table or name key is one of these, a name or an exact form (_listed): a
        # document with none of them among its words (and no -iz-/-yz- word) spells nothing two ways.
        self.covered = frozenset(stem + suffix for stem in self.stems for suffix in _SUFFIXES)
        if self.rule.params.get("lexicon", False):
            self._add_lexicon()
        # The stems (or names) of each table or name family's variants, to test whether an unseen variant occurs
        # at all (a pair family's forms are read from its pairs: _variants).
        self.variant_stems: dict[tuple, dict[int, list[str]]] = {}
        for kind, table in (("table", self.stems), ("name", self.names)):
            for stem, (g, v) in table.items():
                self.variant_stems.setdefault((kind, g), {}).setdefault(v, []).append(stem)

    def _listed(self, word: str) -> bool:
        return word in self.covered or word in self.names or word in self.exact

    def _variants(self, family: tuple) -> dict[int, list[str]]:
        """The forms (stems, names) of each variant of a voting family."""
        if family[0] != "pair":
            return self.variant_stems[family]
        pairs = [self.pairs[n] for n in self.family_pairs[family[1]]]
        return {0: [pair[0] for pair in pairs], 1: [pair[1] for pair in pairs]}

    def _add_lexicon(self) -> None:
        from ..data.lexicon import spelling_variants

        covered = self.covered
        families: dict[str, int] = {}
        pairs, exact = self.pairs, self.exact
        for first, second, family in spelling_variants():
            a, b = first.lower(), second.lower()
            if a in exact or b in exact or a in covered or b in covered:
                continue  # the hand table (house-preferred forms) or an earlier pair already has it
            g = families.setdefault(family, len(families))
            n = len(pairs)
            self.family_pairs.setdefault(g, []).append(n)
            pairs.append((a, b, True))
            exact[a] = (g, 0, n)
            exact[b] = (g, 1, n)

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
        hits = (words & self.covered) | (words & self.names.keys()) | (words & self.exact.keys())
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
                for variant, stems in self._variants(family).items():
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
                if self._listed(token):
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
        return self._listed(lower) or (self.ize and ("is" in lower or "iz" in lower or "ys" in lower or "yz" in lower))

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
