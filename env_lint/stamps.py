"""Stamps that say "unchanged" without reading a file: a file's stat, and env-lint's own code."""

from __future__ import annotations

import functools
import os
import stat

Stamp = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns (an edit that keeps the mtime)


def stamp_of(path: str) -> Stamp | None:
    """The stat of a regular file (not a symlink); None for anything else."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


@functools.cache
def code_stamp() -> str:
    """env-lint's own modules (size and mtime): a development install that changed since a
    cache was written never reads what an older env-lint wrote under the same version."""
    package = os.path.dirname(os.path.abspath(__file__))
    stamps = []
    for directory, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(directory, name))
                stamps.append(f"{os.path.join(directory, name)}:{info.st_size}:{info.st_mtime_ns}")
    return hexdigest("\n".join(sorted(stamps)).encode("utf-8", "surrogateescape"))[:16]


def hexdigest(data: bytes) -> str:
    """A 256-bit BLAKE2b digest, from the builtin module hashlib takes it from: importing
    hashlib starts OpenSSL (~5 ms, a tenth of a replayed run)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it
        from hashlib import sha256

        return sha256(data).hexdigest()
    return blake2b(data, digest_size=32).hexdigest()
