"""Project -> findings: run the selected rules, apply suppressions, drop ignored variables, sort."""

from __future__ import annotations

from fnmatch import fnmatchcase

from .config import Config
from .model import Directive, Finding, Project
from .rules import BY_KEY, PEDANTIC, RULES, UNUSED_SUPPRESSION, Context, Rule, lookup
from .suppressions import apply


def selected_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """The rules a run uses: the default ones, or those ``select`` names (names, codes, the
    ``pedantic`` group of off-by-default rules, ``ALL``), minus those ``ignore`` names."""
    if not select:
        chosen = [r for r in RULES if r.default]
    else:
        chosen = [r for r in RULES if _named(r, select)]
    return [r for r in chosen if not _named(r, ignore)]


def _named(rule: Rule, keys: tuple[str, ...]) -> bool:
    return any(
        key == "ALL" or (key == PEDANTIC and not rule.default) or lookup(key) is rule
        for key in keys
    )


def run_rules(project: Project, config: Config) -> list[Finding]:
    ctx = Context(project)
    ran = selected_rules(config.select, config.ignore)
    findings: set[Finding] = set()
    for rule in ran:
        findings.update(f for f in rule.check(ctx) if not _ignored_variable(f, config))
    lookup_code = {key: rule.code for key, rule in BY_KEY.items()}
    kept, unused = apply(findings, project.directives, lookup_code)
    if UNUSED_SUPPRESSION in ran:
        ran_codes = {rule.code for rule in ran}
        for directive, key in unused:
            finding = _unused(directive, key, ran_codes)
            if finding is not None:
                kept.append(finding)
    return sorted(kept, key=Finding.sort_key)


def _unused(directive: Directive, key: str | None, ran_codes: set[str]) -> Finding | None:
    if key is None:
        message = "this env-lint suppression matches no finding"
    else:
        rule = lookup(key)
        if rule is None:
            message = f"`{key}` is not an env-lint rule name or code"
        elif rule.code not in ran_codes:
            return None  # the rule did not run: nothing to judge
        else:
            message = f"the suppression of `{rule.name}` matches no finding"
    return UNUSED_SUPPRESSION.finding(directive.location, message)


def _ignored_variable(finding: Finding, config: Config) -> bool:
    if finding.variable is None:
        return False
    for key, patterns in config.ignore_variables:
        if key != "*" and lookup(key) is not lookup(finding.rule):
            continue
        if any(fnmatchcase(finding.variable, p) for p in patterns):
            return True
    return False
