"""Replaying a run that nothing could have changed: the warm path of a pre-commit hook.

A check that completes records what it printed and its exit code (``runrecord.py``: the key and
the digest of its inputs, taken before the run). The launcher (``launch.py``) replays it before
the command line is even parsed; a check run through ``cli.main`` looks it up too. Anything else
(one file touched, a file added to the index, another option) runs the check, which reads
unchanged files from the per-file cache (``project/cache.py``).

Never recorded: a run that writes elsewhere (``--fix``, ``--diff``, reports, the step summary,
``--write-baseline``), a run that failed, and a run whose inputs changed in the two seconds
before it (an edit in the same mtime tick would go unseen, as git's "racily clean" entries).
The record is the run's output, which never holds a value read from a file. JSON only; a
damaged or foreign record is ignored; written atomically, the last of concurrent runs wins; a
directory keeps the newest ``KEPT`` records (one per command line).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from typing import Protocol

from .cachedir import prepare
from .runrecord import FORMAT, Inputs, Recorded, Taken, read, record_path, take

_RACY_NS = 2_000_000_000
KEPT = 32


@dataclass(frozen=True, slots=True)
class Plan:
    path: str  # the record's file
    key: str
    inputs: Inputs
    digest: str  # of the inputs, taken before the run
    newest_ns: int  # the newest mtime among the inputs


def plan(directory: str, key: str, inputs: Inputs, taken: Taken | None = None) -> Plan:
    """Where the record of this run lives, and the digest of what the run depends on (the one
    the launcher took a moment before for the same inputs, when it did: an edited repo is not
    listed and stat'ed twice)."""
    cache = os.path.abspath(directory)
    known = (taken or {}).get((inputs, cache))
    digest, newest = known if known is not None else take(inputs, cache)
    return Plan(record_path(directory, key), key, inputs, digest, newest)


def recall(plan: Plan) -> Recorded | None:
    """The recorded run, when its key and inputs are this run's."""
    found = read(plan.path, plan.key)
    if found is None or found.digest != plan.digest:
        return None
    return found


def record(plan: Plan, code: int, out: str, err: str, started_ns: int) -> None:
    """Keep the run for the next one (atomically); a failure only costs the next run."""
    if plan.newest_ns > started_ns - _RACY_NS:
        return  # an input changed just now: a second edit in the same tick would go unseen
    roots, extra, present = plan.inputs
    data = {"format": FORMAT, "key": plan.key, "digest": plan.digest, "code": code}
    data.update(out=out, err=err, roots=list(roots), extra=list(extra), present=list(present))
    directory = os.path.dirname(plan.path)
    import tempfile

    try:
        prepare(directory)
        handle_fd, temp = tempfile.mkstemp(prefix=".run-", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(handle_fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(temp, plan.path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    _prune(directory)


def _prune(directory: str) -> None:
    """The newest ``KEPT`` records stay: one is kept per command line, and command lines vary."""
    with contextlib.suppress(OSError):
        records = [
            entry
            for entry in os.scandir(directory)
            if entry.name.startswith("run-") and entry.name.endswith(".json")
        ]
        if len(records) <= KEPT:
            return
        records.sort(key=lambda entry: (entry.stat().st_mtime_ns, entry.name), reverse=True)
        for entry in records[KEPT:]:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


class Stream(Protocol):
    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class Recorder:
    """A stream that passes the text on and keeps a copy."""

    def __init__(self, stream: Stream) -> None:
        self._stream = stream
        self._parts: list[str] = []

    def write(self, text: str, /) -> int:
        written = self._stream.write(text)
        self._parts.append(text)
        return written

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    @property
    def text(self) -> str:
        return "".join(self._parts)
