"""Deploy manifests in the repo as targets: for each manifest kind, the exact units and
variables read from its fixture (fixtures/manifests/<kind>/fires), the exact findings, a silent
twin; the one model of targets (audit report, explain), and unreadable manifests."""

from __future__ import annotations

import pytest

from env_lint.analysis.providers import Provision, provided_by
from env_lint.config import Config
from env_lint.project import build_project

from .conftest import FIXTURES, ROOT, copy_fixture, write_repo

MANIFESTS = FIXTURES / "manifests"
KINDS = ["render", "compose", "fly", "kubernetes", "heroku", "serverless", "github-actions"]

# (unit, line, directory, dockerfile, image, indirect, role, complete,
#  [(name, line, column, how, literal kept for comparison)])
UNITS = {
    "render": [
        ('worker', 3, 'services/worker', None, None, (), 'deploy', True, [("REDIS_URL", 10, 14, "placeholder", None), ("SUPABASE_URL", 12, 14, "placeholder", None), ("DATABASE_URL", 14, 14, "reference", None), ("SESSION_SECRET", 18, 14, "secret", None), ("JOB_CONCURRENCY", 20, 14, "value", '10'), ("LOG_LEVEL", 22, 14, "value", 'info'), ("SENTRY_DSN", 40, 14, "placeholder", None)]),
    ],
    "compose": [
        ('api', 3, 'services/api', None, None, (), 'local', True, [("JOB_CONCURRENCY", 6, 7, "interpolated", '10'), ("LOG_LEVEL", 7, 7, "value", 'info'), ("DATABASE_URL", 8, 7, "value", 'postgres://app@db:5432/app'), ("LEGACY_QUEUE", 9, 7, "value", 'jobs')]),
        ('worker', 10, '', 'services/worker/Dockerfile', None, (), 'local', True, [("QUEUE_NAME", 15, 9, "value", 'jobs'), ("REDIS_URL", 16, 9, "interpolated", None)]),
        ('web', 17, 'services/web', None, None, ('env_file .env',), 'local', True, []),
    ],
    "fly": [
        ('acme-api', 7, '', 'Dockerfile', None, (), 'deploy', False, [("LOG_LEVEL", 8, 3, "value", 'debug'), ("PUBLIC_URL", 9, 3, "value", 'https://acme-api.fly.dev'), ("OLD_SETTING", 10, 3, "value", '1'), ("FLY_PROCESS_GROUP", 11, 3, "value", 'app')]),
    ],
    "kubernetes": [
        ('api/api', 16, None, None, 'ghcr.io/acme/api:1.4.2', (), 'deploy', True, [("LOG_LEVEL", 19, 21, "value", 'debug'), ("OLD_FLAG", 21, 21, "value", '1'), ("DATABASE_URL", 23, 21, "secret", None), ("POD_IP", 28, 21, "reference", None)]),
        ('worker/worker', 44, None, None, 'ghcr.io/acme/worker@sha256:0123456789abcdef', (), 'deploy', True, [("QUEUE_NAME", 47, 19, "reference", None)]),
        ('kafka-ui/kafka-ui', 58, None, None, 'provectuslabs/kafka-ui:latest', (), 'deploy', True, [("KAFKA_CLUSTERS_0_NAME", 61, 21, "value", 'local')]),
    ],
    "heroku": [
        ('acme-app', 5, '', None, None, (), 'deploy', True, [("SESSION_SECRET", 6, 5, "secret", None), ("LOG_LEVEL", 7, 5, "default", 'warn'), ("LEGACY_MODE", 8, 5, "default", 'off')]),
    ],
    "serverless": [
        ('hello', 9, '', None, None, (), 'deploy', True, [("GREETING", 12, 7, "value", 'hi'), ("STAGE_LABEL", 7, 5, "value", 'preview'), ("TABLE_NAME", 6, 5, "reference", None)]),
    ],
    "github-actions": [
        ('test', 6, '', None, None, (), 'ci', False, [("DATABASE_URL", 9, 7, "secret", None), ("LOG_LEVEL", 4, 3, "value", 'debug'), ("TEST_ONLY_FLAG", 15, 11, "value", '1')]),
    ],
}

