"""What env-lint reads in real-world shapes of code: schemas behind wrappers, helpers and other
modules; every way code names a variable, and how each read is used."""

from __future__ import annotations

import json

import pytest

from env_lint.config import Config
from env_lint.project import build_project

from .conftest import FIXTURES, write_repo

MODULES = FIXTURES / "styles" / "zod-modules"
READS = FIXTURES / "styles" / "reads-patterns"


def schema_vars(root) -> dict[str, tuple[str, str | None, bool, bool, bool]]:
    """name -> (schema file, schema key when renamed, required, known, conditional)."""
    project = build_project(str(root), Config())
    return {
        v.name: (s.path, v.key, v.required, v.known, v.conditional)
        for s in project.schemas
        for v in s.variables
    }


def test_schemas_through_modules_wrappers_and_helpers():
    found = schema_vars(MODULES)
    assert found == {
        # built in server-schema.ts, parsed in server.ts through a wrapper call (safeParse:
        # an optional group, so required keys are required in some configurations only)
        "DATABASE_URL": ("src/env/server.ts", None, True, True, True),
        "SESSION_SECRET": ("src/env/server.ts", None, True, True, True),  # function helper
        "WEBHOOK_URL": ("src/env/server.ts", None, False, True, False),  # arrow helper, optional
        "FEATURE_X": ("src/env/server.ts", None, False, True, False),  # helper with a default
        "OPAQUE_THING": ("src/env/server.ts", None, True, False, True),  # unknown, not "required"
        # schema and env map imported by client.ts; one key reads a variable of another name
        "NEXT_PUBLIC_API_URL": ("src/env/client.ts", None, True, True, False),
        "NEXT_PUBLIC_LOG_LVL": ("src/env/client.ts", "NEXT_PUBLIC_LOG_LEVEL", False, True, False),
    }


def test_a_parse_of_request_data_is_not_an_env_schema():
    assert all(path != "src/lib/form.ts" for path, *_ in schema_vars(MODULES).values())


def usages(root) -> dict[tuple[str, int], str]:
    project = build_project(str(root), Config())
    found = {}
    for u in project.usages:
        how = (
            "defaulted" if u.defaulted else "guarded" if u.guarded else "emptied" if u.emptied
            else "passed" if u.passed else "required"
        )
        found[(u.name, u.location.line)] = how
    return found


@pytest.mark.parametrize(
    ("name", "line", "how"),
    [
        ("API_TOKEN", 8, "required"),  # requireEnv("API_TOKEN"): an accessor this module defines
        ("STAGE", 9, "required"),
        ("SENTRY_DSN", 10, "guarded"),  # a ternary's condition
        ("ENABLE_BETA", 11, "guarded"),  # a flag comparison
        ("PORT_NUMBER", 12, "defaulted"),  # ?? "3000"
        ("CDN_HOST", 13, "emptied"),  # ?? "": unset becomes empty
        ("MAX_ITEMS", 14, "defaulted"),  # Number.parseInt(...) || 50
        ("SMTP_URL", 15, "guarded"),  # X && connect(X)
        ("QUEUE_URL", 17, "required"),  # a literal list passed to process.env[key], then throw
        ("QUEUE_TOKEN", 17, "required"),
        ("LOG_FORMAT", 20, "passed"),  # ["A", "B"].forEach((name) => log(process.env[name]))
        ("DATABASE_URL", 23, "required"),  # const env = process.env; env.DATABASE_URL
        ("EDGE_CACHE_URL", 32, "guarded"),  # hasX ? process.env.X : d, hasX = !!process.env.X
        ("TRACING_ENABLED", 33, "passed"),  # console.log({ x: process.env.X }): only printed
        ("REGION_NAME", 33, "passed"),
        ("PARTNER_CLIENT_ID", 34, "required"),  # an object the code sends: it needs a value
        ("PRICE_MONTHLY_ID", 35, "guarded"),  # [A, B].filter(Boolean): unset ones dropped
        ("PRICE_YEARLY_ID", 35, "guarded"),
        ("MIRROR_HOST", 36, "guarded"),  # .filter((h) => h)
        ("TOPIC_COMPRESSION", 38, "guarded"),  # switch (X) { case "a": ... }: compared
        ("FACTORY_DB_URL", 45, "passed"),  # () => ({ db: { url: X } }): the consumer decides
        ("PLAN_MONTHLY_ID", 3, "required"),  # export const PLAN_MONTHLY_ID = process.env.X!
        ("PLAN_MONTHLY_ID", 8, "guarded"),  # imported elsewhere: [A, B].filter(Boolean)
        ("PLAN_ANNUAL_ID", 8, "guarded"),
        ("PLAN_TRIAL_DAYS", 10, "guarded"),  # imported under another name: TRIAL ? ... : 0
        ("SECRET_KEY", 8, "required"),  # python-decouple config() with no default
        ("TIMEOUT", 9, "defaulted"),  # config(..., default=30)
        ("DEBUG", 6, "defaulted"),  # django-environ: environ.Env(DEBUG=(bool, False))
        ("CACHE_URL", 7, "required"),  # env.cache("CACHE_URL")
        ("BROKER_URL", 12, "guarded"),  # Starlette Config(..., default=None)
        ("FEATURE_FLAG", 21, "defaulted"),  # get_bool(): an accessor that falls back itself
        ("AWS_BUCKET", 22, "required"),  # for var in ("A", "B"): os.environ[var]
        ("SITE_URL", 34, "guarded"),  # a helper that reads only `if name in os.environ`
    ],
)
def test_how_each_read_is_used(name, line, how):
    assert usages(READS)[(name, line)] == how


def test_the_object_vite_loads_is_the_environment(tmp_path):
    write_repo(tmp_path, {
        "vite.config.ts": 'import { defineConfig, loadEnv } from "vite";\n'
        "export default defineConfig(({ mode }) => {\n"
        '  const env = loadEnv(mode, process.cwd(), "");\n'
        "  return { server: { watch: env.DEV_POLL_FILES ? {} : undefined, port: env.DEV_PORT } };\n"
        "});\n",
    })
    # (the returned config object hands DEV_PORT to Vite: "passed")
    assert usages(tmp_path) == {("DEV_POLL_FILES", 4): "guarded", ("DEV_PORT", 4): "passed"}


def test_writes_migrations_and_patterns():
    project = build_project(str(READS), Config())
    names = {u.name for u in project.usages}
    assert not names & {"WRITTEN_ONLY", "DELETED_ONLY", "LEGACY_MIGRATION_TOKEN"}
    assert [d.pattern for d in project.dynamic] == ["STORAGE_*_BUCKET"]
    assert [p.name for p in project.provided] == ["buildId"]  # next.config env: { buildId }


def test_a_safe_parse_only_module_not_named_env_is_read(tmp_path):
    write_repo(tmp_path, {
        "src/config/settings.ts": 'import { z } from "zod";\nconst s = z.object({ QUEUE_NAME: z.string() });\nexport const cfg = s.safeParse(process.env);\n',
    })
    assert set(schema_vars(tmp_path)) == {"QUEUE_NAME"}


@pytest.mark.parametrize(
    "code",
    [
        pytest.param('import { env } from "std-env";\nexport const e = s.parse(env);\n', id="std-env"),
        pytest.param("export const e = s.parse({ ...process.env, EXTRA: '1' });\n", id="spread"),
        pytest.param("const source = import.meta.env;\nexport const e = s.parse(source);\n", id="alias"),
    ],
)
def test_schemas_parsed_from_the_environment_in_every_spelling(tmp_path, code):
    head = 'import { z } from "zod";\nconst s = z.object({ API_URL: z.string() });\n'
    write_repo(tmp_path, {"src/settings.ts": head + code})
    assert set(schema_vars(tmp_path)) == {"API_URL"}


def test_a_local_function_called_create_env_is_not_t3(tmp_path):
    write_repo(tmp_path, {
        "src/env.ts": "function createEnv(o: object) { return o; }\nexport const e = createEnv({ a: 1 });\n",
    })
    project = build_project(str(tmp_path), Config())
    assert project.schemas == () and project.unrecognized == ()


def test_a_wrapper_of_t3_env_and_a_prefix_helper_declare_variables(run_in):
    """The project's own ``createEnv`` around t3-env's, called with t3's options; its
    ``runtimeEnv: fromPrefix("QUEUE_")`` hands ``QUEUE_HOST`` to the key ``HOST``; a key inside a
    conditional spread is declared for the configurations that take it; ``...smtp.server``
    spreads a section of a local object."""
    root = FIXTURES / "styles" / "t3-wrapper"
    assert schema_vars(root) == {
        "QUEUE_HOST": ("packages/queue/src/env.ts", "HOST", True, True, False),
        "QUEUE_PORT": ("packages/queue/src/env.ts", "PORT", False, True, False),
        "QUEUE_NAME": ("packages/queue/src/env.ts", None, False, True, False),
        "QUEUE_CA_FILE": ("packages/queue/src/env.ts", "CA_FILE", True, True, True),
        "SMTP_URL": ("packages/mail/src/env.ts", None, True, True, False),
    }
    assert run_in(root).out == "No problems found (6 files checked).\n"


