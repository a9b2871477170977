"""Project -> findings: run the selected rules, drop ignored variables, sort."""

from __future__ import annotations

from fnmatch import fnmatchcase

from .config import Config
from .model import Finding, Project
from .rules import RULES, Context, Rule, lookup


def selected_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    chosen = [r for r in RULES if not select or "ALL" in select or _named(r, select)]
    return [r for r in chosen if not _named(r, ignore)]


def _named(rule: Rule, keys: tuple[str, ...]) -> bool:
    return any(lookup(key) is rule for key in keys)


def run_rules(project: Project, config: Config) -> list[Finding]:
    ctx = Context(project)
    findings: set[Finding] = set()
    for rule in selected_rules(config.select, config.ignore):
        findings.update(f for f in rule.check(ctx) if not _ignored_variable(f, config))
    return sorted(findings, key=Finding.sort_key)


def _ignored_variable(finding: Finding, config: Config) -> bool:
    if finding.variable is None:
        return False
    for key, patterns in config.ignore_variables:
        if key != "*" and lookup(key) is not lookup(finding.rule):
            continue
        if any(fnmatchcase(finding.variable, p) for p in patterns):
            return True
    return False
