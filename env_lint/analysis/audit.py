"""The deploy audit for the Markdown report: per target (a provider snapshot, or a unit of a
deploy manifest in the repo), what it holds against what the services it runs need; and one
matrix of variables by target."""

from __future__ import annotations

from dataclasses import dataclass

from ..credentials import printable_name
from ..known_vars import is_runtime_variable
from ..model import Project, Service
from ..platforms import set_by
from .catalog import VariableInfo, catalog
from .context import Context
from .deploy import Need
from .targets import Target, Targets


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
    source: str  # the snapshot or the manifest it was read from
    found: int
    missing: tuple[Missing, ...]
    extra: tuple[str, ...]
    platform: tuple[str, ...]
    optional_unset: tuple[tuple[str, str], ...]  # (name, "default used" | "not set")
    environments: tuple[tuple[str, tuple[str, ...]], ...]
    manifest: bool = False  # a deploy manifest in the repo (not a provider snapshot)
    # Required variables a manifest does not list but may get from elsewhere (``env_file``,
    # ``envFrom``, fly or CI secrets): never "missing".
    unlisted: tuple[str, ...] = ()


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
    """What each target holds (provider snapshots and deploy manifests in the repo) against
    what the services it runs need; None without any target."""
    ctx = Context(project)
    targets = ctx.targets
    if not targets.all:
        return None
    info = {i.name: i for i in catalog(project)}
    audits = tuple(_target_audit(targets, t, info) for t in targets.all)
    secret = {name for name, i in info.items() if i.secret}
    return Audit(audits, _matrix(targets, audits, secret))


def _target_audit(targets: Targets, target: Target, info: dict[str, VariableInfo]) -> TargetAudit:
    wanted = targets.needs(target)
    present = target.names()
    if target.manifest is None:
        lacking = [n for n, users in wanted.items() if any(u.required for _, u in users)]
    else:
        lacking = [name for name, _ in targets.missing(target)]
    unlisted = tuple(n for n, _ in targets.lacking(target) if n not in lacking)
    missing, unset = [], []
    for name, users in wanted.items():
        if name in present or not printable_name(name):
            continue
        if name in lacking:
            missing.append(_missing(targets, target, name, users, info.get(name)))
        elif name not in unlisted and not _partial(target):
            defaulted = any(n.defaulted for _, n in users)
            unset.append((name, "default used" if defaulted else "not set"))
    platform = tuple(
        sorted(n for n in present if n not in wanted and _platform(n, target.platform))
    )
    if target.manifest is None:
        extra = tuple(sorted(n for n in present if n not in wanted and n not in platform))
    else:
        extra = tuple(sorted({p.name for p in targets.unused(target)}))
    return TargetAudit(
        target=target.label,
        services=tuple(s.name for s in target.services),
        source=target.path,
        found=len(present),
        missing=tuple(missing),
        extra=extra,
        platform=platform,
        optional_unset=tuple(unset),
        environments=tuple((p.name, p.environments) for p in target.provided if p.environments),
        manifest=target.manifest is not None,
        unlisted=unlisted,
    )


def _partial(target: Target) -> bool:
    """A manifest unit that does not list everything it gets: nothing is "not set" there."""
    manifest = target.manifest
    return manifest is not None and (bool(manifest.indirect) or not manifest.complete)


def _platform(name: str, platform: str | None) -> bool:
    return is_runtime_variable(name) or set_by(name, [platform] if platform else [])


def _missing(
    targets: Targets,
    target: Target,
    name: str,
    users: list[tuple[Service, Need]],
    details: VariableInfo | None,
) -> Missing:
    elsewhere = tuple(
        sorted({t.label for t in targets.all if t.label != target.label and name in t.names()})
    )
    required = [s for s, n in users if n.required] or [s for s, _ in users]
    return Missing(
        name,
        tuple(sorted({s.name for s in required})),
        bool(details and details.secret),
        details.description if details else None,
        elsewhere,
    )


def _matrix(
    targets: Targets, audits: tuple[TargetAudit, ...], secret: set[str]
) -> tuple[MatrixRow, ...]:
    names = sorted(
        {n for t in targets.all for n in targets.needs(t)}
        | {n for t in targets.all for n in t.names()}
    )
    rows = []
    for name in filter(printable_name, names):
        cells, problems, notes = [], [], []
        for target, audit in zip(targets.all, audits, strict=True):
            provided = target.get(name)
            if provided is not None:
                envs = f" ({', '.join(provided.environments)})" if provided.environments else ""
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
            elif name in audit.unlisted:
                cells.append("❔")
                notes.append(f"not listed on {audit.target}")
            else:
                cells.append("—")
        status = (
            "🔴 " + "; ".join(problems)
            if problems
            else ("✅ " + "; ".join(notes) if notes else "✅ ok")
        )
        rows.append(MatrixRow(name, tuple(cells), status, name in secret))
    return tuple(rows)
