"""Every rule has a fixture repo that triggers it and one that does not."""

from __future__ import annotations

import pytest

from env_lint.rules import RULES

from .conftest import FIXTURES, ROOT

RULE_FIXTURES = FIXTURES / "rules"

FIRES = {
    "parse-error": [
        ".env.example:2:1: error EL100 [parse-error] cannot parse `.env.example`: unterminated quoted value",
    ],
    "invalid-key": [
        ".env.example:2:1: error EL101 [invalid-key] `api-token` is not a valid variable name: use letters, digits and `_`, not starting with a digit",
    ],
    "duplicate-key": [
        ".env.example:3:1: warning EL102 [duplicate-key] `API_URL` is listed twice in `.env.example` (first on line 1); the last value wins",
    ],
    "missing-from-example": [
        "src/env.ts:5:3: error EL200 [missing-from-example] `API_TOKEN` is declared in the schema but missing from `.env.example`; it is required with no default",
    ],
    "unused-example-var": [
        ".env.example:2:1: warning EL201 [unused-example-var] `OLD_FLAG` is listed in `.env.example` but no schema declares it and no code reads it",
    ],
    "undeclared-usage": [
        "src/api.ts:2:34: error EL202 [undeclared-usage] `API_TOKEN` is read here with no fallback but no example file, schema or doc declares it",
    ],
    "schema-key-not-wired": [
        "src/env.ts:5:3: error EL203 [schema-key-not-wired] `API_TOKEN` is declared in the schema but the explicit parse() map never passes `process.env.API_TOKEN`, so it is always undefined",
    ],
    "undocumented-var": [
        ".env.example:2:1: warning EL300 [undocumented-var] `API_TOKEN` is declared here but never mentioned in the docs (`docs/ENV.md`)",
    ],
    "stale-doc-var": [
        "README.md:4:1: warning EL301 [stale-doc-var] `SHOP_GONE_KEY` is documented here but no example file or schema declares it and no code reads it",
        "docs/ENV.md:6:4: warning EL301 [stale-doc-var] `MAILGUN_API_KEY` is documented here but no example file or schema declares it and no code reads it",
        "docs/guides/local-webhooks.md:5:1: warning EL301 [stale-doc-var] `SHOP_OLD_TOKEN` is documented here but no example file or schema declares it and no code reads it",
    ],
    "default-mismatch": [
        "docs/ENV.md:3:4: warning EL400 [default-mismatch] the default the docs state for `PORT` differs from the schema default 3000",
    ],
    "example-differs-from-default": [
        ".env.example:1:1: warning EL403 [example-differs-from-default] the example value of `PORT` differs from the schema default 3000",
    ],
    "missing-optional-from-example": [
        "src/env.ts:5:3: warning EL208 [missing-optional-from-example] `TIMEOUT_MS` is declared in the schema but missing from `.env.example`; it has a default",
        "src/env.ts:6:3: warning EL208 [missing-optional-from-example] `SENTRY_DSN` is declared in the schema but missing from `.env.example`; it is optional",
    ],
    "invalid-example-value": [
        ".env.example:1:1: error EL401 [invalid-example-value] the example value of `LOG_LEVEL` is not one of the schema's choices: debug, info (z.enum([...]))",
        ".env.example:2:1: error EL401 [invalid-example-value] the example value of `WORKERS` is not a number (z.coerce.number())",
    ],
    "requiredness-mismatch": [
        ".env.example:2:1: warning EL402 [requiredness-mismatch] `API_URL` is marked optional in the example file, but the schema requires it (no default)",
        ".env.example:3:3: warning EL402 [requiredness-mismatch] `API_TOKEN` is commented out (optional) in the example file, but the schema requires it (no default)",
    ],
    "secret-in-example": [
        ".env.example:2:1: error EL600 [secret-in-example] `SESSION_SIGNING` in `.env.example` looks like a real credential (high-entropy value on a secret variable; fingerprint acc7040df6af): replace it with a placeholder and rotate it",
        ".env.example:3:1: error EL600 [secret-in-example] `DATABASE_URL` in `.env.example` looks like a real credential (URL with an embedded password; fingerprint 4ce06780c1a0): replace it with a placeholder and rotate it",
    ],
    "public-secret": [
        ".env.example:2:1: error EL601 [public-secret] `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY` is exposed to the browser by the `NEXT_PUBLIC_` prefix, but its name says it is secret",
        ".env.example:4:1: error EL601 [public-secret] `VITE_WEBHOOK_TOKEN` is exposed to the browser by the `VITE_` prefix, but the example file or docs call it secret",
    ],
    "committed-env-file": [
        ".env.production:2:1: error EL602 [committed-env-file] `.env.production` is tracked by git and holds what look like real credentials (`SESSION_SECRET`; high-entropy value on a secret variable): remove it from the index (`git rm --cached`), add it to `.gitignore`, and rotate them",
    ],
    "stale-baseline-entry": [
        "baseline.json:5:1: info EL501 [stale-baseline-entry] baseline entry for duplicate-key `API_URL` in `.env.example` matches no finding any more; remove it (or rewrite the baseline with --write-baseline)",
    ],
    "target-mismatch": [
        "docs/ENV.md:3:4: warning EL700 [target-mismatch] the docs put `UPSTASH_REDIS_REST_URL` on railway only, but service `web` deployed on vercel needs it",
        "docs/ENV.md:4:4: warning EL700 [target-mismatch] the docs put `JOB_QUEUE_NAME` on vercel, but no service deployed there (`web`) reads or declares it",
    ],
    "missing-on-target": [
        "src/api.ts:1:31: error EL701 [missing-on-target] `API_TOKEN` is needed by `web` on vercel, but the vercel snapshot (`vercel-env.txt`) does not have it",
    ],
    "unexpected-on-target": [
        "vercel-env.json:4:1: warning EL702 [unexpected-on-target] `MAILGUN_API_KEY` is set on vercel, but no service deployed there (`web`) needs it or declares it optional",
    ],
    "missing-in-manifest": [
        "docker-compose.yml:2:3: error EL703 [missing-in-manifest] `API_TOKEN` is required by `api` (no default), but compose `api` (`docker-compose.yml`) does not provide it",
    ],
    "unused-in-manifest": [
        "docker-compose.yml:6:7: warning EL704 [unused-in-manifest] compose `api` sets `OLD_FLAG`, but `api` never declares or reads it",
    ],
    "manifest-default-mismatch": [
        "docker-compose.yml:5:7: warning EL705 [manifest-default-mismatch] the `${...:-default}` compose `api` gives `LOG_LEVEL` differs from the schema default \"info\" of `api`",
    ],
    "runtime-env-mismatch": [
        "src/env.ts:6:5: error EL204 [runtime-env-mismatch] `DATABASE_URL` is declared in `server` but not passed in `runtimeEnv`, so it is always undefined",
        "src/env.ts:13:5: error EL204 [runtime-env-mismatch] `LEGACY_ID` is passed in `runtimeEnv` but declared in no server / client / shared section",
    ],
    "client-prefix": [
        "src/env.ts:5:13: error EL205 [client-prefix] `NEXT_PUBLIC_DATABASE_HOST` is a `server` variable with the public `NEXT_PUBLIC_` prefix: it ships to the browser",
        "src/env.ts:6:13: error EL205 [client-prefix] `APP_URL` is a `client` variable without the `NEXT_PUBLIC_` prefix: the bundler will not expose it",
    ],
    "turbo-undeclared": [
        "apps/api/src/db.ts:1:60: warning EL206 [turbo-undeclared] `REDIS_URL` is required by `api` but `turbo.json` lists it in no env / globalEnv / passThroughEnv: turbo's strict env mode removes it from the task",
    ],
    "unread-schema-var": [
        "src/env.ts:7:5: warning EL207 [unread-schema-var] `LEGACY_SMTP_URL` is declared in the schema but no code reads it",
    ],
    "unrecognized-schema": [
        "src/env.ts:3:20: info EL103 [unrecognized-schema] env-lint cannot read this: a schema parsed from process.env that env-lint cannot read",
    ],
    "unused-suppression": [
        ".env.example:1:3: warning EL500 [unused-suppression] the suppression of `duplicate-key` matches no finding",
        ".env.example:3:14: warning EL500 [unused-suppression] `no-such-rule` is not an env-lint rule name or code",
    ],
}


