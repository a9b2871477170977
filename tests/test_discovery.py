"""Which files are example files, schemas, docs and sources."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from env_lint.listing import list_files, walk
from env_lint.paths import glob_regex, is_doc_path, is_example_name, is_schema_name
from env_lint.sources.base import Settings
from env_lint.sources.registry import classify

from .conftest import write_repo


@pytest.mark.parametrize(
    "name",
    [
        ".env.example", "env.production.example", ".env.sample", ".env-template", ".example.env",
        "template.env", ".env.template", ".env.local.example", ".env.example.local",
        "env.example", ".env.dist", "example.env", ".env.production.sample", "sample.env",
    ],
)
def test_example_names(name):
    assert is_example_name(name)


@pytest.mark.parametrize(
    "name",
    [
        ".env", ".env.local", "env.production", ".env.production", "messages.en.json",
        "env.example.ts", "example.json", ".env.example.md", "environment.example.yml",
        "README.md", "sample.txt", "envelope.example",
    ],
)
def test_not_example_names(name):
    assert not is_example_name(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("env.ts", True), ("env.mjs", True), ("env.js", True), ("env.server.ts", True),
        ("env.client.mjs", True), ("environment.ts", True), ("env-schema.ts", True),
        ("envSchema.ts", True), ("env.d.ts", False), ("environ.ts", False), ("index.ts", False),
        ("env.json", False),
    ],
)
def test_schema_names(name, expected):
    assert is_schema_name(name) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docs/SECRETS.md", True), ("apps/web/docs/env/setup.mdx", True), ("README.md", True),
        ("services/worker/readme.md", True), ("CHANGELOG.md", False), ("docs/diagram.png", False),
        ("documentation/x.md", False),
    ],
)
def test_doc_paths(path, expected):
    assert is_doc_path(path) is expected


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("docs/**/*.md", "docs/a.md", True),
        ("docs/**/*.md", "docs/x/y/a.md", True),
        ("docs/*.md", "docs/x/a.md", False),
        ("fixtures", "fixtures/a/b.ts", True),
        ("fixtures/**", "fixtures/a/b.ts", True),
        ("**/.env.example", "a/b/.env.example", True),
        ("./config/env.ts", "config/env.ts", True),
        ("*.md", "docs/a.md", False),
    ],
)
def test_globs(pattern, path, expected):
    assert bool(glob_regex(pattern).match(path)) is expected


def test_walk_skips_vendored_generated_and_virtualenv_dirs(tmp_path):
    write_repo(
        tmp_path,
        {
            ".env.example": "A=1\n",
            "node_modules/pkg/.env.example": "B=1\n",
            ".git/config": "",
            "dist/env.js": "",
            ".next/server.js": "",
            "myvenv/pyvenv.cfg": "",
            "myvenv/lib/.env.example": "C=1\n",
            "src/app.ts": "",
            "vendor/skip.ts": "",
            "{{cookiecutter.project_slug}}/compose.yml": "{% if x %}\n",  # a generator's template
        },
    )
    assert walk(str(tmp_path), exclude=("vendor",)) == [".env.example", "src/app.ts"]


def test_configured_paths_add_to_discovery():
    files = ["config/vars.dotenv", "src/settings.ts", "handbook/env.md", ".env.example"]
    found = classify(files, Settings(examples=("config/*.dotenv",), schemas=("src/settings.ts",), docs=("handbook/**",)))
    assert found["example"] == ("config/vars.dotenv", ".env.example")
    assert found["schema-file"] == ("src/settings.ts",)
    assert found["docs"] == ("handbook/env.md",)
    only = classify(files, Settings(examples=("config/*.dotenv",), auto=False))
    assert only["example"] == ("config/vars.dotenv",)
    assert only["docs"] == ()


def test_frozen_copies_are_excluded_by_default(run, tmp_path):
    """Versioned docs, translations, vendored and generated code are not sources of truth."""
    write_repo(tmp_path, {
        ".env.example": "API_URL=\n",
        "src/app.ts": "export const a = process.env.API_URL;\n",
        "docs/versioned_docs/version-1/env.md": "| Variable |\n|---|\n| `OLD_VAR_NAME` |\n",
        "docs/i18n/fr/env.md": "- `ANCIEN_NOM_X` : obsolète\n",
        "vendor/lib/x.js": "module.exports = process.env.VENDOR_TOKEN_X;\n",
        "src/api.generated.ts": "export const g = process.env.GENERATED_TOKEN_X;\n",
    })
    assert run(tmp_path).out.startswith("No problems found")
    (tmp_path / ".env-lint.toml").write_text("default-excludes = false\n")
    out = run(tmp_path).out
    for name in ("OLD_VAR_NAME", "VENDOR_TOKEN_X", "GENERATED_TOKEN_X"):
        assert f"`{name}`" in out, name


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_in_a_work_tree_only_tracked_files_are_listed(tmp_path):
    """The index, as under pre-commit: untracked files (ignored or not) are never read."""
    write_repo(tmp_path, {".env.example": "A=1\n", "src/app.ts": "", ".gitignore": "*.log\n",
                          "{{project}}/.env.example": "B=\n"})  # a template: not this repo's
    run = {"cwd": tmp_path, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)
    subprocess.run(["git", "add", "-A"], **run)
    write_repo(tmp_path, {"src/untracked.ts": "", "debug.log": "", "sub/.env.example": "B=1\n"})
    assert list_files(str(tmp_path)) == [".env.example", ".gitignore", "src/app.ts"]
    subprocess.run(["git", "add", "src/untracked.ts"], **run)  # staged: part of the commit
    (tmp_path / "src" / "app.ts").unlink()  # deleted on disk, not yet staged: gone
    assert list_files(str(tmp_path)) == [".env.example", ".gitignore", "src/untracked.ts"]
    assert list_files(str(tmp_path / "src")) == ["untracked.ts"]  # a root below the top
