"""copylint: a copyedit linter for articles."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "Linter"]


def __getattr__(name: str):
    if name in ("lint_text", "Linter"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
