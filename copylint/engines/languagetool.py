"""LanguageTool engine: checks a Document's prose on a warm LanguageTool server and returns copylint Findings."""
from __future__ import annotations

import os
import sys
from bisect import bisect_right
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import regex

from ..document import Document, ProseBlock
from ..model import Applicability, Edit, Finding, Fix, Severity
from .lt_spelling import OTHER_VARIANT_NOTE, NameOracle, edit_distance, is_unedited, not_an_error

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_PORT = 8081
CURATION_FILE = Path(__file__).with_name("languagetool_rules.toml")
MAX_SUGGESTIONS = 5
REVIEWED_PRECISION = 0.8  # share of a rule's clean-news hits that must be real slips for [reviewed] to turn it on
# A rule measured "off" for its noise on clean news that is right this often on the error corpora runs in unedited text
# (lt_spelling.is_unedited: dense with errors, which edited copy never is), where its hits are slips, not noise.
UNEDITED_PRECISION = 2 / 3
# Blocks go out as one text per document, separated like paragraphs so no rule joins two blocks.
SEPARATOR = "\n\n"
_WARNING_TYPES = frozenset({"misspelling", "grammar", "duplication", "inconsistency"})
_REMOVAL_FAMILIES = frozenset({"CL1", "CL2"})  # markup leftovers and page furniture: text to delete
# Headlines are written in headline grammar ("Firm shake up as profit slips"): only spelling is checked there.
_HEADLINE_SCOPES = frozenset({"title", "heading"})


# Seconds to connect to the server and to wait for one answer ($LANGUAGETOOL_TIMEOUT sets the second): a server that
# accepts and never answers costs this much (twice: the client tries twice), then the engine is off for the run.
CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0


def read_timeout() -> float:
    try:
        value = float(os.environ.get("LANGUAGETOOL_TIMEOUT", READ_TIMEOUT))
    except ValueError:
        return READ_TIMEOUT
    return value if value > 0 else READ_TIMEOUT


def is_loopback(url: str) -> bool:
    """Whether the URL names this machine (localhost, 127.0.0.0/8, ::1): text sent there stays here."""
    import ipaddress
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_url(url: str | None = None) -> str:
    """Explicit argument, else $LANGUAGETOOL_URL, else the local server `copylint languagetool start` starts."""
    chosen = url or os.environ.get("LANGUAGETOOL_URL")
    if not chosen:
        chosen = f"http://127.0.0.1:{os.environ.get('LANGUAGETOOL_PORT', DEFAULT_PORT)}"
    return chosen.rstrip("/")


# Dictionary spell checkers. LanguageTool also labels many pattern rules "misspelling" ("an good" EN_A_VS_AN, "i"
# I_LOWERCASE, "alot"): those are grammar-and-usage matches with fixed wording and never go through the name filters.
_SPELLING_RULES = ("MORFOLOGIK_RULE", "HUNSPELL_RULE", "HUNSPELL_NO_SUGGEST_RULE")


def is_spelling(rule_id: str, issue_type: str = "") -> bool:
    """Whether a match is the dictionary spell checker's (a word it does not know), whatever its issue type."""
    return rule_id.startswith(_SPELLING_RULES)


@dataclass(frozen=True)
class Curation:
    """The news-fit defaults in languagetool_rules.toml: what is off by default and why."""

    disabled: Mapping[str, str]  # rule id, or glob such as "*_COMPOUNDS" -> reason
    disabled_categories: Mapping[str, str]  # LanguageTool category id -> reason
    enabled: frozenset[str]  # rules measured "on": default-off ones found precise, others silent on clean news
    unedited: frozenset[str]  # rules measured "off" for clean-news noise, precise enough to run in unedited text
    accept_other_variants: bool  # "colour" in en-US copy is another variant, not a misspelling
    accept_words: tuple[str, ...]  # a newsroom's house dictionary: standard news words LT's lacks