def args(repo) -> list[object]:
    """A fixture with a baseline.json is checked against it (stale-baseline-entry)."""
    baseline = repo / "baseline.json"
    return [repo, "--baseline", baseline.relative_to(ROOT)] if baseline.exists() else [repo]


def lines_of(run, repo, rule, monkeypatch) -> list[str]:
    """Run from inside the fixture: paths are relative to the working directory, the root."""
    monkeypatch.chdir(repo)
    baseline = ["--baseline", "baseline.json"] if (repo / "baseline.json").exists() else []
    result = run(".", *baseline)
    assert result.err == ""
    return [line for line in result.out.splitlines() if f"[{rule}]" in line]


def test_every_rule_has_both_fixtures():
    assert set(FIRES) == {rule.name for rule in RULES}
    for rule in RULES:
        assert (RULE_FIXTURES / rule.name / "fires").is_dir()
        assert (RULE_FIXTURES / rule.name / "silent").is_dir()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_fires(run, rule, monkeypatch):
    lines = lines_of(run, RULE_FIXTURES / rule.name / "fires", rule.name, monkeypatch)
    assert lines == FIRES[rule.name]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_silent(run, rule):
    result = run(*args(RULE_FIXTURES / rule.name / "silent"))
    assert result.code == 0
    assert result.out.startswith("No problems found")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_fixture_fires_nothing_else(run, rule):
    result = run(*args(RULE_FIXTURES / rule.name / "fires"))
    findings = [line for line in result.out.splitlines()[:-1]]
    assert all(f"[{rule.name}]" in line for line in findings)


@pytest.mark.parametrize("rule", ["runtime-env-mismatch", "client-prefix", "schema-key-not-wired"])
def test_a_test_suites_schema_is_broken_on_purpose(run_in, tmp_path, rule):
    """The same schema under ``test/`` (a library's test suite, building schemas with made-up
    values to see them fail) is not checked for its wiring."""
    from .conftest import copy_fixture

    repo = copy_fixture(RULE_FIXTURES / rule / "fires", tmp_path / "repo")
    (repo / "src").rename(repo / "test")
    assert run_in(repo, "--select", rule).out.startswith("No problems found")
