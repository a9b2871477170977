"""One model of deploy targets. A provider snapshot (the names a platform holds, exported by the
user) and a deploy manifest in the repo (what a ``render.yaml`` service, a compose service, a
Kubernetes container or a CI job provides) are the same thing seen from two sides: a target
with the variable names it provides and the services it runs.

What a target lacks and what it holds in vain are computed here once, for the rules, the
Markdown audit and ``explain``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..known_vars import is_runtime_variable
from ..model import (
    BuildStage,
    DeployManifest,
    DynamicRead,
    Location,
    Owners,
    Project,
    Service,
    Snapshot,
    parent_dir,
    service_of,
)
from ..model.manifests import CI
from ..paths import is_compose, is_dockerfile, is_workflow
from ..platforms import set_by
from .deploy import Deploy, Need

SNAPSHOT = "snapshot"

# Base images that run the repo's own code: language runtimes and OS bases, by repository
# without registry, tag or digest (``mcr.microsoft.com/dotnet/aspnet:8.0`` -> ``dotnet/aspnet``).
# A unit whose Dockerfile runs any other image runs a third-party application (a websocket
# server, a database, a proxy) that reads its own variables: what it reads is not in the repo.
# nginx, caddy and httpd are applications too: they read the environment through their own
# configuration (nginx's ``templates/``, a Caddyfile's ``{$VAR}``, httpd's ``${VAR}``).
RUNTIME_IMAGES = frozenset(
    {
        *("node", "denoland/deno", "oven/bun"),  # JavaScript
        *("python", "pypy", "astral-sh/uv"),  # Python (uv's images hold a Python)
        *("php", "ruby", "perl", "golang", "rust", "elixir", "erlang", "dart", "swift"),
        *("openjdk", "eclipse-temurin", "amazoncorretto", "maven", "gradle"),  # JVM
        *("alpine", "debian", "ubuntu", "busybox", "scratch", "fedora", "centos"),  # OS bases
        *("rockylinux", "almalinux", "amazonlinux"),
        "playwright",  # mcr.microsoft.com/playwright: Node.js and browsers
    }
)
# Namespaces of runtime images: mcr.microsoft.com/dotnet/*, gcr.io/distroless/*,
# mcr.microsoft.com/playwright/python|java|dotnet, and the dev container images of a language
# or an OS (mcr.microsoft.com/devcontainers/python, the older .../vscode/devcontainers/*)
RUNTIME_NAMESPACES = (
    "dotnet/",
    "distroless/",
    "playwright/",
    "devcontainers/",
    "vscode/devcontainers/",
)


@dataclass(frozen=True, slots=True, order=True)
class Provided:
    """A variable a target provides, and where that is written."""

    name: str
    location: Location
    how: str  # "set" for a snapshot; a manifest's value / secret / placeholder / ...
    environments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    label: str  # "vercel" for a snapshot, "render `worker`" for a manifest unit
    kind: str  # "snapshot" or the manifest kind
    platform: str | None
    path: str
    location: Location
    services: tuple[Service, ...]
    provided: tuple[Provided, ...]
    manifest: DeployManifest | None = None

    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.provided)

    def get(self, name: str) -> Provided | None:
        return next((p for p in self.provided if p.name == name), None)


class Targets:
    """Every target of a project (snapshots first, then manifest units), computed once."""

    def __init__(
        self, project: Project, deploy: Deploy, implicit: Callable[[str, str], bool]
    ) -> None:
        """``implicit(name, path)``: a library that ``path``'s tree depends on reads ``name``."""
        self.project = project
        self.deploy = deploy
        self.implicit = implicit
        self.owner = Owners(project.services)
        self._used_by: dict[Service, frozenset[str] | None] = {}  # None: reads not all visible
        self._depends_on: dict[Service, frozenset[Service]] = {}

    @cached_property
    def all(self) -> tuple[Target, ...]:
        snapshots = [self._of_snapshot(s) for _, s in sorted(self.deploy.snapshots.items())]
        manifests = [self._of_manifest(m) for m in self.project.manifests]
        return (*snapshots, *(t for t in manifests if t is not None))

    def _of_snapshot(self, snapshot: Snapshot) -> Target:
        provided = tuple(
            Provided(v.name, Location(snapshot.path, v.line, 1), "set", v.environments)
            for v in snapshot.variables
        )
        services = tuple(self.deploy.services_on(snapshot.target))
        where = Location(snapshot.path, 1, 1)
        return Target(
            snapshot.target, SNAPSHOT, snapshot.target, snapshot.path, where, services, provided
        )

    def _of_manifest(self, manifest: DeployManifest) -> Target | None:
        service = self.service_of(manifest)
        if service is None:
            return None
        provided = tuple(sorted(Provided(v.name, v.location, v.how) for v in manifest.variables))
        return Target(
            manifest.label,
            manifest.kind,
            manifest.platform,
            manifest.path,
            manifest.location,
            (service,),
            provided,
            manifest,
        )

    def service_of(self, manifest: DeployManifest) -> Service | None:
        """The service whose code the unit runs: the deepest service holding its directory, or
        the one holding its Dockerfile when that is deeper (``build: .`` with
        ``dockerfile: apps/web/Dockerfile``) unless the Dockerfile copies only paths outside
        that service (``COPY ./src``: the context's code); for a unit that only names an
        image, the one service named like the image. None when it runs no code of the repo
        that env-lint can tell."""
        if manifest.image is not None:
            return self._runs_image(manifest.image)
        if manifest.directory is None:
            return None
        services = self.project.services
        owner = service_of(services, manifest.directory)
        if manifest.dockerfile is not None and owner is not None:
            built = service_of(services, manifest.dockerfile)
            if built is not None and owner.owns(built.path) and len(built.path) > len(owner.path):
                return owner if self._copies_around(manifest, built) else built
        return owner

    def _copies_around(self, manifest: DeployManifest, built: Service) -> bool:
        """The unit's Dockerfile builds its context's package rather than ``built``'s: it
        copies a package manifest from outside ``built``'s directory (``COPY pyproject.toml``)
        or only paths outside it, and neither that directory, one holding it (``COPY . .``)
        nor a package manifest inside it."""
        context = manifest.directory or ""
        copied = [
            f"{context}/{source}" if context and source else context or source
            for stage in self._stages(manifest)
            for source in stage.copied
        ]
        if not copied or any(_within(built.path, path) for path in copied):
            return False
        inside = [path for path in copied if _within(path, built.path)]
        if any(_package_manifest(path) for path in inside):
            return False
        return len(inside) < len(copied) and (
            not inside or any(_package_manifest(path) for path in copied)
        )

    def _runs_image(self, image: str) -> Service | None:
        """``ghcr.io/acme/api:1.2`` runs the one deployable service (a ``Dockerfile`` or another
        deploy target of its own) whose directory or package is named ``api``; None when none
        or several are. A library package named like a public image (a ``clickhouse`` client)
        is never one."""
        name = image.rsplit("/", 1)[-1].split("@", 1)[0].split(":", 1)[0].lower()
        found = {s for s in self.project.services if s.targets and name in s.short_names}
        return found.pop() if len(found) == 1 else None

    # --- what a target should hold --------------------------------------------------------

    def needs(self, target: Target) -> dict[str, list[tuple[Service, Need]]]:
        """Every variable a service of the target needs or reads optionally."""
        if target.manifest is None:
            return self.deploy.needed_on(target.label)
        service = target.services[0]
        platforms = [target.platform] if target.platform else []
        return {
            name: [(service, need)]
            for name, need in self.deploy.needs[service].items()
            if not set_by(name, platforms)
        }

    def missing(self, target: Target) -> list[tuple[str, Need]]:
        """Required variables a manifest unit lacks, when it says everything it provides (no
        ``env_file`` / ``envFrom`` / ``fromGroup``, not a platform that sets secrets out of
        band, no env file committed next to the code). Only variables a schema requires in
        every configuration count."""
        manifest = target.manifest
        if manifest is None or not manifest.complete or manifest.indirect:
            return []
        if self._env_files(target.services[0]):
            return []  # a committed .env file (loaded by Next.js, dotenv, a Docker build)
        if any(s.copies_env for s in self._stages(manifest)):
            return []  # its Dockerfile copies the user's .env into the image
        return self.lacking(target)

    def _env_files(self, service: Service) -> list[str]:
        """Real env files git tracks in the service's directory or above it."""
        return [f for f in self.project.tracked_env_files if _within(service.path, parent_dir(f))]

    def lacking(self, target: Target) -> list[tuple[str, Need]]:
        """Variables a schema of the unit's service requires in every configuration that the
        unit does not list (whether or not it may get them from elsewhere)."""
        if target.manifest is None:
            return []
        present = target.names() | self._built_in(target)
        found = []
        for name, users in self.needs(target).items():
            need = users[0][1]
            if name in present or not need.required or not need.schema or need.conditional:
                continue
            found.append((name, need))
        return found

    def _built_in(self, target: Target) -> frozenset[str]:
        """Names the unit's image sets itself: ``ENV`` / ``ARG`` in its Dockerfile(s)."""
        service = target.services[0]
        manifest = target.manifest
        named = manifest.dockerfile if manifest is not None else None
        return frozenset(
            u.name
            for u in self.project.usages
            if u.weak
            and is_dockerfile(u.location.path)
            and (u.location.path == named or service.owns(u.location.path))
        )

    # --- what a target holds in vain ------------------------------------------------------

    def unused(self, target: Target) -> list[Provided]:
        """Variables a manifest unit sets that the service it runs never declares or reads
        (nor a library package it may use). Empty when env-lint cannot see the service's
        reads: no schema or read in its own code, a read by a computed name, a construct
        env-lint could not read (an ``unrecognized-schema`` note), a unit built from the
        root of a repo with several packages (its Dockerfile picks one), or one whose
        Dockerfile runs a third-party application's image (``runs_application``)."""
        manifest = target.manifest
        if manifest is None or manifest.role == CI:
            return []
        if self.runs_application(manifest):
            return []  # a third-party application's image: what it reads is not in the repo
        service = target.services[0]
        if service.path == "" and len(self.project.services) > 1:
            return []  # built from the root of a monorepo: which package it runs is unknown
        if service not in self._used_by:
            self._used_by[service] = self._used(service) if self._readable(service) else None
        used = self._used_by[service]
        if used is None:
            return []
        platforms = [p for p in (target.platform,) if p] + list(service.targets)
        patterns = self._patterns(service)
        return [
            p
            for p in target.provided
            if p.name not in used
            and not is_runtime_variable(p.name)
            and not set_by(p.name, platforms)
            and not self._implicit(p.name, service)
            and not any(d.matches(p.name) for d in patterns)
        ]

    def _stages(self, manifest: DeployManifest) -> tuple[BuildStage, ...]:
        """The build stages of the Dockerfile the unit builds (none when env-lint read none)."""
        return self.project.build_stages.get(_dockerfile_of(manifest) or "", ())

    def runs_application(self, manifest: DeployManifest) -> bool:
        """The unit's Dockerfile runs an image that is not a language runtime or an OS base
        (``FROM vendor/pubsub-server:1.6`` with a script of the repo added), or an image an
        ARG names (``FROM ${BASE_IMAGE}``). The stage it runs is the one compose's
        ``build.target`` names, else the last; ``FROM build`` runs stage ``build``'s image.
        False when env-lint read no such Dockerfile."""
        stages = self._stages(manifest)
        if not stages:
            return False
        named = (s for s in stages if manifest.stage is not None and s.name == manifest.stage)
        stage = next(named, stages[-1])
        return stage.image is None or not runtime_image(stage.image)

    @cached_property
    def _deployed(self) -> frozenset[Service]:
        """Services something deploys: a platform target, or a manifest unit."""
        found = {s for s in self.project.services if s.targets}
        for manifest in self.project.manifests:
            service = self.service_of(manifest)
            if service is not None and manifest.role != CI:
                found.add(service)
        return frozenset(found)

    def in_scope(self, service: Service, path: str) -> bool:
        """A file whose reads count for ``service``: its own, or a library's (a package that
        nothing deploys, or one of the repo's Python packages it depends on by name, deployed
        or not: its code runs inside the service); never another deployed service's."""
        owner = self.owner(path)
        if owner == service or owner not in self._deployed:
            return True
        return owner is not None and owner.package is not None and owner in self._libraries(service)

    def _libraries(self, service: Service) -> frozenset[Service]:
        """The service and the packages of the repo it depends on, transitively."""
        if service in self._depends_on:
            return self._depends_on[service]
        by_name = {s.name: s for s in self.project.services}
        by_name.update({s.package: s for s in self.project.services if s.package})
        found, stack = {service}, [service]
        while stack:
            for name in stack.pop().dependencies:
                library = by_name.get(name)
                if library is not None and library not in found:
                    found.add(library)
                    stack.append(library)
        self._depends_on[service] = frozenset(found)
        return self._depends_on[service]

    def _readable(self, service: Service) -> bool:
        """env-lint sees the service's reads: it has a schema or a read of its own, and
        neither its code nor a package of the repo it depends on reads a computed name or
        holds a construct env-lint could not read."""
        project = self.project
        own = any(self.owner(s.path) == service for s in project.schemas) or any(
            not u.weak and self.owner(u.location.path) == service for u in project.usages
        )
        code = self._libraries(service)
        unknown = any(self.owner(u.location.path) in code for u in project.unrecognized)
        computed = any(self.owner(o.path) in code for o in project.opaque)
        return own and not unknown and not computed

    def _patterns(self, service: Service) -> tuple[DynamicRead, ...]:
        """Reads by a computed name with a known shape (``BUCKET_*_URL``) in its scope."""
        return tuple(d for d in self.project.dynamic if self.in_scope(service, d.location.path))

    def _used(self, service: Service) -> frozenset[str]:
        project = self.project
        names = {
            n
            for s in project.schemas
            if self.in_scope(service, s.path)
            for v in s.variables
            for n in v.names()
        }
        names |= {
            u.name
            for u in project.usages
            if self.in_scope(service, u.location.path) and _counts_as_read(u.location.path, u.weak)
        }
        names |= {
            e.name for f in project.examples if self.owner(f.path) == service for e in f.entries
        }
        return frozenset(names)

    def _implicit(self, name: str, service: Service) -> bool:
        return self.implicit(name, f"{service.path}/_" if service.path else "_")


