"""What the geography kinds share: the gazetteer, place names in prose, a document's countries, GeoKind."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

import regex

from ..data.mentions import capitalised_runs, document_mentions
from ..data.names import has_lower_word, name_key
from ..document import Document, ProseBlock
from ..model import Finding
from .base import Kind

if TYPE_CHECKING:
    from ..data.mentions import Mention, Span


_PROSE = frozenset({"paragraph", "list", "quote", "caption", "heading", "title"})
_TRAILING = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())
_STARTERS = frozenset("""the a an in at on for as when while after before if it this that these those he she they we i
    there yesterday today but and or so then meanwhile however earlier later last next some many most much more
    such both all each every""".split())


def _gaz():
    from ..data.gazetteer import gazetteer  # loaded only when a geography rule runs

    return gazetteer()


def _key(text: str) -> str:
    return name_key(text)


def _trim(text: str) -> str:
    """Drop trailing weekday and month names a capitalised run picked up ('France Tuesday' -> 'France')."""
    words = text.split()
    while len(words) > 1 and (words[-1].casefold() in _TRAILING or words[-1].islower()):
        words.pop()
    return " ".join(words)


def non_place_names(doc: Document) -> frozenset[str]:
    """Keys of names the document also uses inside a longer capitalised name ('Lewis Hamilton', 'Paris Club'):
    such a name may be a person, club or company, so it is never judged as a place."""
    return doc.memo("facts:non-place-names", lambda: _non_place_names(doc))


def _non_place_names(doc: Document) -> frozenset[str]:
    keys: set[str] = set()
    for block in doc.blocks:
        text = block.text
        for start, end in capitalised_runs(text):
            words = text[start:end].split()
            if len(words) > 1 and _after_sentence_end(text, start):
                first = words[0].lower()
                if first in _STARTERS or has_lower_word(doc, first, hyphens=False) or words[1] == "of":
                    words = words[1:]  # an ordinary word capitalised only because a sentence starts there
                    while words and words[0].islower():
                        words = words[1:]  # and the particle after it ("Residents of Multan")
            if len(words) < 2:
                continue
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    rest = words[:i] + words[j:]
                    if j - i < len(words) and not all(w.casefold() in _PLACE_WORDS for w in rest):
                        keys.add(_key(" ".join(words[i:j])))
    return frozenset(keys)


# Words that make a longer name out of a place's without making it a person's or a firm's ("Kandahar Airport",
# "Greater Manchester", "University of Lagos"): the place inside is still a place.
_PLACE_WORDS = frozenset("""airport university province region state city county district stadium port bay river lake
    valley square street road avenue hospital international central north south east west northern southern eastern
    western upper lower greater new old mosque bridge station harbour harbor island islands mountains hills of the de
    la governorate oblast prefecture municipality metropolitan area basin delta coast peninsula""".split())


def _after_sentence_end(text: str, start: int) -> bool:
    """Nothing but white space before start, or white space after sentence-ending or opening punctuation."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in ".!?\"“”‘’:—–-(\n"


class GeoKind(Kind):
    """Common ground for the gazetteer kinds: prose blocks only, and a lazily loaded gazetteer."""

    DEFAULT_SCOPES = _PROSE

    def prose(self, doc: Document) -> Iterator[ProseBlock]:
        for _, block in self.blocks(doc):
            yield block

    def located(self, doc: Document) -> list[tuple[ProseBlock, Mention]]:
        """Each 'X in Y' mention of the prose with its block, capitals excepted (the capital kind judges
        those): one shared pass per document and set of scopes."""
        scopes = self.rule.scopes if self.rule.scopes is not None else self.DEFAULT_SCOPES
        return doc.memo(("facts:located", scopes), lambda: self._located(doc))

    def _located(self, doc: Document) -> list[tuple[ProseBlock, Mention]]:
        mentions = document_mentions(doc)
        return [(block, m) for block in self.prose(doc) for m in mentions.of(block.text)
                if m.noun != "capital" or m.pattern.startswith("bearing")]

    def claim_finding(self, doc: Document, block: ProseBlock, start: int, end: int, part: tuple[int, int],
                      replacements: list[str], **values) -> Finding:
        """A finding on a whole claim (text[start:end]: the place and what it is said to be), whose fix rewrites
        only its wrong part (text[part]); one suggestion per replacement, the fix only when there is one."""
        text = block.text
        whole = [text[start:part[0]] + r + text[part[1]:end] for r in replacements]
        return self.finding(doc, block, start, end, whole[0] if len(whole) == 1 else None, suggestions=whole,
                            **values)

    @staticmethod
    def hyphenated(doc: Document) -> bool:
        """Whether the document writes compound compass words with a hyphen ('north-east')."""
        import regex

        text = doc.prose
        with_h = len(regex.findall(r"(?i)\b(?:north|south)-(?:east|west)", text))
        without = len(regex.findall(r"(?i)\b(?:north|south)(?:east|west)", text))
        return with_h >= without


