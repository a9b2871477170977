"""A run that nothing could have changed is replayed from its record: same bytes, same exit
code, no file read; any change to a listed file, the index, the config, the arguments or the
environment variables env-lint reads runs the check again; runs that write elsewhere, racy
inputs and damaged records are never replayed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from env_lint import replay
from env_lint.cli import main as cli_main
from env_lint.launch import main as launch_main

from .conftest import FIXTURES, Run, copy_fixture, write_repo
from .test_cache import backdate, old

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]


def repo_copy(tmp_path, fixture: str = "t11-platform"):
    repo = tmp_path / "repo"
    copy_fixture(FIXTURES / fixture, repo)
    backdate(repo)
    return repo


def records(cache) -> list:
    return sorted(cache.glob("run-*.json")) if cache.exists() else []


def tamper(cache) -> None:
    """Replace the recorded output: a replayed run prints the marker, a checked run does not."""
    (path,) = records(cache)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["out"] = "REPLAYED\n"
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture(params=["cli", "launch"])
def run(request, capsys):
    """Each test through both entry points: ``cli.main`` (arguments parsed first) and the
    console script's ``launch.main`` (the record looked up before any parsing)."""
    main = cli_main if request.param == "cli" else launch_main

    def invoke(*argv):
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(directory))
    return directory


def test_the_same_run_is_replayed_byte_for_byte(run, tmp_path, cache):
    repo = repo_copy(tmp_path)
    cold = run(repo)
    assert len(records(cache)) == 1
    warm = run(repo)
    assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err)
    tamper(cache)
    assert run(repo).out == "REPLAYED\n"  # the warm run printed the record


def test_a_replayed_run_imports_no_parser_and_no_rule(tmp_path, cache):
    repo = repo_copy(tmp_path)
    script = (
        "import sys\nfrom env_lint.cli import main\ncode = main([sys.argv[1]])\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(('env_lint.rules', "
        "'env_lint.sources', 'env_lint.engine', 'tree_sitter', 'yaml', 'markdown_it')))\n"
        "print(code, heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "ENV_LINT_CACHE_DIR": str(cache)}
    first = subprocess.run([sys.executable, "-c", script, str(repo)], env=env, capture_output=True, text=True, check=False)
    second = subprocess.run([sys.executable, "-c", script, str(repo)], env=env, capture_output=True, text=True, check=False)
    assert first.stdout == second.stdout and first.stdout
    assert "env_lint.engine" in first.stderr
    assert second.stderr.endswith("1 []\n")


def test_a_replay_by_the_console_script_parses_no_argument(tmp_path, cache):
    """The launcher replays before argparse, dataclasses, typing or hashlib are imported."""
    repo = repo_copy(tmp_path)
    script = (
        "import sys\nfrom env_lint.launch import main\ncode = main([sys.argv[1]])\n"
        "ours = sorted(m for m in sys.modules if m.startswith('env_lint'))\n"
        "theirs = [m for m in ('argparse', 'dataclasses', 'typing', 'hashlib') if m in sys.modules]\n"
        "print(code, ours, theirs, file=sys.stderr)\n"
    )
    env = {**os.environ, "ENV_LINT_CACHE_DIR": str(cache)}
    runs = [subprocess.run([sys.executable, "-c", script, str(repo)], env=env, capture_output=True, text=True, check=False) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
    assert "'env_lint.cli'" in runs[0].stderr
    light = ["env_lint", "env_lint.cachedir", "env_lint.launch", "env_lint.listing", "env_lint.runrecord", "env_lint.stamps", "env_lint.stdio"]
    assert runs[1].stderr.endswith(f"1 {light} []\n")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda repo: (repo / "env.production.example").write_text("ONLY_THIS=\n"), id="a-file-edited"),
        pytest.param(lambda repo: os.utime(repo / "env.production.example", (1000, 1000)), id="a-file-touched"),
        pytest.param(lambda repo: (repo / "env.production.example").unlink(), id="a-file-deleted"),
        pytest.param(lambda repo: (repo / "src" / "lib" / "new.ts").write_text("export const x = process.env.NEW_ONE;\n"), id="a-file-added"),
        pytest.param(lambda repo: (repo / ".env-lint.toml").write_text('ignore = ["EL2"]\n'), id="a-config-added"),
    ],
)
def test_a_changed_input_is_checked_again(run, tmp_path, cache, change):
    repo = repo_copy(tmp_path)
    run(repo)
    tamper(cache)
    change(repo)
    for path in repo.rglob("*"):
        if path.is_file():
            old(path)
    again = run(repo)
    assert again.out != "REPLAYED\n" and again.out


