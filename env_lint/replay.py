"""Replaying a run that nothing could have changed: the warm path of a pre-commit hook.

A check that completes records what it printed and its exit code under a key (env-lint's
version and code, Python's version, the working directory, the arguments, the roots, the
environment variables env-lint reads, whether the output is a terminal), with a digest of its
inputs: every file git lists (or the directory walk finds) under each root with its size,
mtime, inode and ctime (a symlink's and its target's), and the config, baseline and snapshot
files. The next run with the same key takes the same digest, reading no file; when it matches, it
prints the recorded output. Anything else (one file touched, a file added to the index,
another option) runs the check, which reads unchanged files from the per-file cache
(``project/cache.py``).

Never recorded: a run that writes elsewhere (``--fix``, ``--diff``, reports, the step summary,
``--write-baseline``), a run that failed, and a run whose inputs changed in the two seconds
before it (an edit in the same mtime tick would go unseen, as git's "racily clean" entries).
The record is the run's output, which never holds a value read from a file. JSON only; a
damaged or foreign record is ignored; written atomically, the last of concurrent runs wins.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from . import __version__
from .cachedir import prepare
from .listing import git_files, walk
from .stamps import code_stamp

FORMAT = 1
_RACY_NS = 2_000_000_000
# The environment variables that change what a check prints (the format, color, cache place).
ENVIRONMENT = ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "TERM", "ENV_LINT_CACHE_DIR")


@dataclass(frozen=True, slots=True)
class Plan:
    path: str  # the record's file
    key: str
    digest: str  # of the inputs, taken before the run
    newest_ns: int  # the newest mtime among the inputs


@dataclass(frozen=True, slots=True)
class Recorded:
    code: int
    out: str
    err: str


def run_key(
    argv: Sequence[str], roots: Sequence[str], environ: Mapping[str, str], tty: bool
) -> str:
    parts = [
        FORMAT,
        __version__,
        code_stamp(),
        list(sys.version_info[:3]),
        os.getcwd(),
        list(argv),
        [os.path.abspath(r) for r in roots],
        [environ.get(name) for name in ENVIRONMENT],
        tty,
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def plan(directory: str, key: str, roots: Sequence[str], extra: Sequence[str]) -> Plan:
    """Where the record of these roots lives, and the digest of what the run depends on."""
    where = hashlib.sha256("\0".join(os.path.abspath(r) for r in roots).encode()).hexdigest()
    digest, newest = _inputs(roots, extra, os.path.abspath(directory))
    return Plan(os.path.join(directory, f"run-{where[:12]}.json"), key, digest, newest)


def _inputs(roots: Sequence[str], extra: Sequence[str], cache: str) -> tuple[str, int]:
    """A digest of what the run reads (every listed file's stat; the set of files is part of
    it) and the newest mtime among them; not the cache directory's own files (a walk lists
    them, and every run rewrites them). git is asked for its list only (``ls-files``, which
    reads no file content: ``diff-files`` would hash racily clean files through the repo's
    filter drivers and run ``git status`` in submodules)."""
    stamps: list[tuple[object, ...]] = []
    newest = 0
    for root in roots:
        files = git_files(root)
        stamps.append((os.path.abspath(root), files is not None))
        listed = files if files is not None else _outside(walk(root), root, cache)
        if os.lstat not in os.supports_dir_fd:  # Windows: paths from the root
            for rel in listed:
                newest = max(newest, _stamp(stamps, rel, os.path.join(root, rel), None))
            continue
        try:
            where = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            stamps.append(("-",))
            continue
        try:  # relative to the root's descriptor: no path walk from / for each file
            for rel in listed:
                newest = max(newest, _stamp(stamps, rel, rel, where))
        finally:
            os.close(where)
    for path in extra:
        newest = max(newest, _stamp(stamps, os.path.abspath(path), path, None))
    text = repr(stamps).encode("utf-8", "surrogateescape")
    return hashlib.sha256(text).hexdigest(), newest


def _outside(files: list[str], root: str, directory: str) -> list[str]:
    """``files`` (relative to ``root``) without those inside ``directory``."""
    inner = os.path.relpath(directory, os.path.abspath(root)).replace(os.sep, "/")
    if inner == ".." or inner.startswith("../"):
        return files
    return [f for f in files if f != inner and not f.startswith(inner + "/")]


def _stamp(stamps: list[tuple[object, ...]], name: str, path: str, where: int | None) -> int:
    """Adds one file's stamp (its stat; a symlink's and its target's: a run reads through a
    link that stays inside the repo) and returns its newest mtime (0: missing)."""
    try:
        info = os.lstat(path, dir_fd=where)
    except OSError:
        stamps.append((name,))
        return 0
    stamp: tuple[object, ...] = (name, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino)
    stamp += (info.st_ctime_ns,)  # an edit that keeps size and mtime (cp -p) changes it
    newest = info.st_mtime_ns
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.stat(path, dir_fd=where)
        except OSError:
            stamp += ("-",)
        else:
            stamp += (target.st_mode, target.st_size, target.st_mtime_ns, target.st_ino)
            stamp += (target.st_ctime_ns,)
            newest = max(newest, target.st_mtime_ns)
    stamps.append(stamp)
    return newest


def recall(plan: Plan) -> Recorded | None:
    """The recorded run, when its key and inputs are this run's."""
    try:
        with open(plan.path, encoding="utf-8") as handle:
            data = json.load(handle)
        if data["format"] != FORMAT or data["key"] != plan.key or data["digest"] != plan.digest:
            return None
        code, out, err = data["code"], data["out"], data["err"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    if not (isinstance(code, int) and isinstance(out, str) and isinstance(err, str)):
        return None
    return Recorded(code, out, err)


def record(plan: Plan, recorded: Recorded, started_ns: int) -> None:
    """Keep the run for the next one (atomically); a failure only costs the next run."""
    if plan.newest_ns > started_ns - _RACY_NS:
        return  # an input changed just now: a second edit in the same tick would go unseen
    data = {"format": FORMAT, "key": plan.key, "digest": plan.digest}
    data.update(code=recorded.code, out=recorded.out, err=recorded.err)
    directory = os.path.dirname(plan.path)
    import tempfile

    try:
        prepare(directory)
        handle_fd, temp = tempfile.mkstemp(prefix=".run-", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(handle_fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(temp, plan.path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


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
