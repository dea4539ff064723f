"""Errors that end a run with exit code 2 and a one-line message, and the code of an input that cannot be read."""
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


class RuleFailure(CopylintError):
    """A rule that raised while checking a text (a damaged data file, a bug): reported in one line naming the rule."""


# An input that cannot be read is reported like a finding under this code (ruff's E902) and the run goes on.
UNREADABLE_CODE = "CL900"
UNREADABLE_NAME = "unreadable-input"
UNREADABLE_HELP = f"""{UNREADABLE_CODE} {UNREADABLE_NAME}  (copylint, severity error, no fix, always on)

An input copylint could not check: a missing path, an unreadable file or folder, a file that is not UTF-8
text or holds NUL bytes, a JSON Lines file that cannot be opened. It is reported like a finding, at line 1,
column 1 of that input; the run goes on with the other inputs and exits with code 2 at the end (as ruff's
E902). It cannot be selected, ignored or suppressed: fix the input or leave it out of the paths."""
