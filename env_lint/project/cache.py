"""The persistent cache of per-file facts (``.env-lint-cache/`` at the root, as ruff keeps one).

One file per (env-lint version, settings that affect parsing): a JSON header line, then one
line per file, its path and its facts as JSON (decoded only when that file is asked for, so a
large repo's cache costs little memory), checked by the file's size, mtime, inode and ctime. A warm
run reads no file whose stat is unchanged; rules still run over the whole repo, so results are
identical to a cold run.

What is never stored: a value of an env file, an example file or the docs, or a schema default.
Facts that may hold one (an example file's entries, a schema with its defaults, a manifest's
kept values, a default stated in the docs) are not cached: those few files are parsed on every
run. Env files and docs keep only names and credential fingerprints, which are cached. A code
module's facts (the expressions a schema is evaluated from, literals included: code the repo
holds anyway) are cached unless one of its strings looks like a credential (a known format, or
random key material that is not a name made of words such as an import path).

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
import sys
import tempfile
import time
from typing import Any

from .. import __version__
from ..cachedir import prepare
from ..credentials import known_credential, name_like, value_like
from ..model.facts import FileFacts
from ..sources.base import Settings
from ..stamps import Stamp, code_stamp

FORMAT = 16  # 16: accessor functions a module exports, and calls of imported ones
_RACY_SECONDS = 2.0


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


@functools.cache
def _layout(cls: type[Any]) -> tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]:
    """A dataclass's fields without a default (positional, in order) and those with one,
    with their defaults."""
    required: list[str] = []
    optional: list[tuple[str, Any]] = []
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            optional.append((item.name, item.default))
        elif item.default_factory is not dataclasses.MISSING:
            optional.append((item.name, item.default_factory()))
        else:
            required.append(item.name)
    return tuple(required), tuple(optional)


def encode(value: Any) -> Any:
    """Model values as JSON: a dataclass as ``{"@": class name, "v": [its fields without a
    default, in order], "k": {each other field whose value is not its default}}`` (a file's
    facts set a few of their ~50 fields: only those are written and decoded)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        required, optional = _layout(type(value))
        encoded: dict[str, Any] = {
            "@": type(value).__name__,
            "v": [encode(getattr(value, name)) for name in required],
        }
        changed = {}
        for name, default in optional:
            own = getattr(value, name)
            if own != default:
                changed[name] = encode(own)
        if changed:
            encoded["k"] = changed
        return encoded
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
    cls = _registry()[value["@"]]
    named = value.get("k")
    if named is None:
        return cls(*[decode(v) for v in value["v"]])
    return cls(*[decode(v) for v in value["v"]], **{k: decode(v) for k, v in named.items()})


def cacheable(item: FileFacts) -> bool:
    """Facts that hold no value of an env, example or docs file, and no schema default (a
    code module's literals are kept unless one looks like a credential: see ``put``)."""
    if item.example is not None or item.schemas:
        return False
    if any(m.default is not None for m in item.mentions):
        return False
    return not any(v.default is not None for unit in item.deploy for v in unit.variables)


def settings_key(settings: Settings) -> str:
    parts = [FORMAT, __version__, code_stamp(), sys.version_info[:2]]
    text = json.dumps([*parts, dataclasses.astuple(settings)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


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


def _path_of(key: str) -> str | None:
    """The path of an entry line (a JSON string); None when the line is damaged."""
    if len(key) < 2 or key[0] != '"' or key[-1] != '"':
        return None
    if "\\" not in key:
        return key[1:-1]
    try:
        value = json.loads(key)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _secret_shaped(text: str) -> bool:
    """A known credential format, or a random-looking token that is not a name made of words
    (an import path or a camelCase identifier is code, not key material)."""
    if known_credential(text) is not None:
        return True
    return value_like(text) and not name_like(text)


class FactsCache:
    def __init__(self, directory: str, root: str, settings: Settings) -> None:
        self.directory = directory
        where = hashlib.sha256(os.path.abspath(root).encode()).hexdigest()[:12]
        self.path = os.path.join(directory, f"facts-{settings_key(settings)}-{where}.json")
        self._old, old_unclaimed = self._load()
        self._new: dict[str, str] = {}  # path -> its entry, JSON text (decoded on a hit only)
        self._unclaimed = frozenset(old_unclaimed)
        self._new_unclaimed: set[str] = set()
        self._started = time.time()

    def _load(self) -> tuple[dict[str, str], list[str]]:
        """The header line, then one line per file: its path (a JSON string), a tab, and its
        entry (JSON text, decoded only when the file is asked for)."""
        try:
            with open(self.path, encoding="utf-8") as handle:
                header = json.loads(handle.readline())
                unclaimed = header.get("unclaimed") if isinstance(header, dict) else None
                if header.get("format") != FORMAT or not isinstance(unclaimed, list):
                    return {}, []
                files: dict[str, str] = {}
                for line in handle:
                    key, tab, entry = line.rstrip("\n").partition("\t")
                    rel = _path_of(key) if tab else None
                    if rel is not None:
                        files[rel] = entry
        except (OSError, ValueError, RecursionError, AttributeError):
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
        if entry is None:
            return None
        try:
            stored, value = json.loads(entry)
            if stored != list(stamp):
                return None
            found = decode(value)
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
        module = encoded["k"]["module"] if item.module is not None else None
        if module is not None and any(_secret_shaped(t) for t in _texts(module)):
            return  # a credential-shaped literal in the code: never copied into the cache
        self._new[rel] = json.dumps([list(stamp), encoded], separators=(",", ":"))

    def save(self) -> None:
        """Write the entries of this run (atomically); a failure only costs the next run."""
        if self._new == self._old and self._new_unclaimed == self._unclaimed:
            return
        try:
            prepare(self.directory)
            handle_fd, temp = tempfile.mkstemp(prefix=".facts-", dir=self.directory)
        except OSError:
            return
        try:
            header = {"format": FORMAT, "unclaimed": sorted(self._new_unclaimed)}
            with os.fdopen(handle_fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(header, separators=(",", ":")) + "\n")
                # line by line through the file's buffer: no second copy of the whole cache
                out.writelines(f"{json.dumps(rel)}\t{entry}\n" for rel, entry in self._new.items())
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