@lru_cache(maxsize=1)
def curation() -> Curation:
    with open(CURATION_FILE, "rb") as handle:
        data = tomllib.load(handle)

    def reasons(table: str) -> dict[str, str]:
        return {key: entry.get("reason", "") for key, entry in data.get(table, {}).items()}

    spelling = data.get("spelling", {})
    measured = data.get("measured", {})
    # Read on clean news: a rule whose hits there were real slips is not noise ([reviewed]).
    reviewed = frozenset(rule for rule, entry in data.get("reviewed", {}).items()
                         if entry.get("news", 0) and entry.get("real", 0) >= REVIEWED_PRECISION * entry["news"])
    disabled = {rule: reason for rule, reason in reasons("disabled").items()
                if measured.get(rule, {}).get("verdict") != "on" and rule not in reviewed}
    # Turned on by evidence: a default-off rule measured precise, or a rule measured "on" that is silent on clean news,
    # which then runs even inside a category or glob switched off for the noise of its siblings.
    enabled = frozenset(rule for rule, entry in measured.items() if entry.get("verdict") == "on" and (
        entry.get("default_off") or entry.get("news", -1) == 0))  # unmeasured on news: not silent
    enabled |= reviewed
    for rule, entry in measured.items():
        if entry.get("verdict") == "off" and not entry.get("default_off") and rule not in reviewed:
            disabled.setdefault(rule, f"measured: {entry.get('news', 0)} hits on clean news, precision "
                                      f"{entry.get('precision', '-')} on real errors ({entry.get('found', 0)} hits)")
    # The server prefers a specific hyphenation rule ("40 year old", YEAR_OLD_HYPHEN) over MISSING_HYPHEN at the same
    # words: asked for everywhere, one would hide MISSING_HYPHEN's matches in edited copy, where it is then dropped.
    unedited = frozenset(rule for rule, entry in measured.items() if entry.get("verdict") == "off" and not (
        entry.get("default_off") or rule in enabled or rule.endswith("_HYPHEN")) and entry.get("found", 0) and
        entry.get("correct", 0) >= UNEDITED_PRECISION * entry["found"])
    return Curation(disabled, reasons("disabled_categories"), enabled, unedited,
                    bool(spelling.get("accept_other_variants", True)), tuple(spelling.get("accept", ())))


@dataclass(frozen=True)
class Query:
    """One request: the blocks sent, the joined text, each block's start in it, and the raw matches."""

    blocks: tuple[ProseBlock, ...]
    text: str
    starts: tuple[int, ...]
    matches: tuple[Any, ...]


