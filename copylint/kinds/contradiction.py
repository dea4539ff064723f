"""contradiction: the same term described two incompatible ways in one document (appositives, which/that clauses)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..document import Document
from ..data.compass import distance_km
from ..data.literals import fold, holds
from ..data.mentions import space_before
from ..errors import RuleError
from ..model import Finding
from ..registry import LazyPattern, compile_regex
from .base import Kind

# "TERM, a gas that ..." / "TERM, which is used ..." / "TERM that's widely used ..."
_DESCRIPTION_RX = (
    r"(?:,\s+(?P<appos>(?:a|an)\s)|,\s+which(?:['’]s|\s+is|\s+are)\s|\s+(?:that|which)(?:['’]s|\s+is|\s+are)\s)"
    r"(?P<desc>[^,;.()\[\]—–:!?\"“”]{3,140})")
# Where a description may start: a comma before "a", "an" or "which", or "that"/"which" after white space.
# (The standard library's \s is a superset of the regex module's, so no start is missed.) One pattern a
# word: led by a literal, each is a fast string search (their matches cannot overlap).
_COMMA_START = re.compile(r",\s+(?:an?\s|which)")
_CLAUSE_STARTS = (re.compile(r"that(?:['’]s|\s+is|\s+are)\s"), re.compile(r"which(?:['’]s|\s+is|\s+are)\s"))
_STOP = frozenset("""a an the of for in on at to by with and or but from as is are was were its their his her this that
    these those price prices type kind sort""".split())
_WORD = regex.compile(r"[\w'’-]+")
_LAST_WORD = regex.compile(r"(?r)[\w'’-]+")  # searched backwards: the last (maximal) word of a window


@lru_cache(maxsize=None)
def _description() -> regex.Pattern:
    return regex.compile(_DESCRIPTION_RX)


def descriptions(text: str, starts: list[tuple[int, int]] | None = None) -> Iterator[regex.Match]:
    """The matches of the description pattern, as its finditer() gives them, but tried only where one may
    start (a full scan tries the leading white space of the "that/which" branch at every space): at the
    given (first, last) ranges, sorted, a superset of _starts(text)'s, else at those."""
    starts = _starts(text) if starts is None else starts
    rx = _description() if starts else None
    pos = 0
    for first, last in starts:
        if last < pos:
            continue
        m = rx.match(text, max(first, pos))
        if m is not None:
            yield m
            pos = m.end()


def _starts(text: str) -> list[tuple[int, int]]:
    """The ranges where a description may start, sorted: a comma, or the white space before "that"/"which"
    (any start in that run gives the same match)."""
    return sorted(start for start, _ in _anchored_starts(text))


def _anchored_starts(text: str) -> Iterator[tuple[tuple[int, int], int]]:
    """Each start range of _starts with the position of its comma or clause word."""
    for m in _COMMA_START.finditer(text):
        yield (m.start(), m.start()), m.start()
    for clause in _CLAUSE_STARTS:
        for m in clause.finditer(text):
            k = m.start()
            first = space_before(text, k)
            if first < k:
                yield (first, k - 1), k


