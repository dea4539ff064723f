"""Output formats: FORMATS = {name: OutputFormat}; get_reporter(name) imports one lazily. A format's function turns
findings into text (text, JSON, JSON Lines, SARIF, GitHub annotations, an HTML review page); add a format by adding an entry."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..model import Finding
from .context import ReportContext

ReportFunction = Callable[[Sequence[Finding], ReportContext], str]  # findings -> the report text


@dataclass(frozen=True)
class OutputFormat:
    module: str  # copylint.reporters.<module>
    function: str = "report"
    # The report of many files is the concatenation of per-file reports, so it can be printed file by file.
    streams: bool = False


FORMATS: dict[str, OutputFormat] = {
    "text": OutputFormat("text", streams=True),
    "json": OutputFormat("json"),
    "jsonl": OutputFormat("json", "report_lines", streams=True),
    "sarif": OutputFormat("sarif"),
    "github": OutputFormat("github", streams=True),
    "html": OutputFormat("html"),
}


def get_reporter(name: str) -> ReportFunction:
    import importlib

    chosen = FORMATS.get(name, FORMATS["text"])
    return getattr(importlib.import_module(f"{__name__}.{chosen.module}"), chosen.function)
