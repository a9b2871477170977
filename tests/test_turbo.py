"""turbo-undeclared only where Turborepo's strict env mode really filters a task's env."""

from __future__ import annotations

import json

import pytest

from .conftest import write_repo

FINDING = (
    "apps/api/src/db.ts:1:34: warning EL206 [turbo-undeclared] `REDIS_URL` is required by `api` but "
    "`turbo.json` lists it in no env / globalEnv / passThroughEnv: turbo's strict env mode "
    "removes it from the task"
)


def repo(
    *,
    turbo_version: str = "^2.0.0",
    root_scripts: dict[str, str] | None = None,
    workspaces: list[str] | None = None,
    api_scripts: dict[str, str] | None = None,
    turbo_json: str = '{ "tasks": { "build": { "env": ["DATABASE_URL"] } } }',
    code: str = "export const redis = process.env.REDIS_URL;\n",
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    root = {
        "name": "repo",
        "private": True,
        "workspaces": ["apps/*"] if workspaces is None else workspaces,
        "scripts": {"build": "turbo run build"} if root_scripts is None else root_scripts,
        "devDependencies": {"turbo": turbo_version},
    }
    api = {"name": "api", "scripts": {"build": "tsc"} if api_scripts is None else api_scripts}
    return {
        "package.json": json.dumps(root),
        "turbo.json": turbo_json,
        "apps/api/package.json": json.dumps(api),
        "apps/api/src/db.ts": code,
        ".env.example": "DATABASE_URL=\nREDIS_URL=\n",
        **(extra or {}),
    }


def turbo_lines(run_in, path) -> list[str]:
    out = run_in(path, "--extend-select", "turbo-undeclared").out  # off by default
    return [line for line in out.splitlines() if "[turbo-undeclared]" in line]


def test_strict_turbo_2_run_by_a_script_filters_a_required_read(run_in, tmp_path):
    write_repo(tmp_path, repo())
    assert turbo_lines(run_in, tmp_path) == [FINDING]


def test_jsonc_turbo_json_with_comments_and_trailing_commas(run_in, tmp_path):
    turbo_json = '// tasks\n{ "tasks": { "build": { /* what the build reads */ "env": ["DATABASE_URL",], }, }, }\n'
    write_repo(tmp_path, repo(turbo_json=turbo_json))
    assert turbo_lines(run_in, tmp_path) == [FINDING]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"turbo_version": "^1.12.5"}, id="turbo-1-infers-loose"),
        pytest.param({"turbo_json": '{ "envMode": "loose", "tasks": { "build": {} } }'}, id="envMode-loose"),
        pytest.param({"root_scripts": {"build": "turbo run build --env-mode=loose"}}, id="cli-loose"),
        pytest.param({"root_scripts": {"build": "next build"}}, id="nothing-runs-turbo"),
        pytest.param({"workspaces": ["apps/*", "!apps/api"]}, id="not-a-workspace"),
        pytest.param({"api_scripts": {"lint": "eslint ."}}, id="no-task-script"),
        pytest.param({"api_scripts": {"build": "node --env-file=.env build.js"}}, id="loads-env-file"),
        pytest.param({"code": 'import "dotenv/config";\nexport const r = process.env.REDIS_URL;\n'}, id="dotenv"),
        pytest.param({"code": "export const redis = process.env.REDIS_URL ?? 'redis://localhost';\n"}, id="fallback"),
        pytest.param({"code": "export const redis = process.env.REDIS_URL && connect();\n"}, id="guarded"),
        pytest.param({"turbo_json": '{ "tasks": { "build": { "passThroughEnv": ["REDIS_*"] } } }'}, id="listed"),
    ],
)
def test_silent_where_turbo_does_not_filter(run_in, tmp_path, change):
    write_repo(tmp_path, repo(**change))
    assert turbo_lines(run_in, tmp_path) == []


def test_turbo_1_with_pass_through_keys_is_strict(run_in, tmp_path):
    turbo_json = '{ "pipeline": { "build": { "passThroughEnv": ["DATABASE_URL"] } } }'
    write_repo(tmp_path, repo(turbo_version="^1.12.5", turbo_json=turbo_json))
    assert turbo_lines(run_in, tmp_path) == [FINDING]


def test_a_ci_workflow_running_turbo_counts(run_in, tmp_path):
    workflow = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pnpm turbo run build\n"
    write_repo(tmp_path, repo(root_scripts={}, extra={".github/workflows/ci.yml": workflow}))
    assert turbo_lines(run_in, tmp_path) == [FINDING]


def test_pnpm_workspace_file_with_exclusions(run_in, tmp_path):
    pnpm = "packages:\n  - apps/*\n  - '!apps/api'\n"
    write_repo(tmp_path, repo(workspaces=[], extra={"pnpm-workspace.yaml": pnpm}))
    assert turbo_lines(run_in, tmp_path) == []


@pytest.mark.parametrize(
    ("compose", "reported"),
    [
        pytest.param(
            "services:\n  cube:\n    image: cubejs/cube\n    volumes:\n      - ./src/db.ts:/cube/conf/db.ts:ro\n",
            False,
            id="a-file-mounted-into-a-foreign-image-runs-there",
        ),
        pytest.param(
            "services:\n  cube:\n    image: cubejs/cube\n    volumes:\n      - type: bind\n        source: ./src/db.ts\n        target: /cube/conf/db.ts\n",
            False,
            id="long-syntax",
        ),
        pytest.param(
            "services:\n  dev:\n    image: node:20\n    volumes:\n      - ./src:/app/src\n",
            True,
            id="a-directory-mount-may-be-the-app-itself",
        ),
        pytest.param(
            "services:\n  api:\n    build: .\n    volumes:\n      - ./src/db.ts:/app/db.ts\n",
            True,
            id="a-service-that-builds-the-repo",
        ),
    ],
)
def test_code_a_compose_service_mounts_into_an_image(run_in, tmp_path, compose, reported):
    write_repo(tmp_path, repo(extra={"apps/api/docker-compose.yml": compose}))
    assert turbo_lines(run_in, tmp_path) == ([FINDING] if reported else [])
