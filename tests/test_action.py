"""The GitHub Action (action.yml): its metadata, and its run: steps executed locally by a small
fake runner (bash with the runner's flags, GITHUB_* files, ``${{ }}`` values given by the test)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import DEMO, FIXTURES, ROOT, copy_working_tree, write_repo

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = {step["id"]: step for step in ACTION["runs"]["steps"]}
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def test_metadata():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"args", "version", "sarif"}
    assert set(ACTION["outputs"]) == {"sarif", "exit-code"}
    setup = STEPS["python"]
    assert setup["uses"].startswith("actions/setup-python@")
    assert re.fullmatch(r"3\.\d+", setup["with"]["python-version"])  # pinned, no wildcard
    assert setup["with"]["update-environment"] is False  # the job's own Python is left alone


def test_run_scripts_take_values_only_through_env_and_never_hide_the_exit_code():
    for step in STEPS.values():
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"]  # no expression injection into the script
            assert "|| true" not in step["run"]


def shellcheck() -> str:
    beside = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("shellcheck", path=beside)
    assert found is not None, "shellcheck is in the test extras: pip install -e '.[test]'"
    return found


@pytest.mark.parametrize("step", [s for s in STEPS if "run" in STEPS[s]])
def test_run_scripts_pass_shellcheck(tmp_path, step):
    script = tmp_path / f"{step}.sh"
    script.write_text("#!/usr/bin/env bash\n" + STEPS[step]["run"])
    done = subprocess.run([shellcheck(), "--shell=bash", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


@dataclass
class Ran:
    code: int
    out: str
    err: str
    outputs: dict[str, str]


class Runner:
    """What the runner gives a composite action's run: step, for one job."""

    def __init__(self, temp: Path, action_path: Path) -> None:
        self.temp = temp
        self.action_path = action_path
        self.summary = temp / "step-summary.md"
        self.summary.write_text("")

    def run(self, step_id: str, workspace: Path, context: dict[str, str]) -> Ran:
        step = STEPS[step_id]
        values = {"github.action_path": str(self.action_path), **context}
        step_env = {k: EXPRESSION.sub(lambda m: values[m.group(1)], str(v)) for k, v in step.get("env", {}).items()}
        output = self.temp / f"output-{step_id}"
        output.write_text("")
        script = self.temp / f"{step_id}.sh"
        script.write_text(step["run"])
        base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "ENV_LINT_", "RUNNER_"))}
        env = {
            **base,
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_ACTION_PATH": str(self.action_path),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "RUNNER_TEMP": str(self.temp),
            **step_env,
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],  # the runner's flags
            cwd=workspace, env=env, capture_output=True, text=True, check=False, timeout=600,
        )
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
        return Ran(done.returncode, done.stdout, done.stderr, outputs)


def base_python() -> str:
    return getattr(sys, "_base_executable", sys.executable)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Runner, str]:
    """The install step, run for real once: a venv with env-lint from the action's checkout."""
    temp = tmp_path_factory.mktemp("runner-temp")
    runner = Runner(temp, copy_working_tree(tmp_path_factory.mktemp("action")))
    context = {"steps.python.outputs.python-path": base_python(), "inputs.version": ""}
    ran = runner.run("install", tmp_path_factory.mktemp("workspace"), context)
    assert ran.code == 0, ran.out + ran.err
    assert ran.out.strip().endswith("env-lint 0.2.0")
    return runner, ran.outputs["python"]


def run_step(installed, workspace: Path, args: str = "", sarif: str = "env-lint.sarif") -> Ran:
    runner, python = installed
    runner.summary.write_text("")
    context = {"steps.install.outputs.python": python, "inputs.args": args, "inputs.sarif": sarif}
    return runner.run("run", workspace, context)


def workspace(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / "workspace"
    shutil.copytree(source, target)
    return target


def test_findings_fail_the_step_and_every_form_comes_from_one_run(installed, tmp_path, run):
    repo = workspace(tmp_path, DEMO)
    ran = run_step(installed, repo)
    assert ran.code == 1, ran.err
    assert ran.outputs == {"sarif": "env-lint.sarif", "exit-code": "1"}
    lines = ran.out.splitlines()
    assert lines[0].startswith("::warning file=docs/SECRETS.md,line=23,col=4,title=EL400 default-mismatch::")
    assert sum(line.startswith("::error file=") for line in lines) == 6
    assert lines[-1] == "Found 6 errors, 7 warnings (17 files checked)."
    summary = installed[0].summary.read_text()
    assert summary.count("# env-lint report") == 1  # the job summary, once
    sarif = json.loads((repo / "env-lint.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == 13
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "services/worker/src/lib/env.ts" in uris  # relative to the workspace


def test_a_clean_repo_passes(installed, tmp_path):
    ran = run_step(installed, workspace(tmp_path, FIXTURES / "clean-repo"))
    assert (ran.code, ran.outputs) == (0, {"sarif": "env-lint.sarif", "exit-code": "0"})


@pytest.mark.parametrize("args", ["--select nope", "--no-such-option", "'unbalanced"])
def test_a_usage_error_is_exit_2_and_no_stale_sarif(installed, tmp_path, args):
    repo = workspace(tmp_path, DEMO)
    (repo / "env-lint.sarif").write_text("{}")  # left over: must not be uploaded
    ran = run_step(installed, repo, args=args)
    assert ran.code == 2, ran.out + ran.err
    assert ran.outputs == {"exit-code": "2"}
    assert not (repo / "env-lint.sarif").exists()
    assert installed[0].summary.read_text() == ""


def test_args_are_split_like_a_shell_without_expansion(installed, tmp_path):
    repo = workspace(tmp_path, FIXTURES / "rules" / "duplicate-key" / "fires")
    write_repo(repo, {"sub dir/.env.example": "A_B=1\nA_B=2\n"})
    ran = run_step(installed, repo, args="'sub dir' --select \"EL102\" --strict", sarif="")
    assert ran.code == 1
    assert ran.outputs == {"exit-code": "1"}  # no sarif input: no SARIF file
    assert ran.out.startswith("::warning file=sub dir/.env.example,line=2,col=1,title=EL102 duplicate-key::")
    assert not list(repo.glob("*.sarif"))
    ran = run_step(installed, repo, args="$HOME *")  # no expansion: a literal path that is not there
    assert ran.code == 2 and "$HOME: not a directory" in ran.err


@pytest.mark.parametrize(
    ("version", "spec"),
    [
        ("", "{action}"),
        ("0.2.0", "git+https://github.com/env-lint/env-lint@v0.2.0"),
        ("v0.3.1", "git+https://github.com/env-lint/env-lint@v0.3.1"),
        ("env-lint==0.4.0", "env-lint==0.4.0"),
    ],
)
def test_version_picks_what_pip_installs(tmp_path, version, spec):
    """A stand-in Python records what the install step asks pip for."""
    log = tmp_path / "pip.log"
    fake = tmp_path / "python"
    fake.write_text(
        "#!/usr/bin/env bash\n"
        'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; exit 0; fi\n'
        f'echo "$@" >> {log}\n'
    )
    fake.chmod(0o755)
    runner = Runner(tmp_path, tmp_path / "action")
    ran = runner.run("install", tmp_path, {"steps.python.outputs.python-path": str(fake), "inputs.version": version})
    assert ran.code == 0, ran.err
    expected = spec.format(action=tmp_path / "action")
    assert log.read_text().splitlines() == [
        f"-m pip install --quiet --disable-pip-version-check {expected}",
        "-m env_lint --version",
    ]
    assert ran.outputs == {"python": f"{tmp_path}/env-lint-venv/bin/python"}