class LanguageToolEngine:
    """One client per run: every document goes to the same warm server, one request per document."""

    def __init__(
        self,
        url: str | None = None,
        disabled_rules: Iterable[str] = (),
        enabled_rules: Iterable[str] = (),
        vocabulary: Iterable[str] = (),
        language: str = "en-US",
        *,
        curated: bool = True,
        only_rules: Iterable[str] = (),
    ) -> None:
        self.url = resolve_url(url)
        self.only_rules = frozenset(only_rules)  # --select LT:<ID>: just these rules run
        self.language = language
        cur = curation()
        # asked of the server, kept only in unedited text; a rule the caller names (enable, disable, --select) is not
        self.unedited_rules = cur.unedited - set(enabled_rules) - set(disabled_rules) - self.only_rules \
            if curated and not self.only_rules else frozenset()
        self.enabled_rules = frozenset(enabled_rules) | (cur.enabled - set(disabled_rules) if curated else frozenset()) \
            | self.unedited_rules
        wanted_off = set(disabled_rules) | (set(cur.disabled) if curated else set())
        self.disabled_rules = frozenset(r for r in wanted_off - self.enabled_rules if "*" not in r)
        # Globs ("*_COMPOUNDS") are applied here: the server only takes exact rule ids.
        self.disabled_patterns = tuple(sorted(r for r in wanted_off if "*" in r))
        self.disabled_categories = frozenset(set(cur.disabled_categories) - self.enabled_rules) if curated else frozenset()
        self.accept_other_variants = cur.accept_other_variants
        self.vocabulary = (*vocabulary, *(cur.accept_words if curated else ()))
        self.warning: str | None = None  # set when the server fails mid-run; the caller may print it once
        self.unchecked = 0  # documents with prose that LanguageTool did not check (it failed, or was off after)
        self.timeout = (CONNECT_TIMEOUT, read_timeout())
        self._tool = None
        self._variant_tool = None

    # -- connection ---------------------------------------------------------------------------------
    def available(self) -> str | None:
        """None when the server answers; otherwise one line saying what is wrong and how to fix it."""
        if self._tool is not None:
            return None
        try:
            import language_tool_python
        except ImportError:
            return ("LanguageTool engine off: the language_tool_python package is missing "
                    "(pip install language-tool-python); built-in rules still run")
        try:
            tool = self._client(language_tool_python)(self.language, remote_server=self.url)
        except Exception as exc:  # refused, timed out, unknown language, non-JSON answer: all "not usable"
            reason = _reason(exc)
            if isinstance(exc, ValueError):  # the server answered but lacks the language
                return (f"LanguageTool at {self.url} cannot check {self.language!r} ({reason}); set "
                        "[tool.copylint.languagetool] language, or pass --no-languagetool; built-in rules still run")
            return (f"LanguageTool not reachable at {self.url} ({reason}); start it with "
                    "`copylint languagetool start` or set LANGUAGETOOL_URL, or pass --no-languagetool; "
                    "built-in rules still run")
        tool.disabled_rules = set(self.disabled_rules)
        tool.enabled_rules = set(self.enabled_rules)
        tool.disabled_categories = set(self.disabled_categories)
        if self.only_rules:  # the server takes no disabled rules or categories beside enabledOnly
            tool.enabled_rules, tool.enabled_rules_only = set(self.only_rules), True
            tool.disabled_rules, tool.disabled_categories = set(), set()
        self._tool = tool
        return None

    def _client(self, module: Any) -> type:
        """LanguageTool's client with this engine's timeouts (the library waits 300 s per request)."""
        client = module.LanguageTool
        if not isinstance(client, type):  # a stand-in (tests)
            return client
        return type("TimedLanguageTool", (client,), {"_TIMEOUT": self.timeout})

    def close(self) -> None:
        self._tool = None
        self._variant_tool = None

    def _failed(self, exc: Exception) -> None:
        self.warning = f"LanguageTool stopped answering at {self.url} ({_reason(exc)})"
        self.close()

    # -- checking -----------------------------------------------------------------------------------
    def check(self, doc: Document) -> list[Finding]:
        query = self.query(doc)
        return self.findings(doc, query) if query is not None else []

    def query(self, doc: Document) -> Query | None:
        """Send the document's prose (every block, one request) and return LanguageTool's raw matches."""
        blocks = tuple(b for b in doc.blocks if b.text.strip())
        if not blocks:
            return None
        # The circuit breaker: after one failure the server is not asked again this run; each document it would
        # have checked is counted, so the run can say how many went unchecked (and never caches them).
        if self._tool is None and (self.warning is not None or self.available() is not None):
            self.unchecked += 1
            return None
        text, starts = join_blocks(blocks)
        try:
            matches = self._tool.check(text)
        except Exception as exc:  # the server died, timed out or answered garbage: say so once, lint on without it
            self._failed(exc)
            self.unchecked += 1
            return None
        return Query(blocks, text, tuple(starts), tuple(matches))

    def findings(self, doc: Document, query: Query) -> list[Finding]:
        """Matches mapped to exact source offsets, minus names, compounds and other-variant spellings."""
        oracle = NameOracle(doc, self.vocabulary)
        located = []
        doubted = []  # spelling matches the name and term filters dropped: slips after all in unedited text
        held = []  # matches of the rules that run in unedited text only
        for m in query.matches:
            where = _locate(query, m)
            if where is None or self._pattern_disabled(m.rule_id):
                continue
            index, start, end = where
            text = query.blocks[index].text
            spelling = is_spelling(m.rule_id, _issue_type(m))
            if _not_a_doubled_word(m.rule_id, text, start, end) or not_an_error(m.rule_id, text, start, end) or \
                    _not_after_full_stop(m.rule_id, text, start) or (
                    query.blocks[index].scope in _HEADLINE_SCOPES and not _word_level(m, spelling)):
                continue
            if m.rule_id in self.unedited_rules:
                held.append((m, index, start, end))
                continue
            if spelling:
                if self.accept_other_variants and OTHER_VARIANT_NOTE.search(m.message):
                    continue
                if oracle.not_a_misspelling(text, start, end, m.replacements[:MAX_SUGGESTIONS]):
                    doubted.append((m, index, start, end))
                    continue
            located.append((m, index, start, end))
        if (doubted or held) and is_unedited(query.text, len(located)):
            located += held + [(m, i, s, e) for m, i, s, e in doubted
                               if oracle.is_unedited_slip(query.blocks[i].text, s, e, m.replacements[:MAX_SUGGESTIONS])]
            located.sort(key=lambda x: (x[1], x[2], x[3]))
        accepted = self._other_variant_words(
            {query.blocks[i].text[s:e] for m, i, s, e in located if is_spelling(m.rule_id, _issue_type(m))})
        return [
            _finding(doc, query.blocks[i], s, e, m)
            for m, i, s, e in located
            if not (accepted and is_spelling(m.rule_id, _issue_type(m)) and query.blocks[i].text[s:e] in accepted)
        ]

    def server_disables(self, m: Any) -> bool:
        """Whether the server, sent this engine's settings, would have left match m out."""
        return (m.rule_id in self.disabled_rules or m.category in self.disabled_categories) and \
            m.rule_id not in self.enabled_rules

    def _pattern_disabled(self, rule_id: str) -> bool:
        return rule_id not in self.enabled_rules and any(fnmatchcase(rule_id, p) for p in self.disabled_patterns)

    def _other_variant_words(self, flagged: set[str]) -> set[str]:
        """The flagged words another English variant's dictionary accepts ("furore", "judgement")."""
        if not flagged or not self.accept_other_variants or not self.language.startswith("en-"):
            return set()
        other = "en-GB" if self.language != "en-GB" else "en-US"
        try:
            if self._variant_tool is None:
                import language_tool_python

                tool = self._client(language_tool_python)(other, remote_server=self.url)
                tool.enabled_rules = {f"MORFOLOGIK_RULE_{other.replace('-', '_').upper()}"}
                tool.enabled_rules_only = True
                self._variant_tool = tool
            ordered = sorted(flagged)
            text = SEPARATOR.join(ordered)
            still_wrong = {text[m.offset:utf16_end(text, m.offset, m.error_length)]
                           for m in self._variant_tool.check(text)}
        except Exception:  # the second opinion is optional: keep the en-US verdicts
            return set()
        return {w for w in ordered if w not in still_wrong}


