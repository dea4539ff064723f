"""Corpus mode: stream the records of JSON Lines files as texts to lint, one line in memory at a time."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from .errors import InputError


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    line: int  # 1-based line in its file


def read_records(
    name: str,
    text_field: str = "text",
    id_field: str = "id",
    warn: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Record]:
    """Records of the JSON Lines file `name` ('-' is standard input), in file order.

    A record's id is its `id_field` value (a string or number), else `name:line`. Blank lines are skipped. A line that
    is not a JSON object, or whose `text_field` is missing or not a string, is reported through `warn` and skipped
    (a crawl with one bad line is still worth linting); without `warn` it is an InputError. `progress` gets the number
    of bytes read after each line."""
    handle: BinaryIO
    if name == "-":
        handle = sys.stdin.buffer
        yield from _records(handle, "<stdin>", text_field, id_field, warn, progress)
        return
    try:
        handle = open(name, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None
    with handle:
        yield from _records(handle, name, text_field, id_field, warn, progress)


def _records(handle: BinaryIO, name: str, text_field: str, id_field: str, warn, progress) -> Iterator[Record]:
    def bad(line_no: int, problem: str) -> None:
        message = f"{name}:{line_no}: {problem}"
        if warn is None:
            raise InputError(message)
        warn(message + "; record skipped")

    for line_no, raw in enumerate(handle, 1):
        if progress is not None:
            progress(len(raw))
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except UnicodeDecodeError as exc:
            bad(line_no, f"not UTF-8 ({exc.reason})")
            continue
        except ValueError as exc:
            bad(line_no, f"not valid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            bad(line_no, "not a JSON object")
            continue
        text = obj.get(text_field)
        if not isinstance(text, str):
            bad(line_no, f"field {text_field!r} is {'missing' if text is None else 'not a string'}")
            continue
        ident = obj.get(id_field)
        if isinstance(ident, bool) or not isinstance(ident, (str, int, float)) or ident == "":
            ident = f"{name}:{line_no}"
        yield Record(str(ident), text, line_no)
