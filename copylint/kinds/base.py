"""Kind: the base class every rule kind extends, and helpers to turn block spans into Findings."""
from __future__ import annotations

from typing import Any, ClassVar, Iterable, Iterator, Sequence

from ..document import Document, ProseBlock
from ..model import Applicability, Edit, Finding, Fix
from ..rule import Rule


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, values: dict[str, Any]) -> str:
    return template.format_map(_Blank(values))


def match_case(original: str, replacement: str) -> str:
    """Give replacement the capitalisation of original (ALL CAPS, Capitalised or as written)."""
    if not replacement or not original:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# The running-text scopes (not headings, tables or alt text) that the prose-reading kinds default to.
PROSE_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})


class Kind:
    """A rule kind: KEYS are the rule-file keys it adds; check() yields Findings in source offsets."""

    NAME: ClassVar[str] = ""
    KEYS: ClassVar[dict[str, type]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    DEFAULT_SCOPES: ClassVar[frozenset[str] | None] = None  # None: every scope
    # Kinds that read the whole document (consistency, echo) must see every block before judging.
    DOCUMENT_LEVEL: ClassVar[bool] = False
    # Run-wide facts the kind takes as keyword arguments when built (engine.build_kinds), e.g. ("known",).
    SHARED: ClassVar[tuple[str, ...]] = ()

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    @classmethod
    def validate(cls, rule: Rule) -> None:
        """Cheap checks at load time; compiling happens in __init__ and raises RuleError too."""

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def required(self) -> tuple[frozenset[str], ...] | None:
        """Sets of folded strings (data.literals.fold) of which a document's prose must hold one each for check()
        to find anything in it; None when there is no such claim. The engine routes on them (engine.Router): a
        document that lacks one set never reaches check(). Called once, when the run's router is built."""
        return None

    @classmethod
    def prepare(cls, doc: Document, kinds: Sequence["Kind"]) -> None:
        """Optional: one shared pass over doc for all of a run's kinds of this class, before any of their check()
        calls (e.g. every line rule judging each line once). check() must still work when it was not called."""

    @classmethod
    def requires(cls, rule: Rule) -> tuple[str, ...]:
        """Codes of other rules whose findings summarize() reads; the linter runs them even when not selected."""
        return ()

    def summarize(self, doc: Document, findings: tuple[Finding, ...]) -> Iterable[Finding]:
        """Document-level findings drawn from every other rule's findings (after all check() calls)."""
        return ()

    def deferred(self, own: Iterable[Finding], findings: tuple[Finding, ...]) -> Iterator[Finding]:
        """own findings that overlap no finding of the rules this rule defers to (rule key defer_to): one line of
        page furniture is reported by one rule, not by two that read it differently."""
        codes = self.rule.params.get("defer_to", ())
        taken = [(f.start, f.end) for f in findings if f.code in codes]
        for finding in own:
            if not any(s < finding.end and finding.start < e for s, e in taken):
                yield finding

    def blocks(self, doc: Document) -> Iterator[tuple[int, ProseBlock]]:
        for index, block in enumerate(doc.blocks):
            if self.in_scope(block):
                yield index, block

    def in_scope(self, block: ProseBlock) -> bool:
        scopes = self.rule.scopes if self.rule.scopes is not None else self.DEFAULT_SCOPES
        return scopes is None or block.scope in scopes

    def finding(
        self,
        doc: Document,
        block: ProseBlock,
        start: int,
        end: int,
        replacement: str | None = None,
        *,
        suggestions: Iterable[str] | None = None,
        edits: Iterable[Edit] | None = None,
        applicability: Applicability | None = None,
        **values: Any,
    ) -> Finding:
        """A Finding for block.text[start:end]; replacement becomes the fix (None: no fix, "": delete)."""
        src_start, src_end = block.source_span(start, end)
        if replacement == "" and edits is None:
            edits = (deletion(doc, block, start, end),)
        return self.source_finding(
            doc, src_start, src_end, replacement, suggestions=suggestions, edits=edits,
            applicability=applicability, **values,
        )

    def source_finding(
        self,
        doc: Document,
        src_start: int,
        src_end: int,
        replacement: str | None = None,
        *,
        suggestions: Iterable[str] | None = None,
        edits: Iterable[Edit] | None = None,
        applicability: Applicability | None = None,
        **values: Any,
    ) -> Finding:
        rule = self.rule
        text = doc.source[src_start:src_end]
        if suggestions is None:
            suggestions = () if not replacement else (replacement,)
        suggestions = tuple(s for s in suggestions)
        values.setdefault("match", text if len(text) <= 70 else text[:60].rstrip() + "…")
        values.setdefault("replacement", replacement if replacement is not None else "")
        fix = None
        applicability = applicability or rule.fix
        if applicability is not None and (replacement is not None or edits is not None):
            fix_edits = tuple(edits) if edits is not None else (Edit(src_start, src_end, replacement or ""),)
            fix = Fix(fix_edits, applicability)
        return Finding(
            path=doc.path,
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=format_message(rule.message, values),
            start=src_start,
            end=src_end,
            text=text,
            suggestions=suggestions,
            fix=fix,
        )


def line_removal(doc: Document, block: ProseBlock, line_start: int, line_end: int) -> Edit:
    """The edit that deletes a whole line of a block with one line break, leaving the paragraphs around it intact."""
    source = doc.source
    src_start, src_end = block.source_span(line_start, line_end)
    if line_end < len(block.text):  # a line with more of its block after it: take its own line break
        end = src_end
        while end < len(source) and source[end] in " \t\r":
            end += 1
        return Edit(src_start, end + 1 if source.startswith("\n", end) else end, "")
    if line_start > 0:  # the last line of a longer block: take the line break before it
        before = src_start
        while before > 0 and source[before - 1] in " \t\r\n":
            before -= 1
        return Edit(before, src_end, "")
    # A whole block: take the blank lines after it, or at the end of the file the ones before it.
    after = src_end
    while after < len(source) and source[after] in " \t\r\n":
        after += 1
    if after < len(source):
        return Edit(src_start, after, "")
    before = src_start
    while before > 0 and source[before - 1] in " \t\r\n":
        before -= 1
    return Edit(before, src_end, "")


def deletion(doc: Document, block: ProseBlock, start: int, end: int) -> Edit:
    """The edit that deletes block.text[start:end]: the whole line when it is one, else with one adjacent space."""
    text = block.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return line_removal(doc, block, line_start, line_end)
    if end < len(text) and text[end] == " " and (start == line_start or text[start - 1] in " (\n"):
        end += 1
    elif start > line_start and text[start - 1] == " ":
        start -= 1
    src_start, src_end = block.source_span(start, end)
    return Edit(src_start, src_end, "")
