"""Every declaration style and every way of reading a variable: the exact facts extracted
from the fixtures under fixtures/styles (name, line, type, required, conditional, default,
choices, section, file)."""

from __future__ import annotations

import pytest

from env_lint.config import Config
from env_lint.model import DynamicRead, Location
from env_lint.project import build_project

from .conftest import FIXTURES

STYLES = FIXTURES / "styles"

DECLARATIONS = {
    "zod": [
        ("APP_NAME", 10, "string", False, False, 'acme', (), None, "src/env.ts"),
        ("PORT", 11, "number", False, False, 60000, (), None, "src/env.ts"),
        ("LOG_LEVEL", 20, "enum", False, False, 'info', ('debug', 'info', 'warn'), None, "src/env.ts"),
        ("REGION", 21, "enum", True, False, None, ('eu', 'us'), None, "src/env.ts"),
        ("MAX_UPLOAD", 15, "number", False, False, 524288, (), None, "src/env.ts"),
        ("DEBUG", 24, "boolean", False, False, None, (), None, "src/env.ts"),
        ("DATABASE_URL", 29, "url", True, False, None, (), None, "src/env.ts"),
        ("TIMEOUT_MS", 30, "number", False, False, 5000, (), None, "src/env.ts"),
        ("MODE", 31, "enum", True, False, None, ('a', 'b'), None, "src/env.ts"),
        ("SENTRY_RATE", 32, "number", False, False, '0.1', (), None, "src/env.ts"),
        ("QUEUE_URL", 33, "url", True, True, None, (), None, "src/env.ts"),
        ("SMTP_HOST", 39, "string", True, True, None, (), None, "src/env.ts"),
        ("SMTP_PORT", 39, "number", False, False, 587, (), None, "src/env.ts"),
        ("KEEP_ME", 44, "string", True, False, None, (), None, "src/env.ts"),
        ("STORAGE", 52, "enum", True, False, None, ('s3',), None, "src/env.ts"),
        ("S3_BUCKET", 52, "string", True, True, None, (), None, "src/env.ts"),
        ("DISK_PATH", 53, "string", False, False, '/data', (), None, "src/env.ts"),
    ],
    "t3-env": [
        ("DATABASE_URL", 6, "url", True, False, None, (), 'server', "src/env.ts"),
        ("CRON_SECRET", 7, "string", False, False, None, (), 'server', "src/env.ts"),
        ("NODE_ENV", 11, "enum", False, False, 'development', ('development', 'production'), 'server', "src/env.ts"),
        ("NEXT_PUBLIC_APP_URL", 4, "url", True, False, None, (), 'client', "src/env/client.ts"),
        ("NEXT_PUBLIC_PLAN", 5, "enum", False, False, 'free', ('free', 'pro'), 'client', "src/env/client.ts"),
        ("VERCEL_ENV", 13, "enum", False, False, None, ('production', 'preview', 'development'), 'shared', "src/env.ts"),
    ],
    "envalid": [
        ("API_URL", 7, "url", True, False, None, (), None, "src/env.ts"),
        ("PORT", 8, "number", False, False, 3000, (), None, "src/env.ts"),
        ("LOG_LEVEL", 9, "enum", False, False, 'info', ('debug', 'info'), None, "src/env.ts"),
        ("RETRIES", 10, "number", False, False, 3, (), None, "src/env.ts"),
        ("DRY_RUN", 11, "boolean", True, True, None, (), None, "src/env.ts"),
        ("APP_VERSION", 12, "unknown", True, False, None, (), None, "src/env.ts"),
        ("SENTRY_DSN", 13, "string", True, True, None, (), None, "src/env.ts"),
    ],
    "pydantic": [
        ("APP_DEBUG", 10, "boolean", False, False, False, (), None, "app/settings.py"),
        ("APP_DATABASE_URL", 14, "string", True, False, None, (), None, "app/settings.py"),
        ("APP_API_BASE", 15, "url", False, False, 'https://api.example.com', (), None, "app/settings.py"),
        ("APP_MODE", 16, "enum", False, False, 'dev', ('dev', 'prod'), None, "app/settings.py"),
        ("APP_WORKERS", 17, "number", False, False, 4, (), None, "app/settings.py"),
        ("SERVICE_TOKEN", 18, "string", True, False, None, (), None, "app/settings.py"),
        ("APP_SENTRY_DSN", 19, "string", False, False, None, (), None, "app/settings.py"),
        ("OLD_REDIS_URL", 23, "string", False, False, 'redis://localhost:6379', (), None, "app/settings.py"),
    ],
    "class-config": [
        ("SECRET_KEY", 6, "unknown", True, False, None, (), None, "src/env.ts"),
        ("CACHE_URL", 11, "unknown", False, False, None, (), None, "src/env.ts"),
        ("REGION", 15, "unknown", False, False, None, (), None, "src/env.ts"),
        ("SSL_MODE", 17, "unknown", False, False, None, (), None, "src/env.ts"),
        ("QUEUE_URL", 6, "unknown", True, False, None, (), None, "src/nest/env.validation.ts"),
        ("QUEUE_NAME", 10, "unknown", False, False, None, (), None, "src/nest/env.validation.ts"),
        ("WORKER_COUNT", 13, "unknown", False, False, None, (), None, "src/nest/env.validation.ts"),
    ],
    # imports through tsconfig paths (JSONC, no baseUrl), an extended base config's baseUrl +
    # paths, and a workspace package by its package.json name
    "zod-aliases": [
        ("WORKERS", 4, "number", False, False, None, (), None, "apps/api/src/env.ts"),
        ("LOG_LEVEL", 3, "string", False, False, 'info', (), None, "packages/config/src/index.ts"),
        ("API_URL", 7, "url", False, False, None, (), None, "src/env.ts"),
        ("API_TOKEN", 8, "string", True, False, None, (), None, "src/env.ts"),
    ],
    # env_nested_delimiter: a nested model is one JSON variable or one variable per field,
    # each required only in the configurations that set the model field by field
    "pydantic-nested": [
        ("APP_DEBUG", 17, "boolean", False, False, False, (), None, "app/config.py"),
        ("APP_DB", 18, "unknown", False, True, None, (), None, "app/config.py"),
        ("APP_DB__HOST", 6, "string", True, True, None, (), None, "app/config.py"),
        ("APP_DB__PORT", 7, "number", False, False, 5432, (), None, "app/config.py"),
        ("APP_CACHE", 19, "unknown", False, False, None, (), None, "app/config.py"),
        ("APP_CACHE__URL", 11, "string", False, False, 'redis://localhost:6379', (), None, "app/config.py"),
        ("DB", 25, "unknown", True, False, None, (), None, "app/config.py"),
    ],
    "json-schema": [
        ("API_URL", 6, "url", True, False, None, (), None, "config/app.env.schema.json"),
        ("API_KEY", 7, "string", True, False, None, (), None, "config/app.env.schema.json"),
        ("LOG_LEVEL", 8, "enum", False, False, 'info', ('debug', 'info'), None, "config/app.env.schema.json"),
        ("WORKERS", 9, "number", False, False, 2, (), None, "config/app.env.schema.json"),
        ("ADMIN_EMAIL", 10, "email", False, False, None, (), None, "config/app.env.schema.json"),
    ],
}

