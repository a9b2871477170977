"""Project -> findings: run the selected rules, apply suppressions, drop ignored variables, sort."""

from __future__ import annotations

from fnmatch import fnmatchcase

from .config import Config
from .model import Crash, Directive, Finding, Project
from .rules import BY_KEY, RULES, UNUSED_SUPPRESSION, Context, Rule, lookup
from .suppressions import apply


def selected_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    chosen = [r for r in RULES if not select or "ALL" in select or _named(r, select)]
    return [r for r in chosen if not _named(r, ignore)]


def _named(rule: Rule, keys: tuple[str, ...]) -> bool:
    return any(lookup(key) is rule for key in keys)


def run_rules(
    project: Project, config: Config, crashes: list[Crash] | None = None
) -> list[Finding]:
    """With ``crashes``, a rule that fails (a bug) is recorded there and the other rules still
    run; without it, the error propagates."""
    ctx = Context(project)
    ran = selected_rules(config.select, config.ignore)
    findings: set[Finding] = set()
    for rule in ran:
        try:
            found = [f for f in rule.check(ctx) if not _ignored_variable(f, config)]
        except Exception as exc:
            if crashes is None:
                raise
            from .project.collect import crash

            crashes.append(crash(f"rule {rule.name}", exc))
            continue
        findings.update(found)
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
