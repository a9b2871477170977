"""The facts cache: a warm run prints what a cold run prints, a changed file is read again, no
value ever reaches the cache, a broken cache is rebuilt, and the cache stays where it may."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from env_lint.project.cache import FactsCache, decode, encode
from env_lint.sources.base import Settings

from .conftest import DEMO, FIXTURES, ROOT, copy_fixture, write_repo

SECRET = "Zq8vN2mLw4Rt7yHb9KcX1pFsQ3"


def old(path) -> None:
    """Back-date a file past the cache's two-second racy window."""
    past = os.stat(path).st_mtime - 60
    os.utime(path, (past, past))


def backdate(root) -> None:
    for dirpath, _, names in os.walk(root):
        for name in names:
            old(os.path.join(dirpath, name))


def cache_files(directory) -> list[str]:
    return sorted(n for n in os.listdir(directory) if n.startswith("facts-"))


def stored(path) -> tuple[dict, dict[str, list]]:
    """The header and the entries of a cache file (one JSON line per file after the header)."""
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    entries = {}
    for line in lines:
        key, _, entry = line.partition("\t")
        entries[json.loads(key)] = json.loads(entry)
    return json.loads(header), entries


@pytest.mark.parametrize("fixture", ["t11-platform", "turbo-monorepo", "manifests/compose/fires"])
def test_cold_warm_and_no_cache_print_the_same_bytes(run, tmp_path, monkeypatch, fixture):
    repo = tmp_path / "repo"
    copy_fixture(FIXTURES / fixture, repo)
    backdate(repo)
    cache = tmp_path / "cache"
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(cache))
    cold = run(repo, "--format", "json")
    assert cache_files(cache)  # written
    header, entries = stored(cache / cache_files(cache)[0])
    assert header["format"] == 16 and entries  # and used: the warm run reads from it
    warm = run(repo, "--format", "json")
    fresh = run(repo, "--format", "json", "--no-cache")
    assert cold.out == warm.out == fresh.out and cold.code == warm.code == fresh.code


def test_a_changed_file_is_read_again(run_in, tmp_path, monkeypatch):
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(tmp_path / "cache"))
    repo = write_repo(tmp_path / "repo", {
        ".env.example": "API_URL=\n",
        "src/api.ts": "export const u = process.env.API_URL;\n",
    })
    backdate(repo)
    assert run_in(repo).out.startswith("No problems")
    (repo / "src/api.ts").write_text("export const u = process.env.API_TOKEN;\n")  # same size
    assert "`API_TOKEN` is read here" in run_in(repo).out


def test_no_value_reaches_the_cache(run, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(cache))
    repo = write_repo(tmp_path / "repo", {
        ".env.example": f"SESSION_SECRET={SECRET}\n",
        ".env": f"SESSION_SECRET={SECRET}\n",
        "src/env.ts": 'import { z } from "zod";\n'
        f'export const env = z.object({{ SESSION_SECRET: z.string().default("{SECRET}") }}).parse(process.env);\n',
        "docs/ENV.md": f"| Variable | Default |\n|---|---|\n| `SESSION_SECRET` | `{SECRET}` |\n\n```\nSESSION_SECRET={SECRET}\n```\n",
        "docker-compose.yml": f"services:\n  api:\n    build: .\n    environment:\n      SESSION_SECRET: {SECRET}\n",
        "settings.py": "from pydantic_settings import BaseSettings\n\n"
        f"class S(BaseSettings):\n    session_secret: str = '{SECRET}'\n",
    })
    backdate(repo)
    run(repo)
    run(repo)
    assert cache_files(cache)
    for name in os.listdir(cache):
        assert SECRET[4:16] not in (cache / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"format": 6, "unclaimed": []}\n"src/a.ts"\t[[1, 2, 3], {"@": "os.system", "v": []}]\n',
        '{"format": 6, "unclaimed": []}\n"src/a.ts\t[[\n\t\t\n"x\\"\ty\n',
        '{"format": 2, "files": {}, "unclaimed": []}',
        "[]",
        "",
    ],
)
def test_a_broken_or_foreign_cache_is_ignored_and_rebuilt(run, tmp_path, monkeypatch, content):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(cache))
    repo = tmp_path / "repo"
    copy_fixture(DEMO, repo)
    backdate(repo)
    expected = run(repo, "--no-cache").out
    run(repo)
    for name in cache_files(cache):
        (cache / name).write_text(content)
    for record in cache.glob("run-*.json"):  # no replay (test_replay.py): the facts are read
        record.unlink()
    assert run(repo).out == expected
    assert stored(cache / cache_files(cache)[0])[0]["format"] == 16


