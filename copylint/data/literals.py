"""Required literals: strings one of which every match of a pattern contains, to skip text it cannot match."""
from __future__ import annotations

from functools import lru_cache

# Syntax the standard library parses differently from the regex module (or not at all): no literals then.
_REGEX_ONLY = ("[[", "\\p", "\\P", "\\X", "\\G", "\\K", "\\L<", "\\N{", "\\m", "\\M", "(?V", "(?r", "(?w", "(?f",
               "(?|", "(?&", "(?(", "(?P>", "(?R", "(?b", "(?e", "(?p", "--", "&&", "||", "~~")


@lru_cache(maxsize=None)
def required(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of pattern contains (matching case-insensitively, with
    full case folding, compare them with text.casefold()); None when no such set is known."""
    if any(s in pattern for s in _REGEX_ONLY):
        return None
    try:
        from re import _constants as c, _parser as parser
    except ImportError:  # pragma: no cover - Python before 3.11
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        tree = parser.parse(pattern)
    except Exception:
        return None
    found = _sequence(list(tree), c)
    return frozenset(s.casefold() for s in found) if found else None


def _sequence(items, c) -> frozenset[str] | None:
    """The best necessary set of a sequence: its longest run of literal characters, or one item's set."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(("".join(run),)))
            run = []
        if op is not None:
            best = _better(best, _node(op, av, c))
    return best


def _node(op, av, c) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]), c)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _sequence(list(sub), c) if low >= 1 else None
    if op is c.BRANCH:
        branches = [_sequence(list(b), c) for b in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    return None  # anchors, classes, look-arounds, back references: no literal is certain


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set that rules out more text: its shortest string longer, then fewer strings."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))
