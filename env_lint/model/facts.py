"""What one file contributes, as a value of its own: a pure function of the file's bytes and
the settings that affect parsing, so it can be cached by content hash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .core import (
    ConfigField,
    DocMention,
    DocValue,
    DynamicRead,
    EnvFile,
    ExampleFile,
    ImportedCheck,
    ImportedRead,
    Location,
    ParseFailure,
    Schema,
    Unrecognized,
    Usage,
)
from .manifests import BuildStage, DeployManifest
from .targets import ImplicitVar, TurboConfig

if TYPE_CHECKING:
    from .ir import Module


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``env-lint: ignore[...]`` comment."""

    location: Location
    rules: tuple[str, ...]  # as written; () means every rule
    target_line: int | None  # None: the whole file


@dataclass(frozen=True, slots=True)
class Manifest:
    """A package manifest: ``package.json``, ``pyproject.toml``, ``requirements*.txt``, and
    the workspace list of ``pnpm-workspace.yaml``."""

    dependencies: tuple[str, ...] = ()
    name: str | None = None  # package.json ``name``; pyproject.toml's project name
    next_app: bool = False  # ``next`` in dependencies / devDependencies
    scripts: tuple[str, ...] = ()  # the names of package.json ``scripts``
    workspaces: tuple[str, ...] = ()  # workspace globs (``!`` excludes), package.json or pnpm
    turbo: str | None = None  # the version range of a ``turbo`` dependency
    runs_turbo: bool = False  # a script runs ``turbo run ...``
    env_mode: str | None = None  # ``--env-mode=strict|loose`` passed to turbo by a script
    loads_env: bool = False  # a script loads an env file itself (``--env-file``, dotenv-cli)
    tools: tuple[str, ...] = ()  # packages its scripts run on demand (``npx pkg``, ``pnpm dlx``)
    programs: tuple[str, ...] = ()  # commands it installs (bin, [project.scripts], its name)


@dataclass(frozen=True, slots=True)
class TsConfig:
    """What a ``tsconfig.json`` / ``jsconfig.json`` says about resolving imports."""

    base_url: str | None = None  # ``compilerOptions.baseUrl``, as written
    paths: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ``"@/*": ["./src/*"]``
    extends: tuple[str, ...] = ()  # relative ``extends`` (packages are not followed)


@dataclass(frozen=True, slots=True)
class FileFacts:
    path: str
    source: str  # the name of the source that read it
    checked: bool = True  # counted in "files checked"
    failures: tuple[ParseFailure, ...] = ()
    directives: tuple[Directive, ...] = ()
    example: ExampleFile | None = None
    env_file: EnvFile | None = None
    schemas: tuple[Schema, ...] = ()
    usages: tuple[Usage, ...] = ()
    dynamic: tuple[DynamicRead, ...] = ()
    unrecognized: tuple[Unrecognized, ...] = ()
    mentions: tuple[DocMention, ...] = ()
    doc_package: str | None = None  # the package a docs page's front matter says it documents
    doc_values: tuple[DocValue, ...] = ()
    module: Module | None = None
    manifest: Manifest | None = None
    implicit: tuple[ImplicitVar, ...] = ()
    turbo: TurboConfig | None = None
    provided: tuple[Usage, ...] = ()  # set for the code by a build config (next.config env)
    written: tuple[str, ...] = ()  # ``process.env.X = ...``: the code gives X a value itself
    runs_turbo: bool = False  # a workflow, Dockerfile or script runs ``turbo run ...``
    words: frozenset[str] = frozenset()  # variable-shaped names the file mentions
    strings: frozenset[str] = frozenset()  # those of them written as a string literal ("X")
    history: bool = False  # a migration script: what it mentions is the past
    words_kind: str | None = None  # "code" or "config": how those mentions count
    loads_env: bool = False  # the code loads an env file itself (dotenv, loadEnvFile)
    opaque: tuple[Location, ...] = ()  # the whole environment passed where env-lint cannot see
    named_schema: bool = False  # a schema file by its name or the config
    deploy: tuple[DeployManifest, ...] = ()  # the units of a deploy manifest
    # exported names that are the environment ("default"), and whether a call wraps it
    env_exports: tuple[tuple[str, bool], ...] = ()
    imported_reads: tuple[ImportedRead, ...] = ()  # reads through an imported binding
    # functions that read the variable their first argument names (``process.env[key]``), and
    # how they use that read: ``getVar("X")`` in a module that imports one reads ``X``
    env_accessors: tuple[tuple[str, str], ...] = ()
    # exported constants holding a variable's value: (binding, variable)
    env_constants: tuple[tuple[str, str], ...] = ()
    imported_checks: tuple[ImportedCheck, ...] = ()  # imported constants checked for being set
    config_fields: tuple[ConfigField, ...] = ()  # fields of decorated config classes
    member_names: frozenset[str] = frozenset()  # ``obj.UPPER_NAME`` in a schema module
    ts_config: TsConfig | None = None  # import aliases of a tsconfig.json
    submodules: tuple[str, ...] = ()  # the submodule paths a .gitmodules names
    mounted: tuple[str, ...] = ()  # repo paths a compose service mounts into a foreign image
    # (env file, image repository): a compose service that builds nothing loads the file
    handed: tuple[tuple[str, str], ...] = ()
    stages: tuple[BuildStage, ...] = ()  # a Dockerfile's build stages, in order
