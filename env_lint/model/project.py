"""The whole repo as the rules see it, assembled once from every file's facts."""

from __future__ import annotations

from dataclasses import dataclass

from .core import (
    Crash,
    DocMention,
    DocValue,
    DynamicRead,
    ExampleFile,
    ParseFailure,
    Schema,
    Unrecognized,
    Usage,
    parent_dir,
)
from .facts import Directive
from .targets import ImplicitVar, Service, Snapshot, TurboConfig


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
    services: tuple[Service, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
    dynamic: tuple[DynamicRead, ...] = ()
    unrecognized: tuple[Unrecognized, ...] = ()
    implicit: tuple[ImplicitVar, ...] = ()
    turbo: tuple[TurboConfig, ...] = ()
    crashes: tuple[Crash, ...] = ()  # bugs met on the way (exit 3); other files still checked
    notes: tuple[str, ...] = ()  # said once on stderr: checks that could not run, and why

    def examples_covering(self, path: str) -> tuple[ExampleFile, ...]:
        """The example files of the nearest directory, walking up from ``path``, that has any;
        every example file of the repo when no directory on the way up has one."""
        by_dir: dict[str, list[ExampleFile]] = {}
        for ex in self.examples:
            by_dir.setdefault(ex.directory, []).append(ex)
        directory = parent_dir(path)
        while True:
            if directory in by_dir:
                return tuple(by_dir[directory])
            if directory == "":
                return self.examples
            directory = parent_dir(directory)
