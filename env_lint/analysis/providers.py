"""For ``explain VAR``: every target that provides a variable (a provider snapshot or a unit of
a deploy manifest in the repo), with the file and line where it does."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project
from .context import Context


@dataclass(frozen=True, slots=True, order=True)
class Provision:
    path: str
    line: int
    column: int
    target: str  # the target's label: "vercel", "render `worker`", "compose `api`"
    kind: str  # "snapshot" or the manifest kind
    how: str  # "set" (snapshot), value, interpolated, secret, reference, placeholder
    services: tuple[str, ...]  # the services the target runs


def provided_by(project: Project, name: str) -> tuple[Provision, ...]:
    """Each target that provides ``name``, sorted by path and line. Values are never part of
    the answer."""
    found = []
    for target in Context(project).targets.all:
        provided = target.get(name)
        if provided is None:
            continue
        at = provided.location
        services = tuple(s.name for s in target.services)
        label, kind, how = target.label, target.kind, provided.how
        found.append(Provision(at.path, at.line, at.column, label, kind, how, services))
    return tuple(sorted(found))