def _reason(exc: BaseException) -> str:
    """A short cause for the one-line warning."""
    chain = [e for e in (exc, exc.__cause__, exc.__context__) if e is not None]
    names = " ".join(type(e).__name__ for e in chain)
    if "Timeout" in names:
        return "timed out"
    if "ConnectionError" in names or "Max retries" in str(exc):
        return "nothing answers there"
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120]


def _issue_type(m: Any) -> str:
    return getattr(m, "rule_issue_type", "") or ""


def _word_level(m: Any, spelling: bool) -> bool:
    """Spelling and wrong-word rules, which apply to headlines too."""
    return spelling or m.category == "TYPOS" or m.rule_id.startswith("EN_SIMPLE_REPLACE")


def _not_a_doubled_word(rule_id: str, text: str, start: int, end: int) -> bool:
    """"6-3 6-3" in a tennis score, "their Please Please Me album": numbers and titles of works repeat."""
    if rule_id != "ENGLISH_WORD_REPEAT_RULE":
        return False
    matched = text[start:end]
    if any(c.isdigit() for c in matched):
        return True
    before = text[:start].rstrip(" \t\"'“‘(")
    return all(w[:1].isupper() for w in matched.split()) and bool(before) and not before.endswith((".", "!", "?"))


def _not_after_full_stop(rule_id: str, text: str, start: int) -> bool:
    """A lowercase word LanguageTool calls a sentence start, but with no full stop before it: after a
    title's own ? or ! ("Are We There Yet? and ...") or a gap left by stripped markup ("tabby  surely")."""
    if rule_id != "UPPERCASE_SENTENCE_START":
        return False
    if _ONE_WORD_SENTENCE.match(text, start) and (_ONE_WORD_SENTENCE.match(text, text.find(" ", start) + 1) or
                                                   _AFTER_ONE_WORD_SENTENCE.search(text, 0, start)) \
            or _VARIABLE.match(text, start):
        return True  # "we're. on. it.": words set off one by one for emphasis; "x is the unknown": a symbol
    if _AFTER_CLOSING_QUOTE.fullmatch(text[:start]):
        return True  # '" she wrote in her letter.': the attribution of a quotation cut off before it
    before = text[:start].rstrip(" \t\n\"'”’)")
    if not before:
        return continues_cut_sentence(text[start:]) or is_list_fragment(text[start:])
    return not before.endswith(".")