READS = {
    "usages-js": (
        [
            ("BUN_PORT", "src/reads.ts", 5, 21, False, False),
            ("DB_HOST", "src/reads.ts", 6, 9, False, False),
            ("DB_PORT", "src/reads.ts", 6, 18, True, False),
            ("DENO_TOKEN", "src/reads.ts", 4, 27, False, False),
            ("HELPER_VALUE", "src/reads.ts", 7, 26, False, False),
            ("NOT_A_FALLBACK", "src/reads.ts", 13, 30, False, False),
            ("SERVICE_VALUE", "src/reads.ts", 8, 38, False, False),
            ("VITE_API_URL", "src/reads.ts", 3, 30, False, False),
            ("WITH_FALLBACK", "src/reads.ts", 12, 30, True, False),
        ],
        [
            # process.env[key] with an unknown key is an opaque use, not a pattern
            DynamicRead(pattern='BUCKET_*', location=Location(path='src/reads.ts', line=9, column=28)),
            DynamicRead(pattern='PREFIX_*', location=Location(path='src/reads.ts', line=10, column=34)),
        ],
    ),
    "class-config": (
        [
            # environment.X through the imported module that exports process.env wrapped (a
            # weak read: the wrapper's result may hold other keys, so never `undeclared` on its
            # own), and env.X / all.X through named exports spreading or aliasing it (plain
            # reads); Colors.X from a module that exports a plain object is no read
            ("CACHE_URL", "src/config/database.js", 3, 20, False, False),
            ("CACHE_URL", "src/env.ts", 11, 17, True, True),
            ("DEPLOY_STAGE", "src/app.ts", 7, 26, True, False),
            ("FEATURE_FLAG", "src/app.ts", 5, 33, False, True),
            ("LEGACY_CACHE_URL", "src/env.ts", 11, 42, False, True),
            ("PUBLIC_HOST", "src/app.ts", 8, 25, False, False),
            ("REGION", "src/env.ts", 15, 31, True, True),
            ("SECRET_KEY", "src/env.ts", 6, 35, False, True),
            ("SSL_MODE", "src/config/database.js", 2, 21, False, False),
            ("SSL_MODE", "src/env.ts", 17, 33, False, True),
        ],
        [
        ],
    ),
    "usages-python": (
        [
            ("API_TOKEN", "app/main.py", 6, 19, False, False),
            ("CUSTOM_SETTING", "app/main.py", 11, 26, False, False),
            ("DATABASE_URL", "app/main.py", 4, 27, False, False),
            ("DEBUG_MODE", "app/main.py", 8, 16, False, False),
            ("REDIS_URL", "app/main.py", 5, 28, True, False),
            ("REGION", "app/main.py", 7, 22, False, False),
            # os.environ.setdefault("TZ_NAME", "UTC") keeps a value that is set: a read with a
            # fallback (the program, or a library it calls, reads it next)
            ("TZ_NAME", "app/main.py", 9, 23, True, False),
        ],
        [
            DynamicRead(pattern='BUCKET_*', location=Location(path='app/main.py', line=10, column=21)),
        ],
    ),
    "infra": (
        [
            ("API_TOKEN", ".github/workflows/ci.yml", 13, 11, False, True),
            ("API_TOKEN", ".github/workflows/ci.yml", 13, 22, False, True),
            ("APP_HOME", "Dockerfile", 3, 5, False, True),
            ("APP_HOME", "Dockerfile", 5, 38, False, True),
            ("BUILD_SHA", "Dockerfile", 2, 5, False, True),
            ("BUILD_SHA", "Dockerfile", 5, 11, False, True),
            ("DATABASE_URL", ".github/workflows/ci.yml", 9, 7, False, True),
            ("DEPLOY_ENV", ".github/workflows/ci.yml", 14, 11, False, True),
            ("DEPLOY_ENV", ".github/workflows/ci.yml", 14, 23, False, True),
            ("DEPLOY_HOOK_URL", "scripts/deploy.sh", 4, 15, False, True),
            ("DEPLOY_TOKEN", "scripts/deploy.sh", 4, 59, False, True),
            ("LEGACY_FLAG", "Dockerfile", 4, 5, False, True),
            ("LOG_LEVEL", "docker-compose.yml", 6, 7, False, True),
            ("NODE_VERSION", ".github/workflows/ci.yml", 4, 3, False, True),
            ("PORT_NUMBER", "Dockerfile", 3, 19, False, True),
            ("QUEUE_NAME", "docker-compose.yml", 10, 9, False, True),
            ("REDIS_URL", "docker-compose.yml", 5, 7, False, True),
            ("REDIS_URL", "docker-compose.yml", 5, 18, False, True),
            ("SENTRY_DSN", "docker-compose.yml", 11, 9, False, True),
        ],
        [
        ],
    ),
}
ACCESSORS = ("getEnv", "configService.get", "settings_value")