FIRES = {
    "render": [
        "render.yaml:3:5: error EL703 [missing-in-manifest] `UPSTASH_REDIS_REST_TOKEN` is required by `@acme/worker` (no default), but render `worker` (`render.yaml`) does not provide it",
        "render.yaml:3:5: error EL703 [missing-in-manifest] `UPSTASH_REDIS_REST_URL` is required by `@acme/worker` (no default), but render `worker` (`render.yaml`) does not provide it",
        "render.yaml:10:14: warning EL704 [unused-in-manifest] render `worker` sets `REDIS_URL`, but `@acme/worker` never declares or reads it",
    ],
    "compose": [
        "docker-compose.yml:6:7: warning EL705 [manifest-default-mismatch] the `${...:-default}` compose `api` gives `JOB_CONCURRENCY` differs from the schema default 5 of `@acme/api`",
        "docker-compose.yml:9:7: warning EL704 [unused-in-manifest] compose `api` sets `LEGACY_QUEUE`, but `@acme/api` never declares or reads it",
        "docker-compose.yml:10:3: error EL703 [missing-in-manifest] `WORKER_TOKEN` is required by `@acme/worker` (no default), but compose `worker` (`docker-compose.yml`) does not provide it",
    ],
    "fly": [
        "fly.toml:7:1: error EL703 [missing-in-manifest] `API_TOKEN` is required by `acme-api` (no default), but fly `acme-api` (`fly.toml`) does not provide it",
        "fly.toml:10:3: warning EL704 [unused-in-manifest] fly `acme-api` sets `OLD_SETTING`, but `acme-api` never declares or reads it",
    ],
    "kubernetes": [
        "k8s/apps.yaml:16:11: error EL703 [missing-in-manifest] `API_TOKEN` is required by `@acme/api` (no default), but kubernetes `api/api` (`k8s/apps.yaml`) does not provide it",
        "k8s/apps.yaml:21:21: warning EL704 [unused-in-manifest] kubernetes `api/api` sets `OLD_FLAG`, but `@acme/api` never declares or reads it",
        "k8s/apps.yaml:28:21: warning EL704 [unused-in-manifest] kubernetes `api/api` sets `POD_IP`, but `@acme/api` never declares or reads it",
        "k8s/apps.yaml:44:15: error EL703 [missing-in-manifest] `WORKER_TOKEN` is required by `@acme/worker` (no default), but kubernetes `worker/worker` (`k8s/apps.yaml`) does not provide it",
    ],
    "heroku": [
        "app.json:5:3: error EL703 [missing-in-manifest] `API_URL` is required by `acme-app` (no default), but heroku `acme-app` (`app.json`) does not provide it",
        "app.json:7:5: warning EL705 [manifest-default-mismatch] the default value heroku `acme-app` gives `LOG_LEVEL` differs from the schema default \"info\" of `acme-app`",
        "app.json:8:5: warning EL704 [unused-in-manifest] heroku `acme-app` sets `LEGACY_MODE`, but `acme-app` never declares or reads it",
    ],
    "serverless": [
        "serverless.yml:7:5: warning EL704 [unused-in-manifest] serverless `hello` sets `STAGE_LABEL`, but `acme-functions` never declares or reads it",
        "serverless.yml:9:3: error EL703 [missing-in-manifest] `API_KEY` is required by `acme-functions` (no default), but serverless `hello` (`serverless.yml`) does not provide it",
    ],
    "github-actions": [
        ".github/workflows/ci.yml:6:3: error EL703 [missing-in-manifest] `API_TOKEN` is required by `acme-api` (no default), but github-actions `test` (`.github/workflows/ci.yml`) does not provide it",
    ],
}


def test_every_kind_has_fires_and_silent():
    assert sorted(p.name for p in MANIFESTS.iterdir()) == sorted(KINDS) == sorted(UNITS) == sorted(FIRES)
    for kind in KINDS:
        assert (MANIFESTS / kind / "fires").is_dir() and (MANIFESTS / kind / "silent").is_dir()


@pytest.mark.parametrize("kind", KINDS)
def test_units_and_variables(kind):
    project = build_project(str(MANIFESTS / kind / "fires"), Config())
    assert project.failures == ()
    found = [
        (
            m.unit, m.location.line, m.directory, m.dockerfile, m.image, m.indirect, m.role,
            m.complete,
            [(v.name, v.location.line, v.location.column, v.how, v.default) for v in m.variables],
        )
        for m in project.manifests
    ]
    assert found == UNITS[kind]
    assert {m.kind for m in project.manifests} == {kind}


