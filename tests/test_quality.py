"""The code itself: ruff and mypy --strict are part of the suite."""

from __future__ import annotations

import subprocess
import sys

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
