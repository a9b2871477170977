from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from env_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DEMO = FIXTURES / "t11-platform"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Any:
    def invoke(*argv: str | Path) -> Run:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def run_in(run: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run from inside ``root`` on ``.``: paths print relative to it, as its user sees them."""

    def invoke(root: Path, *argv: str | Path) -> Run:
        monkeypatch.chdir(root)
        return run(".", *argv)  # type: ignore[no-any-return]

    return invoke


def output_schema() -> dict[str, Any]:
    text = resources.files("env_lint").joinpath("schemas/output.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def write_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def copy_fixture(source: Path, target: Path) -> Path:
    """A fixture repo copied for a test to change, without the cache a run on the fixture itself
    left there (the README's demo command writes one into ``fixtures/t11-platform``)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".env-lint-cache"))
    return target


def copy_working_tree(target: Path) -> Path:
    """This repo as it is now (tracked and new files, not ignored ones) copied to ``target``:
    what a user's checkout of the action or of the hook repo holds."""
    done = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    for rel in filter(None, done.stdout.split("\0")):
        if (ROOT / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target / rel)
    return target


@pytest.fixture(autouse=True)
def _run_from_the_repo_root(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Paths in github/sarif output are relative to the working directory: pin it. The CLI's
    cache goes to a directory of the test's own, never into the fixtures."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