@pytest.mark.parametrize("kind", KINDS)
def test_fires(run_in, kind):
    result = run_in(MANIFESTS / kind / "fires")
    assert result.err == ""
    assert result.out.splitlines()[:-1] == FIRES[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_silent(run_in, kind):
    result = run_in(MANIFESTS / kind / "silent")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("No problems found")


def test_the_audit_report_has_the_manifest_as_a_target(run_in):
    """The render.yaml case of the issue: the worker's Blueprint supplies a variable the worker
    no longer reads and lacks two that its zod schema requires."""
    result = run_in(MANIFESTS / "render" / "fires", "--format", "markdown")
    assert result.out == (ROOT / "tests" / "golden" / "manifest-report.md").read_text()
    assert "| 🔴 render `worker` | `@acme/worker` | `render.yaml` | 7 | 2 | 1 | 0 | 0 |" in result.out


def test_snapshots_and_manifests_are_one_kind_of_target(tmp_path):
    repo = tmp_path / "repo"
    copy_fixture(MANIFESTS / "render" / "fires", repo)
    write_repo(repo, {"render-env.txt": "SUPABASE_URL\nUPSTASH_REDIS_REST_URL\n"})
    config = Config(snapshots=(("render", str(repo / "render-env.txt")),))
    project = build_project(str(repo), config)
    assert provided_by(project, "SUPABASE_URL") == (
        Provision("render-env.txt", 1, 1, "render", "snapshot", "set", ("@acme/worker",)),
        Provision("render.yaml", 12, 14, "render `worker`", "render", "placeholder", ("@acme/worker",)),
    )
    assert provided_by(project, "UPSTASH_REDIS_REST_TOKEN") == ()


def test_explain_lists_every_manifest_that_provides_a_variable():
    project = build_project(str(MANIFESTS / "compose" / "fires"), Config())
    assert provided_by(project, "JOB_CONCURRENCY") == (
        Provision("docker-compose.yml", 6, 7, "compose `api`", "compose", "interpolated", ("@acme/api",)),
    )
    assert provided_by(project, "POSTGRES_PASSWORD") == ()  # postgres runs none of the repo's code


def test_incomplete_manifests_are_listed_not_missing(run_in):
    """fly secrets and CI secrets are set out of band: a required variable the file does not
    list is shown as such in the report, never reported as missing."""
    result = run_in(MANIFESTS / "github-actions" / "silent", "--format", "markdown")
    assert "| `API_TOKEN` | 🔒 | ❔ | ✅ not listed on github-actions `test` |" in result.out
    assert "❔ required, not listed in the manifest (set out of band?)" in result.out


def test_compose_anchors_aliases_and_merge_keys_are_read(run_in, tmp_path):
    """Shared settings through ``&anchor`` / ``*alias`` and ``<<: *base`` are the service's."""
    write_repo(
        tmp_path,
        {
            ".env.example": "SHARED_TOKEN=\nLOG_LEVEL=\n",
            "docker-compose.yml": (
                "x-env: &env\n  SHARED_TOKEN: ${SHARED_TOKEN}\n"
                "x-base: &base\n  restart: always\n  environment:\n    LOG_LEVEL: info\n"
                "services:\n  api:\n    build: .\n    environment: *env\n"
                "  worker:\n    <<: *base\n    build: ./worker\n"
            ),
            "worker/Dockerfile": "FROM node:20\n",
        },
    )
    assert run_in(tmp_path, "--format", "json").json()["findings"] == []
    manifests = build_project(str(tmp_path), Config()).manifests
    provided = {(m.unit, v.name) for m in manifests for v in m.variables}
    assert provided == {("api", "SHARED_TOKEN"), ("worker", "LOG_LEVEL")}


def test_an_alias_bomb_finishes_at_once(run_in, tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    write_repo(tmp_path, {"render.yaml": "\n".join(lines) + "\nservices: *a11\n"})
    result = run_in(tmp_path)
    assert result.code == 0 and result.err == ""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("render.yaml", "services:\n  - type: web\n    name: [open\n", "render.yaml:4:1: error EL100 [parse-error] cannot parse `render.yaml`: invalid YAML: did not find expected ',' or ']' (line 4)"),
        ("serverless.yml", "service: x\n\tprovider: aws\n", "serverless.yml:2:1: error EL100 [parse-error] cannot parse `serverless.yml`: invalid YAML: found a tab character that violates indentation (line 2)"),
        ("fly.toml", 'app = "x"\n[env\n', "fly.toml:2:1: error EL100 [parse-error] cannot parse `fly.toml`: invalid TOML: Expected ']' at the end of a table declaration"),
    ],
)
def test_a_broken_deploy_file_is_a_parse_error(run_in, tmp_path, name, content, expected):
    write_repo(tmp_path, {name: content})
    assert run_in(tmp_path).out.splitlines()[0] == expected


