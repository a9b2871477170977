"""Three services (t3-env Next.js app, zod worker, pydantic-settings Python service) and a
turbo.json: every new rule fires where planted, every trap stays silent."""

from __future__ import annotations

import subprocess
import sys

from .conftest import FIXTURES, ROOT, write_repo

MONOREPO = FIXTURES / "turbo-monorepo"

EXPECTED = """\
apps/web/src/env.ts:12:5: error EL205 [client-prefix] `API_URL` is a `client` variable without the `NEXT_PUBLIC_` prefix: the bundler will not expose it
apps/web/src/env.ts:20:5: error EL204 [runtime-env-mismatch] `OLD_ANALYTICS_ID` is passed in `runtimeEnv` but declared in no server / client / shared section
apps/web/src/env/server.ts:6:3: error EL204 [runtime-env-mismatch] `STRIPE_SECRET_KEY` is declared in `server` but not passed in `runtimeEnv`, so it is always undefined
apps/web/src/lib/flags.ts:3:22: info EL103 [unrecognized-schema] env-lint cannot read this: a schema parsed from process.env that env-lint cannot read
services/worker/src/env.ts:9:5: warning EL206 [turbo-undeclared] `WORKER_QUEUE_TOKEN` is required by `worker` but `turbo.json` lists it in no env / globalEnv / passThroughEnv: turbo's strict env mode removes it from the task
Found 3 errors, 1 warning, 1 info (19 files checked).
"""


def test_exact_findings(run_in):
    result = run_in(MONOREPO)
    assert result.out == EXPECTED
    assert result.code == 1


def test_traps_are_silent(run):
    """Dynamic names (BUCKET_*), library-implicit variables (DIRECT_URL via Prisma,
    SENTRY_AUTH_TOKEN via @sentry/nextjs), an accessor (env("FEATURE_FLAGS_URL")), weak reads
    (CI_DEPLOY_HOOK in a workflow, REDIS_URL in docker-compose), a conditionally required
    variable (QUEUE_URL: never required by default, a warning of the optional rule) and a
    Python settings class."""
    out = run(MONOREPO, "--format", "json").json()
    flagged = {f["variable"] for f in out["findings"]}
    for trap in ("BUCKET_EU", "BUCKET_US", "DIRECT_URL", "SENTRY_AUTH_TOKEN", "FEATURE_FLAGS_URL",
                 "CI_DEPLOY_HOOK", "REDIS_URL", "BILLING_STRIPE_API_KEY", "BILLING_REGION", "NODE_ENV",
                 "QUEUE_URL"):
        assert trap not in flagged, trap
    every = run(MONOREPO, "--format", "json", "--select", "ALL").json()
    queue = next(f for f in every["findings"] if f["variable"] == "QUEUE_URL")
    assert (queue["rule"], queue["severity"]) == ("missing-optional-from-example", "warning")


def test_user_code_is_never_imported_or_run():
    """billing/settings.py imports a missing module, prints and exits at import time."""
    script = "\n".join(
        [
            "from env_lint.cli import main",
            f"code = main([{str(MONOREPO)!r}, '--format', 'json'])",
            "print('EXIT', code)",
        ]
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert "EXECUTED-USER-CODE" not in done.stdout + done.stderr
    assert done.stdout.strip().endswith("EXIT 1")


def test_turbo_loose_mode_and_negation(run, tmp_path):
    files = {
        "package.json": '{"name": "api", "scripts": {"build": "turbo run build"}, "devDependencies": {"turbo": "^2"}}',
        ".env.example": "SENTRY_DEBUG=\nSENTRY_ORG=\n",
        "src/a.ts": "process.env.SENTRY_DEBUG; process.env.SENTRY_ORG;\n",
        "turbo.json": '{"tasks": {"build": {"env": ["SENTRY_*", "!SENTRY_DEBUG"]}}}',
    }
    write_repo(tmp_path, files)
    out = run(tmp_path, "--extend-select", "turbo-undeclared").out
    assert "`SENTRY_DEBUG` is required by `api`" in out and "`SENTRY_ORG` is required" not in out
    (tmp_path / "turbo.json").write_text('{"envMode": "loose", "tasks": {}}')
    assert run(tmp_path, "--extend-select", "turbo-undeclared").out.startswith("No problems found")


def test_broken_json_schema_is_a_finding(run_in, tmp_path):
    write_repo(tmp_path, {
        "env.schema.json": '{"type": "object", "properties": {"A_B": {"type": "strnig"}}}',
        "other.env.schema.json": "{not json",
        ".env.example": "A_B=\n",
    })
    out = run_in(tmp_path).out
    assert "env.schema.json:1:1: error EL100 [parse-error] cannot parse `env.schema.json`: not a valid JSON Schema: properties/A_B/type:" in out
    assert "other.env.schema.json:1:2: error EL100 [parse-error] cannot parse `other.env.schema.json`: invalid JSON" in out


def test_python_syntax_error_in_settings_is_reported(run_in, tmp_path):
    write_repo(tmp_path, {
        "app/settings.py": "from pydantic_settings import BaseSettings\nclass S(BaseSettings:\n    a: str\n",
        "app/other.py": "import os\nx = os.environ['A_B'\n",
        ".env.example": "A_B=\n",
    })
    out = run_in(tmp_path).out
    assert "app/settings.py:2:1: error EL100 [parse-error] cannot parse `app/settings.py`: Python syntax error" in out
    assert "other.py" not in out  # a plain module with a syntax error is the compiler's business


def test_another_apps_example_file_does_not_speak_for_a_schema(run, tmp_path):
    """With no example file on the way up from a schema, only its own package's count: the web
    app's `.env.example` lists the web app's variables, not the API's."""
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["apps/*"]}',
        "apps/web/package.json": '{"name": "web"}',
        "apps/web/.env.example": "PUBLIC_SITE_URL=https://example.com\n",
        "apps/web/src/site.ts": "export const site = process.env.PUBLIC_SITE_URL;\n",
        "apps/api/package.json": '{"name": "api"}',
        "apps/api/src/env.ts": (
            'import { z } from "zod";\n'
            "export const env = z.object({ API_SIGNING_KEY: z.string() }).parse(process.env);\n"
            "export const key = env.API_SIGNING_KEY;\n"
        ),
    }
    write_repo(tmp_path, files)
    assert "[missing-from-example]" not in run(tmp_path, "--no-cache").out
    (tmp_path / "apps" / "api" / ".env.example").write_text("API_OTHER=\n")
    assert "`API_SIGNING_KEY` is declared in the schema but missing" in run(tmp_path, "--no-cache").out


def test_a_shared_example_file_outside_every_package_still_covers_a_schema(run, tmp_path):
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["apps/*"]}',
        "apps/api/package.json": '{"name": "api"}',
        "apps/api/src/env.ts": (
            'import { z } from "zod";\n'
            "export const env = z.object({ API_SIGNING_KEY: z.string() }).parse(process.env);\n"
            "export const key = env.API_SIGNING_KEY;\n"
        ),
        "deploy/.env.example": "API_OTHER=\n",
    }
    write_repo(tmp_path, files)
    assert "`API_SIGNING_KEY` is declared in the schema but missing from `deploy/.env.example`" in run(tmp_path, "--no-cache").out
