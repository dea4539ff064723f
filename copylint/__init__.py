"""copylint: a copyedit linter for articles. The API: check_paths() runs a whole check over files and folders
(options as CheckOptions, events to a Reporter); Linter lints texts; lint_text() lints one."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_paths", "CheckOptions", "CheckSummary", "Reporter", "CollectingReporter",
           "Linter", "LinterSpec", "lint_text", "show_settings"]
_FROM = {"check_paths": "pipeline", "CheckOptions": "pipeline", "CheckSummary": "pipeline",
         "show_settings": "pipeline", "linter_spec": "pipeline", "Reporter": "reporters.base",
         "CollectingReporter": "reporters.base", "Linter": "api", "lint_text": "api", "LinterSpec": "runner"}


def __getattr__(name: str):
    """Imported on first use: `import copylint` stays cheap for a command line that only prints its version."""
    if name in _FROM:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
    raise AttributeError(name)
