"""Which files a repo has: inside a git work tree the files git tracks (the index: an untracked
file is never read, and under pre-commit, which stashes unstaged changes, that is exactly what
is being committed), a directory walk elsewhere; and which real env files git tracks. git is a
subprocess, never the network, and is asked nothing outside a work tree."""

from __future__ import annotations

import os
import subprocess

from ..paths import SKIP_DIRS, is_real_env_name, matches

_CHUNK = 200


def tracked_env_files(root: str, files: list[str]) -> tuple[str, ...]:
    """The real env files (``.env``, ``.env.local``...) among ``files`` that git tracks."""
    candidates = [f for f in files if is_real_env_name(f.rsplit("/", 1)[-1])]
    tracked: set[str] = set()
    for start in range(0, len(candidates), _CHUNK):
        tracked.update(_ls_files(root, candidates[start : start + _CHUNK]))
    return tuple(sorted(tracked))


def _ls_files(root: str, paths: list[str]) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--", *paths],
            capture_output=True,
            check=False,
            timeout=30,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return []  # no git: nothing is tracked
    if done.returncode != 0:
        return []  # not a git repo
    return [p for p in done.stdout.decode("utf-8", "replace").split("\0") if p]


def _inside_work_tree(root: str) -> bool:
    directory = os.path.abspath(root)
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return True
        parent = os.path.dirname(directory)
        if parent == directory:
            return False
        directory = parent


def git_files(root: str) -> list[str] | None:
    """The files in git's index (tracked; never untracked ones); None outside a work tree."""
    if not _inside_work_tree(root):
        return None  # no subprocess for a plain directory
    try:
        done = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--cached"],
            capture_output=True,
            check=False,
            timeout=60,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return [p for p in done.stdout.decode("utf-8", "replace").split("\0") if p]


def list_files(root: str, exclude: tuple[str, ...] = ()) -> list[str]:
    """In a git work tree, what ``git ls-files`` lists (``.gitignore`` respected); elsewhere a
    walk of the directory. Vendored, generated and virtualenv directories are skipped either way."""
    listed = git_files(root)
    if listed is None:
        return walk(root, exclude)
    kept = []
    for rel in listed:
        parts = rel.split("/")
        if any(p in SKIP_DIRS for p in parts[:-1]) or (exclude and matches(rel, exclude)):
            continue
        if os.path.isfile(os.path.join(root, rel)):
            kept.append(rel)
    return sorted(kept)


def walk(root: str, exclude: tuple[str, ...] = ()) -> list[str]:
    """Every regular file under ``root`` (relative POSIX paths, sorted), skipping vendored,
    generated and virtualenv directories and the ``exclude`` globs."""
    found: list[str] = []
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(root, rel_dir) if rel_dir else root
        try:
            entries = list(os.scandir(abs_dir))
        except OSError:
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if exclude and matches(rel, exclude):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIP_DIRS and not _is_virtualenv(entry.path):
                        stack.append(rel)
                elif entry.is_file():
                    found.append(rel)
            except OSError:
                continue
    return sorted(found)


def _is_virtualenv(path: str) -> bool:
    return os.path.exists(os.path.join(path, "pyvenv.cfg"))
