"""A Markdown report (for people and for ``GITHUB_STEP_SUMMARY``): summary, then findings
grouped by rule."""

from __future__ import annotations

from ..model import Finding, Severity
from .base import Report, summary_line


def md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    lines = ["# env-lint report", "", summary_line(report), ""]
    if report.findings:
        lines += ["| errors | warnings | infos | files checked |", "|---:|---:|---:|---:|"]
        lines.append(
            f"| {report.count(Severity.ERROR)} | {report.count(Severity.WARNING)} | "
            f"{report.count(Severity.INFO)} | {report.files_checked} |"
        )
        lines.append("")
    for rule, count in report.by_rule():
        lines += [f"## {rule.code} `{rule.name}` ({count})", "", rule.summary, ""]
        lines += ["| location | severity | variable | message |", "|---|---|---|---|"]
        lines += [_row(f) for f in report.findings if f.code == rule.code]
        lines.append("")
    return "\n".join(lines)


def _row(finding: Finding) -> str:
    variable = f"`{finding.variable}`" if finding.variable else ""
    return (
        f"| `{finding.location}` | {finding.severity.value} | {md_cell(variable)} | "
        f"{md_cell(finding.message)} |"
    )
