"""A parser of the regular-expression syntax rule patterns use, to a small tree (no private re internals).

It reads the common subset of Python's `re` and the `regex` module — literals, escapes, classes, groups,
alternation, quantifiers, anchors and look-arounds — and raises Unsupported on anything else, so a caller can
fall back to "no claim" rather than guess. Nodes are (op, argument) pairs:
  (LITERAL, code point) · (IN, [(LITERAL, cp) | (RANGE, (lo, hi)) | (NEGATE, None) | (CATEGORY, name)])
  (ANY, None) · (AT, name; "keep" for \\K) · (ASSERT, items) · (ASSERT_NOT, items) · (GROUPREF, name)
  (SUBPATTERN, items) · (ATOMIC_GROUP, items) · (BRANCH, [items, ...])
  (MAX_REPEAT | MIN_REPEAT | POSSESSIVE_REPEAT, (low, high or MAXREPEAT, items))."""
from __future__ import annotations

import re

LITERAL, IN, ANY, AT, ASSERT, ASSERT_NOT, GROUPREF = "literal", "in", "any", "at", "assert", "assert_not", "groupref"
SUBPATTERN, ATOMIC_GROUP, BRANCH = "subpattern", "atomic_group", "branch"
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = "max_repeat", "min_repeat", "possessive_repeat"
RANGE, NEGATE, CATEGORY = "range", "negate", "category"
CATEGORY_SPACE = "space"
MAXREPEAT = None

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CATEGORIES = {"d": "digit", "D": "not_digit", "w": "word", "W": "not_word", "s": CATEGORY_SPACE, "S": "not_space"}
_ANCHORS = {"b": "boundary", "B": "not_boundary", "A": "beginning_string", "Z": "end_string", "z": "end_string"}
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_NAME = re.compile(r"[A-Za-z_]\w*")
_SCOPED_FLAGS = re.compile(r"[aiLmsux]*(?:-[imsx]+)?")
# A fuzzy-matching constraint of the regex module ("{e<=1}", "{i<=1,d<=1}"): its item may match text without its
# literals.
_FUZZY = re.compile(r"\{[eisd0-9<=>,+\s]*[eisd][eisd0-9<=>,+\s]*\}")
# Set operations of the regex module's version 1 inside a class ("[\w--\d]", "[a&&b]"): not read.
_SET_OPERATORS = ("--", "&&", "||", "~~")


class Unsupported(ValueError):
    """The pattern uses syntax this parser does not read."""


