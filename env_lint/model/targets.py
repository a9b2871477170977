"""Where variables go and who reads them implicitly: services, provider snapshots, library
variables, Turborepo's env filter. Plain data; the logic that builds them lives above."""

from __future__ import annotations

from dataclasses import dataclass

from .core import parent_dir


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    path: str  # root-relative directory; "" is the repo root
    targets: tuple[str, ...]
    node: bool = False  # has a package.json (a JS workspace: turbo filters its env)
    dependencies: tuple[str, ...] = ()  # its package manifest's, to find the repo's own libraries
    package: str | None = None  # its pyproject.toml's project name (others may depend on it)

    def owns(self, rel_path: str) -> bool:
        return self.path == "" or rel_path == self.path or rel_path.startswith(self.path + "/")

    @property
    def short_names(self) -> tuple[str, str]:
        """Its directory name and its package name without the scope, lower-cased."""
        return self.path.rsplit("/", 1)[-1].lower(), self.name.rsplit("/", 1)[-1].lower()


def service_of(services: tuple[Service, ...], rel_path: str) -> Service | None:
    """The deepest service whose directory holds ``rel_path``."""
    owners = [s for s in services if s.owns(rel_path)]
    return max(owners, key=lambda s: len(s.path)) if owners else None


class Owners:
    """``service_of`` for many paths: services by directory, looked up from a path's own
    directory up to the root (the first service listed wins a shared directory)."""

    def __init__(self, services: tuple[Service, ...]) -> None:
        self._by_path: dict[str, Service] = {}
        for service in services:
            self._by_path.setdefault(service.path, service)
        self._seen: dict[str, Service | None] = {}  # a rule asks about each path many times

    def __call__(self, rel_path: str) -> Service | None:
        if rel_path in self._seen:
            return self._seen[rel_path]
        path = rel_path
        while True:
            found = self._by_path.get(path)
            if found is not None or not path:
                self._seen[rel_path] = found
                return found
            path = path.rpartition("/")[0]


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    name: str
    path: str
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True, order=True)
class SnapshotVar:
    name: str
    line: int
    environments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Snapshot:
    target: str
    path: str  # as given, for messages
    variables: tuple[SnapshotVar, ...]

    def names(self) -> frozenset[str]:
        return frozenset(v.name for v in self.variables)

    def get(self, name: str) -> SnapshotVar | None:
        return next((v for v in self.variables if v.name == name), None)


@dataclass(frozen=True, slots=True, order=True)
class ImplicitVar:
    name: str
    library: str
    manifest: str  # the file that makes it implicit (package.json, pyproject.toml, schema.prisma)

    @property
    def directory(self) -> str:
        return parent_dir(self.manifest)


@dataclass(frozen=True, slots=True)
class TurboConfig:
    path: str
    directory: str  # "" for the root turbo.json
    patterns: tuple[str, ...]
    loose: bool = False  # ``envMode: "loose"``
    tasks: tuple[str, ...] = ()  # task names (``build``, ``web#build`` -> ``build``)
    pass_through: bool = False  # any ``passThroughEnv`` / ``globalPassThroughEnv`` key
    legacy: bool = False  # turbo 1.x format (``pipeline`` instead of ``tasks``)
    strict: bool = False  # ``envMode: "strict"``
