"""pydantic-settings' ``env_prefix`` imported from another module of the repo
(``from app.constants import ENV_PREFIX``): the constant is looked up in that module's file,
following re-exports, and the settings' variables take the prefix."""

from __future__ import annotations

import ast
import os
import posixpath
from dataclasses import replace

from ..model import FileFacts, Schema, Unrecognized, parent_dir
from ..sources.python_env import module_constants, module_imports
from ..textio import read_bytes

_MAX_HOPS = 4
_UNKNOWN = "an env_prefix imported from a module env-lint cannot find or read"


def resolve_prefixes(root: str, files: list[str], facts: dict[str, FileFacts]) -> None:
    """Rewrite, in place, the facts of each file whose settings take an imported prefix."""
    listed = frozenset(files)
    for path, item in list(facts.items()):
        if not any(s.prefix_from for s in item.schemas):
            continue
        schemas, notes = [], list(item.unrecognized)
        for schema in item.schemas:
            if schema.prefix_from is None:
                schemas.append(schema)
                continue
            prefix = _lookup(root, listed, path, schema.prefix_from, 0)
            if prefix is None:
                notes.append(Unrecognized(schema.location, _UNKNOWN))
            schemas.append(_prefixed(schema, prefix))
        facts[path] = replace(item, schemas=tuple(schemas), unrecognized=tuple(notes))


def _prefixed(schema: Schema, prefix: str | None) -> Schema:
    """Each variable named under the prefix; with none known, the prefixed ones are dropped
    (their names are unknown) and the rest kept."""
    variables = []
    for var in schema.variables:
        if var.key is None:
            variables.append(var)
        elif prefix is not None:
            variables.append(replace(var, name=(prefix + var.key).upper(), key=None))
    return replace(schema, variables=tuple(variables), prefix_from=None)


def _lookup(root: str, listed: frozenset[str], origin: str, ref: str, hops: int) -> str | None:
    if hops > _MAX_HOPS:
        return None
    module, _, name = ref.rpartition(":")
    path = _module_file(listed, origin, module)
    if path is None:
        return None
    data = read_bytes(os.path.join(root, path), path, root=root)
    if not isinstance(data, bytes):
        return None
    try:
        tree = ast.parse(data.decode("utf-8", "replace"), filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    constants = module_constants(tree)
    if name in constants:
        return constants[name]
    again = module_imports(tree).get(name)  # re-exported: ``from .base import ENV_PREFIX``
    return _lookup(root, listed, path, again, hops + 1) if again else None


def _module_file(listed: frozenset[str], origin: str, module: str) -> str | None:
    """The listed file of a module: relative to the importing file (``.constants``), or the
    closest file whose path ends in the module's (``app/constants.py``)."""
    level = len(module) - len(module.lstrip("."))
    parts = [p for p in module.lstrip(".").split(".") if p]
    tails: list[list[str]] = [[*parts, "__init__.py"]]
    if parts:
        tails.insert(0, [*parts[:-1], parts[-1] + ".py"])
    if level:
        base = parent_dir(origin)
        for _ in range(level - 1):
            base = parent_dir(base)
        for tail in tails:
            candidate = posixpath.join(base, *tail)
            if candidate in listed:
                return candidate
        return None
    ends = ["/".join(tail) for tail in tails]
    found = [f for f in listed for end in ends if f == end or f.endswith("/" + end)]
    if not found:
        return None
    return max(found, key=lambda f: (_shared(f, origin), -len(f), f))


def _shared(one: str, other: str) -> int:
    """How many leading directories two paths share."""
    count = 0
    for a, b in zip(one.split("/")[:-1], other.split("/")[:-1], strict=False):
        if a != b:
            break
        count += 1
    return count
