"""The persistent cache of per-file facts (``.env-lint-cache/`` at the root, as ruff keeps one).

One JSON file per (env-lint version, settings that affect parsing); each entry is a file's
facts, keyed by its path and checked by its size, mtime and inode. A warm run reads no file
whose stat is unchanged; rules still run over the whole repo, so results are identical to a
cold run.

What is never stored: a value of an env file, an example file or the docs, or a schema default.
Facts that may hold one (an example file's entries, a schema with its defaults, a manifest's
kept values, a default stated in the docs) are not cached: those few files are parsed on every
run. Env files and docs keep only names and credential fingerprints, which are cached. A code
module's facts (the expressions a schema is evaluated from, literals included: code the repo
holds anyway) are cached unless one of its strings looks like a credential.

Safe by construction: JSON only (never pickle: a cache planted in a repo must not run code),
decoded into a whitelist of model classes; a corrupt, foreign or unreadable cache is ignored
and rebuilt; writes are atomic (a temporary file, then a rename) and the last of concurrent
runs wins; an entry whose file changed within the last two seconds is not kept (a later edit in
the same mtime tick would go unseen, as git's "racily clean" entries).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from typing import Any

from .. import __version__
from ..credentials import value_like
from ..model.facts import FileFacts
from ..sources.base import Settings

FORMAT = 2
DIR_NAME = ".env-lint-cache"
_RACY_SECONDS = 2.0
_IGNORE = "# written by env-lint: a cache, never commit it\n*\n"


@functools.cache
def _registry() -> dict[str, type[Any]]:
    """The classes a cache may name (imported on first use: module facts are the only user of
    ``model.ir``)."""
    from ..model import core, facts, ir, manifests, targets

    found: dict[str, type[Any]] = {}
    for module in (core, facts, ir, manifests, targets):
        for value in vars(module).values():
            own = isinstance(value, type) and value.__module__ == module.__name__
            if own and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum)):
                found[value.__name__] = value
    return found


def encode(value: Any) -> Any:
    """Model values as JSON: a dataclass as ``{"@": class name, "v": [its fields in order]}``,
    without its trailing default fields (positional: decoding is one constructor call)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        values = [getattr(value, f.name) for f in fields]
        end = len(values)
        while end and fields[end - 1].default is not dataclasses.MISSING:
            if values[end - 1] != fields[end - 1].default:
                break
            end -= 1  # trailing defaults are left out: the constructor fills them in
        return {"@": type(value).__name__, "v": [encode(v) for v in values[:end]]}
    if isinstance(value, enum.Enum):
        return {"@e": type(value).__name__, "v": value.value}
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, frozenset):
        return {"@s": sorted(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"not cacheable: {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(decode(v) for v in value)
    if not isinstance(value, dict):
        return value
    if "@s" in value:
        return frozenset(value["@s"])
    if "@e" in value:
        return _registry()[value["@e"]](value["v"])
    return _registry()[value["@"]](*[decode(v) for v in value["v"]])


def cacheable(item: FileFacts) -> bool:
    """Facts that hold no value of an env, example or docs file, and no schema default (a
    code module's literals are kept unless one looks like a credential: see ``put``)."""
    if item.example is not None or item.schemas:
        return False
    if any(m.default is not None for m in item.mentions):
        return False
    return not any(v.default is not None for unit in item.deploy for v in unit.variables)


def settings_key(settings: Settings) -> str:
    parts = [FORMAT, __version__, _code_stamp(), sys.version_info[:2]]
    text = json.dumps([*parts, dataclasses.astuple(settings)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _code_stamp() -> str:
    """env-lint's own modules (size and mtime): a development install that changed since the
    cache was written never reads facts an older parser wrote under the same version."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamps = []
    for directory, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(directory, name))
                stamps.append(f"{os.path.join(directory, name)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(stamps)).encode()).hexdigest()[:16]


def _texts(value: Any) -> list[str]:
    """Every string in an encoded value (iteratively: module facts nest deeply)."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(v for k, v in item.items() if k not in ("@", "@e"))
    return found


# Where an encoded FileFacts keeps its module facts (fields are encoded in order).
_MODULE_FIELD = [f.name for f in dataclasses.fields(FileFacts)].index("module")

Stamp = tuple[int, int, int]  # size, mtime_ns, inode


def stamp_of(path: str) -> Stamp | None:
    """The stat of a regular file (not a symlink); None for anything else."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class FactsCache:
    def __init__(self, directory: str, root: str, settings: Settings) -> None:
        self.directory = directory
        where = hashlib.sha256(os.path.abspath(root).encode()).hexdigest()[:12]
        self.path = os.path.join(directory, f"facts-{settings_key(settings)}-{where}.json")
        self._old, old_unclaimed = self._load()
        self._new: dict[str, Any] = {}
        self._unclaimed = frozenset(old_unclaimed)
        self._new_unclaimed: set[str] = set()
        self._started = time.time()

    def _load(self) -> tuple[dict[str, Any], list[str]]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError, RecursionError):
            return {}, []
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            return {}, []
        files, unclaimed = document.get("files"), document.get("unclaimed")
        if not isinstance(files, dict) or not isinstance(unclaimed, list):
            return {}, []
        return files, [u for u in unclaimed if isinstance(u, str)]

    def unclaimed(self, rel: str) -> bool:
        """No source reads this path (it depends on the path and the settings only)."""
        if rel in self._unclaimed:
            self._new_unclaimed.add(rel)
            return True
        return False

    def add_unclaimed(self, rel: str) -> None:
        self._new_unclaimed.add(rel)

    def get(self, rel: str, stamp: Stamp) -> FileFacts | None:
        entry = self._old.get(rel)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != list(stamp):
            return None
        try:
            found = decode(entry[1])
        except (KeyError, TypeError, ValueError, RecursionError):
            return None
        if not isinstance(found, FileFacts) or found.path != rel:
            return None
        self._new[rel] = entry
        return found

    def put(self, rel: str, stamp: Stamp, item: FileFacts) -> None:
        if stamp[1] / 1e9 > self._started - _RACY_SECONDS or not cacheable(item):
            return
        try:
            encoded = encode(item)
        except TypeError:
            return
        module = encoded["v"][_MODULE_FIELD] if item.module is not None else None
        if module is not None and any(value_like(t) for t in _texts(module)):
            return  # a credential-shaped literal in the code: never copied into the cache
        self._new[rel] = [list(stamp), encoded]

    def save(self) -> None:
        """Write the entries of this run (atomically); a failure only costs the next run."""
        if self._new == self._old and self._new_unclaimed == self._unclaimed:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write(_IGNORE)
            handle_fd, temp = tempfile.mkstemp(prefix=".facts-", dir=self.directory)
        except OSError:
            return
        try:
            with os.fdopen(handle_fd, "w", encoding="utf-8") as out:
                document = {
                    "format": FORMAT,
                    "files": self._new,
                    "unclaimed": sorted(self._new_unclaimed),
                }
                json.dump(document, out, separators=(",", ":"))
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
