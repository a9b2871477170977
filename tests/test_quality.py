"""The code itself: ruff and mypy --strict are part of the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", name, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check():
    done = tool("ruff", "check", "env_lint", "tests")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format():
    done = tool("ruff", "format", "--check", "env_lint")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict():
    done = tool("mypy")
    assert done.returncode == 0, done.stdout + done.stderr



def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(command), "--no-cache"], cwd=cwd, capture_output=True, text=True, check=False, env=env
    )


def test_import_layers_and_no_cycles():
    """pyproject.toml's import-linter contracts: the layers of the pipeline, and no cycles."""
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        pytest.param("model/core.py", "from ..rules import RULES", id="model-imports-rules"),
        pytest.param("sources/base.py", "from ..project import build_project", id="upward"),
        pytest.param("paths.py", "from . import textio", id="helper-sibling-ok"),
    ],
)
def test_the_contracts_catch_a_violation(tmp_path, module, line):
    """The contracts are not vacuous: an upward import breaks the layers; an import between
    helper siblings does not."""
    shutil.copytree(ROOT / "env_lint", tmp_path / "env_lint")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "env_lint" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    done = lint_imports(tmp_path)
    if module == "paths.py":
        assert done.returncode == 0, done.stdout
    else:
        assert done.returncode != 0
        assert "BROKEN" in done.stdout
