"""Read, clean and key sources for the library, in a worker process when it pays.

Reading, cleaning, segmenting and computing matching keys need no library,
and in a bulk ingest they take about half the time. On a machine with more
than one core a large batch is prepared in worker processes while this
process stores and matches the articles prepared before, in order.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Container, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from typing import BinaryIO

from tui.clean import clean
from tui.errors import SourceError
from tui.ingest.sources import DEFAULT_MAX_BYTES, STDIN, read_source
from tui.logs import open_log
from tui.match.plan import keys_of
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
CRASHED = "the cleaning process crashed on it"


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

    A worker that dies (a crash in a C library, killed for memory) fails only
    the source it was working on: the chunk whose result was lost is run
    again one source at a time in a process of its own, and only a source
    that kills that process is blamed.
    """
    pool = _new_pool(workers)
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
                waiting = list(pending)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                results = _one_at_a_time(chunk, task)
                pool = _new_pool(workers)
                for again, was_sent in waiting:
                    if was_sent is None:
                        pending.append((again, None))
                    else:
                        submit(again)
            yield from zip(chunk, results, strict=True)
            top_up()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _one_at_a_time(sources: list[str], task: Callable[[str], Prepared]) -> list[Prepared]:
    """Run each source alone in one worker, so a crash is blamed on the source that caused it."""
    results: list[Prepared] = []
    pool = _new_pool(1)
    try:
        for source in sources:
            try:
                results += pool.submit(_run_chunk, task, [source]).result()
            except BrokenProcessPool:
                results.append(Prepared(source, reason=CRASHED))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(1)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of spawned worker processes whose output goes to the log file.

    "spawn", because forking a process that runs threads (the app does) can
    deadlock. Starting the pool also starts multiprocessing's resource tracker,
    which is handed `sys.stderr.fileno()`. Under the app, Textual has swapped
    `sys.stderr` for an object whose fileno() is -1, and the start fails with
    "ValueError: bad value(s) in fds_to_keep"; so the tracker is started here
    with the log file as its stderr.
    """
    log = open_log()
    try:
        with os.fdopen(log, "w", closefd=False) as stream, contextlib.redirect_stderr(stream):
            resource_tracker.ensure_running()
    finally:
        os.close(log)
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_quiet_worker)


def _quiet_worker() -> None:
    """Worker start-up: stdout and stderr go to the log, never onto the user's terminal.

    The workers inherit the terminal as file descriptors 1 and 2; a library's
    warning printed there would draw over the app or a progress bar.
    """
    log = open_log()
    for stream in (1, 2):
        os.dup2(log, stream)
    os.close(log)


def _run_chunk(task: Callable[[str], Prepared], chunk: list[str]) -> list[Prepared]:
    return [task(source) for source in chunk]
