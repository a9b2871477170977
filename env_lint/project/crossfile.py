"""What crosses JS/TS files without the schema evaluator: how a relative import names a file,
reads through an imported binding of a module that exports the environment
(``import environment from "./env"``; ``environment.URL``), and the decorated config classes
whose fields declare the variables read inside them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator

from ..model import ConfigField, FileFacts, Schema, SchemaVar, Usage, parent_dir

_SUFFIXES = ("", ".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", "/index.ts", "/index.js")
CLASS_KIND = "class-validator"


def resolve_specifier(from_path: str, specifier: str, files: frozenset[str]) -> str | None:
    """The file a relative import names (``./env``, ``../lib/env.js``), if it is listed."""
    if not specifier.startswith("."):
        return None
    base = posixpath.normpath(posixpath.join(parent_dir(from_path), specifier))
    base = base.removesuffix(".js") if base.endswith(".js") else base
    for suffix in _SUFFIXES:
        candidate = base + suffix
        if not candidate.startswith("..") and candidate in files:
            return candidate
    return None


def imported_usages(facts: dict[str, FileFacts], files: frozenset[str]) -> dict[str, list[Usage]]:
    """Per file, the reads through imported bindings whose module exports the environment
    under the imported name."""
    exporters = {path: item.env_exports for path, item in facts.items() if item.env_exports}
    found: dict[str, list[Usage]] = {}
    if not exporters:
        return found
    for path, item in facts.items():
        for read in item.imported_reads:
            target = resolve_specifier(path, read.specifier, files)
            if target is not None and read.name in exporters.get(target, ()):
                found.setdefault(path, []).append(read.usage)
    return found


def class_schemas(item: FileFacts, usages: Iterable[Usage]) -> Iterator[Schema]:
    """One schema per decorated config class of the file, in source order."""
    reads = sorted(u for u in usages if u.location.path == item.path)
    classes: dict[tuple[int, int], list[ConfigField]] = {}
    for field in item.config_fields:
        classes.setdefault((field.owner.line, field.owner.column), []).append(field)
    for fields in classes.values():
        variables = [var for var in (_variable(f, reads) for f in fields) if var is not None]
        if variables:
            yield Schema(item.path, fields[0].owner, tuple(variables), kind=CLASS_KIND)


def _variable(field: ConfigField, reads: list[Usage]) -> SchemaVar | None:
    if field.name is not None:
        defaulted = not field.required and not field.optional
        where = field.location
        return SchemaVar(field.name, where, "unknown", field.required, has_default=defaulted)
    start = (field.location.line, field.location.column)
    end = (field.end.line, field.end.column)
    inside = [u for u in reads if start <= (u.location.line, u.location.column) < end]
    if not inside:
        return None
    first = min(inside, key=lambda u: (u.location.line, u.location.column))
    aliases = tuple(dict.fromkeys(u.name for u in inside if u.name != first.name))
    return SchemaVar(
        first.name,
        first.location,
        "unknown",
        field.required and not first.defaulted,
        has_default=first.defaulted,
        aliases=aliases,
        known=field.optional or field.required,
        key=field.key if field.key != first.name else None,
    )
