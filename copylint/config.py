"""Configuration: [tool.copylint] in pyproject.toml or copylint.toml, found upward from the checked path (never
above the repository root or the home folder, nor in a folder others may write); strict keys."""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import Severity

_LIST_KEYS = ("select", "ignore", "extend-select", "rule-dirs", "names", "vocabulary", "reject", "include", "exclude")
_KEYS = {*_LIST_KEYS, "per-file-ignores", "severity", "fail-on", "languagetool", "spin-threshold", "spin-sensitivity",
         "dialect"}
DIALECTS = ("en-US", "en-GB")
_LT_KEYS = {"enabled", "url", "disable", "enable", "language"}


@dataclass(frozen=True)
class Config:
    path: str | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    fail_on: Severity = Severity.INFO
    names: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()  # terms the style sheet bans (rule CL704)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    spin_threshold: float | None = None
    spin_sensitivity: float | None = None  # scales the spun-phrase model's thresholds (2.0: twice as eager)
    dialect: str | None = None  # house spelling: "en-US" or "en-GB"; None: only mixed spellings are flagged
    languagetool: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # said once by the run (e.g. a config's off-machine URL left unused)

    @property
    def languagetool_enabled(self) -> bool:
        return bool(self.languagetool.get("enabled", True))


def find_config(start: Path) -> Path | None:
    """The nearest copylint.toml, or pyproject.toml with a [tool.copylint] table, at or above start: the search
    stops at the repository root (the folder holding .git) or the home folder, and never looks in a folder other
    users may write (owned by someone else, or writable by all, as /tmp) nor one it cannot read."""
    return _search(start)[0]


def config_in_project(config: Path, start: Path) -> bool:
    """Whether a config found from start lies inside start's project: under the repository root the search met,
    or, outside any repository, in start's own folder."""
    found, root = _search(start)
    if found is None or found.resolve() != config.resolve():
        return False
    folder = config.resolve().parent
    return root is not None and (folder == root or root in folder.parents) or folder == _folder(start)


def _folder(start: Path) -> Path:
    start = start.resolve()
    return start if start.is_dir() else start.parent


def _search(start: Path) -> tuple[Path | None, Path | None]:
    """(the nearest config, the repository root within the search's bounds or None)."""
    try:
        directory = _folder(start)
        home = Path.home().resolve()
    except (OSError, RuntimeError):
        return None, None
    found = None
    for folder in (directory, *directory.parents):
        try:
            if not _trusted_folder(folder):
                break
            if found is None:
                found = _config_in(folder)
            if (folder / ".git").exists():
                return found, folder
        except OSError:  # a folder that cannot be read ends the search
            break
        if folder == home:
            break
    return found, None


def _config_in(folder: Path) -> Path | None:
    candidate = folder / "copylint.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "copylint" in _read(pyproject).get("tool", {}):
        return pyproject
    return None


def _trusted_folder(folder: Path) -> bool:
    """A folder only this user (or root) can write: configs in it are this user's."""
    st = folder.stat()
    uid = os.getuid() if hasattr(os, "getuid") else None
    if uid is not None and st.st_uid not in (uid, 0):
        return False
    return not st.st_mode & stat.S_IWOTH


def _read(path: Path) -> dict[str, Any]:
    # Imported here: most runs find no config file, and a fully cached run is mostly start-up.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("copylint", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    where = str(path)

    def bad(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: key '{key}': {problem}")

    for key in data:
        if key not in _KEYS:
            raise bad(key, "unknown key")
    for key in _LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(key, "expected a list of strings")
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict) or not all(isinstance(v, list) and all(isinstance(c, str) for c in v)
                                            for v in pfi.values()):
        raise bad("per-file-ignores", "expected a table of glob = [codes]")
    severities = []
    for code, value in data.get("severity", {}).items():
        try:
            severities.append((code, Severity(value)))
        except ValueError:
            raise bad(f"severity.{code}", f"{value!r} is not info, warning or error") from None
    fail_on = data.get("fail-on", "info")
    try:
        fail_severity = Severity(fail_on)
    except ValueError:
        raise bad("fail-on", f"{fail_on!r} is not info, warning or error") from None
    lt = data.get("languagetool", {})
    if not isinstance(lt, dict):
        raise bad("languagetool", "expected a table")
    for key in lt:
        if key not in _LT_KEYS:
            raise bad(f"languagetool.{key}", "unknown key")
    threshold = data.get("spin-threshold")
    if threshold is not None and not isinstance(threshold, (int, float)):
        raise bad("spin-threshold", "expected a number")
    sensitivity = data.get("spin-sensitivity")
    if sensitivity is not None and (not isinstance(sensitivity, (int, float)) or isinstance(sensitivity, bool)
                                    or sensitivity <= 0):
        raise bad("spin-sensitivity", "expected a positive number")
    dialect = data.get("dialect")
    if dialect is not None and dialect not in DIALECTS:
        raise bad("dialect", f"{dialect!r} is not one of {', '.join(DIALECTS)}")
    base = path.parent
    return Config(
        path=where,
        select=tuple(data.get("select", [])),
        extend_select=tuple(data.get("extend-select", [])),
        ignore=tuple(data.get("ignore", [])),
        per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in pfi.items()),
        severity=tuple(severities),
        rule_dirs=tuple(base / d for d in data.get("rule-dirs", [])),
        fail_on=fail_severity,
        names=tuple(data.get("names", [])),
        vocabulary=tuple(data.get("vocabulary", [])),
        reject=tuple(data.get("reject", [])),
        include=tuple(data.get("include", [])),
        exclude=tuple(data.get("exclude", [])),
        spin_threshold=float(threshold) if threshold is not None else None,
        spin_sensitivity=float(sensitivity) if sensitivity is not None else None,
        dialect=dialect,
        languagetool=dict(lt),
    )
