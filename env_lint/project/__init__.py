"""Files on disk -> the project model, in three explicit steps:

1. list the repo's files (``listing.py``) and read each through the source registry into its
   own facts (``collect.py``);
2. resolve what crosses files: schemas evaluated from module facts, following imports
   (``schemas.py``, ``modules.py``);
3. assemble the ``Project`` the rules see (here).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config, ConfigError
from ..credentials import credential_kind, fingerprint, value_like
from ..libraries import framework_variables, implicit_variables
from ..listing import list_files, tracked_env_files
from ..model import (
    DeployManifest,
    DocMention,
    FileFacts,
    ImplicitVar,
    Project,
    Schema,
    SchemaVar,
    Snapshot,
)
from ..paths import (
    DEFAULT_EXCLUDES,
    is_source_path,
    is_tooling_path,
    shown_path,
    superseded_dirs,
)
from ..secrecy import secret_by_name
from ..sources.base import Settings
from ..sources.registry import SOURCES
from .collect import Collector, Words
from .crossfile import class_schemas, imported_usages
from .resolved import Resolved
from .services import discover_services

if TYPE_CHECKING:
    from .cache import FactsCache


def settings_of(config: Config) -> Settings:
    return Settings(
        examples=config.examples,
        schemas=config.schemas,
        docs=config.docs,
        auto=config.auto_discover,
        accessors=config.accessors,
    )


def build_project(root: str, config: Config) -> Project:
    excluded = config.exclude + (DEFAULT_EXCLUDES if config.default_excludes else ())
    if config.cache and config.cache_dir:  # a cache directory of its own is never a source
        inside = os.path.relpath(os.path.abspath(config.cache_dir), os.path.abspath(root))
        if not inside.startswith(".."):
            excluded += (inside.replace(os.sep, "/"),)
    notes: list[str] = []
    files = list_files(root, excluded, notes)
    settings = settings_of(config)
    cache = _cache(root, config, settings)
    collector = Collector(root, settings, cache, config.jobs)
    collected = collector.collect(files)
    if cache is not None:
        cache.save()
    facts = collected.facts
    if any(s.prefix_from for item in facts.values() for s in item.schemas):
        from .pyprefix import resolve_prefixes

        resolve_prefixes(root, files, facts)
    resolved = Resolved()
    if any(item.module is not None for item in facts.values()):
        from .schemas import resolve_schemas  # the evaluator, only when there is JS/TS to read

        resolved = resolve_schemas(facts, files, collector.module)
    checked = len(collected.extra_reads) + len(collected.bare)
    project = assemble(root, config, files, facts, resolved, checked, notes, collected.words)
    crashes = tuple(sorted({*collected.crashes, *resolved.crashes}))
    return replace(project, crashes=crashes, notes=tuple(dict.fromkeys(notes)))


def _cache(root: str, config: Config, settings: Settings) -> FactsCache | None:
    if not config.cache:
        return None
    from ..cachedir import DIR_NAME
    from .cache import FactsCache

    return FactsCache(config.cache_dir or os.path.join(root, DIR_NAME), root, settings)


def assemble(
    root: str,
    config: Config,
    files: list[str],
    facts: dict[str, FileFacts],
    resolved: Resolved,
    extra_checked: int = 0,
    notes: list[str] | None = None,
    words: Words | None = None,
) -> Project:
    every = list(facts.values())
    if words is None:
        words = Words()
        for item in every:
            words.add(item)
    examples = [f.example for f in every if f.example is not None]
    crossing = imported_usages(facts, frozenset(files))
    usages = sorted({u for f in every for u in (*f.usages, *crossing.get(f.path, ()))})
    schemas = list(_schemas(every, resolved))
    schemas += [s for f in every if f.config_fields for s in class_schemas(f, usages)]
    known = {e.name for example in examples for e in example.entries}
    known.update(v.name for s in schemas for v in s.variables)
    known.update(u.name for u in usages)
    return Project(
        root=root,
        examples=tuple(examples),
        schemas=tuple(schemas),
        usages=tuple(usages),
        docs=tuple(_docs(every, known, files)),
        failures=tuple([*(x for f in every for x in f.failures), *resolved.failures]),
        files_checked=sum(1 for f in every if f.checked) + extra_checked,
        directives=tuple(d for f in every for d in f.directives),
        doc_values=tuple(v for f in every for v in f.doc_values),
        tracked_env_files=tracked_env_files(root, files, notes),
        env_files=tuple(f.env_file for f in every if f.env_file is not None),
        services=discover_services(root, files, config.services, facts),
        snapshots=_snapshots(root, config),
        dynamic=tuple(sorted({d for f in every for d in f.dynamic})),
        unrecognized=tuple(sorted({*resolved.notes, *(u for f in every for u in f.unrecognized)})),
        implicit=tuple(_implicit(every, config, files)),
        turbo=tuple(f.turbo for f in every if f.turbo is not None),
        manifests=tuple(_manifests(every, config, files)),
        provided=tuple(sorted({p for f in every for p in f.provided})),
        written=frozenset(n for f in every if not is_tooling_path(f.path) for n in f.written),
        packages=tuple((f.path, f.manifest) for f in every if f.manifest is not None),
        env_loaders=tuple(f.path for f in every if f.loads_env),
        code_words=frozenset(words.code),
        code_strings=frozenset(words.strings),
        config_words=frozenset(words.config),
        turbo_runners=tuple(
            f.path for f in every if f.runs_turbo or (f.manifest and f.manifest.runs_turbo)
        ),
        opaque=tuple(sorted({o for f in every for o in f.opaque})),
        lone_code_words={w: path for w, path in words.homes.items() if path is not None},
        member_names={f.path: f.member_names for f in every if f.member_names},
        mounted=frozenset(m for f in every for m in f.mounted),
        handed=frozenset(h for f in every for h in f.handed),
        build_stages={f.path: f.stages for f in every if f.stages},
        submodules=tuple(p for f in every for p in f.submodules if not _holds(files, p)),
    )


def _schemas(facts: list[FileFacts], resolved: Resolved) -> Iterator[Schema]:
    """Every schema, in the registry's source order, each source's files in listing order; a
    file's resolved schemas are its own."""
    for source in SOURCES:
        for item in facts:
            if item.source == source.name:
                yield from map(hide_credentials, item.schemas)
                yield from map(hide_credentials, resolved.by_path.get(item.path, ()))