def test_an_object_spread_behind_a_guard_declares_its_keys_for_some_configurations(run_in):
    """``...(flag && { X: str() })`` (envalid, zod) and ``...(a ?? { Y })``: the literal's keys
    are declared, required only where the guard lets the object through."""
    root = FIXTURES / "styles" / "guarded-spreads"
    assert schema_vars(root) == {
        "PORT": ("api/src/env.ts", None, True, True, False),
        "STORAGE_DRIVER": ("api/src/env.ts", None, False, True, False),
        "BUCKET_NAME": ("api/src/env.ts", None, True, True, True),
        "BUCKET_REGION": ("api/src/env.ts", None, False, True, False),
        "SITE_URL": ("web/src/env.ts", None, True, True, False),
        "BILLING_KEY": ("web/src/env.ts", None, True, True, True),
        "METRICS_SAMPLE": ("web/src/env.ts", None, False, True, False),
    }
    assert build_project(str(root), Config()).unrecognized == ()
    assert run_in(root).out == "No problems found (3 files checked).\n"


def test_spreads_it_cannot_follow_are_said_once_per_object(tmp_path):
    write_repo(tmp_path, {
        "src/env.ts": 'import { createEnv } from "@t3-oss/env-core";\n'
        'import { a, b, c } from "some-package";\n'
        "export const env = createEnv({\n"
        "  server: { ...a.server, ...b.server, ...c.server },\n"
        "  runtimeEnv: process.env,\n});\n",
    })
    project = build_project(str(tmp_path), Config())
    assert [(u.location.line, u.location.column, u.reason) for u in project.unrecognized] == [
        (4, 13, "a spread env-lint cannot follow (and 2 more in this object)")
    ]


def test_a_projects_own_copy_of_create_env_hands_its_callers_options_on(tmp_path):
    """A vendored ``createEnv`` that calls t3's core with ``{ ...opts, server, client }`` (locals
    taken from its parameter) has no schema of its own and nothing env-lint failed to read;
    the app's call of it is the schema."""
    write_repo(tmp_path, {
        "src/lib/envkit/index.ts": 'import { createEnv as createEnvCore } from "./core";\n'
        "export function createEnv<T>(opts: T) {\n"
        '  const client = typeof opts.client === "object" ? opts.client : {};\n'
        "  const server = opts.server ?? {};\n"
        "  return createEnvCore<T>({ ...opts, client, server, runtimeEnv: process.env });\n}\n",
        "src/lib/envkit/core.ts": "export function createEnv(opts: any) { return opts.runtimeEnv; }\n",
        "src/env.ts": 'import { createEnv } from "@t3-oss/env-core";\nimport { z } from "zod";\n'
        "export const env = createEnv({ server: { QUEUE_URL: z.string() }, runtimeEnv: process.env });\n",
    })
    project = build_project(str(tmp_path), Config())
    assert project.unrecognized == ()
    assert [v.name for s in project.schemas for v in s.variables] == ["QUEUE_URL"]


def test_an_imported_create_env_without_t3_options_is_not_a_schema(tmp_path):
    write_repo(tmp_path, {
        "src/env.ts": 'import { createEnv } from "./factory";\n'
        "export const e = createEnv({ server: { PORT: 1 } });\n"
        'export const f = createEnv({ name: "x", runtimeEnv: "node" });\n',
    })
    project = build_project(str(tmp_path), Config())
    assert project.schemas == () and project.unrecognized == ()


def test_a_settings_prefix_from_a_constant_of_this_or_another_module(run_in):
    """``env_prefix = ENV_PREFIX`` imported from another module (also relatively, and
    re-exported), or a constant of the same module; an alias takes no prefix."""
    root = FIXTURES / "styles" / "pydantic-prefix"
    assert schema_vars(root) == {
        "SHOP_DB_HOST": ("app/core/settings.py", None, False, True, False),
        "SHOP_API_TOKEN": ("app/core/settings.py", None, True, True, False),
        "SHOP_QUEUE_URL": ("app/jobs/settings.py", None, True, True, False),
        "AWS_REGION": ("app/jobs/settings.py", None, False, True, False),
        "WORKER_CONCURRENCY": ("app/worker/settings.py", None, False, True, False),
    }
    assert run_in(root).out == "No problems found (7 files checked).\n"


def test_a_settings_prefix_it_cannot_find_names_no_variable_wrongly(tmp_path):
    write_repo(tmp_path, {
        "svc/settings.py": "from pydantic import Field\n"
        "from pydantic_settings import BaseSettings\n"
        "from vendored_defaults import PREFIX\n\n"
        "class Settings(BaseSettings):\n"
        "    model_config = {'env_prefix': PREFIX}\n"
        "    db_host: str\n"
        "    region: str = Field('eu', alias='AWS_REGION')\n",
    })
    project = build_project(str(tmp_path), Config())
    assert [v.name for s in project.schemas for v in s.variables] == ["AWS_REGION"]
    assert [(u.location.line, u.reason) for u in project.unrecognized] == [
        (5, "an env_prefix imported from a module env-lint cannot find or read")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "model_config: ClassVar[SettingsConfigDict] = SettingsConfigDict(env_prefix='BOT_')",
        "model_config: ClassVar[dict] = {'env_prefix': 'BOT_'}",
        "model_config = SettingsConfigDict(env_prefix='BOT_')",
    ],
)
def test_an_annotated_model_config_sets_the_prefix(tmp_path, line):
    write_repo(tmp_path, {
        "bot/settings.py": "from typing import ClassVar\n"
        "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n"
        f"class Settings(BaseSettings):\n    {line}\n    host: str = '0.0.0.0'\n",
    })
    project = build_project(str(tmp_path), Config())
    assert [v.name for s in project.schemas for v in s.variables] == ["BOT_HOST"]


@pytest.mark.parametrize(
    ("call", "read", "unread"),
    [
        ('Dynaconf(envvar_prefix="SHOP", settings_files=["s.toml"])', "SHOP_DB__HOST", "OTHER_X"),
        ("Dynaconf(settings_files=['s.toml'])", "DYNACONF_DEBUG", "SHOP_X"),  # dynaconf's own
        ("Dynaconf(envvar_prefix=False, settings_files=['s.toml'])", "TRACKER__API_TOKEN", "PLAIN_X"),
        ('FlaskDynaconf(app)', "FLASK_SECRET", "SHOP_X"),
    ],
)
def test_dynaconf_reads_its_prefix_as_settings(tmp_path, call, read, unread):
    """``Dynaconf(envvar_prefix="SHOP")`` loads every ``SHOP_*`` variable as a setting;
    ``envvar_prefix=False`` loads every one, nested settings spelled ``SECTION__KEY``."""
    write_repo(tmp_path, {"app/config.py": f"from dynaconf import Dynaconf, FlaskDynaconf\nsettings = {call}\n"})
    project = build_project(str(tmp_path), Config())
    assert any(d.matches(read) for d in project.dynamic)
    assert not any(d.matches(unread) for d in project.dynamic)


def test_typescript_declarations_declare_variables():
    """``interface ProcessEnv`` / ``interface ImportMetaEnv`` in .d.ts files: ``X?:`` and
    ``X: string | undefined`` are optional, ``X:`` required; Vite's own ``DEV`` / ``MODE``
    declare nothing."""
    found = schema_vars(FIXTURES / "styles" / "ts-declarations")
    assert found == {
        "DATABASE_URL": ("src/env.d.ts", None, True, True, False),
        "SENTRY_DSN": ("src/env.d.ts", None, False, True, False),
        "LOG_DRAIN_URL": ("src/env.d.ts", None, False, True, False),
        "VITE_API_URL": ("src/vite-env.d.ts", None, True, True, False),
        "VITE_ANALYTICS_ID": ("src/vite-env.d.ts", None, False, True, False),
    }


def test_a_required_declared_variable_missing_from_the_example_is_reported(run_in):
    result = run_in(FIXTURES / "styles" / "ts-declarations")
    assert result.out == (
        "src/vite-env.d.ts:4:12: error EL200 [missing-from-example] `VITE_API_URL` is declared in the "
        "schema but missing from `.env.example`; it is required with no default\n"
        "Found 1 error, 0 warnings (4 files checked).\n"
    )


