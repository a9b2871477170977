"""What every reporter receives."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding, Severity


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]
    files_checked: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
