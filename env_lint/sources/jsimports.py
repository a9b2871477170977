"""Cheap byte tests for ``import environment from "./env"`` used as ``environment.URL``: a
binding imported from a relative module and read as ``binding.UPPER_NAME`` may be the
environment under another name (decided across files, from the syntax tree). Never a parser:
the syntax tree decides what each import is; these only say which files are worth parsing."""

from __future__ import annotations

import re

_IDENT = rb"[A-Za-z_$][A-Za-z0-9_$]*"
_NAME = re.compile(_IDENT)
_NOT_BINDINGS = frozenset({b"type", b"as", b"typeof"})
RELATIVE_FROM = re.compile(rb"""from\s*["']\.""")


_IDENT_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


def upper_receivers(data: bytes) -> frozenset[str]:
    """Every bare identifier used as ``name.UPPER_NAME`` (or ``name?.UPPER``): one scan for
    the ``.UPPER`` members, then a bounded look back at what precedes each (linear however
    many names a file imports)."""
    return _bare_names_before(data, _MEMBER)


def _bare_names_before(data: bytes, pattern: re.Pattern[bytes]) -> frozenset[str]:
    """The bare identifier (not ``a.b``) right before each match of ``pattern``, spaces
    between allowed: a bounded look back from each match (linear however many there are)."""
    found: set[str] = set()
    for match in pattern.finditer(data):
        end = match.start()
        while end > 0 and data[end - 1] in b" \t":
            end -= 1
        start = end
        while start > 0 and end - start < 128 and data[start - 1] in _IDENT_CHARS:
            start -= 1
        if start < end and (start == 0 or data[start - 1] != ord(".")):
            found.add(data[start:end].decode("ascii"))
    return frozenset(found)


# ``.NAME`` after a member access; what precedes the dot is checked by slicing, so the scan
# stays linear on ``a.a.a.a...`` (a receiver pattern with backtracking is quadratic there).
_MEMBER = re.compile(rb"\??\.[ \t]*([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_$])")
_ENV_OBJECTS = (b"process.env", b"import.meta.env", b"Bun.env")
# ``const { API_URL, TOKEN: token } = schema.parse(process.env)``: the keys a destructuring
# takes from the parsed object (a pattern without nested braces)
_DESTRUCTURED = re.compile(rb"\b(?:const|let|var)\s*\{([^{}=]*(?:=[^{}=]*)*)\}\s*=(?!=)")
_KEY = re.compile(rb"(?<![A-Za-z0-9_$.:])([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_$])")


def upper_members(data: bytes) -> frozenset[str]:
    """Every ``NAME`` read as ``obj.NAME`` (``env.API_URL``, ``parsed.data.API_URL``), not
    ``process.env.NAME``, or taken by a destructuring (``const { NAME } = ...``): what a schema
    module itself reads from the parsed object."""
    found = set()
    for match in _MEMBER.finditer(data):
        before = data[max(0, match.start() - 20) : match.start()].rstrip()
        if before.endswith(_ENV_OBJECTS) or not before or before[-1:] in b".?":
            continue
        found.add(match.group(1).decode("ascii"))
    if b"{" in data:
        for match in _DESTRUCTURED.finditer(data):
            found.update(key.decode("ascii") for key in _KEY.findall(match.group(1)))
    return frozenset(found)


# ``("UPPER_NAME"`` / ``('UPPER_NAME'``: a call's variable-shaped string first argument; the
# callee is read backwards from the parenthesis (linear however many there are).
_STRING_FIRST = re.compile(rb"""\(\s*["'][A-Z][A-Z0-9_]*["']\s*[,)]""")


def string_callees(data: bytes) -> frozenset[str]:
    """Every bare identifier called with a variable-shaped string first (``getVar("URL")``,
    not ``config.get("URL")``)."""
    return _bare_names_before(data, _STRING_FIRST)


def calls_through_import(data: bytes) -> bool:
    """A binding imported from a relative module is called with a variable-shaped string
    (``getVar("API_URL")``): it may be an accessor of the environment (decided across files)."""
    if b"(" not in data or RELATIVE_FROM.search(data) is None:
        return False
    callees = string_callees(data)
    if not callees:
        return False
    names = _clause_names(data, RELATIVE_FROM) - _NOT_BINDINGS
    return not callees.isdisjoint(n.decode() for n in names)


def _clause_names(data: bytes, source: re.Pattern[bytes]) -> set[bytes]:
    """Every identifier between ``import`` and each ``from "..."`` that ``source`` matches,
    read backwards from the ``from`` (at most 2,000 bytes: linear however many imports)."""
    names: set[bytes] = set()
    for match in source.finditer(data):
        at = data.rfind(b"import", max(0, match.start() - 2000), match.start())
        if at >= 0:
            names.update(_NAME.findall(data, at + len(b"import"), match.start()))
    return names


def reads_through_import(data: bytes) -> bool:
    """A binding imported from a relative module is used as ``binding.UPPER_NAME``. Each
    ``from "./..."`` is read backwards to its ``import`` (at most 2,000 bytes: linear however
    many there are); every identifier of the clause counts (a superset: the tree decides)."""
    names = _clause_names(data, RELATIVE_FROM) - _NOT_BINDINGS
    return bool(names) and not upper_receivers(data).isdisjoint(n.decode() for n in names)


# A constant's name checked for being set or given a fallback: ``!NAME``, ``if (NAME``,
# ``NAME &&``, ``NAME ||``, ``NAME ??``, ``NAME ?`` (not ``?.``); and ``.filter(Boolean)``.
_CHECKED_NAME = re.compile(
    rb"(?:!\s*|\bif\s*\(\s*)([A-Z][A-Z0-9_]*)(?![A-Za-z0-9_$])"
    rb"|(?<![A-Za-z0-9_$.])([A-Z][A-Z0-9_]*)\s*(?:&&|\|\||\?\?|\?(?![.?]))"
)
_FILTERS = (b".filter(Boolean)", b".filter((")
_ANY_FROM = re.compile(rb"""\bfrom\s*["']""")
_UPPER = re.compile(rb"[A-Z][A-Z0-9_]*")


def checked_constants(data: bytes) -> frozenset[str]:
    """The constants the file imports by name (``import { STRIPE_KEY } from "..."``) and may
    check (``if (!STRIPE_KEY)``, ``STRIPE_KEY ?? d``, ``[A, B].filter(Boolean)``). Each
    ``from "..."`` is read backwards to its ``import`` (at most 2,000 bytes); a superset: the
    tree decides which uses check an imported constant."""
    if b"import" not in data:
        return frozenset()
    imported = {n for n in _clause_names(data, _ANY_FROM) if _UPPER.fullmatch(n)}
    if imported and not any(f in data for f in _FILTERS):
        imported &= {m.group(1) or m.group(2) for m in _CHECKED_NAME.finditer(data)}
    return frozenset(n.decode("ascii") for n in imported)
