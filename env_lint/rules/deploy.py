"""Deploy targets: the docs vs the services, and provider snapshots vs what services need."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..analysis.context import Context
from ..model import Finding, Location, Related, Severity
from ..platforms import set_by
from .base import Rule

if TYPE_CHECKING:
    from ..analysis.deploy import Deploy


def _target_mismatch(ctx: Context) -> Iterator[Finding]:
    if not any(s.targets for s in ctx.project.services) or not ctx.project.docs:
        return
    deploy = ctx.deploy
    for name, mentions in sorted(ctx.doc_mentions.items()):
        placed = sorted({t for m in mentions if m.primary for t in m.targets})
        where = next((m for m in mentions if m.targets), None)
        if not placed or where is None:
            continue
        yield from _needed_elsewhere(deploy, name, placed, where.location)
        yield from _placed_where_unused(deploy, name, placed, where.location)


def _needed_elsewhere(
    deploy: Deploy, name: str, placed: list[str], at: Location
) -> Iterator[Finding]:
    for service, needs in deploy.needs.items():
        need = needs.get(name)
        if need is None or not need.required:
            continue
        for target in service.targets:
            if target in placed:
                continue
            yield TARGET_MISMATCH.finding(
                at,
                f"the docs put `{name}` on {_targets(placed)}, but service `{service.name}` "
                f"deployed on {target} needs it",
                variable=name,
                related=[Related(need.location, f"needed by {service.name}")],
            )


def _placed_where_unused(
    deploy: Deploy, name: str, placed: list[str], at: Location
) -> Iterator[Finding]:
    if not any(name in needs for needs in deploy.needs.values()):
        return  # nothing reads it anywhere: unused-example-var / stale-doc-var say so
    for target in placed:
        services = deploy.services_on(target)
        if services and not any(name in deploy.needs[s] for s in services):
            names = ", ".join(f"`{s.name}`" for s in services)
            yield TARGET_MISMATCH.finding(
                at,
                f"the docs put `{name}` on {target}, but no service deployed there ({names}) "
                "reads or declares it",
                variable=name,
            )


def _targets(targets: list[str]) -> str:
    return " and ".join(targets) + (" only" if len(targets) == 1 else "")


def _missing_on_target(ctx: Context) -> Iterator[Finding]:
    if not ctx.project.snapshots:
        return
    deploy = ctx.deploy
    for target, snapshot in sorted(deploy.snapshots.items()):
        present = snapshot.names()
        for name, users in deploy.needed_on(target).items():
            required = [(s, n) for s, n in users if n.required]
            if name in present or not required:
                continue
            need = required[0][1]
            elsewhere = sorted(
                t for t, s in deploy.snapshots.items() if t != target and name in s.names()
            )
            also = f"; already set on {', '.join(elsewhere)}" if elsewhere else ""
            names = ", ".join(f"`{s.name}`" for s, _ in required)
            yield MISSING_ON_TARGET.finding(
                need.location,
                f"`{name}` is needed by {names} on {target}, but the {target} snapshot "
                f"(`{snapshot.path}`) does not have it{also}",
                variable=name,
                related=[Related(Location(snapshot.path, 1, 1), f"{target} snapshot")],
            )


def _unexpected_on_target(ctx: Context) -> Iterator[Finding]:
    if not ctx.project.snapshots:
        return
    deploy = ctx.deploy
    for target, snapshot in sorted(deploy.snapshots.items()):
        services = deploy.services_on(target)
        if not services:
            yield UNEXPECTED_ON_TARGET.finding(
                Location(snapshot.path, 1, 1),
                f"no service is deployed on {target}: name one in the config "
                f'(`[tool.env-lint.services.NAME] path = "..." targets = ["{target}"]`)',
            )
            continue
        wanted = deploy.needed_on(target)
        for var in snapshot.variables:
            if var.name in wanted or ctx.is_runtime(var.name) or set_by(var.name, [target]):
                continue
            names = ", ".join(f"`{s.name}`" for s in services)
            yield UNEXPECTED_ON_TARGET.finding(
                Location(snapshot.path, var.line, 1),
                f"`{var.name}` is set on {target}, but no service deployed there ({names}) "
                "needs it or declares it optional",
                variable=var.name,
            )


TARGET_MISMATCH = Rule(
    code="EL700",
    name="target-mismatch",
    severity=Severity.WARNING,
    summary="The docs say a variable lives on targets where the services do not need it.",
    what="The docs assign a variable to deploy targets (a table column headed `Vercel`, "
    "`Railway`... with a ✅/✓/x/yes/да mark, or a `Where:` / `Где хранится:` line in its "
    "section), but a service deployed on another target needs it, or no service deployed on "
    "one of those targets reads or declares it. Services and their targets come from deploy "
    "configs (`vercel.json`, `railway.toml`, `fly.toml`...), a Next.js app, or the config.",
    why="People set variables where the docs say; if the docs name the wrong platform, the "
    "service that needs the variable starts without it.",
    example="`UPSTASH_REDIS_REST_URL` marked Railway only in `docs/SECRETS.md` while the Next.js "
    "app on Vercel reads it.",
    fix="Mark the variable on every target whose services need it (and only those).",
    check=_target_mismatch,
)

MISSING_ON_TARGET = Rule(
    code="EL701",
    name="missing-on-target",
    severity=Severity.ERROR,
    summary="A provider snapshot lacks a variable a service deployed there needs.",
    what="With a provider snapshot (`--snapshot vercel=FILE`, or `snapshots` in the config: "
    "the variable names exported from Vercel, Railway...), a variable that a service deployed "
    "on that target needs (its schema requires it with no default, or its code reads it "
    "without a fallback and nothing calls it optional) is not in the snapshot. Optional "
    "variables that are not set are listed in the Markdown report, not reported here.",
    why="The service will start without the variable on that platform: a crash at boot, or a "
    "feature silently off in production.",
    example="`JWT_SECRET` read by the Next.js app, absent from `vercel env ls`.",
    fix="Set the variable on the target (the finding says where else it is already set), "
    "then export the snapshot again.",
    check=_missing_on_target,
)

UNEXPECTED_ON_TARGET = Rule(
    code="EL702",
    name="unexpected-on-target",
    severity=Severity.WARNING,
    summary="A provider snapshot holds a variable no service deployed there uses.",
    what="A variable in a provider snapshot that no service deployed on that target needs or "
    "declares optional. Variables the platform sets itself (`VERCEL_*`, `RAILWAY_*`, `PORT`, "
    "Railway's `REDIS_URL` plugin variables... see `env_lint/platforms.py`) are never "
    "reported. Also reported once when no service is deployed on the snapshot's target.",
    why="Leftover variables are secrets nobody rotates and settings that confuse the next "
    "person; they also hide typos (`SMTP_PASSWD` set, `SMTP_PASS` read).",
    example="`MAILGUN_API_KEY` still set on Vercel after the move to SMTP.",
    fix="Delete it from the provider, or declare it where the service reads it.",
    check=_unexpected_on_target,
)