@pytest.mark.parametrize(
    "files",
    [
        {"app.json": '{"expo": {"name": "mobile"}}'},  # not a Heroku manifest
        {"app.json": "{ not json"},  # some other tool's file: its tool reports it
        {"deploy/values.yaml": "image: {{ .Values.tag }}\nkind: x\ncontainers: []\n"},  # a template
        {"k8s/broken.yaml": "kind: Deployment\nspec: [containers\n"},
        {"render.yaml": b"\xff\xfe binary"},
    ],
)
def test_files_that_are_not_manifests_give_nothing(run_in, tmp_path, files):
    write_repo(tmp_path, files)
    result = run_in(tmp_path)
    assert (result.code, result.err) == (0, "")
    assert build_project(str(tmp_path), Config()).manifests == ()


def test_the_config_names_complete_manifest_kinds(run_in, tmp_path):
    write_repo(tmp_path, {".env-lint.toml": '[manifests]\ncomplete = ["docker"]\n'})
    result = run_in(tmp_path)
    assert result.code == 2
    assert "manifests.complete: unknown manifest kind 'docker'" in result.err


@pytest.mark.parametrize(
    ("script", "runs"),
    [
        ("npm test", True),
        ("pnpm run build", True),
        ("pnpm --filter web build", True),
        ("yarn workspace web test", True),
        ("npm run build-local", True),
        ("npm run test:e2e", True),
        ("cd web && npm test", True),
        ("npx vitest run", True),
        ("turbo run build", True),
        ("python -m pytest -q", True),
        ("python manage.py test", True),
        ("pnpm contentlayer build", False),  # another tool's "build"
        ("pnpm lint", False),
        ("npm ci", False),
        ("npm run typecheck", False),
    ],
)
def test_which_ci_steps_run_the_tests_or_the_build(script, runs):
    from env_lint.sources.workflows import _runs_scripts

    assert _runs_scripts(script) is runs


def test_a_ci_job_that_writes_an_env_file_is_never_missing_anything(run_in, tmp_path):
    copy_fixture(MANIFESTS / "github-actions" / "fires", tmp_path / "repo")
    workflow = tmp_path / "repo" / ".github" / "workflows" / "ci.yml"
    workflow.write_text(workflow.read_text().replace("- run: npm ci", "- run: cp .env.example .env"))
    result = run_in(tmp_path / "repo")
    assert result.out.startswith("No problems found")


def test_a_committed_env_file_may_provide_what_a_manifest_lacks(run_in, tmp_path):
    """Next.js, dotenv and Docker builds load a committed ``.env``: the Blueprint may rely on
    it, so nothing is missing (the report lists the variables as not listed)."""
    import subprocess

    repo = tmp_path / "repo"
    copy_fixture(MANIFESTS / "render" / "fires", repo)
    write_repo(repo, {"services/worker/.env.production": "LOG_LEVEL=info\n"})
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    findings = run_in(repo, "--format", "json").json()["findings"]
    # (the committed .env.production holds no credential: a team's choice, not a finding)
    assert sorted(f["rule"] for f in findings) == ["unused-in-manifest"]


def test_a_unit_built_from_the_root_of_a_monorepo_has_no_unused_variables(run_in, tmp_path):
    """``build: .`` with a Dockerfile that picks one package: env-lint cannot tell which."""
    compose = "services:\n  api:\n    build: .\n    environment:\n      API_TOKEN: x\n      OTHER_SETTING: y\n"
    files = {
        ".env.example": "API_TOKEN=\n",
        "docker-compose.yml": compose,
        "src/index.ts": "export const t = process.env.API_TOKEN;\n",
    }
    write_repo(tmp_path / "single", files)
    single = run_in(tmp_path / "single", "--select", "unused-in-manifest").out
    assert "`OTHER_SETTING`" in single  # one package at the root: it is what the unit runs
    write_repo(tmp_path / "mono", {
        **files,
        "package.json": '{"name": "root", "workspaces": ["apps/*"]}',
        "apps/api/package.json": '{"name": "api"}',
        "apps/api/src/main.ts": "export const p = process.env.API_PORT ?? '80';\n",
    })
    assert run_in(tmp_path / "mono", "--select", "unused-in-manifest").out.startswith("No problems")


def test_a_unit_built_from_a_third_party_application_image_has_no_unused_variables(run_in):
    """``realtime`` builds ``FROM vendor/pubsub-server:1.6`` and adds a sidecar: the server reads
    the ``PUBSUB_*`` variables, not the repo. ``api`` (``FROM node:20-alpine``) and ``web``
    (``FROM node:20 AS build`` ... ``FROM build``) run the repo's code: an unread variable
    there is still reported."""
    result = run_in(FIXTURES / "compose-base-images", "--select", "unused-in-manifest")
    assert result.out.splitlines()[:-1] == [
        "docker-compose.yml:8:7: warning EL704 [unused-in-manifest] compose `api` sets `STALE_FLAG`, but `@tidepool/api` never declares or reads it",
        "docker-compose.yml:14:7: warning EL704 [unused-in-manifest] compose `web` sets `LEGACY_RENDERER`, but `@tidepool/web` never declares or reads it",
    ]