def _start_ranges(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """The start ranges of every block, from one scan of the prose: a superset of each block's _starts (a
    start the blocks' joints give fails to match there), ranges cut at the block's start; none when the prose
    holds fewer than two (no term can be described twice)."""
    anchored = list(_anchored_starts(doc.prose))
    if len(anchored) < 2:
        return {}
    bases = doc.block_starts
    found: dict[int, list[tuple[int, int]]] = {}
    for (first, last), at in anchored:
        index = bisect_right(bases, at) - 1
        base = bases[index]
        found.setdefault(index, []).append((max(first - base, 0), last - base))
    for starts in found.values():
        starts.sort()
    return found


class _Pattern:
    """A facet's pattern, compiled the first time a description holds one of the strings it needs."""

    __slots__ = ("rule", "key", "source", "needs", "compiled")

    def __init__(self, rule, key: str, source: str) -> None:
        from ..data.literals import required

        self.rule, self.key, self.source = rule, key, source
        self.needs = required(source)
        self.compiled: regex.Pattern | None = None

    def may_match(self, folded: str) -> bool:
        return self.needs is None or any(s in folded for s in self.needs)

    def search(self, text: str) -> regex.Match | None:
        if self.compiled is None:
            self.compiled = compile_regex(self.rule, self.key, self.source, regex.IGNORECASE)
        return self.compiled.search(text)


@dataclass(frozen=True, slots=True)
class _Facet:
    name: str
    values: tuple[tuple[str, _Pattern], ...]
    skip: _Pattern | None


@dataclass(frozen=True, slots=True)
class _Said:
    """One description of a term: which value of which facet, where (block, span), and the words used."""

    term: str
    facet: str
    value: str
    block: int
    start: int
    end: int
    words: str


def term_before(text: str, end: int) -> str:
    """The up-to-four-word term just before `end`, stopping at punctuation and function words."""
    words: list[str] = []
    pos = end
    while len(words) < 4:
        m = _LAST_WORD.search(text, max(0, pos - 40), pos)  # the last of _WORD.finditer over the same window
        if m is None or text[m.end():pos].strip():
            break
        if m.group().lower() in _STOP:
            break
        words.insert(0, m.group())
        pos = m.start()
    return " ".join(words)


def same_term(a: str, b: str) -> bool:
    """Equal ignoring case, one is the other's acronym ('LPG' and 'liquefied petroleum gas'), or a name ends
    with the other ('Senator Ann Lee' and 'Lee')."""
    if a.casefold() == b.casefold():
        return True
    wa, wb = _unstyled(a.split()), _unstyled(b.split())
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if short and all(w[:1].isupper() for w in long) and long[-len(short):] == short:
        return True
    for short, long in ((a, b), (b, a)):
        parts = long.replace("-", " ").split()
        if short.isupper() and 2 <= len(short) <= 6 and len(parts) == len(short):
            if "".join(p[0] for p in parts).upper() == short:
                return True
    return False


_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. mx dr dr. prof prof. sir dame".split())


def _unstyled(words: list[str]) -> list[str]:
    """A name without its honorific ('Mr Smith' -> 'Smith'), unless that is all it is."""
    return words[1:] if len(words) > 1 and words[0].casefold() in _HONORIFICS else words


class Contradiction(Kind):
    """Keys: [[facet]] tables — name, values ({value = [regexes]} matched from the description's start), and
    skip (a regex: descriptions matching it are not judged on this facet, e.g. 'former')."""

    NAME = "contradiction"
    KEYS = {"facet": list, "quantity": list, "measure": dict, "restated": dict, "retyped": list}
    REQUIRED = ("facet",)
    DOCUMENT_LEVEL = True

    @classmethod
    def validate(cls, rule) -> None:
        for i, facet in enumerate(rule.params["facet"]):
            if not isinstance(facet, dict) or set(facet) - {"name", "values", "skip"} or "values" not in facet:
                raise RuleError(rule.path, f"facet[{i}]", "needs name and values (and optionally skip), nothing else")
        measure = rule.params.get("measure")
        if measure is not None and (set(measure) - {"units", "skip", "tolerance", "same", "of", "stock", "land"}
                                    or not isinstance(measure.get("units"), dict)
                                    or not isinstance(measure.get("skip"), str)
                                    or not all(isinstance(g, list) for g in measure.get("same", []))):
            raise RuleError(rule.path, "measure", "needs units (a table of unit = [aliases]) and skip, and optionally "
                            "tolerance, same (lists of words that stand for one another), stock (units whose rate per period is the same figure), land (units whose 'of' "
                            "names the ground's kind) and of (words a figure 'of' may measure and still be the noun's)")
        for i, family in enumerate(rule.params.get("retyped", ())):
            if not isinstance(family, dict) or set(family) != {"general", "kinds"}:
                raise RuleError(rule.path, f"retyped[{i}]", "needs general (words for any kind) and kinds (groups of words "
                                "for one kind), nothing else")
        restated = rule.params.get("restated")
        if restated is not None and (set(restated) - {"tolerance", "near", "near_later", "after", "skip", "not_heads", "not_counted",
                                                       "counted", "single", "same"}
                                     or not all(isinstance(restated.get(k), str) for k in ("near", "near_later", "after", "skip"))):
            raise RuleError(rule.path, "restated", "needs near, near_later, after and skip (regexes), and optionally tolerance, "
                            "not_heads, not_counted, single (lists of nouns), counted and same (lists of word groups)")
        for facet in cls._facets_of(rule):
            for pattern in (*(p for _, p in facet.values), facet.skip):
                if pattern is not None:
                    pattern.search("")  # a bad pattern is an error when the rule is loaded

    @staticmethod
    def _facets_of(rule) -> list[_Facet]:
        return [
            _Facet(
                f.get("name", f"facet{i}"),
                tuple((value, _Pattern(rule, f"facet.{value}", "|".join(f"(?:{p})" for p in patterns)))
                      for value, patterns in f["values"].items()),
                _Pattern(rule, "facet.skip", f["skip"]) if f.get("skip") else None,
            )
            for i, f in enumerate(rule.params["facet"])
        ]

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.facets = self._facets_of(rule)  # patterns are compiled on first use: few documents need them

    def check(self, doc: Document) -> Iterable[Finding]:
        quantities = list(self._quantities(doc))
        yield from quantities
        measures = [f for f in self._measures(doc) if not any(f.start < q.end and q.start < f.end for q in quantities)]
        yield from measures
        yield from (f for f in self._restated(doc)
                    if not any(f.start < q.end and q.start < f.end for q in (*quantities, *measures)))
        yield from self._retyped(doc)
        starts = _start_ranges(doc)
        if not starts:
            return
        described = [(index, block.text, m) for index, block in self.blocks(doc) if index in starts
                     for m in descriptions(block.text, starts[index])]
        if len(described) < 2:
            return
        found = []
        for index, text, m in described:
            term = term_before(text, m.start())
            if term:
                found.append((index, text, term, m))
        if len(found) < 2:
            return
        # Only a term described at least twice can be described two ways.
        partnered = _partnered([term for _, _, term, _ in found])
        said: list[_Said] = []
        for (index, text, term, m), keep in zip(found, partnered):
            if not keep:
                continue
            block = doc.blocks[index]
            for item in self._judge(index, text, term, m):
                earlier = next((s for s in said if s.facet == item.facet and s.value != item.value
                                and same_term(s.term, item.term)), None)
                if earlier is not None:
                    first = doc.blocks[earlier.block]
                    line = doc.source.count("\n", 0, first.to_source(earlier.start)) + 1
                    yield self.finding(doc, block, item.start, item.end, None, term=item.term, line=line,
                                       earlier=earlier.words, value=item.value, other=earlier.value)
                else:
                    said.append(item)

    def _quantities(self, doc: Document) -> Iterator[Finding]:
        """The same term given two values of one quantity ("founded in 1990" ... "founded in 1985"), each read by
        a [[quantity]] pattern (the term: its group 'term', else the words before the match)."""
        quantities = self.rule.params.get("quantity", [])
        if not quantities:
            return
        said: list[tuple[str, str, float, int, int, int, str]] = []  # (quantity, term, value, block, start, end, text)
        blocks = self._texts(doc)
        if not blocks:
            return
        patterns = self._quantity_patterns()
        # no match can lack a string every match holds (nor a figure, for a pattern whose value is one): each
        # pattern is tried only in the blocks that hold them
        gates = _BlockGate([fold(text) for _, text in blocks], self._gate_automaton())
        digits = gates.digits()
        tried: dict[int, list[tuple[dict, _Quantity]]] = {}  # per block (its bit), the patterns to try, in order
        for q, pattern in patterns:
            mask = (digits if pattern.digits else -1) & (gates.mask(pattern.gate) if digits or not pattern.digits else 0)
            while mask:
                low = mask & -mask
                tried.setdefault(low.bit_length() - 1, []).append((q, pattern))
                mask ^= low
        for bit in sorted(tried):
            index, text = blocks[bit]
            block = doc.blocks[index]
            matches = sorted(((m, q) for q, pattern in tried[bit] for m in pattern.finditer(text)),
                             key=lambda mq: mq[0].start())
            for m, q in matches:  # in the order the text gives them
                term = m.group("term") if "term" in m.re.groupindex and m.group("term") else \
                    q.get("term") or ("" if "pron" in m.re.groupindex else _name_before(text, m.start()))
                if "term2" in m.re.groupindex and m.group("term2"):
                    term = f"{term} | {m.group('term2')}"
                if "one" in m.re.groupindex:  # "the 57-year-old said": the one term given this quantity before, if one was
                    earlier = {o[1] for o in said if o[0] == q["name"]}
                    term = next(iter(earlier)) if len(earlier) == 1 else ""
                    if not term:
                        continue
                if not term:  # "since its founding in 1990": the last term given this quantity
                    term = next((o[1] for o in reversed(said) if o[0] == q["name"]), "")
                if not term and ("pron" in m.re.groupindex or regex.search(r"\b(?:its|their)\b", m.group())):
                    after = _SUBJECT_AFTER.match(text, m.end())  # "Since its founding in 1990, the bank has grown"
                    term = (after.group("name") or after.group("noun")) if after else _IT  # "its headquarters in Perth", "since its founding in 1990" said first: the one the
                    # story is about, whichever is named next
                if not term:
                    continue
                term = _named(term, [o[1] for o in said if o[0] == q["name"]])
                if q.get("country"):
                    term = _country_term(term)
                given = m.group("value") if "value" in m.re.groupindex and m.group("value") else q.get("value", "")
                read = given  # what the value is read from: "daily flights to Lima": the route tells which service
                if "route" in m.re.groupindex and m.group("route"):
                    read = f"{given}{_ROUTE}{m.group('route')}"
                if q.get("skip") and _skip(q["skip"]).search(text, max(0, m.start() - 30), m.end()):
                    continue  # "former finance minister", "now foreign minister": a change told, not a slip
                value = _quantity_value(read) if not q.get("compare") else _text_value(q["compare"], read)
                if value is None or q.get("max") is not None and value > q["max"]:
                    continue
                if _shared_surname(term, [o[1] for o in said if o[0] == q["name"]]):
                    continue  # "Biden" after Joe Biden and Jill Biden: either
                span = m.span("value") if "value" in m.re.groupindex and m.group("value") else m.span()
                for other in said:
                    if other[0] != q["name"] or not _same_entity(other[1], term):
                        continue
                    if _IT in (other[1], term) and len({o[1].casefold() for o in said
                                                        if o[0] == q["name"] and _IT != o[1]} | {term.casefold()}) > 2:
                        continue  # "its" said first, then two names: which one it was is not known
                    if q.get("compare"):
                        differ = not _texts_agree(other[2], value)
                    else:
                        differ = abs(other[2] - value) > float(q.get("tolerance", 0)) * max(abs(value), abs(other[2]))
                    if differ:
                        first = doc.blocks[other[3]]
                        line = doc.source.count("\n", 0, first.to_source(other[4])) + 1
                        yield self.finding(doc, block, *span, None, term=other[1] if term == _IT else term,
                                           line=line, earlier=other[6],
                                           value=_said_as(q, given), other=_said_as(q, other[6]))
                        break
                else:
                    if q.get("compare") == "listing" and any(o[0] == q["name"] and _same_entity(o[1], term)
                                                             for o in said):
                        continue  # one listing agreed with is enough ("listed in London and Johannesburg")
                    said.append((q["name"], term, value, index, span[0], span[1], given))

    def _measures(self, doc: Document) -> Iterator[Finding]:
        """A unit the article gives exactly two figures, once as a compound ('the 450-megawatt plant') and once
        plain ('about 500 megawatts'), with no change or comparison told: one figure is likely a slip."""
        from .measures import conflicts, measures

        table = self.rule.params.get("measure")
        if not table or not _DIGIT.search(doc.prose):
            return
        units = tuple((name, tuple(aliases)) for name, aliases in table["units"].items())
        blocks = self._texts(doc)
        same = tuple(tuple(group) for group in table.get("same", ()))
        found = measures(blocks, units, _skip(table["skip"]), frozenset(table.get("stock", ())),
                         frozenset(table.get("land", ())))
        of = tuple(table.get("of", ()))
        for first, later in conflicts(found, float(table.get("tolerance", 0)), same, of):
            compound = first if first.form == "c" else later if later.form == "c" else None
            term = compound.noun if compound else next(w for group in same for w in group if w in first.clause
                                                       and later.clause & set(group))
            block = doc.blocks[later.block]
            line = doc.source.count("\n", 0, doc.blocks[first.block].to_source(first.start)) + 1
            yield self.finding(doc, block, later.start, later.end, None, term=term, line=line,
                               earlier=first.words, value=later.words, other=first.words)

    def _texts(self, doc: Document) -> list[tuple[int, str]]:
        """(block index, text) of the blocks this rule reads, once per document for its three figure passes."""
        return doc.memo((id(self), "texts"), lambda: [(index, block.text) for index, block in self.blocks(doc)])

    def _restated(self, doc: Document) -> Iterator[Finding]:
        """A figure with its unit modifying a noun ('a 12-year concession'), restated with another figure in a later
        definite phrase for the same noun ('the 20-year concession')."""
        from ._restated import phrases, restated

        table = self.rule.params.get("restated")
        if not table:
            return
        measure = self.rule.params.get("measure") or {}
        same = tuple(tuple(g) for g in (*measure.get("same", ()), *table.get("same", ())))
        found = phrases(self._texts(doc), _skip(table["skip"]), _skip(table["near"]), _skip(table["after"]),
                        frozenset(table.get("not_heads", ())),
                        frozenset(table.get("not_counted", ())),
                        {a.casefold(): name for name, aliases in measure.get("units", {}).items() for a in (name, *aliases)},
                        _skip(table["near_later"]))
        counted = tuple(tuple(g) for g in table.get("counted", ()))
        single = frozenset(table.get("single", ()))
        for first, later in restated(found, float(table.get("tolerance", 0)), same, counted, single):
            block = doc.blocks[later.block]
            line = doc.source.count("\n", 0, doc.blocks[first.block].to_source(first.start)) + 1
            yield self.finding(doc, block, later.start, later.end, None, term=f"the {later.head}", line=line,
                               earlier=first.words, value=later.words, other=first.words)

    def _retyped(self, doc: Document) -> Iterator[Finding]:
        """One named thing of a family ('Ocean Star, a bulk carrier') later called 'the' + another kind ('the tanker')."""
        from ._restated import kinds, retyped

        folded = None
        for family in self.rule.params.get("retyped", ()):
            folded = folded or doc.prose.casefold()
            if not any(w.casefold() in folded for group in family["kinds"] for w in group):
                continue  # no word for a kind: nothing can be called two kinds
            found = kinds(self._texts(doc), tuple(family["general"]), tuple(tuple(g) for g in family["kinds"]))
            for first, later in retyped(found):
                block = doc.blocks[later.block]
                line = doc.source.count("\n", 0, doc.blocks[first.block].to_source(first.start)) + 1
                yield self.finding(doc, block, later.start, later.end, None, term=first.name or f"the {first.words}", line=line,
                                   earlier=first.words, value=f"'the {later.words}'", other=f"a {first.words}")

    def _gate_automaton(self):
        """One automaton over every string the quantity patterns' gates need, built on first use."""
        automaton = getattr(self, "_automaton", None)
        if automaton is None:
            automaton = self._automaton = _automaton(
                {s for _, p in self._quantity_patterns() for strings in p.gate for s in strings})
        return automaton

    def _quantity_patterns(self) -> list[tuple[dict, "_Quantity"]]:
        compiled = getattr(self, "_compiled_quantities", None)
        if compiled is None:
            compiled = self._compiled_quantities = [
                (q, _Quantity(self.rule, f"quantity.{q['name']}", p))
                for q in self.rule.params.get("quantity", []) for p in q["patterns"]]
        return compiled

    def _judge(self, index: int, text: str, term: str, m: regex.Match) -> Iterator[_Said]:
        """The facet values one description gives its term (at most one per facet)."""
        desc_start = m.start("appos") if m.group("appos") else m.start("desc")
        desc = text[desc_start:m.end("desc")]
        folded = fold(desc)
        for facet in self.facets:
            # A value whose strings the description lacks cannot match: try the others, in order.
            values = [(value, rx) for value, rx in facet.values if rx.may_match(folded)]
            if not values or facet.skip is not None and facet.skip.may_match(folded) and facet.skip.search(desc):
                continue
            for value, rx in values:
                hit = rx.search(desc)
                if hit is not None:
                    yield _Said(term, facet.name, value, index, desc_start + hit.start(),
                                desc_start + hit.end(), hit.group())
                    break


def _term_keys(term: str) -> set[tuple[str, str]]:
    """Keys two terms share whenever same_term() holds: the folded term, the last word (a name ending with
    the other), and an acronym ('LPG') or a term's initials ('liquefied petroleum gas' -> 'LPG')."""
    words = term.split()
    keys = {("term", term.casefold())}
    if words:
        keys.add(("last", words[-1]))
    if term.isupper():
        keys.add(("acronym", term))
    parts = term.replace("-", " ").split()
    if parts:
        keys.add(("acronym", "".join(p[0] for p in parts).upper()))
    return keys


def _partnered(terms: list[str]) -> list[bool]:
    """For each term, whether another term may be the same (same_term), judged by shared keys."""
    owners: dict[tuple[str, str], set[int]] = {}
    keys = [_term_keys(t) for t in terms]
    for i, ks in enumerate(keys):
        for k in ks:
            owners.setdefault(k, set()).add(i)
    return [any(len(owners[k]) > 1 for k in ks) for ks in keys]


_NUMBER_WORDS = {"landlocked": 1.0, "coastal": 2.0, "light": 1.0, "medium": 2.0, "heavy": 3.0, "sweet": 1.0,
                 "sour": 2.0}


_COUNTS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}


