"""Reading many files on several cores. The per-file step (bytes -> facts) is pure, so a run
with many files to read (a cold run on a large repo) hands it to worker processes and takes the
results back in the order it gave them: the output is the same as a serial run's.

Workers are forked, so they start with env-lint already imported and the run's settings in
memory; that is Linux only (macOS's fork is unsafe, and a spawned worker would import
everything anew). Below ``MIN_FILES`` files, or with one usable core, the files are read in
this process: starting workers costs more than it saves. A worker that dies (or a pool that
cannot start) is no failure of the run: the files not yet read are read here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Protocol

from ..model import Crash, FileFacts
from ..sources.base import Source


class Reader(Protocol):
    """What reads one file into its facts (the collector), recording the bugs it meets."""

    @property
    def crashes(self) -> list[Crash]: ...

    def read(self, rel: str, source: Source) -> FileFacts | None: ...


MIN_FILES = 256  # files to read before workers pay (a worker's start is ~10 ms)
CHUNK = 16  # files per task: few enough to share the load, enough to amortise the hand-over
IN_FLIGHT = 4  # chunks per worker handed out and not yet taken back

Task = tuple[str, int]  # a file and the index of its source in the registry
Result = tuple[FileFacts | None, tuple[Crash, ...]]

_reader: Reader | None = None  # a worker's own reader, set when it starts


def workers_for(jobs: int, files: int) -> int:
    """How many worker processes read ``files`` files: ``jobs`` (0: one per usable core),
    none (1) below ``MIN_FILES`` files or where workers are not forked."""
    if jobs == 1 or files < MIN_FILES or not sys.platform.startswith("linux"):
        return 1
    wanted = jobs if jobs > 0 else len(os.sched_getaffinity(0))
    return max(1, min(wanted, -(-files // CHUNK)))  # no worker without a task


def read_all(make: Callable[[], Reader], tasks: list[Task], workers: int) -> Iterator[Result]:
    """Each task's result, in the order of ``tasks``."""
    done = 0
    if workers > 1:
        try:
            for result in _pooled(make, tasks, workers):
                yield result
                done += 1
            return
        except OSError:  # no pool here (no /dev/shm, a process limit): read the rest here
            pass
        except Exception as exc:  # a worker died (BrokenProcessPool): read the rest here
            if type(exc).__name__ != "BrokenProcessPool":
                raise
    reader = make()
    for task in tasks[done:]:
        yield read_one(reader, task)


def _pooled(make: Callable[[], Reader], tasks: list[Task], workers: int) -> Iterator[Result]:
    """The tasks in chunks, a few per worker in flight at a time (results that wait for this
    process to take them are bounded: a 100,000-file run keeps its memory)."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, context, initializer=_start, initargs=(make,))
    chunks = (tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK))
    pending: deque[Future[list[Result]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # done, or stopped (Ctrl-C, a dead worker): drop the files not yet handed out
        pool.shutdown(wait=True, cancel_futures=True)


def _start(make: Callable[[], Reader]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    global _reader
    _reader = make()


def _work(chunk: list[Task]) -> list[Result]:
    assert _reader is not None, "a worker reads only after it started"
    return [read_one(_reader, task) for task in chunk]


def read_one(reader: Reader, task: Task) -> Result:
    """A file's facts, and the bugs met reading it."""
    from ..sources.registry import SOURCES

    rel, index = task
    crashes = reader.crashes
    before = len(crashes)
    facts = reader.read(rel, SOURCES[index])
    met = tuple(crashes[before:])
    del crashes[before:]
    return facts, met
