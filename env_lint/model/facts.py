"""What one file contributes, as a value of its own: a pure function of the file's bytes and
the settings that affect parsing, so it can be cached by content hash."""

from __future__ import annotations

from dataclasses import dataclass

from .core import (
    DocMention,
    DocValue,
    DynamicRead,
    ExampleFile,
    Location,
    ParseFailure,
    Schema,
    Unrecognized,
    Usage,
)
from .ir import Module
from .manifests import DeployManifest
from .targets import ImplicitVar, TurboConfig


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``env-lint: ignore[...]`` comment."""

    location: Location
    rules: tuple[str, ...]  # as written; () means every rule
    target_line: int | None  # None: the whole file


@dataclass(frozen=True, slots=True)
class Manifest:
    """A package manifest: ``package.json``, ``pyproject.toml``, ``requirements*.txt``."""

    dependencies: tuple[str, ...] = ()
    name: str | None = None  # package.json ``name``
    next_app: bool = False  # ``next`` in dependencies / devDependencies


@dataclass(frozen=True, slots=True)
class FileFacts:
    path: str
    source: str  # the name of the source that read it
    checked: bool = True  # counted in "files checked"
    failures: tuple[ParseFailure, ...] = ()
    directives: tuple[Directive, ...] = ()
    example: ExampleFile | None = None
    schemas: tuple[Schema, ...] = ()
    usages: tuple[Usage, ...] = ()
    dynamic: tuple[DynamicRead, ...] = ()
    unrecognized: tuple[Unrecognized, ...] = ()
    mentions: tuple[DocMention, ...] = ()
    doc_values: tuple[DocValue, ...] = ()
    module: Module | None = None
    manifest: Manifest | None = None
    implicit: tuple[ImplicitVar, ...] = ()
    turbo: TurboConfig | None = None
    named_schema: bool = False  # a schema file by its name or the config
    deploy: tuple[DeployManifest, ...] = ()  # the units of a deploy manifest
