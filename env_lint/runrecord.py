"""A run's record, as the launcher (``launch.py``) reads it before anything heavy is imported:
the key it is filed under, the digest of the run's inputs, and the record's file.

The key is everything a check's output depends on besides the files: env-lint's version and
code, Python's version, the working directory, the whole command line as typed, the environment
variables env-lint reads, whether stdout is a terminal. The command line is not parsed here: the
record names the roots the run checked, the files it read besides them (config, baseline,
snapshots, and those that decided a discovered root) and the paths whose mere presence decided
(``.git``); the digest covers all of them, so a record whose key and digest both match is the
run's output whatever the arguments meant. Imports ``os``, ``sys``, ``json`` and ``stat``: a
replayed run loads neither argparse nor dataclasses nor the model.
"""

from __future__ import annotations

import json
import os
import stat
import sys

from . import __version__
from .listing import git_files, walk
from .stamps import code_stamp, hexdigest

TYPE_CHECKING = False  # typing itself is not imported: 4 ms
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

FORMAT = 2
# The environment variables that change what a check prints or writes (the format, color, the
# cache place, the step summary: a run that appends to it is never recorded).
ENVIRONMENT = (
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "ENV_LINT_CACHE_DIR",
)


Inputs = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # roots, extra, present
# Digests already taken in this process: (inputs, cache directory) -> (digest, newest mtime)
Taken = dict[tuple[Inputs, str], tuple[str, int]]


class Recorded:
    """What a recorded run printed and its exit code, and what its digest covers. A plain class:
    importing dataclasses costs a replayed run a quarter of its time."""

    __slots__ = ("code", "digest", "err", "extra", "out", "present", "roots")

    def __init__(self, code: int, out: str, err: str, inputs: Inputs, digest: str) -> None:
        self.code, self.out, self.err = code, out, err
        self.roots, self.extra, self.present = inputs
        self.digest = digest


def run_key(argv: Sequence[str], environ: Mapping[str, str], tty: bool) -> str:
    parts = [
        FORMAT,
        __version__,
        code_stamp(),
        list(sys.version_info[:3]),
        os.getcwd(),
        list(argv),
        [environ.get(name) for name in ENVIRONMENT],
        tty,
    ]
    return hexdigest(json.dumps(parts).encode())


def record_path(directory: str, key: str) -> str:
    return os.path.join(directory, f"run-{key[:24]}.json")


def read(path: str, key: str) -> Recorded | None:
    """The record at ``path`` when it is a run under ``key``; None for anything else (missing,
    damaged, foreign, another key)."""
    try:
        with open(path, encoding="utf-8") as handle:
            if not _own_file(handle.fileno()):
                return None  # another user's file: a record is never shared
            data = json.load(handle)
        if data["format"] != FORMAT or data["key"] != key:
            return None
        code, out, err, digest = data["code"], data["out"], data["err"], data["digest"]
        inputs = (_names(data["roots"]), _names(data["extra"]), _names(data["present"]))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    if not (isinstance(code, int) and isinstance(out, str) and isinstance(err, str)):
        return None
    if not isinstance(digest, str):
        return None
    return Recorded(code, out, err, inputs, digest)


def _own_file(descriptor: int) -> bool:
    getuid = getattr(os, "getuid", None)  # (no owners to compare on Windows)
    return getuid is None or os.fstat(descriptor).st_uid == getuid()


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("not a list of names")
    return tuple(value)


def take(inputs: Inputs, cache: str) -> tuple[str, int]:
    """A digest of what the run reads (every listed file's stat; the set of files is part of
    it) and the newest mtime among them; not the cache directory's own files (a walk lists
    them, and every run rewrites them). git is asked for its list only (``ls-files``, which
    reads no file content: ``diff-files`` would hash racily clean files through the repo's
    filter drivers and run ``git status`` in submodules)."""
    roots, extra, present = inputs
    stamps: list[tuple[object, ...]] = []
    newest = 0
    for root in roots:
        files = git_files(root)
        stamps.append((os.path.abspath(root), files is not None))
        listed = files if files is not None else _outside(walk(root), root, cache)
        newest = max(newest, _stamp_tree(stamps, root, listed))
    for path in extra:
        newest = max(newest, _stamp(stamps, os.path.abspath(path), path, None))
    stamps.extend((os.path.abspath(path), os.path.exists(path)) for path in present)
    text = repr(stamps).encode("utf-8", "surrogateescape")
    return hexdigest(text), newest


def _stamp_tree(stamps: list[tuple[object, ...]], root: str, listed: list[str]) -> int:
    newest = 0
    if os.lstat not in os.supports_dir_fd:  # Windows: paths from the root
        for rel in listed:
            newest = max(newest, _stamp(stamps, rel, os.path.join(root, rel), None))
        return newest
    try:
        where = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        stamps.append(("-",))
        return newest
    try:  # relative to the root's descriptor: no path walk from / for each file
        for rel in listed:
            newest = max(newest, _stamp(stamps, rel, rel, where))
    finally:
        os.close(where)
    return newest


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
