"""SARIF 2.1.0: rules from the registry, 1-based regions, fingerprints stable across line moves."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from .. import HOMEPAGE, __version__, rule_doc_url
from ..model import Finding, Location, Severity
from ..ruledoc import rule_markdown, rule_text
from ..rules import Rule
from .base import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "envLintIdentity/v1"


def render_sarif(report: Report) -> str:
    index = {rule.code: i for i, rule in enumerate(report.rules)}
    fingerprints = stable_fingerprints(report.findings)
    run = {
        "tool": {
            "driver": {
                "name": "env-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": HOMEPAGE,
                "rules": [_descriptor(rule) for rule in report.rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(f, index[f.code], fp)
            for f, fp in zip(report.findings, fingerprints, strict=True)
        ],
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "helpUri": rule_doc_url(rule.name),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["env", "configuration"]},
    }


def _artifact(path: str) -> dict[str, str]:
    """Relative to the checkout (``%SRCROOT%``); a root outside the working directory is an
    absolute ``file://`` URI."""
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _location(location: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(location.path),
            "region": {"startLine": location.line, "startColumn": location.column},
        }
    }


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, **_location(r.location), "message": {"text": r.note}}
            for i, r in enumerate(finding.related, start=1)
        ]
    return result


def stable_fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    """Rule, file and variable (or, without a variable, the message with digits dropped), plus
    an occurrence number for repeats: no line numbers, so moving code keeps the identity."""
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        subject = finding.variable or "".join(c for c in finding.message if not c.isdigit())
        identity = f"{finding.code}\0{finding.location.path}\0{subject}"
        seen[identity] += 1
        digest = hashlib.sha256(f"{identity}\0{seen[identity]}".encode()).hexdigest()
        prints.append(digest[:32])
    return prints