@lru_cache(maxsize=None)
def _skip(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE)


# Titles written as initials, read as the words they stand for ("CEO" holds "chief executive").
_TITLE_INITIALS = {"ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
                   "cto": "chief technology officer"}


@dataclass(frozen=True, slots=True)
class _Seat:
    """Where an organisation is said to be based: its name's key and the cities (lat, lon, population) the name may be."""

    key: str
    cities: tuple[tuple[float, float, int], ...]


# Two cities this populous are two places however near ("Manizales" and "Pereira", 35 km apart); a smaller one within
# 50 km of a city may be its suburb or satellite ("Salford" for "Manchester").
_BIG_CITY = 300_000


def _near_seats(p: tuple[float, float, int], q: tuple[float, float, int]) -> bool:
    """One place under two names (within 10 km), or a city and a smaller place within 50 km."""
    km = distance_km(p[:2], q[:2])
    return km < 10 or km < 50 and min(p[2], q[2]) < _BIG_CITY


def _text_value(compare: str, given: str):
    """A worded value: a title's words ('Finance Minister' -> ('finance', 'minister')); a nationality's
    country codes ('Kenyan' -> {'KE'}), None for a word that names no country; a home city (a _Seat), None for a
    country's name or a division's that names no town of 100,000 (either may hold the city said elsewhere)."""
    words = tuple(" ".join(_TITLE_INITIALS.get(w, w) for w in given.casefold().replace("-", " ").split()).split())
    if compare == "frequency":
        often, _, route = given.partition(_ROUTE)
        per_day = _per_day(tuple(often.casefold().replace("-", " ").split()))
        return _Frequency(per_day, route.casefold()) if per_day is not None else None
    if compare == "nationality":
        from ..data.gazetteer import gazetteer

        codes = frozenset(gazetteer().country_of_demonym(given))
        return codes or None
    if compare == "cost":  # (currency, amount): "€2 billion", "2 billion-euro", "$400m"
        sign = {"$": "dollar", "€": "euro", "£": "pound"}.get(given.strip()[:1])
        word = regex.search(r"[a-z]+$", given.casefold().strip())
        currency = sign or (word.group().removesuffix("s") if word else "")
        amount = _quantity_value(given.strip().lstrip("$€£ ").replace("-", " "))
        return _Cost(currency, amount) if amount is not None and currency else None
    if compare == "listing":  # a nationality, a country, or the country of a city of 500,000+ ("London-listed")
        from ..data.gazetteer import gazetteer

        g = gazetteer()
        found: set[str] = set()
        for name in regex.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", given):  # "London and Johannesburg": both
            codes = frozenset(g.country_of_demonym(name)) or frozenset(g.countries_named(name))
            found |= codes or {p.country for p in g.places(name) if p.population >= 500_000}
        return frozenset(found) or None
    if compare == "place":
        from ..data.gazetteer import gazetteer
        from ..data.names import name_key

        g = gazetteer()
        if g.countries_named(given):
            return None
        places = g.places(given)
        if g.regions_named(given) and not any(p.population >= 100_000 for p in places):
            return None  # a division, which may hold the city said elsewhere
        cities = tuple((p.lat, p.lon, p.population) for p in places)
        return _Seat(name_key(given), cities) if cities else None
    return words or None


