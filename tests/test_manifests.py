"""Deploy manifests in the repo as targets: for each manifest kind, the exact units and
variables read from its fixture (fixtures/manifests/<kind>/fires), the exact findings, a silent
twin; the one model of targets (audit report, explain), and unreadable manifests."""

from __future__ import annotations

import pytest

from env_lint.analysis.providers import Provision, provided_by
from env_lint.config import Config
from env_lint.project import build_project

from .conftest import FIXTURES, write_repo

MANIFESTS = FIXTURES / "manifests"
KINDS = ["compose"]

# (unit, line, directory, dockerfile, image, indirect, role, complete,
#  [(name, line, column, how, literal kept for comparison)])
UNITS = {
    "compose": [
        ('api', 3, 'services/api', None, None, (), 'local', True, [("JOB_CONCURRENCY", 6, 7, "interpolated", '10'), ("LOG_LEVEL", 7, 7, "value", 'info'), ("DATABASE_URL", 8, 7, "value", 'postgres://app@db:5432/app'), ("LEGACY_QUEUE", 9, 7, "value", 'jobs')]),
        ('worker', 10, '', 'services/worker/Dockerfile', None, (), 'local', True, [("QUEUE_NAME", 15, 9, "value", 'jobs'), ("REDIS_URL", 16, 9, "interpolated", None)]),
        ('web', 17, 'services/web', None, None, ('env_file .env',), 'local', True, []),
    ],
}

FIRES = {
    "compose": [
        "docker-compose.yml:6:7: EL705 [manifest-default-mismatch] the `${...:-default}` compose `api` gives `JOB_CONCURRENCY` differs from the schema default 5 of `@acme/api`",
        "docker-compose.yml:9:7: EL704 [unused-in-manifest] compose `api` sets `LEGACY_QUEUE`, but `@acme/api` never declares or reads it",
        "docker-compose.yml:10:3: EL703 [missing-in-manifest] `WORKER_TOKEN` is required by `@acme/worker` (no default), but compose `worker` (`docker-compose.yml`) does not provide it",
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
def test_fires(run, kind):
    result = run(MANIFESTS / kind / "fires")
    assert result.err == ""
    assert result.out.splitlines()[:-1] == FIRES[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_silent(run, kind):
    result = run(MANIFESTS / kind / "silent")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("No problems found")


def test_explain_lists_every_manifest_that_provides_a_variable():
    project = build_project(str(MANIFESTS / "compose" / "fires"), Config())
    assert provided_by(project, "JOB_CONCURRENCY") == (
        Provision("docker-compose.yml", 6, 7, "compose `api`", "compose", "interpolated", ("@acme/api",)),
    )
    assert provided_by(project, "POSTGRES_PASSWORD") == ()  # postgres runs none of the repo's code


def test_compose_anchors_are_an_info_and_keep_the_weak_reads(run, tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "SHARED_TOKEN=\n",
            "docker-compose.yml": (
                "x-env: &env\n  SHARED_TOKEN: ${SHARED_TOKEN}\n"
                "services:\n  api:\n    build: .\n    environment: *env\n"
            ),
        },
    )
    result = run(tmp_path, "--format", "json")
    findings = result.json()["findings"]
    assert [(f["rule"], f["path"], f["line"]) for f in findings] == [
        ("unrecognized-schema", "docker-compose.yml", 1)
    ]
    assert "YAML aliases" in findings[0]["message"]
    assert build_project(str(tmp_path), Config()).manifests == ()


def test_the_config_names_complete_manifest_kinds(run, tmp_path):
    write_repo(tmp_path, {".env-lint.toml": '[manifests]\ncomplete = ["docker"]\n'})
    result = run(tmp_path)
    assert result.code == 2
    assert "manifests.complete: unknown manifest kind 'docker'" in result.err
