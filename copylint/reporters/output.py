"""ReportStream: where a report goes: standard output, or a file written atomically at the end."""
from __future__ import annotations

import io
import os
import sys
from typing import NoReturn

from ..errors import InputError
from ..inputs import write_file


class ReportStream:
    """The report's stream: standard output, or a buffer written to --output-file at the end (atomically, never
    through a symlink; a clear error when it cannot be written)."""

    def __init__(self, path: str | None) -> None:
        self.path, self.buffer = path, None

    def __enter__(self):
        if self.path is None:
            return sys.stdout
        parent = os.path.dirname(os.path.abspath(self.path))
        problem = ("no such folder" if not os.path.isdir(parent) else "it is a symlink" if os.path.islink(self.path)
                   else "it is a folder" if os.path.isdir(self.path) else None)
        if problem:
            self._fail(problem)
        self.buffer = io.StringIO()
        return self.buffer

    def __exit__(self, kind, *exc) -> None:
        if self.buffer is not None and kind is None:
            try:
                write_file(self.path, self.buffer.getvalue())
            except InputError as error:
                self._fail(str(error).rpartition(": ")[2])

    def _fail(self, why: str) -> NoReturn:
        raise InputError(f"{self.path}: cannot write the report: {why}")