def test_the_default_cache_directory_is_ignored_by_git(tmp_path, monkeypatch):
    monkeypatch.delenv("ENV_LINT_CACHE_DIR")
    repo = write_repo(tmp_path, {".env.example": "A_B=\n", "src/a.ts": "process.env.A_B;\n"})
    backdate(repo)
    done = subprocess.run([sys.executable, "-m", "env_lint", str(repo)], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert (repo / ".env-lint-cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_repo_config_may_not_put_the_cache_outside_the_repo(run, tmp_path, monkeypatch):
    monkeypatch.delenv("ENV_LINT_CACHE_DIR")
    repo = write_repo(tmp_path / "repo", {".env-lint.toml": 'cache-dir = "../elsewhere"\n', ".env.example": "A_B=\n"})
    result = run(repo)
    assert result.code == 2 and "cache-dir: the cache directory must be inside the repo" in result.err
    assert not (tmp_path / "elsewhere").exists()


def test_a_file_changed_in_the_last_seconds_is_not_kept(tmp_path):
    from env_lint.model import FileFacts, Location, Usage

    cache = FactsCache(str(tmp_path / "cache"), str(tmp_path), Settings())
    fresh = FileFacts("a.ts", "script", usages=(Usage("A_B", Location("a.ts", 1, 1)),))
    now = int(os.stat(tmp_path).st_mtime_ns)
    cache.put("a.ts", (10, now, 1), fresh)
    cache.put("b.ts", (10, now - 60 * 10**9, 2), fresh)
    assert sorted(cache._new) == ["b.ts"]


def test_facts_round_trip_through_json():
    from env_lint.config import Config
    from env_lint.listing import list_files
    from env_lint.project import build_project
    from env_lint.project.collect import Collector

    collected = Collector(str(DEMO), Settings()).collect(list_files(str(DEMO)))
    for item in collected.facts.values():
        assert decode(json.loads(json.dumps(encode(item)))) == item
    assert build_project(str(DEMO), Config()).files_checked > 0


@pytest.mark.parametrize("fixture", ["t11-platform", "turbo-monorepo", "monorepo-scope"])
def test_output_is_the_same_under_every_hash_seed(tmp_path, fixture):
    outputs = set()
    for seed in ("0", "1", "42", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ENV_LINT_CACHE_DIR": str(tmp_path / seed)}
        done = subprocess.run(
            [sys.executable, "-m", "env_lint", str(FIXTURES / fixture), "--format", "json", "--select", "ALL"],
            capture_output=True, text=True, check=False, cwd=ROOT, env=env,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_the_cache_is_never_read_as_a_source(run, tmp_path, monkeypatch):
    """Outside git the directory is walked: the cache's own JSON must not count as config."""
    monkeypatch.delenv("ENV_LINT_CACHE_DIR")
    repo = write_repo(tmp_path, {
        ".env.example": "API_URL=\nOLD_FLAG=\n",
        "src/a.ts": "export const u = process.env.API_URL;\n",
        "src/b.ts": "export const s = `${'OLD_FLAG'.length}`;\n",
    })
    backdate(repo)
    first = run(repo)
    (repo / "src/b.ts").unlink()
    second = run(repo)
    assert "`OLD_FLAG` is listed" in second.out and first.out != second.out


def test_a_bare_file_is_one_that_holds_only_names():
    """The collector keeps only a count and the names of files that hold nothing else: every
    other field of FileFacts must default to something falsy for that test to stay right."""
    import dataclasses

    from env_lint.model import FileFacts, Location, Usage
    from env_lint.project.collect import _bare

    kept = ("path", "source", "checked", "words", "strings", "words_kind")
    for item in dataclasses.fields(FileFacts):
        if item.name not in kept:
            assert not item.default, item.name
    names = FileFacts("a.ts", "script", words=frozenset({"A_B"}), words_kind="code")
    assert _bare(names)
    assert not _bare(dataclasses.replace(names, usages=(Usage("A_B", Location("a.ts", 1, 1)),)))
    assert not _bare(dataclasses.replace(names, checked=False))


@pytest.mark.parametrize(
    ("literal", "kept"),
    [
        pytest.param("~/components/Model3D/ViewerPanel", True, id="an-import-path"),
        pytest.param("getB2ImageS3Client", True, id="a-camel-case-name"),
        pytest.param(SECRET, False, id="key-material"),
        pytest.param("sk_live_9fK2mQ7xVb3LpR8tZw1NcY6h", False, id="a-known-credential-format"),
    ],
)
def test_module_facts_are_kept_unless_a_literal_looks_like_key_material(run, tmp_path, monkeypatch, literal, kept):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ENV_LINT_CACHE_DIR", str(cache))
    repo = write_repo(tmp_path / "repo", {
        ".env.example": "APP_URL=\n",
        "src/use.ts": "export const u = process.env.APP_URL;\n",
        "src/form.ts": 'import { formSchema } from "./schemas";\n'
        f'export const ok = formSchema.safeParse({{ a: "{literal}" }}).success;\n',
    })
    backdate(repo)
    run(repo)
    _, entries = stored(cache / cache_files(cache)[0])
    assert ("src/form.ts" in entries) is kept
    assert SECRET[4:16] not in (cache / cache_files(cache)[0]).read_text(encoding="utf-8")