def test_a_declared_variable_only_another_app_reads_is_not_missing(run_in, tmp_path):
    """A ``ProcessEnv`` member this app's code no longer reads (another app of the repo does),
    or reads only with a fallback, requires nothing here: a type says what it would be."""
    write_repo(tmp_path, {
        "apps/shop/src/env.d.ts": "declare namespace NodeJS {\n  interface ProcessEnv {\n"
        "    LEGACY_DB_URL: string;\n    SHOP_TOKEN: string;\n    SHOP_API: string;\n  }\n}\n",
        "apps/shop/src/db.ts": "export const db = process.env.PG_URL || '';\n"
        "export const token = process.env.SHOP_TOKEN;\n"
        "export const api = process.env.SHOP_API ?? 'https://api.example.com';\n",
        "apps/shop/.env.example": "PG_URL=\n",
        "apps/blog/src/db.ts": "export const db = process.env.LEGACY_DB_URL;\n",
        "apps/blog/.env.example": "LEGACY_DB_URL=\n",
    })
    assert run_in(tmp_path).out == (
        "apps/shop/src/env.d.ts:4:5: error EL200 [missing-from-example] `SHOP_TOKEN` is declared "
        "in the schema but missing from `apps/shop/.env.example`; it is required with no default\n"
        "Found 1 error, 0 warnings (5 files checked).\n"
    )


def test_a_prefix_filter_over_the_environment_reads_that_prefix(tmp_path):
    """``Object.entries(process.env)`` kept by ``startsWith("P_")``: every ``P_*`` is read; a
    framework's bare public prefix copied whole (``NEXT_PUBLIC_``) reads none of them."""
    write_repo(tmp_path, {
        "src/settings.ts": (
            "export const s = Object.entries(process.env).reduce((acc, [k, v]) => {\n"
            "  if (k.startsWith('APP_')) acc[k.replace('APP_', '')] = v;\n  return acc;\n}, {});\n"
        ),
        "scripts/bundle.mjs": (
            "const pub = {};\nfor (const [k, v] of Object.entries(process.env)) {\n"
            "  if (k.startsWith('NEXT_PUBLIC_')) pub[k] = v;\n}\n"
        ),
    })
    project = build_project(str(tmp_path), Config())
    assert [d.pattern for d in project.dynamic] == ["APP_*"]


def test_the_environment_destructured_from_process_is_an_alias(tmp_path):
    """``const { env } = process`` and ``const { env: vars } = process``; destructuring other
    members of ``process`` makes no alias."""
    write_repo(tmp_path, {
        "src/server.js": "const { env } = process;\n"
        'export const listen = { port: env.APP_PORT || 25, host: env.APP_HOST || "::" };\n',
        "src/token.js": "const { env: vars, argv } = process;\nexport const t = vars.APP_TOKEN;\n"
        "export const args = argv;\n",
        "src/other.js": "const { argv } = process;\nconst env = { NOT_A_READ: 1 };\n"
        "export const o = [env.NOT_A_READ, argv];\n",
    })
    assert usages(tmp_path) == {
        ("APP_PORT", 2): "defaulted",
        ("APP_HOST", 2): "defaulted",
        ("APP_TOKEN", 2): "required",
    }


def test_a_key_spelled_as_a_read_in_any_bundler_config_is_provided(run_in, tmp_path):
    """webpack's ``DefinePlugin({ "process.env.X": ... })`` outside a ``*.config.*`` file
    (a CRA override): the build replaces the read, nobody sets ``X``."""
    write_repo(tmp_path, {
        "config-overrides.js": 'const { DefinePlugin } = require("webpack");\n'
        "module.exports = (config) => {\n"
        '  config.plugins.push(new DefinePlugin({ "process.env.APP_BUILD_ID": JSON.stringify("1") }));\n'
        '  config.labels = { "process.env.X is read": 1 };\n'
        "  return config;\n};\n",
        "src/version.ts": "export const build = process.env.APP_BUILD_ID;\n"
        "export const api = process.env.API_URL;\n",
        ".env.example": "API_URL=\n",
    })
    assert [p.name for p in build_project(str(tmp_path), Config()).provided] == ["APP_BUILD_ID"]
    assert run_in(tmp_path).out == "No problems found (3 files checked).\n"


def test_the_environment_object_a_bundler_defines_provides_each_of_its_keys(run_in, tmp_path):
    """``define: { "process.env": { X: ... } }`` (Vite) or ``DefinePlugin({ "process.env":
    {...} })`` (webpack): the build puts each key's value in place of ``process.env.X``."""
    write_repo(tmp_path, {
        "vite.config.ts": 'import { defineConfig, loadEnv } from "vite";\n'
        "export default defineConfig(({ mode }) => {\n"
        '  const env = loadEnv(mode, process.cwd(), "");\n'
        '  return { define: { "process.env": { APP_BASE_PATH: env.APP_BASE_PATH ?? "/", ...env } } };\n'
        "});\n",
        "tools/webpack.js": 'const { DefinePlugin } = require("webpack");\n'
        'module.exports = { plugins: [new DefinePlugin({ "process.env": { APP_BUILD_ID: "1" } })] };\n',
        "src/worker.ts": "export const base = `${process.env.APP_BASE_PATH}/sw.js`;\n"
        "export const build = process.env.APP_BUILD_ID;\n"
        "export const api = process.env.API_URL;\n"
        "export const token = process.env.APP_TOKEN;\n",
        ".env.example": "API_URL=\n",
    })
    provided = sorted(p.name for p in build_project(str(tmp_path), Config()).provided)
    assert provided == ["APP_BASE_PATH", "APP_BUILD_ID"]
    assert "APP_TOKEN" in run_in(tmp_path).out  # an undefined key is still undeclared


def test_a_parameter_typed_or_defaulting_to_the_environment_is_an_alias(tmp_path):
    """``function parse(source: NodeJS.ProcessEnv)`` then ``source.X``, and ``(env =
    process.env) => env.Y``: reads, within that function only."""
    write_repo(tmp_path, {
        "src/task.ts": "export function parseTask(source: NodeJS.ProcessEnv) {\n"
        "  return { bucket: source.TASK_BUCKET, paused: source.TASK_PAUSED === '1' };\n}\n"
        "export const region = (env = process.env) => env.TASK_REGION;\n"
        "export const other = (source: Record<string, string>) => source.NOT_ENV_NAME;\n",
        "src/plain.js": "export function mode(vars = process.env) {\n  return vars.JOB_MODE;\n}\n",
    })
    assert usages(tmp_path) == {
        ("TASK_BUCKET", 2): "passed",
        ("TASK_PAUSED", 2): "guarded",
        ("TASK_REGION", 4): "passed",
        ("JOB_MODE", 2): "passed",
    }


def test_a_fallback_that_throws_is_none(tmp_path):
    """``process.env.X || (() => { throw ... })()`` requires ``X``. ``params.token ||
    process.env.TOKEN`` still needs the variable when the caller gives no token: a server's
    default that the example should list (measured: treating it as optional lost true
    findings)."""
    write_repo(tmp_path, {
        "src/billing.ts": "export const slug = process.env.PLAN_SLUG ||\n"
        "  (() => { throw new Error('PLAN_SLUG is required'); })();\n"
        "export function token(params: { token?: string }) {\n"
        "  const t = params.token || process.env.PROVIDER_TOKEN;\n  return t.trim();\n}\n",
    })
    assert usages(tmp_path) == {("PLAN_SLUG", 1): "required", ("PROVIDER_TOKEN", 4): "required"}


def test_a_notebooks_code_cells_look_variables_up(run_in, tmp_path):
    """``os.getenv("DEMO_MODEL_NAME")`` in a notebook's code cell (a JSON string, its quotes
    escaped) keeps the documented variable from being stale; a name only its outputs print
    does not, and neither does a notebook that is no JSON."""
    cell = {"cell_type": "code", "source": ["import os\n", 'm = os.getenv("DEMO_MODEL_NAME")\n'],
            "outputs": [{"text": "OUTPUT_ONLY_NAME"}]}
    write_repo(tmp_path, {
        "docs/setup.md": "| Variable | Description |\n|---|---|\n| `DEMO_MODEL_NAME` | x |\n"
        "| `OUTPUT_ONLY_NAME` | y |\n| `BROKEN_BOOK_NAME` | z |\n",
        "nb/demo.ipynb": json.dumps({"cells": [cell]}),
        "nb/broken.ipynb": '{"cells": [ BROKEN_BOOK_NAME',
        "app.py": 'import os\nX = os.environ["APP_HOST"]\n',
    })
    out = run_in(tmp_path, "--select", "stale-doc-var").out
    assert "`DEMO_MODEL_NAME`" not in out
    assert "`OUTPUT_ONLY_NAME`" in out and "`BROKEN_BOOK_NAME`" in out


