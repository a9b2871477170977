"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub shows at most 10 annotations of each kind per step and drops the rest without a word; past
that cap the last slot of the kind says how many more there are, and the findings without an
annotation are printed as plain text lines, so the log still has every finding."""

from __future__ import annotations

from ..model import Finding, Severity
from .base import Report, summary_line
from .text import text_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_NOUN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ANNOTATIONS_PER_KIND = 10  # per step, for each of error, warning and notice


def escape_data(text: str) -> str:
    """The message part: ``%``, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    annotated, rest = _within_cap(report.findings)
    lines = [_command(f) for f in annotated]
    for severity in Severity:
        more = sum(1 for f in rest if f.severity is severity)
        if more:
            lines.append(_more(severity, more))
    lines += [text_line(f) for f in rest]
    if report.summary:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)


def _within_cap(findings: tuple[Finding, ...]) -> tuple[list[Finding], list[Finding]]:
    """The findings that get an annotation, and the rest: of a kind with more than the cap,
    the first ``cap - 1`` (the last slot is the "N more" annotation)."""
    annotated: list[Finding] = []
    rest: list[Finding] = []
    for severity in Severity:
        kind = [f for f in findings if f.severity is severity]
        keep = len(kind) if len(kind) <= ANNOTATIONS_PER_KIND else ANNOTATIONS_PER_KIND - 1
        annotated += kind[:keep]
        rest += kind[keep:]
    return sorted(annotated, key=Finding.sort_key), sorted(rest, key=Finding.sort_key)


def _more(severity: Severity, count: int) -> str:
    noun = _NOUN[severity] + ("s" if count != 1 else "")
    title = f"env-lint: {count} more {noun}"
    message = (
        f"GitHub shows {ANNOTATIONS_PER_KIND} {_NOUN[severity]} annotations per step: {count} more "
        f"{noun} {'is' if count == 1 else 'are'} listed in this step's log and in the job summary"
    )
    return f"::{_COMMAND[severity]} title={escape_property(title)}::{escape_data(message)}"


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
