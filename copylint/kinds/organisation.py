"""organisation: statements about organisations' seats, members and founding."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..data.triggers import phrase_candidates
from ..document import Document
from ..model import Finding
from ..phrases import WordIndex
from ..registry import lazy_pattern
from ._claims import _entries
from .base import Kind


_ORG_KEYS = {"name": str, "aliases": list, "members": list, "seat": list, "source": str, "note": str,
             "founded": (int, list), "founders": list, "joined": dict, "left": dict, "qualifier": str, "group": bool, "non_members": list}
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)\b"
# Words after an organisation up to a later phrase of the same sentence (no sentence or clause end between).
# Words that open a sentence before a country's name and are read into it ("When Poland", "Since Poland's").
_OPENERS = frozenset("when since after before until as while if although though because once and but".split())
_SAME_SENTENCE = r"(?:[^.;!?]|\.(?=\d)){0,200}?"
_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_COUNT = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + ")"
@lru_cache(maxsize=None)
def _not_member() -> regex.Pattern:
    """Words before an organisation that deny or hedge the membership."""
    return regex.compile(r"(?i)\b(?:non|would[- ]be|aspiring|future|prospective|potential|candidate|applicant|"
                         r"associate|partner|observer|former|ex|not|never|no\s+longer|neither|nor|outside|rejoin|"
                         r"apply|applied|bid|seek|seeking|sought|wants?|hopes?|aims?|plans?|unlike)\b|n['’]t\b")
_PERSON_AFTER = (r"\s+(?:officials?|diplomats?|spokes(?:man|woman|person)|envoys?|ambassadors?|analysts?|experts?|"
                 r"correspondents?|representatives?|delegation|mission|office|bureau|branch|staff|researchers?|"
                 r"economists?|troops|forces|soldiers)\b")


_RANKED = (rf"(?:(?P<ord>{'|'.join(list(_NUMBERS)[2:11])}|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\s-])?"
           r"(?P<what>largest|biggest|most[\s-]populous|smallest|least[\s-]populous)")
_MEMBER = r"(?:member|member\s+state|member\s+country|member\s+nation)"
_ORDINAL_WORDS = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}


def _org_sources(org: str, name: str) -> dict[str, list[str]]:
    """The forms that tie an organisation to a seat, a member (and when it joined or left), its founders or
    its founding year; `org` matches an alias (group 'org'), `name` a capitalised name."""
    c = rf"(?P<c>{name})"
    its = org.replace("(?P<org>", r"(?P<org>(?<![\w-])[Ii]ts(?=\s)|", 1)  # "its": the organisation named last before
    members = (r"(?:members?|member\s+(?:states?|countries|nations)|allies|ally|(?P<founding>founders)|(?:founding|founder)[\s-]+"
               r"(?:members?|states|countries|nations)|countries|nations|states|economies|signatories|producers|exporters)")
    lst = rf"(?P<list>(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?{name})*"
    return {
        "seat": [
            rf"(?<![\w-])(?P<city>{name})-(?:based|headquartered)\s+(?:the\s+)?{org}",
            rf"(?<![\w-]){org}(?:['’]s)?\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+(?:is\s+|are\s+|was\s+)?"
            rf"(?:located\s+)?in\s+(?P<city>{name})",
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+is\s+)?|\s+(?:is|was|are)\s+)(?:based|headquartered|seated)\s+in\s+(?P<city>{name})",
            rf"(?<![\w-]){org},?\s+which\s+(?:sits|meets|is\s+seated)\s+in\s+(?P<city>{name})",
            rf"(?<![\w-]){org},?\s+whose\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+(?:is|are|was|were|lies)\s+"
            rf"(?:located\s+|situated\s+)?in\s+(?P<city>{name})",
            rf"(?<![\w-]){org},\s+the\s+(?:\p{{Lu}}[\w.]*['’]s\s+)?(?P<city>{name})-(?:based|headquartered)\b",
            rf"\b(?i:the)\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+of\s+(?:the\s+)?{org}\s+(?:is|are|was|were|lies)\s+"
            rf"(?:located\s+|situated\s+)?in\s+(?P<city>{name})",
            rf"(?<![\w-]){org},?\s+(?:which\s+has\s+its|with\s+its)\s+(?:headquarters|HQ|seat)\s+in\s+(?P<city>{name})",
            rf"(?<![\w-]){org}\s+(?:has|had|keeps|maintains)\s+(?:its\s+)?(?:headquarters|HQ|head\s+office|secretariat|seat)\s+"
            rf"in\s+(?P<city>{name})",
            # the headquarters of NATO, in Geneva / the OECD's headquarters, in Geneva
            rf"\b(?i:the)\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+of\s+(?:the\s+)?{org},\s+in\s+(?P<city>{name})",
            rf"(?<![\w-]){org}['’]s\s+(?P<city>{name})\s+(?:headquarters|HQ|head\s+office|secretariat)\b",
            # ASEAN's secretariat, which is based in Jakarta / ASEAN, a bloc of ten that has its secretariat in Jakarta
            rf"(?<![\w-]){org}['’]s\s+(?:headquarters|HQ|head\s+office|secretariat|seat),?\s+which\s+(?:is|are|was|were)\s+"
            rf"(?:based|located|situated|housed)\s+in\s+(?P<city>{name})",
            rf"(?<![\w-]){org},\s+(?:a|an|the)\s+[^,;.]{{0,60}}?\s+(?:that|which)\s+has\s+its\s+(?:headquarters|HQ|"
            rf"secretariat|seat)\s+in\s+(?P<city>{name})",
        ],
        "member": [
            rf"(?<![\w-]){org}\s+(?:members?|member\s+states?|member\s+country|member\s+countries|ally|allies|"
            rf"countries|nations|producers?|exporters?)\s+(?:such\s+as\s+|including\s+|like\s+)?{c}{lst}",
            # Norway is in the EU / Norway, (which is) part of the EU / which belongs to the EU / inside the EU
            rf"{c}{lst}(?:,\s+(?:which\s+(?:is|are)\s+|both\s+|all\s+)?|\s+(?:is|are|was|remains)\s+(?:also\s+)?)(?:part\s+of|in|"
            rf"inside|within|belongs?\s+to)\s+(?:the\s+)?{org}(?:\s+(?:alliance|bloc|cartel|group|club))?"
            rf"(?![\w+-]|['’]s|\s+\p{{Ll}})",
            # Norway and Sweden, both EU members
            rf"{c}{lst},\s+(?:both|all)\s+{org}\s+(?:members|countries|states|nations|allies)\b",
            # the OPEC cartel, which includes Brazil
            rf"(?<![\w-]){org}(?:\s+(?:alliance|bloc|cartel|group|club))?,\s+which\s+(?:now\s+)?(?:includes|included|comprises|"
            rf"groups)\s+(?:the\s+)?{c}{lst}",
            # Austria, which joined NATO (no year)
            rf"{c}(?:,\s+which)?\s+(?:has\s+)?(?:joined|entered|acceded\s+to)\s+(?:the\s+)?{org}(?![\w+-]|\s+\p{{Ll}}|"
            rf"\s+(?:in|back\s+in)\s+\d)",
            rf"{c}(?:,\s+|\s+(?:became|is|was|has\s+been|remains)\s+)(?:a|an|another|the|also\s+an?|itself\s+an?|one\s+of\s+the\s+(?:\w+\s+)?)\s*(?:(?!(?:non|former|ex|would|candidate|prospective|aspiring)\b)[a-z][\w-]*\s+)?"
            rf"(?P<founding>(?:founding|founder)[\s-]+)?{org}\s+(?P<founding>(?:founding|founder)[\s-]+)?(?:member\s+state|member\s+country|member|ally|"
            rf"nation|country|economy|state|producer|exporter)\b(?:\s+(?:since|in)\s+{_YEAR})?",
            rf"{c}\s+(?:is|was|has\s+been|became|remains|were|are)\s+(?:a|an|also\s+a|also\s+an|one\s+of\s+the|among\s+the)?\s*"
            rf"(?:\w+\s+)??(?:full\s+|permanent\s+)?(?P<founding>(?:founding|founder)[\s-]+)?members?\s+of\s+(?:the\s+)?{org}(?:\s+(?:since|in)\s+{_YEAR})?",
            rf"{c}(?:\s+(?:is|was|were|are)|,)\s+(?:among|one\s+of)\s+(?:the\s+)?{org}['’]s\s+(?:\w+\s+)??(?P<founding>(?:founding|founder)[\s-]+)?"
            rf"(?:members|founders|member\s+states|producers|exporters)",
            rf"{c},\s+one\s+of\s+(?:the\s+)?(?:\d+\s+|\w+\s+)?{org}(?:['’]s)?\s+(?:\d+\s+)?(?:member\s+states|members|"
            rf"member\s+countries|member\s+nations|countries|states|nations|economies)\b",
            # Thailand and Vietnam, founding members of ASEAN
            rf"{c}{lst},\s+(?:both\s+|all\s+)?(?P<founding>(?:founding|founder)[\s-]+)members\s+of\s+(?:the\s+)?{org}",
            rf"{c},\s+(?:which\s+is\s+)?(?:a|an|one\s+of\s+the)\s+(?:(?!found)[\w-]+\s+)?(?P<founding>(?:founding|founder)[\s-]+)?members?(?:\s+(?:state|country|nation)s?)?\s+of\s+"
            rf"(?:the\s+)?{org}(?:\s+(?:since|in)\s+{_YEAR})?",
            rf"{c}(?:,\s+which)?\s+(?:joined|entered|acceded\s+to)\s+(?:the\s+)?{org}\s+(?:in|back\s+in)\s+{_YEAR}",
            # Poland's accession to the EU in 2004 / Poland's 2004 entry into the EU
            rf"{c}['’]s\s+(?:accession|entry|admission)\s+(?:to|into)\s+(?:the\s+)?{org}\s+in\s+{_YEAR}",
            rf"{c}['’]s\s+{_YEAR}\s+(?:accession|entry|admission)\s+(?:to|into)\s+(?:the\s+)?{org}",
            rf"{c},\s+which\s+became\s+(?:a|an)\s+(?:full\s+)?member\s+of\s+(?:the\s+)?{org}\s+in\s+{_YEAR}",
            rf"\b(?i:since|after|before|on)\s+joining\s+(?:the\s+)?{org}\s+in\s+{_YEAR},\s+(?:the\s+)?{c}",
            rf"{c}\s+(?:is|was|remains)\s+one\s+of\s+(?:the\s+)?(?:\d+\s+|\w+\s+)?{org}(?:['’]s)?\s+(?:member\s+states|members|"
            rf"member\s+countries|member\s+nations|countries|states|nations)\b",
            # the (three) Baltic states (of|,|:) Estonia, Latvia and Lithuania / Finland, one of the Baltic states
            rf"(?P<grp>)\b(?i:the)\s+(?:\w+\s+)?{org}(?:\s+of|\s*[,:—–(]|\s+-|\s+such\s+as|\s+including|\s+like)\s*(?:the\s+)?"
            rf"{c}{lst}",
            rf"(?P<grp>){c},?\s+(?:one\s+of\s+the\s+(?:\w+\s+)?|another\s+of\s+the\s+|a\s+fellow\s+|like\s+the\s+other\s+)"
            rf"{org}\b",
            rf"{c}(?:,\s+which)?\s+(?P<left>left|quit|withdrew\s+from|exited)\s+(?:the\s+)?{org}(?:\s+in\s+{_YEAR})?",
            rf"(?<![\w-]){org}(?:['’]s)?\s+(?:(?:\w+|\d+)\s+)??(?P<founding>(?:founding|founder)[\s-]+)?{members}(?:,?\s+such\s+as|"
            rf",?\s+including|,?\s+like|\s*[,:—–]|\s+-|\s+include|\s+included|\s+are|\s+were|\s+was)\s*(?:the\s+)?{c}{lst}",
            rf"(?P<founding>(?:[Ff]ounding|[Ff]ounder)[\s-]+)members?\s+of\s+(?:the\s+)?{org}(?:\s*[,:—–]|\s+-|\s+such\s+as|\s+including|"
            rf"\s+like|\s+include|\s+included|\s+are|\s+were)\s*(?:the\s+)?{c}{lst}",
            rf"(?<![\w-]){org},?\s+whose\s+(?:\w+\s+)??(?P<founding>(?:founding|founder)[\s-]+)?{members}\s+(?:include|included|are|were)\s+"
            rf"(?:the\s+)?{c}{lst}",
            # "its" for the organisation named earlier in the sentence
            rf"(?<![\w-]){org}{_SAME_SENTENCE}\b{c}{lst}\s+(?:was|is|were|are|became|remains)\s+(?:one\s+of|among)\s+its\s+"
            rf"(?:\w+\s+)??(?P<founding>(?:founding|founder)[\s-]+)?(?:members|founders|member\s+states)",
            rf"(?<![\w-]){org}{_SAME_SENTENCE}\b(?<!\p{{Lu}}\p{{L}}*\s)(?:the\s+)?{c}{lst}\s+(?:among|as\s+one\s+of|as)\s+"
            rf"its\s+(?:\w+\s+)??(?P<founding>(?:founding|founder)[\s-]+)?(?:members?|founders?)",
            rf"(?<![\w-]){org}{_SAME_SENTENCE}\b{c}\s+(?:became|becoming|joined\s+as)\s+its\s+(?:\w+\s+)?members?",
            rf"(?<![\w-]){org}{_SAME_SENTENCE}\bits\s+(?:\w+\s+)??(?P<founding>(?:founding|founder)[\s-]+)?(?:members|founders)(?:\s*[,:—–]|"
            rf"\s+-|\s+were|\s+included|\s+include|\s+are)\s*(?:the\s+)?{c}{lst}",
            # NATO, of which Norway was a founding member
            rf"(?<![\w-]){org},?\s+of\s+which\s+{c}{lst}\s+(?:is|was|were|are|has\s+been|have\s+been|became|remains)\s+"
            rf"(?:a|an|one|among\s+the)?\s*(?:(?!non|former|ex|would|candidate|prospective|aspiring)[a-z][\w-]*\s+)??"
            rf"(?P<founding>(?:founding|founder)[\s-]+)?members?\b",
            # NATO was set up in 1949 by 12 countries, including Norway
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+was\s+)?|\s+(?:was|were)\s+)(?P<founding>founded|established|created|formed|"
            rf"set\s+up)(?:\s+in\s+\d{{4}})?\s+by\s+(?:{_COUNT}\s+|several\s+|a\s+group\s+of\s+(?:{_COUNT}\s+)?)?(?:countries|"
            rf"nations|states|governments)(?:,)?\s+(?:including|such\s+as|among\s+them|among\s+which|notably)\s+(?:the\s+)?{c}{lst}",
            # Poland, which has been in the EU since 2004
            rf"{c}(?:,\s+which)?\s+(?:has|have)\s+been\s+(?:a\s+member\s+of|part\s+of|in|inside|within)\s+(?:the\s+)?"
            rf"{org}\s+since\s+{_YEAR}",
            # OPEC, which Nigeria helped found
            rf"(?<![\w-]){org},?\s+which\s+{c}{lst}\s+(?P<founding>(?:co-)?founded|helped\s+(?:to\s+)?found|set\s+up)\b",
            rf"{c}{lst},?\s+(?:which\s+)?(?P<founding>(?:co-)?founded|helped\s+(?:to\s+)?found|were\s+among\s+the\s+founders\s+of|"
            rf"was\s+among\s+the\s+founders\s+of|was\s+one\s+of\s+the\s+founders\s+of)\s+(?:the\s+)?{org}",
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+was\s+)?|\s+(?:was|were)\s+)(?P<founding>founded|established|created|"
            rf"formed|set\s+up)(?:\s+in\s+\d{{4}})?\s+by\s+(?:the\s+)?{c}{lst}",
            # OPEC, the cartel founded in 1960 by Iran, Iraq ... / Kenya, which joined OPEC as a founding member
            rf"(?<![\w-]){org},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{1,3}}?(?P<founding>founded|established|created|formed|"
            rf"set\s+up)(?:\s+in\s+\d{{4}})?\s+by\s+(?:the\s+)?{c}{lst}",
            # Vietnam, which was among the six founding members of ASEAN
            rf"{c},\s+which\s+(?:is|was|were|has\s+been)\s+(?:a|an|one\s+of\s+the|among\s+the)\s+(?:{_COUNT}\s+)?"
            rf"(?P<founding>(?:founding|founder)[\s-]+)members?\s+of\s+(?:the\s+)?{org}",
            # ASEAN was founded in 1967. Vietnam, one of its five founding members, ...: "its" for the organisation
            # named last before it in the paragraph
            rf"{c},\s+(?:which\s+(?:is|was)\s+)?one\s+of\s+{its}\s+(?:{_COUNT}\s+)?(?P<founding>founding|founder)[\s-]+"
            rf"members\b",
            rf"{c}(?:,\s+which)?\s+(?:has\s+)?joined\s+(?:the\s+)?{org}\s+as\s+(?:a|an|one\s+of\s+(?:the|its)(?:\s+{_COUNT})?)\s+"
            rf"(?P<founding>founding|founder)[\s-]+(?:members?|states?|nations?|countries)",
            # the founders of ASEAN, A, B and C / Chile, among the founders of Mercosur
            rf"\b(?i:the)\s+(?:{_COUNT}\s+)?(?P<founding>founders|founding\s+(?:states|nations|countries))\s+of\s+(?:the\s+)?{org}"
            rf"(?:\s*[,:—–]|\s+-|\s+were|\s+are|\s+included|\s+include)\s*(?:the\s+)?{c}{lst}",
            rf"{c}(?:,\s+|\s+(?:was|is|were|are)\s+)(?:among|one\s+of)\s+the\s+(?:{_COUNT}\s+)?(?P<founding>founders|founding\s+"
            rf"(?:members|states|nations|countries))\s+of\s+(?:the\s+)?{org}",
            # Chile was one of the five countries that founded Mercosur
            rf"{c}(?:,\s+|\s+(?:was|is|were|are)\s+)(?:among|one\s+of)\s+the\s+(?:{_COUNT}\s+)?(?:countries|nations|states|"
            rf"governments)\s+(?:that|which|to)\s+(?P<founding>founded|set\s+up|established|created|formed|found)\s+(?:the\s+)?{org}",
            # Chile has been part of Mercosur since its creation
            rf"{c}{lst}\s+(?:has|have)\s+been\s+(?:a\s+member\s+of|part\s+of|in)\s+(?:the\s+)?{org}\s+since\s+(?:its|the)\s+"
            rf"(?P<founding>founding|creation|inception|establishment|birth|formation|start)\b",
            # Chile and four neighbours set up Mercosur
            rf"{c}{lst}(?:\s+and\s+(?:{_COUNT}|several|other)\s+(?:\w+\s+)?(?:neighbou?rs|countries|nations|states|others))?\s+"
            rf"(?P<founding>set\s+up|established|created|formed)\s+(?:the\s+)?{org}",
        ],
        "count": [
            rf"{its}\s+(?:original\s+)?(?P<n>{_COUNT})\s+(?:original\s+)?(?:founding|founder)[\s-]+"
            rf"(?:members?|states|nations|countries)\b",
            rf"(?<![\w-]){org}(?:['’]s|{_SAME_SENTENCE}\bits)\s+(?:original\s+)?(?P<n>{_COUNT})\s+(?:original\s+)?"
            rf"(?:(?:founding|founder)[\s-]+(?:members?|states|nations|countries)|founders)\b",
            rf"\b(?i:the)\s+(?P<n>{_COUNT})\s+(?:(?:founding|founder)[\s-]+(?:members?|states|nations|countries)|founders)\s+of\s+(?:the\s+)?{org}",
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+was\s+)?|\s+(?:was|were)\s+)(?:founded|established|created|formed|set\s+up)"
            rf"(?:\s+in\s+\d{{4}})?(?:\s+in\s+\p{{Lu}}\p{{L}}+)?\s+by\s+(?P<n>{_COUNT})\s+(?:countries|nations|states|members)\b",
        ],
        "size": [
            # ASEAN, a bloc of 12 members
            rf"(?<![\w-]){org},\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:bloc|group|grouping|alliance|organi[sz]ation|union|"
            rf"community|club|association)\s+of\s+(?P<n>{_COUNT})\s+(?:members|member\s+states|member\s+countries|countries|"
            rf"nations|states)\b",
            # the 27-member EU / the 32-nation NATO alliance
            rf"\b(?i:the)\s+(?P<n>{_COUNT})-(?:member|nation|country|state)\s+(?:[a-z]+\s+)?{org}",
            # NATO, which has 32 members / the EU's 27 member states
            rf"(?<![\w-]){org}(?:,\s+which\s+(?:now\s+)?(?:has|comprises|groups|includes)|\s+(?:now\s+)?(?:has|comprises|groups))\s+"
            rf"(?P<n>{_COUNT})\s+(?:member\s+states|members|member\s+countries|member\s+nations|countries|nations|states)\b",
            rf"(?<![\w-]){org}['’]s\s+(?P<n>{_COUNT})\s+(?:member\s+states|members|member\s+countries|member\s+nations)\b",
        ],
        "rank": [
            # Poland, the EU's most populous member / Nigeria, the largest member of ECOWAS
            rf"{c}(?:,\s+|\s+(?:is|was|remains)\s+)(?:the\s+)?{org}['’]s\s+{_RANKED}\s+{_MEMBER}\b(?!\s+(?:by|in|of)\b)",
            rf"{c}(?:,\s+|\s+(?:is|was|remains)\s+)the\s+{_RANKED}\s+{_MEMBER}\s+(?:of|in)\s+(?:the\s+)?{org}"
            rf"(?![\w+-]|['’]s|\s+(?:by|after|in)\b)",
        ],
        "founded": [
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+was\s+)?|\s+(?:was|is|were)\s+)(?:founded|established|created|formed|"
            rf"set\s+up|launched)(?:\s+in\s+\p{{Lu}}\p{{L}}+)?\s+in\s+{_YEAR}",
            rf"\b(?:[Ff]ounded|[Ee]stablished|[Cc]reated|[Ss]et\s+up)\s+in\s+{_YEAR},\s+(?:the\s+)?{org}",
            rf"\b(?i:the)\s+{_YEAR}\s+(?:founding|creation|establishment|formation)\s+of\s+(?:the\s+)?{org}",
            rf"(?<![\w-]){org}['’]s\s+(?:founding|creation|establishment|formation)\s+in\s+{_YEAR}",
            rf"\b(?i:since)\s+its\s+(?:founding|creation|establishment|formation|birth)\s+in\s+{_YEAR},\s+(?:the\s+)?{org}",
            # ASEAN, the 10-nation bloc founded in 1967
            rf"(?<![\w-]){org},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{1,3}}?(?:founded|established|created|formed|set\s+up|launched)"
            rf"\s+in\s+{_YEAR}",
            # OPEC, which Iran helped found in 1960 / Saudi Arabia helped found OPEC in 1960
            rf"(?<![\w-]){org},?\s+which\s+{name}(?:\s*,\s*(?:and\s+)?{name}|\s+and\s+{name})*\s+(?:(?:co-)?founded|"
            rf"helped\s+(?:to\s+)?found|set\s+up)\s+in\s+{_YEAR}",
            rf"{name}(?:\s*,\s*(?:and\s+)?{name}|\s+and\s+{name})*\s+(?:(?:co-)?founded|helped\s+(?:to\s+)?found|set\s+up)"
            rf"\s+(?:the\s+)?{org}\s+in\s+{_YEAR}",
        ],
    }


# Words that stand for the organisation named last before them ("the bloc's six founding members").
_ANAPHORS = r"(?:bloc|alliance|union|organisation|organization|cartel|grouping|group|club|body|community)"


@lru_cache(maxsize=8)
def _org_compiled(aliases: tuple[str, ...]) -> dict[str, list]:
    """The forms compiled once for a whole table: the aliases are a named list (a set lookup inside the
    pattern), so compiling does not grow with the table nor repeat for each document's mix of names."""
    from ..data.mentions import NAME

    org = rf"(?P<org>\L<org_aliases>|(?<![\w-])[Tt]he\s+{_ANAPHORS})(?![\w+-])"
    return {k: [lazy_pattern(p, org_aliases=aliases) for p in v] for k, v in _org_sources(org, NAME).items()}


