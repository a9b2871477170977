"""git runs nothing the repo chooses; what cannot be listed is said once; file names with a
newline or a ``|`` keep every output format intact."""

from __future__ import annotations

import os
import subprocess

import pytest

from env_lint.listing import git_environment

from .conftest import write_repo


def _git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b",
                        "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@b"})


@pytest.fixture
def repo(tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=1\n", ".env": "A_B=2\nSESSION_SECRET=Zq8vN2mLw4Rt7yHb9KcX1pFsQ3\n", "src/a.ts": "process.env.A_B\n"})
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "x")
    return tmp_path


def test_core_fsmonitor_is_never_run(run, repo):
    marker = repo / "PWNED"
    _git(repo, "config", "core.fsmonitor", f"touch {marker}; false")
    result = run(repo)
    assert "EL602 [committed-env-file]" in result.out  # git was asked
    assert not marker.exists()


def test_the_callers_git_environment_is_not_passed_on(run, repo, monkeypatch, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    _git(other, "init", "-q")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.fsmonitor'='touch /nonexistent'")
    assert "GIT_DIR" not in git_environment() and git_environment()["GIT_CONFIG_NOSYSTEM"] == "1"
    result = run(repo)
    assert "EL602 [committed-env-file]" in result.out


def test_git_missing_is_said_once(run, repo, monkeypatch, tmp_path_factory):
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("empty")))
    result = run(repo)
    assert result.err == (
        "env-lint: note: git is not installed: files are listed by walking the directory "
        "(.gitignore is not applied)\n"
        "env-lint: note: git is not installed: committed-env-file cannot tell whether env files "
        "are tracked\n"
    )


def test_an_unreadable_directory_is_said_once(run, tmp_path, monkeypatch):
    write_repo(tmp_path, {".env.example": "A_B=1\n", "secret/x.md": "x\n", "src/a.ts": "process.env.A_B\n"})
    real = os.scandir

    def scandir(path):
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(tmp_path)
    assert result.err == "env-lint: note: cannot read directory secret: Permission denied; its files are not checked\n"


NAME = "docs/a\n::error file=x::forged|x.md"


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_odd_file_names_keep_each_format_intact(run, tmp_path, fmt):
    write_repo(tmp_path, {".env.example": "A_B=1\n", "src/a.ts": "process.env.A_B\n", NAME: "`STALE_NAME` is documented\n\n| Variable |\n|---|\n| `STALE_NAME` |\n"})
    result = run(tmp_path, "--format", fmt)
    assert "STALE_NAME" in result.out  # the finding in that file is there
    assert not any(line.startswith("::error file=x") for line in result.out.splitlines())
    if fmt == "markdown":
        rows = [line for line in result.out.splitlines() if "STALE_NAME" in line and line.startswith("|")]
        assert rows and all(row.count("|") - row.count("\\|") == 5 for row in rows)


@pytest.mark.parametrize("tracked", [True, False], ids=["git-listing", "directory-walk"])
def test_an_output_named_directory_with_a_manifest_is_a_package(tmp_path, tracked):
    """``packages/build`` holding a build tool's source, or a Python package named ``build``,
    is listed; ``build/`` output (even a Python build's ``build/lib/``) is not."""
    from env_lint.listing import list_files

    write_repo(
        tmp_path,
        {
            "packages/build/package.json": '{"name": "@x/build"}\n',
            "packages/build/src/image.ts": "export const e = { CACHE_DIR: '/c' };\n",
            "app/features/build/__init__.py": "",
            "app/features/build/run.sh": "echo ${BUILD_TIMEOUT:-30}\n",
            "app/web/__init__.py": "",
            "app/web/out/render.py": "import os\n",  # a module of a namespace package
            "build/bundle.js": "process.env.OUTPUT_ONLY;\n",
            "build/lib/app/__init__.py": "",
            "out/index.html": "<html></html>\n",
            "node_modules/dep/package.json": '{"name": "dep"}\n',
        },
    )
    if tracked:
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        subprocess.run(["git", "add", "-f", "."], cwd=tmp_path, check=True)
    assert list_files(str(tmp_path)) == [
        "app/features/build/__init__.py",
        "app/features/build/run.sh",
        "app/web/__init__.py",
        "app/web/out/render.py",
        "packages/build/package.json",
        "packages/build/src/image.ts",
    ]


@pytest.mark.parametrize(
    ("path", "tooling"),
    [
        ("src/vendor/test.js", True),  # a file named only "test": a try-out or a test
        ("app/tests.py", True),
        ("src/spec.ts", True),
        ("src/latest.ts", False),
        ("src/contest.py", False),
        ("src/test-results.ts", False),
    ],
)
def test_which_files_are_tests_by_their_name(path, tooling):
    from env_lint.paths import is_tooling_path

    assert is_tooling_path(path) is tooling