def test_a_generators_template_of_a_source_file_reads_what_it_names(run_in, tmp_path):
    """``bot.py.jinja2`` becomes a program of the generated project: the example keys it names
    are in use."""
    write_repo(tmp_path, {
        "templates/bot.py.jinja2": 'import os\nkey = os.getenv("TPL_SERVICE_KEY")\n{% if x %}pass{% endif %}\n',
        "templates/web.ts.j2": "export const u = process.env.TPL_START_URL;\n",
        "app.py": 'import os\nX = os.environ["APP_HOST"]\n',
        ".env.example": "APP_HOST=\nTPL_SERVICE_KEY=\nTPL_START_URL=\nTPL_NAMED_NOWHERE=\n",
    })
    out = run_in(tmp_path, "--select", "unused-example-var").out
    assert "`TPL_SERVICE_KEY`" not in out and "`TPL_START_URL`" not in out
    assert "`TPL_NAMED_NOWHERE`" in out


def test_a_projects_shared_environment_reader_is_an_accessor(tmp_path):
    """``from config.env import env`` (an ``environ.Env()`` made once for the project), then
    ``env("X", default=...)`` and ``env.bool("Y")``; a branch on a name bound to a read
    (``if STRATEGY == ...:``) switches the reads inside it on."""
    write_repo(tmp_path, {
        "config/env.py": "import environ\nenv = environ.Env()\n",
        "config/settings/mail.py": "from config.env import env\n"
        'STRATEGY = env("MAIL_STRATEGY", default="local")\n'
        'FAILS = env.bool("MAIL_FAILS", default=False)\n'
        'if STRATEGY == "smtp":\n    HOST = env("MAIL_SMTP_HOST")\n'
        'BROKER = env("QUEUE_BROKER_URL")\n',
    })
    assert usages(tmp_path) == {
        ("MAIL_STRATEGY", 2): "defaulted",
        ("MAIL_FAILS", 3): "defaulted",
        ("MAIL_SMTP_HOST", 5): "guarded",
        ("QUEUE_BROKER_URL", 6): "required",
    }


def test_a_python_branch_another_variable_switches_on_needs_its_reads_only_there(tmp_path):
    """``if "CDN_TOKEN" in os.environ or "CDN_BEARER" in os.environ:`` turns a feature on: the
    reads of its companions there are optional; a branch on the stage still needs its reads,
    and so does the code after the branch."""
    write_repo(tmp_path, {
        "app/settings.py": "import os\n"
        'if "CDN_TOKEN" in os.environ or "CDN_BEARER" in os.environ:\n'
        '    CACHE = {"ZONE": os.environ["CDN_ZONE_ID"]}\n'
        'SENTRY = os.environ["SENTRY_DSN"] if os.getenv("SENTRY_ON") else None\n'
        'if os.environ.get("DJANGO_ENV") == "production":\n'
        '    SECRET = os.environ["PROD_SECRET"]\n'
        'HOST = os.environ["APP_HOST"]\n',
    })
    found = usages(tmp_path)
    assert found[("CDN_ZONE_ID", 3)] == "guarded"
    assert found[("SENTRY_DSN", 4)] == "guarded"
    assert found[("PROD_SECRET", 6)] == "required"
    assert found[("APP_HOST", 7)] == "required"


def test_a_python_name_bound_once_to_a_string_is_read_through(tmp_path):
    """``key = "APP_DATA_DIR"`` then ``os.environ[key]``; ``var = f"{p}_API_KEY"`` then
    ``os.getenv(var)`` (a pattern). A name bound elsewhere too, or a parameter, says nothing."""
    write_repo(tmp_path, {
        "app/settings.py": "import os\n"
        'data_dir_key = "APP_DATA_DIR"\n'
        "DATA = os.environ[data_dir_key] if data_dir_key in os.environ else None\n"
        "def key_for(provider):\n"
        '    env_var = f"{provider.upper()}_API_KEY"\n'
        '    return os.getenv(env_var, "")\n'
        'key = "SHADOWED_NAME"\n'
        "def read(key):\n    return os.environ[key]\n"
        'mode = "FIRST_MODE"\nmode = "SECOND_MODE"\nMODE = os.environ[mode]\n',
    })
    assert usages(tmp_path) == {("APP_DATA_DIR", 3): "guarded"}
    project = build_project(str(tmp_path), Config())
    assert [(d.pattern, d.location.line) for d in project.dynamic] == [("*_API_KEY", 6)]


def test_a_python_helper_reads_the_argument_at_its_parameters_place(tmp_path):
    """``def resolve(config, key, env_key, default): ... os.getenv(env_key, "")``: a call reads
    its third argument (a string or a name bound to one), or the argument given by keyword; the
    helper's own read decides how (here: emptied)."""
    write_repo(tmp_path, {
        "svc/urls.py": "import os\n"
        'QUEUE_URL_ENV = "QUEUE_SERVICE_URL"\n'
        "def resolve(config, key, env_key, default):\n"
        "    if config.get(key):\n        return config[key]\n"
        '    return os.getenv(env_key, "").strip() or default\n'
        "def must(*, name):\n    return os.environ[name]\n"
        'queue = resolve({}, "queue_url", QUEUE_URL_ENV, "http://q")\n'
        'store = resolve({}, "store_url", env_key="STORE_SERVICE_URL", default="")\n'
        'token = must(name="SERVICE_TOKEN")\n',
    })
    assert usages(tmp_path) == {
        ("QUEUE_SERVICE_URL", 9): "emptied",
        ("STORE_SERVICE_URL", 10): "emptied",
        ("SERVICE_TOKEN", 11): "required",
    }


def test_a_models_fields_read_by_their_upper_case_names(tmp_path):
    """``{name: os.environ.get(name.upper(), d) for name in cls.model_fields}`` (a graph
    template's configuration) reads each field as ``NAME``; so does a loop over a dataclass's
    ``fields(cls)`` by ``f.name.upper()``, and a comprehension over a literal list."""
    write_repo(tmp_path, {
        "agent/configuration.py": "import os\nfrom dataclasses import dataclass, fields\n"
        "from pydantic import BaseModel\n\n\n"
        "class Configuration(BaseModel):\n    search_api: str = 'web'\n    max_loops: int = 3\n"
        "    _secret: str = ''\n\n"
        "    @classmethod\n    def load(cls, given):\n"
        "        raw = {n: os.environ.get(n.upper(), given.get(n)) for n in cls.model_fields.keys()}\n"
        "        return cls(**raw)\n\n\n"
        "@dataclass\nclass Worker:\n    queue_name: str = 'jobs'\n\n\n"
        "def worker():\n    for f in fields(Worker):\n        os.environ[f.name.upper()]\n"
        "LISTED = [os.environ[n] for n in ['FIRST_KEY', 'SECOND_KEY']]\n",
    })
    assert usages(tmp_path) == {
        ("SEARCH_API", 13): "defaulted",
        ("MAX_LOOPS", 13): "defaulted",
        ("QUEUE_NAME", 24): "required",
        ("FIRST_KEY", 25): "required",
        ("SECOND_KEY", 25): "required",
    }


def test_a_command_line_settings_model_needs_no_variable(run_in, tmp_path):
    """pydantic-settings built for the command line (``class C(BaseSettings,
    cli_implicit_flags=False)``, ``cli_parse_args=True``): a required field may come from a
    flag, so the example file need not list it; a plain settings class still needs it."""
    write_repo(tmp_path, {
        "tool/config.py": "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n"
        "class RunConfig(BaseSettings, cli_implicit_flags=False):\n    traj_path: str\n"
        '    model_config = SettingsConfigDict(env_prefix="TOOL_")\n\n\n'
        "class ServeConfig(BaseSettings):\n    api_key: str\n"
        '    model_config = SettingsConfigDict(env_prefix="SERVE_", cli_parse_args=True)\n\n\n'
        "class Deploy(BaseSettings):\n    token: str\n"
        '    model_config = SettingsConfigDict(env_prefix="DEPLOY_")\n',
        ".env.example": "TOOL_OTHER=\n",
    })
    found = schema_vars(tmp_path)
    assert {n: found[n][2] for n in ("TOOL_TRAJ_PATH", "SERVE_API_KEY", "DEPLOY_TOKEN")} == {
        "TOOL_TRAJ_PATH": False, "SERVE_API_KEY": False, "DEPLOY_TOKEN": True,
    }
    out = run_in(tmp_path).out
    assert "`DEPLOY_TOKEN` is declared" in out and "TRAJ_PATH" not in out


