"""What every reporter receives."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..rules import RULES, Rule

if TYPE_CHECKING:
    from ..analysis.audit import Audit
    from ..analysis.catalog import VariableInfo


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]
    files_checked: int
    rules: tuple[Rule, ...] = RULES
    color: bool = False
    audits: tuple[Audit, ...] = ()  # deploy-target audits (with provider snapshots)
    variables: tuple[VariableInfo, ...] = ()  # every variable, classified (Markdown report)
    summary: bool = True  # False with --quiet: no summary line in text, github and statistics

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def by_rule(self) -> list[tuple[Rule, int]]:
        """(rule, number of findings) for every rule that has any, in code order."""
        counts = Counter(f.code for f in self.findings)
        return [(rule, counts[rule.code]) for rule in self.rules if counts[rule.code]]


def summary_line(report: Report) -> str:
    files = _plural(report.files_checked, "file")
    if not report.findings:
        return f"No problems found ({files} checked)."
    parts = [
        _plural(report.count(Severity.ERROR), "error"),
        _plural(report.count(Severity.WARNING), "warning"),
    ]
    infos = report.count(Severity.INFO)
    if infos:
        parts.append(_plural(infos, "info"))
    return f"Found {', '.join(parts)} ({files} checked)."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"