@pytest.mark.parametrize("style", sorted(DECLARATIONS))
def test_declarations(style):
    project = build_project(str(STYLES / style), Config())
    assert project.failures == ()
    assert project.unrecognized == ()
    found = [
        (v.name, v.location.line, v.type, v.required, v.conditional, v.default, v.choices, v.section, v.location.path)
        for s in project.schemas
        for v in s.variables
    ]
    assert found == DECLARATIONS[style]


@pytest.mark.parametrize("style", sorted(READS))
def test_reads(style):
    project = build_project(str(STYLES / style), Config(accessors=ACCESSORS))
    assert project.failures == ()
    usages = [(u.name, u.location.path, u.location.line, u.location.column, u.defaulted, u.weak) for u in project.usages]
    expected_usages, expected_dynamic = READS[style]
    assert usages == expected_usages
    assert list(project.dynamic) == expected_dynamic


def test_pydantic_aliases_and_schema_kinds():
    project = build_project(str(STYLES / "pydantic"), Config())
    token = next(v for s in project.schemas for v in s.variables if v.name == "SERVICE_TOKEN")
    assert token.aliases == ("LEGACY_TOKEN",)
    assert {s.kind for s in project.schemas} == {"pydantic-settings"}
    assert {s.kind for s in build_project(str(STYLES / "t3-env"), Config()).schemas} == {"t3-env"}
    assert {s.kind for s in build_project(str(STYLES / "envalid"), Config()).schemas} == {"envalid"}


