"""Reporters: text, JSON, JSON Lines, SARIF, GitHub annotations, an HTML review page; get_reporter(format)."""
from __future__ import annotations

from typing import Callable, Sequence

from ..model import Finding
from .context import ReportContext

Reporter = Callable[[Sequence[Finding], ReportContext], str]


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from .json import report
    elif name == "jsonl":
        from .json import report_lines as report
    elif name == "sarif":
        from .sarif import report
    elif name == "github":
        from .github import report
    elif name == "html":
        from .html import report
    else:
        from .text import report
    return report


FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
