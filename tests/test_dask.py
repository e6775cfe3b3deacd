"""Dask scale-out: a local scheduler and two worker processes on 127.0.0.1 give the same output.

Skipped when dask/distributed are not installed (they are the optional ``[dask]`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import newsnorm  # noqa: E402
from newsnorm.cli import main  # noqa: E402
from newsnorm.corpus import RunOptions  # noqa: E402
from newsnorm.dask import (  # noqa: E402
    OUTPUT_COLUMNS,
    process_bag,
    process_dataframe,
    process_item,
    process_pandas,
)

TEXTS = [
    "The governor of Balkh visited the border crossing on Sunday.",
    "The the delegation left for Dushanbe.",
    "Wheat prices rose ۱۲ percent ، traders said.",
    "",
    "An official said 1,200 families had returned to their villages.",
    "They will.",
    "Schools reopened in the north after a two-week break.",
] * 3


@pytest.fixture(scope="module")
def cluster_address() -> Iterator[str]:
    # Processes, not threads: what crosses to a worker must really pickle. Nothing listens
    # beyond 127.0.0.1 and no dashboard is started.
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture()
def client(cluster_address: str) -> Iterator[Any]:
    with distributed.Client(cluster_address, set_as_default=False) as c:
        yield c


def test_process_bag_equals_single_process(client: Any) -> None:
    bag = db.from_sequence([*TEXTS, None], npartitions=4)
    got = process_bag(bag).compute(scheduler=client.get)
    want = [{"document": newsnorm.process(t).model_dump(mode="json")} for t in TEXTS]
    assert got[:-1] == want
    assert got[-1] == {"error": "not a string but NoneType"}


def test_process_bag_only_text(client: Any) -> None:
    bag = db.from_sequence(TEXTS, npartitions=3)
    got = process_bag(bag, only="text").compute(scheduler=client.get)
    assert got == [{"text": newsnorm.clean(t)} for t in TEXTS]


def test_process_dataframe_equals_process_pandas(client: Any) -> None:
    pdf = pd.DataFrame({"id": range(len(TEXTS)), "body": TEXTS})
    ddf = dd.from_pandas(pdf, npartitions=3)
    got = process_dataframe(ddf, "body").compute(scheduler=client.get)
    want = process_pandas(pdf, "body")
    # Dask may store strings with another dtype than pandas: compare the values.
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False
    )
    assert list(got.columns) == ["id", "body", *OUTPUT_COLUMNS]
    assert list(got["newsnorm_text"]) == [newsnorm.clean(t) for t in TEXTS]
    first = json.loads(got["newsnorm_json"].iloc[0])
    assert newsnorm.Document.model_validate(first["document"]).original == TEXTS[0]
    assert got["newsnorm_error"].isna().all()  # None, or NA if Dask converted the dtype


def test_process_pandas_reports_bad_rows() -> None:
    pdf = pd.DataFrame({"body": ["A fine sentence.", 7, None]})
    out = process_pandas(pdf, "body")
    assert out["newsnorm_error"].tolist() == [
        None,
        "not a string but int",
        "not a string but NoneType",
    ]
    assert out["newsnorm_text"].tolist()[0] == newsnorm.clean("A fine sentence.")
    assert "newsnorm_text" not in pdf.columns  # the input frame is not modified


def test_process_item_is_picklable_work() -> None:
    import pickle

    opts = RunOptions(only="names")
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert sorted(process_item(TEXTS[0], opts)) == ["names"]


def test_cli_dask_equals_single_process(cluster_address: str, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": i, "text": t}) for i, t in enumerate(TEXTS)]
    rows.insert(5, "{not json")
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    assert main(["process", str(src), "-o", str(local), "-q", "--chunk-size", "3"]) == 1
    argv = ["process", str(src), "-o", str(remote), "-q", "--chunk-size", "3"]
    assert main([*argv, "--dask", cluster_address]) == 1
    assert remote.read_bytes() == local.read_bytes()


def test_unreachable_scheduler_is_a_connection_error() -> None:
    from newsnorm.dask import map_on_cluster

    # Port 9 (discard) on localhost: nothing listens there.
    with pytest.raises(ConnectionError, match="cannot reach the Dask scheduler"):
        list(map_on_cluster("tcp://127.0.0.1:9", str, [1], timeout=1))


def test_cli_reports_an_unreachable_scheduler_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsnorm.dask

    def refuse(address: str, *args: object, **kwargs: object) -> Iterator[object]:
        raise ConnectionError(f"cannot reach the Dask scheduler at {address}: refused")
        yield  # pragma: no cover - makes this a generator, like the real one

    monkeypatch.setattr(newsnorm.dask, "map_on_cluster", refuse)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    assert main(["process", str(src), "-q", "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tcp://127.0.0.1:9" in err
