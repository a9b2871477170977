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
from typing import TYPE_CHECKING

from .known_vars import is_runtime_variable
from .model import Location, Project
from .platforms import set_by
from .services import Service, service_of
from .snapshots import Snapshot

if TYPE_CHECKING:
    from .catalog import VariableInfo


@dataclass(frozen=True, slots=True)
class Need:
    name: str
    location: Location
    required: bool
    defaulted: bool  # optional because a default is used (schema default, code fallback)


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
        for schema in project.schemas:
            owner = service_of(project.services, schema.path)
            if owner is None:
                continue
            for var in schema.variables:
                need = Need(var.name, var.location, var.required, var.has_default)
                found[owner][var.name] = _merge(found[owner].get(var.name), need)
        declared = {s: set(n) for s, n in found.items()}
        for usage in project.usages:
            service = service_of(project.services, usage.location.path)
            if service is None or usage.weak or usage.name in declared[service]:
                continue
            required = not usage.defaulted and usage.name not in optional_said
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
        return Need(old.name, old.location, True, False)
    return old


# --- the audit report ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Missing:
    name: str
    services: tuple[str, ...]
    secret: bool
    description: str | None
    elsewhere: tuple[str, ...]  # other targets whose snapshot has it


@dataclass(frozen=True, slots=True)
class TargetAudit:
    target: str
    services: tuple[str, ...]
    snapshot: str
    found: int
    missing: tuple[Missing, ...]
    extra: tuple[str, ...]
    platform: tuple[str, ...]
    optional_unset: tuple[tuple[str, str], ...]  # (name, "default used" | "not set")
    environments: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    name: str
    cells: tuple[str, ...]  # one per audited target
    status: str
    secret: bool


@dataclass(frozen=True, slots=True)
class Audit:
    targets: tuple[TargetAudit, ...]
    matrix: tuple[MatrixRow, ...]


def build_audit(project: Project) -> Audit | None:
    """What the snapshots say, per target and per variable; None without snapshots."""
    from .catalog import catalog

    deploy = Deploy(project)
    if not deploy.snapshots:
        return None
    info = {i.name: i for i in catalog(project)}
    audits = tuple(_target_audit(deploy, t, s, info) for t, s in sorted(deploy.snapshots.items()))
    secret = {name for name, i in info.items() if i.secret}
    return Audit(audits, _matrix(deploy, audits, secret))


def _target_audit(
    deploy: Deploy, target: str, snapshot: Snapshot, info: dict[str, VariableInfo]
) -> TargetAudit:
    wanted = deploy.needed_on(target)
    present = snapshot.names()
    missing, unset = [], []
    for name, users in wanted.items():
        if name in present:
            continue
        if any(n.required for _, n in users):
            details = info.get(name)
            elsewhere = tuple(
                sorted(t for t, s in deploy.snapshots.items() if t != target and name in s.names())
            )
            services = tuple(sorted({s.name for s, n in users if n.required}))
            missing.append(
                Missing(
                    name,
                    services,
                    bool(details and details.secret),
                    details.description if details else None,
                    elsewhere,
                )
            )
        else:
            unset.append(
                (name, "default used" if any(n.defaulted for _, n in users) else "not set")
            )
    platform = tuple(
        sorted(
            n
            for n in present
            if n not in wanted and (is_runtime_variable(n) or set_by(n, [target]))
        )
    )
    extra = tuple(sorted(n for n in present if n not in wanted and n not in platform))
    return TargetAudit(
        target=target,
        services=tuple(s.name for s in deploy.services_on(target)),
        snapshot=snapshot.path,
        found=len(present),
        missing=tuple(missing),
        extra=extra,
        platform=platform,
        optional_unset=tuple(unset),
        environments=tuple((v.name, v.environments) for v in snapshot.variables if v.environments),
    )


def _matrix(
    deploy: Deploy, audits: tuple[TargetAudit, ...], secret: set[str]
) -> tuple[MatrixRow, ...]:
    names = sorted(
        {n for a in audits for n in deploy.needed_on(a.target)}
        | {n for s in deploy.snapshots.values() for n in s.names()}
    )
    rows = []
    for name in names:
        cells, problems, notes = [], [], []
        for audit in audits:
            snapshot = deploy.snapshots[audit.target]
            var = snapshot.get(name)
            if var is not None:
                envs = f" ({', '.join(var.environments)})" if var.environments else ""
                cells.append(f"✅{envs}")
                if name in audit.extra:
                    problems.append(f"not used on {audit.target}")
                elif name in audit.platform:
                    notes.append(f"set by {audit.target}")
            elif any(m.name == name for m in audit.missing):
                cells.append("❌")
                problems.append(f"missing on {audit.target}")
            elif any(n == name for n, _ in audit.optional_unset):
                cells.append("⚪")
                notes.append(f"optional on {audit.target}")
            else:
                cells.append("—")
        status = (
            "🔴 " + "; ".join(problems)
            if problems
            else ("✅ " + "; ".join(notes) if notes else "✅ ok")
        )
        rows.append(MatrixRow(name, tuple(cells), status, name in secret))
    return tuple(rows)
