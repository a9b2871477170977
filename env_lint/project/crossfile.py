"""What crosses JS/TS files without the schema evaluator: how a relative import names a file,
reads through an imported binding of a module that exports the environment
(``import environment from "./env"``; ``environment.URL``), and the decorated config classes
whose fields declare the variables read inside them."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import ConfigField, FileFacts, Schema, SchemaVar, Usage, parent_dir

_SUFFIXES = ("", ".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", "/index.ts", "/index.js")
_PACKAGE_ENTRIES = ("/src/index.ts", "/src/index.tsx", "/src/index.js", "/index.mjs")
_CONFIG_NAMES = ("tsconfig.json", "jsconfig.json")
CLASS_KIND = "class-validator"


def resolve_specifier(from_path: str, specifier: str, files: frozenset[str]) -> str | None:
    """The file a relative import names (``./env``, ``../lib/env.js``), if it is listed."""
    if not specifier.startswith("."):
        return None
    return _probe(posixpath.join(parent_dir(from_path), specifier), files)


def _probe(base: str, files: frozenset[str], entries: tuple[str, ...] = ()) -> str | None:
    base = posixpath.normpath(base)
    base = base.removesuffix(".js") if base.endswith(".js") else base
    for suffix in (*_SUFFIXES, *entries):
        candidate = base + suffix
        if not candidate.startswith("..") and candidate in files:
            return candidate
    return None


class Resolver:
    """Which file of the repo an import names: a relative path; an alias of the nearest
    ``tsconfig.json`` / ``jsconfig.json`` (``paths``, ``baseUrl``, through relative
    ``extends``); a workspace package by its ``package.json`` name (``@acme/env``,
    ``@acme/env/server``). Anything else (a dependency) is None."""

    def __init__(self, facts: dict[str, FileFacts], files: frozenset[str]) -> None:
        self.files = files
        self.configs = {p: f.ts_config for p, f in facts.items() if f.ts_config is not None}
        self.packages = {
            f.manifest.name: parent_dir(p)
            for p, f in facts.items()
            if f.manifest is not None and f.manifest.name and p.endswith("package.json")
        }
        self._nearest: dict[str, str | None] = {}
        self._resolved: dict[tuple[str, str], str | None] = {}

    def resolve(self, from_path: str, specifier: str) -> str | None:
        """Once per directory and specifier: a file's imports repeat its neighbours'."""
        key = (parent_dir(from_path), specifier)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(from_path, specifier)
        return self._resolved[key]

    def _resolve(self, from_path: str, specifier: str) -> str | None:
        if specifier.startswith("."):
            return resolve_specifier(from_path, specifier, self.files)
        config = self._config_for(parent_dir(from_path))
        if config is not None:
            base_dir, paths, paths_dir = self._effective(config)
            for target in _aliased(specifier, paths):
                hit = _probe(posixpath.join(base_dir or paths_dir, target), self.files)
                if hit is not None:
                    return hit
            if base_dir is not None:
                hit = _probe(posixpath.join(base_dir, specifier), self.files)
                if hit is not None:
                    return hit
        return self._package(specifier)

    def _package(self, specifier: str) -> str | None:
        for name, directory in self.packages.items():
            if specifier == name:
                return _probe(directory, self.files, _PACKAGE_ENTRIES)
            if specifier.startswith(name + "/"):
                rest = specifier[len(name) + 1 :]
                here = _probe(posixpath.join(directory, rest), self.files)
                return here or _probe(posixpath.join(directory, "src", rest), self.files)
        return None

    def _config_for(self, directory: str) -> str | None:
        """The nearest tsconfig.json / jsconfig.json, walking up (the one TypeScript uses)."""
        walked: list[str] = []
        found: str | None = None
        current: str | None = directory
        while current is not None:
            if current in self._nearest:
                found = self._nearest[current]
                break
            walked.append(current)
            found = next((c for c in _candidates(current) if c in self.files), None)
            if found is not None:
                break
            current = parent_dir(current) if current else None
        for item in walked:
            self._nearest[item] = found
        return found

    def _effective(self, path: str, depth: int = 0) -> tuple[str | None, Paths, str]:
        """(baseUrl directory, paths, the directory ``paths`` are relative to without a
        baseUrl), merged through relative ``extends``."""
        here = parent_dir(path)
        config = self.configs.get(path)
        if config is None or depth > 8:
            return None, (), here
        base_dir: str | None = None
        paths: Paths = ()
        paths_dir = here
        for parent in config.extends:
            target = posixpath.normpath(posixpath.join(here, parent))
            target = target if target.endswith(".json") else target + ".json"
            if target in self.files:
                base_dir, paths, paths_dir = self._effective(target, depth + 1)
        if config.base_url is not None:
            base_dir = posixpath.normpath(posixpath.join(here, config.base_url))
        if config.paths:
            paths, paths_dir = config.paths, here
        return base_dir, paths, paths_dir


Paths = tuple[tuple[str, tuple[str, ...]], ...]


def _candidates(directory: str) -> list[str]:
    return [posixpath.join(directory, n) if directory else n for n in _CONFIG_NAMES]


def _aliased(specifier: str, paths: Paths) -> list[str]:
    """The targets of the ``paths`` patterns that match, the longest prefix first."""
    matches: list[tuple[int, list[str]]] = []
    for pattern, targets in paths:
        if "*" not in pattern:
            if pattern == specifier:
                matches.append((len(pattern) + 1, list(targets)))
            continue
        prefix, _, suffix = pattern.partition("*")
        if specifier.startswith(prefix) and specifier.endswith(suffix):
            star = specifier[len(prefix) : len(specifier) - len(suffix)]
            matches.append((len(prefix), [t.replace("*", star, 1) for t in targets]))
    return [t for _, targets in sorted(matches, key=lambda m: -m[0]) for t in targets]


def imported_usages(facts: dict[str, FileFacts], files: frozenset[str]) -> dict[str, list[Usage]]:
    """Per file, the reads through imported bindings whose module exports the environment
    under the imported name, and the checks of imported constants that hold a variable."""
    exporters = {path: dict(item.env_exports) for path, item in facts.items() if item.env_exports}
    constants = {p: dict(item.env_constants) for p, item in facts.items() if item.env_constants}
    accessors = {p: dict(item.env_accessors) for p, item in facts.items() if item.env_accessors}
    found: dict[str, list[Usage]] = {}
    if not exporters and not constants and not accessors:
        return found
    resolver = Resolver(facts, files)
    for path, item in facts.items():
        for read in item.imported_reads if exporters or accessors else ():
            target = resolver.resolve(path, read.specifier)
            if target is None:
                continue
            if read.call:
                how = accessors.get(target, {}).get(read.name)
                if how is not None:
                    found.setdefault(path, []).append(_through_accessor(read.usage, how))
                continue
            wrapped = exporters.get(target, {}).get(read.name)
            if wrapped is not None:
                # through a call env-lint does not know, the object may hold other keys: the
                # read keeps a variable in use but is never `undeclared` on its own
                found.setdefault(path, []).append(replace(read.usage, weak=wrapped))
        for check in item.imported_checks if constants else ():
            target = resolver.resolve(path, check.specifier)
            variable = constants.get(target, {}).get(check.name) if target is not None else None
            if variable is not None:  # ``if (!STRIPE_KEY)``: the variable is checked here
                found.setdefault(path, []).append(replace(check.usage, name=variable))
    return found


def _through_accessor(usage: Usage, how: str) -> Usage:
    """A call of an accessor that falls back or copes with an unset variable itself reads
    it so at every call."""
    if how in ("defaulted", "guarded", "emptied") and usage.required:
        return Usage.classified(usage.name, usage.location, how)
    return usage


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
