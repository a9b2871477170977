"""The workflow in docs/github-actions.md passes actionlint, also checked against action.yml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from env_lint import __version__

from .conftest import ROOT

USES = f"env-lint/env-lint@v{__version__}"


def workflow() -> str:
    """The first YAML block of the page: the whole workflow."""
    tokens = MarkdownIt("commonmark").parse((ROOT / "docs" / "github-actions.md").read_text())
    return next(t.content for t in tokens if t.type == "fence" and t.info.strip() == "yaml")


def test_workflow_uses_the_action_and_uploads_its_sarif():
    steps = yaml.safe_load(workflow())["jobs"]["env-lint"]["steps"]
    [action] = [s for s in steps if s.get("uses") == USES]  # this version's tag
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == f"${{{{ steps.{action['id']}.outputs.sarif }}}}"
    assert "!cancelled()" in upload["if"]  # uploads after a failed env-lint step too
    assert not any("run" in s for s in steps)  # no second env-lint run, no `|| true`


def actionlint() -> str:
    """From the test extras, next to this interpreter (the venv may not be on PATH)."""
    beside = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("actionlint", path=beside)
    assert found is not None, "actionlint is in the test extras: pip install -e '.[test]'"
    return found


def lint(project: Path, text: str) -> subprocess.CompletedProcess[str]:
    """actionlint on ``text`` as a workflow of ``project`` (a git work tree: actionlint's project);
    shellcheck from the test extras checks its run: scripts."""
    target = project / ".github" / "workflows" / "env-lint.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q", str(project)], check=True, capture_output=True)
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return subprocess.run(
        [actionlint(), "-no-color", str(target)], cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "PATH": path},
    )


def test_actionlint_accepts_the_workflow(tmp_path):
    done = lint(tmp_path, workflow())
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_checks_the_workflow_against_action_yml(tmp_path):
    """With the action as a local one (`uses: ./`), actionlint reads action.yml: the inputs
    given and the outputs read must exist there."""
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    local = workflow().replace(f"uses: {USES}", "uses: ./")
    done = lint(tmp_path, local)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = local.replace("outputs.sarif }}", "outputs.sarif-path }}").replace(
        "uses: ./\n", "uses: ./\n        with:\n          argz: --strict\n"
    )
    done = lint(tmp_path, broken)
    assert done.returncode == 1
    assert 'input "argz" is not defined in action "env-lint"' in done.stdout
    assert 'property "sarif-path" is not defined' in done.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    done = lint(tmp_path, workflow().replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest"))
    assert done.returncode != 0
