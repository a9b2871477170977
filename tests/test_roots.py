"""Root discovery (like ruff), --root, and paths relative to the working directory."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import write_repo

SCHEMA = 'import { z } from "zod";\nexport const env = z.object({ API_URL: z.string(), API_TOKEN: z.string() }).parse(process.env);\n'
MISSING = "error EL200 [missing-from-example] `API_TOKEN` is declared in the schema but missing from `.env.example`; it is required with no default"
UNUSED = "warning EL201 [unused-example-var] `OLD_FLAG` is listed in `.env.example` but no schema declares it and no code reads it"


def monorepo(root, config: dict[str, str]):
    """An example file at the top, a schema in apps/web, and a config file somewhere."""
    return write_repo(
        root,
        {".env.example": "API_URL=\nOLD_FLAG=1\n", "apps/web/src/env.ts": SCHEMA, "apps/web/package.json": "{}\n", **config},
    )


def git_init(path) -> None:
    """A work tree whose index holds every file (env-lint reads the tracked files)."""
    subprocess.run(["git", "init", "-q", str(path)], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(path), "add", "-A"], check=True, capture_output=True)


@pytest.mark.parametrize(
    "config",
    [
        pytest.param({".env-lint.toml": 'ignore = ["unused-example-var"]\n'}, id="env-lint-toml"),
        pytest.param({"pyproject.toml": '[tool.env-lint]\nignore = ["EL201"]\n'}, id="pyproject-tool-table"),
    ],
)
def test_from_a_subdirectory_the_root_is_the_nearest_config(run, tmp_path, monkeypatch, config):
    monorepo(tmp_path, config)
    monkeypatch.chdir(tmp_path / "apps" / "web")
    result = run()
    assert result.out.splitlines() == [f"src/env.ts:2:52: {MISSING}", result.out.splitlines()[-1]]
    assert result.out.splitlines()[-1].startswith("Found 1 error, 0 warnings (")
    assert result.code == 1
    [finding] = run("--format", "json").json()["findings"]
    assert [r["path"] for r in finding["related"]] == ["../../.env.example"]  # relative to here


def test_a_path_is_the_root_as_given(run, tmp_path, monkeypatch):
    """`env-lint .` in apps/web checks apps/web alone: no config, no example file there."""
    monorepo(tmp_path, {".env-lint.toml": 'ignore = ["unused-example-var"]\n'})
    monkeypatch.chdir(tmp_path / "apps" / "web")
    assert run(".", "--format", "json").json()["findings"] == []
    assert run("--root", ".", "--format", "json").json()["findings"] == []
    assert run("--root", "../..", "-q").out == f"src/env.ts:2:52: {MISSING}\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_without_a_config_the_root_is_the_git_work_tree_top(run, tmp_path, monkeypatch):
    monorepo(tmp_path / "repo", {"pyproject.toml": "[project]\nname = 'not-ours'\n"})
    git_init(tmp_path / "repo")
    # A config above the work tree is not the repo's: the search stops at the top.
    (tmp_path / ".env-lint.toml").write_text('select = ["duplicate-key"]\n')
    monkeypatch.chdir(tmp_path / "repo" / "apps" / "web" / "src")
    result = run("-q")
    assert result.out == f"../../../.env.example:2:1: {UNUSED}\nenv.ts:2:52: {MISSING}\n"


def test_nearest_config_wins_over_one_further_up(run, tmp_path, monkeypatch):
    monorepo(tmp_path, {".env-lint.toml": 'select = ["EL201"]\n', "apps/web/.env-lint.toml": 'select = ["EL102"]\n'})
    monkeypatch.chdir(tmp_path / "apps" / "web" / "src")
    found = run("--format", "json").out
    assert found == run("--root", "..", "--format", "json").out  # apps/web is the root
    assert found != run("--root", "../../..", "--format", "json").out


def test_an_empty_directory_says_what_it_looked_for(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run()
    assert (result.code, result.out) == (0, "No problems found (0 files checked).\n")
    assert result.err == (
        "env-lint: nothing to check in .: no example file (.env.example...), env schema, code "
        "reading the environment, docs or deploy config found\n"
        "env-lint: the root . is the working directory (no env-lint config and no git work tree "
        "above it); the root is the nearest directory up with .env-lint.toml or [tool.env-lint] in "
        "pyproject.toml, else the git work-tree top, else the working directory (or give PATH or "
        "--root)\n"
    )
    assert run("-q").out == run("-q").err == ""


def test_root_and_path_together_is_a_usage_error(run, tmp_path):
    result = run(tmp_path, "--root", tmp_path)
    assert (result.code, result.err) == (2, "env-lint: error: --root and PATH: give the root one way\n")


def test_docs_table_finds_the_root_too(run, tmp_path, monkeypatch):
    monorepo(tmp_path, {".env-lint.toml": "\n"})
    monkeypatch.chdir(tmp_path / "apps" / "web")
    table = run("docs-table").out
    assert "| `OLD_FLAG` |" in table and "| `API_TOKEN` |" in table