def test_the_stage_a_unit_runs_decides_whether_env_lint_sees_its_reads(run_in, tmp_path):
    """compose's ``build.target`` picks the stage that runs (else the last one); an image an
    ARG names may be anything."""
    dockerfile = "FROM node:20 AS dev\nCMD [\"node\", \"main.js\"]\n\nFROM vendor/edge-proxy:2 AS edge\n"
    compose = (
        "services:\n"
        "  dev:\n    build: {context: ./app, target: DEV}\n    environment: {APP_PORT: '1', OLD_A: x}\n"
        "  edge:\n    build: ./app\n    environment: {PROXY_MODE: y}\n"
        "  base:\n    build: ./base\n    environment: {BASE_PORT: '2', OLD_B: z}\n"
    )
    write_repo(tmp_path, {
        "docker-compose.yml": compose,
        "app/Dockerfile": dockerfile,
        "app/package.json": '{"name": "app"}',
        "app/main.js": "console.log(process.env.APP_PORT);\n",
        "base/Dockerfile": "ARG BASE_IMAGE=node:20\nFROM ${BASE_IMAGE}\n",
        "base/package.json": '{"name": "base"}',
        "base/main.js": "console.log(process.env.BASE_PORT);\n",
    })
    findings = run_in(tmp_path, "--select", "unused-in-manifest", "--format", "json").json()["findings"]
    assert [f["variable"] for f in findings] == ["OLD_A"]


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("FROM node:20-alpine\n", [(1, None, "node")]),
        ("FROM --platform=$BUILDPLATFORM node:20 AS Build\nRUN x\nFROM build\n", [(1, "build", "node"), (3, None, "node")]),
        ("ARG V=20\nFROM node:${V:-20}-slim\n", [(2, None, "node")]),
        ("ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS app\nFROM app\n", [(2, "app", None), (3, None, None)]),
        ("FROM ${REGISTRY}/node:20\n", [(1, None, None)]),
        ("FROM \\\n  # the vendor's server\n  quay.io/vendor/server:1.6@sha256:0a1b AS srv\n", [(1, "srv", "vendor/server")]),
        ("FROM localhost:5000/team/app:1\nFROM docker.io/library/python:3.12\n", [(1, None, "team/app"), (2, None, "python")]),
        ("# escape=`\nFROM node:20 `\n  AS web\n", [(2, "web", "node")]),
        ("FROM node:20\nRUN <<EOF\nFROM vendor/x\nEOF\nRUN a<<b\nFROM alpine\n", [(1, None, "node"), (6, None, "alpine")]),
        ("RUN echo no stage\n", []),
    ],
)
def test_the_stages_of_a_dockerfile(text, stages):
    from env_lint.sources.infra import build_stages

    found = [(s.location.line, s.name, s.image) for s in build_stages("Dockerfile", text)]
    assert found == stages


@pytest.mark.parametrize(
    ("reference", "runtime"),
    [
        ("node:20-alpine", True),
        ("public.ecr.aws/docker/library/python:3.12", True),
        ("mcr.microsoft.com/dotnet/aspnet:8.0", True),
        ("gcr.io/distroless/nodejs20-debian12", True),
        ("ghcr.io/astral-sh/uv:python3.12-bookworm", True),
        ("oven/bun:1", True),
        ("mcr.microsoft.com/devcontainers/python:3.12", True),
        ("scratch", True),
        ("vendor/pubsub-server:1.6", False),
        ("nginx:1.27-alpine", False),
        ("postgres:16", False),
    ],
)
def test_which_base_images_run_the_repos_own_code(reference, runtime):
    from env_lint.analysis.targets import runtime_image
    from env_lint.sources.infra import image_repository

    repository = image_repository(reference)
    assert repository is not None and runtime_image(repository) is runtime


def test_a_compose_copy_whose_build_context_is_not_in_the_repo_runs_no_code_here(run_in, tmp_path):
    """A compose file kept as data (a CLI writes it out at install time): its ``build:`` is
    relative to where it will be installed, and names no directory of the repo."""
    compose = "services:\n  api:\n    build:\n      context: ../../api\n    environment:\n      SEARCH_HOST: search\n"
    write_repo(tmp_path, {
        "api/main.py": "import os\nHOST = os.environ.get('SEARCH_HOST', 'x')\n",
        "deploy/compose.yml": compose.replace("../../api", "../api"),
        "tools/cli/embedded/compose.yml": compose,
        "tools/cli/main.go": "package main\n",
        "tools/cli/go.mod": "module example.com/cli\n",
        ".env.example": "SEARCH_HOST=\n",
    })
    assert [m.path for m in build_project(str(tmp_path), Config()).manifests] == ["deploy/compose.yml"]
    assert run_in(tmp_path).out.startswith("No problems found")


