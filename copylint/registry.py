"""Load rule files (TOML) strictly: unknown keys, bad values, bad regexes and duplicate codes are errors."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

import regex

from .errors import CopylintError, RuleError
from .model import Applicability, Severity
from .rule import SCOPES, Example, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

COMMON_KEYS = {
    "code": str,
    "name": str,
    "kind": str,
    "severity": str,
    "message": str,
    "fix": str,
    "description": str,
    "source": str,
    "scopes": list,
    "default": bool,
    "examples": list,
}
REQUIRED = ("code", "name", "kind", "severity", "message")
CODE_RE = regex.compile(r"CL[1-9]\d\d")
EXAMPLE_KEYS = {"bad", "good", "correction", "note", "format", "config"}
EXAMPLE_CONFIG_KEYS = {"dialect"}  # settings an example may assume (the test builds a linter with them)


def builtin_rules_dir() -> Path:
    """The rule packs: the source tree's rules/ in a checkout, else the installed copylint.rules package."""
    here = Path(__file__).resolve().parent.parent / "rules"
    if (here / "__init__.py").is_file():
        return here
    from importlib.resources import files

    return Path(str(files("copylint.rules")))


def rule_files(directories: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for directory in directories:
        for root, dirs, names in os.walk(directory):
            dirs.sort()
            found.extend(Path(root) / n for n in sorted(names) if n.endswith(".toml"))
    return found


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """Every rule from the built-in packs and the extra directories, validated; duplicate codes are errors."""
    return list(_load_rules(tuple(Path(d) for d in extra_dirs)))


@functools.lru_cache(maxsize=8)
def _load_rules(extra_dirs: tuple[Path, ...]) -> tuple[Rule, ...]:
    for directory in extra_dirs:
        if not directory.is_dir():
            raise RuleError(str(directory), "rule-dirs", "not a directory")
    files = rule_files([builtin_rules_dir(), *extra_dirs])
    tables = _parsed_tables(files)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, data in zip(files, tables):
        rule = build_rule(data, str(path))
        if rule.code in seen:
            raise RuleError(str(path), "code", f"{rule.code} is already used by {seen[rule.code]}")
        if rule.name in seen:
            raise RuleError(str(path), "name", f"{rule.name} is already used by {seen[rule.name]}")
        seen[rule.code] = seen[rule.name] = str(path)
        rules.append(rule)
    return tuple(rules)


def _parsed_tables(files: list[Path]) -> list[dict[str, Any]]:
    """Each file's TOML table. Parsing TOML is most of loading the rules, so the tables (plain JSON data, never
    code) are cached under a hash of the files' names and bytes; every rule is validated again from them."""
    from .cache import read_json, rules_cache_path, write_json

    contents = [_read_bytes(path) for path in files]
    cache = rules_cache_path([str(p) for p in files], contents)
    tables = read_json(cache, expect=list) if cache is not None else None
    if tables is not None and len(tables) == len(files) and all(isinstance(t, dict) for t in tables):
        return tables
    tables = [_parse_toml(str(path), data) for path, data in zip(files, contents)]
    if cache is not None:
        write_json(cache, tables)
    return tables


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise RuleError(str(path), "(file)", exc.strerror or str(exc)) from None


def _parse_toml(name: str, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(name, "(file)", f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(name, "(file)", f"not valid TOML: {exc}") from None


def load_rule_file(path: Path) -> Rule:
    name = str(path)
    return build_rule(_parse_toml(name, _read_bytes(path)), name)


def build_rule(data: dict[str, Any], path: str) -> Rule:
    from .kinds import KINDS

    for key in REQUIRED:
        if key not in data:
            raise RuleError(path, key, "missing")
    kind_name = data["kind"]
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise RuleError(path, "kind", f"unknown kind {kind_name!r} (known: {', '.join(sorted(KINDS))})")
    allowed = {**COMMON_KEYS, **kind.KEYS}
    for key, value in data.items():
        if key not in allowed:
            raise RuleError(path, key, "unknown key")
        if not isinstance(value, allowed[key]):
            raise RuleError(path, key, f"expected {allowed[key].__name__}, got {type(value).__name__}")
    for key in kind.REQUIRED:
        if key not in data:
            raise RuleError(path, key, f"missing (required by kind {kind_name})")
    code = data["code"]
    problem = template_problem(data["message"])
    if problem:
        raise RuleError(path, "message", problem)
    if not CODE_RE.fullmatch(code):
        raise RuleError(path, "code", f"{code!r} is not CL followed by three digits")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise RuleError(path, "severity", f"{data['severity']!r} is not info, warning or error") from None
    fix = None
    if data.get("fix", "none") != "none":
        try:
            fix = Applicability(data["fix"])
        except ValueError:
            raise RuleError(path, "fix", f"{data['fix']!r} is not safe, unsafe, display-only or none") from None
    scopes = None
    if "scopes" in data:
        unknown = set(data["scopes"]) - SCOPES
        if unknown:
            raise RuleError(path, "scopes", f"unknown scope(s) {sorted(unknown)}")
        scopes = frozenset(data["scopes"])
    examples = tuple(_example(path, i, e) for i, e in enumerate(data.get("examples", [])))
    if not any(e.bad for e in examples) or not any(e.good is not None for e in examples):
        raise RuleError(path, "examples", "every rule needs at least one bad and one good example")
    params = {k: v for k, v in data.items() if k in kind.KEYS}
    rule = Rule(
        code=code,
        name=data["name"],
        kind=kind_name,
        severity=severity,
        message=data["message"],
        fix=fix,
        path=path,
        description=data.get("description", ""),
        source=data.get("source", ""),
        scopes=scopes,
        default=data.get("default", True),
        examples=examples,
        params=params,
    )
    kind.validate(rule)
    return rule


def _example(path: str, index: int, entry: Any) -> Example:
    key = f"examples[{index}]"
    if not isinstance(entry, dict):
        raise RuleError(path, key, "must be a table")
    for k in entry:
        if k not in EXAMPLE_KEYS:
            raise RuleError(path, f"{key}.{k}", "unknown key")
    if ("bad" in entry) == ("good" in entry):
        raise RuleError(path, key, "needs exactly one of 'bad' or 'good'")
    bad = entry.get("bad")
    if bad is not None and (bad.count("⟦") != 1 or bad.count("⟧") != 1 or bad.index("⟦") > bad.index("⟧")):
        raise RuleError(path, f"{key}.bad", "must mark exactly one span with ⟦…⟧")
    fmt = entry.get("format", "plain")
    if fmt not in ("plain", "markdown", "html"):
        raise RuleError(path, f"{key}.format", "must be plain, markdown or html")
    config = entry.get("config", {})
    if not isinstance(config, dict) or set(config) - EXAMPLE_CONFIG_KEYS:
        raise RuleError(path, f"{key}.config", f"must be a table of {sorted(EXAMPLE_CONFIG_KEYS)}")
    return Example(bad=bad, good=entry.get("good"), correction=entry.get("correction"), format=fmt,
                   config=tuple(sorted(config.items())))


def template_problem(template: str) -> str | None:
    """Why a message template is refused, or None: only plain {name} fields (no index, attribute, conversion or
    format spec: a template must not reach into the objects it is given), and well-formed braces."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"bad template {template!r}: {exc}"
    for _, field, spec, conversion in parts:
        if field is not None and (not field.isidentifier() or spec or conversion):
            return f"bad template {template!r}: only {{name}} fields are allowed, not {{{field}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
    return None


def compile_regex(rule: Rule, key: str, pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Compile a rule's pattern with the regex module; a bad pattern is a RuleError naming the key. A pattern from a
    rule outside the built-in packs runs with a time limit (TimedPattern): a runaway pattern is one error."""
    if _builtin(rule.path):
        return LazyPattern(pattern, flags, functools.partial(_compiled, pattern, flags, rule.path, key))
    return TimedPattern(_compiled(pattern, flags, rule.path, key), f"{rule.path}: rule {rule.code} ({key})")


def _compiled(pattern: str, flags: int, path: str, key: str) -> "regex.Pattern[str]":
    try:
        return regex.compile(pattern, flags | regex.V1)
    except regex.error as exc:
        raise RuleError(path, key, f"invalid regex {pattern!r}: {exc}") from None


# What LazyPattern copies from the compiled pattern on first use, so later calls cost what they cost on it.
_PATTERN_METHODS = ("match", "search", "finditer", "findall", "fullmatch", "sub", "subn", "split", "scanner")
# The searches a LazyPattern answers "no match" to, without compiling, when the text lacks a literal every match needs.
_GATED = {"match": None, "search": None, "fullmatch": None, "finditer": (), "findall": []}
_ANCHORED = ("match", "fullmatch")


class LazyPattern:
    """A built-in rule's pattern, compiled on first use: compiling (the regex module parses in Python) is most of a
    cold start, and a run compiles only the patterns its texts reach. A text without one string of each of the
    pattern's required-literal sets (data.literals.required_all, derived from the pattern itself) cannot hold a
    match, so a search of it is answered without compiling. Built-in patterns are compiled by the tests (every
    rule's examples); a user rule's pattern is compiled when its file is read, so its errors come first.
    `build` compiles it (compile_regex's, or lazy_pattern's for patterns a kind writes)."""

    def __init__(self, pattern: str, flags: int, build: Callable[[], "regex.Pattern[str]"]) -> None:
        self.pattern = pattern
        self._flags = flags
        self._build = build
        self._needs: tuple[frozenset[str], ...] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_flags", "_build", "_compiled", "_needs"):
            raise AttributeError(name)
        if name in _GATED:
            return self._gate(name)
        return getattr(self._compile(), name)

    def _compile(self) -> "regex.Pattern[str]":
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = self._build()
            for method in _PATTERN_METHODS:
                if method not in _GATED or not self._needs:
                    setattr(self, method, getattr(compiled, method))
        return compiled

    def _gate(self, method: str) -> Any:
        """The method, answering "no match" for texts that lack a required literal; once compiled, a pattern
        with no required literal, and match and fullmatch, are called directly; others test only their cheap
        sets (_cheap)."""
        if self._needs is None:
            self._needs = _required(self.pattern, self._flags)
        if not self._needs:
            return getattr(self._compile(), method)
        from .data.literals import holds

        needs, empty = self._needs, _GATED[method]
        # the last text asked about, whether it holds the literals, and whether it holds the pattern's leading
        # literals (data.literals.prefix) where a match may begin (None: not asked); one tuple
        last: list = [(None, False, None)]
        bound: list = []
        lead: list = []  # the prefix, looked up on first need
        anchored = method in _ANCHORED

        def gated(string: str, *args: Any, **kwargs: Any) -> Any:
            seen = last[0]
            if kwargs.get("partial"):  # a partial match at the end of the text needs no literal
                ok = True
            else:
                if seen[0] is not string:
                    # before compiling, every set (a compile costs more than many scans); after, the cheap ones
                    seen = last[0] = (string, not isinstance(string, str) or holds(
                        _folded(string), bound[1] if bound else needs), None)
                ok = seen[1]
                if ok and not bound and isinstance(string, str):
                    # not compiled yet: the leading literals too, where a match would begin
                    if not anchored or not (args or kwargs):
                        if seen[2] is None:
                            seen = last[0] = (string, True, self._leads(_folded(string), anchored, lead))
                        ok = seen[2]
                    elif not kwargs and len(args) <= 2 and all(type(a) is int and a >= 0 for a in args) \
                            and _aligned(string):
                        ok = self._leads(_folded(string), anchored, lead, *args)  # (a match at pos)
            if not ok:
                return iter(empty) if method == "finditer" else (list(empty) if method == "findall" else empty)
            if not bound:
                bound.extend((getattr(self._compile(), method), _cheap(needs)))
                if method in _ANCHORED or not bound[1]:  # an anchored match fails faster than any test of the text
                    setattr(self, method, bound[0])
            return bound[0](string, *args, **kwargs)

        setattr(self, method, gated)
        return gated

    def _leads(self, folded: str, anchored: bool, lead: list, *bounds: int) -> bool:
        """Whether the folded text holds the pattern's leading literals where a match would begin (anywhere; or at
        the start, or at bounds = (pos[, endpos]), for match and fullmatch, then past classes too: see
        data.literals.anchored_prefix), and its later runs of literals (data.literals.probes) after it: cheap
        standard-library tests that spare compiling for most texts."""
        if not lead:
            from .data.literals import anchored_prefix, prefix, probes

            lead.extend((anchored_prefix(self.pattern) if anchored else prefix(self.pattern), probes(self.pattern)))
        first, inner = lead
        if first is not None and (first.match(folded, *bounds) if anchored else first.search(folded)) is None:
            return False
        return all(probe.search(folded, *bounds) is not None for probe in inner)


def lazy_pattern(pattern: str, flags: int = 0, **named_lists: Any) -> LazyPattern:
    """regex.compile(pattern, flags, **named_lists), compiled on first need (see LazyPattern): for the patterns a
    kind builds from its tables, of which a document reaches few."""
    return LazyPattern(pattern, flags, functools.partial(regex.compile, pattern, flags, **named_lists))


def _required(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    """The pattern's required-literal sets; none (always search) under flags that change how it reads."""
    if flags & (regex.VERBOSE | regex.ASCII | regex.LOCALE) or not isinstance(pattern, str):
        return ()
    from .data.literals import required_all

    return required_all(pattern, 1)


def _cheap(needs: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """The gate of a compiled pattern: its most selective sets (longest shortest string, then fewest strings; at
    most _GATE_SETS of at most _GATE_STRINGS strings), so that a test costs a few substring scans."""
    sets = [s for s in needs if len(s) <= _GATE_STRINGS]
    return tuple(sorted(sets, key=lambda s: (-min(map(len, s)), len(s)))[:_GATE_SETS])


_GATE_SETS, _GATE_STRINGS = 3, 24


# The folds of the texts lately searched (a document's blocks: each rule searches each in turn), emptied when it
# holds _FOLD_TEXTS of them (a 10 MB article has some 30,000 paragraphs; the folds take what the text takes).
_FOLDS: dict[str, str] = {}
_FOLD_TEXTS = 32_768


def _folded(text: str) -> str:
    folded = _FOLDS.get(text)
    if folded is None:
        from .data.literals import fold

        if len(_FOLDS) >= _FOLD_TEXTS:
            _FOLDS.clear()
        folded = _FOLDS[text] = fold(text)
    return folded


_ALIGNED: tuple = (None, False)  # the last text asked about and whether it is _aligned


def _aligned(text: str) -> bool:
    """Whether each character of text folds to one character (so an offset into text is one into its fold):
    casefold() never shortens a character, so equal lengths say so, unless a combining dot above joins an 'i'
    (data.literals.fold drops it)."""
    global _ALIGNED
    last = _ALIGNED
    if last[0] is not text:
        last = _ALIGNED = (text, len(text.casefold()) == len(text) and "\u0307" not in text)
    return last[1]


# Seconds one search of one user pattern over one block may take before the run stops with an error naming it.
PATTERN_TIMEOUT = 5.0


class RuleTimeout(CopylintError):
    """A user rule's pattern ran past PATTERN_TIMEOUT (catastrophic backtracking)."""


@functools.lru_cache(maxsize=1)
def _builtin_prefix() -> str:
    return os.path.join(str(builtin_rules_dir()), "")


def _builtin(path: str) -> bool:
    return os.path.abspath(path).startswith(_builtin_prefix())


_TIMED_METHODS = frozenset(("fullmatch", "findall", "sub", "subn", "split"))


class TimedPattern:
    """A compiled pattern whose searches give up after PATTERN_TIMEOUT seconds with a RuleTimeout."""

    __slots__ = ("_pattern", "_where")

    def __init__(self, pattern: "regex.Pattern[str]", where: str) -> None:
        self._pattern = pattern
        self._where = where

    def __getattr__(self, name: str) -> Any:
        """fullmatch, findall, sub, subn and split run under the time limit too (like search, match and finditer);
        anything else (pattern, flags, groupindex…) is the compiled pattern's."""
        if name in _TIMED_METHODS:
            return lambda *args, **kwargs: self._call(name, *args, **kwargs)
        return getattr(self._pattern, name)

    def _timeout(self) -> RuleTimeout:
        return RuleTimeout(f"{self._where}: pattern {self._pattern.pattern!r} ran over {PATTERN_TIMEOUT:g} s "
                           "on one block (catastrophic backtracking?); fix or remove the rule")

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self._pattern, method)(*args, timeout=PATTERN_TIMEOUT, **kwargs)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("search", *args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("match", *args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        iterator = self._call("finditer", *args, **kwargs)
        try:
            yield from iterator
        except TimeoutError:
            raise self._timeout() from None
