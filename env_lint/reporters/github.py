"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""

from __future__ import annotations

from ..model import Finding, Severity
from .base import Report, summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part: ``%``, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = [_command(f) for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _command(finding: Finding) -> str:
    loc = finding.location
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", loc.path),
            ("line", loc.line),
            ("col", loc.column),
            ("title", f"{finding.code} {finding.rule}"),
        )
    )
    return f"::{_COMMAND[finding.severity]} {properties}::{escape_data(finding.message)}"