class Organisation(Kind):
    """Keys: [[organisation]] tables — name, aliases, seat (cities of its headquarters), members (ISO 3166
    alpha-2 codes of every state ever a member), founders, founded (year, or years an account may give),
    joined / left ({code = year}), source. One reader ties an organisation to a seat ("the Geneva-based X",
    "X's headquarters in Y", "X, headquartered in Y"), a member ("X member Y", "Y, an X member since 1995",
    "Y joined X in 2004", "Y left X in 2020", "X's founding members, Y and Z", "Y co-founded X") or a founding
    year ("X, founded in 1949"), and each is checked against the table (a year within one of the data's)."""

    NAME = "organisation"
    KEYS = {"organisation": list}
    REQUIRED = ("organisation",)

    @classmethod
    def validate(cls, rule) -> None:
        _entries(rule, "organisation", _ORG_KEYS, ("name", "aliases", "source"))

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.orgs = rule.params["organisation"]
        self.by_alias = {alias: i for i, org in enumerate(self.orgs) for alias in org["aliases"]}
        self._aliases = WordIndex(self.by_alias)
        self._all_aliases = tuple(sorted(self.by_alias))

    def _present(self, doc: Document) -> list[str]:
        """The aliases the document holds (as case-sensitive substrings of its prose)."""
        prose = doc.prose
        return [alias for alias in phrase_candidates(doc, self._aliases) if alias in prose]

    def check(self, doc: Document) -> Iterable[Finding]:
        present = self._present(doc)
        if not present:
            return
        g = None
        for _, block in self.blocks(doc):
            text = block.text
            here = tuple(a for a in present if a in text)
            if not here:
                continue
            seen: set[tuple[int, int]] = set()
            for which, patterns in _org_compiled(self._all_aliases).items():
                for rx in patterns:
                    for m in rx.finditer(text, overlapped=True):
                        key = (m.start("org"), m.end())  # ("The US, an ICC member" and "US, an ICC member")
                        if key in seen:
                            continue
                        seen.add(key)
                        name = m.group("org")
                        if name not in self.by_alias:  # "the bloc": the organisation named last before it
                            name = _last_alias(text, m.start("org"), here)
                            if name is None:
                                continue
                            near = {self.by_alias[a]: self.orgs[self.by_alias[a]] for a in here
                                    if text.find(a, max(0, m.start("org") - 300), m.start("org")) >= 0}
                            if not _anaphor_fits(text, m.start("org"), m.end("org"), name,
                                                 self.orgs[self.by_alias[name]], near.values()):
                                continue
                        g = g or _gaz()
                        org = self.orgs[self.by_alias[name]]
                        yield from getattr(self, f"_{which}")(doc, block, g, org, m)

    def _seat(self, doc, block, g, org, m) -> Iterator[Finding]:
        from ..data.names import name_key

        text = block.text
        if not org.get("seat") or "-based" in m.group() and regex.match(_PERSON_AFTER, text[m.end():], regex.I):
            return  # "the Geneva-based WHO officials": people, who may work anywhere
        city = m.group("city")
        if city.startswith("The ") and " " in city:  # "The Geneva-based WHO" opening a sentence
            city = city[4:]
        seats = {name_key(s) for s in org["seat"]}
        if name_key(city) in seats or not g.readings(city) and not g.countries_named(city):
            return
        seat_countries = {p.country for s in org["seat"] for p in g.places(s)[:1]}
        if g.countries_named(city):
            if set(g.countries_named(city)) & seat_countries:
                return
        elif any(g.fits(r, tuple(seat_countries)) for r in g.readings(city)) and len(city.split()) == 1 \
                and not g.places(city):
            return  # a district or suburb of the seat's country
        where = " and ".join(org["seat"])
        yield self.finding(doc, block, m.end("city") - len(city), m.end("city"),
                           org["seat"][0] if len(org["seat"]) == 1 else None, suggestions=org["seat"],
                           org=m.group("org"), fact=f"{org['name']} is based in {where}", source=org["source"])

    def _member(self, doc, block, g, org, m) -> Iterator[Finding]:
        from ..data.mentions import opens_clause
        from ._geography import _own_name

        text = block.text
        if _not_member().search(text, max(0, m.start() - 25), m.start("org")):
            return  # "non-EU member", "Norway is not a member of the EU", "would-be Nato member"
        names = [(m.start("c"), m.end("c"))]
        if "list" in m.re.groupindex and m.group("list"):
            items = list(zip(m.captures("list"), m.starts("list")))
            if m.end("list") == m.end() and "," in items[-1][0] and opens_clause(text, m.end()):
                items.pop()  # "founded by A, B and C, and D joined later": D opens a new clause, C ends the list
            for item, at in items[-1:]:
                names += [(s + at, e + at) for s, e in _list_names(item)]
        qualifier = org.get("qualifier")
        if qualifier and qualifier not in text[max(0, m.start() - 30):m.end()]:
            return  # "Japan, a Security Council member": only its permanent members are listed
        if not org.get("group") and "grp" in m.re.groupindex:
            return  # the forms without "member" are for groups of countries ("the Baltic states")
        founding = "founding" in m.re.groupindex and m.group("founding") is not None
        left = "left" in m.re.groupindex and m.group("left") is not None
        year = int(m.group("year")) if "year" in m.re.groupindex and m.group("year") else None
        for start, end in names:
            country = text[start:end]
            first, _, rest = country.partition(" ")
            if rest and first.casefold() in _OPENERS and not g.countries_named(country):
                start, country = start + len(first) + 1, rest  # "When Poland joined ...", "Since Poland's accession"
            codes = g.countries_named(country)
            if len(codes) != 1 or g.is_historic(country) or g.regions_named(country) and not _own_name(g, country):
                continue
            cc = codes[0]
            fact = self._membership_fact(org, cc, country, founding, left, year)
            if fact is not None:
                # the claim: the country and the words that make it a member, founder or leaver
                span = (start, m.end()) if m.end() > end else (max(m.start(), _claim_start(text, m, start)), end)
                yield self.finding(doc, block, *span, None, org=m.group("org"), fact=fact, source=org["source"])

    @staticmethod
    def _membership_fact(org, cc: str, country: str, founding: bool, left: bool, year: int | None) -> str | None:
        """Why a membership claim is wrong, or None when the table agrees (or cannot tell)."""
        members = org.get("members")
        name = org["name"]
        if members is None:  # only when each member joined is known (the WTO's late joiners)
            if cc in org.get("non_members", ()) and not left:
                return f"{country} is not a member of {name}"
            joined = org.get("joined", {}).get(cc)
            if year is not None and joined is not None and abs(year - joined) > 1 and not left and not founding:
                return f"{country} joined {name} in {joined}"
            return None
        if cc not in members:
            if org.get("group"):
                return f"{country} is not one of {name}"
            qualifier = org.get("qualifier")
            if qualifier and qualifier != "member":
                return f"{country} is not a {qualifier} member of {name}"
            return f"{country} has never been a member of {name}"
        if founding and org.get("founders") is not None and cc not in org["founders"]:
            joined = org.get("joined", {}).get(cc)
            return f"{country} is not a founding member of {name}" + (f"; it joined in {joined}" if joined else "")
        if left:
            quit = org.get("left", {}).get(cc)
            if quit is None:
                return f"{country} has not left {name}"
            if year is not None and abs(year - quit) > 1:
                return f"{country} left {name} in {quit}"
            return None
        if year is not None:
            joined = org.get("joined", {}).get(cc)
            if joined is None and org.get("founders") is not None and cc in org["founders"]:
                joined = _founded_years(org)[0] if _founded_years(org) else None
            if joined is not None and abs(year - joined) > 1:
                return f"{country} joined {name} in {joined}"
        return None

    def _count(self, doc, block, g, org, m) -> Iterator[Finding]:
        founders = org.get("founders")
        if not founders or _count(m.group("n")) == len(founders):
            return
        yield self.finding(doc, block, m.start("n"), m.end("n"), None, org=m.group("org"),
                           fact=f"{org['name']} had {len(founders)} founding members", source=org["source"])

    def _size(self, doc, block, g, org, m) -> Iterator[Finding]:
        """'the 40-nation NATO': a member count the organisation never had (by its founders, joining and leaving
        years; with leavers, any count between its smallest and largest)."""
        counts = _member_counts(org)
        n = _count(m.group("n"))
        if not counts or n in counts or org.get("left") and min(counts) <= n <= max(counts):
            return
        now = max(counts) if not org.get("left") else len(org["members"]) - len(org["left"])
        yield self.finding(doc, block, m.start("n"), m.end("n"), None, org=m.group("org"),
                           fact=f"{org['name']} has {now} members" + (
                               f" and has had between {min(counts)} and {max(counts)}" if len(counts) > 1 else ""),
                           source=org["source"])

    def _rank(self, doc, block, g, org, m) -> Iterator[Finding]:
        """'Poland, the EU's most populous member': the country's rank among the present members by population
        (most populous) or by area or population (largest), in GeoNames' country data; a member within 15% of the
        one the claim ranks in its place passes (sources and dates differ)."""
        members = [c for c in org.get("members") or () if c not in org.get("left", {})]
        codes = g.countries_named(m.group("c"))
        if org.get("group") or org.get("qualifier") or len(codes) != 1 or codes[0] not in members:
            return
        cc = codes[0]
        ordinal = _ORDINAL_WORDS.get((m.group("ord") or "first").casefold(), 0)
        what = " ".join(m.group("what").casefold().replace("-", " ").split())
        smallest = what in ("smallest", "least populous")
        fields = ("population",) if "populous" in what else ("area", "population")
        said = []
        for field in fields:
            ranked = sorted((c for c in members if g.country(c)), key=lambda c: getattr(g.country(c), field),
                            reverse=not smallest)
            if cc not in ranked or ordinal > len(ranked):
                return
            rank = ranked.index(cc) + 1
            claimed = getattr(g.country(ranked[ordinal - 1]), field)
            if rank == ordinal or abs(getattr(g.country(cc), field) - claimed) <= 0.15 * max(claimed, 1):
                return
            said.append((field, rank, ranked[0]))
        field, rank, first = said[0]
        order = "smallest" if smallest else "most populous" if field == "population" else "largest"
        yield self.finding(doc, block, m.start("c"), m.end(), None, org=m.group("org"),
                           fact=f"{m.group('c')} is number {rank} of {org['name']}'s present members by {field} "
                                f"(the {order} is {g.display(first).removeprefix('the ')}; GeoNames country data)",
                           source=org["source"])

    def _founded(self, doc, block, g, org, m) -> Iterator[Finding]:
        years = _founded_years(org)
        year = int(m.group("year"))
        if not years or any(abs(year - y) <= 1 for y in years):
            return
        yield self.finding(doc, block, m.start("year"), m.end("year"), str(years[0]), org=m.group("org"),
                           fact=f"{org['name']} was founded in {years[0]}", source=org["source"])