_VARIABLE = regex.compile(r"[b-hj-z](?!\p{L})")  # a lone letter other than "a" and "i" names a variable
_ONE_WORD_SENTENCE = regex.compile(r"[\p{L}'’]+\.(?:\s|$)")
# after a one-word sentence: emphasis comes in runs ("on. meth. dot."); "however. other." is a lone leftover
_AFTER_ONE_WORD_SENTENCE = regex.compile(r"(?:^|[.!?]\s+)[\p{L}'’]+\.\s+$")
_AFTER_CLOSING_QUOTE = regex.compile(r"\s*[\"”’']\s+")  # a quote mark then a space: it closes a quotation
_FRAGMENT_WORDS = 4
_LIST_ITEM_END = regex.compile(r"(?:[,;:]|\b(?:and|or))\W*$")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*\W*$")


def is_list_fragment(text: str) -> bool:
    """A block that is a list item, a heading or a caption, not a sentence: it ends in a comma, a semicolon or a
    coordinator ("if X incubates charities ..., or"), or it is a few words with no closing punctuation that no subject
    pronoun opens ("baby carrier", "healthy snack bars"). Lower case is how such fragments are written, not a slip."""
    stripped = text.strip()
    if _LIST_ITEM_END.search(stripped):
        return True
    words = regex.findall(r"\w+", stripped.casefold())
    return not _SENTENCE_END.search(stripped) and len(words) <= _FRAGMENT_WORDS and words[:1] != ["i"] and \
        not set(words[:1]) & _SUBJECT_PRONOUNS  # "he go to school" is a sentence whose full stop is missing


