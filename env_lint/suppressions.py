"""Applying inline suppressions (read from each file by ``sources/directives.py``) to findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Directive, Finding


@dataclass
class _Use:
    directive: Directive
    used: set[str]


def apply(
    findings: Iterable[Finding], directives: Iterable[Directive], lookup_code: dict[str, str]
) -> tuple[list[Finding], list[tuple[Directive, str | None]]]:
    """Drop suppressed findings. Returns the kept findings and every (directive, key) that
    suppressed nothing (key None: a bare directive). ``lookup_code`` maps names and codes to
    codes."""
    uses = [_Use(d, set()) for d in directives]
    by_path: dict[str, list[_Use]] = {}
    for use in uses:
        by_path.setdefault(use.directive.location.path, []).append(use)
    kept = []
    for finding in findings:
        if not _suppressed(finding, by_path.get(finding.location.path, ()), lookup_code):
            kept.append(finding)
    unused: list[tuple[Directive, str | None]] = []
    for use in uses:
        keys: list[str | None] = list(use.directive.rules) or [None]
        unused.extend((use.directive, key) for key in keys if (key or "*") not in use.used)
    return kept, unused


def _suppressed(finding: Finding, uses: Iterable[_Use], lookup_code: dict[str, str]) -> bool:
    hit = False
    for use in uses:
        directive = use.directive
        if directive.target_line is not None and directive.target_line != finding.location.line:
            continue
        if not directive.rules:
            use.used.add("*")
            hit = True
            continue
        for key in directive.rules:
            if lookup_code.get(key, lookup_code.get(key.upper())) == finding.code:
                use.used.add(key)
                hit = True
    return hit