# Nouns an anaphor may use for any international organisation, and those for one whose members are states.
_ANY_ORG = frozenset({"body", "organisation", "organization"})
_STATES_ORG = frozenset({"bloc", "alliance", "union", "cartel", "grouping", "club", "community"})
# Words that name a company or a business, another candidate an anaphor may stand for ("the builder", "Acme Ltd").
_COMPANY = regex.compile(r"\b(?:(?i:compan(?:y|ies)|firms?|business(?:es)?|conglomerates?|corporations?|makers?|"
                         r"producers?|builders?|developers?|operators?|retailers?|lenders?|insurers?|manufacturers?|"
                         r"contractors?|brewers?|miners?|carriers?|suppliers?|start-?ups?)|Ltd|Inc|plc|PLC|Corp|Holdings|"
                         r"Group|AG|SA|NV|GmbH)\b")


def _anaphor_fits(text: str, start: int, end: int, alias: str, org: dict, others: Iterable[dict] = ()) -> bool:
    """Whether "the <noun>" at start..end can stand for the organisation last named (by `alias`) before it: the noun
    is a word of the organisation's names ("the bank" for a development bank, "the group" for the Group of Seven),
    a word for any organisation ("the body"), or a word for a union of states when its members are states ("the
    bloc"); no company nor common noun of its own is between them ("lent to the builder. The group, founded in
    1987" is the builder; "fined a dockers' union. The union" is the dockers'); and no other organisation the noun
    fits is named just before ("the EU and the African Union met. The union": either)."""
    noun = text[start:end].split()[-1].casefold()
    if noun == "its":  # "its", inside the sentence that names the organisation
        return True
    if not _noun_fits(noun, org):
        return False
    at = _last_alias_at(text, start, alias)
    between = text[at + len(alias):start]
    # a company, or a common noun of the anaphor's own ("a dockers' union. The union, ..."), is a nearer candidate
    return not _COMPANY.search(between) and not regex.search(rf"\b(?<!\p{{Lu}}\p{{L}}*\s){noun}s?\b", between) and \
        not any(other is not org and _noun_fits(noun, other) for other in others)