def _country_code(g, name: str, adjective: bool = False) -> str | None:
    """The single current country a name (or adjective) stands for, else None (unknown, historic, or a region too)."""
    if g.is_historic(name):
        return None
    codes = g.country_of_demonym(name) if adjective else ()
    codes = codes or g.countries_named(name)
    if len(codes) != 1 or (not adjective and g.regions_named(name) and not _own_name(g, name)):
        return None
    return codes[0]


def place_name(g, span: "Span", doc: Document | None = None, block: ProseBlock | None = None) -> "Span | None":
    """The place a run of capitalised words names: the run itself, or its longest tail the gazetteer knows as a
    town of 15,000+ ('Residents of Multan' -> 'Multan', 'In Lyon' -> 'Lyon'); a single word that opens a
    sentence and that the document also writes in lower case ('Much of ...') is no place."""
    from ..data.mentions import Span

    text = span.text
    if g.places(text):
        if doc is not None and block is not None and " " not in text and _after_sentence_end(block.text, span.start):
            if text.lower() in _STARTERS or has_lower_word(doc, text.lower(), hyphens=False):
                return None
            if not block.text.startswith(",", span.end) and g.places(text)[0].population < 100_000:
                return None  # "Police in France": a small town's name opening a sentence is likely a word
        return span
    pos = text.find(" ")
    while pos != -1:
        rest = text[pos + 1:]
        if rest[:1].isupper() and g.places(rest):
            return Span(rest, span.start + pos + 1, span.end)
        pos = text.find(" ", pos + 1)
    return None


def _divisions(g, y: str, x: str | None = None) -> tuple[str, ...]:
    """First-level divisions ('CC.admin1') a name stands for: US states and every country's states/provinces;
    when the name is also a town's, only divisions in that town's country ('Manchester' is a Jamaican parish
    too, but "in Manchester" means the English city), unless the place x said to lie in y is in a country of
    one of the divisions and in none of the towns' ("Hamilton, Ontario": the province, not the Californian city)."""
    from ..data import regions

    found = {r for r in g.regions_named(y) if "." in r}
    found.update(regions.divisions_named(y))
    towns = {p.country for p in g.places(y) if p.population >= 100_000}
    if towns:
        places = g.places(x) if x else ()  # towns of 15,000+ (of 100,000+ when there are): its likely countries
        homes = {p.country for p in places if p.population >= 100_000} or {p.country for p in places}
        if homes & {d.partition(".")[0] for d in found} and not homes & towns:
            return tuple(sorted(d for d in found if d.partition(".")[0] in homes))
        found = {d for d in found if d.partition(".")[0] in towns}
    return tuple(sorted(found))


# A town this big is seldom a person's or a firm's name, and a village that shares its name is seldom meant.
_BIG_TOWN = 300_000


_DIVISION_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast|prefecture)\b")


def _own_name(g, name: str) -> bool:
    """Whether a name that is also a region's is its country's own (Mexico, Belize: the state or district lies
    in that country), not a region elsewhere (Georgia, Niger State) or a part of a country (Scotland)."""
    codes = g.countries_named(name)
    if len(codes) != 1 or _key(g.display(codes[0]).removeprefix("the ")) != _key(name):
        return False
    return all(r.partition(".")[0] == codes[0] for r in g.regions_named(name))


def _dominant(g, name: str):
    """The town a name means when one place of that name clearly dominates (3 times the next's population)."""
    places = g.places(name)
    if not places:
        return None
    top = places[0]
    if any(p.population * 3 >= top.population for p in places[1:]):
        return None
    return top


def _area_name(g, area: str) -> str:
    from ..data import regions

    cc, _, admin1 = area.partition(".")
    return g.us_state(admin1) if cc == "US" else regions.division_name(area)


