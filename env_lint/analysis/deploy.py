"""Which service needs which variable, and what the provider snapshots hold.

A service *needs* a variable when its schema requires it with no default, or when its own code
reads it without a fallback and neither the example file nor the docs call it optional. A schema
variable that is optional or has a default, or a read with a fallback (``?? "x"``), is
*optional* for the service. Runtime variables and the variables a service's platform sets are
neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..known_vars import is_runtime_variable
from ..model import Location, Owners, Project, Service, Snapshot
from ..paths import is_tooling_path
from ..platforms import set_by


@dataclass(frozen=True, slots=True)
class Need:
    name: str
    location: Location
    required: bool
    defaulted: bool  # optional because a default is used (schema default, code fallback)
    schema: bool = False  # a schema declares it (not only a read in code)
    conditional: bool = False  # the schema requires it in some configurations only


class Deploy:
    """Services, their needs, and the snapshots by target, computed once per project."""

    def __init__(self, project: Project) -> None:
        self.project = project

    @cached_property
    def needs(self) -> dict[Service, dict[str, Need]]:
        project = self.project
        optional_said = {e.name for f in project.examples for e in f.entries if e.required is False}
        optional_said |= {m.name for m in project.docs if m.required is False}
        found: dict[Service, dict[str, Need]] = {s: {} for s in project.services}
        owner_of = Owners(project.services)
        for schema in project.schemas:
            owner = owner_of(schema.path)
            if owner is None:
                continue
            for var in schema.variables:
                need = Need(
                    var.name,
                    var.location,
                    var.required and var.known,
                    var.has_default,
                    True,
                    var.conditional,
                )
                found[owner][var.name] = _merge(found[owner].get(var.name), need)
        declared = {s: set(n) for s, n in found.items()}
        for usage in project.usages:
            service = owner_of(usage.location.path)
            if service is None or usage.weak or usage.name in declared[service]:
                continue
            if is_tooling_path(usage.location.path):
                continue  # tests and scripts do not run on the deploy target
            if usage.location.path in project.mounted:
                continue  # a file a compose service mounts into an image: it runs there
            required = usage.needed and usage.name not in optional_said
            need = Need(usage.name, usage.location, required, usage.defaulted)
            found[service][usage.name] = _merge(found[service].get(usage.name), need)
        return {
            service: {
                name: need
                for name, need in sorted(needs.items())
                if not is_runtime_variable(name) and not set_by(name, service.targets)
            }
            for service, needs in found.items()
        }

    def services_on(self, target: str) -> list[Service]:
        return [s for s in self.project.services if target in s.targets]

    @cached_property
    def snapshots(self) -> dict[str, Snapshot]:
        return {s.target: s for s in self.project.snapshots}

    def needed_on(self, target: str) -> dict[str, list[tuple[Service, Need]]]:
        """Every variable some service on ``target`` needs or reads optionally."""
        found: dict[str, list[tuple[Service, Need]]] = {}
        for service in self.services_on(target):
            for name, need in self.needs[service].items():
                found.setdefault(name, []).append((service, need))
        return dict(sorted(found.items()))


def _merge(old: Need | None, new: Need) -> Need:
    """Required wins; the first location stays."""
    if old is None:
        return new
    if new.required and not old.required:
        return Need(old.name, old.location, True, False, new.schema, new.conditional)
    return old
