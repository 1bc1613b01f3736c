"""Checking or fixing many files on several cores, with the same results in the same order.

Files are read (and, for `fix`, written) by the calling process only; worker processes get a
file's text and send back its findings or fixed text. A few files per worker are in flight at a
time, so a corpus of any size is never held in memory at once.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

Context = TypeVar("Context")
IN_FLIGHT_PER_WORKER = 4   # enough to keep a worker busy while the next file is read and pickled


def jobs_wanted(jobs: int | None) -> int:
    """`--jobs`: None or 1 runs in this process, 0 means one worker per core."""
    if not jobs:
        return 1 if jobs is None else (os.cpu_count() or 1)
    return max(1, jobs)


def ordered_map(work: Callable, items: Iterable[tuple[Context, tuple]], jobs: int,
                initializer: Callable, initargs: tuple) -> Iterator[tuple[Context, object]]:
    """For each (context, args) yield (context, work(*args)) in input order.

    `initializer(*initargs)` prepares what `work` reads (in each worker, or here when jobs is 1).
    `items` is consumed lazily, so the caller may report unreadable files as it meets them."""
    if jobs <= 1:
        initializer(*initargs)
        for context, args in items:
            yield context, work(*args)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs) as pool:
        pending: deque = deque()
        for context, args in items:
            pending.append((context, pool.submit(work, *args)))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                context, future = pending.popleft()
                yield context, future.result()
        while pending:
            context, future = pending.popleft()
            yield context, future.result()