def test_a_read_behind_another_variables_switch_is_optional_but_not_behind_a_stage(tmp_path):
    """A branch a feature flag, a companion setting or a platform's variable switches on needs
    its reads only there; a branch on the deployment stage (``NODE_ENV``) still needs them."""
    write_repo(tmp_path, {
        "src/setup.ts": "export const proxy = process.env.DEV_PROXY\n"
        "  ? { target: process.env.DEV_PROXY_TARGET }\n  : {};\n"
        "export const store = process.env.VERCEL ? kv({ url: process.env.KV_REST_URL }) : mem();\n"
        'export const db = process.env.NODE_ENV === "production"\n'
        "  ? connect(process.env.PROD_DB_URL!)\n  : local();\n",
    })
    found = usages(tmp_path)
    assert found[("DEV_PROXY_TARGET", 2)] == "guarded"
    assert found[("KV_REST_URL", 4)] == "guarded"
    assert found[("PROD_DB_URL", 6)] == "required"


def test_a_branch_on_a_constant_bound_to_another_variable_needs_its_reads_only_there(tmp_path):
    """``const SELF_HOSTED = process.env.SELF_HOSTED === "true"`` then ``SELF_HOSTED ? A : B``
    is a branch on the variable; a constant bound to the stage (``NODE_ENV``) is not."""
    write_repo(tmp_path, {
        "src/mail.ts": 'const SELF_HOSTED = process.env.PLAT_SELF_HOSTED === "true" ? true : false;\n'
        'const IS_PROD = process.env.NODE_ENV === "production";\n'
        "export const from = SELF_HOSTED ? process.env.PLAT_SELF_FROM : process.env.PLAT_CLOUD_FROM;\n"
        'export const url = IS_PROD ? process.env.PLAT_PROD_URL : "http://localhost";\n',
    })
    found = usages(tmp_path)
    assert found[("PLAT_SELF_FROM", 3)] == found[("PLAT_CLOUD_FROM", 3)] == "guarded"
    assert found[("PLAT_PROD_URL", 4)] == "required"


def test_a_property_of_an_exported_config_object_an_importer_checks_is_optional(run_in, tmp_path):
    """``export default { MAIL_HOST: process.env.X }``: an importer's ``if (!config.MAIL_HOST)``
    or ``config.mail.from || d`` checks ``X``; a property used bare stays needed, and so does
    one the importer only compares."""
    write_repo(tmp_path, {
        "src/lib/config.ts": "const config = {\n  MAIL_HOST: process.env.OBJ_MAIL_HOST,\n"
        "  EXPORTS_ON: process.env.OBJ_ALLOW_EXPORTS,\n  mail: { from: process.env.OBJ_FROM },\n"
        "  PORT: process.env.OBJ_PORT,\n  TOKEN: process.env.OBJ_TOKEN,\n};\nexport default config;\n",
        "src/mailer.ts": 'import config from "./lib/config";\n'
        "export function send(t: string) {\n  if (!config.MAIL_HOST) return;\n"
        '  const sender = config.mail.from || "noreply@example.test";\n'
        "  if (config.EXPORTS_ON) console.log(process.env.OBJ_OTHER, sender);\n"
        "  if (t !== config.TOKEN) throw new Error();\n  listen(config.PORT);\n}\n",
        ".env.example": "OBJ_OTHER=\n",
    })
    out = run_in(tmp_path).out
    for name in ("OBJ_MAIL_HOST", "OBJ_ALLOW_EXPORTS", "OBJ_FROM"):
        assert f"`{name}`" not in out
    for name in ("OBJ_PORT", "OBJ_TOKEN"):
        assert f"`{name}` is read here with no fallback" in out


def test_a_value_of_an_object_the_file_checks_by_its_key_is_checked(tmp_path):
    """``const channels = { billing: process.env.X }``: ``channels[kind] || null`` checks every
    value; ``limits.rate ?? "10"`` checks that key only; ``limits.burst`` used bare does not."""
    write_repo(tmp_path, {
        "src/notify.ts": "const channels = { billing: process.env.LK_BILLING, users: process.env.LK_USERS };\n"
        "const limits = { burst: process.env.LK_BURST, rate: process.env.LK_RATE };\n"
        "export function notify(kind: keyof typeof channels) {\n"
        "  const id = channels[kind] || null;\n  if (!id) return;\n"
        '  send(id, limits.burst, limits.rate ?? "10");\n}\n',
    })
    found = usages(tmp_path)
    assert found[("LK_BILLING", 1)] == found[("LK_USERS", 1)] == "guarded"
    assert found[("LK_RATE", 2)] == "guarded"
    assert found[("LK_BURST", 2)] == "required"


def test_a_local_kept_in_an_object_the_file_checks_by_its_key_is_checked(tmp_path):
    """``const SECRET = process.env.X; const deps = { SECRET }`` (an object tests override):
    ``if (!deps.SECRET) return`` checks it; a key used bare does not."""
    write_repo(tmp_path, {
        "src/sign.ts": "const SH_SECRET = process.env.SH_SECRET;\nconst SH_SALT = process.env.SH_SALT;\n"
        "export const deps = { SH_SECRET, SH_SALT };\n"
        "export function sign() {\n  if (!deps.SH_SECRET) return null;\n  return hash(deps.SH_SECRET, deps.SH_SALT);\n}\n",
    })
    found = usages(tmp_path)
    assert found[("SH_SECRET", 1)] == "guarded"
    assert found[("SH_SALT", 2)] == "required"


def test_a_value_of_a_local_object_a_function_returns_is_handed_on(tmp_path):
    """``const config = { id: process.env.X }; return { ...config }``: a config factory, as
    ``return { id: process.env.X }``; an object the function only uses is not."""
    write_repo(tmp_path, {
        "src/config.ts": "export function clientConfig(extra: object) {\n"
        "  const config = { widgetId: process.env.RB_WIDGET };\n  return { ...config, ...extra };\n}\n"
        "export function direct() {\n  const c = { id: process.env.RB_DIRECT };\n  return c;\n}\n"
        "export function used() {\n  const u = { id: process.env.RB_USED };\n  connect(u.id);\n  return 1;\n}\n",
    })
    found = usages(tmp_path)
    assert found[("RB_WIDGET", 2)] == found[("RB_DIRECT", 6)] == "passed"
    assert found[("RB_USED", 10)] == "required"


def test_a_clients_base_url_option_is_handed_on_but_not_its_key(tmp_path):
    """``createClient({ baseURL: process.env.X })``: unset, the client uses its vendor's own
    endpoint; the key beside it is still needed, and so is a base URL kept in a plain object."""
    write_repo(tmp_path, {
        "src/client.ts": "export const c = createClient({\n  apiKey: process.env.VENDOR_KEY,\n"
        "  baseURL: process.env.VENDOR_BASE_URL,\n});\n"
        "export const o = new Gateway({ apiBaseUrl: process.env.GATEWAY_BASE_URL });\n"
        "export const plain = { baseUrl: process.env.PLAIN_BASE_URL };\n",
    })
    found = usages(tmp_path)
    assert found[("VENDOR_BASE_URL", 3)] == found[("GATEWAY_BASE_URL", 5)] == "passed"
    assert found[("VENDOR_KEY", 2)] == found[("PLAIN_BASE_URL", 6)] == "required"


def test_a_read_in_a_ternary_arm_whose_value_is_tested_is_checked(tmp_path):
    """``if (given ? !enabled : paid || process.env.X)``: the arm's value is only tested, so
    ``X`` is a flag; an arm whose value is used (``const u = on ? process.env.A : ...``) is not."""
    write_repo(tmp_path, {
        "src/gate.ts": "export function gate(enabled?: boolean, plan?: string) {\n"
        '  if (typeof enabled !== "undefined" ? !enabled : plan === "paid" || process.env.GATE_DEMO) {\n'
        "    return 1;\n  }\n  return enabled ? process.env.GATE_URL_A : process.env.GATE_URL_B;\n}\n",
    })
    found = usages(tmp_path)
    assert found[("GATE_DEMO", 2)] == "guarded"
    assert found[("GATE_URL_A", 5)] != "guarded" and found[("GATE_URL_B", 5)] != "guarded"


