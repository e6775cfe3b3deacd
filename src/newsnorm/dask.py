"""Scale-out on Dask: :func:`process_bag`, :func:`process_dataframe` and ``process --dask``.

Dask is an optional extra (``pip install 'newsnorm[dask]'``) and is imported only when used.
Everything sent to workers is a module-level function plus plain frozen values, so it pickles;
the pipeline keeps no global mutable state, so any worker gives the same answer as this process.

:func:`process_pandas` is the per-partition function; it needs only pandas, which makes it the
body of a Spark ``mapInPandas`` job too (see ``docs/corpora.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

from newsnorm.corpus import Only, RunOptions, payload
from newsnorm.document import Config

__all__ = [
    "OUTPUT_COLUMNS",
    "map_on_cluster",
    "process_bag",
    "process_dataframe",
    "process_item",
    "process_pandas",
]

T = TypeVar("T")
R = TypeVar("R")

_HINT = "newsnorm.dask needs Dask: pip install 'newsnorm[dask]'"

#: Columns added by :func:`process_pandas` / :func:`process_dataframe`.
OUTPUT_COLUMNS: tuple[str, ...] = ("newsnorm_text", "newsnorm_json", "newsnorm_error")


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{_HINT} (could not import {module}: {exc})") from exc


def _options(
    only: Only | None = None, reference_date: date | None = None, config: Config | None = None
) -> RunOptions:
    return RunOptions(only=only, reference_date=reference_date, config=config or Config())


def process_item(item: Any, options: RunOptions) -> dict[str, Any]:
    """One text as the JSON-able dict the CLI writes (without ``id``); never raises.

    >>> process_item("Clean news.", RunOptions(only="text"))
    {'text': 'Clean news.'}
    >>> process_item(None, RunOptions())["error"]
    'not a string but NoneType'
    """
    from newsnorm.pipeline import process

    if not isinstance(item, str):
        return {"error": f"not a string but {type(item).__name__}"}
    try:
        doc = process(item, options.reference_date, options.effective_config())
    except Exception as exc:  # one bad record must not stop a corpus run
        return {"error": f"processing failed: {type(exc).__name__}: {exc}"}
    return payload(doc, options.only)


def process_bag(
    bag: Any,
    *,
    only: Only | None = None,
    reference_date: date | None = None,
    config: Config | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of texts → a Bag of dicts, one per text, in the same order.

    Each dict is what ``newsnorm process`` writes for that text, without the ``id``:
    ``{"document": {...}}``, or ``{only: ...}``, or ``{"error": ...}`` for an element that is
    not a ``str`` (it is never dropped).
    """
    _require("dask.bag")
    return bag.map(process_item, options=_options(only, reference_date, config))


def process_pandas(
    df: Any,
    column: str,
    *,
    only: Only | None = None,
    reference_date: date | None = None,
    config: Config | None = None,
) -> Any:
    """A copy of the pandas DataFrame *df* with :data:`OUTPUT_COLUMNS` added for *column*.

    ``newsnorm_text`` is the cleaned text, ``newsnorm_json`` the output record as JSON (sorted
    keys, as the CLI writes it), ``newsnorm_error`` why a row failed (else ``None``).
    """
    from newsnorm.corpus import dumps_record

    opts = _options(only, reference_date, config)
    texts, jsons, errors = [], [], []
    for item in df[column].tolist():
        out = process_item(item, opts)
        error = out.get("error")
        doc = out.get("document")
        texts.append(doc["text"] if doc else out.get("text"))
        jsons.append(dumps_record(out))
        errors.append(error)
    pd = _require("pandas")
    result = df.copy()
    for name, values in zip(OUTPUT_COLUMNS, (texts, jsons, errors), strict=True):
        # object dtype: pandas would otherwise infer a string dtype and turn None into NaN.
        result[name] = pd.Series(values, index=df.index, dtype=object)
    return result


def process_dataframe(
    ddf: Any,
    column: str,
    *,
    only: Only | None = None,
    reference_date: date | None = None,
    config: Config | None = None,
) -> Any:
    """A Dask DataFrame with :data:`OUTPUT_COLUMNS` added, computed partition by partition."""
    _require("dask.dataframe")
    pd = _require("pandas")
    meta = ddf._meta.copy()
    for name in OUTPUT_COLUMNS:
        meta[name] = pd.Series([], dtype=object)
    func = functools.partial(
        process_pandas, column=column, only=only, reference_date=reference_date, config=config
    )
    return ddf.map_partitions(func, meta=meta)


def map_on_cluster(
    address: str,
    func: Callable[[T], R],
    items: Iterable[T],
    window: int | None = None,
    timeout: float = 30.0,
) -> Iterator[R]:
    """``map(func, items)`` on the Dask scheduler at *address*, in order, bounded read-ahead.

    The engine of ``newsnorm process --dask``: the same chunks and the same function as
    ``--jobs N``, so the same output bytes. Raises ``ConnectionError`` when the scheduler
    cannot be reached within *timeout* seconds.
    """
    distributed = _require("distributed")
    from newsnorm.parallel import submit_ordered

    try:
        client = distributed.Client(address, set_as_default=False, timeout=timeout)
    except OSError as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        workers = max(sum(client.nthreads().values()), 1)
        yield from submit_ordered(
            lambda item: client.submit(func, item, pure=False),
            items,
            window or 3 * workers,
        )
