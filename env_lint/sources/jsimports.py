"""Cheap byte tests for ``import environment from "./env"`` used as ``environment.URL``: a
binding imported from a relative module and read as ``binding.UPPER_NAME`` may be the
environment under another name (decided across files, from the syntax tree). Never a parser:
the syntax tree decides what each import is; these only say which files are worth parsing."""

from __future__ import annotations

import re

_IDENT = rb"[A-Za-z_$][A-Za-z0-9_$]*"
_FROM = rb"\s*from\s*[\"']\."
_DEFAULT_IMPORT = re.compile(rb"import\s+(" + _IDENT + rb")\s*(?:,\s*\{[^}]*\})?" + _FROM)
_NAMED_IMPORT = re.compile(rb"import\s*(?:" + _IDENT + rb"\s*,\s*)?\{([^}]*)\}" + _FROM)
RELATIVE_FROM = re.compile(rb"""from\s*["']\.""")
_IDENT_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.")
_UPPER_WORD = re.compile(rb"[A-Z][A-Z0-9_]*(?![A-Za-z0-9_$])")


def used_as_upper_receiver(data: bytes, name: str) -> bool:
    """``name.UPPER_NAME`` (or ``name?.UPPER``) occurs in the bytes (byte searches: a regex
    with a look-behind over a whole file costs ~100x more)."""
    word = name.encode("ascii")
    start = 0
    while (at := data.find(word, start)) != -1:
        start = at + 1
        if at and data[at - 1] in _IDENT_BYTES:
            continue
        rest = data[at + len(word) : at + len(word) + 64].lstrip()
        rest = rest[2:] if rest.startswith(b"?.") else rest[1:] if rest.startswith(b".") else b""
        if _UPPER_WORD.match(rest.lstrip()):
            return True
    return False


_MEMBER = re.compile(
    rb"(?<![A-Za-z0-9_$])([A-Za-z_$][A-Za-z0-9_$.]*?)\s*\??\.\s*([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_$])"
)
_ENV_OBJECTS = frozenset({b"process.env", b"import.meta.env", b"Bun.env"})


def upper_members(data: bytes) -> frozenset[str]:
    """Every ``NAME`` read as ``obj.NAME`` (``env.API_URL``, ``parsed.data.API_URL``), not
    ``process.env.NAME``: what a schema module itself reads from the parsed object (a regex
    pass: schema modules only)."""
    return frozenset(
        m.group(2).decode("ascii") for m in _MEMBER.finditer(data) if m.group(1) not in _ENV_OBJECTS
    )


def reads_through_import(data: bytes) -> bool:
    """A binding imported from a relative module is used as ``binding.UPPER_NAME``."""
    if not RELATIVE_FROM.search(data):
        return False
    names = {m.group(1) for m in _DEFAULT_IMPORT.finditer(data)}
    for match in _NAMED_IMPORT.finditer(data):
        names.update(part.split()[-1] for part in match.group(1).split(b",") if part.split())
    return any(used_as_upper_receiver(data, n.decode("ascii")) for n in names)