_TIMES = {"once": 1, "twice": 2, "thrice": 3, **{w: n for w, n in _COUNTS.items() if n > 2}}
_DAYS = {"day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "daily": 1, "nightly": 1, "annual": 365,
         "weekly": 7, "fortnightly": 14, "monthly": 30, "yearly": 365, "annually": 365,
         **{d: 7 for d in "monday tuesday wednesday thursday friday saturday sunday weekend".split()}}


def _per_day(words: tuple[str, ...]) -> float | None:
    """How often per day a frequency says ('three times a week' -> 3/7, 'every Tuesday' -> 1/7, 'daily' -> 1)."""
    times = _TIMES.get(words[0]) if words else None
    if times is None and words and words[0].isdigit():
        times = int(words[0])
    if times is None:
        times = 1  # 'every week', 'daily'
    days = _DAYS.get(words[-1].removesuffix("s")) if words else None
    return times / days if days else None


_ROUTE = " @ "  # joins a frequency and its route ("daily @ Lima") in a value read


@dataclass(frozen=True, slots=True)
class _Frequency:
    per_day: float
    route: str


@dataclass(frozen=True, slots=True)
class _Cost:
    currency: str
    amount: float


def _texts_agree(a, b) -> bool:
    """Two worded values agree when one holds the other (a 'minister' may be the 'finance minister'), or, for
    nationalities, when they share a country, or, for home cities, when one name may be a city within 50 km of one
    the other may be, not both of _BIG_CITY (a suburb, or one city's two names)."""
    if isinstance(a, frozenset):
        return bool(a & b)
    if isinstance(a, _Frequency):  # two routes: two services
        return a.route and b.route and a.route != b.route or abs(a.per_day - b.per_day) <= 0.01 * max(a.per_day, b.per_day)
    if isinstance(a, _Cost):  # another currency: not comparable, so agreeing; within 10%: rounding
        return a.currency != b.currency or abs(a.amount - b.amount) <= 0.1 * max(a.amount, b.amount)
    if isinstance(a, _Seat):
        return a.key == b.key or any(_near_seats(p, q) for p in a.cities for q in b.cities)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _country_term(term: str) -> str:
    """A country's nationality word or one of its names as the country's one name ('Kenyan' and 'Kenya' -> 'Kenya',
    'Britain' -> 'United Kingdom'); any other term as it is."""
    from ..data.gazetteer import gazetteer

    g = gazetteer()
    codes = g.countries_named(term) or (g.country_of_demonym(term) if " " not in term else ())
    return g.display(codes[0]).removeprefix("the ") if len(codes) == 1 else term


