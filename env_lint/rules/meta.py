"""Rules about env-lint's own directives."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.context import Context
from ..model import Finding, Severity
from .base import Rule


def _reported_by_the_suppression_pass(ctx: Context) -> Iterator[Finding]:
    """Needs the other rules' findings: ``engine.run_rules`` reports it after they ran."""
    return iter(())


def _reported_by_the_baseline_pass(ctx: Context) -> Iterator[Finding]:
    """Needs the baseline file: ``baseline.apply`` reports it."""
    return iter(())


STALE_BASELINE_ENTRY = Rule(
    code="EL501",
    name="stale-baseline-entry",
    severity=Severity.INFO,
    summary="A baseline entry matches no finding any more.",
    what="With `--baseline FILE`, an entry of the baseline (rule, file, variable, value "
    "fingerprint) that no current finding matches: the finding was fixed, or the file or "
    "variable was renamed.",
    why="Stale entries would silently accept the same problem if it came back; a baseline "
    "should shrink as problems get fixed.",
    example='`{"rule": "secret-in-example", "path": ".env.example", "variable": "API_KEY", '
    '"fingerprint": "3f2a..."}` after the key was replaced by a placeholder.',
    fix="Delete the entry, or rewrite the baseline with `--write-baseline FILE`.",
    check=_reported_by_the_baseline_pass,
)

UNUSED_SUPPRESSION = Rule(
    code="EL500",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="An inline env-lint suppression suppresses nothing.",
    what="An `env-lint: ignore[...]` or `ignore-file[...]` comment names a rule that reports "
    "nothing on the line (or file) it covers, or names no known rule. Only rules that ran are "
    "judged: a suppression of a rule turned off with `--select`/`ignore` is left alone.",
    why="Stale suppressions hide the next real finding on that line and make readers think "
    "there is a problem where there is none.",
    example="```dotenv\n# env-lint: ignore[unused-example-var]\nAPI_URL=https://api.example.com"
    "   # read by src/api.ts, so nothing to ignore\n```",
    fix="Delete the comment, or correct the rule name in it.",
    check=_reported_by_the_suppression_pass,
)
