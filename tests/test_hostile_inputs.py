"""Hostile input never gives a traceback or a hang: odd shapes in manifests and snapshots, deep
nesting in every format env-lint parses, FIFOs and devices where a file is expected. Each is a
finding or a clear exit 2 naming the file."""

from __future__ import annotations

import json
import os
import threading

import pytest

from .conftest import write_repo

DEEP = 5000


def clean(result) -> None:
    assert "Traceback" not in result.out + result.err
    assert result.code in (0, 1, 2)


def test_baseline_with_and_without_a_variable_in_one_file(run, tmp_path):
    """Two findings of one rule in one file, one with a variable and one without."""
    repo = write_repo(
        tmp_path / "repo",
        {
            ".env.example": "A_B=1\n",
            "docs/ENV.md": "```\nghp_" + "a1B2c3D4e5F6g7H8i9J0" * 2 + "\nTOKEN=ghp_"
            + "Z9y8X7w6V5u4T3s2R1q0" * 2 + "\n```\n",
        },
    )
    baseline = tmp_path / "baseline.json"
    result = run(repo, "--write-baseline", baseline)
    clean(result)
    assert result.code == 0
    entries = json.loads(baseline.read_text())["entries"]
    assert [e["variable"] for e in entries] == [None, "TOKEN"]
    assert run(repo, "--baseline", baseline).code == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("package.json", "[]"),
        ("package.json", '{"name": 5, "dependencies": [], "devDependencies": "next"}'),
        ("package.json", "[" * DEEP + "]" * DEEP),
        ("pyproject.toml", "project = 1\n"),
        ("pyproject.toml", "[project]\ndependencies = 1\noptional-dependencies = [1]\n"),
        ("turbo.json", "[" * DEEP + "]" * DEEP),
        ("turbo.json", '{"tasks": [], "globalEnv": {"a": 1}}'),
        ("env.schema.json", '{"properties": ' + "[" * DEEP + "]" * DEEP + "}"),
        (".github/workflows/ci.yml", "a:\n" + "".join(" " * i + "- \n" for i in range(1, 400))),
        (".github/workflows/ci.yml", "env: " + "[" * 900 + "]" * 900 + "\n"),
        ("docker-compose.yml", "x: " + "{a: " * 300 + "1" + "}" * 300 + "\n"),
        ("settings.py", "from pydantic_settings import BaseSettings\nx = " + "-" * 100000 + "1\n"),
        ("settings.py", "import os\nx = " + "not " * 100000 + "os.environ['A_B']\n"),
        ("src/env.ts", "export const env = z.object({" + "a: [" * 3000 + "]" * 3000 + "}).parse(process.env)\n"),
    ],
)
def test_odd_and_deep_files_are_findings_not_tracebacks(run, tmp_path, name, content):
    repo = write_repo(tmp_path, {".env.example": "A_B=1\n", name: content})
    result = run(repo, "--format", "json")
    clean(result)
    assert result.err == ""
    json.loads(result.out)


@pytest.mark.parametrize(
    "snapshot",
    [
        '[{"key": "A_B", "target": 5}]',
        '[{"key": "A_B", "environments": {"production": true}}]',
        '{"envs": [{"name": "A_B", "target": [1, null, "production"]}]}',
        "[" * DEEP + "]" * DEEP,
    ],
)
def test_snapshot_entries_of_any_shape(run, tmp_path, snapshot):
    repo = write_repo(tmp_path, {".env.example": "A_B=1\n", "vercel.json": "{}", "snap.json": snapshot})
    result = run(repo, "--snapshot", f"vercel={repo / 'snap.json'}")
    clean(result)
    if result.code == 2:
        assert result.err.startswith(f"env-lint: error: {repo / 'snap.json'}: ")


def test_deep_baseline_and_config_are_exit_2(run, tmp_path):
    write_repo(tmp_path, {".env.example": "A_B=1\n", "b.json": "[" * DEEP + "]" * DEEP})
    result = run(tmp_path, "--baseline", tmp_path / "b.json")
    clean(result)
    assert result.code == 2
    assert result.err == f"env-lint: error: {tmp_path / 'b.json'}: not a valid baseline (JSON nested too deeply)\n"
    for name in (".env-lint.toml", "pyproject.toml"):  # the config, or where it is looked for
        write_repo(tmp_path / name.strip("."), {name: "exclude = " + "[" * 600 + "]" * 600 + "\n"})
        result = run(tmp_path / name.strip("."))
        assert result.code == 2
        where = tmp_path / name.strip(".") / name
        assert result.err == f"env-lint: error: {where}: invalid TOML: nested too deeply\n"


