"""Where Turborepo's strict env mode really filters a task's environment.

Strict mode matters only when turbo runs the tasks (a script, a CI step or a Dockerfile runs
``turbo run ...``) and applies the filter: turbo 2 and later unless ``envMode: "loose"`` (or
``--env-mode=loose``); turbo 1 only with ``envMode: "strict"``, ``--env-mode=strict`` or
pass-through keys ("infer" mode). It filters the workspaces of the package manager that have a
script turbo runs as a task, and only what they do not load themselves from an env file
(``node --env-file``, dotenv).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Manifest, Project, Service, TurboConfig, service_of
from ..paths import is_tooling_path, matches


@dataclass(frozen=True, slots=True)
class Turbo:
    root: TurboConfig
    filtered: tuple[Service, ...]  # workspaces whose tasks run with a filtered environment

    def patterns(self, project: Project, service: Service) -> tuple[str, ...]:
        own = [t for t in project.turbo if t.directory and t.directory == service.path]
        return self.root.patterns + tuple(p for t in own for p in t.patterns)


def strict_turbo(project: Project) -> Turbo | None:
    root = next((t for t in project.turbo if t.directory == ""), None)
    if root is None or not project.turbo_runners:
        return None
    manifests = dict(project.packages)
    package = manifests.get("package.json", Manifest())
    if not _strict(root, package):
        return None
    globs = package.workspaces + manifests.get("pnpm-workspace.yaml", Manifest()).workspaces
    tasks = set(root.tasks) | {n for t in project.turbo for n in t.tasks}
    filtered = tuple(
        s
        for s in project.services
        if s.node
        and _member(s.path, globs)
        and _runs_a_task(s, manifests, tasks)
        and not _loads_env(project, s, manifests)
    )
    return Turbo(root, filtered)


def _strict(root: TurboConfig, package: Manifest) -> bool:
    if root.loose or package.env_mode == "loose":
        return False
    if root.strict or package.env_mode == "strict":
        return True
    major = _major(package.turbo)
    if major is None:
        major = 1 if root.legacy else 2
    return major >= 2 or root.pass_through


def _major(spec: str | None) -> int | None:
    digits = "".join(c if c.isdigit() else " " for c in spec or "").split()
    return int(digits[0]) if digits else None


def _member(path: str, globs: tuple[str, ...]) -> bool:
    if not globs:
        return path == ""  # a single-package repo
    included = [g for g in globs if not g.startswith("!")]
    excluded = [g[1:] for g in globs if g.startswith("!")]

    def hit(patterns: list[str]) -> bool:
        return any(matches(path, (p.rstrip("/"),)) for p in patterns)

    return hit(included) and not hit(excluded)


def _runs_a_task(service: Service, manifests: dict[str, Manifest], tasks: set[str]) -> bool:
    own = manifests.get(f"{service.path}/package.json" if service.path else "package.json")
    return own is not None and bool(tasks.intersection(own.scripts))


def _loads_env(project: Project, service: Service, manifests: dict[str, Manifest]) -> bool:
    own = manifests.get(f"{service.path}/package.json" if service.path else "package.json")
    if own is not None and own.loads_env:
        return True
    return any(
        service_of(project.services, path) is service and not is_tooling_path(path)
        for path in project.env_loaders
    )
