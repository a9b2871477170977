"""Safe by construction: no value read from a file reaches any output, no socket is opened,
heavy modules are imported only when needed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from env_lint.cli import FORMATS

from .conftest import DEMO, ROOT, write_repo

PLANTED = "q7Zk3VwX9pLm2TrB"  # unique: appears nowhere in the repo


def slices(value: str, size: int = 8) -> list[str]:
    return [value[i : i + size] for i in range(len(value) - size + 1)]


@pytest.fixture
def planted_demo(tmp_path):
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    example = target / "env.production.example"
    text = example.read_text()
    # Values that make rules fire (enum, default, duplicate, unused, invalid key) and plain ones.
    for line in ("LOG_LEVEL=verbose", "JOB_MAX_ATTEMPTS=5", "SMTP_HOST=smtp.mailgun.org",
                 "LEGACY_WEBHOOK_URL=https://hooks.example.com/old",
                 "MAIL.REPLY_TO=support@example.com", "NEXTAUTH_URL=https://app.example.com"):
        key = line.split("=")[0]
        text = text.replace(line, f"{key}={PLANTED}")
    text = text.replace("SMTP_PASS='never closed", f"SMTP_PASS='{PLANTED}")
    example.write_text(text)
    docs = target / "docs" / "SECRETS.md"
    docs.write_text(docs.read_text().replace("`default-queue`", f"`{PLANTED}`"))
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_planted_value_in_any_output(run, planted_demo, fmt):
    result = run(planted_demo, "--format", fmt)
    assert result.code == 1
    rules = result.out
    assert "default-mismatch" in rules and "invalid-example-value" in rules  # they did fire
    for piece in slices(PLANTED):
        assert piece not in result.out
        assert piece not in result.err


def test_no_socket_is_opened_during_a_run():
    script = textwrap.dedent(
        f"""
        import json, sys
        events = []
        sys.addaudithook(lambda e, a: events.append(e) if e.startswith("socket.") else None)
        from env_lint.cli import main
        code = main([{str(DEMO)!r}, "--format", "json"])
        sys.stdout.flush()
        sys.stderr.write(json.dumps({{"code": code, "events": events}}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    report = json.loads(done.stderr)
    assert report == {"code": 1, "events": []}


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_itself_has_sockets_disabled():
    import socket

    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


HEAVY = ("jsonschema", "tree_sitter", "markdown_it")


def imported_after_run(repo) -> set[str]:
    script = textwrap.dedent(
        f"""
        import sys
        from env_lint.cli import main
        main([{str(repo)!r}])
        print("HEAVY:" + ",".join(sorted(m for m in {HEAVY!r} if m in sys.modules)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    marker = done.stdout.strip().splitlines()[-1].removeprefix("HEAVY:")
    return set(filter(None, marker.split(",")))


def test_example_only_repo_imports_no_heavy_module(tmp_path):
    write_repo(tmp_path, {".env.example": "API_URL=https://api.example.com\n"})
    assert imported_after_run(tmp_path) == set()


def test_heavy_modules_load_when_needed(tmp_path):
    assert imported_after_run(DEMO) == {"tree_sitter", "markdown_it"}
    write_repo(tmp_path, {".env.example": "A_B=1\n", ".env-lint.toml": "strict = true\n"})
    assert imported_after_run(tmp_path) == {"jsonschema"}
