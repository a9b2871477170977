"""``env-lint explain VAR``: what every source says about one variable, with locations, and the
findings about it; never a value."""

from __future__ import annotations

from .conftest import DEMO, write_repo

OPENROUTER = """\
`OPENROUTER_API_KEY`
  example files:
    env.production.example:28:1: listed in `env.production.example`, marked optional
  schemas:
    services/worker/src/lib/env.ts:9:3: zod schema in `services/worker/src/lib/env.ts`: required, no default
  docs:
    docs/SECRETS.md:21:4: described (table), required, targets: railway, vercel
    docs/SECRETS.md:49:6: described (heading), secret, targets: railway, vercel
  code:
    services/worker/src/lib/env.ts:27:35: read with no fallback: the code needs it
    src/lib/ai.ts:4:53: read with no fallback: the code needs it
  findings:
    env.production.example:28:1: warning EL402 [requiredness-mismatch] `OPENROUTER_API_KEY` is marked optional in the example file, but the schema requires it (no default)
"""


def explain_in(run, monkeypatch, root, name):
    monkeypatch.chdir(root)
    return run("explain", name, ".")


def test_every_source_and_the_findings(run, monkeypatch):
    result = explain_in(run, monkeypatch, DEMO, "OPENROUTER_API_KEY")
    assert (result.code, result.out, result.err) == (0, OPENROUTER, "")


def test_libraries_and_deploy_manifests_that_provide_it(run, monkeypatch, tmp_path):
    write_repo(tmp_path, {
        ".env.example": "REDIS_URL=\nUPSTASH_REDIS_REST_TOKEN=sk-not-shown-123456\n",
        "package.json": '{"dependencies": {"@upstash/redis": "1"}}',
        "src/cache.ts": "export const u = process.env.REDIS_URL ?? 'redis://localhost';\n",
        "render.yaml": "services:\n  - type: web\n    name: api\n    envVars:\n      - key: REDIS_URL\n        fromService: {type: redis, name: cache, property: connectionString}\n",
    })
    redis = explain_in(run, monkeypatch, tmp_path, "REDIS_URL").out
    assert "    src/cache.ts:1:30: read with a fallback\n" in redis
    assert "  deploy targets:\n    render.yaml:5:14: render `api` provides it: reference (runs " in redis
    assert "    set by the platform when attached: fly, heroku, railway\n" in redis
    token = explain_in(run, monkeypatch, tmp_path, "UPSTASH_REDIS_REST_TOKEN").out
    assert "    package.json:1:1: read by `@upstash/redis` itself\n" in token
    assert "sk-not-shown" not in token


def test_an_unknown_variable_exits_1_and_a_non_name_exits_2(run, monkeypatch):
    unknown = explain_in(run, monkeypatch, DEMO, "NOT_IN_THE_DEMO")
    assert (unknown.code, unknown.out) == (1, "`NOT_IN_THE_DEMO`: no example file, schema, doc, code or deploy config names it\n")
    bad = explain_in(run, monkeypatch, DEMO, "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dcQ")
    assert bad.code == 2 and "4eC39Hq" not in bad.err + bad.out


def test_class_schemas_and_reads_through_an_imported_environment(run, monkeypatch):
    from .conftest import FIXTURES

    root = FIXTURES / "styles" / "class-config"
    result = explain_in(run, monkeypatch, root, "CACHE_URL")
    assert result.out.splitlines()[:3] == [
        "`CACHE_URL`",
        "  schemas:",
        "    src/env.ts:11:17: class-validator schema in `src/env.ts`: optional, with a default",
    ]
    flag = explain_in(run, monkeypatch, root, "FEATURE_FLAG").out
    assert "src/app.ts:5:33: read through an imported environment a call wraps" in flag
