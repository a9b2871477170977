"""The whole repo as the rules see it, assembled once from every file's facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .core import (
    Crash,
    DocMention,
    DocValue,
    DynamicRead,
    EnvFile,
    ExampleFile,
    Location,
    ParseFailure,
    Schema,
    Unrecognized,
    Usage,
    parent_dir,
)
from .facts import Directive, Manifest
from .manifests import BuildStage, DeployManifest
from .targets import ImplicitVar, Service, Snapshot, TurboConfig, service_of


@dataclass(frozen=True, slots=True)
class Project:
    root: str
    examples: tuple[ExampleFile, ...]
    schemas: tuple[Schema, ...]
    usages: tuple[Usage, ...]
    docs: tuple[DocMention, ...]
    failures: tuple[ParseFailure, ...]
    files_checked: int
    directives: tuple[Directive, ...] = ()  # inline ``env-lint:`` suppressions
    doc_values: tuple[DocValue, ...] = ()
    tracked_env_files: tuple[str, ...] = ()  # real env files (.env, .env.local...) git tracks
    env_files: tuple[EnvFile, ...] = ()  # every real env file listed (tracked or not)
    services: tuple[Service, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
    dynamic: tuple[DynamicRead, ...] = ()
    unrecognized: tuple[Unrecognized, ...] = ()
    implicit: tuple[ImplicitVar, ...] = ()
    turbo: tuple[TurboConfig, ...] = ()
    manifests: tuple[DeployManifest, ...] = ()  # deploy manifests in the repo, unit by unit
    provided: tuple[Usage, ...] = ()  # set for the code by a build config (next.config env)
    # variables the application code gives a value itself (``process.env.X ||= "d"``, a loop
    # over a defaults object); tests and tooling do not count
    written: frozenset[str] = frozenset()
    packages: tuple[tuple[str, Manifest], ...] = ()  # (path, package manifest), in order
    env_loaders: tuple[str, ...] = ()  # code files that load an env file themselves
    turbo_runners: tuple[str, ...] = ()  # files whose commands run ``turbo run ...``
    code_words: frozenset[str] = frozenset()  # names mentioned in code (any language)
    code_strings: frozenset[str] = frozenset()  # names written as string literals in code
    config_words: frozenset[str] = frozenset()  # names mentioned in deploy and build configs
    opaque: tuple[Location, ...] = ()  # the whole environment passed where env-lint cannot see
    # a name mentioned by one code file only -> that file (a schema file mentioning its own
    # key and nothing else: nobody reads it)
    lone_code_words: Mapping[str, str] = field(default_factory=dict)
    member_names: Mapping[str, frozenset[str]] = field(default_factory=dict)  # schema modules
    # paths a compose service mounts into an image it does not build. A mounted *file* of code
    # (a config script) runs in that image, not in the repo's packages; a mounted directory may
    # be the app itself run by a generic image (``node:20`` + ``./apps/web:/app``): no clue.
    mounted: frozenset[str] = frozenset()
    # (env file, image repository): a compose service loads the file into an image it does
    # not build (``vendor/flowbox``), which may read its own settings from it
    handed: frozenset[tuple[str, str]] = frozenset()
    # Dockerfile path -> its build stages: what image a manifest unit built from it runs
    build_stages: Mapping[str, tuple[BuildStage, ...]] = field(default_factory=dict)
    # git submodules whose files env-lint does not see (``git ls-files`` lists none of them)
    submodules: tuple[str, ...] = ()

    def examples_above(self, path: str) -> tuple[ExampleFile, ...]:
        """The example files of the nearest directory, walking up from ``path``, that has any
        (none when no directory on the way up has one)."""
        covering = self.examples_covering(path)
        if not covering:
            return ()
        directory = covering[0].directory
        inside = directory == "" or path.startswith(directory + "/")
        return covering if inside else ()

    crashes: tuple[Crash, ...] = ()  # bugs met on the way (exit 3); other files still checked
    notes: tuple[str, ...] = ()  # said once on stderr: checks that could not run, and why

    def _other_apps(self, example: str, path: str) -> bool:
        """Is the example file inside a package that does not hold ``path``?"""
        owner = service_of(self.services, example)
        return owner is not None and not owner.owns(path)

    def examples_covering(self, path: str) -> tuple[ExampleFile, ...]:
        """The example files of the nearest directory, walking up from ``path``, that has any;
        when no directory on the way up has one, every example file that is not inside another
        package (another app's example file lists that app's variables)."""
        by_dir: dict[str, list[ExampleFile]] = {}
        for ex in self.examples:
            by_dir.setdefault(ex.directory, []).append(ex)
        directory = parent_dir(path)
        while True:
            if directory in by_dir:
                return tuple(by_dir[directory])
            if directory == "":
                return tuple(e for e in self.examples if not self._other_apps(e.path, path))
            directory = parent_dir(directory)
