"""A Markdown report (for people and for ``GITHUB_STEP_SUMMARY``): the deploy-target audit when
there are targets to audit (provider snapshots, deploy manifests in the repo), then the
findings grouped by rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..textfmt import md_cell
from .base import Report, summary_line

if TYPE_CHECKING:
    from ..analysis.audit import Audit, TargetAudit


def render_markdown(report: Report) -> str:
    lines = ["# env-lint report", "", summary_line(report), ""]
    for audit in report.audits:
        lines += _audit(audit)
    if report.variables and not report.audits:
        lines += _variables(report)
    if report.findings:
        lines += ["## Findings", ""]
        lines += ["| errors | warnings | infos | files checked |", "|---:|---:|---:|---:|"]
        lines.append(
            f"| {report.count(Severity.ERROR)} | {report.count(Severity.WARNING)} | "
            f"{report.count(Severity.INFO)} | {report.files_checked} |"
        )
        lines.append("")
    for rule, count in report.by_rule():
        lines += [f"### {rule.code} `{rule.name}` ({count})", "", rule.summary, ""]
        lines += ["| location | severity | variable | message |", "|---|---|---|---|"]
        lines += [_row(f) for f in report.findings if f.code == rule.code]
        lines.append("")
    return "\n".join(lines)


def _row(finding: Finding) -> str:
    variable = f"`{finding.variable}`" if finding.variable else ""
    return (
        f"| {md_cell(f'`{finding.location}`')} | {finding.severity.value} | {md_cell(variable)} | "
        f"{md_cell(finding.message)} |"
    )


def _variables(report: Report) -> list[str]:
    """Every variable with its classification (the audit's matrix shows it when present)."""
    lines = [
        "## Variables",
        "",
        "| variable | required | secret | targets (docs) |",
        "|---|---|---|---|",
    ]
    for info in report.variables:
        required = {True: "yes", False: "no", None: "?"}[info.required]
        secret = "🔒 yes" if info.secret else "no"
        lines.append(
            f"| `{info.name}` | {required} | {secret} | {', '.join(info.targets) or '—'} |"
        )
    return [*lines, ""]


def _audit(audit: Audit) -> list[str]:
    lines = ["## Deploy targets", ""]
    source = "snapshot / manifest" if any(t.manifest for t in audit.targets) else "snapshot"
    columns = "found | missing | extra | platform | optional, not set"
    lines += [
        f"| target | services | {source} | {columns} |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for t in audit.targets:
        services = ", ".join(f"`{s}`" for s in t.services) or "—"
        lines.append(
            f"| {'✅' if not t.missing and not t.extra else '🔴'} {t.target} | {services} | "
            f"`{t.source}` | {t.found} | {len(t.missing)} | {len(t.extra)} | "
            f"{len(t.platform)} | {len(t.optional_unset)} |"
        )
    lines.append("")
    for target in audit.targets:
        lines += _target_details(target)
    names = [t.target for t in audit.targets]
    lines += ["### Variables × targets", ""]
    lines += [
        f"| variable | secret | {' | '.join(names)} | status |",
        "|---|---|" + "---|" * len(names) + "---|",
    ]
    for row in audit.matrix:
        secret = "🔒" if row.secret else ""
        lines.append(f"| `{row.name}` | {secret} | {' | '.join(row.cells)} | {row.status} |")
    legend = "✅ set · ❌ missing (needed) · ⚪ optional, not set · — not needed there · 🔒 secret"
    if any(t.unlisted for t in audit.targets):
        legend += " · ❔ required, not listed in the manifest (set out of band?)"
    lines += ["", legend, ""]
    return lines


def _target_details(t: TargetAudit) -> list[str]:
    lines: list[str] = []
    if t.missing:
        lines += [f"### Missing on {t.target} ({len(t.missing)})", ""]
        lines += [
            "| variable | needed by | secret | description | already set on |",
            "|---|---|---|---|---|",
        ]
        for m in t.missing:
            lines.append(
                f"| `{m.name}` | {', '.join(f'`{s}`' for s in m.services)} | "
                f"{'yes' if m.secret else 'no'} | {md_cell(m.description or '')} | "
                f"{', '.join(m.elsewhere) or '—'} |"
            )
        lines.append("")
    if t.extra:
        lines += [f"### Set on {t.target} but not used there ({len(t.extra)})", ""]
        lines += [*(f"- `{name}`" for name in t.extra), ""]
    if t.optional_unset:
        lines += [f"### Optional on {t.target}, not set ({len(t.optional_unset)})", ""]
        lines += [*(f"- `{name}`: {state}" for name, state in t.optional_unset), ""]
    if t.platform:
        lines += [f"### Set by {t.target} itself ({len(t.platform)})", ""]
        lines += [", ".join(f"`{name}`" for name in t.platform), ""]
    return lines
