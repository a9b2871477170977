"""Command-line behaviour: arguments, exit codes, multiple roots."""

from __future__ import annotations

import subprocess
import sys

import pytest

from env_lint import __version__
from env_lint.cli import COMMANDS

from .conftest import DEMO, FIXTURES, ROOT, write_repo


def test_version(run):
    result = run("--version")
    assert (result.code, result.out) == (0, f"env-lint {__version__}\n")


def test_help_has_examples_and_exit_codes(run):
    result = run("--help")
    assert result.code == 0
    assert "env-lint check fixtures/t11-platform" in result.out
    assert "2 usage or configuration error" in result.out
    for name in COMMANDS:  # the subcommands are listed from the dispatch table
        assert f"  env-lint {COMMANDS[name].synopsis} " in result.out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["does/not/exist"], "env-lint: error: does/not/exist: not a directory"),
        ([str(DEMO / "env.production.example")], "not a directory (PATH is the repo root"),
        ([str(DEMO), "--select", "nope"], "env-lint: error: --select: unknown rule 'nope'"),
        ([str(DEMO), "--ignore", "EL999"], "env-lint: error: --ignore: unknown rule 'EL999'"),
        (
            [str(DEMO), "--jobs", "-1"],
            "env-lint: error: argument --jobs: expected a whole number (0: one per core), got '-1'",
        ),
    ],
)
def test_usage_errors_exit_2(run, argv, message):
    result = run(*argv)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_bad_format_exits_2(run):
    assert run(DEMO, "--format", "yaml").code == 2


def test_select_and_ignore_by_name_and_code(run):
    only = run(DEMO, "--select", "EL201,duplicate-key", "--format", "json").json()
    assert {f["rule"] for f in only["findings"]} == {"unused-example-var", "duplicate-key"}
    rest = run(DEMO, "--ignore", "el100,invalid-key", "--format", "json").json()
    assert not {"parse-error", "invalid-key"} & {f["rule"] for f in rest["findings"]}


def test_warnings_alone_exit_0_unless_strict(run):
    warnings = ("--select", "unused-example-var")
    assert run(DEMO, *warnings).code == 0
    assert run(DEMO, *warnings, "--strict").code == 1


def test_multiple_roots_prefix_paths(run):
    result = run(FIXTURES / "monorepo-scope", FIXTURES / "clean-repo", "--format", "json")
    [finding] = result.json()["findings"]
    assert finding["path"].endswith("fixtures/monorepo-scope/services/worker/src/env.ts")
    assert result.json()["summary"]["files_checked"] == 8


def test_empty_directory(run, tmp_path):
    result = run(tmp_path)
    assert (result.code, result.out) == (0, "No problems found (0 files checked).\n")


def test_repo_with_code_but_no_declarations_stays_quiet(run, tmp_path):
    write_repo(tmp_path, {"src/a.ts": "export const a = process.env.SOMETHING_UNDECLARED;\n"})
    assert run(tmp_path).out == "No problems found (1 file checked).\n"


def test_python_dash_m():
    done = subprocess.run(
        [sys.executable, "-m", "env_lint", str(FIXTURES / "clean-repo")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "No problems found (4 files checked).\n")


def test_a_closed_pipe_is_not_a_traceback(monkeypatch, tmp_path):
    """`env-lint | head`: the reader is gone, the write fails; the run ends quietly."""
    from env_lint.cli import main

    sink = open(tmp_path / "sink", "w")  # noqa: SIM115 - its descriptor replaces stdout's

    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return sink.fileno()

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main([str(FIXTURES / "clean-repo")]) == 1
    sink.close()


def test_ctrl_c_exits_130_without_a_traceback(run, monkeypatch):
    import env_lint.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(env_lint.cli, "_check", interrupted)
    result = run(DEMO)
    assert (result.code, result.out, result.err) == (130, "", "env-lint: interrupted\n")