def _noun_fits(noun: str, org: dict) -> bool:
    return noun in _name_words(org["name"], tuple(org["aliases"])) or noun in _ANY_ORG or noun in _STATES_ORG and bool(org.get("members") or org.get("group"))


@lru_cache(maxsize=None)
def _name_words(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The folded words of an organisation's name and aliases (one set per organisation, not one per anaphor)."""
    return frozenset(w.casefold() for a in (name, *aliases) for w in regex.findall(r"\w+", a))


def _last_alias_at(text: str, pos: int, alias: str) -> int:
    """Where the alias occurs last (as a whole word) before pos."""
    found = text.rfind(alias, 0, pos)
    while found != -1 and (found > 0 and (text[found - 1].isalnum() or text[found - 1] == "-")
                           or text[found + len(alias):found + len(alias) + 1].isalnum()):
        found = text.rfind(alias, 0, found)
    return found


def _last_alias(text: str, pos: int, aliases: tuple[str, ...]) -> str | None:
    """The alias that occurs last before pos (as a whole word)."""
    best, where = None, -1
    for alias in aliases:
        found = _last_alias_at(text, pos, alias)
        if found > where:
            best, where = alias, found
    return best


def _claim_start(text: str, m, country_start: int) -> int:
    """Where the words that claim membership begin before a listed country ("ASEAN's founding members, ...")."""
    org = m.start("org")
    if country_start - org <= 80:
        return org
    found = regex.search(r"(?r)\b(?:its|founding|members?|founders?)\b", text, pos=m.start(), endpos=country_start)
    return found.start() if found else country_start


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.casefold()]