def test_a_read_only_outside_production_is_a_local_override(tmp_path):
    """The arm of a stage comparison that production never takes needs no deployment."""
    write_repo(tmp_path, {
        "src/dev.ts": 'export const a = process.env.NODE_ENV === "production" ? undefined : process.env.DEV_A;\n'
        'export const b = process.env.NODE_ENV !== "production" ? process.env.DEV_B : "x";\n'
        'if (process.env.NODE_ENV === "development") { start(process.env.DEV_C!); }\n'
        'export const d = process.env.NODE_ENV === "production" ? process.env.PROD_D : undefined;\n'
        'if (process.env.NODE_ENV === "development") {} else { start(process.env.PROD_E!); }\n'
        'export const f = process.env.NODE_ENV !== "production" && process.env.DEV_F;\n'
        'export const g = process.env.NODE_ENV === "staging" ? undefined : process.env.ANY_G;\n',
    })
    found = usages(tmp_path)
    assert {name: how for (name, _), how in found.items() if name != "NODE_ENV"} == {
        "DEV_A": "guarded", "DEV_B": "guarded", "DEV_C": "guarded", "PROD_D": "required",
        "PROD_E": "required", "DEV_F": "guarded", "ANY_G": "required",
    }


def test_a_variable_the_module_assigns_has_that_value_as_its_fallback(tmp_path):
    """``process.env.X = "d"`` then ``process.env.X``: this module gives it a value; another
    module's read still needs it."""
    write_repo(tmp_path, {
        "src/boot.js": 'process.env.ROOT_EMAIL = "root@example.com";\n'
        "export const user = create({ email: process.env.ROOT_EMAIL });\n",
        "src/mail.ts": "export const from = send(process.env.ROOT_EMAIL!);\n",
    })
    assert usages(tmp_path) == {("ROOT_EMAIL", 2): "defaulted", ("ROOT_EMAIL", 1): "required"}


NAME_BUILDERS = """export class Limits {
  load(tiers: string[], kinds: string[]) {
    const envRef = process.env;
    for (const tier of tiers) {
      for (const kind of kinds) {
        const key = this.varName(tier, kind);
        use(envRef[key]);
      }
    }
  }

  private varName(tier: string, kind: string): string {
    return `QUOTA_MAX_${tier.toUpperCase() as Uppercase<string>}_${
      kind.toUpperCase()
    }`;
  }
}
export function flag(name: string) {
  const id = `FEATURE_${name}`;
  return process.env[id];
}
export function other(k: string) {
  const unknown = lookup(k);
  return process.env[unknown];
}
"""


def test_a_name_a_local_holds_or_a_name_builder_returns_keeps_its_shape(tmp_path):
    """``process.env[k]`` where ``k`` holds a template, or what a method of the file returns
    (one ``return`` of a template, over several lines, with casts inside): a pattern; a name
    from elsewhere stays unknown."""
    write_repo(tmp_path, {"src/limits.ts": NAME_BUILDERS})
    project = build_project(str(tmp_path), Config())
    assert [(d.pattern, d.location.line) for d in project.dynamic] == [
        ("FEATURE_*", 20),
        ("QUOTA_MAX_*_*", 7),
    ]


PYTHON_RECOVERY = (
    "import os\n\n\n"
    "def plugin_args():\n"
    '    return {k[11:]: v for k, v in os.environ.items() if k.startswith("PLUGIN_ARG_")}\n\n\n'
    "def search_key():\n    try:\n        return os.environ[\"SEARCH_KEY\"]\n"
    '    except KeyError:\n        return ""\n\n\n'
    "def strict_key():\n    try:\n        return os.environ[\"STRICT_KEY\"]\n"
    '    except KeyError:\n        raise SystemExit("set it")\n\n\n'
    "def other_key():\n    try:\n        return os.environ[\"OTHER_KEY\"]\n"
    '    except ValueError:\n        return ""\n\n\n'
    "hooks = {}\nfor name, value in os.environ.items():\n"
    '    if name.startswith("HOOK_"):\n        hooks[name.removeprefix("HOOK_")] = value\n'
    'child = {k: v for k, v in os.environ.items() if k.startswith("APP_")}\n'
    "for name in os.environ:\n"
    '    if name.startswith("LOG_"):\n        print(name)\n'
    'tags = dict((k[4:], v) for k, v in os.environ.items() if k.startswith("TAG_"))\n'
)


def test_python_reads_a_recovering_handler_guards_and_a_prefix_scan_is_a_pattern(tmp_path):
    """``except KeyError`` that recovers is the read's fallback (one that raises again, or
    catches something else, is not); ``os.environ`` iterated, kept by ``startswith`` and the
    prefix cut off reads that prefix; keys copied whole (to a child process) or only printed
    are no read."""
    write_repo(tmp_path, {"app/settings.py": PYTHON_RECOVERY})
    assert usages(tmp_path) == {
        ("SEARCH_KEY", 10): "guarded",
        ("STRICT_KEY", 17): "required",
        ("OTHER_KEY", 24): "required",
    }
    project = build_project(str(tmp_path), Config())
    assert [(d.pattern, d.location.line) for d in project.dynamic] == [
        ("HOOK_*", 31),
        ("PLUGIN_ARG_*", 5),
        ("TAG_*", 37),
    ]


CONSTANTS = {
    "src/prices.ts": "export const PRICE_A_ID = process.env.PRICE_A_ID!;\n"
    "export const PRICE_B_ID = process.env.PRICE_B_ID!;\n"
    "export const PRICE_C_ID = process.env.PRICE_C_ID!;\n",
    "src/labels.ts": 'export const PRICE_C_ID = "c";\n',
    "src/plans.ts": 'import { PRICE_A_ID, PRICE_B_ID } from "./prices";\n'
    'import { PRICE_C_ID } from "./labels";\n'
    "export const ids = [PRICE_A_ID, PRICE_C_ID].filter(Boolean);\n"
    "export const other = () => (!PRICE_B_ID ? null : PRICE_B_ID.trim());\n"
    "export const region = process.env.UNRELATED_KEY;\n",  # parsed: it reads the environment
    ".env.example": "UNRELATED_KEY=\n",
}


def test_an_imported_constant_the_app_checks_is_an_optional_feature(run_in, tmp_path):
    write_repo(tmp_path, CONSTANTS)
    out = run_in(tmp_path).out
    assert "PRICE_A_ID" not in out and "PRICE_B_ID" not in out
    # the check in plans.ts is of another module's constant: PRICE_C_ID stays undeclared
    assert "`PRICE_C_ID` is read here with no fallback" in out


@pytest.mark.parametrize(
    "use",
    [
        pytest.param("export const deny = (t: string) => (t !== PRICE_A_ID ? 401 : 200);\n", id="a-comparison-needs-it"),
        pytest.param(
            "export function pick(o: { PRICE_A_ID?: string }) {\n"
            "  const { PRICE_A_ID } = o;\n  return !PRICE_A_ID ? null : PRICE_A_ID;\n}\n",
            id="a-local-of-the-same-name",
        ),
        pytest.param("export const f = (PRICE_A_ID?: string) => PRICE_A_ID ?? 'x';\n", id="a-parameter-of-the-same-name"),
    ],
)
def test_what_is_no_check_of_an_imported_constant(run_in, tmp_path, use):
    write_repo(tmp_path, {
        "src/prices.ts": "export const PRICE_A_ID = process.env.PRICE_A_ID!;\n",
        "src/plans.ts": 'import { PRICE_A_ID } from "./prices";\nexport const r = process.env.UNRELATED_KEY;\n' + use,
        ".env.example": "UNRELATED_KEY=\n",
    })
    assert "`PRICE_A_ID` is read here with no fallback" in run_in(tmp_path).out


def test_names_written_as_a_whole_string_literal():
    from env_lint.project.collect import words_in

    data = b"""x = "API_KEY"; y = 'APP_URL'"DB_URL"; z = `TOKEN_TTL`; "OPEN_ENDED; "Low_er"; "TWO WORDS_X" "TAIL_" "A_B"c"""
    names, quoted = words_in(data)
    assert quoted == {"API_KEY", "APP_URL", "DB_URL", "TOKEN_TTL", "A_B"}
    assert names == quoted | {"OPEN_ENDED", "WORDS_X"}
    tags = b'User string `env:"STORE_USERNAME,default=app"`\nPass string `env:"STORE_PASS,required"`\nX `json:"NOT_A_TAG,omitempty"`'
    assert words_in(tags, tags=True)[1] == {"STORE_USERNAME", "STORE_PASS"}
    assert words_in(tags)[1] == frozenset()  # only a Go file's struct tags
    assert words_in(b'"QUOTED_AT_END"')[1] == {"QUOTED_AT_END"}


def test_create_env_given_a_constant_of_its_module_reads_its_options(tmp_path):
    """``const options = { server: {...}, runtimeEnv }`` then ``createEnv(options) as ...``."""
    write_repo(tmp_path, {
        "src/env.ts": 'import { createEnv } from "@t3-oss/env-core";\nimport { z } from "zod";\n'
        "const options = {\n  server: { QUEUE_URL: z.string(), RETRY_LIMIT: z.coerce.number().default(3) },\n"
        "  runtimeEnv: process.env,\n};\n"
        "export const env = createEnv(options) as unknown as { QUEUE_URL: string };\n",
    })
    project = build_project(str(tmp_path), Config())
    assert project.unrecognized == ()
    (schema,) = project.schemas
    assert [(v.name, v.required) for v in schema.variables] == [("QUEUE_URL", True), ("RETRY_LIMIT", False)]


