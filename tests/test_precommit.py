"""The pre-commit hook: its files regex, and the real pre-commit running it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import FIXTURES, ROOT

[HOOK] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
FILES = re.compile(HOOK["files"])

MUST_MATCH = [
    ".env.example", "env.production.example", "apps/web/.env.sample", ".env-template",
    ".example.env", "template.env", ".env.local.example", "services/worker/src/lib/env.ts",
    "src/env.mjs", "src/app/page.tsx", "lib/config.js", "docs/SECRETS.md", "README.md",
    "docs/env.mdx", "settings.py", "pyproject.toml", ".env-lint.toml", "package.json",
    "turbo.json", "vercel.json", "railway.json", "railway.toml", "render.yaml", "fly.toml",
    "netlify.toml", "Procfile", "Dockerfile", "services/api/Dockerfile.prod",
    "docker-compose.yml", "compose.yaml", ".github/workflows/ci.yml", "prisma/schema.prisma",
    "config/app.env.schema.json", ".env", "render.yml", "app.json", "serverless.yml",
    "k8s/deployment.yaml", "deploy/base/api.yml",
]
MUST_NOT_MATCH = [
    "messages.en.json", "locales/en.json", "environment.png", "envelope.svg", "logo.png",
    "requirements.txt", "Makefile", "data/users.csv", ".github/dependabot.yml", "go.mod",
    "src/styles.css", "public/favicon.ico", "tsconfig.json", "pnpm-lock.yaml", "mkdocs.yml",
]


def test_hook_definition():
    assert HOOK["id"] == "env-lint"
    assert HOOK["entry"] == "env-lint"
    assert HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is False


@pytest.mark.parametrize("path", MUST_MATCH)
def test_files_regex_matches(path):
    assert FILES.search(path), path


@pytest.mark.parametrize("path", MUST_NOT_MATCH)
def test_files_regex_does_not_match(path):
    assert not FILES.search(path), path


def git(repo, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_try_repo_fails_on_drift_then_passes(tmp_path):
    """Runs the real pre-commit: it installs this repo's hook in its own virtualenv."""
    repo = tmp_path / "project"
    shutil.copytree(FIXTURES / "rules" / "missing-from-example" / "fires", repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "env-lint", "--all-files", "--color", "never"]
    failed = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert (
        "src/env.ts:5:3: EL200 [missing-from-example] `API_TOKEN` is declared in the schema but "
        "missing from `.env.example`; it is required with no default"
    ) in failed.stdout
    (repo / ".env.example").write_text("API_URL=https://api.example.com\nAPI_TOKEN=\n")
    git(repo, "add", "-A")
    passed = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "env-lint" in passed.stdout and "Passed" in passed.stdout