def runtime_image(repository: str) -> bool:
    """A language runtime or an OS base (``RUNTIME_IMAGES``), also through the mirror of
    Docker's official images on ECR (``public.ecr.aws/docker/library/node``)."""
    name = repository.removeprefix("docker/library/")
    return name in RUNTIME_IMAGES or name.startswith(RUNTIME_NAMESPACES)


def _dockerfile_of(manifest: DeployManifest) -> str | None:
    """The Dockerfile a unit builds: the one it names, else a compose build's default
    ``<context>/Dockerfile``."""
    if manifest.dockerfile is not None or manifest.kind != "compose":
        return manifest.dockerfile
    if manifest.directory is None:
        return None
    return f"{manifest.directory}/Dockerfile" if manifest.directory else "Dockerfile"


# Files that say which package a Dockerfile builds (``COPY pyproject.toml uv.lock ./``).
_PACKAGE_MANIFESTS = frozenset(
    {"package.json", "pyproject.toml", "setup.py", "requirements.txt", "go.mod", "cargo.toml",
     "gemfile", "composer.json", "pom.xml", "build.gradle"}
)  # fmt: skip


def _package_manifest(path: str) -> bool:
    return path.rsplit("/", 1)[-1].lower() in _PACKAGE_MANIFESTS


def _within(path: str, directory: str) -> bool:
    return directory == "" or path == directory or path.startswith(directory + "/")


def _counts_as_read(path: str, weak: bool) -> bool:
    """Weak reads count when a Dockerfile or a script reads the variable, not when another
    deploy file merely mentions it."""
    return not weak or not (is_compose(path) or is_workflow(path))


__all__ = [
    "RUNTIME_IMAGES",
    "RUNTIME_NAMESPACES",
    "SNAPSHOT",
    "Provided",
    "Target",
    "Targets",
    "runtime_image",
]