def test_an_env_file_handed_to_a_third_party_image_may_hold_its_settings(run_in, tmp_path):
    """A compose service that runs a vendor's image (``vendor/flowbox``) with ``env_file:
    .env``: the image reads its own settings (``FLOWBOX_*``) from the example's real file.
    Other names there are still unused, and so are the image's when it gets another file."""
    compose = (
        "services:\n"
        "  flow:\n    image: vendor/flowbox:1.4\n    env_file:\n      - path: .env\n        required: true\n"
        "  db:\n    image: postgres:16\n    env_file: db.env\n"
    )
    write_repo(tmp_path, {
        "compose.yml": compose,
        "scripts/seed.py": "import os\nURL = os.environ['SEED_URL']\n",
        ".env.example": "SEED_URL=\nFLOWBOX_DATA_MODE=filesystem\nSTALE_SETTING=1\n",
        "db.env.example": "POSTGRES_DB=app\nFLOWBOX_CACHE=1\n",
    })
    out = run_in(tmp_path).out
    assert "FLOWBOX_DATA_MODE" not in out
    assert "`STALE_SETTING` is listed in `.env.example`" in out
    assert "`FLOWBOX_CACHE` is listed in `db.env.example`" in out


def test_an_image_built_from_the_repo_reads_only_what_its_code_reads(run_in, tmp_path):
    """``ghcr.io/acme/api`` runs the repo's own ``api`` package: its code says what it reads,
    so a name prefixed like the image that the code never reads is still unused."""
    write_repo(tmp_path, {
        "compose.yml": "services:\n  api:\n    image: ghcr.io/acme/api:latest\n    env_file: .env\n",
        "api/package.json": '{"name": "api"}\n',
        "api/Dockerfile": "FROM node:20\n",
        "api/index.ts": "export const port = process.env.PORT ?? 3000;\nexport const u = process.env.API_URL;\n",
        ".env.example": "API_URL=\nAPI_OLD_FLAG=1\n",
    })
    assert "`API_OLD_FLAG` is listed in `.env.example`" in run_in(tmp_path).out


@pytest.mark.parametrize(
    ("copy", "missing"),
    [
        ("COPY .env .env", False),
        ("COPY --chown=node:node .env.production* ./", False),
        ('COPY [".env", "./"]', False),
        ("COPY .env.example .env", True),  # the example's names, not the user's settings
        ("COPY --from=build /app/.env .env", True),  # from another stage, not the context
    ],
)
def test_a_dockerfile_that_copies_the_users_env_file_provides_what_the_unit_lacks(
    run_in, tmp_path, copy, missing
):
    """``COPY .env .env`` before the build: the image carries the settings the user wrote in
    the (ignored) ``.env``, so a compose unit that lists none of them lacks nothing."""
    repo = tmp_path / "repo"
    copy_fixture(MANIFESTS / "compose" / "fires", repo)
    dockerfile = repo / "services" / "worker" / "Dockerfile"
    dockerfile.write_text(dockerfile.read_text().replace("COPY . .", f"COPY . .\n{copy}"))
    out = run_in(repo, "--select", "missing-in-manifest").out
    assert ("`WORKER_TOKEN` is required by `@acme/worker`" in out) is missing


def test_a_project_templates_yaml_is_no_parse_error(run_in, tmp_path):
    """``name: {{project_name}}_data`` in a project template's compose file and Blueprint is
    YAML once rendered; the same error without a template tag is reported."""
    compose = "services:\n  web:\n    build: .\nvolumes:\n  data:\n    name: {{project_name}}_data\n"
    write_repo(tmp_path / "template", {
        "docker-compose.yml": compose,
        "render.yaml": "databases:\n  - name: {{project_name}}-db\n    plan: free\n",
    })
    assert run_in(tmp_path / "template").out.startswith("No problems found")
    write_repo(tmp_path / "broken", {"render.yaml": "databases:\n  - name: {oops-db\n    plan: free\n"})
    assert "EL100 [parse-error]" in run_in(tmp_path / "broken").out


