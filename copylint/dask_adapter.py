"""Lint a Dask bag or DataFrame of articles on a dask.distributed cluster: one Linter per worker thread, built once."""
from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import CheckOptions, Linter, LinterSpec, linter_spec

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

# One row per finding: the JSON contract's keys (DESIGN.md), `path` being the article's id.
COLUMNS = ("path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "start", "end",
           "text", "suggestions", "fix")
_INT_COLUMNS = frozenset({"line", "column", "end_line", "end_column", "start", "end"})

_local = threading.local()
_builds = 0  # Linters built in this process (read by the tests)
_builds_lock = threading.Lock()


def _spec(spec: LinterSpec | CheckOptions | None) -> LinterSpec:
    """A LinterSpec as given, or the one the command line would build from these CheckOptions (config found from
    the working directory); LanguageTool off by default."""
    if spec is None:
        return LinterSpec(languagetool=False)
    if isinstance(spec, CheckOptions):
        return linter_spec(spec)
    return spec


def lint_bag(bag: dask.bag.Bag, spec: LinterSpec | CheckOptions | None = None, *, text_field: str = "text",
             id_field: str = "id", fmt: str = "plain") -> dask.bag.Bag:
    """A bag of finding dicts (the JSON output's objects, `path` = the record's id) from a bag of article records.

    Records are dicts with `text_field` and `id_field`, or (id, text) pairs. Each partition is linted by one call,
    which reuses its worker thread's Linter."""
    spec = _spec(spec)
    return bag.map_partitions(_lint_records, spec, text_field, id_field, fmt)


def lint_dataframe(df: dask.dataframe.DataFrame, spec: LinterSpec | CheckOptions | None = None, *,
                   text_column: str = "text", id_column: str = "id", fmt: str = "plain") -> dask.dataframe.DataFrame:
    """A DataFrame with one row per finding (COLUMNS; `suggestions` and `fix` hold JSON text) from a DataFrame of
    articles with `text_column` and `id_column`."""
    spec = _spec(spec)
    return df.map_partitions(_lint_frame, spec, text_column, id_column, fmt, meta=_empty_frame())


def linter_for(spec: LinterSpec) -> Linter:
    """This thread's Linter for spec: built on the first partition, reused for every later one."""
    cache = getattr(_local, "linters", None)
    if cache is None:
        cache = _local.linters = {}
    key = repr(spec)
    linter = cache.get(key)
    if linter is None:
        global _builds
        linter = cache[key] = spec.build()
        with _builds_lock:
            _builds += 1
    return linter


def lint_records(records: Iterable[Any], spec: LinterSpec, text_field: str = "text", id_field: str = "id",
                 fmt: str = "plain") -> Iterator[dict[str, Any]]:
    """Finding dicts for records, in record order (what each partition runs; usable without Dask too)."""
    from .reporters.context import ReportContext
    from .reporters.json import finding_dict

    linter = linter_for(spec)
    for record in records:
        if isinstance(record, dict):
            ident, text = record.get(id_field), record.get(text_field)
        else:
            ident, text = record
        if not isinstance(text, str):
            continue
        ident = str(ident)
        findings = linter.lint_source(ident, text, fmt)
        if findings:
            context = ReportContext(sources={ident: text})
            for f in findings:
                yield finding_dict(f, context)


def _lint_records(partition, spec, text_field, id_field, fmt) -> list[dict[str, Any]]:
    return list(lint_records(partition, spec, text_field, id_field, fmt))


def _lint_frame(frame: pandas.DataFrame, spec, text_column, id_column, fmt) -> pandas.DataFrame:
    import pandas as pd

    pairs = zip(frame[id_column].tolist(), frame[text_column].tolist())
    rows = [_row(d) for d in lint_records(pairs, spec, fmt=fmt)]
    if not rows:
        return _empty_frame()
    out = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    return out.astype(_dtypes())


def _row(d: dict[str, Any]) -> tuple:
    return tuple(json.dumps(d[c], ensure_ascii=False) if c in ("suggestions", "fix") else d[c] for c in COLUMNS)


def _dtypes() -> dict[str, str]:
    return {c: ("int64" if c in _INT_COLUMNS else "object") for c in COLUMNS}


def _empty_frame() -> pandas.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _dtypes().items()})
