"""Inline directives in the text: <!-- copylint: disable=CODES -->, enable=CODES, disable-next-line=CODES."""
from __future__ import annotations

from dataclasses import dataclass

import regex

DIRECTIVE_RE = regex.compile(r"<!--\s*copylint\b(?P<body>.*?)-->", regex.DOTALL)
_BODY_RE = regex.compile(r"\s*:\s*(?P<action>disable-next-line|disable|enable)\s*=\s*(?P<codes>[^\s,]+(?:\s*,\s*[^\s,]+)*)\s*")
CODE_SYNTAX = regex.compile(r"CL\d{1,3}|LT:[A-Z0-9_]+|LT|CL|all|[a-z][a-z0-9-]*")


@dataclass(frozen=True, slots=True)
class Directive:
    action: str
    codes: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    start: int
    end: int
    problem: str


def parse_directives(source: str) -> tuple[list[Directive], list[DirectiveProblem]]:
    """Every copylint directive in the source; malformed ones are problems and never suppress anything."""
    directives: list[Directive] = []
    problems: list[DirectiveProblem] = []
    if "copylint" not in source:
        return directives, problems
    for m in DIRECTIVE_RE.finditer(source):
        body = _BODY_RE.fullmatch(m.group("body"))
        if body is None:
            problems.append(DirectiveProblem(m.start(), m.end(), "malformed directive; write "
                                             "'<!-- copylint: disable=CODE[,CODE] -->' (or enable=, disable-next-line=)"))
            continue
        codes = tuple(c.strip() for c in body.group("codes").split(","))
        bad = [c for c in codes if not CODE_SYNTAX.fullmatch(c)]
        if bad:
            problems.append(DirectiveProblem(m.start(), m.end(), f"not a rule code or name: {', '.join(bad)}"))
            continue
        directives.append(Directive(body.group("action"), codes, m.start(), m.end()))
    return directives, problems