def _shared_surname(term: str, earlier: list[str]) -> bool:
    """Whether a one-word name is the last word of two different longer names said before (two Bidens)."""
    if " " in term:
        return False
    owners = {t.casefold() for t in earlier if " " in t and t.split()[-1] == term}
    return len(owners) > 1


def _said_as(quantity: dict, given: str) -> str:
    if quantity.get("compare") == "listing":  # "listed in Australia" for "Australian-listed"
        from ..data.gazetteer import gazetteer

        codes = gazetteer().country_of_demonym(given)
        given = gazetteer().display(codes[0]).removeprefix("the ") if len(codes) == 1 else given
    return given if "value" in quantity else f"{quantity['name']} {given}"


def _quantity_value(text: str) -> float | None:
    """A figure ('1,990', '3.5 million') or a class word, as a number."""
    word = text.casefold().strip()
    if word == "founding member":
        return 0.0
    if word in _COUNTS:
        return float(_COUNTS[word])
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    m = regex.match(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|m|bn)?", word)
    if m is None:
        return None
    scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}.get(m.group(2) or "", 1.0)
    return float(m.group(1).replace(",", "")) * scale


def _name_before(text: str, end: int) -> str:
    """The capitalised name just before end (', ' or an appositive noun phrase between allowed): 'Acme Bank, founded
    in 1990' -> 'Acme Bank'; 'Acme, a grain trader founded in 1990' -> 'Acme'."""
    m = regex.search(r"(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|the|and|de|for)?\s*\p{Lu}[\p{L}'’-]*){0,5})"
                     r"(?:,\s+(?:an?|the)\s+(?:[\p{Ll}-]+\s+){1,4}|,?\s*)$",
                     text[max(0, end - 80):end])
    return m.group(1) if m else ""


