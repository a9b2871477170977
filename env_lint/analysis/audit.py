"""The deploy audit for the Markdown report: per target, what its provider snapshot holds
against what the services deployed there need; and one matrix of variables by target."""

from __future__ import annotations

from dataclasses import dataclass

from ..credentials import printable_name
from ..known_vars import is_runtime_variable
from ..model import Project, Snapshot
from ..platforms import set_by
from .catalog import VariableInfo, catalog
from .deploy import Deploy


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
        if name in present or not printable_name(name):
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
    for name in filter(printable_name, names):
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
