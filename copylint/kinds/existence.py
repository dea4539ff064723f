"""existence: flag every match of a regex or a phrase list; an optional replacement template gives the fix."""
from __future__ import annotations

import functools
from typing import Iterable

from ..data.literals import fold as fold_for_literals, holds, required_all
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from ..phrases import PhraseMatcher, fold
from ..registry import compile_regex
from .base import Kind, match_case


def _html_unescape(text: str) -> str:
    """The character an entity stands for; a double-encoded one ('&amp;#39;') is decoded until it is text."""
    import html

    for _ in range(3):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text.replace("\xa0", " ")


def _mojibake(text: str) -> str | None:
    """UTF-8 text that was read as Windows-1252 ('cafÃ©', 'itâ€™s') turned back into what was written, or None
    when the bytes do not make UTF-8 (then there is no safe guess)."""
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            raw.append(ord(ch))  # the five bytes cp1252 leaves undefined pass through as C1 controls
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


# Named functions that compute a replacement from the matched text, for what a template cannot express.
TRANSFORMS = {"html-unescape": _html_unescape, "mojibake": _mojibake, "lowercase": str.lower}


def _compile_pattern(rule):
    if "pattern" not in rule.params:
        return None
    import regex

    flags = regex.IGNORECASE if rule.params.get("ignorecase", False) else 0
    return compile_regex(rule, "pattern", rule.params["pattern"], flags)


def _compile_prefilter(rule):
    """The stdlib engine: it scans for a leading literal far faster than the regex module runs a rich pattern."""
    if "prefilter" not in rule.params:
        return None
    import re

    try:
        return re.compile(rule.params["prefilter"])
    except re.error as exc:
        raise RuleError(rule.path, "prefilter", f"invalid regex {rule.params['prefilter']!r}: {exc}") from None


@functools.lru_cache(maxsize=1)
def _abbreviation():
    import regex

    return regex.compile(r"\p{Lu}[\p{L}-]+\s+\((\p{Lu}{2,6})\)|(?<![\w-])(\p{Lu}{2,6})-\p{Lu}\p{Ll}+")


def _defined(doc: Document) -> frozenset[str]:
    """Abbreviations the document uses as names: defined in parentheses after one ('Techniker Krankenkasse (TK)')
    or heading a compound name ('TK-Safe')."""
    pattern = _abbreviation()
    return frozenset(m.group(1) or m.group(2) for block in doc.blocks for m in pattern.finditer(block.text))


class Existence(Kind):
    """Keys: pattern (regex) or tokens (phrases); replacement (regex template, \\1 or {0}); ignorecase; exceptions;
    transform (a named replacement function); unless_defined (a match the document uses as an abbreviation, '(TK)'
    or 'TK-Safe', is a name there, not the thing the rule looks for). Speed is derived: the strings every match
    must hold come from the pattern itself (data.literals), and a document without them is skipped unscanned. The
    old hand-written shortcuts (triggers, literals, prefilter) are still honoured in user rule files; built-in
    rules carry none."""

    NAME = "existence"
    KEYS = {"pattern": str, "tokens": list, "replacement": str, "ignorecase": bool, "exceptions": list,
            "case_sensitive": bool, "transform": str, "triggers": list, "literals": list,
            "prefilter": str, "unless_defined": bool}

    @classmethod
    def validate(cls, rule) -> None:
        if ("pattern" in rule.params) == ("tokens" in rule.params):
            raise RuleError(rule.path, "pattern", "give exactly one of 'pattern' or 'tokens'")
        if rule.params.get("transform", "") not in ("",) + tuple(TRANSFORMS):
            raise RuleError(rule.path, "transform", f"unknown transform (known: {', '.join(TRANSFORMS)})")
        # Compiled here so a bad pattern is an error when the rule file is read; the rule itself compiles its
        # pattern only when a document gets past its triggers (validated rules are cached between runs).
        _compile_pattern(rule)
        for i, e in enumerate(rule.params.get("exceptions", [])):
            compile_regex(rule, f"exceptions[{i}]", e)
        _compile_prefilter(rule)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.replacement = p.get("replacement")
        self.transform = TRANSFORMS.get(p.get("transform", ""))
        # Words one of which every match contains: without any of them in the document the rule skips it.
        self.triggers = frozenset(fold(t) for t in p.get("triggers", ()))
        # Case-sensitive substrings one of which every match contains: a block without any is skipped.
        self.literals = tuple(p.get("literals", ()))
        self.prefilter = _compile_prefilter(rule)
        # Derived from the pattern, never written: sets of strings of which every match holds one each (see
        # data.literals); a document holding none of one set is skipped unscanned.
        self.needs = required_all(p["pattern"]) if "pattern" in p else ()
        self._exceptions: list | None = None
        self._pattern = None
        self.matcher = None if "pattern" in p else PhraseMatcher({t: t for t in p["tokens"]}, p.get("case_sensitive", False))

    def required(self) -> tuple[frozenset[str], ...] | None:
        return self.needs or None

    @property
    def pattern(self):
        if self._pattern is None and self.matcher is None:
            self._pattern = _compile_pattern(self.rule)
        return self._pattern

    @property
    def exceptions(self) -> list:
        if self._exceptions is None:
            self._exceptions = [compile_regex(self.rule, "exceptions", e) for e in self.rule.params.get("exceptions", [])]
        return self._exceptions

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.triggers and not doc.has_any(self.triggers):
            return
        if self.needs and not holds(doc.memo(("folded-for-literals",), lambda: fold_for_literals(doc.prose)), self.needs):
            return
        if self.matcher is not None and not self.matcher.may_match(doc.words, doc.folded):
            return
        literals = self.literals
        defined = _defined(doc) if self.rule.params.get("unless_defined") else frozenset()
        for _, block in self.blocks(doc):
            text = block.text
            if literals and not any(lit in text for lit in literals):
                continue
            if self.prefilter is not None and self.prefilter.search(text) is None:
                continue
            if self.matcher is None:
                for m in self.pattern.finditer(text):
                    if m.end() == m.start() or self._excepted(m.group()) or m.group() in defined:
                        continue
                    if self.transform is not None:
                        replacement = self.transform(m.group())
                    else:
                        replacement = m.expand(self.replacement) if self.replacement is not None else None
                    yield self.finding(doc, block, m.start(), m.end(), replacement)
            else:
                for start, end, _ in self.matcher.finditer(text):
                    found = text[start:end]
                    if self._excepted(found):
                        continue
                    replacement = match_case(found, self.replacement) if self.replacement is not None else None
                    yield self.finding(doc, block, start, end, replacement)

    def _excepted(self, text: str) -> bool:
        return any(e.fullmatch(text) for e in self.exceptions)
