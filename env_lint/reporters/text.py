"""``path:line:col: CODE [rule-name] message`` lines, then a one-line summary."""

from __future__ import annotations

from ..model import Severity
from .base import Report


def render_text(report: Report) -> str:
    lines = [f"{f.location}: {f.code} [{f.rule}] {f.message}" for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


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