def test_a_unary_plus_converts_and_keeps_the_fallback_after_it(tmp_path):
    write_repo(tmp_path, {
        "src/a.ts": "export const port = +process.env.LISTEN_PORT || 8000;\n"
        "export const workers = +process.env.WORKER_COUNT;\n"
        "export const off = !process.env.FEATURE_OFF;\n",
    })
    assert usages(tmp_path) == {
        ("LISTEN_PORT", 1): "defaulted",
        ("WORKER_COUNT", 2): "required",
        ("FEATURE_OFF", 3): "guarded",
    }


def test_the_operating_systems_own_variables_handed_to_a_child_process(run_in, tmp_path):
    write_repo(tmp_path, {
        "src/spawn.ts": "export const env = {\n  PATH: process.env.PATH,\n"
        "  SYSTEMROOT: process.env.SYSTEMROOT,\n  PATHEXT: process.env.PATHEXT,\n"
        "  TEMP: process.env.TEMP,\n  XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,\n"
        "  DISPLAY: process.env.DISPLAY,\n"
        "};\nexport const token = process.env.WORKER_TOKEN!.trim();\n"
        "export const dir = process.env.TMP!.trim();\n",
        ".env.example": "# the repo declares its variables somewhere\n",
    })
    out = run_in(tmp_path).out
    assert out.count("EL202") == 1 and "`WORKER_TOKEN` is read here" in out


def test_a_serverless_runtimes_own_variables_are_never_undeclared(run_in, tmp_path):
    write_repo(tmp_path, {
        "src/handler.ts": "export const api = process.env.AWS_LAMBDA_RUNTIME_API!.trim();\n"
        "export const svc = process.env.K_SERVICE!.trim();\n"
        "export const token = process.env.WORKER_TOKEN!.trim();\n",
        ".env.example": "# the repo declares its variables somewhere\n",
    })
    out = run_in(tmp_path).out
    assert out.count("EL202") == 1 and "`WORKER_TOKEN` is read here" in out


PYTHON_CLI = (
    "import click\nimport configargparse\n\n\n"
    '@click.command(context_settings={"auto_envvar_prefix": "TOOL"})\n'
    '@click.option("--token", envvar="TOOL_API_TOKEN", required=True)\n'
    '@click.option("--region", envvar=["TOOL_REGION", "AWS_REGION"])\n'
    '@click.option("--port", envvar="TOOL_PORT", default=8080)\n'
    "def main(token, region, port):\n    pass\n\n\n"
    'parser = configargparse.ArgumentParser(auto_env_var_prefix="runner_")\n'
    'parser.add_argument("--model", env_var="RUNNER_MODEL_NAME")\n'
    'parser.add_argument("--other", env_var="RUNNER_OTHER_KEY")\n'
    'build(env_var="IGNORED_KEYWORD")\n'
    'main(auto_envvar_prefix="CLI")\n'
)


def test_command_line_options_that_fall_back_to_the_environment(tmp_path):
    """click's and typer's ``envvar=``, configargparse's ``env_var=`` on an option, and the
    prefix both give every option (``auto_envvar_prefix="TOOL"`` reads ``TOOL_*``). The
    variable is never required by itself: the command line may give the value instead."""
    write_repo(tmp_path, {"tool/cli.py": PYTHON_CLI})
    assert usages(tmp_path) == {
        ("TOOL_API_TOKEN", 6): "passed",  # a required option: the flag or the variable
        ("TOOL_REGION", 7): "guarded",
        ("AWS_REGION", 7): "guarded",
        ("TOOL_PORT", 8): "defaulted",
        ("RUNNER_MODEL_NAME", 14): "guarded",
        ("RUNNER_OTHER_KEY", 15): "guarded",
    }
    project = build_project(str(tmp_path), Config())
    assert [(d.pattern, d.location.line) for d in project.dynamic] == [
        ("CLI_*", 17),
        ("RUNNER_*", 13),
        ("TOOL_*", 5),
    ]


def test_a_read_after_an_early_return_on_a_switch_needs_the_switch(tmp_path):
    """``if (!process.env.KEY) return;`` makes the rest of the block an optional feature; an
    early ``throw`` asserts the key instead, and a stage check or a flag that is on (``=== "true"``)
    switches nothing off."""
    write_repo(tmp_path, {
        "src/track.ts": "export function start() {\n"
        "  if (!process.env.METRICS_KEY) return;\n"
        "  init(process.env.METRICS_KEY, { host: process.env.METRICS_HOST });\n}\n"
        "export function strict() {\n"
        "  if (!process.env.BILLING_KEY) { throw new Error('set BILLING_KEY'); }\n"
        "  charge(process.env.BILLING_URL!);\n}\n"
        "export function staged() {\n"
        "  if (process.env.NODE_ENV !== 'production') { return; }\n"
        "  ship(process.env.SHIP_URL!);\n}\n"
        "export function paused() {\n"
        "  if (process.env.MAINTENANCE === 'true') return;\n"
        "  serve(process.env.SERVE_URL!);\n}\n"
        "export function mail() {\n"
        "  if (process.env.MAIL_KEY == null || !process.env.MAIL_FROM) return;\n"
        "  send(process.env.MAIL_HOST!);\n}\n",
    })
    found = usages(tmp_path)
    assert found[("METRICS_HOST", 3)] == "guarded"
    assert found[("BILLING_URL", 7)] == "required"
    assert found[("SHIP_URL", 11)] == "required"
    assert found[("SERVE_URL", 15)] == "required"  # a flag that turns the usual path off
    assert found[("MAIL_HOST", 19)] == "guarded"


def test_a_compose_files_input_sheet_lists_what_the_compose_file_does_not_set(run_in, tmp_path):
    """``docker-compose.prod.env.example`` beside ``docker-compose.prod.yml``: a schema
    variable the compose file sets itself is not missing from it; one it leaves out is."""
    write_repo(tmp_path, {
        "docker-compose.prod.yml": "services:\n  web:\n    image: acme/web:1\n    environment:\n"
        "      DATABASE_URL: 'mysql://app:${DB_PASSWORD}@db/app'\n      APP_SECRET: ${APP_SECRET}\n",
        "docker-compose.prod.env.example": "DB_PASSWORD=\nAPP_SECRET=\n",
        "src/env.ts": 'import { z } from "zod";\nexport const env = z.object({\n'
        "  DATABASE_URL: z.string(),\n  APP_SECRET: z.string(),\n  MAIL_KEY: z.string(),\n"
        "}).parse(process.env);\n",
    })
    out = run_in(tmp_path).out
    assert "`MAIL_KEY` is declared in the schema but missing" in out
    assert "`DATABASE_URL`" not in out and out.count("EL200") == 1


@pytest.mark.parametrize(
    ("shebang", "reads"),
    [("#!/usr/bin/env node", True), ("#!/usr/bin/env -S deno run", True), ("#!/usr/bin/env python3", False)],
)
def test_a_javascript_program_with_no_extension_is_read(tmp_path, shebang, reads):
    """``bin/cli`` starting ``#!/usr/bin/env node``: read as JavaScript."""
    write_repo(tmp_path, {
        "bin/cli": f"{shebang}\nconst verbose = process.env.TOOL_VERBOSE === '1';\nconsole.log(verbose);\n",
    })
    project = build_project(str(tmp_path), Config())
    assert [u.name for u in project.usages if not u.weak] == (["TOOL_VERBOSE"] if reads else [])


def test_nuxt_reads_its_runtime_config_keys_from_nuxt_variables(tmp_path):
    """``runtimeConfig: { openaiApiKey: '', public: { apiBase: '' } }``: Nuxt fills each key from
    ``NUXT_OPENAI_API_KEY`` / ``NUXT_PUBLIC_API_BASE`` at run time, the value as its fallback."""
    write_repo(tmp_path, {
        "nuxt.config.ts": "export default defineNuxtConfig({\n  runtimeConfig: {\n    openaiApiKey: '',\n"
        "    redis: { url: '' },\n    public: { apiBase: '/api', siteURL: '' },\n  },\n})\n",
        "app/nuxt.config.ts": "export default { runtimeConfig: 1 }\n",
        "other.config.ts": "export default { runtimeConfig: { notNuxt: '' } }\n",
    })
    project = build_project(str(tmp_path), Config())
    assert sorted((u.name, u.location.line, u.required) for u in project.usages) == [
        ("NUXT_OPENAI_API_KEY", 3, False), ("NUXT_PUBLIC_API_BASE", 5, False),
        ("NUXT_PUBLIC_SITE_URL", 5, False), ("NUXT_REDIS_URL", 4, False),
    ]