def recent_country(doc: Document, block: ProseBlock, pos: int, g) -> str | None:
    """The country 'the country' or 'the capital' at pos refers to: the last one named before it in its
    paragraph or the two before, else the article's own (main_country)."""
    index = next((i for i, b in enumerate(doc.blocks) if b is block), None)
    texts = [(block.text, pos)]
    if index is not None:
        texts += [(doc.blocks[i].text, len(doc.blocks[i].text)) for i in range(index - 1, max(index - 3, -1), -1)]
    for text, end in texts:
        found = _countries_before(g, text, end, whole=True)
        if found:
            return found[-1]
    main = main_country(doc, g)
    if main is None:  # "... through the capital, Mombasa, on Tuesday, Kenyan police said.": the one named later
        ends = [i for i in (block.text.find(". ", pos), block.text.find("\n", pos)) if i >= 0]
        later = set(_countries_before(g, block.text, min(ends, default=len(block.text))))
        main = later.pop() if len(later) == 1 else None  # in its sentence, when it names one only
    return main


def named_before(doc: Document, block: ProseBlock, pos: int, g, codes: set[str]) -> str | None:
    """The country of `codes` named last before pos in the article ("Alexandria, in the south of the country" after
    Egypt was named, when the paragraph before named Sudan): the one "the country" may mean where X lies."""
    index = next((i for i, b in enumerate(doc.blocks) if b is block), None)
    if index is None:
        return None
    for i in range(index, -1, -1):
        text = doc.blocks[i].text
        found = [c for c in _countries_before(g, text, pos if i == index else len(text), whole=True) if c in codes]
        if found:
            return found[-1]
    return None


def main_country(doc: Document, g) -> str | None:
    """The country an article is about: named (or its adjective used) most, at least three times and twice
    as often as any other."""
    def compute() -> str | None:
        from collections import Counter

        counts: Counter[str] = Counter()
        for block in doc.blocks:
            for start, end in capitalised_runs(block.text):
                run = _trim(block.text[start:end])
                for name in (run, run.split()[-1]) if " " in run else (run,):
                    codes = () if g.is_historic(name) else g.countries_named(name) or g.country_of_demonym(name)
                    if len(codes) == 1:
                        counts[codes[0]] += 1
                        break
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    return doc.memo("facts:main-country", compute)


def _countries_before(g, text: str, pos: int, whole: bool = False) -> list[str]:
    """The countries named (or given by their adjective) before pos in the same sentence (whole: in the
    text), in order."""
    from ..data.country_facts import currency_word

    start = 0 if whole else max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    found = []
    for s, e in capitalised_runs(text[start:pos]):
        after = _NEXT_WORD.match(text, start + e)
        if after is not None and currency_word(after.group(1)) is not None:
            continue  # "the US dollar": a currency's name, no mention of the country
        run = _trim(text[start + s:start + e])
        for name in (run, run.split()[-1]):
            code = _current_country(g, name)
            if code is not None:
                found.append(code)
                break
    return found


_NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)")


def _current_country(g, name: str) -> str | None:
    """The country a name or adjective stands for; a name a split left to several ('Sudan') means the
    state that kept it (GeoNames' own country of that name)."""
    codes = g.countries_named(name) or g.country_of_demonym(name)
    if len(codes) == 1 and not g.is_historic(name):
        return codes[0]
    own = [c for c in codes if name_key(g.display(c).removeprefix("the ")) == name_key(name)]
    return own[0] if len(own) == 1 else None


def division_named_before(doc, block, pos: int, homes: set[tuple[str, str]]) -> tuple[list[str], str]:
    """The divisions of X (homes: (country, admin1)) whose name the article wrote before pos, and the name of
    the one when there is one ('Texas' before "Dallas, the state capital")."""
    from ..data import regions

    before = "".join(b.text + "\n" for b in doc.blocks[:next((i for i, b in enumerate(doc.blocks) if b is block), 0)])
    before += block.text[:pos]
    named = {}
    for cc, admin1 in homes:
        code = f"{cc}.{admin1}"
        name = regions.division_name(code)
        if name and regex.search(rf"(?<![\p{{L}}-]){regex.escape(name)}(?![\p{{L}}-])", before):
            named[code] = name
    if len(named) != 1:
        return [], ""
    code, name = named.popitem()
    return [code], name
