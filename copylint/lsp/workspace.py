"""Linters for open documents: the nearest copylint.toml/pyproject.toml, one Linter for the built-in rules (the
typing path) and one with LanguageTool per configuration, rebuilt when the file or the client settings change."""
from __future__ import annotations

import dataclasses
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..api import Linter
from ..config import Config, find_config, load_config
from ..errors import CopylintError
from .settings import Settings

CONFIG_NAMES = ("copylint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Target:
    """What a document is linted with: its configuration and the name its findings carry."""

    config: Config
    config_path: Path | None
    key: tuple
    name: str  # path relative to the config's folder, as a CLI run from there would name it (per-file-ignores)


class Linters:
    """Built once per configuration file version and settings; safe to use from the two lint threads, each of
    which only ever asks for its own kind of Linter."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self.settings = Settings()
        self._report = report  # called with a one-line problem (bad config file), from any thread
        self._lock = threading.Lock()
        self._found: dict[Path, Path | None] = {}
        self._configs: dict[tuple, Config] = {}
        self._builtin: dict[tuple, Linter] = {}
        self._full: dict[tuple, Linter | None] = {}

    def invalidate(self, settings: Settings | None = None) -> None:
        """Forget every configuration and Linter (a config file or the settings changed)."""
        with self._lock:
            if settings is not None:
                self.settings = settings
            self._found.clear()
            self._configs.clear()
            self._builtin.clear()
            self._full.clear()

    def drop_languagetool(self) -> None:
        """Forget the LanguageTool Linters, so the next check connects again."""
        with self._lock:
            self._full.clear()

    def target(self, path: Path) -> Target:
        folder = path.parent
        with self._lock:
            known = folder in self._found
            config_path = self._found.get(folder)
        if not known:
            try:
                config_path = find_config(path)
            except CopylintError as exc:  # an unreadable pyproject.toml on the way up
                self._report(str(exc))
                config_path = None
            with self._lock:
                self._found[folder] = config_path
        key: tuple = (None,)
        if config_path is not None:
            try:
                st = config_path.stat()
                key = (str(config_path), st.st_mtime_ns, st.st_size)
            except OSError:
                key = (str(config_path), None, None)
        with self._lock:
            config = self._configs.get(key)
        if config is None:
            try:
                config = load_config(config_path)
            except CopylintError as exc:
                self._report(f"{exc}; linting with the default configuration")
                config = Config()
            with self._lock:
                self._configs[key] = config
        base = config_path.parent if config_path is not None else folder
        try:
            name = os.path.relpath(path, base) if path.is_relative_to(base) else str(path)
        except ValueError:
            name = str(path)
        return Target(config, config_path, key, name)

    def builtin(self, target: Target) -> Linter:
        with self._lock:
            linter = self._builtin.get(target.key)
        if linter is None:
            linter = self._build(target.config, languagetool=False)
            with self._lock:
                self._builtin[target.key] = linter
        return linter

    def full(self, target: Target) -> Linter | None:
        """The Linter with LanguageTool, or None when LanguageTool is off for this document."""
        settings = self.settings
        wanted = settings.languagetool if settings.languagetool is not None else target.config.languagetool_enabled
        if not wanted:
            return None
        key = (*target.key, settings)
        with self._lock:
            if key in self._full:
                return self._full[key]
        config = target.config
        if settings.languagetool_url:
            config = dataclasses.replace(config, languagetool={**config.languagetool, "url": settings.languagetool_url})
        linter = self._build(config, languagetool=True)
        if linter.languagetool is None and not linter.warnings:
            linter = None  # the selection leaves LanguageTool out
        with self._lock:
            self._full[key] = linter
        return linter

    def _build(self, config: Config, languagetool: bool) -> Linter:
        try:
            return Linter(config, languagetool=languagetool)
        except CopylintError as exc:  # e.g. a broken rule file in the config's rule-dirs
            self._report(f"{exc}; linting with the default configuration")
            return Linter(Config(), languagetool=languagetool)
