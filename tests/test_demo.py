"""The demo repo: every rule fires where planted and nowhere else."""

from __future__ import annotations

import jsonschema

from .conftest import DEMO, output_schema

EXPECTED_TEXT = """\
fixtures/t11-platform/docs/SECRETS.md:23:4: warning EL400 [default-mismatch] the default the docs state for `JOB_QUEUE_NAME` differs from the schema default "t11-jobs"
fixtures/t11-platform/docs/SECRETS.md:38:4: warning EL301 [stale-doc-var] `MAILGUN_API_KEY` is documented here but no example file or schema declares it and no code reads it
fixtures/t11-platform/docs/SECRETS.md:53:6: warning EL402 [requiredness-mismatch] the docs call `ENCRYPTION_KEY` optional, but the schema requires it (no default)
fixtures/t11-platform/env.production.example:28:1: warning EL402 [requiredness-mismatch] `OPENROUTER_API_KEY` is marked optional in the example file, but the schema requires it (no default)
fixtures/t11-platform/env.production.example:38:1: error EL401 [invalid-example-value] the example value of `LOG_LEVEL` is not one of the schema's choices: debug, info, warn, error (z.enum([...]))
fixtures/t11-platform/env.production.example:48:1: error EL100 [parse-error] cannot parse `env.production.example`: unterminated quoted value
fixtures/t11-platform/env.production.example:50:1: warning EL102 [duplicate-key] `SMTP_HOST` is listed twice in `env.production.example` (first on line 45); the last value wins
fixtures/t11-platform/env.production.example:51:1: error EL101 [invalid-key] `MAIL.REPLY_TO` is not a valid variable name: use letters, digits and `_`, not starting with a digit
fixtures/t11-platform/env.production.example:59:1: warning EL201 [unused-example-var] `LEGACY_WEBHOOK_URL` is listed in `env.production.example` but no schema declares it and no code reads it
fixtures/t11-platform/services/worker/src/lib/env.ts:11:3: error EL203 [schema-key-not-wired] `UPSTASH_REDIS_REST_TOKEN` is declared in the schema but the explicit parse() map never passes `process.env.UPSTASH_REDIS_REST_TOKEN`, so it is always undefined
fixtures/t11-platform/services/worker/src/lib/env.ts:17:3: error EL200 [missing-from-example] `WORKER_HEALTHCHECK_TOKEN` is declared in the schema but missing from `env.production.example`; it is required with no default
fixtures/t11-platform/src/app/api/kommo/webhook/route.ts:13:48: error EL202 [undeclared-usage] `KOMMO_CLIENT_ID` is read here with no fallback but no example file, schema or doc declares it
fixtures/t11-platform/src/lib/redis.ts:3:4: warning EL500 [unused-suppression] the suppression of `undeclared-usage` matches no finding
Found 6 errors, 7 warnings (17 files checked).
"""

# (rule, severity, variable, path, line): the planted drift, one row per finding. Rows marked
# PEDANTIC come from rules that are off by default (what is incomplete rather than wrong).
PEDANTIC = {
    ("undocumented-var", "warning", "JOB_CONCURRENCY", "env.production.example", 36),
    ("example-differs-from-default", "warning", "JOB_MAX_ATTEMPTS", "env.production.example", 37),
    ("missing-optional-from-example", "warning", "JOB_TIMEOUT_MS", "services/worker/src/lib/env.ts", 15),
}
PLANTED = [
    ("default-mismatch", "warning", "JOB_QUEUE_NAME", "docs/SECRETS.md", 23),
    ("stale-doc-var", "warning", "MAILGUN_API_KEY", "docs/SECRETS.md", 38),
    ("requiredness-mismatch", "warning", "ENCRYPTION_KEY", "docs/SECRETS.md", 53),
    ("requiredness-mismatch", "warning", "OPENROUTER_API_KEY", "env.production.example", 28),
    ("undocumented-var", "warning", "JOB_CONCURRENCY", "env.production.example", 36),
    ("example-differs-from-default", "warning", "JOB_MAX_ATTEMPTS", "env.production.example", 37),
    ("invalid-example-value", "error", "LOG_LEVEL", "env.production.example", 38),
    ("parse-error", "error", None, "env.production.example", 48),
    ("duplicate-key", "warning", "SMTP_HOST", "env.production.example", 50),
    ("invalid-key", "error", "MAIL.REPLY_TO", "env.production.example", 51),
    ("unused-example-var", "warning", "LEGACY_WEBHOOK_URL", "env.production.example", 59),
    ("schema-key-not-wired", "error", "UPSTASH_REDIS_REST_TOKEN", "services/worker/src/lib/env.ts", 11),
    ("missing-optional-from-example", "warning", "JOB_TIMEOUT_MS", "services/worker/src/lib/env.ts", 15),
    ("missing-from-example", "error", "WORKER_HEALTHCHECK_TOKEN", "services/worker/src/lib/env.ts", 17),
    ("undeclared-usage", "error", "KOMMO_CLIENT_ID", "src/app/api/kommo/webhook/route.ts", 13),
    ("unused-suppression", "warning", None, "src/lib/redis.ts", 3),
]


def test_demo_text_output_is_exact(run):
    result = run(DEMO)
    assert result.out == EXPECTED_TEXT
    assert result.err == ""
    assert result.code == 1


def rows_of(document):
    return [(f["rule"], f["severity"], f["variable"], f["path"], f["line"]) for f in document["findings"]]


def test_demo_json_lists_exactly_the_planted_drift(run_in):
    result = run_in(DEMO, "--format", "json")
    document = result.json()
    jsonschema.validate(document, output_schema())
    assert rows_of(document) == [row for row in PLANTED if row not in PEDANTIC]
    assert document["summary"] == {"errors": 6, "warnings": 7, "infos": 0, "files_checked": 17}
    assert document["tool"]["name"] == "env-lint"
    assert result.code == 1


def test_every_rule_finds_the_planted_drift(run_in):
    """With every rule on, the off-by-default ones find their planted drift too."""
    result = run_in(DEMO, "--format", "json", "--select", "ALL")
    document = result.json()
    assert rows_of(document) == PLANTED
    assert document["summary"] == {"errors": 6, "warnings": 10, "infos": 0, "files_checked": 17}


DRIFT_RULES = {
    "parse-error", "invalid-key", "duplicate-key", "missing-from-example", "unused-example-var",
    "undeclared-usage", "schema-key-not-wired", "undocumented-var", "stale-doc-var",
    "default-mismatch", "invalid-example-value", "requiredness-mismatch", "unused-suppression",
    "missing-optional-from-example", "example-differs-from-default",
}


def test_demo_exercises_every_drift_rule():
    from env_lint.rules import RULES

    assert {rule.name for rule in RULES} >= DRIFT_RULES
    assert {row[0] for row in PLANTED} == DRIFT_RULES


def test_related_locations_point_at_the_schema(run, run_in):
    document = run_in(DEMO, "--format", "json", "--select", "ALL").json()
    by_var = {f["variable"]: f for f in document["findings"]}
    assert by_var["JOB_MAX_ATTEMPTS"]["related"] == [
        {
            "path": "services/worker/src/lib/env.ts",
            "line": 14,
            "column": 3,
            "note": "schema default 3",
        }
    ]
    assert by_var["SMTP_HOST"]["related"][0]["line"] == 45

