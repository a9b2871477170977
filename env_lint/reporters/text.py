"""``path:line:col: severity CODE [rule-name] message`` lines, then a one-line summary."""

from __future__ import annotations

from ..model import Finding, Severity
from ..textfmt import one_line
from .base import Report, summary_line

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
}


def render_text(report: Report) -> str:
    """Findings, then the summary line (not with ``--quiet``: then nothing at all when clean)."""
    lines = [text_line(f, report.color) for f in report.findings]
    if report.summary:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)


def render_statistics(report: Report) -> str:
    """One line per rule with findings: count, code, name; then the summary line."""
    rows = report.by_rule()
    width = max((len(str(count)) for _, count in rows), default=1)
    lines = [f"{count:>{width}}  {rule.code}  [{rule.name}]" for rule, count in rows]
    if report.summary:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)


def text_line(finding: Finding, color: bool = False) -> str:
    """``path:line:col: error EL200 [missing-from-example] message``, on one line whatever a
    file name holds (a newline in it cannot start a line of its own, such as a forged
    ``::error`` workflow command)."""
    where, message = one_line(str(finding.location)), one_line(finding.message)
    severity = finding.severity.value
    if not color:
        return f"{where}: {severity} {finding.code} [{finding.rule}] {message}"
    tint = _SEVERITY_COLOR[finding.severity]
    return (
        f"{_BOLD}{where}{_RESET}: {tint}{severity} {finding.code}{_RESET} "
        f"{_DIM}[{finding.rule}]{_RESET} {message}"
    )