def _member_counts(org) -> set[int]:
    """Every member count the organisation has had, when its table tells when each member came (founders and
    joining years) and went; empty when it does not, for a group named by a number (the G20 counts the EU and
    the African Union besides its countries), or for a table of some members only (the Security Council's
    permanent five)."""
    members, founders = org.get("members"), org.get("founders")
    joined, left = org.get("joined", {}), org.get("left", {})
    if not members or founders is None or org.get("qualifier") or any(ch.isdigit() for ch in org["name"]):
        return set()
    if any(c not in founders and c not in joined for c in members):
        return set()
    years = sorted({*joined.values(), *left.values()})
    counts = {len(founders)}
    for year in years:
        counts.add(sum(1 for c in members if (c in founders or joined.get(c, 9999) <= year)
                       and left.get(c, 9999) > year))
    return counts


def _founded_years(org) -> list[int]:
    founded = org.get("founded")
    return [] if founded is None else [founded] if isinstance(founded, int) else list(founded)


def _list_names(tail: str) -> list[tuple[int, int]]:
    """The spans of the names in a list tail (', Y and Z')."""
    from ..data.mentions import NAME

    return [m.span() for m in regex.finditer(rf"(?=\p{{Lu}}){NAME}", tail)]


def _gaz():
    from ..data.gazetteer import gazetteer

    return gazetteer()