def hide_credentials(schema: Schema) -> Schema:
    """Schema defaults and choices are shown (messages, docs-table, --fix) unless they look
    like a real credential: such a value is dropped here, once for every schema kind, and
    only its kind and fingerprint are kept (secret-in-example reports it)."""
    variables = tuple(_hide(var) for var in schema.variables)
    return schema if variables == schema.variables else replace(schema, variables=variables)


def _hide(var: SchemaVar) -> SchemaVar:
    texts = [str(var.default)] if var.default_known and isinstance(var.default, str) else []
    texts += [*var.choices, var.constraints.starts_with or "", var.constraints.ends_with or ""]
    leaked = next((t for t in texts if t and value_like(t)), None)
    if leaked is None:
        return var
    # hidden either way; reported (secret-in-example) when it is a known credential format, or
    # random key material on a variable whose name says secret (not a document or object id)
    kind = credential_kind(leaked, secret_name=secret_by_name(var.name))
    return replace(
        var,
        default=None if var.default == leaked else var.default,
        default_known=var.default_known and var.default != leaked,
        choices=() if leaked in var.choices else var.choices,
        type="unknown" if leaked in var.choices else var.type,
        constraints=replace(var.constraints, starts_with=None, ends_with=None),
        hidden_value=(kind, fingerprint(leaked)) if kind is not None else None,
    )