_DIGIT = re.compile(r"\d")


class _BlockGate:
    """Which of a document's blocks (folded, see data.literals.fold) hold a string, as a bit mask (bit i: block i),
    from one automaton pass per block over every string the patterns need: a pattern's required-literal sets
    (data.literals.required_all) then give the blocks it may match in with a few integer operations, however many
    patterns ask."""

    __slots__ = ("full", "found", "sets", "digit_mask")

    def __init__(self, folded: list[str], automaton) -> None:
        self.full = (1 << len(folded)) - 1
        self.found: dict[str, int] = {}  # per string, the blocks holding it
        self.sets: dict[frozenset[str], int] = {}  # per set of strings, the blocks holding one of them
        self.digit_mask = 0
        found = self.found
        for i, text in enumerate(folded):
            bit = 1 << i
            if _DIGIT.search(text) is not None:
                self.digit_mask |= bit
            for string in {s for _, s in automaton.iter(text)} if text and automaton is not None else ():
                found[string] = found.get(string, 0) | bit

    def mask(self, needs: tuple[frozenset[str], ...]) -> int:
        """The blocks holding one string of each set (every block when there are no sets); the sets are best given
        most selective first: a mask found empty ends the search."""
        mask, found, sets = self.full, self.found, self.sets
        for strings in needs:
            either = sets.get(strings)
            if either is None:
                either = 0
                for s in strings:
                    either |= found.get(s, 0)
                sets[strings] = either
            mask &= either
            if not mask:
                break
        return mask

    def digits(self) -> int:
        """The blocks holding a digit."""
        return self.digit_mask


