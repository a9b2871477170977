"""What git tracks (a subprocess, never the network): asked only when a real env file exists."""

from __future__ import annotations

import os
import subprocess

from .discovery import is_real_env_name

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
    """Files git knows or would track (``.gitignore`` respected); None outside a work tree."""
    if not _inside_work_tree(root):
        return None  # no subprocess for a plain directory
    try:
        done = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
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
