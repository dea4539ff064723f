"""Load rule files (TOML) strictly: unknown keys, bad values, bad regexes and duplicate codes are errors."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any, Iterable

import regex

from .errors import RuleError
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
    cached = _read_parsed(files)
    if cached is not None:
        return cached
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in files:
        rule = load_rule_file(path)
        if rule.code in seen:
            raise RuleError(str(path), "code", f"{rule.code} is already used by {seen[rule.code]}")
        if rule.name in seen:
            raise RuleError(str(path), "name", f"{rule.name} is already used by {seen[rule.name]}")
        seen[rule.code] = seen[rule.name] = str(path)
        rules.append(rule)
    _write_parsed(files, tuple(rules))
    return tuple(rules)


def _parsed_cache(files: list[Path]) -> Path | None:
    """Where the validated rules of exactly these files (paths, sizes, mtimes, copylint version) are pickled:
    parsing TOML is most of a cold start, and unchanged rule files need not be parsed again."""
    import hashlib

    from . import __version__
    from .cache import default_dir

    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    h.update(str(Path(__file__).stat().st_mtime_ns).encode())
    try:
        for f in files:
            st = f.stat()
            h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return default_dir() / "rules" / f"{h.hexdigest()}.pickle"


def _read_parsed(files: list[Path]) -> tuple[Rule, ...] | None:
    import pickle

    path = _parsed_cache(files)
    try:
        with open(path, "rb") as handle:  # type: ignore[arg-type]
            rules = pickle.load(handle)
    except Exception:  # a missing, stale or unreadable cache just means parsing again
        return None
    return rules if isinstance(rules, tuple) else None


def _write_parsed(files: list[Path], rules: tuple[Rule, ...]) -> None:
    import os
    import pickle
    import tempfile

    path = _parsed_cache(files)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache dir costs speed, never correctness


def load_rule_file(path: Path) -> Rule:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(name, "(file)", f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise RuleError(name, "(file)", exc.strerror or str(exc)) from None
    return build_rule(data, name)


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


def compile_regex(rule: Rule, key: str, pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Compile a rule's pattern with the regex module; a bad pattern is a RuleError naming the key."""
    try:
        return regex.compile(pattern, flags | regex.V1)
    except regex.error as exc:
        raise RuleError(rule.path, key, f"invalid regex {pattern!r}: {exc}") from None
