"""The Dask adapter on a LocalCluster: same findings as the CLI's engine, Linter built once per worker, not per record."""
from __future__ import annotations

import json
import os

import pytest

if os.environ.get("CI"):
    import dask.bag as db
    from distributed import Client, LocalCluster
else:  # a developer without the dask extra skips; CI must have it (the test extra installs it)
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

from copylint import dask_adapter
from copylint.api import Linter
from copylint.dask_adapter import COLUMNS, lint_bag, lint_dataframe
from copylint.reporters.context import ReportContext
from copylint.reporters.json import finding_dict
from copylint.runner import LinterSpec

from .test_runner import TEXTS

RECORDS = [{"url": f"https://news.example/{i:03d}", "body": f"Story {i}.\n\n" + TEXTS[i % len(TEXTS)]}
           for i in range(40)]


def expected_dicts() -> list[dict]:
    linter = Linter(languagetool=False)
    out = []
    for r in RECORDS:
        context = ReportContext(sources={r["url"]: r["body"]})
        out.extend(finding_dict(f, context) for f in linter.lint_source(r["url"], r["body"], "plain"))
    return out


@pytest.fixture(scope="module")
def process_cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client


def test_bag_on_worker_processes_matches_the_engine(process_cluster) -> None:
    bag = db.from_sequence(RECORDS, npartitions=6)
    found = lint_bag(bag, LinterSpec(languagetool=False), text_field="body", id_field="url").compute()
    assert found == expected_dicts()
    assert len(found) >= 24
    builds = process_cluster.run(lambda: dask_adapter._builds)
    assert sum(builds.values()) <= 2  # one per worker process, however many partitions it ran


def test_setup_is_done_once_per_worker_thread_not_per_partition() -> None:
    dask_adapter._builds = 0
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster):
        bag = db.from_sequence(RECORDS, npartitions=8)
        found = lint_bag(bag, text_field="body", id_field="url").compute()
    assert dask_adapter._builds == 1
    assert [d["path"] for d in found] == [d["path"] for d in expected_dicts()]


def test_pairs_and_records_without_text() -> None:
    bag = db.from_sequence([("a", "The vote passed.\n\nRelated Articles\n"), ("b", None)], npartitions=1)
    found = lint_bag(bag).compute(scheduler="sync")
    assert [(d["path"], d["code"], d["line"]) for d in found] == [("a", "CL201", 3)]


def test_dataframe_rows_match_the_engine(process_cluster) -> None:
    if os.environ.get("CI"):
        import pandas as pd
    else:
        pd = pytest.importorskip("pandas")
    import dask.dataframe as dd

    frame = dd.from_pandas(pd.DataFrame(RECORDS), npartitions=4)
    result = lint_dataframe(frame, text_column="body", id_column="url").compute()
    assert list(result.columns) == list(COLUMNS)
    expected = expected_dicts()
    assert result["path"].tolist() == [d["path"] for d in expected]
    assert result["start"].tolist() == [d["start"] for d in expected]
    assert [json.loads(s) for s in result["suggestions"]] == [d["suggestions"] for d in expected]
    assert [json.loads(s) for s in result["fix"]] == [d["fix"] for d in expected]