@pytest.mark.parametrize(
    ("blueprint", "unused"),
    [
        ("    dockerfilePath: ./Dockerfile\n", False),  # the root's Dockerfile: the whole app
        ("", True),  # no path: the Blueprint's own directory, which reads nothing
    ],
)
def test_a_blueprint_kept_in_a_subdirectory_reads_its_paths_from_the_repo_root(
    run_in, tmp_path, blueprint, unused
):
    """Render reads ``dockerfilePath`` from the repo root wherever the Blueprint file is: a
    ``deploy/render.yaml`` that builds the root's Dockerfile deploys the app at the root."""
    write_repo(tmp_path, {
        "deploy/render.yaml": "services:\n  - type: web\n    name: api\n    runtime: docker\n"
        + blueprint
        + "    envVars:\n      - key: STORE_HOST\n        value: db\n",
        "deploy/sandbox.py": "import os\nTOKEN = os.environ.get(\"SANDBOX_TOKEN\")\n",
        "Dockerfile": "FROM python:3.12\nCOPY . .\n",
        "app/settings.py": 'import os\nSTORE_HOST = os.environ.get("STORE_HOST", "localhost")\n',
        ".env.example": "STORE_HOST=localhost\n",
    })
    out = run_in(tmp_path, "--select", "unused-in-manifest").out
    assert ("render `api` sets `STORE_HOST`" in out) is unused


def test_a_unit_that_builds_a_dockerfile_the_repo_lacks_runs_code_env_lint_cannot_tell(
    run_in, tmp_path
):
    """``deploy/fly.toml`` names ``Dockerfile`` but ``deploy/`` holds none (it is deployed with
    ``--config`` from the root): what it runs is unknown, so nothing it sets is unused."""
    write_repo(tmp_path, {
        "deploy/fly.toml": 'app = "api"\n[build]\ndockerfile = "Dockerfile"\n[env]\nDATA_DIR = "/data"\n',
        "deploy/sandbox.py": "import os\nTOKEN = os.environ.get(\"SANDBOX_TOKEN\")\n",
        "app/settings.py": 'import os\nDATA_DIR = os.environ.get("DATA_DIR", "/tmp")\n',
        "Dockerfile": "FROM python:3.12\n",
        ".env.example": "DATA_DIR=/tmp\n",
    })
    assert "sets `DATA_DIR`" not in run_in(tmp_path, "--select", "unused-in-manifest").out
    (tmp_path / "deploy" / "Dockerfile").write_text("FROM python:3.12\n")
    assert "sets `DATA_DIR`" in run_in(tmp_path, "--select", "unused-in-manifest").out


@pytest.mark.parametrize(("depends", "unused"), [('"corelib[pg]>=1.5"', False), ('"httpx"', True)])
def test_a_service_that_depends_on_the_repos_own_python_package_reads_what_it_reads(
    run_in, tmp_path, depends, unused
):
    """``mcp/`` depends on the repo's root package by its published name (``corelib``, itself
    deployed from the root's Dockerfile): that package's code runs inside the ``mcp`` unit, so
    what it reads is not unused there."""
    write_repo(tmp_path, {
        "pyproject.toml": '[project]\nname = "CoreLib"\ndependencies = []\n',
        "Dockerfile": "FROM python:3.12\nCOPY . .\n",
        "corelib/settings.py": 'import os\nDB_HOST = os.environ.get("LIB_DB_HOST", "localhost")\n',
        "mcp/pyproject.toml": f'[project]\nname = "corelib-mcp"\ndependencies = [{depends}]\n',
        "mcp/Dockerfile": "FROM python:3.12\nCOPY . .\n",
        "mcp/server.py": 'import os\nMODE = os.environ.get("MCP_MODE", "sse")\n',
        "compose.yml": "services:\n  mcp:\n    build:\n      context: .\n      dockerfile: mcp/Dockerfile\n"
        "    environment:\n      - MCP_MODE=sse\n      - LIB_DB_HOST=db\n",
        ".env.example": "LIB_DB_HOST=localhost\nMCP_MODE=sse\n",
    })
    out = run_in(tmp_path, "--select", "unused-in-manifest").out
    assert ("sets `LIB_DB_HOST`" in out) is unused


