"""Read, clean and key sources for the library, in a worker process when it pays.

Reading, cleaning, segmenting and computing matching keys need no library,
and in a bulk ingest they take about half the time. On a machine with more
than one core a large batch is prepared in worker processes while this
process stores and matches the articles prepared before, in order.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Container, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import BinaryIO

from tui.clean import clean
from tui.errors import SourceError
from tui.ingest.sources import DEFAULT_MAX_BYTES, STDIN, read_source
from tui.match.engine import keys_of
from tui.match.shingles import SentenceKey
from tui.models import Article

# Below this many sources, starting a worker (about half a second) costs more
# than it saves.
POOL_MIN_SOURCES = 32
# Sources handed to the workers ahead of the one being stored: enough to keep
# them busy, few enough to bound memory.
AHEAD = 64
CHUNK = 8  # sources per hand-over to a worker
MAX_WORKERS = 2


@dataclass(frozen=True)
class Prepared:
    """A source cleaned and keyed for matching, or the reason it failed."""

    source: str
    article: Article | None = None
    keys: list[SentenceKey] = field(default_factory=list)
    reason: str | None = None


def load(source: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Article:
    """Read and clean one source; anything unexpected becomes a SourceError."""
    try:
        return clean(read_source(source, max_bytes=max_bytes, stdin=stdin))
    except SourceError:
        raise
    except RecursionError:
        raise SourceError("structure too deeply nested") from None
    except MemoryError:
        raise SourceError("too large to process") from None
    except Exception as error:  # a cleaner bug must not stop the batch
        raise SourceError(f"could not clean: {type(error).__name__}: {error}") from error


def prepare(source: str, max_bytes: int, stdin: BinaryIO | None = None) -> Prepared:
    """Load one source and compute its sentences' matching keys."""
    try:
        article = load(source, max_bytes, stdin)
    except SourceError as error:
        return Prepared(source, reason=str(error))
    return Prepared(source, article, keys_of(article))


def default_workers() -> int:
    """A worker per spare core, at most MAX_WORKERS.

    One worker prepares an article in about two thirds of the time this
    process needs to store and match it, so more than two only cost memory.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cores - 1))


def prepare_all(
    sources: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
) -> Iterator[Prepared]:
    """Prepared sources, in the order given.

    `workers=None` decides by the machine and the batch size; 0 prepares
    everything in this process.
    """
    if workers is None:
        workers = default_workers() if len(sources) >= POOL_MIN_SOURCES else 0
    if workers <= 0:
        for source in sources:
            yield prepare(source, max_bytes, stdin)
        return
    task = functools.partial(prepare, max_bytes=max_bytes)
    for source, ready in in_workers(sources, task, workers, local={STDIN}):
        # stdin belongs to this process; it is read here when its turn comes.
        yield ready if ready is not None else prepare(source, max_bytes, stdin)


def in_workers(
    sources: list[str],
    task: Callable[[str], Prepared],
    workers: int,
    local: Container[str] = frozenset(),
) -> Iterator[tuple[str, Prepared | None]]:
    """(source, task(source)) in order, computed by `workers` processes.

    Sources go to the workers CHUNK at a time (each hand-over costs this
    process time), AHEAD sources in flight. Sources in `local` come back as
    (source, None) for the caller to do itself. `task` must be picklable (a
    module-level function or a partial of one).
    """
    # "spawn": forking a process that runs threads (the app does) can deadlock.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    pending: deque[tuple[list[str], Future[list[Prepared]] | None]] = deque()
    queue = iter(sources)

    def submit(chunk: list[str]) -> None:
        pending.append((chunk, pool.submit(_run_chunk, task, chunk)))

    def top_up() -> None:
        in_flight = sum(len(chunk) for chunk, _ in pending)
        chunk: list[str] = []
        while in_flight < AHEAD and (source := next(queue, None)) is not None:
            in_flight += 1
            if source in local:
                if chunk:
                    submit(chunk)
                    chunk = []
                pending.append(([source], None))
                continue
            chunk.append(source)
            if len(chunk) == CHUNK:
                submit(chunk)
                chunk = []
        if chunk:
            submit(chunk)

    try:
        top_up()
        while pending:
            chunk, future = pending.popleft()
            if future is None:
                yield chunk[0], None
                top_up()
                continue
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died: a crash in a C library, or killed for memory. A
                # single source is blamed; a chunk is retried one source at a time.
                waiting = list(pending)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(workers, mp_context=context)
                if len(chunk) == 1:
                    results = [Prepared(chunk[0], reason="the cleaning process crashed on it")]
                else:
                    results = []
                    waiting = [([source], future) for source in chunk] + waiting
                for again, was_sent in waiting:
                    if was_sent is None:
                        pending.append((again, None))
                    else:
                        submit(again)
            yield from zip(chunk, results, strict=False)
            top_up()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run_chunk(task: Callable[[str], Prepared], chunk: list[str]) -> list[Prepared]:
    return [task(source) for source in chunk]
