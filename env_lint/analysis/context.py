"""The project plus the lookups every rule (and the catalog) needs, computed once."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING

from ..known_vars import is_runtime_variable
from ..model import (
    DocMention,
    ExampleEntry,
    ExampleFile,
    ImplicitVar,
    Project,
    Schema,
    SchemaVar,
    Usage,
    parent_dir,
    service_of,
)
from ..paths import copy_key, is_application_code
from ..platforms import set_by

if TYPE_CHECKING:
    from .deploy import Deploy
    from .targets import Targets


class Context:
    """The project plus the lookups every rule needs, computed once."""

    def __init__(self, project: Project) -> None:
        self.project = project

    @cached_property
    def example_entries(self) -> dict[str, list[tuple[ExampleFile, ExampleEntry]]]:
        found: dict[str, list[tuple[ExampleFile, ExampleEntry]]] = defaultdict(list)
        for example in self.project.examples:
            for entry in example.entries:
                found[entry.name].append((example, entry))
        return found

    @cached_property
    def schema_vars(self) -> dict[str, list[tuple[Schema, SchemaVar]]]:
        found: dict[str, list[tuple[Schema, SchemaVar]]] = defaultdict(list)
        for schema in self.project.schemas:
            for var in schema.variables:
                found[var.name].append((schema, var))
        return found

    @cached_property
    def schema_names(self) -> frozenset[str]:
        """Names a schema declares (pydantic aliases included)."""
        return frozenset(n for s in self.project.schemas for v in s.variables for n in v.names())

    @cached_property
    def provided(self) -> frozenset[str]:
        """Names a build config sets for the code (``next.config`` ``env``, Vite ``define``)."""
        return frozenset(p.name for p in self.project.provided)

    def referenced(self, name: str) -> bool:
        """Mentioned in code or config (any language; also files env-lint does not parse)."""
        return name in self.project.code_words or name in self.project.config_words

    @cached_property
    def application_reads(self) -> bool:
        """A schema, or a read in code that is not tooling, a script or a build or CI file:
        the repo holds an application of its own."""
        return bool(self.project.schemas) or any(
            is_application_code(u.location.path) for u in self.project.usages
        )

    @cached_property
    def declared_names(self) -> frozenset[str]:
        """Names an example file lists or a schema declares."""
        return self.schema_names | frozenset(self.example_entries)

    @cached_property
    def env_file_names(self) -> frozenset[str]:
        """Names a real env file in the repo sets or lists commented out."""
        files = self.project.env_files
        return frozenset(n for f in files for n, _ in f.names) | {
            n for f in files for n in f.commented
        }

    def read_dynamically(self, name: str) -> bool:
        """Some code reads ``process.env[`PREFIX_${x}`]`` with a prefix of ``name``."""
        return any(d.matches(name) for d in self.project.dynamic)

    def read_by_image(self, name: str, example: str) -> bool:
        """A compose service loads the example's real file (``.env`` for ``.env.example``) into
        a third-party image named like the variable: ``vendor/flowbox`` reads ``FLOWBOX_*``."""
        return name.startswith(self._image_prefixes.get(copy_key(example), ()))

    @cached_property
    def _image_prefixes(self) -> dict[tuple[str, tuple[str, ...]], tuple[str, ...]]:
        """Per real env file, the prefixes of the images it is loaded into, except an image
        named like a package of the repo (its code says what it reads)."""
        own = {n for s in self.project.services for n in s.short_names}
        found: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
        for env_file, repository in self.project.handed:
            parts = repository.split("/")
            if parts[-1] not in own:
                found[copy_key(env_file)].update(_prefix(p) for p in parts if len(p) > 2)
        return {key: tuple(sorted(prefixes)) for key, prefixes in found.items()}

    def implicit(self, name: str, path: str | None = None) -> bool:
        """A library that is a dependency reads ``name`` itself. With ``path`` (an example
        file), only manifests in its directory tree or above it count, unless no package holds
        the file (``docker/.env.example`` for a whole stack: every package's do)."""
        items = self.implicit_items(name)
        if not items or path is None or any(not item.manifest for item in items):
            return bool(items)
        here = parent_dir(path)
        if not any(_within(here, d) for d in self._package_dirs):
            return True  # a stack-wide example file: any package's libraries
        return any(_within(i.directory, here) or _within(here, i.directory) for i in items)

    def implicit_items(self, name: str) -> list[ImplicitVar]:
        """The libraries that read ``name`` themselves, by name or by a prefix (``UVICORN_*``)."""
        exact, prefixed = self._implicit
        return exact.get(name, []) + [item for p, item in prefixed if name.startswith(p)]

    @cached_property
    def _implicit(self) -> tuple[dict[str, list[ImplicitVar]], list[tuple[str, ImplicitVar]]]:
        """The library-implicit variables by name, and those a library reads by a prefix
        (``UVICORN_*``)."""
        exact: dict[str, list[ImplicitVar]] = defaultdict(list)
        prefixed = []
        for item in self.project.implicit:
            if item.name.endswith("*"):
                prefixed.append((item.name[:-1], item))
            else:
                exact[item.name].append(item)
        return exact, prefixed

    @cached_property
    def _package_dirs(self) -> frozenset[str]:
        """The directories of the repo's packages below its root."""
        return frozenset(d for p, _ in self.project.packages if (d := parent_dir(p)))

    @cached_property
    def usages(self) -> dict[str, list[Usage]]:
        found: dict[str, list[Usage]] = defaultdict(list)
        for usage in self.project.usages:
            found[usage.name].append(usage)
        return found

    @cached_property
    def handed_to_schema(self) -> frozenset[tuple[str, int, str]]:
        """(path, line, name) of each ``X: process.env.X`` entry of a t3-env ``runtimeEnv``: a
        value handed to the schema, which decides whether it is needed."""
        return frozenset(
            (where.path, where.line, name)
            for schema in self.project.schemas
            for name, where in schema.runtime_env or ()
        )

    @cached_property
    def doc_mentions(self) -> dict[str, list[DocMention]]:
        found: dict[str, list[DocMention]] = defaultdict(list)
        for mention in self.project.docs:
            found[mention.name].append(mention)
        return found

    @cached_property
    def coverage(self) -> dict[str, tuple[ExampleFile, ...]]:
        """Schema path -> the example files that cover it (nearest directory walking up)."""
        return {s.path: self.project.examples_covering(s.path) for s in self.project.schemas}

    def covering(self, schema: Schema) -> tuple[ExampleFile, ...]:
        return self.coverage[schema.path]

    def entries_for(self, schema: Schema, name: str) -> list[ExampleEntry]:
        files = {f.path for f in self.covering(schema)}
        return [e for f, e in self.example_entries.get(name, ()) if f.path in files]

    @staticmethod
    def is_runtime(name: str) -> bool:
        return is_runtime_variable(name)

    @cached_property
    def deploy(self) -> Deploy:
        from .deploy import Deploy

        return Deploy(self.project)

    def service_has_schema(self, path: str) -> bool:
        owner = service_of(self.project.services, path)
        return owner is not None and owner in self._schema_services

    @cached_property
    def _schema_services(self) -> frozenset[object]:
        services = self.project.services
        return frozenset(service_of(services, s.path) for s in self.project.schemas) - {None}

    def documents(self, doc_path: str, schema_path: str) -> bool:
        """Is the doc about the package that holds the schema? Docs at the root of the repo
        or in a docs site's own package cover every package; a README or docs folder inside a
        package covers that package only (a CLI's README is not about the web app)."""
        services = self.project.services
        doc = service_of(services, doc_path)
        if doc is None or doc.path == "" or _docs_site(doc.path):
            return True
        owner = service_of(services, schema_path)
        return owner is not None and _within(owner.path, doc.path)

    @cached_property
    def targets(self) -> Targets:
        """Provider snapshots and deploy manifests as one kind of target."""
        from .targets import Targets

        return Targets(self.project, self.deploy, self.implicit)

    def set_by_platform(self, name: str, path: str) -> bool:
        """A plugin/runtime variable of the platform the file's service is deployed on."""
        service = service_of(self.project.services, path)
        return service is not None and set_by(name, service.targets)

    @cached_property
    def _all_targets(self) -> frozenset[str]:
        return frozenset(t for s in self.project.services for t in s.targets)

    def set_by_any_platform(self, name: str) -> bool:
        return set_by(name, self._all_targets)


def _docs_site(directory: str) -> bool:
    last = directory.rsplit("/", 1)[-1].lower()
    return any(word in last for word in ("docs", "documentation", "website", "handbook"))


def _prefix(word: str) -> str:
    """``flow-box`` -> ``FLOW_BOX_``: the prefix of the settings a program named so reads."""
    return "_".join(w for w in re.split(r"[^a-z0-9]+", word.lower()) if w).upper() + "_"


def _within(path: str, directory: str) -> bool:
    return directory == "" or path == directory or path.startswith(directory + "/")
