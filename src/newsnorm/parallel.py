"""An ordered, memory-bounded parallel map over a stream: the engine behind ``--jobs N``.

``multiprocessing.Pool.imap`` reads its whole input iterator ahead of the workers, so a corpus of
millions of records would sit in memory; :func:`ordered_map` keeps at most ``window`` chunks in
flight and yields results in input order, so ``--jobs 1`` and ``--jobs N`` write the same bytes.

>>> list(ordered_map(_double, iter([1, 2, 3]), jobs=1))
[2, 4, 6]
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["default_window", "ordered_map", "submit_ordered", "warm_up"]

T = TypeVar("T")
R = TypeVar("R")


def _double(x: int) -> int:
    return 2 * x


def default_window(jobs: int) -> int:
    """Chunks in flight: enough that no worker idles while the reader catches up, no more.

    >>> default_window(2)
    6
    """
    return 3 * max(jobs, 1)


_WARM_TEXT = (
    "KABUL, Tuesday July 6th, 2021 - President Mohammad Ashraf Ghani said at least 1,037 "
    "soldiers crossed the the border on 15 Tir 1400. Mr. Putin said so."
)


def warm_up() -> None:
    """Run the whole pipeline once, so every lexicon, gazetteer and pattern is compiled.

    Lexicons are built on first use. A worker that forks after this starts warm and shares
    those pages with its siblings, instead of spending its first second compiling them again.

    >>> warm_up()
    """
    from newsnorm.pipeline import process

    process(_WARM_TEXT)


def _context() -> Any:
    if sys.platform == "linux" and threading.active_count() == 1:
        # No other thread, so fork is safe (it was the Linux default until Python 3.14): warm
        # this process once and the workers start as warm copies of it, with no interpreter to
        # start and nothing to import.
        warm_up()
        return multiprocessing.get_context("fork")
    # Threads (a progress bar, a Dask client, a test runner): fork could copy a held lock and
    # deadlock, so workers fork from a clean server process instead.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # The server imports newsnorm._warm once (which calls warm_up): workers fork from it warm.
    ctx.set_forkserver_preload(["newsnorm._warm"])
    return ctx


def submit_ordered(
    submit: Callable[[T], Future[R]], items: Iterable[T], window: int
) -> Iterator[R]:
    """``submit`` each item, keep at most *window* futures pending, yield results in order.

    Shared by the process pool and the Dask client (both hand out ``Future``-like objects).
    """
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], jobs: int = 1, window: int | None = None
) -> Iterator[R]:
    """``map(func, items)`` on *jobs* processes, in input order, with bounded read-ahead.

    *func* and every item must pickle (a module-level function, plain data). ``jobs=1`` runs
    in this process with no pickling at all: the same function, so the same results.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        yield from submit_ordered(
            lambda item: pool.submit(func, item), items, window or default_window(jobs)
        )