def test_a_file_added_to_the_git_index_is_checked_again(run, tmp_path, cache):
    repo = repo_copy(tmp_path, "rules/unused-example-var/fires")
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    (repo / "src").mkdir(exist_ok=True)
    (repo / "src" / "flag.ts").write_text("export const f = process.env.OLD_FLAG;\n")
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "rm", "-q", "--cached", "src/flag.ts"], cwd=repo, check=True)
    backdate(repo)
    first = run(repo)
    assert "OLD_FLAG" in first.out  # src/flag.ts is not in the index: not read
    tamper(cache)
    subprocess.run([*GIT, "add", "src/flag.ts"], cwd=repo, check=True)
    old(repo / ".git" / "index")
    again = run(repo)
    assert again.out != "REPLAYED\n" and "OLD_FLAG" not in again.out


@pytest.mark.parametrize(
    ("argv", "environ"),
    [
        pytest.param(["--output-format", "json"], {}, id="another-format"),
        pytest.param(["--select", "EL201"], {}, id="another-rule-set"),
        pytest.param([], {"GITHUB_ACTIONS": "true"}, id="github-actions"),
        pytest.param([], {"FORCE_COLOR": "1"}, id="color"),
    ],
)
def test_other_arguments_or_environment_are_checked_again(run, tmp_path, cache, monkeypatch, argv, environ):
    repo = repo_copy(tmp_path)
    run(repo)
    tamper(cache)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert run(repo, *argv).out != "REPLAYED\n"


@pytest.mark.parametrize(
    "argv",
    [["--no-cache"], ["--diff"], ["--write-report", "json=report.json"]],
)
def test_runs_that_write_elsewhere_or_want_no_cache_are_never_recorded(run, tmp_path, cache, monkeypatch, argv):
    repo = repo_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(repo, *argv)
    assert records(cache) == []


def test_a_config_that_turns_the_cache_off_is_obeyed(run, tmp_path, cache):
    repo = repo_copy(tmp_path)
    (repo / ".env-lint.toml").write_text("cache = false\n")
    backdate(repo)
    run(repo)
    run(repo)
    assert records(cache) == []


def test_inputs_changed_just_now_are_not_recorded(run, tmp_path, cache):
    repo = repo_copy(tmp_path)
    (repo / "env.production.example").write_text((repo / "env.production.example").read_text() + "\n")
    run(repo)
    assert records(cache) == []  # a second edit within the same mtime tick would go unseen


@pytest.mark.parametrize("damage", ["", "{", '{"format": 1}', "[1, 2]", '{"format": 1, "key": 3}'])
def test_a_damaged_record_is_ignored_and_rewritten(run, tmp_path, cache, damage):
    repo = repo_copy(tmp_path)
    cold = run(repo)
    (path,) = records(cache)
    path.write_text(damage, encoding="utf-8")
    again = run(repo)
    assert (again.code, again.out) == (cold.code, cold.out)
    assert json.loads(path.read_text(encoding="utf-8"))["out"] == cold.out