def test_a_runtime_env_entry_no_section_declares_is_no_undeclared_read(run_in, tmp_path):
    """``X: process.env.X`` in t3-env's ``runtimeEnv`` hands the value to the schema: a key no
    section declares is runtime-env-mismatch's finding, not a read the app needs."""
    write_repo(tmp_path, {
        "src/env.ts": 'import { createEnv } from "@t3-oss/env-nextjs";\n'
        'import { z } from "zod";\n'
        "export const env = createEnv({\n"
        "  server: { DB_URL: z.string() },\n"
        "  experimental__runtimeEnv: {\n"
        "    DB_URL: process.env.DB_URL,\n"
        "    LEGACY_OAUTH_ID: process.env.LEGACY_OAUTH_ID,\n"
        "  },\n"
        "});\n",
        "src/api.ts": "export const key = process.env.SIGNING_KEY!.trim();\n",
        ".env.example": "DB_URL=\n",
    })
    out = run_in(tmp_path, "--select", "EL202,EL204").out
    assert "src/env.ts:7:5: error EL204" in out and "`LEGACY_OAUTH_ID`" in out
    assert out.count("EL202") == 1 and "`SIGNING_KEY` is read here" in out


def test_an_accessor_imported_from_another_module_reads_what_it_names(tmp_path):
    """``getVar("X")`` where ``getVar`` comes from a module whose ``getVar`` reads
    ``process.env[key]`` reads ``X``, as that accessor uses its read (one with a fallback makes
    every call defaulted); a function of the same name that is no accessor reads nothing."""
    write_repo(tmp_path, {
        "src/config/index.ts": "export function getVar(key: string) {\n"
        "  const value = process.env[key];\n"
        "  if (!value) throw new Error(`Missing ${key}`);\n  return value;\n}\n"
        "export const optional = (key: string) => process.env[key] ?? '';\n"
        "export function label(key: string) {\n  return key.toLowerCase();\n}\n",
        "src/config/base.ts": "import { getVar, optional as soft, label } from './index.js';\n"
        "export const url = getVar('API_URL');\n"
        "export const both = getVar(\n  'SIGNING_KEY',\n  true,\n);\n"
        "export const mode = soft('LOG_MODE');\n"
        "export const title = label('PAGE_TITLE');\n",
        "src/other.ts": "import { getVar } from 'some-package';\nexport const x = getVar('NOT_OURS');\n",
    })
    assert usages(tmp_path) == {
        ("API_URL", 2): "required",
        ("SIGNING_KEY", 4): "defaulted",  # a second argument: the call decides
        ("LOG_MODE", 7): "emptied",  # the accessor falls back to an empty string itself
    }


def test_a_k6_script_reads_its_variables_from_its_global_environment(tmp_path):
    write_repo(tmp_path, {
        "load/checkout.js": "import http from 'k6/http';\n"
        "export default function () {\n"
        "  http.get(`${__ENV.LOAD_BASE_URL}/cart`);\n"
        "  const user = __ENV.LOAD_USER || 'guest';\n"
        "}\n",
    })
    assert usages(tmp_path) == {("LOAD_BASE_URL", 3): "required", ("LOAD_USER", 4): "defaulted"}


def test_a_variable_the_application_sets_itself_is_never_undeclared(run_in, tmp_path):
    """A loop that copies a defaults object into the environment (``for (k in defaults)``)
    or a plain assignment gives those variables a value for every module; a test's setup
    does not."""
    write_repo(tmp_path, {
        "src/init.js": "exports.initEnv = function () {\n"
        "  const defaults = {\n    // a comment between keys\n"
        "    TSCONFIG_PATH: './tsconfig.server.json',\n    CACHE_STORE: 'memory',\n  };\n"
        "  for (const key in defaults) {\n"
        "    if (!process.env[key]) process.env[key] = defaults[key];\n  }\n"
        "  process.env.STORAGE_DIR = '/tmp/storage';\n};\n",
        "src/dev.js": "exports.args = () => [process.env.TSCONFIG_PATH.trim(),\n"
        "  process.env.CACHE_STORE.trim(), process.env.STORAGE_DIR.trim(),\n"
        "  process.env.SIGNING_SECRET.trim(), process.env.TEST_ONLY_URL.trim()];\n",
        "tests/setup.js": "process.env.TEST_ONLY_URL = 'http://localhost';\n",
        ".env.example": "APP_URL=\n",
    })
    out = run_in(tmp_path, "--select", "EL202").out
    assert "`SIGNING_SECRET` is read here" in out and "`TEST_ONLY_URL` is read here" in out
    assert out.count("EL202") == 2, out


def test_a_flag_set_in_a_branch_on_a_variable_switches_the_reads_it_guards(tmp_path):
    """``var sso = false; if (process.env.SSO == "true") { sso = true; }`` then
    ``if (sso == true) { ...process.env.SSO_CLIENT_ID... }``: an optional feature's reads."""
    write_repo(tmp_path, {
        "src/auth.js": "var ssoEnabled = false;\n"
        'if (process.env.SSO_ENABLED == "true" || process.env.SSO_ENABLED == true) {\n'
        "  ssoEnabled = true;\n}\n"
        "var other = false;\nother = compute();\n"
        "if (ssoEnabled == true) {\n  use(process.env.SSO_CLIENT_ID.trim());\n}\n"
        "if (other) {\n  use(process.env.PLAIN_SECRET.trim());\n}\n",
    })
    found = usages(tmp_path)
    assert found[("SSO_CLIENT_ID", 8)] == "guarded"
    assert found[("PLAIN_SECRET", 11)] == "required"


def test_a_local_used_only_where_a_flag_switches_is_read_so(tmp_path):
    """``const key = process.env.CAPTCHA_KEY`` used only inside ``if
    (process.env.CAPTCHA_ENABLED === "true")``: an optional feature's setting; one use outside
    such a branch makes it required."""
    write_repo(tmp_path, {
        "src/captcha.js": "const captchaKey = process.env.CAPTCHA_KEY;\n"
        "const signing = process.env.SIGNING_KEY;\nlet captcha;\n"
        'if (process.env.CAPTCHA_ENABLED === "true") {\n'
        "  captcha = new Captcha(captchaKey.trim(), signing.trim());\n}\n"
        "export const sign = (x) => hmac(signing.trim(), x);\n",
    })
    found = usages(tmp_path)
    assert found[("CAPTCHA_KEY", 1)] == "guarded"
    assert found[("SIGNING_KEY", 2)] == "required"


def test_a_value_a_bundler_substitutes_is_handed_on(tmp_path):
    """``define: { __LSP_PORT__: process.env.LSP_PORT }`` in a build config (and webpack's
    ``new DefinePlugin({...})``): the app's code decides what unset means
    (``__LSP_PORT__ ?? 8001``); a plain config value is still needed."""
    write_repo(tmp_path, {
        "vite.config.ts": "export default defineConfig({\n"
        "  define: { __LSP_PORT__: process.env.LSP_PORT },\n"
        "  server: { proxy: process.env.PROXY_TARGET.trim() },\n});\n",
        "webpack.config.js": "module.exports = { plugins: [\n"
        "  new webpack.DefinePlugin({ __API__: process.env.API_BASE }),\n] };\n",
    })
    found = usages(tmp_path)
    assert found[("LSP_PORT", 2)] == "passed" and found[("API_BASE", 2)] == "passed"
    assert found[("PROXY_TARGET", 3)] == "required"


def test_a_property_a_class_sets_from_a_read_is_used_as_the_class_uses_it(tmp_path):
    """``this.onlyProject = process.env.ONLY_PROJECT`` then ``if (this.onlyProject)`` in the
    same class: an optional filter; ``if (!this.key) throw`` asserts it instead."""
    write_repo(tmp_path, {
        "src/task.js": "class Cleanup {\n  constructor() {\n"
        "    this.onlyProject = process.env.ONLY_PROJECT;\n"
        "    this.key = process.env.SIGNING_KEY;\n"
        "    this.region = process.env.QUEUE_REGION;\n  }\n"
        "  run() {\n    if (this.onlyProject) { log(this.onlyProject); }\n"
        "    if (!this.key) { throw new Error('no key'); }\n"
        "    return this.region ?? 'us-east-1';\n  }\n}\n"
        "module.exports = Cleanup;\n",
    })
    found = usages(tmp_path)
    assert found[("ONLY_PROJECT", 3)] == "guarded"
    assert found[("SIGNING_KEY", 4)] == "required"
    assert found[("QUEUE_REGION", 5)] == "defaulted"
