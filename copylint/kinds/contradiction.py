"""contradiction: the same term described two incompatible ways in one document (appositives, which/that clauses)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..registry import compile_regex
from .base import Kind

# "TERM, a gas that ..." / "TERM, which is used ..." / "TERM that's widely used ..."
_DESCRIPTION = regex.compile(
    r"(?:,\s+(?P<appos>(?:a|an)\s)|,\s+which(?:['’]s|\s+is|\s+are)\s|\s+(?:that|which)(?:['’]s|\s+is|\s+are)\s)"
    r"(?P<desc>[^,;.()\[\]—–:!?\"“”]{3,140})")
_STOP = frozenset("""a an the of for in on at to by with and or but from as is are was were its their his her this that
    these those price prices type kind sort""".split())
_WORD = regex.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class _Facet:
    name: str
    values: tuple[tuple[str, regex.Pattern], ...]
    skip: regex.Pattern | None


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
        m = None
        for m in _WORD.finditer(text, max(0, pos - 40), pos):
            pass
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
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if short and all(w[:1].isupper() for w in long) and long[-len(short):] == short:
        return True
    for short, long in ((a, b), (b, a)):
        parts = long.replace("-", " ").split()
        if short.isupper() and 2 <= len(short) <= 6 and len(parts) == len(short):
            if "".join(p[0] for p in parts).upper() == short:
                return True
    return False


class Contradiction(Kind):
    """Keys: [[facet]] tables — name, values ({value = [regexes]} matched from the description's start), and
    skip (a regex: descriptions matching it are not judged on this facet, e.g. 'former')."""

    NAME = "contradiction"
    KEYS = {"facet": list}
    REQUIRED = ("facet",)
    DOCUMENT_LEVEL = True

    @classmethod
    def validate(cls, rule) -> None:
        for i, facet in enumerate(rule.params["facet"]):
            if not isinstance(facet, dict) or set(facet) - {"name", "values", "skip"} or "values" not in facet:
                raise RuleError(rule.path, f"facet[{i}]", "needs name and values (and optionally skip), nothing else")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.facets = [
            _Facet(
                f.get("name", f"facet{i}"),
                tuple((value, compile_regex(rule, f"facet.{value}", "|".join(f"(?:{p})" for p in patterns),
                                            regex.IGNORECASE))
                      for value, patterns in f["values"].items()),
                compile_regex(rule, "facet.skip", f["skip"], regex.IGNORECASE) if f.get("skip") else None,
            )
            for i, f in enumerate(rule.params["facet"])
        ]

    def check(self, doc: Document) -> Iterable[Finding]:
        said: list[_Said] = []
        for index, block in self.blocks(doc):
            for item in self._descriptions(index, block.text):
                earlier = next((s for s in said if s.facet == item.facet and s.value != item.value
                                and same_term(s.term, item.term)), None)
                if earlier is not None:
                    first = doc.blocks[earlier.block]
                    line = doc.source.count("\n", 0, first.to_source(earlier.start)) + 1
                    yield self.finding(doc, block, item.start, item.end, None, term=item.term, line=line,
                                       earlier=earlier.words, value=item.value, other=earlier.value)
                else:
                    said.append(item)

    def _descriptions(self, index: int, text: str) -> Iterator[_Said]:
        for m in _DESCRIPTION.finditer(text):
            term = term_before(text, m.start())
            if not term:
                continue
            desc_start = m.start("appos") if m.group("appos") else m.start("desc")
            desc = text[desc_start:m.end("desc")]
            for facet in self.facets:
                if facet.skip is not None and facet.skip.search(desc):
                    continue
                for value, rx in facet.values:
                    found = rx.search(desc)
                    if found is not None:
                        yield _Said(term, facet.name, value, index, desc_start + found.start(),
                                    desc_start + found.end(), found.group())
                        break