def git_repo(tmp_path):
    """A fixture as a git repo with everything committed, checked from a subdirectory root."""
    top = tmp_path / "top"
    shutil.copytree(FIXTURES / "t11-platform", top / "app")
    backdate(top / "app")
    subprocess.run([*GIT, "init", "-q"], cwd=top, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=top, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "x"], cwd=top, check=True)
    return top


@pytest.mark.parametrize(
    "git_step",
    [
        pytest.param([], id="edited-only"),
        pytest.param(["add", "-A"], id="edited-and-staged"),
        pytest.param(["update-index", "--assume-unchanged", "app/env.production.example"], id="assume-unchanged"),
    ],
)
def test_in_a_git_work_tree_an_edit_is_seen_staged_or_not(run, tmp_path, cache, git_step):
    top = git_repo(tmp_path)
    example = top / "app" / "env.production.example"
    run(top / "app")
    tamper(cache)
    if git_step and git_step[0] == "update-index":
        subprocess.run([*GIT, *git_step], cwd=top, check=True)
    example.write_text(example.read_text() + "EXTRA_ADDED_KEY=\n")
    old(example)
    if git_step and git_step[0] == "add":
        subprocess.run([*GIT, *git_step], cwd=top, check=True)
    again = run(top / "app")
    assert again.out != "REPLAYED\n" and "EXTRA_ADDED_KEY" in again.out


def test_git_status_refreshing_the_index_keeps_the_replay(run, tmp_path, cache):
    top = git_repo(tmp_path)
    run(top / "app")
    tamper(cache)
    subprocess.run(["git", "status", "--short"], cwd=top, check=True, capture_output=True)
    assert run(top / "app").out == "REPLAYED\n"


def test_outside_git_the_default_cache_directory_is_no_input(run, tmp_path, monkeypatch):
    """A walk lists ``.env-lint-cache/`` too, and each run rewrites it: never part of the digest."""
    monkeypatch.delenv("ENV_LINT_CACHE_DIR")
    repo = repo_copy(tmp_path)
    first = run(repo)
    tamper(repo / ".env-lint-cache")
    assert run(repo).out == "REPLAYED\n" != first.out


def test_a_symlink_target_edit_is_checked_again(run, tmp_path, cache):
    """The run reads through a link that stays inside the repo; the target may be unlisted."""
    repo = tmp_path / "repo"
    write_repo(repo, {"node_modules/shared/env.example": "A_ONE=\n", "src/app.ts": "export const a = process.env.A_ONE;\nexport const b = process.env.B_TWO;\n"})
    (repo / ".env.example").symlink_to("node_modules/shared/env.example")
    backdate(repo)
    past = (repo / "src" / "app.ts").stat().st_mtime
    os.utime(repo / ".env.example", (past, past), follow_symlinks=False)  # the link itself
    assert "`B_TWO`" in run(repo).out
    target = repo / "node_modules" / "shared" / "env.example"
    target.write_text("A_ONE=\nB_TWO=\n")
    old(target)
    assert "`B_TWO`" not in run(repo).out


def test_a_symlinked_config_whose_target_changes_is_checked_again(run, tmp_path, cache):
    repo = repo_copy(tmp_path)
    (tmp_path / "v1.toml").write_text('ignore = ["EL2", "EL3", "EL4", "EL7"]\n')
    (tmp_path / "current.toml").symlink_to(tmp_path / "v1.toml")
    old(tmp_path / "v1.toml")
    past = (tmp_path / "v1.toml").stat().st_mtime
    os.utime(tmp_path / "current.toml", (past, past), follow_symlinks=False)
    quiet = run(repo, "--config", tmp_path / "current.toml")
    (tmp_path / "v1.toml").write_text("ignore = []\n")
    old(tmp_path / "v1.toml")
    assert run(repo, "--config", tmp_path / "current.toml").out != quiet.out


