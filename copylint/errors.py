"""Errors that end a run with exit code 2 and a one-line message."""
from __future__ import annotations


class CopylintError(Exception):
    """A usage, config, rule-file or input problem; str() is the one-line message."""


class RuleError(CopylintError):
    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: key '{key}': {problem}")


class InputError(CopylintError):
    pass


class ConfigError(CopylintError):
    pass
