"""The workflow in docs/github-actions.md passes actionlint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from .conftest import ROOT


def workflow() -> str:
    tokens = MarkdownIt("commonmark").parse((ROOT / "docs" / "github-actions.md").read_text())
    [block] = [t.content for t in tokens if t.type == "fence" and t.info.strip() == "yaml"]
    return block


def test_workflow_runs_env_lint_and_uploads_sarif():
    data = yaml.safe_load(workflow())
    steps = data["jobs"]["env-lint"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "env-lint --format sarif > env-lint.sarif || true" in runs
    assert "env-lint" in runs
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)


def actionlint() -> str:
    """From the test extras, next to this interpreter (the venv may not be on PATH)."""
    beside = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("actionlint", path=beside)
    assert found is not None, "actionlint is in the test extras: pip install -e '.[test]'"
    return found


def test_actionlint_accepts_the_workflow(tmp_path):
    target = tmp_path / ".github" / "workflows" / "env-lint.yml"
    target.parent.mkdir(parents=True)
    target.write_text(workflow())
    done = subprocess.run(
        [actionlint(), "-no-color", str(target)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr



def test_actionlint_catches_a_broken_workflow(tmp_path):
    target = tmp_path / "broken.yml"
    target.write_text(workflow().replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest"))
    done = subprocess.run([actionlint(), "-no-color", str(target)], capture_output=True, text=True, check=False)
    assert done.returncode != 0
