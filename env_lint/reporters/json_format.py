"""The JSON report; its shape is published as ``schemas/output.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Finding, Severity
from .base import Report

JSON_VERSION = 1


def render_json(report: Report) -> str:
    document = {
        "version": JSON_VERSION,
        "tool": {"name": "env-lint", "version": __version__},
        "findings": [_finding(f) for f in report.findings],
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
            "files_checked": report.files_checked,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _finding(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "variable": finding.variable,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "related": [
            {
                "path": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "note": r.note,
            }
            for r in finding.related
        ],
    }