def test_git_is_never_asked_to_read_content(run, tmp_path, cache):
    """A repo's filter driver runs when git hashes a racily clean file (``diff-files``,
    ``status``): the replay asks git for its list only, so a planted driver never runs."""
    marker = tmp_path / "MARKER"
    top = git_repo(tmp_path)
    (top / ".gitattributes").write_text("* filter=planted\n")
    subprocess.run([*GIT, "add", ".gitattributes"], cwd=top, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "attrs"], cwd=top, check=True)
    # a fresh checkout: files and index written together, the entries racily clean
    subprocess.run([*GIT, "rm", "-rq", "--cached", "."], cwd=top, check=True)
    shutil.rmtree(top / "app")
    subprocess.run([*GIT, "checkout", "-q", "HEAD", "--", "."], cwd=top, check=True)
    subprocess.run(["git", "config", "filter.planted.clean", f'sh -c "touch {marker}; cat"'], cwd=top, check=True)
    run(top / "app")
    run(top / "app")
    assert not marker.exists()


def test_an_edit_that_keeps_size_and_mtime_is_checked_again(run, tmp_path, cache):
    """``cp -p`` or ``rsync -t``: the same size and mtime, new content; the ctime tells."""
    repo = repo_copy(tmp_path, "rules/unused-example-var/fires")
    example = repo / ".env.example"
    first = run(repo)
    tamper(cache)
    before = example.stat()
    text = example.read_text()
    example.write_text(text.replace("OLD_FLAG", "NEW_FLAG"))  # same length
    os.utime(example, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert example.stat().st_size == before.st_size
    again = run(repo)
    assert again.out != "REPLAYED\n" and again.out != first.out


def test_the_default_cache_of_a_given_root_is_found(run, tmp_path, monkeypatch):
    monkeypatch.delenv("ENV_LINT_CACHE_DIR", raising=False)
    repo = repo_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    first = run("repo")
    tamper(repo / ".env-lint-cache")
    assert run("repo").out == "REPLAYED\n" != first.out


def test_a_discovered_root_is_found_from_a_subdirectory(run, tmp_path, monkeypatch):
    """No argument: the root is the work-tree top, and so is its cache."""
    monkeypatch.delenv("ENV_LINT_CACHE_DIR", raising=False)
    top = git_repo(tmp_path)
    monkeypatch.chdir(top / "app" / "src")
    first = run()
    tamper(top / ".env-lint-cache")
    assert run().out == "REPLAYED\n" != first.out


def test_a_config_created_since_is_checked_again_tracked_or_not(run, tmp_path, cache):
    top = git_repo(tmp_path)
    first = run(top / "app")
    tamper(cache)
    (top / "app" / ".env-lint.toml").write_text('ignore = ["EL2", "EL3", "EL4", "EL7"]\n')
    old(top / "app" / ".env-lint.toml")
    again = run(top / "app")
    assert again.out not in ("REPLAYED\n", first.out)


def test_a_config_that_moves_the_discovered_root_is_checked_again(run, tmp_path, cache, monkeypatch):
    """From a subdirectory with no argument, a config created there makes it the root."""
    top = git_repo(tmp_path)
    (top / "other").mkdir()
    (top / "other" / ".env.example").write_text("LONE_SETTING=\n")
    old(top / "other" / ".env.example")
    monkeypatch.chdir(top / "other")
    first = run()
    assert "env.production.example" in first.out  # the root is the work-tree top
    tamper(cache)
    (top / "other" / ".env-lint.toml").write_text("")
    old(top / "other" / ".env-lint.toml")
    again = run()
    assert again.out != "REPLAYED\n" and "env.production.example" not in again.out


def test_a_run_with_a_step_summary_is_checked_and_appends(run, tmp_path, cache, monkeypatch):
    repo = repo_copy(tmp_path)
    run(repo)
    tamper(cache)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(repo).out != "REPLAYED\n"
    assert "env-lint" in summary.read_text(encoding="utf-8")


def test_a_directory_keeps_the_newest_records(run, tmp_path, cache, monkeypatch):
    monkeypatch.setattr(replay, "KEPT", 2)
    repo = repo_copy(tmp_path)
    for argv in (["--quiet"], ["--output-format", "json"], []):
        run(repo, *argv)
        time.sleep(0.01)  # distinct mtimes: the oldest record goes
    kept = sorted(json.loads(path.read_text(encoding="utf-8"))["out"] for path in records(cache))
    assert len(kept) == 2 and kept[1].startswith("{")  # the JSON run, and:
    assert "Found 6 errors" in kept[0]  # the plain run (its summary); the --quiet one went


def plant(directory, argv, roots, out="PLANTED\n"):
    """A record written by someone else, with a digest that matches what it names."""
    from env_lint.runrecord import FORMAT, record_path, run_key, take

    key = run_key(argv, os.environ, False)
    inputs = (tuple(roots), (), ())
    digest, _ = take(inputs, os.path.abspath(directory))
    data = {"format": FORMAT, "key": key, "digest": digest, "code": 0, "out": out, "err": ""}
    data.update(roots=list(roots), extra=[], present=[])
    os.makedirs(directory, exist_ok=True)
    with open(record_path(str(directory), key), "w", encoding="utf-8") as handle:
        json.dump(data, handle)


@pytest.mark.parametrize(
    "where",
    ["a-parent-directory", "no-roots", "other-roots", "a-run-never-recorded"],
)
def test_the_launcher_replays_only_a_record_its_run_could_have_written(tmp_path, monkeypatch, capsys, where):
    monkeypatch.delenv("ENV_LINT_CACHE_DIR", raising=False)
    repo = repo_copy(tmp_path)
    monkeypatch.chdir(repo)
    argv = ["--diff"] if where == "a-run-never-recorded" else []
    if where == "a-parent-directory":  # the working directory has no config or .git above it
        plant(tmp_path / ".env-lint-cache", argv, [str(tmp_path)])
    elif where == "no-roots":
        plant(repo / ".env-lint-cache", argv, [])
    elif where == "other-roots":
        (tmp_path / "other").mkdir()
        plant(repo / ".env-lint-cache", argv, [str(tmp_path / "other")])
    else:
        plant(repo / ".env-lint-cache", argv, ["."])
    launch_main(argv)
    assert "PLANTED" not in capsys.readouterr().out


def test_a_record_of_the_same_run_in_its_root_is_replayed(tmp_path, monkeypatch, capsys):
    """The counterpart of the test above: the check that planting passes when it is legitimate."""
    monkeypatch.delenv("ENV_LINT_CACHE_DIR", raising=False)
    repo = repo_copy(tmp_path)
    monkeypatch.chdir(repo)
    plant(repo / ".env-lint-cache", [], ["."])
    launch_main([])
    assert capsys.readouterr().out == "PLANTED\n"


def test_an_edited_repo_is_listed_once_by_the_launcher_and_the_check(tmp_path, cache, monkeypatch, capsys):
    """The launcher's digest (taken to compare with the record) is the one the check records."""
    from env_lint import runrecord

    repo = repo_copy(tmp_path)
    launch_main([str(repo)])
    example = repo / "env.production.example"
    example.write_text(example.read_text() + "EXTRA_ADDED_KEY=\n")
    old(example)
    calls = []
    real = runrecord.take
    monkeypatch.setattr(runrecord, "take", lambda *a: calls.append(a) or real(*a))
    monkeypatch.setattr(replay, "take", lambda *a: calls.append(a) or real(*a))
    capsys.readouterr()
    launch_main([str(repo)])
    assert "EXTRA_ADDED_KEY" in capsys.readouterr().out
    assert len(calls) == 1
    tamper(cache)
    assert run_twice_replays(repo, capsys)


def run_twice_replays(repo, capsys) -> bool:
    launch_main([str(repo)])
    return capsys.readouterr().out == "REPLAYED\n"