def _docs(every: list[FileFacts], known: set[str], files: list[str]) -> Iterator[DocMention]:
    """The docs' mentions; those on pages of an earlier docs version, or of code that is not
    in the repo, are no claims."""
    from ..sources.markdown_docs import as_elsewhere, as_history

    old = superseded_dirs([f.path for f in every if f.mentions])
    packages = {f.manifest.name for f in every if f.manifest is not None and f.manifest.name}
    editions = None
    for item in every:
        if not item.mentions:
            continue
        elsewhere = item.doc_package is not None and item.doc_package not in packages
        if not elsewhere and _edition_dir(item.path):
            editions = _edition_code(files) if editions is None else editions
            elsewhere = not editions
        earlier = any(item.path.startswith(d + "/") for d in old)
        for mention in item.mentions:
            if "_" in mention.name or mention.name in known:
                if elsewhere:
                    yield as_elsewhere(mention)
                else:
                    yield as_history(mention) if earlier else mention


# Docs of an open-core project's commercial edition: pages under ``enterprise/`` or ``ee/``
# describe code kept out of the repo unless the repo has such a directory of code.
_EDITION_DIRS = frozenset({"enterprise", "ee"})


def _edition_dir(path: str) -> bool:
    return not _EDITION_DIRS.isdisjoint(path.split("/")[:-1])


def _edition_code(files: list[str]) -> bool:
    """A code file of the repo lives under an ``enterprise/`` or ``ee/`` directory."""
    from ..sources.other import kind_of

    return any(
        _edition_dir(f) and (is_source_path(f) or f.endswith(".py") or kind_of(f) == "code")
        for f in files
    )


def _implicit(facts: list[FileFacts], config: Config, files: list[str]) -> list[ImplicitVar]:
    extra = dict(config.library_variables)
    found: list[ImplicitVar] = []
    for item in facts:
        if item.manifest is not None:
            used = (*item.manifest.dependencies, *item.manifest.tools)
            found += implicit_variables(item.path, used, extra)
    found += [v for item in facts for v in item.implicit]
    found += [v for path in files for v in framework_variables(path)]
    found += [ImplicitVar(name, "config", "") for name in config.implicit_variables]
    return sorted(set(found))


def _manifests(
    facts: list[FileFacts], config: Config, files: list[str]
) -> Iterator[DeployManifest]:
    """Every manifest unit; the kinds the config calls complete must hold every variable."""
    kinds = sorted(s.name for s in SOURCES if s.deploys)
    unknown = [k for k in config.complete_manifests if k not in kinds]
    if unknown:
        raise ConfigError(
            f"{config.source}: manifests.complete: unknown manifest kind {unknown[0]!r} "
            f"(one of {', '.join(kinds)})"
        )
    for item in facts:
        for unit in item.deploy:
            if unit.directory and not _holds(files, unit.directory):
                continue  # it builds a directory the repo lacks: a copy kept as data
            if unit.dockerfile is not None and not _listed(files, unit.dockerfile):
                # it builds a Dockerfile the repo lacks (``fly deploy --config deploy/fly.toml``
                # from elsewhere): env-lint cannot tell what code it runs
                unit = replace(unit, directory=None)
            yield replace(unit, complete=True) if unit.kind in config.complete_manifests else unit


def _listed(files: list[str], path: str) -> bool:
    index = bisect_left(files, path)
    return index < len(files) and files[index] == path


def _holds(files: list[str], directory: str) -> bool:
    """A listed file is under ``directory`` (``files`` is sorted, as listed)."""
    prefix = directory + "/"
    index = bisect_left(files, prefix)
    return index < len(files) and files[index].startswith(prefix)


def _snapshots(root: str, config: Config) -> tuple[Snapshot, ...]:
    if not config.snapshots:
        return ()
    from .snapshots import load_snapshot

    return tuple(
        load_snapshot(target, path, shown_path(path, root)) for target, path in config.snapshots
    )