def _automaton(strings: Iterable[str]):
    """An Aho-Corasick automaton over the strings (each its own value)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


# A capitalised word as the mention reader writes it (data.mentions), and the same word read without backtracking into
# it: after a name, every quantity pattern goes on with a comma, a space or "'s" and a space, none of which a shorter
# word's next character (a letter, or a hyphen or an apostrophe before one) can begin, so the matches are the same and
# a failed name costs one try instead of one per letter.
_LETTERS = r"\p{Lu}(?:[\p{L}\p{M}]|-(?=\p{L})|['’](?!s\b)(?=\p{L}))*"
_LETTERS_ONCE = r"\p{Lu}[\p{L}\p{M}]*+(?:(?:-|['’](?!s\b))(?=\p{L})[\p{L}\p{M}]*+)*+"


@lru_cache(maxsize=None)
def _name() -> str:
    """data.mentions.NAME with each word read possessively (_LETTERS_ONCE), or as it is if its words are written
    otherwise."""
    from ..data.mentions import NAME

    return NAME.replace(_LETTERS, _LETTERS_ONCE)


# A letter class of one letter's two cases ('[Ff]'), outside a class of its own.
_CASED = re.compile(r"(?<!\\)\[([A-Z])([a-z])\]")


def _one_case(m: re.Match) -> str:
    """'[Ff]' -> 'f' (the gate reads folded text); other classes as they are."""
    return m.group(2) if m.group(1).lower() == m.group(2) else m.group()


class _Quantity:
    """A quantity pattern ({NAME} for a capitalised name), compiled the first time a block holds the strings every
    match needs (worked out on a copy whose names and letter classes hold no literal)."""

    __slots__ = ("rule", "key", "source", "needs", "gate", "digits", "compiled")

    def __init__(self, rule, key: str, source: str) -> None:
        from ..data.literals import required_all

        self.digits = "(?P<value>\\d" in source  # a figure every match holds
        self.rule, self.key, self.source = rule, key, source
        plain = source.replace("{NAME}", "(?:.+)").replace("\\p{Lu}", "[A-Z]").replace("\\p{L}", "\\w")
        plain = plain.replace("\\p{{Lu}}", "[A-Z]").replace("\\p{{L}}", "\\w")
        self.needs = required_all(plain) if "\\p" not in plain else ()
        # the block gate: these sets and those of the pattern as it runs, most selective first; a letter written in
        # either case ('[Ff]ounded') is one letter in folded text, so its word is a literal there
        sets = dict.fromkeys((*self.needs, *required_all(_CASED.sub(_one_case, self._source())),
                              *(required_all(_CASED.sub(_one_case, plain)) if "\\p" not in plain else ())))
        self.gate = tuple(sorted(sets, key=lambda strings: (-min(map(len, strings)), len(strings))))
        self.compiled: regex.Pattern | None = None

    def _source(self) -> str:
        source = self.source.replace("{NAME}", _name())
        if self.source.startswith(("(?P<term>{NAME}", "(?P<term>\\p{Lu}")):
            source = "(?=\\p{Lu})" + source  # led by a capital: the scan looks for capitals only
        return source

    def finditer(self, text: str) -> Iterator[regex.Match]:
        if self.compiled is None:
            compiled = compile_regex(self.rule, self.key, self._source(), 0)
            # a built-in pattern's own gate (registry.LazyPattern) would test again what the block gate tested
            self.compiled = compiled._compile() if isinstance(compiled, LazyPattern) else compiled
        return self.compiled.finditer(text)


# Words that end an organisation's full name and that copy drops after the first mention ("Acme Holdings" ... "Acme").
_ORG_TAILS = frozenset("""energy group holdings holding bank corp corporation company co inc ltd limited plc llc ag sa
    industries international technologies technology systems motors airlines airways resources mining minerals oil gas
    petroleum power telecom telecoms communications media foods pharmaceuticals partners capital ventures labs
    solutions services enterprises logistics""".split())


def _short_name(short: str, long: str) -> bool:
    """'Acme' for 'Acme Energy' or 'Acme Holdings Ltd': the long name's first words, then only words of _ORG_TAILS."""
    ws, wl = short.split(), long.split()
    if not ws or len(ws) >= len(wl) or not all(w[:1].isupper() for w in wl) or wl[:len(ws)] != ws:
        return False
    return all(w.casefold().rstrip(".") in _ORG_TAILS for w in wl[len(ws):])