def _with_timeout(target, *args):
    """Run ``target`` in a thread; a hang fails the test instead of the suite."""
    box = {}

    def runner():
        box["result"] = target(*args)

    thread = threading.Thread(target=runner, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "env-lint hung"
    return box["result"]


@pytest.mark.parametrize("where", ["package.json", ".env.example", "docs/ENV.md", "snap.txt", ".env-lint.toml"])
def test_a_fifo_is_never_opened_for_a_blocking_read(run, tmp_path, where):
    write_repo(tmp_path, {".env.example": "A_B=1\n", "docs/x.md": "x\n", "vercel.json": "{}"})
    path = tmp_path / where
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    args = [tmp_path]
    if where == "snap.txt":
        args += ["--snapshot", f"vercel={path}"]
    result = _with_timeout(run, *args)
    clean(result)
    if where in ("snap.txt", ".env-lint.toml"):
        assert result.code == 2
        assert result.err.endswith("not a regular file (a FIFO, device, socket or directory)\n")


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_read_bytes_takes_regular_files_only(tmp_path, kind):
    from env_lint.textio import read_bytes

    path = tmp_path / "x"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    failure = _with_timeout(read_bytes, str(path), "x")
    assert failure.reason == "not a regular file (a FIFO, device, socket or directory)"
    failure = read_bytes(str(path), "x", root=str(tmp_path))
    expected = "a symlink to a file outside the repo (not read)" if kind == "device" else failure.reason
    assert failure.reason == expected


def test_package_json_read_by_services_is_a_regular_file(tmp_path):
    from env_lint.project.services import discover_services

    os.mkfifo(tmp_path / "package.json")
    services = _with_timeout(discover_services, str(tmp_path), ["package.json"])
    assert [s.path for s in services] == [""]


def test_a_symlink_inside_the_repo_is_read(run, tmp_path):
    write_repo(tmp_path, {"real/env.txt": "A_B=1\nC_D=2\n", "src/a.ts": "process.env.A_B\n"})
    (tmp_path / ".env.example").symlink_to("real/env.txt")
    result = run(tmp_path)
    assert "`C_D` is listed in `.env.example`" in result.out


def test_a_symlink_out_of_the_repo_is_not_read(run, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("LEAKED_NAME=1\n")
    repo = write_repo(tmp_path / "repo", {"src/a.ts": "process.env.A_B\n"})
    (repo / ".env.example").symlink_to(outside)
    result = run(repo)
    assert "LEAKED_NAME" not in result.out
    assert ".env.example:1:1: error EL100 [parse-error] cannot parse `.env.example`: a symlink to a file outside the repo (not read)" in result.out


def test_a_configured_snapshot_outside_the_repo_is_refused(run, tmp_path):
    token = tmp_path / "token.txt"
    token.write_text("GHP_SHAPED_LINE\n")
    repo = write_repo(tmp_path / "repo", {".env.example": "A_B=1\n", ".env-lint.toml": '[snapshots]\nvercel = "../token.txt"\n'})
    result = run(repo)
    assert result.code == 2
    assert "GHP_SHAPED_LINE" not in result.out + result.err
    assert result.err == f"env-lint: error: {repo / '.env-lint.toml'}: snapshots.vercel: the snapshot file must be inside the repo\n"


def test_a_big_file_is_capped(run, tmp_path, monkeypatch):
    import env_lint.textio as textio

    monkeypatch.setattr(textio, "MAX_FILE_BYTES", 64)
    monkeypatch.setattr(textio.read_bytes, "__kwdefaults__", {"root": None, "limit": 64})
    write_repo(tmp_path, {".env.example": "A_B=1\n" * 100})
    result = run(tmp_path)
    assert ".env.example:1:1: error EL100 [parse-error] cannot parse `.env.example`: file is too large to check (over 64 bytes)" in result.out


def test_python_and_json_schema_warnings_stay_quiet(tmp_path):
    import subprocess
    import sys

    from .conftest import ROOT

    write_repo(
        tmp_path,
        {
            ".env.example": "A_B=1\n",
            "app/settings.py": "import os\nx = '\\['\ny = 1if 1 else 2\nos.environ['A_B']\n",
            "env.schema.json": '{"$schema": "https://example.invalid/nope", "properties": {"A_B": {}}}',
        },
    )
    done = subprocess.run([sys.executable, "-m", "env_lint", str(tmp_path)], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.stderr == ""