def parse(pattern: str) -> list:
    """The pattern's items; raises Unsupported on syntax outside the subset (verbose mode only from the start)."""
    parser = _Parser(pattern)
    items = parser.alternation()
    if parser.pos != len(pattern):
        raise Unsupported(f"unbalanced ')' at {parser.pos}")
    return items


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0
        self.verbose = False  # (?x) at the start: white space and # comments outside classes are not pattern

    def skip(self) -> None:
        while self.verbose and self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\n\r\f\v":
                self.pos += 1
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end + 1
            else:
                return

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos:self.pos + n]

    def take(self) -> str:
        if self.pos >= len(self.text):
            raise Unsupported("unexpected end of pattern")
        char = self.text[self.pos]
        self.pos += 1
        return char

    def alternation(self) -> list:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else [(BRANCH, branches)]

    def sequence(self) -> list:
        items: list = []
        while True:
            self.skip()
            if self.pos >= len(self.text) or self.peek() in "|)":
                return items
            atom = self.atom()
            if atom is not None:
                self.skip()
                items.append(self.quantified(atom))

    def quantified(self, atom: tuple) -> tuple:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.pos += 1
            low, high = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[char]
        else:
            match = _QUANTIFIER.match(self.text, self.pos) if char == "{" else None
            if char == "{" and _FUZZY.match(self.text, self.pos):
                raise Unsupported("fuzzy matching")
            if match is None or match.group(0) == "{}":
                return atom
            self.pos = match.end()
            low = int(match.group(1) or 0)
            high = (int(match.group(3)) if match.group(3) else MAXREPEAT) if match.group(2) else low
        if atom[0] == AT:
            raise Unsupported("nothing to repeat")
        op = MAX_REPEAT
        if self.peek() == "?":
            self.pos += 1
            op = MIN_REPEAT
        elif self.peek() == "+":
            self.pos += 1
            op = POSSESSIVE_REPEAT
        if self.peek() in ("*", "+", "?") or _QUANTIFIER.match(self.text, self.pos):
            raise Unsupported("multiple repeat")
        return (op, (low, high, [atom]))

    def atom(self) -> tuple | None:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            return (IN, self.char_class())
        if char == ".":
            return (ANY, None)
        if char == "^":
            return (AT, "beginning")
        if char == "$":
            return (AT, "end")
        if char == "\\":
            return self.escape(in_class=False)
        if char in "*+?":
            raise Unsupported("nothing to repeat")
        return (LITERAL, ord(char))

    def group(self) -> tuple | None:
        opened = self.pos - 1
        if self.peek() != "?":
            return self.closed((SUBPATTERN, self.alternation()))
        self.pos += 1
        char = self.take()
        if char == ":":
            return self.closed((SUBPATTERN, self.alternation()))
        if char in ("=", "!"):
            return self.closed((ASSERT if char == "=" else ASSERT_NOT, self.alternation()))
        if char == ">":
            return self.closed((ATOMIC_GROUP, self.alternation()))
        if char == "#":
            end = self.text.find(")", self.pos)
            if end < 0:
                raise Unsupported("unterminated comment")
            self.pos = end + 1
            return None
        if char == "<" and self.peek() in ("=", "!"):
            op = ASSERT if self.take() == "=" else ASSERT_NOT
            return self.closed((op, self.alternation()))
        if char == "P" and self.peek() == "=":
            self.pos += 1
            name = self.name(")")
            return (GROUPREF, name)
        if char == "P" and self.peek() == "<" or char == "<":
            if char == "P":
                self.pos += 1
            self.name(">")
            return self.closed((SUBPATTERN, self.alternation()))
        self.pos -= 1
        flags = _SCOPED_FLAGS.match(self.text, self.pos)
        if flags is None:
            raise Unsupported("flags this parser does not read")
        self.pos = flags.end()
        char = self.take()
        verbose = "x" in flags.group(0).split("-")[0]
        if char == ")" and "-" not in flags.group(0) and (not verbose or opened == 0):
            self.verbose = self.verbose or verbose
            return None  # a global inline flag at the start (case is compared folded anyway)
        if verbose:
            raise Unsupported("verbose mode after the start of the pattern")
        if char == ":":
            return self.closed((SUBPATTERN, self.alternation()))
        raise Unsupported("unknown group syntax")

    def name(self, end: str) -> str:
        match = _NAME.match(self.text, self.pos)
        if match is None or self.text[match.end():match.end() + 1] != end:
            raise Unsupported("bad group name")
        self.pos = match.end() + 1
        return match.group(0)

    def closed(self, node: tuple) -> tuple:
        if self.take() != ")":
            raise Unsupported("missing ')'")
        return node

    def char_class(self) -> list:
        items: list = []
        if self.peek() == "^":
            self.pos += 1
            items.append((NEGATE, None))
        first = True
        while True:
            char = self.take()
            if char == "]" and not first:
                return items
            first = False
            if char == "[":
                raise Unsupported("nested set")
            if (char + self.peek()) in _SET_OPERATORS:
                raise Unsupported("set operation")
            item = self.escape(in_class=True) if char == "\\" else (LITERAL, ord(char))
            if self.peek(2) == "--":
                raise Unsupported("set operation")
            if self.peek() == "-" and self.peek(2) != "-]" and len(self.peek(2)) == 2 and item[0] == LITERAL:
                self.pos += 1
                end_char = self.take()
                end = self.escape(in_class=True) if end_char == "\\" else (LITERAL, ord(end_char))
                if end[0] != LITERAL or end[1] < item[1]:
                    raise Unsupported("bad range")
                item = (RANGE, (item[1], end[1]))
            items.append(item)

    def escape(self, in_class: bool) -> tuple:
        char = self.take()
        if char in _SIMPLE_ESCAPES:
            return (LITERAL, ord(_SIMPLE_ESCAPES[char]))
        if char in _CATEGORIES:
            node = (CATEGORY, _CATEGORIES[char])
            return node if in_class else (IN, [node])
        if char in ("p", "P"):  # a Unicode property ("\\p{Lu}", "\\pL", "\\P{L}"): a class, never a literal
            end = self.text.find("}", self.pos) + 1 if self.peek() == "{" else self.pos + 1
            if end <= self.pos or not re.fullmatch(r"\{\^?[\w:=&. -]+\}|[A-Za-z]", self.text[self.pos:end]):
                raise Unsupported("bad property")
            self.pos = end
            node = (CATEGORY, "property")
            return node if in_class else (IN, [node])
        if char == "L" and not in_class and self.peek() == "<":  # a named list of the regex module: some string
            self.pos += 1
            self.name(">")
            return (IN, [(CATEGORY, "named_list")])
        if char in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[char]
            digits = self.text[self.pos:self.pos + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise Unsupported("bad hex escape")
            self.pos += width
            return (LITERAL, int(digits, 16))
        if char == "0":
            digits = re.match(r"[0-7]{0,2}", self.text[self.pos:]).group(0)
            self.pos += len(digits)
            return (LITERAL, int("0" + digits, 8))
        if char.isdigit():
            if in_class:
                raise Unsupported("octal in class")
            digits = re.match(r"\d*", self.text[self.pos:]).group(0)
            self.pos += len(digits)
            return (GROUPREF, char + digits)
        if not in_class and char in _ANCHORS:
            return (AT, _ANCHORS[char])
        if not in_class and char == "K":  # the regex module's "keep out": the match reported starts here
            return (AT, "keep")
        if char.isascii() and char.isalnum():
            raise Unsupported(f"escape \\{char}")
        return (LITERAL, ord(char))