@pytest.mark.parametrize(
    ("copies", "unused"),
    [
        # the context's code: the root of a repo with several packages, whose reads env-lint
        # does not judge (its Dockerfile may pick any)
        ("COPY ./pyproject.toml ./\nCOPY ./src ./src\n", []),
        # and its own start script: the package it copies the manifest of is what runs
        ("COPY ./pyproject.toml ./\nCOPY ./src ./src\nCOPY tools/dev/run.py /run.py\n", []),
        ("COPY . .\n", ["OLD_FLAG"]),  # all of it: the Dockerfile's package runs
        ("COPY package.json ./\nCOPY tools/dev/pyproject.toml ./\n", ["OLD_FLAG"]),  # its own
        ("COPY tools/dev/run.py /run.py\n", ["OLD_FLAG"]),  # its own directory's
    ],
)
def test_a_dockerfile_elsewhere_that_copies_the_contexts_code_runs_the_context(
    run_in, tmp_path, copies, unused
):
    """``build: {context: ., dockerfile: tools/dev/Dockerfile}``: a Dockerfile kept in a tools
    directory (a deploy target of its own) that copies only paths outside that directory
    builds the package of the context."""
    write_repo(tmp_path, {
        "pyproject.toml": '[project]\nname = "app"\n',
        "src/app/config.py": 'import os\nMETRICS = os.environ.get("APP_METRICS", "0")\n',
        "tools/dev/Dockerfile": f"FROM python:3.12\n{copies}CMD [\"python\", \"-m\", \"app\"]\n",
        "tools/dev/run.py": "import os\nprint(os.environ.get('DEV_MODE', ''))\n",
        "compose.yml": "services:\n  app:\n    build:\n      context: .\n      dockerfile: tools/dev/Dockerfile\n"
        "    environment:\n      - APP_METRICS=1\n      - OLD_FLAG=1\n      - DEV_MODE=1\n",
    })
    findings = run_in(tmp_path, "--select", "unused-in-manifest", "--format", "json").json()["findings"]
    assert [f["variable"] for f in findings] == unused


def test_what_the_stages_of_a_dockerfile_copy_from_the_context():
    from env_lint.sources.infra import build_stages

    text = (
        "FROM node:20 AS build\nCOPY --chown=app ./js/ ./\nCOPY --from=deps /x /x\n"
        'FROM python:3.12\nCOPY ["./src", "./src"]\nADD https://example.org/a.tgz /a\nCOPY . .\n'
        "COPY .env .env\n"
    )
    stages = build_stages("Dockerfile", text)
    assert [(s.copied, s.copies_env) for s in stages] == [
        (("js",), False), (("src", "", ".env"), True),
    ]


def test_a_line_several_units_share_is_unused_only_when_every_unit_leaves_it_unread(run_in, tmp_path):
    """``x-common: &common`` merged into two services with ``<<: *common``: each reads one of
    the shared settings, so deleting either line breaks a service; a shared line neither
    reads is reported once; a unit's own line as before."""
    compose = (
        "x-common: &common\n  environment:\n    - MOCK_A_URL=http://mock\n    - MOCK_B_URL=http://mock\n"
        "    - SHARED_GONE=1\n"
        "services:\n"
        "  a:\n    <<: *common\n    build: ./a\n"
        "  b:\n    <<: *common\n    build: ./b\n"
    )
    write_repo(tmp_path, {
        "compose.yml": compose,
        "a/package.json": '{"name": "a"}', "a/main.js": "console.log(process.env.MOCK_A_URL);\n",
        "b/package.json": '{"name": "b"}', "b/main.js": "console.log(process.env.MOCK_B_URL);\n",
    })
    findings = run_in(tmp_path, "--select", "unused-in-manifest", "--format", "json").json()["findings"]
    assert [(f["variable"], f["line"]) for f in findings] == [("SHARED_GONE", 5)]


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        pytest.param({}, True, id="only-the-javascript-reads"),
        pytest.param({"config/application.rb": 'config.host = ENV["APP_HOST"]\n'}, False, id="ruby-reads-too"),
        pytest.param({"cmd/main.go": 'var h = os.Getenv("APP_HOST")\n'}, False, id="go-reads-too"),
        pytest.param({"lib/util.rb": "def host = 'localhost'\n"}, True, id="ruby-reads-nothing"),
    ],
)
def test_a_service_that_reads_in_a_language_env_lint_does_not_parse_is_not_judged(
    run_in, tmp_path, code, reported
):
    """A Rails app with a webpack config: env-lint sees the JavaScript's one read, not Ruby's
    ``ENV[...]``, so it cannot tell which of the unit's settings are unread."""
    write_repo(tmp_path, {
        "docker-compose.yml": "services:\n  web:\n    build: .\n    environment:\n"
        "      LEGACY_SETTING: x\n      APP_MODE: production\n",
        "webpack.config.js": "module.exports = { mode: process.env.APP_MODE.trim() };\n",
        **code,
    })
    out = run_in(tmp_path, "--select", "unused-in-manifest").out
    assert ("`LEGACY_SETTING`" in out) is reported, out
