"""Project -> findings: run the selected rules, apply suppressions, drop ignored variables, fold
what several rules say about one variable at one place into one finding, sort."""

from __future__ import annotations

from dataclasses import replace
from fnmatch import fnmatchcase

from .config import Config, code_prefix
from .model import Crash, Directive, Finding, Location, Project, Related, Severity
from .rules import BY_KEY, PEDANTIC, RULES, UNUSED_SUPPRESSION, Context, Rule, lookup
from .suppressions import apply


def selected_rules(
    select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...] = ()
) -> list[Rule]:
    """The rules a run uses: those ``select`` names (names, codes, code prefixes such as
    ``EL2``, the ``pedantic`` group of off-by-default rules, ``ALL``) or else the ones on by
    default, plus those ``extend_select`` names, minus those ``ignore`` names (ignore wins)."""
    chosen = [
        r for r in RULES if (_named(r, select) if select else r.default) or _named(r, extend_select)
    ]
    return [r for r in chosen if not _named(r, ignore)]


def _named(rule: Rule, keys: tuple[str, ...]) -> bool:
    """A name or code of the rule, a code prefix (``EL2``, ``EL20``) of its code, the
    ``pedantic`` group (every off-by-default rule) or ``ALL``."""
    for key in keys:
        if key == "ALL" or (key == PEDANTIC and not rule.default) or lookup(key) is rule:
            return True
        prefix = code_prefix(key)
        if prefix is not None and rule.code.startswith(prefix):
            return True
    return False


def run_rules(
    project: Project, config: Config, crashes: list[Crash] | None = None
) -> list[Finding]:
    """With ``crashes``, a rule that fails (a bug) is recorded there and the other rules still
    run; without it, the error propagates."""
    ctx = Context(project)
    ran = selected_rules(config.select, config.ignore, config.extend_select)
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
    return sorted(fold_same_place(kept), key=Finding.sort_key)


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def fold_same_place(findings: list[Finding]) -> list[Finding]:
    """One finding per variable and place: when several rules report the same variable at the
    same location, the most severe one (then the lowest code) stays, with the others as related
    notes."""
    groups: dict[tuple[Location, str], list[Finding]] = {}
    alone: list[Finding] = []
    for finding in findings:
        if finding.variable is None:
            alone.append(finding)
        else:
            groups.setdefault((finding.location, finding.variable), []).append(finding)
    for group in groups.values():
        first, *others = sorted(group, key=lambda f: (_RANK[f.severity], f.code, f.sort_key()))
        notes = tuple(Related(o.location, f"also {o.rule}: {o.message}") for o in others)
        alone.append(replace(first, related=first.related + notes) if notes else first)
    return alone


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
    rule = lookup(finding.rule)
    for key, patterns in config.ignore_variables:
        if key != "*" and (rule is None or not _named(rule, (key,))):
            continue
        if any(fnmatchcase(finding.variable, p) for p in patterns):
            return True
    return False
