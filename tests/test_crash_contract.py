"""The crash contract: a bug in env-lint while processing one file is one line on stderr naming
that file (the traceback only with --debug), exit code 3, and the other files' findings are still
reported. Output that cannot be written is a clear exit 2, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from env_lint.cli import EXIT_INTERNAL, EXIT_USAGE, main

from .conftest import DEMO, ROOT, write_repo

SECRETISH = "sk_live_" + "Q" * 24  # what a crashing parser's message might quote


@pytest.fixture
def two_files(tmp_path):
    return write_repo(
        tmp_path,
        {
            ".env.example": "BAD.KEY=1\n",
            "docs/ENV.md": "| Variable | Notes |\n|---|---|\n| `BAD_KEY_DOC` | x |\n",
        },
    )


@pytest.fixture
def broken_docs(monkeypatch):
    import env_lint.sources.markdown_docs as docs

    def explode(path, text):
        raise RuntimeError(f"planted bug {SECRETISH}")

    monkeypatch.setattr(docs, "parse_doc", explode)


def test_a_bug_in_one_file_is_one_line_and_exit_3(run, two_files, broken_docs):
    result = run(two_files)
    assert result.code == EXIT_INTERNAL
    assert "EL101 [invalid-key]" in result.out  # the example file was still checked
    lines = result.err.splitlines()
    assert lines == [
        "env-lint: internal error while processing docs/ENV.md (RuntimeError): this is a bug in "
        "env-lint; please report it with the output of the same command run with --debug"
    ]
    assert SECRETISH not in result.err + result.out


def test_debug_shows_the_traceback(run, two_files, broken_docs):
    result = run(two_files, "--debug")
    assert result.code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in result.err
    assert "planted bug" in result.err
    assert "EL101 [invalid-key]" in result.out


def test_a_bug_in_a_step_names_the_step(run, tmp_path, monkeypatch):
    import env_lint.reporters.text as text

    def explode(report):
        raise ZeroDivisionError

    monkeypatch.setitem(__import__("env_lint.reporters", fromlist=["REPORTERS"]).REPORTERS, "text", explode)
    write_repo(tmp_path, {".env.example": "A_B=1\n"})
    result = run(tmp_path)
    assert result.code == EXIT_INTERNAL
    assert result.err == (
        f"env-lint: internal error while processing checking {tmp_path} (ZeroDivisionError): "
        "this is a bug in env-lint; please report it with the output of the same command run "
        "with --debug\n"
    )
    assert text  # the reporter module itself is untouched


def test_docs_table_keeps_the_contract(run, two_files, broken_docs):
    result = run("docs-table", two_files)
    assert result.code == EXIT_INTERNAL
    assert "| `BAD.KEY`" not in result.out and result.out.startswith("| Variable |")
    assert "docs/ENV.md (RuntimeError)" in result.err


class _Full:
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_on_stdout_is_exit_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _Full())
    code = main([str(DEMO)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert err == "env-lint: error: cannot write the output: No space left on device\n"


def _shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "ENV_LINT_CACHE_DIR": os.environ["ENV_LINT_CACHE_DIR"], **env},
    )


def test_a_closed_stdout_is_exit_2_without_traceback():
    done = _shell(f"{sys.executable} -m env_lint {DEMO} >&-")
    assert "Traceback" not in done.stderr
    assert done.returncode == EXIT_USAGE
    assert done.stderr == "env-lint: error: cannot write the output: standard output is closed\n"


def test_a_non_utf8_stdout_gets_escapes(tmp_path):
    done = _shell(
        f"{sys.executable} -m env_lint {DEMO} --format markdown", PYTHONIOENCODING="ascii"
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "\\U0001f512 yes" in done.stdout  # the lock emoji, escaped