def test_class_config_requiredness_and_aliases():
    """@IsOptional() is optional, @IsNotEmpty() required unless the read falls back, a field
    without either is unknown; a second read in the field is another name for the variable."""
    project = build_project(str(STYLES / "class-config"), Config())
    assert {s.kind for s in project.schemas} == {"class-validator"}
    found = {v.name: (v.required, v.has_default, v.known, v.aliases) for s in project.schemas for v in s.variables}
    assert found["SECRET_KEY"] == (True, False, True, ())
    assert found["CACHE_URL"] == (False, True, True, ("LEGACY_CACHE_URL",))
    assert found["REGION"] == (False, True, True, ())
    assert found["SSL_MODE"] == (False, False, False, ())
    assert found["WORKER_COUNT"] == (False, True, True, ())
    assert "helperValue" not in found


def test_without_accessors_configured_helpers_are_not_reads():
    project = build_project(str(STYLES / "usages-js"), Config())
    assert "HELPER_VALUE" not in {u.name for u in project.usages}


def test_an_import_alias_env_lint_cannot_resolve_stays_unknown(tmp_path):
    """Without the tsconfig that defines `@/*`, the helper behind the alias is unknown: the
    key's requiredness is unknown, never "required"."""
    import shutil

    shutil.copytree(STYLES / "zod-aliases", tmp_path / "repo")
    (tmp_path / "repo" / "tsconfig.json").unlink()
    project = build_project(str(tmp_path / "repo"), Config())
    known = {v.name: v.known for s in project.schemas for v in s.variables}
    assert known == {"WORKERS": True, "LOG_LEVEL": True, "API_URL": False, "API_TOKEN": True}


def test_t3_presets_in_extends_declare_their_variables():
    """A data preset declares its variables (required as t3-env declares them); a platform
    preset declares nothing (the platform sets its own variables); another module's
    createEnv in `extends` is a schema of its own."""
    project = build_project(str(STYLES / "t3-presets"), Config())
    by_file = {}
    for schema in project.schemas:
        for var in schema.variables:
            by_file.setdefault(schema.path, {})[var.name] = (var.required, var.location.line)
    main = by_file["src/env.ts"]
    assert main["CRON_SECRET"] == (True, 9)
    assert main["DATABASE_URL"] == (True, 8)
    assert main["UPLOADTHING_TOKEN"] == (True, 8)
    assert main["PGHOST"] == (False, 8)
    assert not any(name.startswith("VERCEL") for name in main)
    assert by_file["src/auth-env.ts"] == {"AUTH_SECRET": (True, 6)}
