"""office: who elects or appoints an office holder ("Supreme Court justices are elected by voters")."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from ..data.literals import fold
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind

_OFFICE_KEYS = {"name": str, "aliases": list, "chosen_by": list, "direct": bool, "fact": str, "source": str}
_CHOSEN = r"(?:elected|appointed|chosen|selected|nominated|picked|named|installed|confirmed|voted\s+in(?:to\s+office)?)"
_CHOOSES = (r"(?:elects?|appoints?|chooses|choose|selects?|nominates?|picks?|names|installs?|vote\s+for|votes\s+for|"
            r"elected|appointed|chose|selected|nominated|picked|named|installed|voted\s+for)")
# What a block needs for any form, and what each form (in _compile's order) needs: one of the strings each.
_VERB_STEMS = ("elect", "appoint", "chos", "choose", "select", "nominat", "pick", "name", "install", "confirm",
               "vote")
_FORM_NEEDS = ((" by", " in ", " through ", " via "), _VERB_STEMS, ("directly", "popularly"), ("directly", "popularly"))


@dataclass(frozen=True, slots=True)
class _Office:
    name: str
    chosen_by: frozenset[str]
    direct: bool | None
    fact: str
    source: str


class Office(Kind):
    """Keys: [bodies] ({body = [the words copy uses for it]}) and [[office]] tables — name, aliases,
    chosen_by (the bodies that elect, appoint, nominate or confirm it), direct (whether voters elect it
    directly), fact, source. Reads "OFFICE is (directly) elected/appointed by BODY", "OFFICE, chosen by BODY",
    "BODY elects/appoints the OFFICE" and "the directly elected OFFICE"; a body the table knows that is not
    among the office's is flagged, and so is "directly elected" for an office voters do not elect."""

    NAME = "office"
    KEYS = {"bodies": dict, "office": list, "presidents": dict, "presidents_source": str, "prime_ministers": dict}
    REQUIRED = ("bodies", "office")

    @classmethod
    def validate(cls, rule) -> None:
        bodies = rule.params["bodies"]
        for i, entry in enumerate(rule.params["office"]):
            for key, value in entry.items():
                if key not in _OFFICE_KEYS or not isinstance(value, _OFFICE_KEYS[key]):
                    raise RuleError(rule.path, f"office[{i}].{key}", "unknown key or wrong type")
            for body in entry.get("chosen_by", []):
                if body not in bodies:
                    raise RuleError(rule.path, f"office[{i}].chosen_by", f"unknown body {body!r}")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.body_of = {w.casefold(): b for b, words in rule.params["bodies"].items() for w in words}
        self.offices: dict[str, _Office] = {}
        for entry in rule.params["office"]:
            office = _Office(entry["name"], frozenset(entry["chosen_by"]), entry.get("direct"), entry["fact"],
                             entry["source"])
            for alias in entry["aliases"]:
                self.offices[alias.casefold()] = office
        self._forms: dict[tuple, list[regex.Pattern]] | None = None

    def _presidents(self) -> None:
        """Each listed country's president, under the names copy gives it ("the Kenyan president", "Kenya's
        president", "the president of Kenya"), chosen by the body the table names."""
        from ..data.gazetteer import gazetteer

        g = gazetteer()
        how = {"voters": "elected directly by voters", "parliament": "elected by parliament",
               "electoral_college": "elected by an electoral college, not directly by voters"}
        for body, codes in self.rule.params.get("presidents", {}).items():
            for cc in codes:
                name = g.display(cc).removeprefix("the ")
                chosen = {"voters": {"voters", "electoral_college"}}.get(body, {body, "parliament"})
                office = _Office(f"president of {name}", frozenset(chosen), body == "voters",
                                 f"the president of {name} is {how[body]}", self.rule.params.get("presidents_source", ""))
                for alias in (f"{g.demonym(cc)} president", f"{name}'s president", f"{name}’s president",
                              f"president of {name}", f"president of the {name}"):
                    self.offices.setdefault(alias.casefold(), office)

    def _prime_ministers(self) -> None:
        """Every country's prime minister ("the Ethiopian prime minister", "Kenya's prime minister"), chosen by the
        bodies the table names: never directly by voters."""
        from ..data.gazetteer import gazetteer

        g = gazetteer()
        entry = self.rule.params["prime_ministers"]
        rank = 1
        while (cc := g.nth_by(rank, "area")) is not None:
            rank += 1
            name = g.display(cc).removeprefix("the ")
            office = _Office(f"prime minister of {name}", frozenset(entry["chosen_by"]), False,
                             entry["fact"].format(country=name), entry["source"])
            for alias in (f"{g.demonym(cc)} prime minister", f"{name}'s prime minister", f"{name}’s prime minister",
                          f"prime minister of {name}"):
                self.offices.setdefault(alias.casefold(), office)

    def _prepare(self) -> None:
        """The offices of the presidents table and the automaton over every office's name, built on first need."""
        if self._forms is not None:
            return
        if self.rule.params.get("presidents"):
            self._presidents()
        if self.rule.params.get("prime_ministers"):
            self._prime_ministers()
        from ..phrases import PhraseMatcher

        # every form holds an office's name: blocks without one (found by one automaton pass) are skipped
        self._aliases = PhraseMatcher({a: True for a in self.offices})
        self._folded_names = [(fold(a), a) for a in sorted(self.offices, key=len, reverse=True)]
        self._folded_bodies = [(fold(b), b) for b in sorted(self.body_of, key=len, reverse=True)]
        self._forms = {}

    def _compile(self, folded: str) -> list[regex.Pattern]:
        """The forms over the offices and bodies whose names occur in folded (the fold of the texts they will
        search): a name absent from the text cannot match, so the alternations shrink from hundreds of names to
        the few a document uses, and compiling them costs little."""
        offices = tuple(a for f, a in self._folded_names if f in folded)
        bodies = tuple(b for f, b in self._folded_bodies if f in folded)
        key = (offices, bodies)
        forms = self._forms.get(key)
        if forms is not None:
            return forms
        office_rx = "|".join(regex.escape(a) for a in offices) or "(?!)"
        body_rx = "|".join(regex.escape(b) for b in bodies) or "(?!)"
        office = rf"(?P<office>{office_rx})s?"
        body = rf"(?:the\s+|its\s+|their\s+)?(?P<body>{body_rx})(?![\w-])"
        forms = [regex.compile(p, regex.I) for p in (
            rf"(?<![\w-]){office}(?:,\s+(?:who\s+(?:is|are)\s+)?|\s+(?:is|are|was|were|gets?|must\s+be|will\s+be|"
            rf"be|being)\s+)(?P<how>(?:directly\s+|popularly\s+|formally\s+|indirectly\s+)?{_CHOSEN})\s+"
            rf"(?:\w+\s+){{0,2}}?(?:by|in|through|via)\s+(?:an?\s+)?{body}",
            rf"(?<![\w-]){body}\s+(?:\w+\s+)?{_CHOOSES}\s+(?:the\s+|a\s+|its\s+|their\s+|each\s+)?(?:new\s+)?{office}(?![\w-])",
            rf"(?P<direct>(?:directly|popularly)[\s-]elected)\s+{office}(?![\w-])",
            rf"(?<![\w-]){office}\s+(?:is|are|was|were)\s+(?P<direct>(?:directly|popularly)\s+elected)\b",
        )]
        if len(self._forms) >= 32:
            self._forms.clear()
        self._forms[key] = forms
        return forms

    def required(self) -> tuple[frozenset[str], ...]:
        return (frozenset(_VERB_STEMS),)

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose.casefold()
        if not any(w in prose for w in _VERB_STEMS):
            return
        self._prepare()
        if not self._aliases.may_match(doc.words, fold(doc.prose)):
            return
        chosen = []
        for _, block in self.blocks(doc):
            text = block.text
            lowered = text.casefold()
            if not any(w in lowered for w in _VERB_STEMS) or next(self._aliases.finditer(text), None) is None:
                continue
            chosen.append((block, lowered))
        if not chosen:
            return
        forms = self._compile(fold("\n".join(block.text for block, _ in chosen)))
        for block, lowered in chosen:
            text = block.text
            seen: set[int] = set()
            for rx, needs in zip(forms, _FORM_NEEDS):
                if not any(w in lowered for w in needs):
                    continue
                for m in rx.finditer(text):
                    if m.start("office") in seen:
                        continue
                    for found in self._judge(doc, block, m):
                        seen.add(m.start("office"))
                        yield found

    def _judge(self, doc, block, m) -> Iterator[Finding]:
        office = self.offices[m.group("office").casefold()]
        text = block.text
        if regex.search(r"(?i)\b(?:not|never|no\s+longer|rather\s+than|instead\s+of|n['’]t)\b", text,
                        pos=max(0, m.start() - 15), endpos=m.end() - len(m.group("body") or "")
                        if "body" in m.re.groupindex and m.group("body") else m.end()):
            return
        if "direct" in m.re.groupindex and m.group("direct"):
            if office.direct is False:
                yield self.finding(doc, block, m.start("direct"), m.end("direct"), None, office=office.name,
                                   fact=office.fact, source=office.source)
            return
        body = self.body_of[m.group("body").casefold()]
        how = (m.group("how") or "").casefold() if "how" in m.re.groupindex else ""
        if body in office.chosen_by and not (how.startswith(("directly", "popularly")) and office.direct is False):
            return
        yield self.finding(doc, block, m.start("body"), m.end("body"), None, office=office.name, fact=office.fact,
                           source=office.source)