# Common nouns news copy uses in turn for one organisation.
_ALIKE = (frozenset("""company firm business group corporation enterprise startup start-up maker manufacturer miner
    lender retailer carrier airline operator producer developer insurer exporter importer trader shipper refiner processor
    supplier distributor grower roaster builder contractor brewer mill""".split()),
          frozenset("project scheme programme program development".split()),
          frozenset("stadium arena ground venue".split()), frozenset("bridge crossing span viaduct".split()),
          frozenset("road highway motorway expressway route".split()), frozenset("railway line railroad".split()),
          frozenset("pipeline line".split()))


# Other bodies copy names once and then calls by their kind ("the bank", "the charity").
_BODIES = frozenset("""bank charity club university college school agency organisation organization foundation institute
    museum party union cooperative co-operative brewery newspaper paper magazine publication tabloid journal network
    team airline band""".split())


def _named(term: str, earlier: list[str]) -> str:
    """'the company' as the organisation last named before for this quantity, else the term as it is."""
    if not term.islower() or not any(term.split()[-1] in group for group in (*_ALIKE, _BODIES)):
        return term
    name = next((t for t in reversed(earlier) if t[:1].isupper() and " | " not in t), term)
    if term.split()[-1] in _ALIKE[0] and _PUBLIC_BODY.search(name):
        return term  # "the group" after "the Asian Development Bank": the story's company, not the public body
    return name


# Names of public and international bodies, which "the company", "the group" or "the firm" never stands for.
_PUBLIC_BODY = regex.compile(r"(?i:\b(?:development|central|reserve|investment|world|multilateral)\s+bank|"
                             r"\b(?:organi[sz]ation|union|fund|council|court|nations|commission|alliance|league|"
                             r"parliament|ministry|government|assembly|secretariat|tribunal))$")


_IT = "its"  # the term of a pronoun said before any name ("since its founding in 1990")
_SUBJECT_AFTER = regex.compile(r",\s+(?:(?i:the)\s+(?P<noun>[a-z]+)\b|(?P<name>\p{Lu}[\p{L}&-]+(?:\s+\p{Lu}[\p{L}&-]+){0,3}))")


def _same_entity(a: str, b: str) -> bool:
    """same_term(), or a common noun standing for a name that holds it ('the bank' for 'Central Bank of Oz'),
    or the bare event word ('since independence in 1962'); pairs ('Poland | EU') part by part."""
    if _IT in (a, b):
        return True
    if " | " in a or " | " in b:
        pa, pb = a.split(" | "), b.split(" | ")
        return len(pa) == len(pb) and all(same_term(x, y) for x, y in zip(pa, pb))
    if same_term(a, b) or _short_name(a, b) or _short_name(b, a):
        return True
    if a.islower() and b.islower() and any(a.split()[-1] in group and b.split()[-1] in group for group in _ALIKE):
        return True  # "the firm, founded in 1998" ... "the company, established in 2001"
    for short, long in ((a, b), (b, a)):
        if short.islower() and short in ("independence",) :
            return True
        if short.islower() and all(w in long.casefold().split() for w in short.split()):
            return True
    return False