_COORDINATORS = frozenset({"and", "or", "but", "nor"})
_FINITE_FUNCTION_WORDS = frozenset("""am is are was were has have had do does did can could will would shall should may
    might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't couldn't won't wouldn't
    shouldn't""".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBN"})
_SUBJECT_PRONOUNS = frozenset("i you he she it we they there this that".split())
_QUOTATION = regex.compile(r"\"[^\"]*\"?|“[^”]*”?")
_CLAUSE_END = regex.compile(r"[.!?;:](?:\s|$)")


def continues_cut_sentence(text: str) -> bool:
    """A block that opens in lower case in the middle of a sentence whose start was cut off (an excerpt, a paragraph
    split by a page's markup): its first word is a finite verb with no subject before it ("was raised, we have now
    ..."), its first sentence closes a bracket it never opened ("dates May 28 to August 3)."), or it is a coordinator
    joining a phrase with no finite verb ("and other parameters relating to the system."). A sentence that merely
    forgets its capital ("and then students are more engaged.", "although, learning ...") has a subject and a verb."""
    from ..data.lexicon import word_classes

    sentence = _CLAUSE_END.split(text, maxsplit=1)[0]
    words = regex.findall(r"[\p{L}'’]+", sentence.casefold().replace("’", "'"))
    if not words:
        return False
    if sentence.count(")") > sentence.count("("):
        return True
    classes = word_classes()

    def finite(word: str) -> bool:
        tags = classes.of(word)
        return word in _FINITE_FUNCTION_WORDS or bool(tags & _FINITE_TAGS) and not tags & {"NN", "NNS", "VB", "JJ"}

    if finite(words[0]):  # not a question's inverted verb ("is it possible ...?")
        return not (sentence.rstrip().endswith("?") or len(words) > 1 and words[1] in _SUBJECT_PRONOUNS)
    if words[0] not in _COORDINATORS:
        return False
    unquoted = _QUOTATION.sub(" ", sentence)  # a quotation's verbs are the quotation's: 'or "What did you play?"'
    return not any(w in _FINITE_FUNCTION_WORDS or classes.of(w) & {"VBD", "VBZ"}
                   for w in regex.findall(r"[\p{L}'’]+", unquoted.casefold().replace("’", "'"))[1:])


def _locate(query: Query, m: Any) -> tuple[int, int, int] | None:
    """(block index, start, end) in block text of a match on the joined text; None on a separator."""
    start = m.offset
    end = utf16_end(query.text, start, m.error_length)
    index = bisect_right(query.starts, start) - 1
    if index < 0:
        return None
    block_len = len(query.blocks[index].text)
    local_start = start - query.starts[index]
    local_end = min(end - query.starts[index], block_len)
    if local_start >= block_len or local_end < local_start:
        return None
    return index, local_start, local_end


def _finding(doc: Document, block: ProseBlock, start: int, end: int, m: Any) -> Finding:
    matched = block.text[start:end]
    rule_id, category, issue_type = m.rule_id, m.category, _issue_type(m)
    src_start, src_end = block.source_span(start, end)
    source_text = doc.source[src_start:src_end]
    suggestions = tuple(r for r in m.replacements[:MAX_SUGGESTIONS] if r != matched)
    fix = None
    if suggestions:
        # LanguageTool's suggestions are guesses: shown, or applied only with --unsafe-fixes in the narrow
        # cases that are nearly always right. Never applied across inline markup.
        safe_ish = rule_id.startswith("EN_SIMPLE_REPLACE") or (
            is_spelling(rule_id, issue_type) and len(m.replacements) == 1 and " " not in suggestions[0]
            and edit_distance(suggestions[0].casefold(), matched.casefold(), 1) <= 1)
        applicability = (Applicability.UNSAFE if safe_ish and source_text == matched
                         else Applicability.DISPLAY_ONLY)
        fix = Fix((Edit(src_start, src_end, suggestions[0]),), applicability)
    return Finding(
        path=doc.path,
        code=f"LT:{rule_id}",
        name=category.lower().replace("_", "-"),
        severity=Severity.WARNING if issue_type in _WARNING_TYPES or rule_id.startswith("EN_SIMPLE_REPLACE")
        else Severity.INFO,
        message=m.message,
        start=src_start,
        end=src_end,
        text=source_text,
        suggestions=suggestions,
        fix=fix,
        data=(("languagetool_rule", rule_id), ("languagetool_category", category),
              ("languagetool_issue_type", issue_type)),
    )


def join_blocks(blocks: Sequence[ProseBlock]) -> tuple[str, list[int]]:
    """The text sent to LanguageTool and where each block starts in it."""
    starts = []
    pos = 0
    for block in blocks:
        starts.append(pos)
        pos += len(block.text) + len(SEPARATOR)
    return SEPARATOR.join(b.text for b in blocks), starts


def utf16_end(text: str, start: int, utf16_length: int) -> int:
    """End (code points) of the span that starts at code point `start` and is `utf16_length` Java chars long."""
    end = start
    remaining = utf16_length
    while remaining > 0 and end < len(text):
        remaining -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


# -- merging with copylint's own findings -------------------------------------------------------------
def same_problem(lt: Finding, other: Finding) -> bool:
    """Whether a LanguageTool finding is about the problem `other` already reports.

    Yes when the spans overlap over at least half the longer one, or overlap and propose the same
    replacement, or overlap a markup/furniture finding (CL1xx/CL2xx: text to delete, so nothing inside it
    needs a grammar fix). A typo inside a sentence-long echo finding is a problem of its own.
    """
    overlap = min(lt.end, other.end) - max(lt.start, other.start)
    if overlap < 0 or (overlap == 0 and lt.start != lt.end and other.start != other.end):
        return False
    if other.code[:3] in _REMOVAL_FAMILIES:
        return True
    if lt.suggestions and other.suggestions and lt.suggestions[0] == other.suggestions[0]:
        return True
    return overlap * 2 >= max(lt.end - lt.start, other.end - other.start, 1)


def merge(own: list[Finding], lt: list[Finding]) -> list[Finding]:
    """copylint's own findings plus the LanguageTool ones that say something new.

    copylint's rules are curated for edited prose and carry exact fixes, so on one problem they win.
    Among LanguageTool's overlapping matches the non-spelling one (more specific) wins, else the first.
    """
    kept: list[Finding] = []
    for candidate in sorted(lt, key=_lt_preference):
        if any(same_problem(candidate, f) for f in own) or any(same_problem(candidate, f) for f in kept):
            continue
        kept.append(candidate)
    return [*own, *kept]


def _lt_preference(f: Finding) -> tuple[int, int, int]:
    data = dict(f.data)
    spelling = is_spelling(str(data.get("languagetool_rule", f.code[3:])), str(data.get("languagetool_issue_type", "")))
    return (f.start, 1 if spelling else 0, f.end)
