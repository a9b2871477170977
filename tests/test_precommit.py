"""The pre-commit hook: its definition, and the real pre-commit running it on commits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT, copy_working_tree, write_repo

[HOOK] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def test_hook_definition():
    assert HOOK["id"] == "env-lint"
    assert HOOK["entry"] == "env-lint"
    assert HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is False  # cross-file: one run over the whole repo
    # pre-commit never lists deleted files, so only always_run runs it on a delete-only commit;
    # with always_run a files regex would decide nothing, so there is none.
    assert HOOK["always_run"] is True
    assert "files" not in HOOK and "types" not in HOOK


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    return done.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[str, str]:
    """This working tree as it is now (tracked and new files) committed in a repo of its own:
    what `repo:` and `rev:` in a user's .pre-commit-config.yaml point at."""
    target = copy_working_tree(tmp_path_factory.mktemp("hook-repo"))
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "hook")
    return str(target), git(target, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """Shared by the tests here: pre-commit installs the hook's virtualenv once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def project(path: Path, hook_repo: tuple[str, str], files: dict[str, str], hook: str = "") -> Path:
    repo, rev = hook_repo
    config = f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: env-lint\n{hook}"
    write_repo(path, {**files, ".pre-commit-config.yaml": config})
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-qm", "init", "--no-verify")
    return path


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit run`, as the git hook runs it: on what is staged."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, check=False)


def test_fails_on_drift_then_passes(tmp_path, hook_repo, pre_commit_home):
    fires = FIXTURES / "rules" / "missing-from-example" / "fires"
    files = {str(p.relative_to(fires)): p.read_text() for p in fires.rglob("*") if p.is_file()}
    repo = project(tmp_path / "project", hook_repo, files)
    failed = pre_commit(repo, pre_commit_home, "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert (
        "src/env.ts:5:3: error EL200 [missing-from-example] `API_TOKEN` is declared in the schema but "
        "missing from `.env.example`; it is required with no default"
    ) in failed.stdout
    (repo / ".env.example").write_text("API_URL=https://api.example.com\nAPI_TOKEN=\n")
    git(repo, "add", "-A")
    passed = pre_commit(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "env-lint" in passed.stdout and "Passed" in passed.stdout


DECLARED_IN_DOCS = {
    ".env.example": "API_URL=https://api.example.com\n",
    "src/api.ts": "export const url = process.env.API_URL;\nexport const token = process.env.API_TOKEN;\n",
    "docs/ENV.md": "| Variable | Description |\n|---|---|\n| `API_URL` | The API |\n| `API_TOKEN` | Its token |\n",
}
UNDECLARED = "src/api.ts:2:34: error EL202 [undeclared-usage] `API_TOKEN` is read here with no fallback but no example file, schema or doc declares it"


def test_a_commit_that_only_deletes_a_declaration_fails(tmp_path, hook_repo, pre_commit_home):
    repo = project(tmp_path / "project", hook_repo, DECLARED_IN_DOCS)
    clean = pre_commit(repo, pre_commit_home, "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    git(repo, "rm", "-q", "docs/ENV.md")  # the commit deletes the doc and nothing else
    assert git(repo, "diff", "--staged", "--name-status") == "D\tdocs/ENV.md\n"
    failed = pre_commit(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert UNDECLARED in failed.stdout


def test_without_always_run_pre_commit_skips_a_delete_only_commit(tmp_path, hook_repo, pre_commit_home):
    """Why the hook says always_run: a files regex that matches the deleted doc is not enough."""
    narrowed = "        always_run: false\n        files: '\\.(md|ts)$|\\.env\\.example$'\n"
    repo = project(tmp_path / "project", hook_repo, DECLARED_IN_DOCS, hook=narrowed)
    git(repo, "rm", "-q", "docs/ENV.md")
    skipped = pre_commit(repo, pre_commit_home)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "(no files to check)" in skipped.stdout and "Skipped" in skipped.stdout


def test_an_untracked_file_does_not_block_an_unrelated_commit(tmp_path, hook_repo, pre_commit_home):
    repo = project(tmp_path / "project", hook_repo, DECLARED_IN_DOCS)
    (repo / "src" / "scratch.ts").write_text("export const x = process.env.NOT_DECLARED_ANYWHERE;\n")
    (repo / "README.md").write_text("# project\n")
    git(repo, "add", "README.md")
    passed = pre_commit(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    git(repo, "add", "src/scratch.ts")  # once staged, it is part of the commit: checked
    failed = pre_commit(repo, pre_commit_home)
    assert failed.returncode == 1 and "`NOT_DECLARED_ANYWHERE` is read here" in failed.stdout
